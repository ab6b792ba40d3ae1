namespace Flick.Api.Tests.Support;

/// <summary>EventBridge envelopes as the pipeline's state machine puts them on the bus.</summary>
public static class Envelopes
{
    public static string SeriesReady(string series = World.Series, string runId = "sim-rerun-1", string? id = null) =>
        Envelope("SeriesReady", series, runId, "succeeded", id);

    public static string SeriesFailed(string series = World.Series, string runId = "sim-rerun-2", string? id = null) =>
        Envelope("SeriesFailed", series, runId, "failed", id);

    private static string Envelope(string type, string series, string runId, string status, string? id) =>
        $$$"""
        {"version":"0","id":"{{{id ?? Guid.NewGuid().ToString()}}}","detail-type":"{{{type}}}","source":"flick.pipeline","account":"000000000000",
         "time":"2026-01-05T13:00:00Z","region":"local","resources":[],
         "detail":{"seriesId":"{{{series}}}","runId":"{{{runId}}}","from":"2026-01-05T10:00Z","to":"2026-01-05T13:00Z","slots":175,"observations":4900,"rejected":0,"status":"{{{status}}}","outputs":[]}}
        """;
}
