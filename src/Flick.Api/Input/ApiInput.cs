using System.Globalization;
using Flick.Core.Domain;

namespace Flick.Api.Input;

/// <summary>
/// Parses and checks request inputs. Each method records what is wrong in <see cref="InputErrors"/>
/// and returns a harmless value, so that one response can name every problem.
/// </summary>
public static class ApiInput
{
    private static readonly string[] TimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HHmm'Z'",
    ];

    public static string Series(string? value, InputErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (SeriesId.IsValid(value))
        {
            return value;
        }

        errors.Add("seriesId", SeriesId.DescribeInvalid(Printable(value)));
        return string.Empty;
    }

    /// <summary>A source name: the same rules as a series id.</summary>
    public static string Source(string? value, InputErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (SeriesId.IsValid(value))
        {
            return value;
        }

        errors.Add("source", "source must match ^[a-z0-9][a-z0-9-]{0,62}$");
        return string.Empty;
    }

    /// <summary>A user, game or webhook id: ASCII letters and digits, at most <see cref="InputRules.MaxIdLength"/>.</summary>
    public static string Id(string field, string? value, InputErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (IsId(value))
        {
            return value!;
        }

        errors.Add(field, $"{field} must be 1 to {InputRules.MaxIdLength} ASCII letters or digits");
        return string.Empty;
    }

    public static bool IsId(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= InputRules.MaxIdLength && value.All(char.IsAsciiLetterOrDigit);

    public static int Limit(string? value, InputErrors errors, int defaultValue = InputRules.DefaultLimit)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is null)
        {
            return defaultValue;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= InputRules.MaxLimit)
        {
            return limit;
        }

        errors.Add("limit", $"limit must be a whole number from 1 to {InputRules.MaxLimit}");
        return defaultValue;
    }

    /// <summary>A whole UTC minute in RFC 3339 (<c>2026-01-01T10:00Z</c>, or with seconds at zero and any offset).</summary>
    public static Slot? Minute(string field, string? value, InputErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is null)
        {
            return null;
        }

        if (!DateTimeOffset.TryParseExact(value, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            || at.Year is < InputRules.MinYear or > InputRules.MaxYear)
        {
            errors.Add(field, $"{field} must be an RFC 3339 time such as 2026-01-01T10:00Z (years {InputRules.MinYear} to {InputRules.MaxYear})");
            return null;
        }

        if (at.Second != 0 || at.Millisecond != 0 || at.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            errors.Add(field, $"{field} must be a whole minute");
            return null;
        }

        return Slot.Of(at);
    }

    /// <summary>A window [from, to): both or neither; from before to; at most <see cref="InputRules.MaxWindow"/>.</summary>
    public static (Slot From, Slot To)? Window(string? from, string? to, InputErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var start = Minute("from", from, errors);
        var end = Minute("to", to, errors);
        if ((from is null) != (to is null))
        {
            errors.Add(from is null ? "from" : "to", "give both from and to, or neither");
            return null;
        }

        if (start is not { } f || end is not { } t)
        {
            return null;
        }

        if (f >= t)
        {
            errors.Add("to", "from must be before to");
            return null;
        }

        if (t.UnixMinute - f.UnixMinute > (long)InputRules.MaxWindow.TotalMinutes)
        {
            errors.Add("to", $"a window may cover at most {InputRules.MaxWindow.TotalDays:0} days");
            return null;
        }

        return (f, t);
    }

    public static StepSize? Step(string? value, InputErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is null)
        {
            return null;
        }

        if (StepSize.Find(value) is { } step)
        {
            return step;
        }

        errors.Add("step", "step must be one of 1m, 5m, 1h, 1d");
        return null;
    }

    /// <summary>Search text: 1 to <see cref="InputRules.MaxSearchText"/> characters, no control characters.</summary>
    public static string SearchText(string? value, InputErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var text = value?.Trim() ?? string.Empty;
        if (text.Length is 0 or > InputRules.MaxSearchText || text.Any(char.IsControl))
        {
            errors.Add("q", $"q must be 1 to {InputRules.MaxSearchText} characters without control characters");
            return string.Empty;
        }

        return text;
    }

    /// <summary>A value cut short and stripped of control characters, to be quoted in an error.</summary>
    public static string? Printable(string? value) =>
        value is null ? null : new string(value.Take(80).Select(c => char.IsControl(c) ? '?' : c).ToArray());
}
