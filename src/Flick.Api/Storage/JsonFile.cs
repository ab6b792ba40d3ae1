using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Flick.Api.Storage;

/// <summary>
/// Small JSON documents on disk, written whole through a temporary file and a rename, so that a
/// reader (or a crash) never sees half a file. They hold password hashes, secrets and keys, so only
/// their owner may read them (mode 600).
/// </summary>
internal static class JsonFile
{
    public static async Task<T?> ReadAsync<T>(string path, JsonTypeInfo<T> typeInfo, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            return default;
        }

        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync(stream, typeInfo, ct);
    }

    public static async Task WriteAsync<T>(string path, T value, JsonTypeInfo<T> typeInfo, CancellationToken ct)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
        await WriteBytesAsync(path, bytes, ct);
    }

    public static async Task WriteBytesAsync(string path, byte[] bytes, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var stream = new FileStream(temporary, options))
        {
            await stream.WriteAsync(bytes, ct);
            await stream.FlushAsync(ct);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
