namespace Flick.Local.Simulator;

/// <summary>A fault the simulator applies to one <c>/helix</c> request.</summary>
public sealed record SimulatedFault
{
    private SimulatedFault(SimulatedFaultKind kind, TimeSpan duration = default, int megabytes = 0)
    {
        Kind = kind;
        Duration = duration;
        Megabytes = megabytes;
    }

    public SimulatedFaultKind Kind { get; }

    /// <summary>The reset delay of <see cref="SimulatedFaultKind.TooManyRequests"/> or the delay of <see cref="SimulatedFaultKind.Slow"/>.</summary>
    public TimeSpan Duration { get; }

    /// <summary>The body size of <see cref="SimulatedFaultKind.HugeBody"/>.</summary>
    public int Megabytes { get; }

    public static SimulatedFault None { get; } = new(SimulatedFaultKind.None);

    public static SimulatedFault ServerError { get; } = new(SimulatedFaultKind.ServerError);

    public static SimulatedFault Truncated { get; } = new(SimulatedFaultKind.Truncated);

    public static SimulatedFault Malformed { get; } = new(SimulatedFaultKind.Malformed);

    public static SimulatedFault CursorLoop { get; } = new(SimulatedFaultKind.CursorLoop);

    public static SimulatedFault EmptyData { get; } = new(SimulatedFaultKind.EmptyData);

    public static SimulatedFault TooManyRequests(TimeSpan resetIn) =>
        resetIn < TimeSpan.Zero
            ? throw new ArgumentOutOfRangeException(nameof(resetIn), "The reset cannot be in the past.")
            : new(SimulatedFaultKind.TooManyRequests, resetIn);

    public static SimulatedFault Slow(TimeSpan delay) =>
        delay < TimeSpan.Zero
            ? throw new ArgumentOutOfRangeException(nameof(delay), "The delay cannot be negative.")
            : new(SimulatedFaultKind.Slow, delay);

    public static SimulatedFault HugeBody(int megabytes) =>
        megabytes is < 1 or > 1024
            ? throw new ArgumentOutOfRangeException(nameof(megabytes), "The size must be 1..1024 MB.")
            : new(SimulatedFaultKind.HugeBody, megabytes: megabytes);
}
