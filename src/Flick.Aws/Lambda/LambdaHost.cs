using Microsoft.Extensions.Logging;

namespace Flick.Aws.Lambda;

/// <summary>
/// The custom runtime's loop: build the function once (a failure is an init error), then take one
/// invocation after another from the Runtime API, run it under a token that fires shortly before its
/// deadline, and post its response or its error, with a JSON log line per event worth telling and an
/// Embedded Metric Format line per invocation.
/// </summary>
public sealed class LambdaHost
{
    /// <summary>The variable the X-Ray SDK (and anything else that traces) reads the current trace header from.</summary>
    public const string TraceIdVariable = "_X_AMZN_TRACE_ID";

    private static readonly TimeSpan PostTimeout = TimeSpan.FromSeconds(30);

    // The longest delay a CancellationTokenSource accepts.
    private static readonly TimeSpan LongestDelay = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly LambdaRuntimeClient _runtime;
    private readonly LambdaHostOptions _options;
    private readonly EmbeddedMetrics _metrics;
    private readonly ILogger _logger;

    public LambdaHost(LambdaRuntimeClient runtime, LambdaHostOptions options, LambdaOutput output)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        options.Validate();
        _runtime = runtime;
        _options = options;
        _metrics = new EmbeddedMetrics(output, options.MetricsNamespace, options.Time);
        LoggerProvider = new JsonLoggerProvider(output, options.FunctionName, options.MinimumLogLevel, options.Time);
        _logger = LoggerProvider.CreateLogger(typeof(LambdaHost).FullName!);
    }

    /// <summary>The JSON-lines logger the function's services should log through, so that their lines carry the request id.</summary>
    public ILoggerProvider LoggerProvider { get; }

    /// <summary>Initializes the function, then serves invocations until the token fires; returns the process exit code (<see cref="LambdaExitCodes"/>).</summary>
    public async Task<int> RunAsync(Func<CancellationToken, Task<LambdaFunction>> initialize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(initialize);
        LambdaFunction function;
        try
        {
            function = await initialize(cancellationToken);
        }
        catch (Exception e)
        {
            _logger.LogCritical(e, "The function could not start");
            return await ReportInitErrorAsync(e);
        }

        while (true)
        {
            LambdaInvocation invocation;
            try
            {
                invocation = await _runtime.GetNextInvocationAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return LambdaExitCodes.Stopped;
            }
            catch (Exception e)
            {
                _logger.LogCritical(e, "The next invocation could not be fetched");
                return LambdaExitCodes.RuntimeApiFailed;
            }

            try
            {
                if (!await InvokeAsync(function, invocation, cancellationToken))
                {
                    return LambdaExitCodes.HandlerAbandoned;
                }
            }
            catch (Exception e)
            {
                _logger.LogCritical(e, "The outcome of an invocation could not be posted");
                return LambdaExitCodes.RuntimeApiFailed;
            }
        }
    }

    /// <returns>Whether the process may serve another invocation.</returns>
    private async Task<bool> InvokeAsync(LambdaFunction function, LambdaInvocation invocation, CancellationToken hostToken)
    {
        var context = new LambdaContext(_options.FunctionName, invocation);
        InvocationScope.Current = context;
        Environment.SetEnvironmentVariable(TraceIdVariable, invocation.TraceId);
        var time = _options.Time;
        var started = time.GetTimestamp();
        using var deadline = new CancellationTokenSource(UntilCancellation(invocation.Deadline), time);
        using var handlerToken = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, hostToken);

        // On the pool, so that a handler that blocks before its first await cannot hold up the deadline.
        var work = Task.Run(() => function(invocation.Payload, context, handlerToken.Token), CancellationToken.None);
        await ((Task)work).WaitAsync(deadline.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!work.IsCompleted)
        {
            await ((Task)work).WaitAsync(_options.CancellationGrace, time, CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        var duration = time.GetElapsedTime(started);
        using var post = new CancellationTokenSource(PostTimeout);
        if (work.IsCompletedSuccessfully)
        {
            await _runtime.PostResponseAsync(invocation.RequestId, work.Result, post.Token);
            _metrics.WriteInvocation(_options.FunctionName, invocation.RequestId, duration, failed: false);
            return true;
        }

        var abandoned = !work.IsCompleted;
        var exception = work.IsCompleted ? Failure(work) : null;
        LambdaError error;
        if (abandoned || deadline.IsCancellationRequested)
        {
            error = TimeoutError(invocation, exception, abandoned);
            _logger.LogError(exception, "The invocation timed out: {Reason}", error.ErrorMessage);
        }
        else
        {
            error = LambdaError.FromException(exception!);
            _logger.LogError(exception, "The invocation failed");
        }

        await _runtime.PostInvocationErrorAsync(invocation.RequestId, error, post.Token);
        _metrics.WriteInvocation(_options.FunctionName, invocation.RequestId, duration, failed: true);
        return !abandoned;
    }

    private async Task<int> ReportInitErrorAsync(Exception exception)
    {
        try
        {
            using var post = new CancellationTokenSource(PostTimeout);
            await _runtime.PostInitErrorAsync(LambdaError.FromException(exception), post.Token);
        }
        catch (Exception e)
        {
            _logger.LogCritical(e, "The init error could not be reported");
        }

        return LambdaExitCodes.InitFailed;
    }

    private TimeSpan UntilCancellation(DateTimeOffset deadline)
    {
        var until = deadline - _options.Time.GetUtcNow() - _options.DeadlineMargin;
        return until <= TimeSpan.Zero ? TimeSpan.Zero : until > LongestDelay ? LongestDelay : until;
    }

    private LambdaError TimeoutError(LambdaInvocation invocation, Exception? exception, bool abandoned)
    {
        var message = $"{_options.FunctionName} was cancelled {_options.DeadlineMargin.TotalMilliseconds:0} ms before its deadline {invocation.Deadline:O}";
        if (abandoned)
        {
            message += $" and had not stopped {_options.CancellationGrace.TotalMilliseconds:0} ms later; the process ends after this report";
        }
        else if (exception is not null and not OperationCanceledException)
        {
            message += $"; it then failed with {exception.GetType().Name}: {exception.Message}";
        }

        return new LambdaError(message, LambdaErrorTypes.Timeout, exception is null ? [] : LambdaError.Frames(exception));
    }

    private static Exception Failure(Task work) =>
        work.Exception is { InnerExceptions.Count: 1 } single ? single.InnerExceptions[0]
        : (Exception?)work.Exception ?? new TaskCanceledException(work);
}
