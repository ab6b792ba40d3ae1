using Flick.Core.Domain;
using Flick.Core.Parsing;

namespace Flick.Core.Tests.Parsing;

public sealed partial class RawInputParserTests
{
    private static readonly SeriesId DemoSeries = SeriesId.Parse("demo-1");
    private static readonly DateTimeOffset Minute0 = new(2024, 5, 1, 12, 0, 5, TimeSpan.Zero);
    private static readonly DateTimeOffset Minute1 = new(2024, 5, 1, 12, 1, 5, TimeSpan.Zero);

    [Fact]
    public async Task ParseAsync_WhenSeriesDocument_ShouldEmitEachSampleThenItsStreams()
    {
        var document = $$"""
            {"series":"demo-1","source":"helix","meta":{"samples":[1],"series":"x"},"samples":[
              {"at":"2024-05-01T12:00:05Z","note":{"a":[1]},"streams":[{{StreamJson("1", 5)}},{{StreamJson("2", 7)}}]},
              {"at":"2024-05-01T12:01:05Z","streams":[{{StreamJson("1", 6)}}],"after":true}
            ],"trailer":[{"streams":[]}]}
            """;

        var (summary, sink) = await ParseAsync(document, Options(InputFormat.SeriesDocument));

        sink.Calls.ShouldBe(
        [
            $"sample demo-1 {Minute0:O}",
            $"observation demo-1 {Expected(Minute0, "1", 5)}",
            $"observation demo-1 {Expected(Minute0, "2", 7)}",
            $"sample demo-1 {Minute1:O}",
            $"observation demo-1 {Expected(Minute1, "1", 6)}",
        ]);
        summary.ShouldBe(new ParseSummary(InputFormat.SeriesDocument, System.Text.Encoding.UTF8.GetByteCount(document), 2, 3, 0, null, null));
    }

    [Fact]
    public async Task ParseAsync_WhenSampleHasNoStreams_ShouldStillReportTheSample()
    {
        const string document = """{"series":"demo-1","samples":[{"at":"2024-05-01T12:00:05Z"},{"at":"2024-05-01T12:01:05Z","streams":null}]}""";

        var (_, sink) = await ParseAsync(document, Options(InputFormat.SeriesDocument));

        sink.Samples.ShouldBe([(DemoSeries, Minute0), (DemoSeries, Minute1)]);
    }

    [Theory]
    [InlineData("2024-05-01T14:00:05+02:00")]
    [InlineData("2024-05-01T09:30:05-02:30")]
    [InlineData("2024-05-01t12:00:05z")]
    public async Task ParseAsync_WhenAtHasAnOffset_ShouldGiveTheUtcInstant(string at)
    {
        var document = $$"""{"series":"demo-1","samples":[{"at":"{{at}}","streams":[{{StreamJson()}}]}]}""";

        var (_, sink) = await ParseAsync(document, Options(InputFormat.SeriesDocument));

        sink.Observations[0].Observation.At.ShouldBe(Minute0);
        sink.Observations[0].Observation.At.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public async Task ParseAsync_WhenAtHasFractionalSeconds_ShouldKeepThemToTheTick()
    {
        var document = $$"""{"series":"demo-1","samples":[{"at":"2024-05-01T12:00:05.123456789Z","streams":[{{StreamJson()}}]}]}""";

        var (_, sink) = await ParseAsync(document, Options(InputFormat.SeriesDocument));

        sink.Observations[0].Observation.At.ShouldBe(Minute0.AddTicks(1_234_567));
    }

    [Theory]
    [InlineData("\"yesterday\"")]
    [InlineData("\"2024-05-01\"")]
    [InlineData("\"2024-05-01T12:00:05\"")]
    [InlineData("\"2024-13-01T12:00:05Z\"")]
    [InlineData("\"2024-02-30T12:00:05Z\"")]
    [InlineData("\"2024-05-01T12:00:60Z\"")]
    [InlineData("\"2024-05-01T12:00:05.Z\"")]
    [InlineData("\"\"")]
    [InlineData("1714564805")]
    [InlineData("null")]
    public async Task ParseAsync_WhenAtDoesNotParse_ShouldQuarantineTheWholeSampleOnly(string at)
    {
        var document = $$"""
            {"series":"demo-1","samples":[
              {"at":{{at}},"streams":[{{StreamJson("1")}},{{StreamJson("2")}}]},
              {"at":"2024-05-01T12:01:05Z","streams":[{{StreamJson("3")}}]}]}
            """;

        var (summary, sink) = await ParseAsync(document, Options(InputFormat.SeriesDocument));

        var rejection = sink.Rejections.ShouldHaveSingleItem();
        rejection.Code.ShouldBe(RejectionCodes.InvalidAt);
        rejection.SeriesId.ShouldBe("demo-1");
        rejection.Location.ShouldBe("sample 1");
        sink.Samples.ShouldBe([(DemoSeries, Minute1)]);
        sink.Observations.Select(o => o.Observation.UserId).ShouldBe(["3"]);
        summary.Error.ShouldBeNull();
    }

    [Fact]
    public async Task ParseAsync_WhenAtComesAfterStreams_ShouldQuarantineTheSample()
    {
        var document = $$"""{"series":"demo-1","samples":[{"streams":[{{StreamJson()}}],"at":"2024-05-01T12:00:05Z"}]}""";

        var (_, sink) = await ParseAsync(document, Options(InputFormat.SeriesDocument));

        sink.Rejections.ShouldHaveSingleItem().Code.ShouldBe(RejectionCodes.InvalidAt);
        sink.Samples.ShouldBeEmpty();
        sink.Observations.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("a/b")]
    [InlineData("A")]
    [InlineData("séries")]
    [InlineData("-leading-dash")]
    [InlineData("")]
    public async Task ParseAsync_WhenDocumentSeriesIdIsInvalid_ShouldRefuseTheWholeDocument(string series)
    {
        var document = $$"""{"series":"{{series}}","samples":[{"at":"2024-05-01T12:00:05Z","streams":[{{StreamJson()}}]}]}""";

        var (summary, sink) = await ParseAsync(document, Options(InputFormat.SeriesDocument));

        var rejection = sink.Rejections.ShouldHaveSingleItem();
        rejection.Code.ShouldBe(RejectionCodes.InvalidSeriesId);
        rejection.Reason.ShouldBe(SeriesId.DescribeInvalid(series));
        rejection.SeriesId.ShouldBeNull();
        sink.Samples.ShouldBeEmpty();
        sink.Observations.ShouldBeEmpty();
        summary.Error.ShouldNotBeNull();
    }

    [Fact]
    public async Task ParseAsync_WhenDocumentSeriesIdHas200Characters_ShouldRefuseItWithItsLength()
    {
        var series = new string('a', 200);
        var document = $$"""{"series":"{{series}}","samples":[]}""";

        var (_, sink) = await ParseAsync(document, Options(InputFormat.SeriesDocument));

        var rejection = sink.Rejections.ShouldHaveSingleItem();
        rejection.Code.ShouldBe(RejectionCodes.InvalidSeriesId);
        rejection.Reason.ShouldContain("200 characters");
    }

    [Fact]
    public async Task ParseAsync_WhenSeriesComesAfterSamples_ShouldRefuseTheDocumentClearly()
    {
        var document = $$"""{"samples":[{"at":"2024-05-01T12:00:05Z","streams":[{{StreamJson()}}]}],"series":"demo-1"}""";

        var (summary, sink) = await ParseAsync(document, Options(InputFormat.SeriesDocument));

        var rejection = sink.Rejections.ShouldHaveSingleItem();
        rejection.Code.ShouldBe(RejectionCodes.InvalidSeriesId);
        rejection.Reason.ShouldContain("before");
        sink.Samples.ShouldBeEmpty();
        sink.Observations.ShouldBeEmpty();
        summary.Error.ShouldBe(rejection.Reason);
    }

    [Fact]
    public async Task ParseAsync_WhenASampleIsNotAnObject_ShouldRefuseItAndGoOn()
    {
        var document = $$"""{"series":"demo-1","samples":[42,["x"],{"at":"2024-05-01T12:00:05Z","streams":[{{StreamJson()}}]}]}""";

        var (_, sink) = await ParseAsync(document, Options(InputFormat.SeriesDocument));

        sink.Rejections.Select(r => (r.Code, r.Location)).ShouldBe(
            [(RejectionCodes.WrongType, "sample 1"), (RejectionCodes.WrongType, "sample 2")]);
        sink.Observations.Select(o => o.Observation).ShouldBe([Expected(Minute0)]);
    }
}
