using System.Net;

namespace Flick.Aws.JsonProtocol;

/// <summary>
/// An error answered by an AWS service: its code (<c>__type</c> without the namespace), HTTP status,
/// request id, and whether trying again may succeed.
/// </summary>
public sealed class AwsServiceException : Exception
{
    public AwsServiceException(string errorCode, string? serviceMessage, HttpStatusCode statusCode, string? requestId, bool retryable)
        : base(FormatMessage(errorCode, serviceMessage, statusCode, requestId))
    {
        ErrorCode = errorCode;
        ServiceMessage = serviceMessage;
        StatusCode = statusCode;
        RequestId = requestId;
        Retryable = retryable;
    }

    public string ErrorCode { get; }

    /// <summary>The service's own message, when it sent one.</summary>
    public string? ServiceMessage { get; }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The <c>x-amzn-RequestId</c> header, which AWS support asks for.</summary>
    public string? RequestId { get; }

    public bool Retryable { get; }

    private static string FormatMessage(string errorCode, string? serviceMessage, HttpStatusCode statusCode, string? requestId) =>
        $"{errorCode} (HTTP {(int)statusCode}{(requestId is null ? "" : $", request {requestId}")})"
        + (string.IsNullOrEmpty(serviceMessage) ? "" : $": {serviceMessage}");
}
