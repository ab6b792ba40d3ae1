using System.Net;

namespace Flick.Aws.JsonProtocol;

/// <summary>Error codes of the AWS JSON protocol that Flick acts on, and which of them are worth a retry.</summary>
public static class AwsErrorCodes
{
    public const string ExecutionAlreadyExists = "ExecutionAlreadyExists";
    public const string ThrottlingException = "ThrottlingException";
    public const string TooManyRequestsException = "TooManyRequestsException";
    public const string InternalException = "InternalException";
    public const string ValidationException = "ValidationException";
    public const string InvalidName = "InvalidName";
    public const string InvalidExecutionInput = "InvalidExecutionInput";
    public const string StateMachineDoesNotExist = "StateMachineDoesNotExist";

    /// <summary>The code used when an error response carries none (an HTML page from a proxy, an empty body).</summary>
    public const string Unknown = "UnknownError";

    // Throttling and server-side faults of the JSON-protocol services (the same set the AWS SDKs retry).
    private static readonly HashSet<string> RetryableCodes = new(StringComparer.Ordinal)
    {
        ThrottlingException,
        TooManyRequestsException,
        InternalException,
        "Throttling",
        "ThrottledException",
        "RequestLimitExceeded",
        "RequestThrottled",
        "RequestThrottledException",
        "ProvisionedThroughputExceededException",
        "SlowDown",
        "InternalFailure",
        "InternalServerError",
        "ServiceUnavailable",
        "ServiceUnavailableException",
        "RequestTimeout",
        "RequestTimeoutException",
    };

    /// <summary>Whether an error code alone says that trying again may succeed.</summary>
    public static bool IsRetryableCode(string? errorCode) => errorCode is not null && RetryableCodes.Contains(errorCode);

    /// <summary>Throttling codes, HTTP 429 and any 5xx are retryable; everything else is the caller's fault.</summary>
    public static bool IsRetryable(string? errorCode, HttpStatusCode statusCode) =>
        IsRetryableCode(errorCode) || statusCode == HttpStatusCode.TooManyRequests || (int)statusCode >= 500;
}
