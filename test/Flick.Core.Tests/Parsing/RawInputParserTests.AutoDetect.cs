using System.Text;
using Flick.Core.Domain;
using Flick.Core.Parsing;

namespace Flick.Core.Tests.Parsing;

public sealed partial class RawInputParserTests
{
    [Fact]
    public async Task ParseAsync_WhenAutoAndInputStartsWithData_ShouldReadAHelixPage()
    {
        var (summary, sink) = await ParseAsync("  \n" + Page(StreamJson()), AutoOptions);

        summary.Format.ShouldBe(InputFormat.HelixPage);
        sink.Observations.Select(o => o.Observation).ShouldBe([Expected(PullTime)]);
    }

    [Fact]
    public async Task ParseAsync_WhenAutoAndSeriesThenMetadataThenSamples_ShouldReadASeriesDocument()
    {
        var document = $$"""
            {
              "series": "demo-1",
              "source": {"name": "helix", "pages": [1, 2]},
              "samples": [ { "at": "2024-05-01T12:00:05Z", "streams": [ {{StreamJson()}} ] } ]
            }
            """;

        var (summary, sink) = await ParseAsync(document, Options(InputFormat.Auto));

        summary.Format.ShouldBe(InputFormat.SeriesDocument);
        sink.Observations.ShouldBe([(DemoSeries, Expected(Minute0))]);
    }

    [Fact]
    public async Task ParseAsync_WhenAutoAndFirstLineHasAt_ShouldReadNdjson()
    {
        var input = Line("demo-1", "2024-05-01T12:00:05Z", StreamJson()) + "\n" + Line("demo-1", "2024-05-01T12:01:05Z") + "\n";

        var (summary, sink) = await ParseAsync(input, Options(InputFormat.Auto));

        summary.Format.ShouldBe(InputFormat.Ndjson);
        summary.Samples.ShouldBe(2);
        sink.Observations.ShouldBe([(DemoSeries, Expected(Minute0))]);
    }

    [Fact]
    public async Task ParseAsync_WhenInputStartsWithAByteOrderMark_ShouldIgnoreIt()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Page(StreamJson()))).ToArray();
        var sink = new RecordingSink();

        var summary = await RawInputParser.ParseAsync(new ChunkedStream(bytes, 1), AutoOptions, sink, CancellationToken.None);

        summary.Format.ShouldBe(InputFormat.HelixPage);
        summary.Bytes.ShouldBe(bytes.Length);
        sink.Observations.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n  ")]
    [InlineData("[1,2]")]
    [InlineData("hello")]
    [InlineData("""{"foo":1,"bar":{"data":[]}}""")]
    [InlineData("""{"series":"demo-1"}""")]
    [InlineData("""{"series":"demo-1",""")]
    [InlineData("""{"series" 1}""")]
    public async Task ParseAsync_WhenAutoCannotTellTheFormat_ShouldRejectOnceAsUnknownFormat(string input)
    {
        var (summary, sink) = await ParseAsync(input, Options(InputFormat.Auto));

        sink.Rejections.ShouldHaveSingleItem().Code.ShouldBe(RejectionCodes.UnknownFormat);
        sink.Samples.ShouldBeEmpty();
        summary.Format.ShouldBe(InputFormat.Auto);
        summary.Rejected.ShouldBe(1);
        summary.Error.ShouldNotBeNull();
    }
}
