using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Flick.Aws.Lambda;

internal sealed class JsonLogger(string category, JsonLoggerProvider provider) : ILogger
{
    private const string OriginalFormat = "{OriginalFormat}";

    // Log lines are not HTML: keep non-ASCII text and quotes readable in the console.
    internal static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Case-insensitively, so that a template's {Function} does not stand beside the line's own "function".
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "timestamp", "level", "message", "requestId", "traceId", "function", "logger", "eventId", "errorType", "errorMessage", "stackTrace",
    };

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= provider.MinimumLevel;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", provider.Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            json.WriteString("level", LambdaLogLevels.Name(logLevel));
            json.WriteString("message", formatter(state, exception));
            var invocation = InvocationScope.Current;
            if (invocation is not null)
            {
                json.WriteString("requestId", invocation.RequestId);
                if (invocation.TraceId is not null)
                {
                    json.WriteString("traceId", invocation.TraceId);
                }
            }

            json.WriteString("function", provider.FunctionName);
            json.WriteString("logger", category);
            if (eventId.Id != 0)
            {
                json.WriteNumber("eventId", eventId.Id);
            }

            if (state is IReadOnlyList<KeyValuePair<string, object?>> properties)
            {
                WriteProperties(json, properties);
            }

            if (exception is not null)
            {
                json.WriteString("errorType", exception.GetType().Name);
                json.WriteString("errorMessage", exception.Message);
                json.WriteStartArray("stackTrace");
                foreach (var frame in LambdaError.Frames(exception))
                {
                    json.WriteStringValue(frame);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        provider.Output.WriteLine(buffer.WrittenSpan);
    }

    // The template's named values become fields of their own, so that Logs Insights can filter on them.
    private static void WriteProperties(Utf8JsonWriter json, IReadOnlyList<KeyValuePair<string, object?>> properties)
    {
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in properties)
        {
            if (key == OriginalFormat || string.IsNullOrEmpty(key))
            {
                continue;
            }

            var name = Reserved.Contains(key) ? "_" + key : key;
            if (!written.Add(name))
            {
                continue;
            }

            json.WritePropertyName(name);
            WriteValue(json, value);
        }
    }

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case string s: json.WriteStringValue(s); break;
            case bool b: json.WriteBooleanValue(b); break;
            case int i: json.WriteNumberValue(i); break;
            case long l: json.WriteNumberValue(l); break;
            case double d when double.IsFinite(d): json.WriteNumberValue(d); break;
            case decimal m: json.WriteNumberValue(m); break;
            case DateTimeOffset t: json.WriteStringValue(t.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)); break;
            case IFormattable f: json.WriteStringValue(f.ToString(null, CultureInfo.InvariantCulture)); break;
            default: json.WriteStringValue(value.ToString()); break;
        }
    }
}
