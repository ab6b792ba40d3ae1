using System.Globalization;
using System.Security.Cryptography;

namespace Flick.Testing.Contracts;

/// <summary>
/// S3's ETags, computed here from the content, independently of any store: a single-part object's ETag is the
/// MD5 of its bytes in lower-case hex, in quotes; a multipart object's is the MD5 of the concatenated binary MD5s
/// of its parts, then '-' and the number of parts, in quotes.
/// </summary>
public static class ObjectStoreETags
{
#pragma warning disable CA5351 // S3 defines ETags with MD5; nothing here is about security.
    public static string SinglePart(byte[] content) => Quote(Convert.ToHexStringLower(MD5.HashData(content)));

    public static string SinglePart(Stream content) => Quote(Convert.ToHexStringLower(MD5.HashData(content)));

    public static string Multipart(Stream content, long partSize)
    {
        using var partHashes = new MemoryStream();
        var buffer = new byte[partSize];
        var parts = 0;
        int filled;
        while ((filled = Fill(content, buffer)) > 0)
        {
            partHashes.Write(MD5.HashData(buffer.AsSpan(0, filled)));
            parts++;
        }

        return Quote(Convert.ToHexStringLower(MD5.HashData(partHashes.ToArray())) + "-" + parts.ToString(CultureInfo.InvariantCulture));
    }
#pragma warning restore CA5351

    private static int Fill(Stream content, byte[] buffer)
    {
        var filled = 0;
        int read;
        while (filled < buffer.Length && (read = content.Read(buffer, filled, buffer.Length - filled)) > 0)
        {
            filled += read;
        }

        return filled;
    }

    private static string Quote(string value) => "\"" + value + "\"";
}
