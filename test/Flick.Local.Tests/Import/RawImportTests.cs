using Flick.Local.Runtime;
using Flick.Pipeline;
using Flick.Testing;

namespace Flick.Local.Tests.Import;

public sealed class RawImportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("flick-import-").FullName;
    private readonly InMemoryObjectStore _store = new();

    [Fact]
    public async Task ImportAsync_WhenTheFolderHoldsNoPullManifest_ShouldSaySo()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "page-0001.json"), """{"data":[]}""");

        var error = await Should.ThrowAsync<InvalidDataException>(() => new RawImport(_store, new PipelineOptions()).ImportAsync(_folder, CancellationToken.None));

        error.Message.ShouldContain("no pull manifest");
    }

    [Fact]
    public async Task ImportAsync_WhenAManifestIsNotJson_ShouldNameIt()
    {
        var pull = Directory.CreateDirectory(Path.Combine(_folder, "pulls", "sim", "2026-11-23", "sim-20261123T0900"));
        await File.WriteAllTextAsync(Path.Combine(pull.FullName, "manifest.json"), "not json");

        var error = await Should.ThrowAsync<InvalidDataException>(() => new RawImport(_store, new PipelineOptions()).ImportAsync(_folder, CancellationToken.None));

        error.Message.ShouldContain("pulls/sim/2026-11-23/sim-20261123T0900/manifest.json");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
