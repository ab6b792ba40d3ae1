using Flick.Core.Ports;
using Flick.Local.StateMachine;
using Flick.Local.Tests.StateMachine;
using Flick.Testing.Contracts;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Flick.Local.Tests.Contracts;

/// <summary>The workflow starter contract on the embedded executor, running a one-task state machine.</summary>
public sealed class LocalStateMachineExecutorContractTests : WorkflowStarterContract, IAsyncLifetime, IAsyncDisposable
{
    private const string Fn = "arn:aws:lambda:local:000000000000:function:fn";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "flick-starter-contract-" + Guid.NewGuid().ToString("N"));
    private readonly LocalStateMachineExecutor _executor;

    public LocalStateMachineExecutorContractTests()
    {
        var definition = AslDefinition.Parse(Asl.Machine("T", $$"""
            'T': { 'Type': 'Task', 'Resource': '{{Fn}}', 'End': true }
            """));
        var engine = new ExecutionEngine(new TaskResourceRegistry().Add(Fn, (input, _) => Task.FromResult(input)), new ExecutionEngineOptions { RetryDelayScale = 0 });
        _executor = new LocalStateMachineExecutor(
            definition,
            engine,
            new LocalStateMachineOptions { DataDirectory = _dataDirectory },
            NullLogger<LocalStateMachineExecutor>.Instance);
        // A constructor cannot await; the database is a new local file, so this is quick.
        _executor.InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    protected override IWorkflowStarter Starter => _executor;

    public Task InitializeAsync() => Task.CompletedTask;

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    /// <summary>xunit calls this after each test (it does not call <see cref="IAsyncDisposable"/> on a test class).</summary>
    public async Task DisposeAsync()
    {
        await _executor.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    protected override async Task<IReadOnlyList<StartedExecution>> ExecutionsAsync(string name) =>
        [.. (await _executor.ListExecutionsAsync(null, CancellationToken.None)).Where(e => e.Name == name).Select(e => new StartedExecution(e.ExecutionArn, e.Input))];

    protected override Task EndAsync(string name) => _executor.WaitForIdleAsync(CancellationToken.None).WaitAsync(Patience);
}
