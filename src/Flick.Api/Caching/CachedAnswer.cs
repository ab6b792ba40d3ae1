using System.Buffers.Binary;
using System.Buffers.Text;
using System.ComponentModel;
using System.Security.Cryptography;

namespace Flick.Api.Caching;

/// <summary>
/// A read endpoint's answer as it goes on the wire: a status and the JSON body, with an entity tag
/// derived from both. It is immutable, so the in-process level hands out the same instance without
/// copying it, and its tag is computed once per instance rather than once per request.
/// </summary>
[ImmutableObject(true)]
public sealed class CachedAnswer(int status, ReadOnlyMemory<byte> body)
{
    public const string Json = "application/json; charset=utf-8";
    public const string ProblemJson = "application/problem+json; charset=utf-8";

    // 16 bytes of SHA-256: a strong validator without a 44-character header.
    private const int TagBytes = 16;
    private string? _etag;

    public int Status { get; } = status;

    public ReadOnlyMemory<byte> Body { get; } = body;

    public string ContentType => Status < 400 ? Json : ProblemJson;

    /// <summary>A strong entity tag (quoted) of the status and the body: equal answers have equal tags.</summary>
    public string ETag => _etag ??= ComputeETag(Status, Body.Span);

    private static string ComputeETag(int status, ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> header = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32BigEndian(header, status);
        hash.AppendData(header);
        hash.AppendData(body);
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return "\"" + Base64Url.EncodeToString(digest[..TagBytes]) + "\"";
    }
}
