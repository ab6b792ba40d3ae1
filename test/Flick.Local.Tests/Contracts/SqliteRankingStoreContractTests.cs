using Flick.Core.Ports;
using Flick.Local.Data;
using Flick.Local.Tests.Data;
using Flick.Testing.Contracts;

namespace Flick.Local.Tests.Contracts;

public sealed class SqliteRankingStoreContractTests : RankingStoreContract, IDisposable
{
    private readonly TestDatabase _test = new();

    public SqliteRankingStoreContractTests() => Store = new SqliteRankingStore(_test.Database);

    protected override IRankingStore Store { get; }

    public void Dispose() => _test.Dispose();
}
