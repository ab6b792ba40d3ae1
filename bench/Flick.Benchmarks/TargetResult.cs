namespace Flick.Benchmarks;

/// <summary>One target of the performance issue, what was measured for it, and PASS, FAIL or "not measured".</summary>
internal sealed record TargetResult(string Target, string Measured, string Result);
