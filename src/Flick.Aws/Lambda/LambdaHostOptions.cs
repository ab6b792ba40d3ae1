using Microsoft.Extensions.Logging;

namespace Flick.Aws.Lambda;

public sealed class LambdaHostOptions
{
    /// <summary>The pipeline function this process serves (<c>_HANDLER</c>); the <c>function</c> of logs and metrics.</summary>
    public required string FunctionName { get; init; }

    /// <summary>
    /// How long before the deadline the handler's token fires. It leaves the handler time to stop and
    /// the host time to post the timeout error before Lambda ends the invocation itself.
    /// </summary>
    public TimeSpan DeadlineMargin { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a cancelled handler may take to stop before the host reports the timeout without it.</summary>
    public TimeSpan CancellationGrace { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The CloudWatch namespace of the Embedded Metric Format lines.</summary>
    public string MetricsNamespace { get; init; } = "Flick";

    public LogLevel MinimumLogLevel { get; init; } = LogLevel.Information;

    /// <summary>The time for deadlines, durations and timestamps (a fake one in tests).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(FunctionName);
        ArgumentException.ThrowIfNullOrWhiteSpace(MetricsNamespace);
        ArgumentOutOfRangeException.ThrowIfLessThan(CancellationGrace, TimeSpan.Zero);
        if (DeadlineMargin <= CancellationGrace)
        {
            throw new ArgumentOutOfRangeException(nameof(DeadlineMargin), DeadlineMargin,
                "the deadline margin must exceed the cancellation grace, or a timeout is reported after Lambda has already ended the invocation");
        }
    }
}
