using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Flick.Api.Webhooks;

/// <summary>
/// Signs webhook bodies: HMAC-SHA256 with the webhook's secret over <c>{timestamp}.{body}</c>, sent
/// as <c>Flick-Signature: t={timestamp},v1={hex}</c>. The receiver recomputes it and refuses an old
/// timestamp, so a captured request cannot be replayed later.
/// </summary>
public static class WebhookSigner
{
    public const string SignatureHeader = "Flick-Signature";
    public const string TimestampHeader = "Flick-Timestamp";
    public const string EventHeader = "Flick-Event";
    public const string EventIdHeader = "Flick-Event-Id";
    public const string AttemptHeader = "Flick-Attempt";
    private const string SecretPrefix = "whsec_";

    public static string Sign(string secret, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var payload = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{timestamp}.{body}"));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), payload));
    }

    public static string Header(string secret, long timestamp, string body) =>
        string.Create(CultureInfo.InvariantCulture, $"t={timestamp},v1={Sign(secret, timestamp, body)}");

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
