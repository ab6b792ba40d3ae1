namespace Flick.Api.Input;

/// <summary>The steps a viewers series can be read in: one value per step of this many minutes.</summary>
public readonly record struct StepSize(string Name, int Minutes)
{
    public static IReadOnlyList<StepSize> All { get; } = [new("1m", 1), new("5m", 5), new("1h", 60), new("1d", 1440)];

    public static StepSize? Find(string? name) => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal)) is { Name: not null } s ? s : null;

    /// <summary>The smallest step that keeps a window of <paramref name="minutes"/> within <paramref name="maxPoints"/> points.</summary>
    public static StepSize Fitting(long minutes, int maxPoints) => All.FirstOrDefault(s => minutes / s.Minutes <= maxPoints) is { Name: not null } s ? s : All[^1];
}
