using Flick.Aws.Tables;
using Flick.Core.Ports;
using Flick.Testing.Contracts;

namespace Flick.Aws.Tests.Tables;

[Trait("Category", "Integration")]
public sealed class DynamoRunStoreContractTests(DynamoTablesFixture tables) : RunStoreContract, IClassFixture<DynamoTablesFixture>
{
    protected override IRunStore Runs { get; } = new DynamoRunStore(tables.Client, tables.Options);
}
