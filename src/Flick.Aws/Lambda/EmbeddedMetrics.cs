using System.Buffers;
using System.Text.Json;

namespace Flick.Aws.Lambda;

/// <summary>
/// Writes the per-invocation metrics as CloudWatch Embedded Metric Format documents: one JSON line
/// whose <c>_aws.CloudWatchMetrics</c> directive tells CloudWatch Logs to extract
/// <c>Invocations</c>, <c>Errors</c> and <c>Duration</c> under the dimension <c>function</c>.
/// </summary>
internal sealed class EmbeddedMetrics(LambdaOutput output, string metricsNamespace, TimeProvider time)
{
    public const string FunctionDimension = "function";
    public const string Invocations = "Invocations";
    public const string Errors = "Errors";
    public const string Duration = "Duration";

    public void WriteInvocation(string function, string requestId, TimeSpan duration, bool failed)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, JsonLogger.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteStartObject("_aws");
            json.WriteNumber("Timestamp", time.GetUtcNow().ToUnixTimeMilliseconds());
            json.WriteStartArray("CloudWatchMetrics");
            json.WriteStartObject();
            json.WriteString("Namespace", metricsNamespace);
            json.WriteStartArray("Dimensions");
            json.WriteStartArray();
            json.WriteStringValue(FunctionDimension);
            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteStartArray("Metrics");
            WriteDefinition(json, Invocations, "Count");
            WriteDefinition(json, Errors, "Count");
            WriteDefinition(json, Duration, "Milliseconds");
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();

            json.WriteString(FunctionDimension, function);
            // Not a dimension (that would make one metric per request): a plain member for Logs Insights.
            json.WriteString("requestId", requestId);
            json.WriteNumber(Invocations, 1);
            json.WriteNumber(Errors, failed ? 1 : 0);
            json.WriteNumber(Duration, Math.Round(duration.TotalMilliseconds, 3));
            json.WriteEndObject();
        }

        output.WriteLine(buffer.WrittenSpan);
    }

    private static void WriteDefinition(Utf8JsonWriter json, string name, string unit)
    {
        json.WriteStartObject();
        json.WriteString("Name", name);
        json.WriteString("Unit", unit);
        json.WriteEndObject();
    }
}
