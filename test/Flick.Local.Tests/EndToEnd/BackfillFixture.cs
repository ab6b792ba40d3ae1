namespace Flick.Local.Tests.EndToEnd;

/// <summary>One backfill shared by the assertions about its results.</summary>
public sealed class BackfillFixture : IAsyncLifetime
{
    public BackfillRun Run { get; private set; } = null!;

    public async Task InitializeAsync() => Run = await BackfillRun.RunAsync();

    public async Task DisposeAsync() => await Run.DisposeAsync();
}
