using System.Text;
using Flick.Core.Domain;
using Flick.Core.Parsing;

namespace Flick.Core.Tests.Parsing;

public class WholeSampleSinkTests
{
    private static readonly SeriesId Series = SeriesId.Parse("s");

    private static async Task<RecordingSink> ParseAsync(string ndjson)
    {
        var recording = new RecordingSink();
        var whole = new WholeSampleSink(recording);
        await RawInputParser.ParseAsync(new MemoryStream(Encoding.UTF8.GetBytes(ndjson)), new ParseOptions { Format = InputFormat.Ndjson }, whole, CancellationToken.None);
        whole.Complete();
        return recording;
    }

    private const string Good1 = """{"series":"s","at":"2026-11-23T10:00:00Z","streams":[{"user_id":"1","viewer_count":1},{"user_id":"2","viewer_count":2}]}""";
    private const string Good2 = """{"series":"s","at":"2026-11-23T10:01:00Z","streams":[{"user_id":"3","viewer_count":3}]}""";
    private const string Cut = """{"series":"s","at":"2026-11-23T10:02:00Z","streams":[{"user_id":"4","viewer_count":4},{"user_id":"5","vie""";

    [Fact]
    public async Task Complete_WhenEverySampleIsWhole_ShouldDeliverEverything()
    {
        var sink = await ParseAsync(Good1 + "\n" + Good2 + "\n");

        sink.Observations.Select(o => o.Observation.UserId).ShouldBe(["1", "2", "3"]);
        sink.Samples.Count.ShouldBe(2);
        sink.Rejections.ShouldBeEmpty();
    }

    [Fact]
    public async Task OnRejected_WhenASampleIsCutShort_ShouldQuarantineThatSampleWhole()
    {
        var sink = await ParseAsync(Good1 + "\n" + Cut + "\n" + Good2 + "\n");

        // User 4 was read before the cut, but its minute would be partial: it is not counted.
        sink.Observations.Select(o => o.Observation.UserId).ShouldBe(["1", "2", "3"]);
        sink.Samples.Select(s => s.At.Minute).ShouldBe([0, 1]);
        var rejection = sink.Rejections.ShouldHaveSingleItem();
        rejection.Code.ShouldBe(RejectionCodes.MalformedJson);
        rejection.Reason.ShouldContain("quarantined whole (1 stream(s)");
        rejection.SeriesId.ShouldBe(Series.Value);
    }

    [Fact]
    public async Task OnRejected_WhenAStreamIsInvalid_ShouldKeepTheRestOfItsSample()
    {
        var sink = await ParseAsync("""{"series":"s","at":"2026-11-23T10:00:00Z","streams":[{"user_id":"1","viewer_count":-1},{"user_id":"2","viewer_count":2}]}""" + "\n");

        sink.Observations.Select(o => o.Observation.UserId).ShouldBe(["2"]);
        sink.Rejections.ShouldHaveSingleItem().Code.ShouldBe(RejectionCodes.InvalidViewerCount);
    }
}
