using Flick.Core.Ports;
using Flick.Local.Data;
using Flick.Local.Tests.Data;
using Flick.Testing.Contracts;

namespace Flick.Local.Tests.Contracts;

public sealed class SqliteChannelProfileStoreContractTests : ChannelProfileStoreContract, IDisposable
{
    private readonly TestDatabase _test = new();

    public SqliteChannelProfileStoreContractTests() => Store = new SqliteChannelProfileStore(_test.Database);

    protected override IChannelProfileStore Store { get; }

    public void Dispose() => _test.Dispose();
}
