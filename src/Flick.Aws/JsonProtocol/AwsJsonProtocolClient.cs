using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Flick.Aws.JsonProtocol;

/// <summary>
/// A minimal client for the AWS JSON protocol (1.0 and 1.1), for services whose SDK package is not available:
/// it POSTs the operation's JSON with <c>X-Amz-Target: Prefix.Operation</c>, signed by AWSSDK.Core's SigV4
/// signer with credentials from the SDK's default chain (or the ones given), and retries throttling and
/// server faults with bounded, jittered exponential backoff.
/// </summary>
public sealed partial class AwsJsonProtocolClient
{
    private const string TargetHeader = "X-Amz-Target";
    private const string ContentTypeHeader = "Content-Type";
    private const string HostHeader = "host";

    private readonly HttpClient _httpClient;
    private readonly AwsJsonClientOptions _options;
    private readonly AWSCredentials? _credentials;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SdkSigV4Signer _signer;
    private readonly MediaTypeHeaderValue _contentType;

    /// <param name="httpClient">The client to send with (from IHttpClientFactory); its base address is ignored.</param>
    /// <param name="credentials">Fixed credentials; null resolves them through the SDK's default chain on each call (cached by the SDK).</param>
    /// <param name="timeProvider">The clock the requests are signed with and the backoff waits on.</param>
    public AwsJsonProtocolClient(
        HttpClient httpClient,
        AwsJsonService service,
        AwsJsonClientOptions options,
        AWSCredentials? credentials = null,
        TimeProvider? timeProvider = null,
        ILogger<AwsJsonProtocolClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _httpClient = httpClient;
        Service = service;
        _options = options;
        _credentials = credentials;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _signer = new SdkSigV4Signer(service, options.Region);
        _contentType = new MediaTypeHeaderValue(service.ContentType);
        Endpoint = options.ServiceUrl ?? service.RegionalEndpoint(options.Region);
    }

    public AwsJsonService Service { get; }

    public Uri Endpoint { get; }

    public string Region => _options.Region;

    /// <summary>Calls <paramref name="operation"/> and returns its response, retrying what is retryable.</summary>
    /// <exception cref="AwsServiceException">The service answered an error that is not retryable, or still failed on the last attempt.</exception>
    /// <exception cref="HttpRequestException">The service could not be reached on the last attempt.</exception>
    public async Task<TResponse> SendAsync<TRequest, TResponse>(
        string operation,
        TRequest request,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operation);
        ArgumentNullException.ThrowIfNull(requestType);
        ArgumentNullException.ThrowIfNull(responseType);
        var body = JsonSerializer.SerializeToUtf8Bytes(request, requestType);
        var retry = _options.Retry;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SendOnceAsync(operation, body, responseType, cancellationToken);
            }
            catch (AwsServiceException exception) when (exception.Retryable && attempt < retry.MaxAttempts)
            {
                LogRetryingError(operation, attempt, exception.ErrorCode, (int)exception.StatusCode);
            }
            catch (HttpRequestException exception) when (attempt < retry.MaxAttempts)
            {
                LogRetryingTransport(operation, attempt, exception.Message);
            }
            catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested && attempt < retry.MaxAttempts)
            {
                // HttpClient's own timeout, not the caller giving up.
                LogRetryingTransport(operation, attempt, exception.Message);
            }

            await Task.Delay(retry.DelayBeforeRetry(attempt, Random.Shared.NextDouble()), _time, cancellationToken);
        }
    }

    private async Task<TResponse> SendOnceAsync<TResponse>(string operation, byte[] body, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
    {
        using var message = await CreateSignedRequestAsync(operation, body, cancellationToken);
        using var response = await _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await JsonSerializer.DeserializeAsync(stream, responseType, cancellationToken)
                ?? throw new InvalidDataException($"{Service.TargetPrefix}.{operation} answered an empty body.");
        }

        var errorBody = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        throw AwsErrorParser.Parse(
            response.StatusCode,
            errorBody,
            FirstHeader(response, AwsErrorParser.ErrorTypeHeader),
            FirstHeader(response, AwsErrorParser.RequestIdHeader));
    }

    private async Task<HttpRequestMessage> CreateSignedRequestAsync(string operation, byte[] body, CancellationToken cancellationToken)
    {
        var credentials = await ResolveCredentialsAsync(cancellationToken);
        var signed = _signer.Sign(
            Endpoint,
            [new(ContentTypeHeader, Service.ContentType), new(TargetHeader, $"{Service.TargetPrefix}.{operation}")],
            body,
            credentials,
            _time.GetUtcNow().UtcDateTime);

        var message = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = _contentType;
        foreach (var (name, value) in signed)
        {
            if (name.Equals(ContentTypeHeader, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (name.Equals(HostHeader, StringComparison.OrdinalIgnoreCase))
            {
                // Sent exactly as signed (host, plus the port when it is not the scheme's default).
                message.Headers.Host = value;
                continue;
            }

            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }

    private async Task<ImmutableCredentials> ResolveCredentialsAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var credentials = _credentials ?? await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync();
        return await credentials.GetCredentialsAsync()
            ?? throw new InvalidOperationException("The AWS credentials resolved to nothing; requests cannot be signed.");
    }

    private static string? FirstHeader(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Operation} attempt {Attempt} failed with {ErrorCode} (HTTP {StatusCode}); retrying")]
    private partial void LogRetryingError(string operation, int attempt, string errorCode, int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Operation} attempt {Attempt} could not reach the service ({Reason}); retrying")]
    private partial void LogRetryingTransport(string operation, int attempt, string reason);
}
