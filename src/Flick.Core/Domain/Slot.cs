using System.Globalization;

namespace Flick.Core.Domain;

/// <summary>A UTC minute: the unit in which samples are grouped (DESIGN §3, "Slot").</summary>
public readonly record struct Slot : IComparable<Slot>
{
    /// <summary>The canonical text form, <c>yyyy-MM-ddTHH:mmZ</c>.</summary>
    public const string Format = "yyyy-MM-dd'T'HH:mm'Z'";

    /// <summary>The form used inside object keys and file names (no colon).</summary>
    public const string KeyFormat = "yyyy-MM-dd'T'HHmm'Z'";

    private Slot(long unixMinute) => UnixMinute = unixMinute;

    /// <summary>Minutes since the Unix epoch.</summary>
    public long UnixMinute { get; }

    public DateTimeOffset Start => DateTimeOffset.FromUnixTimeSeconds(UnixMinute * 60);

    public DateTimeOffset End => Start.AddMinutes(1);

    public static Slot FromUnixMinute(long unixMinute) => new(unixMinute);

    /// <summary>The slot that contains <paramref name="at"/> (the UTC minute, truncated).</summary>
    public static Slot Of(DateTimeOffset at) => new(Math.DivRem(at.ToUnixTimeSeconds(), 60, out var rem) - (rem < 0 ? 1 : 0));

    public static bool TryParse(string? text, out Slot slot)
    {
        if (DateTimeOffset.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            || DateTimeOffset.TryParseExact(text, KeyFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at))
        {
            slot = Of(at);
            return true;
        }

        slot = default;
        return false;
    }

    public static Slot Parse(string text) =>
        TryParse(text, out var slot) ? slot : throw new FormatException($"'{text}' is not a slot (expected {Format})");

    public Slot AddMinutes(long minutes) => new(UnixMinute + minutes);

    public int CompareTo(Slot other) => UnixMinute.CompareTo(other.UnixMinute);

    public static bool operator <(Slot left, Slot right) => left.UnixMinute < right.UnixMinute;

    public static bool operator >(Slot left, Slot right) => left.UnixMinute > right.UnixMinute;

    public static bool operator <=(Slot left, Slot right) => left.UnixMinute <= right.UnixMinute;

    public static bool operator >=(Slot left, Slot right) => left.UnixMinute >= right.UnixMinute;

    public override string ToString() => Start.ToString(Format, CultureInfo.InvariantCulture);

    public string ToKey() => Start.ToString(KeyFormat, CultureInfo.InvariantCulture);
}
