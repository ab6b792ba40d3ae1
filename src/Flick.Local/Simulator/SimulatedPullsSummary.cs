namespace Flick.Local.Simulator;

/// <summary>What <see cref="SimulatedPulls"/> wrote: pulls (one a minute), pages, page bytes and streams in them.</summary>
public sealed record SimulatedPullsSummary(int Pulls, int Pages, long Bytes, long Streams);
