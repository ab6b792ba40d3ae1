namespace Flick.Benchmarks;

/// <summary>What a data set holds (its dataset.json).</summary>
internal sealed record DataSetInfo(int Channels, int Minutes, int Seed, DateTimeOffset End, int Pulls, int Pages, long Bytes, long Observations);
