using Flick.Aws.Tables;
using Flick.Core.Ports;
using Flick.Testing.Contracts;

namespace Flick.Aws.Tests.Tables;

[Trait("Category", "Integration")]
public sealed class DynamoPullLogContractTests(DynamoTablesFixture tables) : PullLogContract, IClassFixture<DynamoTablesFixture>
{
    protected override IPullLog Log { get; } = new DynamoPullLog(tables.Client, tables.Options);
}
