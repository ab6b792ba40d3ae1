using System.Globalization;
using System.Net.Http.Headers;

namespace Flick.Pipeline.Sources;

/// <summary>The <c>Ratelimit-*</c> headers of a response; null where a header was missing or unreadable.</summary>
public sealed record HelixRateLimit(int? Limit, int? Remaining, DateTimeOffset? Reset)
{
    public static HelixRateLimit None { get; } = new(null, null, null);

    public static HelixRateLimit From(HttpResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var reset = ReadLong(headers, "Ratelimit-Reset");
        return new HelixRateLimit(
            (int?)ReadLong(headers, "Ratelimit-Limit"),
            (int?)ReadLong(headers, "Ratelimit-Remaining"),
            reset is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null);
    }

    private static long? ReadLong(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
        && value is >= 0 and <= 253_402_300_799 // the last second DateTimeOffset can hold
            ? value
            : null;
}
