using System.Net.Http.Headers;
using Flick.Core.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Flick.Pipeline.Sources;

/// <summary>
/// Fetches one page of a Helix-compatible <c>GET /helix/streams</c> and hands back the body exactly as
/// received. Honours <c>Ratelimit-Remaining</c>/<c>Ratelimit-Reset</c> and 429, retries 5xx, timeouts
/// and transport errors with jittered exponential backoff, and caps the body. Every deliberate wait
/// runs on the <see cref="TimeProvider"/>; expected failures come back as <see cref="HelixFailure"/>,
/// never as exceptions, so the caller can record them. Only cancellation by the caller throws.
/// </summary>
public sealed partial class HelixClient
{
    private readonly HttpClient _httpClient;
    private readonly HelixClientOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly HelixRateLimitGate _gate;
    private readonly ILogger _logger;

    /// <param name="rateLimitGate">Shared by every client of the same sources (a singleton); a private one when null.</param>
    public HelixClient(
        HttpClient httpClient,
        IOptions<HelixClientOptions> options,
        TimeProvider timeProvider,
        HelixRateLimitGate? rateLimitGate = null,
        ILogger<HelixClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var errors = options.Value.Validate();
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(nameof(HelixClientOptions), typeof(HelixClientOptions), errors);
        }

        _httpClient = httpClient;
        _options = options.Value;
        _timeProvider = timeProvider;
        _gate = rateLimitGate ?? new HelixRateLimitGate();
        _logger = logger ?? NullLogger<HelixClient>.Instance;
    }

    public async Task<HelixPageResponse> GetStreamsPageAsync(HelixPageRequest request, CancellationToken cancellationToken)
    {
        HelixRequestUri.Validate(request);
        var uri = HelixRequestUri.Build(request);
        var bucket = HelixRateLimitGate.BucketOf(request);
        var started = _timeProvider.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            var budgetWait = _gate.WaitBefore(bucket, _timeProvider.GetUtcNow());
            if (budgetWait > _options.MaxRateLimitWait)
            {
                var tooLong = new HelixFailure(HelixFailureKind.RateLimited,
                    $"rate limit resets in {budgetWait.TotalSeconds:0} s, beyond the longest wait of {_options.MaxRateLimitWait.TotalSeconds:0} s");
                return new HelixPageResponse { RequestUri = uri, Attempts = attempt - 1, Elapsed = _timeProvider.GetElapsedTime(started), Failure = tooLong };
            }

            if (budgetWait > TimeSpan.Zero)
            {
                LogWaitingForReset(_logger, uri, budgetWait);
                await Task.Delay(budgetWait, _timeProvider, cancellationToken);
            }

            var outcome = await SendAsync(uri, request.Credentials, cancellationToken);
            _gate.Observe(bucket, outcome.RateLimit);
            var (failure, retryAfter) = Decide(outcome, attempt);
            if (retryAfter is { } delay)
            {
                LogRetrying(_logger, uri, attempt, outcome.StatusCode, delay);
                await Task.Delay(delay, _timeProvider, cancellationToken);
                continue;
            }

            return new HelixPageResponse
            {
                RequestUri = uri,
                StatusCode = outcome.StatusCode,
                RateLimit = outcome.RateLimit,
                Body = outcome.Body,
                Attempts = attempt,
                Elapsed = _timeProvider.GetElapsedTime(started),
                Failure = failure,
            };
        }
    }

    /// <summary>Either a final outcome (a failure, or null for success) or a delay before the next attempt.</summary>
    private (HelixFailure? Failure, TimeSpan? RetryAfter) Decide(AttemptOutcome outcome, int attempt)
    {
        var last = attempt >= _options.MaxAttempts;
        var status = outcome.StatusCode;
        if (outcome.Problem is { Kind: HelixFailureKind.Timeout or HelixFailureKind.Transport } problem)
        {
            return last ? (problem with { Message = $"{problem.Message} (after {attempt} attempts)" }, null) : (null, Backoff(attempt));
        }

        if (outcome.Problem is { } tooLarge)
        {
            return (tooLarge, null);
        }

        if (status is >= 200 and < 300)
        {
            return (null, null);
        }

        if (status == 429)
        {
            var untilReset = outcome.RateLimit.Reset is { } reset ? reset - _timeProvider.GetUtcNow() : TimeSpan.Zero;
            if (untilReset > _options.MaxRateLimitWait)
            {
                return (new HelixFailure(HelixFailureKind.RateLimited,
                    $"HTTP 429: rate limit resets in {untilReset.TotalSeconds:0} s, beyond the longest wait of {_options.MaxRateLimitWait.TotalSeconds:0} s"), null);
            }

            return last
                ? (new HelixFailure(HelixFailureKind.RateLimited, $"HTTP 429 on all {attempt} attempts: {HelixErrorBody.MessageOf(outcome.Body)}"), null)
                : (null, untilReset > TimeSpan.Zero ? untilReset : Backoff(attempt));
        }

        if (status is >= 500 or 408)
        {
            return last
                ? (new HelixFailure(HelixFailureKind.ServerError, $"HTTP {status} on all {attempt} attempts: {HelixErrorBody.MessageOf(outcome.Body)}"), null)
                : (null, Backoff(attempt));
        }

        return (new HelixFailure(HelixFailureKind.ClientError, $"HTTP {status}: {HelixErrorBody.MessageOf(outcome.Body)}"), null);
    }

    private async Task<AttemptOutcome> SendAsync(Uri uri, SourceCredential? credentials, CancellationToken cancellationToken)
    {
        // The timeout bounds real I/O, so it runs on the system clock; only deliberate waits use the TimeProvider.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        using var message = new HttpRequestMessage(HttpMethod.Get, uri);
        if (credentials is not null)
        {
            message.Headers.TryAddWithoutValidation("Client-Id", credentials.ClientId);
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credentials.AccessToken);
        }

        try
        {
            using var response = await _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var rateLimit = HelixRateLimit.From(response.Headers);
            var body = await BoundedBody.ReadAsync(response.Content, _options.MaxBodyBytes, timeout.Token);
            return body is null
                ? new AttemptOutcome((int)response.StatusCode, rateLimit, [],
                    new HelixFailure(HelixFailureKind.BodyTooLarge, $"page body exceeds {_options.MaxBodyBytes} bytes"))
                : new AttemptOutcome((int)response.StatusCode, rateLimit, body, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new AttemptOutcome(0, HelixRateLimit.None, [],
                new HelixFailure(HelixFailureKind.Timeout, $"no complete response within {_options.RequestTimeout.TotalSeconds:0.###} s"));
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return new AttemptOutcome(0, HelixRateLimit.None, [], new HelixFailure(HelixFailureKind.Transport, ex.Message));
        }
    }

    /// <summary>Exponential, capped, with "equal jitter": between half and all of the step.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var step = Math.Min(_options.BackoffMax.Ticks, _options.BackoffBase.Ticks * Math.Pow(2, attempt - 1));
        return TimeSpan.FromTicks((long)(step * (0.5 + (0.5 * Random.Shared.NextDouble()))));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Waiting {Delay} for the rate limit of {Uri} to reset")]
    private static partial void LogWaitingForReset(ILogger logger, Uri uri, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Attempt {Attempt} of {Uri} ended with status {Status}; retrying in {Delay}")]
    private static partial void LogRetrying(ILogger logger, Uri uri, int attempt, int status, TimeSpan delay);

    private sealed record AttemptOutcome(int StatusCode, HelixRateLimit RateLimit, byte[] Body, HelixFailure? Problem);
}
