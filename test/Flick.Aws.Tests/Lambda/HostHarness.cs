using Flick.Aws.Lambda;

namespace Flick.Aws.Tests.Lambda;

/// <summary>A <see cref="LambdaHost"/> running in the test process against a <see cref="LoopbackRuntimeApi"/>.</summary>
public sealed class HostHarness : IAsyncDisposable
{
    public const string FunctionName = "test-function";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly CancellationTokenSource _stop = new();
    private readonly LambdaRuntimeClient _client;

    private HostHarness(TimeProvider time, Func<LambdaHost, CancellationToken, Task<LambdaFunction>> initialize)
    {
        Time = time;
        Api = LoopbackRuntimeApi.Start(time);
        _client = new LambdaRuntimeClient(Api.Address);
        Host = new LambdaHost(_client, new LambdaHostOptions { FunctionName = FunctionName, Time = time }, new LambdaOutput(Output));
        Run = Task.Run(() => Host.RunAsync(ct => initialize(Host, ct), _stop.Token));
    }

    public TimeProvider Time { get; }

    public LoopbackRuntimeApi Api { get; }

    public CapturedLinesStream Output { get; } = new();

    public LambdaHost Host { get; }

    /// <summary>The host's run; its result is the process exit code.</summary>
    public Task<int> Run { get; }

    public static HostHarness Start(LambdaFunction function, TimeProvider? time = null) =>
        new(time ?? TimeProvider.System, (_, _) => Task.FromResult(function));

    public static HostHarness Start(Func<LambdaHost, LambdaFunction> create, TimeProvider? time = null) =>
        new(time ?? TimeProvider.System, (host, _) => Task.FromResult(create(host)));

    public static HostHarness StartWithInit(Func<CancellationToken, Task<LambdaFunction>> initialize) =>
        new(TimeProvider.System, (_, ct) => initialize(ct));

    /// <summary>Asks the host to stop (it is idle in its long poll) and returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        await _stop.CancelAsync();
        return await Run.WaitAsync(Patience);
    }

    public Task<int> ExitCodeAsync() => Run.WaitAsync(Patience);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await ((Task)Run).WaitAsync(Patience).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await Api.DisposeAsync();
        _client.Dispose();
        _stop.Dispose();
        await Output.DisposeAsync();
    }
}
