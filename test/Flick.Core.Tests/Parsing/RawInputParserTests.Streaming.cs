using System.Text;
using Flick.Core.Domain;
using Flick.Core.Parsing;

namespace Flick.Core.Tests.Parsing;

public sealed partial class RawInputParserTests
{
    [Fact]
    public async Task ParseAsync_WhenDocumentIs50MegabytesInSmallChunks_ShouldCountEverythingWithABoundedBuffer()
    {
        using var input = new GeneratedSeriesDocumentStream(sampleCount: 400, streamsPerSample: 300, maxRead: 4096);
        var sink = new CountingSink();
        var diagnostics = new ParserDiagnostics();

        var summary = await RawInputParser.ParseAsync(input, Options(InputFormat.Auto), sink, ParserLimits.Default, diagnostics, CancellationToken.None);

        // Hand count: 300 streams per sample, of which j = 49, 99, ..., 299 (6) have viewer count -1.
        summary.Format.ShouldBe(InputFormat.SeriesDocument);
        summary.Bytes.ShouldBe(input.BytesProduced);
        summary.Bytes.ShouldBeGreaterThan(50L * 1024 * 1024);
        summary.Samples.ShouldBe(400);
        summary.Observations.ShouldBe(400 * 294);
        summary.Rejected.ShouldBe(400 * 6);
        summary.Error.ShouldBeNull();
        (sink.Samples, sink.Observations, sink.Rejections).ShouldBe((400, 400 * 294, 400 * 6));
        var expectedViewers = 0L;
        for (var i = 0; i < 400; i++)
        {
            for (var j = 0; j < 300; j++)
            {
                expectedViewers += j % 50 == 49 ? 0 : ((i * 7) + j) % 1000;
            }
        }

        sink.ViewerSum.ShouldBe(expectedViewers);
        sink.LastAt.ShouldBe(new DateTimeOffset(2024, 5, 1, 6, 39, 0, TimeSpan.Zero));

        // The buffer never had to grow: memory is bounded by the largest token, not by the input.
        diagnostics.PeakBufferBytes.ShouldBeLessThanOrEqualTo(ParserLimits.Default.InitialBufferBytes);
    }

    [Fact]
    public async Task ParseAsync_WhenStreamObjectIsSplitAtEveryByteOffset_ShouldGiveTheSameResult()
    {
        var document = $$"""
            {"series":"demo-1","samples":[{"at":"2024-05-01T12:00:05Z","streams":[{{StreamJson("1", 5)}},
            {{StreamJson("2", 7, "\"title\":\"caf\\u00e9 🎮\"", "\"tags\":[\"a\",{\"b\":[]}]", "\"viewer_count\":123456")}},
            {{StreamJson("3", fields: "\"type\":\"rerun\"")}}]}]}
            """;
        var bytes = Encoding.UTF8.GetBytes(document);
        var limits = new ParserLimits(InitialBufferBytes: 16, MaxBufferBytes: 1 << 20);
        string[] expected =
        [
            $"sample demo-1 {Minute0:O}",
            $"observation demo-1 {Expected(Minute0, "1", 5)}",
            $"observation demo-1 {Expected(Minute0, "2", 7) with { Title = "café 🎮", ViewerCount = 123456 }}",
            $"rejected {new Rejection { Code = RejectionCodes.NotLive, Reason = "type is 'rerun', not 'live'", SeriesId = "demo-1", At = "2024-05-01T12:00:05Z", UserId = "3", Location = "sample 1, stream 3" }}",
        ];

        for (var split = 1; split < bytes.Length; split++)
        {
            var sink = new RecordingSink();
            await RawInputParser.ParseAsync(new ChunkedStream(bytes, [split]), Options(InputFormat.Auto), sink, limits, null, CancellationToken.None);
            string.Join("\n", sink.Calls).ShouldBe(string.Join("\n", expected), $"split at byte {split}");
        }

        for (var chunk = 1; chunk <= 64; chunk++)
        {
            var sink = new RecordingSink();
            await RawInputParser.ParseAsync(new ChunkedStream(bytes, chunk), Options(InputFormat.Auto), sink, limits, null, CancellationToken.None);
            string.Join("\n", sink.Calls).ShouldBe(string.Join("\n", expected), $"chunks of {chunk} bytes");
        }
    }

    [Fact]
    public async Task ParseAsync_WhenNdjsonArrivesOneByteAtATime_ShouldGiveTheSameResult()
    {
        var input = Line("demo-1", "2024-05-01T12:00:05Z", StreamJson("1")) + "\r\n"
            + "{\"broken\n"
            + Line("demo-1", "2024-05-01T12:01:05Z", StreamJson("2"));
        var whole = new RecordingSink();
        await RawInputParser.ParseAsync(new MemoryStream(Encoding.UTF8.GetBytes(input)), Options(InputFormat.Ndjson), whole, CancellationToken.None);
        var limits = new ParserLimits(InitialBufferBytes: 16, MaxBufferBytes: 1 << 20);

        for (var chunk = 1; chunk <= 8; chunk++)
        {
            var sink = new RecordingSink();
            await RawInputParser.ParseAsync(new ChunkedStream(Encoding.UTF8.GetBytes(input), chunk), Options(InputFormat.Ndjson), sink, limits, null, CancellationToken.None);
            sink.Samples.ShouldBe([(DemoSeries, Minute0), (DemoSeries, Minute1)]);
            sink.Observations.Select(o => o.Observation).ShouldBe([Expected(Minute0, "1"), Expected(Minute1, "2")]);
            sink.Rejections.ShouldHaveSingleItem().Location.ShouldBe("line 2");
        }

        whole.Observations.Count.ShouldBe(2);
    }

    private sealed class CountingSink : IObservationSink
    {
        public int Samples { get; private set; }

        public int Observations { get; private set; }

        public int Rejections { get; private set; }

        public long ViewerSum { get; private set; }

        public DateTimeOffset LastAt { get; private set; }

        public void OnSample(SeriesId series, DateTimeOffset at)
        {
            Samples++;
            LastAt = at;
        }

        public void OnObservation(SeriesId series, Observation observation)
        {
            Observations++;
            ViewerSum += observation.ViewerCount;
        }

        public void OnRejected(Rejection rejection) => Rejections++;
    }
}
