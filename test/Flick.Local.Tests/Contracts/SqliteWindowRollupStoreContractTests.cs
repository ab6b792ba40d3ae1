using Flick.Core.Ports;
using Flick.Local.Data;
using Flick.Local.Tests.Data;
using Flick.Testing.Contracts;

namespace Flick.Local.Tests.Contracts;

public sealed class SqliteWindowRollupStoreContractTests : WindowRollupStoreContract, IDisposable
{
    private readonly TestDatabase _test = new();

    public SqliteWindowRollupStoreContractTests() => Store = new SqliteWindowRollupStore(_test.Database);

    protected override IWindowRollupStore Store { get; }

    public void Dispose() => _test.Dispose();
}
