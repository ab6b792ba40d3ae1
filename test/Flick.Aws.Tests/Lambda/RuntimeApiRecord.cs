using System.Text.Json;

namespace Flick.Aws.Tests.Lambda;

/// <summary>What the host posted to the loopback Runtime API for one invocation (or for its init).</summary>
public sealed record RuntimeApiRecord(string Kind, string Body, string? ErrorTypeHeader)
{
    public const string Response = "response";
    public const string Error = "error";
    public const string InitError = "init-error";

    public string ErrorType => Json.GetProperty("errorType").GetString()!;

    public string ErrorMessage => Json.GetProperty("errorMessage").GetString()!;

    public IReadOnlyList<string> StackTrace => Json.GetProperty("stackTrace").EnumerateArray().Select(f => f.GetString()!).ToList();

    private JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
