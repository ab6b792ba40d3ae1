using Flick.Core.Ports;
using Flick.Local.Data;
using Flick.Local.Tests.Data;
using Flick.Testing.Contracts;

namespace Flick.Local.Tests.Contracts;

public sealed class SqlitePullLogContractTests : PullLogContract, IDisposable
{
    private readonly TestDatabase _test = new();

    public SqlitePullLogContractTests() => Log = new SqlitePullLog(_test.Database);

    protected override IPullLog Log { get; }

    public void Dispose() => _test.Dispose();
}
