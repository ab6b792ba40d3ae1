using Flick.Core.Ports;
using Flick.Local.Data;
using Flick.Local.Tests.Data;
using Flick.Testing.Contracts;

namespace Flick.Local.Tests.Contracts;

public sealed class SqliteRunStoreContractTests : RunStoreContract, IDisposable
{
    private readonly TestDatabase _test = new();

    public SqliteRunStoreContractTests() => Runs = new SqliteRunStore(_test.Database);

    protected override IRunStore Runs { get; }

    public void Dispose() => _test.Dispose();
}
