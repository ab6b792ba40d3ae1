using System.Diagnostics.CodeAnalysis;

namespace Flick.Core.Domain;

/// <summary>
/// The id of a time series: <c>^[a-z0-9][a-z0-9-]{0,62}$</c>. It is used in object keys and table
/// keys, so anything else (path separators, dots, unicode, upper case, length) is refused.
/// </summary>
public readonly record struct SeriesId
{
    public const int MaxLength = 63;

    private SeriesId(string value) => Value = value;

    public string Value { get; }

    public static bool IsValid([NotNullWhen(true)] string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return false;
        }

        if (!IsLowerAlnum(value[0]))
        {
            return false;
        }

        for (var i = 1; i < value.Length; i++)
        {
            if (!IsLowerAlnum(value[i]) && value[i] != '-')
            {
                return false;
            }
        }

        return true;
    }

    public static bool TryParse(string? value, out SeriesId id)
    {
        if (IsValid(value))
        {
            id = new SeriesId(value);
            return true;
        }

        id = default;
        return false;
    }

    /// <exception cref="FormatException">The value is not a valid series id.</exception>
    public static SeriesId Parse(string? value) =>
        TryParse(value, out var id)
            ? id
            : throw new FormatException(DescribeInvalid(value));

    /// <summary>A clear, printable reason why <paramref name="value"/> is not a series id.</summary>
    public static string DescribeInvalid(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "series id is missing";
        }

        var shown = value.Length > 40 ? value[..40] + "…" : value;
        return value.Length > MaxLength
            ? $"series id is {value.Length} characters long; at most {MaxLength} are allowed"
            : $"series id '{shown}' is invalid: it must match ^[a-z0-9][a-z0-9-]{{0,62}}$";
    }

    public override string ToString() => Value ?? string.Empty;

    private static bool IsLowerAlnum(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
}
