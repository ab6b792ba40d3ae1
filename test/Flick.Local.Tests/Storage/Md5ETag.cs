using System.Security.Cryptography;

namespace Flick.Local.Tests.Storage;

/// <summary>The S3 single-part ETag, computed here independently of the store.</summary>
internal static class Md5ETag
{
#pragma warning disable CA5351 // S3 ETags are MD5 by definition.
    public static string Of(byte[] content) => Quote(MD5.HashData(content));

    public static string Of(Stream content) => Quote(MD5.HashData(content));
#pragma warning restore CA5351

    private static string Quote(byte[] hash) => "\"" + Convert.ToHexString(hash).ToLowerInvariant() + "\"";
}
