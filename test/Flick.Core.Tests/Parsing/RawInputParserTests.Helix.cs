using Flick.Core.Domain;
using Flick.Core.Parsing;

namespace Flick.Core.Tests.Parsing;

public sealed partial class RawInputParserTests
{
    [Fact]
    public async Task ParseAsync_WhenHelixPage_ShouldMapEveryFieldAtThePullTime()
    {
        const string page = """
            {"data":[{"id":"40952121085","user_id":"101051819","user_login":"afro","user_name":"Afro","game_id":"32982",
              "game_name":"Grand Theft Auto V","type":"live","title":"Jacob: Digital Den Laptops & Routers | NoPixel | !MAINGEAR !FCF",
              "tags":["English","GTA"],"viewer_count":1490,"started_at":"2021-03-10T03:18:11Z","language":"en",
              "thumbnail_url":"https://static-cdn.jtvnw.net/previews-ttv/live_user_afro-{width}x{height}.jpg","tag_ids":[],"is_mature":true}],
             "pagination":{"cursor":"eyJiIjp7IkN1cnNvciI6ImV5SnpJam94TlRBN"}}
            """;

        var (summary, sink) = await ParseAsync(page, PageOptions);

        sink.Samples.ShouldBe([(TopSeries, PullTime)]);
        sink.Observations.ShouldBe([(TopSeries, new Observation
        {
            StreamId = "40952121085",
            UserId = "101051819",
            UserLogin = "afro",
            UserName = "Afro",
            GameId = "32982",
            GameName = "Grand Theft Auto V",
            Title = "Jacob: Digital Den Laptops & Routers | NoPixel | !MAINGEAR !FCF",
            ViewerCount = 1490,
            StartedAt = new DateTimeOffset(2021, 3, 10, 3, 18, 11, TimeSpan.Zero),
            Language = "en",
            IsMature = true,
            At = PullTime,
        })]);
        sink.Rejections.ShouldBeEmpty();
        summary.ShouldBe(new ParseSummary(InputFormat.HelixPage, System.Text.Encoding.UTF8.GetByteCount(page), 1, 1, 0, "eyJiIjp7IkN1cnNvciI6ImV5SnpJam94TlRBN", null));
    }

    [Fact]
    public async Task ParseAsync_WhenHelixDataIsEmpty_ShouldStillReportTheSampleOnce()
    {
        var (summary, sink) = await ParseAsync("""{"data":[],"pagination":{}}""", PageOptions);

        sink.Samples.ShouldBe([(TopSeries, PullTime)]);
        sink.Observations.ShouldBeEmpty();
        summary.Samples.ShouldBe(1);
        summary.Observations.ShouldBe(0);
        summary.Cursor.ShouldBeNull();
    }

    [Theory]
    [InlineData("""{"data":[],"pagination":{"cursor":""}}""")]
    [InlineData("""{"data":[],"pagination":{"cursor":null}}""")]
    [InlineData("""{"data":[]}""")]
    public async Task ParseAsync_WhenCursorIsEmptyOrAbsent_ShouldReportNoCursor(string page)
    {
        var (summary, _) = await ParseAsync(page, PageOptions);

        summary.Cursor.ShouldBeNull();
    }

    [Fact]
    public async Task ParseAsync_WhenPaginationComesFirst_ShouldStillReadCursorAndStreams()
    {
        var page = $$"""{"pagination":{"extra":{"x":[1,2]},"cursor":"abc"},"data":[{{StreamJson()}}]}""";

        var (summary, sink) = await ParseAsync(page, PageOptions);

        summary.Cursor.ShouldBe("abc");
        sink.Observations.Select(o => o.Observation).ShouldBe([Expected(PullTime)]);
    }

    [Fact]
    public async Task ParseAsync_WhenStreamHasUnknownAndNestedFields_ShouldSkipThem()
    {
        var stream = StreamJson(fields:
        [
            "\"tags\":null",
            "\"extra\":{\"user_id\":\"999\",\"deep\":[{\"viewer_count\":-5},[[],{}]]}",
            "\"list\":[1,\"two\",{\"three\":3},[4]]",
            "\"tag_ids\":[\"6ea6bca4\"]",
            "\"thumbnail_url\":null",
        ]);

        var (summary, sink) = await ParseAsync(Page(stream), PageOptions);

        sink.Observations.Select(o => o.Observation).ShouldBe([Expected(PullTime)]);
        summary.Rejected.ShouldBe(0);
    }

    [Fact]
    public async Task ParseAsync_WhenPageHasUnknownTopLevelFields_ShouldSkipThem()
    {
        var page = $$"""{"total":5,"meta":{"data":[{"user_id":"x"}]},"data":[{{StreamJson()}}],"after":[{"data":1}]}""";

        var (_, sink) = await ParseAsync(page, PageOptions);

        sink.Observations.Select(o => o.Observation).ShouldBe([Expected(PullTime)]);
        sink.Samples.Count.ShouldBe(1);
    }

    [Fact]
    public async Task ParseAsync_WhenPullTimeHasAnOffset_ShouldUseTheSameInstant()
    {
        var options = PageOptions with { PullTime = new DateTimeOffset(2024, 5, 1, 14, 0, 30, TimeSpan.FromHours(2)) };

        var (_, sink) = await ParseAsync(Page(StreamJson()), options);

        sink.Observations[0].Observation.At.UtcDateTime.ShouldBe(new DateTime(2024, 5, 1, 12, 0, 30, DateTimeKind.Utc));
        sink.Observations[0].Observation.Slot.ToString().ShouldBe("2024-05-01T12:00Z");
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public async Task ParseAsync_WhenHelixPageLacksSeriesOrPullTime_ShouldThrowArgumentException(bool withSeries, bool withPullTime)
    {
        var options = new ParseOptions
        {
            Format = InputFormat.HelixPage,
            Series = withSeries ? TopSeries : null,
            PullTime = withPullTime ? PullTime : null,
        };

        await Should.ThrowAsync<ArgumentException>(() => ParseAsync(Page(StreamJson()), options));
        await Should.ThrowAsync<ArgumentException>(() => ParseAsync(Page(StreamJson()), options with { Format = InputFormat.Auto }));
    }

    [Fact]
    public async Task ParseAsync_WhenPageHasNoData_ShouldReportAnEmptySample()
    {
        var (summary, sink) = await ParseAsync("""{"pagination":{}}""", PageOptions);

        sink.Samples.ShouldBe([(TopSeries, PullTime)]);
        summary.Observations.ShouldBe(0);
        summary.Rejected.ShouldBe(0);
    }
}
