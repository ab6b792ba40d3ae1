using Flick.Aws.Tables;
using Flick.Core.Ports;
using Flick.Testing.Contracts;

namespace Flick.Aws.Tests.Tables;

[Trait("Category", "Integration")]
public sealed class DynamoChannelProfileStoreContractTests(DynamoTablesFixture tables) : ChannelProfileStoreContract, IClassFixture<DynamoTablesFixture>
{
    protected override IChannelProfileStore Store { get; } = new DynamoChannelProfileStore(tables.Client, tables.Options);
}
