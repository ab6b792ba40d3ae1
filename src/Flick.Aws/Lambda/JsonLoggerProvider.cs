using Microsoft.Extensions.Logging;

namespace Flick.Aws.Lambda;

/// <summary>
/// Writes each log entry as one JSON line in the shape CloudWatch Logs Insights discovers on its own
/// (<c>timestamp</c>, <c>level</c>, <c>message</c>, <c>requestId</c>, …), with the request id of the
/// invocation the logging code runs in.
/// </summary>
public sealed class JsonLoggerProvider(LambdaOutput output, string functionName, LogLevel minimumLevel, TimeProvider? time = null) : ILoggerProvider
{
    internal LambdaOutput Output { get; } = output ?? throw new ArgumentNullException(nameof(output));

    internal string FunctionName { get; } = functionName;

    internal LogLevel MinimumLevel { get; } = minimumLevel;

    internal TimeProvider Time { get; } = time ?? TimeProvider.System;

    public ILogger CreateLogger(string categoryName) => new JsonLogger(categoryName, this);

    public void Dispose()
    {
        // Every line is flushed as it is written: nothing is buffered, nothing to release.
    }
}
