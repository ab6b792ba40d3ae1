using System.Text.Json;
using Flick.Core.Domain.Pulls;
using Flick.Core.Ports;
using Flick.Local.Simulator;
using Flick.Local.Tests.Simulator;
using Flick.Pipeline;
using Flick.Pipeline.Events;
using Flick.Pipeline.Pulls;
using Flick.Pipeline.Sources;
using Flick.Testing;
using Microsoft.Extensions.Options;

namespace Flick.Local.Tests.Pulls;

/// <summary>The Puller over real HTTP against the simulator, with the faults a real source shows.</summary>
public sealed class PullerTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.Parse(SimulatorScope.PinnedAt, System.Globalization.CultureInfo.InvariantCulture);

    private sealed record Setup(SimulatorScope Scope, Puller Puller, InMemoryObjectStore Store, InMemoryPullLog Log) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Scope.DisposeAsync();

        public Task<PullRecord> PullAsync() => Puller.PullAsync(new PullRequest("sim", At, "test"), CancellationToken.None);

        public int LiveChannels => Scope.Simulator.World.Snapshot(At).Count;

        public IEnumerable<string> Pages => Store.All.Where(o => o.Key.Contains("/page-", StringComparison.Ordinal)).Select(o => o.Key);

        public JsonDocument Manifest(PullRecord record) => JsonDocument.Parse(Store.All.Single(o => o.Key == record.ManifestKey).Bytes);
    }

    private static async Task<Setup> StartAsync(long maxBodyBytes = 16L * 1024 * 1024)
    {
        var scope = await SimulatorScope.StartAsync(new SimulatorOptions { Seed = 7, Channels = 600 });
        var options = new PipelineOptions();
        options.Sources.Add(new SourceOptions { Name = "sim", SeriesId = "sim", ApiBase = scope.Simulator.BaseUri, AllowTimeTravel = true, PageSize = 100 });
        var client = new HelixClient(
            scope.BareHttp,
            Options.Create(new HelixClientOptions { MaxAttempts = 3, BackoffBase = TimeSpan.FromMilliseconds(10), MaxBodyBytes = maxBodyBytes }),
            scope.Time);
        var store = new InMemoryObjectStore();
        var log = new InMemoryPullLog();
        var credentials = new Runtime.ConfiguredCredentials(new Dictionary<string, SourceCredential> { ["sim"] = new("test-client", "test-token") });
        return new Setup(scope, new Puller(client, store, log, credentials, options, scope.Time), store, log);
    }

    [Fact]
    public async Task PullAsync_WhenSourceIsHealthy_ShouldStoreEveryPageAndRecordTheStreams()
    {
        await using var setup = await StartAsync();

        var record = await setup.PullAsync();

        record.Status.ShouldBe(PullStatus.Succeeded);
        record.Complete.ShouldBeTrue();
        record.Streams.ShouldBe(setup.LiveChannels);
        record.Pages.ShouldBe((setup.LiveChannels + 99) / 100);
        setup.Pages.Count().ShouldBe(record.Pages);
        (await setup.Log.GetAsync(record.PullId, CancellationToken.None)).ShouldBe(record);
    }

    [Fact]
    public async Task PullAsync_WhenTheSourceAnswers500ThenSuccess_ShouldRetryAndSucceed()
    {
        await using var setup = await StartAsync();
        setup.Scope.Simulator.Faults.Enqueue(SimulatedFault.ServerError);

        var record = await setup.PullAsync();

        record.Status.ShouldBe(PullStatus.Succeeded);
        record.Streams.ShouldBe(setup.LiveChannels);
    }

    [Fact]
    public async Task PullAsync_When429WithReset_ShouldWaitForTheResetAndSucceed()
    {
        await using var setup = await StartAsync();
        setup.Scope.Simulator.Faults.Enqueue(SimulatedFault.TooManyRequests(TimeSpan.FromSeconds(30)));
        var before = setup.Scope.Time.GetUtcNow();

        var record = await setup.PullAsync();

        record.Status.ShouldBe(PullStatus.Succeeded);
        (setup.Scope.Time.GetUtcNow() - before).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(29));
    }

    [Fact]
    public async Task PullAsync_WhenTheCursorLoops_ShouldStopWithAClearErrorAndKeepThePages()
    {
        await using var setup = await StartAsync();
        // The second page hands back the cursor it was asked for, as a looping source does.
        setup.Scope.Simulator.Faults.Enqueue(SimulatedFault.None);
        setup.Scope.Simulator.Faults.Enqueue(SimulatedFault.CursorLoop);

        var record = await setup.PullAsync();

        record.Status.ShouldBe(PullStatus.Partial);
        record.Complete.ShouldBeFalse();
        record.Error.ShouldNotBeNull().ShouldContain("cursor already seen");
        record.Pages.ShouldBe(2);
        setup.Pages.Count().ShouldBe(2);
    }

    [Fact]
    public async Task PullAsync_WhenAPageIs50MB_ShouldRecordTheLimitAndKeepWhatCameBefore()
    {
        await using var setup = await StartAsync();
        setup.Scope.Simulator.Faults.Enqueue(SimulatedFault.None);
        setup.Scope.Simulator.Faults.Enqueue(SimulatedFault.HugeBody(50));

        var record = await setup.PullAsync();

        record.Status.ShouldBe(PullStatus.Partial);
        record.Error.ShouldNotBeNull().ShouldContain("exceeds");
        record.Pages.ShouldBe(1);
        using var manifest = setup.Manifest(record);
        manifest.RootElement.GetProperty("pages").GetArrayLength().ShouldBe(1);
        manifest.RootElement.GetProperty("complete").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task PullAsync_WhenAPageIsMalformed_ShouldStoreItAsReceivedAndStopWithAClearError()
    {
        await using var setup = await StartAsync();
        setup.Scope.Simulator.Faults.Enqueue(SimulatedFault.Malformed);

        var record = await setup.PullAsync();

        record.Status.ShouldBe(PullStatus.Partial);
        record.Error.ShouldNotBeNull().ShouldContain("not a readable Helix page");
        // Bronze keeps the body exactly as received, broken or not.
        setup.Pages.Count().ShouldBe(1);
    }

    [Fact]
    public async Task PullAsync_WhenTheSourceIsDown_ShouldRecordAFailedPullWithTheReason()
    {
        await using var setup = await StartAsync();
        setup.Scope.Simulator.Faults.Enqueue(SimulatedFault.ServerError, 10);

        var record = await setup.PullAsync();

        record.Status.ShouldBe(PullStatus.Failed);
        record.Pages.ShouldBe(0);
        record.Error.ShouldNotBeNull().ShouldContain("ServerError");
        (await setup.Log.GetAsync(record.PullId, CancellationToken.None)).ShouldNotBeNull();
    }
}
