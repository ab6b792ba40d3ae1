using Flick.Aws.Tables;
using Flick.Core.Ports;
using Flick.Testing.Contracts;

namespace Flick.Aws.Tests.Tables;

[Trait("Category", "Integration")]
public sealed class DynamoViewerMetricsStoreContractTests(DynamoTablesFixture tables) : ViewerMetricsStoreContract, IClassFixture<DynamoTablesFixture>
{
    protected override IViewerMetricsStore Store { get; } = new DynamoViewerMetricsStore(tables.Client, tables.Options, TimeProvider.System);
}
