using Flick.Core.Domain;
using Flick.Core.Parsing;

namespace Flick.Core.Tests.Parsing;

public sealed partial class RawInputParserTests
{
    private static string Line(string series, string at, params string[] streams) =>
        $$"""{"series":"{{series}}","at":"{{at}}","streams":[{{string.Join(",", streams)}}]}""";

    [Fact]
    public async Task ParseAsync_WhenNdjson_ShouldEmitOneSamplePerLine()
    {
        var input = string.Join("\n",
            Line("demo-1", "2024-05-01T12:00:05Z", StreamJson("1", 5), StreamJson("2", 7)),
            "",
            "   ",
            Line("other", "2024-05-01T12:00:05Z"),
            $$"""{"at":"2024-05-01T12:01:05Z","extra":{"streams":[1]},"series":"demo-1","streams":[{{StreamJson("1", 6)}}]}""") + "\r\n";

        var (summary, sink) = await ParseAsync(input, Options(InputFormat.Ndjson));

        sink.Calls.ShouldBe(
        [
            $"sample demo-1 {Minute0:O}",
            $"observation demo-1 {Expected(Minute0, "1", 5)}",
            $"observation demo-1 {Expected(Minute0, "2", 7)}",
            $"sample other {Minute0:O}",
            $"sample demo-1 {Minute1:O}",
            $"observation demo-1 {Expected(Minute1, "1", 6)}",
        ]);
        summary.ShouldBe(new ParseSummary(InputFormat.Ndjson, System.Text.Encoding.UTF8.GetByteCount(input), 3, 3, 0, null, null));
    }

    [Fact]
    public async Task ParseAsync_WhenCrLfLineEndings_ShouldReadEveryLine()
    {
        var input = Line("demo-1", "2024-05-01T12:00:05Z", StreamJson()) + "\r\n" + Line("demo-1", "2024-05-01T12:01:05Z", StreamJson()) + "\r\n";

        var (_, sink) = await ParseAsync(input, Options(InputFormat.Ndjson));

        sink.Observations.Select(o => o.Observation).ShouldBe([Expected(Minute0), Expected(Minute1)]);
    }

    [Theory]
    [InlineData("""{"series":"demo-1","at":"2024-05-01T12:00:05Z","streams":[{"user_id":"1",""", "malformed-json")]
    [InlineData("""{"series":"demo-1","at":"2024-05-01T12:00:05Z","streams":[]}}""", "malformed-json")]
    [InlineData("""{"series":"demo-1","at":"2024-05-01T12:00:05Z","streams":[]} {"series":"demo-1"}""", "malformed-json")]
    [InlineData("""not json at all""", "malformed-json")]
    [InlineData("""[1,2,3]""", "wrong-type")]
    [InlineData("""{"series":"../etc","at":"2024-05-01T12:00:05Z","streams":[]}""", "invalid-series-id")]
    [InlineData("""{"series":"Demo","at":"2024-05-01T12:00:05Z","streams":[]}""", "invalid-series-id")]
    [InlineData("""{"at":"2024-05-01T12:00:05Z","streams":[]}""", "invalid-series-id")]
    [InlineData("""{"series":"demo-1","at":"noon","streams":[]}""", "invalid-at")]
    [InlineData("""{"series":"demo-1","streams":[]}""", "invalid-at")]
    public async Task ParseAsync_WhenOneNdjsonLineIsBad_ShouldQuarantineThatLineAndContinue(string badLine, string code)
    {
        var input = string.Join("\n",
            Line("demo-1", "2024-05-01T12:00:05Z", StreamJson("1")),
            badLine,
            Line("demo-1", "2024-05-01T12:01:05Z", StreamJson("3")));

        var (summary, sink) = await ParseAsync(input, Options(InputFormat.Ndjson));

        var rejection = sink.Rejections.ShouldHaveSingleItem();
        rejection.Code.ShouldBe(code);
        rejection.Location.ShouldBe("line 2");
        sink.Observations.Select(o => o.Observation).ShouldBe([Expected(Minute0, "1"), Expected(Minute1, "3")]);
        summary.Error.ShouldBeNull();
    }

    [Fact]
    public async Task ParseAsync_WhenNdjsonLineHasBadStreams_ShouldLocateThemByLineAndStream()
    {
        var input = Line("demo-1", "2024-05-01T12:00:05Z", StreamJson("1")) + "\n\n"
            + Line("demo-1", "2024-05-01T12:01:05Z", StreamJson("2"), StreamJson("3", fields: "\"viewer_count\":-4"));

        var (_, sink) = await ParseAsync(input, Options(InputFormat.Ndjson));

        sink.Rejections.ShouldBe([new Rejection
        {
            Code = RejectionCodes.InvalidViewerCount,
            Reason = "viewer_count -4 is not an integer in 0..2147483647",
            SeriesId = "demo-1",
            At = "2024-05-01T12:01:05Z",
            UserId = "3",
            Location = "line 3, stream 2",
        }]);
    }

    [Fact]
    public async Task ParseAsync_WhenLastNdjsonLineIsTruncated_ShouldKeepWhatCameBefore()
    {
        var input = Line("demo-1", "2024-05-01T12:00:05Z", StreamJson("1")) + "\n"
            + """{"series":"demo-1","at":"2024-05-01T12:01:05Z","streams":[""" + StreamJson("2") + ",{\"user_id\":\"3\",\"vie";

        var (summary, sink) = await ParseAsync(input, Options(InputFormat.Ndjson));

        sink.Observations.Select(o => o.Observation).ShouldBe([Expected(Minute0, "1"), Expected(Minute1, "2")]);
        var rejection = sink.Rejections.ShouldHaveSingleItem();
        rejection.Code.ShouldBe(RejectionCodes.MalformedJson);
        rejection.Location.ShouldBe("line 2");
        summary.Samples.ShouldBe(2);
    }

    [Fact]
    public async Task ParseAsync_WhenNdjsonObjectSpansTwoLines_ShouldRefuseBothLinesNotTheNext()
    {
        var input = "{\"series\":\"demo-1\",\n\"at\":\"2024-05-01T12:00:05Z\",\"streams\":[]}\n"
            + Line("demo-1", "2024-05-01T12:01:05Z", StreamJson("3"));

        var (_, sink) = await ParseAsync(input, Options(InputFormat.Ndjson));

        sink.Rejections.Select(r => r.Location).ShouldBe(["line 1", "line 2"]);
        sink.Observations.Select(o => o.Observation).ShouldBe([Expected(Minute1, "3")]);
    }
}
