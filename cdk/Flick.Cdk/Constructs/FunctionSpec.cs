namespace Flick.Cdk.Constructs;

/// <summary>How one pipeline function runs: its <c>_HANDLER</c> name, memory, timeout and reserved concurrency.</summary>
public sealed record FunctionSpec(string Handler, int MemoryMb, int TimeoutSeconds, int ReservedConcurrency);
