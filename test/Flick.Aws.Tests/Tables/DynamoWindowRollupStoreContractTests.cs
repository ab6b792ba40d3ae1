using Flick.Aws.Tables;
using Flick.Core.Ports;
using Flick.Testing.Contracts;

namespace Flick.Aws.Tests.Tables;

[Trait("Category", "Integration")]
public sealed class DynamoWindowRollupStoreContractTests(DynamoTablesFixture tables) : WindowRollupStoreContract, IClassFixture<DynamoTablesFixture>
{
    protected override IWindowRollupStore Store { get; } = new DynamoWindowRollupStore(tables.Client, tables.Options);
}
