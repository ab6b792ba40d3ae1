namespace Flick.Core.Domain.Metrics;

/// <summary>
/// Window metrics over [From, To): the series total, and channels and games ranked by viewer-minutes
/// desc, then peak desc, then id ascending (ordinal).
/// </summary>
public sealed record WindowMetrics(
    DateTimeOffset From,
    DateTimeOffset To,
    int SampledMinutes,
    WindowFigures Total,
    IReadOnlyList<WindowFigures> Channels,
    IReadOnlyList<WindowFigures> Games);
