namespace Flick.Pipeline.Functions;

/// <summary>
/// A pipeline function: JSON in, JSON out, exactly as Lambda delivers and returns it. The Lambda
/// host dispatches on <c>_HANDLER</c> = <see cref="Name"/>; Flick.Local invokes the same object.
/// </summary>
public interface IFunctionHandler
{
    /// <summary>One of <see cref="FunctionNames"/>.</summary>
    string Name { get; }

    /// <summary>Handles one invocation. Throws for an invocation error (Step Functions retries or catches it).</summary>
    Task<string> InvokeAsync(string payload, CancellationToken cancellationToken);
}
