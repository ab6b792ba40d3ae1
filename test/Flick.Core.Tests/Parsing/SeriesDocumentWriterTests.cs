using System.Text;
using Flick.Core.Domain;
using Flick.Core.Parsing;

namespace Flick.Core.Tests.Parsing;

public sealed class SeriesDocumentWriterTests
{
    private static readonly SeriesId Series = SeriesId.Parse("demo-1");
    private static readonly DateTimeOffset At0 = new(2024, 5, 1, 12, 0, 5, TimeSpan.Zero);
    private static readonly DateTimeOffset At1 = new(2024, 5, 1, 12, 1, 5, TimeSpan.Zero);

    [Fact]
    public async Task WriteAsync_WhenObservationsHaveTwoTimes_ShouldWriteSeriesMetadataThenOneSamplePerTimeInOrder()
    {
        Observation[] observations =
        [
            new() { UserId = "2", StreamId = "s2", ViewerCount = 20, At = At1 },
            new()
            {
                UserId = "1", UserLogin = "one", UserName = "One", GameId = "33", GameName = "Chess", StreamId = "s1",
                Title = "t", Language = "en", ViewerCount = 10, StartedAt = new DateTimeOffset(2024, 5, 1, 13, 0, 0, TimeSpan.FromHours(2)),
                IsMature = true, At = At0,
            },
            new() { UserId = "3", StreamId = "s3", ViewerCount = 30, At = At1 },
        ];
        var metadata = new Dictionary<string, string> { ["source"] = "helix", ["run"] = "r-1" };

        var json = await WriteAsync(observations, metadata);

        const string common = "\"user_login\":\"\",\"user_name\":\"\",\"game_id\":\"\",\"game_name\":\"\",\"type\":\"live\",\"title\":\"\"";
        json.ShouldBe(
            "{\"series\":\"demo-1\",\"run\":\"r-1\",\"source\":\"helix\",\"samples\":["
            + "{\"at\":\"2024-05-01T12:00:05Z\",\"streams\":[{\"id\":\"s1\",\"user_id\":\"1\",\"user_login\":\"one\",\"user_name\":\"One\","
            + "\"game_id\":\"33\",\"game_name\":\"Chess\",\"type\":\"live\",\"title\":\"t\",\"viewer_count\":10,"
            + "\"started_at\":\"2024-05-01T11:00:00Z\",\"language\":\"en\",\"is_mature\":true}]},"
            + "{\"at\":\"2024-05-01T12:01:05Z\",\"streams\":["
            + "{\"id\":\"s2\",\"user_id\":\"2\"," + common + ",\"viewer_count\":20,\"language\":\"\",\"is_mature\":false},"
            + "{\"id\":\"s3\",\"user_id\":\"3\"," + common + ",\"viewer_count\":30,\"language\":\"\",\"is_mature\":false}]}]}");
    }

    [Fact]
    public async Task WriteAsync_WhenThereAreNoObservations_ShouldWriteAnEmptySamplesArray()
    {
        var json = await WriteAsync([], null);

        json.ShouldBe("{\"series\":\"demo-1\",\"samples\":[]}");
    }

    [Fact]
    public async Task WriteAsync_ThenParse_ShouldGiveBackEqualObservations()
    {
        Observation[] observations =
        [
            new()
            {
                UserId = "141981764", UserLogin = "twitchdev", UserName = "TwitchDev", GameId = "", GameName = "",
                StreamId = "40952121085", Title = "Ünïcödé 日本語のタイトル 🎮 \"quotes\" \\ back\nslash <b>&amp;</b>",
                Language = "ja", ViewerCount = 2147483647, StartedAt = null, IsMature = false, At = At0.AddTicks(1234567),
            },
            new()
            {
                UserId = "7", UserLogin = "seven", UserName = "Сем", GameId = "509658", GameName = "Just Chatting",
                StreamId = "9", Title = "", Language = "ru", ViewerCount = 0,
                StartedAt = new DateTimeOffset(2024, 4, 30, 23, 59, 59, 999, TimeSpan.FromHours(-5)), IsMature = true,
                At = new DateTimeOffset(2024, 5, 1, 14, 1, 5, TimeSpan.FromHours(2)),
            },
        ];
        using var output = new MemoryStream();
        await SeriesDocumentWriter.WriteAsync(output, Series, observations, new Dictionary<string, string> { ["note"] = "é" }, CancellationToken.None);
        output.Position = 0;
        var sink = new RecordingSink();

        var summary = await RawInputParser.ParseAsync(output, new ParseOptions(), sink, CancellationToken.None);

        summary.Format.ShouldBe(InputFormat.SeriesDocument);
        summary.Rejected.ShouldBe(0);
        sink.Samples.ShouldBe([(Series, At0.AddTicks(1234567)), (Series, At1)]);
        sink.Observations.Select(o => o.Observation).ShouldBe(observations);
        sink.Observations.ShouldAllBe(o => o.Series == Series);
    }

    [Theory]
    [InlineData("series")]
    [InlineData("samples")]
    [InlineData("data")]
    [InlineData("at")]
    public async Task WriteAsync_WhenMetadataUsesAReservedName_ShouldThrowArgumentException(string key)
    {
        await Should.ThrowAsync<ArgumentException>(() => WriteAsync([], new Dictionary<string, string> { [key] = "x" }));
    }

    [Fact]
    public async Task WriteAsync_WhenSeriesIsDefault_ShouldThrowArgumentException()
    {
        using var output = new MemoryStream();

        await Should.ThrowAsync<ArgumentException>(() => SeriesDocumentWriter.WriteAsync(output, default, [], null, CancellationToken.None));
    }

    private static async Task<string> WriteAsync(IReadOnlyList<Observation> observations, IReadOnlyDictionary<string, string>? metadata)
    {
        using var output = new MemoryStream();
        await SeriesDocumentWriter.WriteAsync(output, Series, observations, metadata, CancellationToken.None);
        return Encoding.UTF8.GetString(output.ToArray());
    }
}
