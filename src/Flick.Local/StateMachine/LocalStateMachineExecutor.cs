using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Flick.Core.Ports;
using Microsoft.Extensions.Logging;

namespace Flick.Local.StateMachine;

/// <summary>
/// Step Functions' StartExecution, DescribeExecution and ListExecutions for the local runtime:
/// executions are stored in SQLite and run in the background, a bounded number at once.
/// <para>
/// A name identifies an execution for good: starting a name again starts nothing and says
/// <c>AlreadyExisted</c>. AWS would answer ExecutionAlreadyExists when the input differs (or the
/// execution has ended); the <see cref="IWorkflowStarter"/> contract treats every repeat as "already
/// started" so that a redelivered message never fails, and a different input is logged as a
/// warning because a deterministic execution name should never see one.
/// </para>
/// </summary>
public sealed partial class LocalStateMachineExecutor : IWorkflowStarter, IAsyncDisposable
{
    private const int MaxNameLength = 80;
    private const string ForbiddenNameText = "<>{}[]?*\"#%\\^|~`$&,;:/";
    private static readonly SearchValues<char> ForbiddenNameCharacters = SearchValues.Create(ForbiddenNameText);

    private readonly AslDefinition _definition;
    private readonly ExecutionEngine _engine;
    private readonly LocalStateMachineOptions _options;
    private readonly ILogger<LocalStateMachineExecutor> _logger;
    private readonly TimeProvider _time;
    private readonly ExecutionStore _store;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Task> _inFlight = new(StringComparer.Ordinal);

    // Completed, and replaced, each time an execution ends: what WaitForAnEndAsync waits on.
    private TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _initialized;
    private bool _disposed;

    /// <exception cref="AslDefinitionException">A task resource of the definition has no invoker in <paramref name="engine"/>.</exception>
    public LocalStateMachineExecutor(
        AslDefinition definition,
        ExecutionEngine engine,
        LocalStateMachineOptions options,
        ILogger<LocalStateMachineExecutor> logger,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        engine.EnsureResourcesResolve(definition);
        _definition = definition;
        _engine = engine;
        _options = options;
        _logger = logger;
        _time = timeProvider ?? TimeProvider.System;
        _store = new ExecutionStore(options.DatabasePath);
        _slots = new SemaphoreSlim(options.MaxConcurrentExecutions);
    }

    /// <summary>Raised after an execution's end is stored; handlers run on the execution's thread and must not block.</summary>
    public event EventHandler<ExecutionFinishedEventArgs>? ExecutionFinished;

    public string StateMachineArn => _options.StateMachineArn;

    /// <summary>Creates the database and its table; call once before anything else.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _store.InitializeAsync(cancellationToken);
        _initialized = true;
    }

    /// <exception cref="ArgumentException">The name is not a valid execution name, or the input is not JSON.</exception>
    public async Task<WorkflowStart> StartAsync(string executionName, string inputJson, CancellationToken cancellationToken)
    {
        EnsureInitialized();
        ValidateName(executionName);
        var input = ParseInput(inputJson);
        var record = new ExecutionRecord
        {
            Name = executionName,
            ExecutionArn = _options.ExecutionArn(executionName),
            Input = input?.ToJsonString() ?? "null",
            Status = ExecutionStatus.Running,
            StartDate = _time.GetUtcNow(),
        };
        if (await _store.TryInsertAsync(record, cancellationToken))
        {
            LogStarted(executionName);
            Schedule(record);
            return new WorkflowStart(record.ExecutionArn, AlreadyExisted: false);
        }

        var existing = await _store.GetAsync(executionName, cancellationToken)
            ?? throw new InvalidOperationException($"The execution '{executionName}' vanished while being started.");
        if (!JsonNode.DeepEquals(JsonNode.Parse(existing.Input), input))
        {
            LogDifferentInput(executionName);
        }

        return new WorkflowStart(existing.ExecutionArn, AlreadyExisted: true);
    }

    /// <summary>
    /// Runs again, from the start, every execution a stopped process left RUNNING. That is safe
    /// because every pipeline step is idempotent: a step that had already run writes the same keys
    /// with the same values again. Returns how many were resumed.
    /// </summary>
    public async Task<int> ResumeAsync(CancellationToken cancellationToken)
    {
        EnsureInitialized();
        var resumed = 0;
        foreach (var execution in await _store.ListAsync(ExecutionStatus.Running, cancellationToken))
        {
            if (Schedule(execution))
            {
                resumed++;
            }
        }

        if (resumed > 0)
        {
            LogResumed(resumed);
        }

        return resumed;
    }

    public Task<ExecutionRecord?> GetExecutionAsync(string executionName, CancellationToken cancellationToken)
    {
        EnsureInitialized();
        return _store.GetAsync(executionName, cancellationToken);
    }

    /// <summary>Executions in start order, optionally only those with <paramref name="status"/>.</summary>
    public async Task<IReadOnlyList<ExecutionRecord>> ListExecutionsAsync(ExecutionStatus? status, CancellationToken cancellationToken)
    {
        EnsureInitialized();
        return await _store.ListAsync(status, cancellationToken);
    }

    /// <summary>Completes when no execution is running or waiting for its turn (including ones started meanwhile).</summary>
    public async Task WaitForIdleAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task[] pending;
            lock (_gate)
            {
                pending = [.. _inFlight.Values];
            }

            if (pending.Length == 0)
            {
                return;
            }

            await Task.WhenAll(pending).WaitAsync(cancellationToken);
        }
    }

    /// <summary>Executions started and not yet ended: running, or waiting for their turn.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _inFlight.Count;
            }
        }
    }

    /// <summary>Completes when the next execution ends (whatever its outcome).</summary>
    public Task WaitForAnEndAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _ended.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Stops running executions where they are; they stay RUNNING and <see cref="ResumeAsync"/> picks them up next time.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        // Cancelled outside the lock: cancellation runs continuations that take the lock themselves.
        await _stopping.CancelAsync();
        Task[] pending;
        lock (_gate)
        {
            pending = [.. _inFlight.Values];
        }

        await Task.WhenAll(pending);
        _stopping.Dispose();
        _slots.Dispose();
    }

    private bool Schedule(ExecutionRecord record)
    {
        lock (_gate)
        {
            if (_disposed || _inFlight.ContainsKey(record.Name))
            {
                return false;
            }

            // Added under the lock before the run can finish and remove itself.
            _inFlight[record.Name] = Task.Run(() => RunAsync(record));
            return true;
        }
    }

    private async Task RunAsync(ExecutionRecord record)
    {
        try
        {
            await _slots.WaitAsync(_stopping.Token);
            ExecutionRecord finished;
            try
            {
                finished = await RunToEndAsync(record);
            }
            finally
            {
                _slots.Release();
            }

            await _store.CompleteAsync(finished, CancellationToken.None);
            LogFinished(finished.Name, finished.Status, finished.Error);
            RaiseFinished(finished);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Shutting down: the row stays RUNNING for ResumeAsync.
        }
        catch (Exception e)
        {
            LogStoreFailure(e, record.Name);
        }
        finally
        {
            TaskCompletionSource ended;
            lock (_gate)
            {
                _inFlight.Remove(record.Name);
                ended = _ended;
                _ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            ended.TrySetResult();
        }
    }

    private async Task<ExecutionRecord> RunToEndAsync(ExecutionRecord record)
    {
        var info = new ExecutionInfo(record.ExecutionArn, record.Name, record.StartDate, _options.StateMachineArn, _options.StateMachineName);
        try
        {
            var output = await _engine.RunAsync(_definition, JsonNode.Parse(record.Input), info, _stopping.Token);
            return record with { Status = ExecutionStatus.Succeeded, Output = output?.ToJsonString() ?? "null", StopDate = _time.GetUtcNow() };
        }
        catch (ExecutionFailedException e)
        {
            return record with { Status = ExecutionStatus.Failed, Error = e.Error, Cause = e.Cause, StopDate = _time.GetUtcNow() };
        }
        catch (Exception e) when (e is not OperationCanceledException || !_stopping.IsCancellationRequested)
        {
            // A fault of the executor or of an invoker outside the task contract: fail the execution
            // visibly rather than leave it RUNNING to be resumed into the same fault forever.
            LogExecutorFault(e, record.Name);
            return record with { Status = ExecutionStatus.Failed, Error = StatesErrors.Runtime, Cause = e.Message, StopDate = _time.GetUtcNow() };
        }
    }

    private void RaiseFinished(ExecutionRecord finished)
    {
        try
        {
            ExecutionFinished?.Invoke(this, new ExecutionFinishedEventArgs(finished));
        }
        catch (Exception e)
        {
            LogHandlerFailure(e, finished.Name);
        }
    }

    private void EnsureInitialized()
    {
        if (!_initialized)
        {
            throw new InvalidOperationException("Call InitializeAsync before using the executor.");
        }
    }

    private static void ValidateName(string executionName)
    {
        ArgumentNullException.ThrowIfNull(executionName);
        if (executionName.Length is 0 or > MaxNameLength
            || executionName.AsSpan().IndexOfAny(ForbiddenNameCharacters) >= 0
            || executionName.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException(
                $"'{executionName}' is not a valid execution name: 1 to {MaxNameLength} characters, no whitespace, control characters or any of {ForbiddenNameText}.",
                nameof(executionName));
        }
    }

    private static JsonNode? ParseInput(string inputJson)
    {
        ArgumentNullException.ThrowIfNull(inputJson);
        try
        {
            return JsonNode.Parse(inputJson);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The execution input is not valid JSON: {e.Message}", nameof(inputJson), e);
        }
    }
}
