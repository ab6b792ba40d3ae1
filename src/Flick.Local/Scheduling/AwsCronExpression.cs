using System.Globalization;
using System.Text.RegularExpressions;
using Cronos;

namespace Flick.Local.Scheduling;

/// <summary>
/// <c>cron(Minutes Hours Day-of-month Month Day-of-week Year)</c> as EventBridge reads it: day-of-week 1-7 is
/// SUN-SAT, one of the two day fields is <c>?</c>, and <c>L</c>, <c>W</c> and <c>#</c> are allowed. The first five
/// fields are translated to a Cronos expression (day-of-week 0-6); the year field is applied here.
/// </summary>
public sealed partial class AwsCronExpression : ScheduleExpression
{
    private const int FirstYear = 1970;
    private const int LastYear = 2199;

    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private readonly CronExpression _cron;
    private readonly bool[] _years;

    private AwsCronExpression(string text, string cronosExpression, CronExpression cron, bool[] years)
        : base(text)
    {
        CronosExpression = cronosExpression;
        _cron = cron;
        _years = years;
    }

    /// <summary>The five-field Cronos form of the first five fields.</summary>
    public string CronosExpression { get; }

    public override DateTimeOffset? GetNextOccurrence(DateTimeOffset after)
    {
        var from = after.UtcDateTime;
        while (_cron.GetNextOccurrence(from) is { } next)
        {
            if (next.Year <= LastYear && _years[next.Year - FirstYear])
            {
                return new DateTimeOffset(next, TimeSpan.Zero);
            }

            var year = next.Year + 1;
            while (year <= LastYear && !_years[year - FirstYear])
            {
                year++;
            }

            if (year > LastYear)
            {
                return null;
            }

            // Just before New Year, so an occurrence at midnight on 1 January is found.
            from = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(-1);
        }

        return null;
    }

    internal static AwsCronExpression ParseCron(string text)
    {
        var fields = text["cron(".Length..^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 6)
        {
            throw Invalid(text, $"a cron expression has 6 fields (minutes hours day-of-month month day-of-week year), this one has {fields.Length}");
        }

        var minutes = TranslateList(text, "minutes", fields[0], 0, 59, null, v => v);
        var hours = TranslateList(text, "hours", fields[1], 0, 23, null, v => v);
        var dayOfMonth = TranslateDayOfMonth(text, fields[2].ToUpperInvariant());
        var month = TranslateList(text, "month", fields[3].ToUpperInvariant(), 1, 12, MonthNames, v => v);
        var dayOfWeek = TranslateDayOfWeek(text, fields[4].ToUpperInvariant());
        var years = ParseYears(text, fields[5]);
        if ((dayOfMonth == "?") == (dayOfWeek == "?"))
        {
            throw Invalid(text, "exactly one of day-of-month and day-of-week must be '?'");
        }

        var cronos = $"{minutes} {hours} {dayOfMonth} {month} {dayOfWeek}";
        try
        {
            return new AwsCronExpression(text, cronos, CronExpression.Parse(cronos, CronFormat.Standard), years);
        }
        catch (CronFormatException exception)
        {
            throw Invalid(text, exception.Message.TrimEnd('.'));
        }
    }

    private static string TranslateDayOfMonth(string text, string field)
    {
        if (field is "?" or "L" or "LW")
        {
            return field;
        }

        var weekday = NearestWeekdayPattern().Match(field);
        if (weekday.Success)
        {
            var day = ParseValue(text, "day-of-month", weekday.Groups["day"].Value, 1, 31, null);
            return $"{day}W";
        }

        return TranslateList(text, "day-of-month", field, 1, 31, null, v => v);
    }

    private static string TranslateDayOfWeek(string text, string field)
    {
        const string Name = "day-of-week";
        // EventBridge counts SUN=1..SAT=7, Cronos SUN=0..SAT=6.
        static int ToCronos(int day) => day - 1;
        switch (field)
        {
            case "?":
                return field;
            case "L":
                // L alone is the last day of the week.
                return "6";
        }

        var special = DayOfWeekSpecialPattern().Match(field);
        if (special.Success)
        {
            var day = ToCronos(ParseValue(text, Name, special.Groups["day"].Value, 1, 7, DayNames));
            return special.Groups["nth"].Success ? $"{day}#{special.Groups["nth"].Value}" : $"{day}L";
        }

        return TranslateList(text, Name, field, 1, 7, DayNames, ToCronos);
    }

    private static bool[] ParseYears(string text, string field)
    {
        var years = new bool[LastYear - FirstYear + 1];
        foreach (var (from, to, step) in ParseList(text, "year", field, FirstYear, LastYear, null))
        {
            for (var year = from; year <= to; year += step)
            {
                years[year - FirstYear] = true;
            }
        }

        return years;
    }

    /// <summary>Checks a list of <c>*</c>, values, ranges and steps and rewrites its values with <paramref name="map"/>.</summary>
    private static string TranslateList(string text, string name, string field, int min, int max, string[]? names, Func<int, int> map) =>
        string.Join(',', ParseList(text, name, field, min, max, names).Select(element =>
        {
            // Written out in full, so that "*" and "a/n" of a shifted field keep their meaning after the shift.
            var (from, to, step) = element;
            return from == to && step == 1 ? $"{map(from)}" : step == 1 ? $"{map(from)}-{map(to)}" : $"{map(from)}-{map(to)}/{step}";
        }));

    private static List<(int From, int To, int Step)> ParseList(string text, string name, string field, int min, int max, string[]? names)
    {
        var elements = new List<(int, int, int)>();
        foreach (var element in field.Split(','))
        {
            var match = ElementPattern().Match(element);
            if (!match.Success)
            {
                throw Invalid(text, $"the {name} field '{field}' has an invalid element '{element}'");
            }

            var step = match.Groups["step"].Success ? ParseValue(text, name + " step", match.Groups["step"].Value, 1, max - min + 1, null) : 1;
            if (match.Groups["all"].Success)
            {
                elements.Add((min, max, step));
                continue;
            }

            var from = ParseValue(text, name, match.Groups["from"].Value, min, max, names);
            // "a/n" runs from a to the end of the field.
            var to = match.Groups["to"].Success ? ParseValue(text, name, match.Groups["to"].Value, min, max, names)
                : match.Groups["step"].Success ? max : from;
            if (to < from)
            {
                throw Invalid(text, $"the {name} range '{element}' runs backwards");
            }

            elements.Add((from, to, step));
        }

        return elements;
    }

    private static int ParseValue(string text, string name, string value, int min, int max, string[]? names)
    {
        if (names is not null && Array.IndexOf(names, value) is var index and >= 0)
        {
            return min + index;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        var allowed = names is null ? $"{min}-{max}" : $"{min}-{max} or {names[0]}-{names[^1]}";
        throw Invalid(text, $"'{value}' is not a valid {name} value ({allowed})");
    }

    [GeneratedRegex(@"^(?:(?<all>\*)|(?<from>[0-9A-Za-z]+)(?:-(?<to>[0-9A-Za-z]+))?)(?:/(?<step>[0-9]+))?$")]
    private static partial Regex ElementPattern();

    [GeneratedRegex(@"^(?<day>[0-9]+)W$")]
    private static partial Regex NearestWeekdayPattern();

    [GeneratedRegex(@"^(?<day>[0-9]+|[A-Z]{3})(?:L|#(?<nth>[1-5]))$")]
    private static partial Regex DayOfWeekSpecialPattern();
}
