using Flick.Aws.JsonProtocol;

namespace Flick.Aws.Events;

/// <summary>The bus <see cref="EventBridgeEventBus"/> publishes to, and how entries EventBridge failed are retried.</summary>
public sealed record EventBridgeOptions
{
    /// <summary>The bus name or ARN; <c>default</c> is the account's default bus.</summary>
    public string EventBusName { get; init; } = "default";

    /// <summary>Retries of the entries a PutEvents call reported as failed with a retryable code.</summary>
    public AwsRetryPolicy FailedEntryRetry { get; init; } = AwsRetryPolicy.Default;

    /// <exception cref="ArgumentException">A value is missing or out of range.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(EventBusName, nameof(EventBusName));
        ArgumentNullException.ThrowIfNull(FailedEntryRetry, nameof(FailedEntryRetry));
        FailedEntryRetry.Validate();
    }
}
