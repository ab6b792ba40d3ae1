using System.Text;
using Flick.Core.Domain;
using Flick.Core.Parsing;

namespace Flick.Core.Tests.Parsing;

public sealed partial class RawInputParserTests
{
    [Theory]
    [InlineData("""{"id":"s-2","user_id":"2","viewer_count":""")]
    [InlineData("""{"id":"s-2","user_id":"2","viewer_count":1""")]
    [InlineData("""{"id":"s-2","user_id":"2",,"viewer_count":1}]}""")]
    [InlineData("""{"id":"s-2","user_id":"2","title":"unterminated""")]
    [InlineData("""{"id":"s-2","user_id":"2","viewer_count":1}""")]
    [InlineData("""{"id":"s-2","user_id":"2","viewer_count":1}],"pagination":{"cursor":"x"}""")]
    [InlineData("""{"id":"s-2","user_id":"2","viewer_count":1}]} trailing""")]
    [InlineData("""garbage""")]
    public async Task ParseAsync_WhenHelixPageIsMalformedOrTruncated_ShouldKeepWhatCameBeforeAndRejectOnce(string tail)
    {
        var page = "{\"data\":[" + StreamJson("1") + "," + tail;

        var (summary, sink) = await ParseAsync(page, PageOptions);

        sink.Samples.ShouldBe([(TopSeries, PullTime)]);
        sink.Observations.Select(o => o.Observation).ShouldContain(Expected(PullTime, "1"));
        var rejection = sink.Rejections.ShouldHaveSingleItem();
        rejection.Code.ShouldBe(RejectionCodes.MalformedJson);
        rejection.Location.ShouldStartWith("byte ");
        summary.Error.ShouldBe(rejection.Reason);
        summary.Rejected.ShouldBe(1);
    }

    [Fact]
    public async Task ParseAsync_WhenHelixPageIsCutInsideTheSecondStream_ShouldGiveTheFirstAndTheByteOffset()
    {
        var first = "{\"data\":[" + StreamJson("1") + ",";
        var page = first + "{\"id\":\"s-2\",\"user_id\":\"2\",\"viewer_count\":";

        var (summary, sink) = await ParseAsync(page, PageOptions);

        sink.Observations.Select(o => o.Observation).ShouldBe([Expected(PullTime, "1")]);
        // Every byte up to the cut was a complete token (the name "viewer_count" and its colon): the refusal starts at the cut.
        sink.Rejections.ShouldHaveSingleItem().Location.ShouldBe($"byte {Encoding.UTF8.GetByteCount(page)}");
        summary.Observations.ShouldBe(1);
        summary.Bytes.ShouldBe(Encoding.UTF8.GetByteCount(page));
    }

    [Fact]
    public async Task ParseAsync_WhenSeriesDocumentIsTruncatedInTheSecondSample_ShouldKeepTheFirstSample()
    {
        var document = $$"""{"series":"demo-1","samples":[{"at":"2024-05-01T12:00:05Z","streams":[{{StreamJson("1")}}]},{"at":"2024-05-01T12:01:05Z","streams":[{{StreamJson("2")}},{"user_""";

        var (summary, sink) = await ParseAsync(document, Options(InputFormat.SeriesDocument));

        sink.Calls.ShouldBe(
        [
            $"sample demo-1 {Minute0:O}",
            $"observation demo-1 {Expected(Minute0, "1")}",
            $"sample demo-1 {Minute1:O}",
            $"observation demo-1 {Expected(Minute1, "2")}",
            $"rejected {sink.Rejections.ShouldHaveSingleItem()}",
        ]);
        sink.Rejections[0].Code.ShouldBe(RejectionCodes.MalformedJson);
        sink.Rejections[0].SeriesId.ShouldBe("demo-1");
        summary.Error.ShouldNotBeNull();
    }

    [Fact]
    public async Task ParseAsync_WhenSeriesDocumentHasASyntaxErrorInTheMiddle_ShouldStopThere()
    {
        var document = $$"""{"series":"demo-1","samples":[{"at":"2024-05-01T12:00:05Z","streams":[{{StreamJson("1")}}]} {"at":"2024-05-01T12:01:05Z","streams":[{{StreamJson("2")}}]}]}""";

        var (summary, sink) = await ParseAsync(document, Options(InputFormat.SeriesDocument));

        sink.Observations.Select(o => o.Observation.UserId).ShouldBe(["1"]);
        sink.Rejections.ShouldHaveSingleItem().Code.ShouldBe(RejectionCodes.MalformedJson);
        summary.Samples.ShouldBe(1);
        summary.Error.ShouldNotBeNull();
    }

    [Theory]
    [InlineData(InputFormat.HelixPage, "")]
    [InlineData(InputFormat.SeriesDocument, "")]
    [InlineData(InputFormat.SeriesDocument, "[]")]
    public async Task ParseAsync_WhenADocumentIsEmptyOrNotAnObject_ShouldRejectOnceWithoutThrowing(InputFormat format, string input)
    {
        var (summary, sink) = await ParseAsync(input, PageOptions with { Format = format });

        sink.Rejections.Count.ShouldBe(1);
        sink.Samples.ShouldBeEmpty();
        summary.Error.ShouldNotBeNull();
    }

    [Fact]
    public async Task ParseAsync_WhenATokenIsLargerThanTheBufferLimit_ShouldRejectItAsMalformed()
    {
        var page = Page(StreamJson("1"), StreamJson("2", fields: $"\"title\":\"{new string('x', 5000)}\""), StreamJson("3"));
        var sink = new RecordingSink();
        var limits = new ParserLimits(InitialBufferBytes: 256, MaxBufferBytes: 4096);

        var summary = await RawInputParser.ParseAsync(
            new ChunkedStream(Encoding.UTF8.GetBytes(page), 100), PageOptions, sink, limits, null, CancellationToken.None);

        sink.Observations.Select(o => o.Observation.UserId).ShouldBe(["1"]);
        var rejection = sink.Rejections.ShouldHaveSingleItem();
        rejection.Code.ShouldBe(RejectionCodes.MalformedJson);
        rejection.Reason.ShouldContain("4096");
        summary.Error.ShouldNotBeNull();
    }

    [Fact]
    public async Task ParseAsync_WhenAnNdjsonLineHasATokenLargerThanTheLimit_ShouldRefuseOnlyThatLine()
    {
        var input = Line("demo-1", "2024-05-01T12:00:05Z", StreamJson("1")) + "\n"
            + Line("demo-1", "2024-05-01T12:00:05Z", StreamJson("2", fields: $"\"title\":\"{new string('x', 5000)}\"")) + "\n"
            + Line("demo-1", "2024-05-01T12:01:05Z", StreamJson("3")) + "\n";
        var sink = new RecordingSink();
        var limits = new ParserLimits(InitialBufferBytes: 256, MaxBufferBytes: 4096);

        await RawInputParser.ParseAsync(
            new ChunkedStream(Encoding.UTF8.GetBytes(input), 100), Options(InputFormat.Ndjson), sink, limits, null, CancellationToken.None);

        sink.Observations.Select(o => o.Observation.UserId).ShouldBe(["1", "3"]);
        var rejection = sink.Rejections.ShouldHaveSingleItem();
        rejection.Code.ShouldBe(RejectionCodes.MalformedJson);
        rejection.Location.ShouldBe("line 2");
    }

    [Fact]
    public async Task ParseAsync_WhenTheStreamFails_ShouldThrowTheIoError()
    {
        await Should.ThrowAsync<IOException>(() =>
            RawInputParser.ParseAsync(new FailingStream(), Options(InputFormat.Auto), new RecordingSink(), CancellationToken.None));
    }

    [Fact]
    public async Task ParseAsync_WhenCancelled_ShouldThrow()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Page(StreamJson())));

        await Should.ThrowAsync<OperationCanceledException>(() =>
            RawInputParser.ParseAsync(stream, PageOptions, new RecordingSink(), cancellation.Token));
    }

    private sealed class FailingStream : MemoryStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromException<int>(new IOException("connection reset"));
    }
}
