using Flick.Core.Ports;
using Flick.Local.Storage;
using Flick.Local.Tests.Storage;
using Flick.Testing.Contracts;

namespace Flick.Local.Tests.Contracts;

/// <summary>The object store contract on the folder store: every object's ETag is the MD5 of its content.</summary>
public sealed class FolderObjectStoreContractTests : ObjectStoreContract, IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    protected override Task<IObjectStore> CreateStoreAsync() =>
        Task.FromResult<IObjectStore>(new FolderObjectStore(Path.Combine(_temp.Path, "buckets"), new RecordingListener()));
}
