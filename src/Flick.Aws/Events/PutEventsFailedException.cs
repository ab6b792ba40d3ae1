namespace Flick.Aws.Events;

/// <summary>Some entries of a publish were not accepted by EventBridge, even after retrying the retryable ones.</summary>
public sealed class PutEventsFailedException : Exception
{
    public PutEventsFailedException(IReadOnlyList<FailedBusEvent> failures)
        : base(FormatMessage(failures))
    {
        Failures = failures;
    }

    public IReadOnlyList<FailedBusEvent> Failures { get; }

    private static string FormatMessage(IReadOnlyList<FailedBusEvent> failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        var details = failures.Select(f => $"#{f.Index} {f.Source}/{f.DetailType}: {f.ErrorCode}{(string.IsNullOrEmpty(f.ErrorMessage) ? "" : $" ({f.ErrorMessage})")}");
        return $"EventBridge did not accept {failures.Count} event(s): {string.Join("; ", details)}";
    }
}
