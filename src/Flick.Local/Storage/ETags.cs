using System.Buffers;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace Flick.Local.Storage;

/// <summary>
/// S3 single-part ETags: the MD5 of the content, lower-case hex, in quotes. MD5 here identifies
/// content for clients that compare ETags; it protects nothing.
/// </summary>
internal static class ETags
{
    public const int BufferSize = 128 * 1024;

    public static IncrementalHash CreateHash() =>
#pragma warning disable CA5351 // S3 defines the single-part ETag as MD5; it is not used for security.
        IncrementalHash.CreateHash(HashAlgorithmName.MD5);
#pragma warning restore CA5351

    public static string Format(IncrementalHash hash) => $"\"{Convert.ToHexStringLower(hash.GetHashAndReset())}\"";

    /// <summary>Hashes a stored file, streaming it through a pooled buffer.</summary>
    public static async Task<string> ComputeAsync(SafeFileHandle file, CancellationToken cancellationToken)
    {
        using var hash = CreateHash();
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            long offset = 0;
            int read;
            while ((read = await RandomAccess.ReadAsync(file, buffer.AsMemory(0, BufferSize), offset, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                offset += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return Format(hash);
    }
}
