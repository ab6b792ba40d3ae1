using Flick.Core.Ports;
using Flick.Local.Data;
using Flick.Local.Tests.Data;
using Flick.Testing.Contracts;

namespace Flick.Local.Tests.Contracts;

public sealed class SqliteViewerMetricsStoreContractTests : ViewerMetricsStoreContract, IDisposable
{
    private readonly TestDatabase _test = new();

    public SqliteViewerMetricsStoreContractTests() => Store = new SqliteViewerMetricsStore(_test.Database);

    protected override IViewerMetricsStore Store { get; }

    public void Dispose() => _test.Dispose();
}
