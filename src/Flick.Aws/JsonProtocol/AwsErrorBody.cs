using System.Text.Json.Serialization;

namespace Flick.Aws.JsonProtocol;

/// <summary>
/// The body of an AWS JSON-protocol error. Services differ in the case of the message member
/// (Step Functions sends <c>message</c>, some others <c>Message</c>), so both are read.
/// </summary>
internal sealed record AwsErrorBody
{
    [JsonPropertyName("__type")]
    public string? Type { get; init; }

    [JsonPropertyName("code")]
    public string? Code { get; init; }

    [JsonPropertyName("message")]
    public string? LowerMessage { get; init; }

    [JsonPropertyName("Message")]
    public string? UpperMessage { get; init; }
}
