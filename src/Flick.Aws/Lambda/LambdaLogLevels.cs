using Microsoft.Extensions.Logging;

namespace Flick.Aws.Lambda;

/// <summary>The level names of Lambda's JSON log format, and <c>AWS_LAMBDA_LOG_LEVEL</c> read back into a <see cref="LogLevel"/>.</summary>
public static class LambdaLogLevels
{
    public static string Name(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRACE",
        LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "WARN",
        LogLevel.Error => "ERROR",
        LogLevel.Critical => "FATAL",
        _ => "NONE",
    };

    /// <summary>Reads a level as Lambda's advanced logging controls set it (TRACE … FATAL); unset or unknown is INFO.</summary>
    public static LogLevel Parse(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        "TRACE" => LogLevel.Trace,
        "DEBUG" => LogLevel.Debug,
        "WARN" or "WARNING" => LogLevel.Warning,
        "ERROR" => LogLevel.Error,
        "FATAL" or "CRITICAL" => LogLevel.Critical,
        _ => LogLevel.Information,
    };
}
