using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Flick.Local.Simulator;

/// <summary>
/// The opaque <c>after</c> cursor: base64url of the pinned minute, the filters and the offset, so
/// that every page of one pull sees the same minute whatever the clock does meanwhile.
/// </summary>
internal sealed record StreamsCursor(long MinuteUnixSeconds, int Offset, string Filters)
{
    private const string Version = "v1";

    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            string.Join('|', Version, MinuteUnixSeconds.ToString(CultureInfo.InvariantCulture), Offset.ToString(CultureInfo.InvariantCulture), Filters)));

    public static bool TryDecode(string text, out StreamsCursor? cursor)
    {
        cursor = null;
        if (text.Length is 0 or > 4096 || !Base64Url.IsValid(text))
        {
            return false;
        }

        string plain;
        try
        {
            plain = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Base64Url.DecodeFromChars(text));
        }
        catch (FormatException)
        {
            return false;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        var parts = plain.Split('|', 4);
        if (parts.Length != 4
            || parts[0] != Version
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minute)
            || minute % 60 != 0
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            return false;
        }

        cursor = new StreamsCursor(minute, offset, parts[3]);
        return true;
    }
}
