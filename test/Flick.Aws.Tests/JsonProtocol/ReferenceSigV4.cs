using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Flick.Aws.Tests.JsonProtocol;

/// <summary>
/// An independent implementation of AWS Signature Version 4 (AWS4-HMAC-SHA256) written from AWS's documented
/// algorithm (General Reference, "Signature Version 4 signing process": create a canonical request, create a
/// string to sign, derive the signing key by an HMAC-SHA256 chain, sign), sharing no code with AWSSDK.Core.
/// Only what the tests need: the caller passes the canonical URI and an already canonical query string.
/// </summary>
internal static class ReferenceSigV4
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    public static string CanonicalRequest(string method, string canonicalUri, string canonicalQuery, IEnumerable<(string Name, string Value)> headers, byte[] payload)
    {
        var sorted = SortHeaders(headers);
        var builder = new StringBuilder();
        builder.Append(method).Append('\n');
        builder.Append(canonicalUri).Append('\n');
        builder.Append(canonicalQuery).Append('\n');
        foreach (var (name, value) in sorted)
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }

        builder.Append('\n');
        builder.Append(SignedHeaders(sorted)).Append('\n');
        builder.Append(HexSha256(payload));
        return builder.ToString();
    }

    public static string CredentialScope(DateTime signedAt, string region, string service) =>
        $"{signedAt.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}/{region}/{service}/aws4_request";

    public static string StringToSign(DateTime signedAt, string region, string service, string canonicalRequest) =>
        $"{Algorithm}\n{AmzDate(signedAt)}\n{CredentialScope(signedAt, region, service)}\n{HexSha256(Encoding.UTF8.GetBytes(canonicalRequest))}";

    /// <summary>kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request").</summary>
    public static byte[] SigningKey(string secretKey, string date, string region, string service)
    {
        var kDate = HmacSha256(Encoding.UTF8.GetBytes("AWS4" + secretKey), date);
        var kRegion = HmacSha256(kDate, region);
        var kService = HmacSha256(kRegion, service);
        return HmacSha256(kService, "aws4_request");
    }

    public static string Signature(string secretKey, DateTime signedAt, string region, string service, string canonicalRequest)
    {
        var key = SigningKey(secretKey, signedAt.ToString("yyyyMMdd", CultureInfo.InvariantCulture), region, service);
        return Convert.ToHexStringLower(HmacSha256(key, StringToSign(signedAt, region, service, canonicalRequest)));
    }

    /// <summary>The value of the <c>Authorization</c> header for a request with these signed headers.</summary>
    public static string Authorization(
        string accessKey,
        string secretKey,
        DateTime signedAt,
        string region,
        string service,
        string method,
        string canonicalUri,
        string canonicalQuery,
        IReadOnlyList<(string Name, string Value)> headers,
        byte[] payload)
    {
        var canonicalRequest = CanonicalRequest(method, canonicalUri, canonicalQuery, headers, payload);
        var signature = Signature(secretKey, signedAt, region, service, canonicalRequest);
        return $"{Algorithm} Credential={accessKey}/{CredentialScope(signedAt, region, service)}, SignedHeaders={SignedHeaders(SortHeaders(headers))}, Signature={signature}";
    }

    public static string AmzDate(DateTime signedAt) => signedAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    public static string HexSha256(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));

    private static byte[] HmacSha256(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    // Lower-case names, sorted by character code; values trimmed with inner runs of spaces collapsed.
    private static List<(string Name, string Value)> SortHeaders(IEnumerable<(string Name, string Value)> headers) =>
        [.. headers
            .Select(h => (Name: h.Name.ToLowerInvariant(), Value: string.Join(' ', h.Value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries))))
            .OrderBy(h => h.Name, StringComparer.Ordinal)];

    private static string SignedHeaders(List<(string Name, string Value)> sorted) => string.Join(';', sorted.Select(h => h.Name));
}
