using Flick.Api.Storage;

namespace Flick.Api.Webhooks;

/// <summary>Webhooks and their logs in one JSON file (owner-only: it holds the signing secrets).</summary>
public sealed class JsonFileWebhookStore(string path) : InMemoryWebhookStore, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _loaded;

    public void Dispose() => _gate.Dispose();

    protected override async Task LoadedAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _loaded))
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_loaded)
            {
                if (await JsonFile.ReadAsync(path, ApiJson.Default.WebhooksFile, cancellationToken) is { } state)
                {
                    Restore(state);
                }

                Volatile.Write(ref _loaded, true);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override async Task Changed(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await JsonFile.WriteAsync(path, Snapshot(), ApiJson.Default.WebhooksFile, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }
}
