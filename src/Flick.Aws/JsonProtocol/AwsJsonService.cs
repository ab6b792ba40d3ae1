namespace Flick.Aws.JsonProtocol;

/// <summary>
/// An AWS service spoken to over the AWS JSON protocol: the <c>X-Amz-Target</c> prefix, the SigV4 signing
/// name (also the endpoint prefix) and the protocol version's content type.
/// </summary>
public sealed record AwsJsonService(string TargetPrefix, string SigningName, string ContentType)
{
    /// <summary>Step Functions: AWS JSON 1.0.</summary>
    public static AwsJsonService StepFunctions { get; } = new("AWSStepFunctions", "states", "application/x-amz-json-1.0");

    /// <summary>EventBridge: AWS JSON 1.1.</summary>
    public static AwsJsonService EventBridge { get; } = new("AWSEvents", "events", "application/x-amz-json-1.1");

    /// <summary>The regional endpoint, e.g. <c>https://states.eu-west-1.amazonaws.com/</c>.</summary>
    public Uri RegionalEndpoint(string region)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        return new Uri($"https://{SigningName}.{region}.amazonaws.com/");
    }
}
