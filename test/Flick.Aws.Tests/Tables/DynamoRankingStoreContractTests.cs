using Flick.Aws.Tables;
using Flick.Core.Ports;
using Flick.Testing.Contracts;

namespace Flick.Aws.Tests.Tables;

[Trait("Category", "Integration")]
public sealed class DynamoRankingStoreContractTests(DynamoTablesFixture tables) : RankingStoreContract, IClassFixture<DynamoTablesFixture>
{
    protected override IRankingStore Store { get; } = new DynamoRankingStore(tables.Client, tables.Options);
}
