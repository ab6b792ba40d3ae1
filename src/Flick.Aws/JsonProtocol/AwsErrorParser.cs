using System.Net;
using System.Text;
using System.Text.Json;

namespace Flick.Aws.JsonProtocol;

/// <summary>Turns an AWS JSON-protocol error response into an <see cref="AwsServiceException"/>.</summary>
internal static class AwsErrorParser
{
    internal const string RequestIdHeader = "x-amzn-RequestId";
    internal const string ErrorTypeHeader = "X-Amzn-ErrorType";
    private const int MaxQuotedBodyLength = 512;

    public static AwsServiceException Parse(HttpStatusCode statusCode, byte[] body, string? errorTypeHeader, string? requestId)
    {
        AwsErrorBody? error = null;
        if (body.Length > 0)
        {
            try
            {
                error = JsonSerializer.Deserialize(body, JsonProtocolJsonContext.Default.AwsErrorBody);
            }
            catch (JsonException)
            {
                // Not JSON (a proxy's HTML page, say): the status and a piece of the body still say something.
            }
        }

        // The header is authoritative when present ("Code:http://internal.amazon.com/coral/..."); the body's
        // __type may carry a namespace ("com.amazonaws.states#ExecutionAlreadyExists").
        var code = StripHeaderSuffix(errorTypeHeader) ?? StripNamespace(error?.Type) ?? StripNamespace(error?.Code) ?? AwsErrorCodes.Unknown;
        var message = error?.LowerMessage ?? error?.UpperMessage ?? (error is null ? Quote(body) : null);
        return new AwsServiceException(code, message, statusCode, requestId, AwsErrorCodes.IsRetryable(code, statusCode));
    }

    internal static string? StripNamespace(string? type)
    {
        if (string.IsNullOrWhiteSpace(type))
        {
            return null;
        }

        var hash = type.LastIndexOf('#');
        var code = hash >= 0 ? type[(hash + 1)..] : type;
        return StripHeaderSuffix(code);
    }

    private static string? StripHeaderSuffix(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var code = (colon >= 0 ? value[..colon] : value).Trim();
        return code.Length == 0 ? null : code;
    }

    private static string? Quote(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, MaxQuotedBodyLength));
        return body.Length > MaxQuotedBodyLength ? text + "…" : text;
    }
}
