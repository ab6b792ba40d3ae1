using System.Globalization;
using System.Text.RegularExpressions;

namespace Flick.Local.Scheduling;

/// <summary>
/// <c>rate(value unit)</c>. Occurrences are whole multiples of the interval counted from the Unix epoch, so
/// <c>rate(5 minutes)</c> fires at :00, :05, … UTC and every process agrees on the instants.
/// </summary>
public sealed partial class RateExpression : ScheduleExpression
{
    private RateExpression(string text, TimeSpan interval)
        : base(text) => Interval = interval;

    public TimeSpan Interval { get; }

    public override DateTimeOffset? GetNextOccurrence(DateTimeOffset after)
    {
        var sinceEpoch = after.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var period = Interval.Ticks;
        var elapsedPeriods = sinceEpoch >= 0 ? sinceEpoch / period : -((-sinceEpoch + period - 1) / period);
        return DateTimeOffset.UnixEpoch.AddTicks((elapsedPeriods + 1) * period);
    }

    public override DateTimeOffset GetLatestOccurrence(DateTimeOffset first, DateTimeOffset notAfter) =>
        notAfter <= first ? first : first.AddTicks((notAfter - first).Ticks / Interval.Ticks * Interval.Ticks);

    internal static RateExpression ParseRate(string text)
    {
        var match = RatePattern().Match(text);
        if (!match.Success)
        {
            throw Invalid(text, "a rate is rate(value unit) with a positive whole value and a unit of minute(s), hour(s) or day(s)");
        }

        if (!int.TryParse(match.Groups["value"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            throw Invalid(text, "the rate value must be a whole number of at least 1");
        }

        var unit = match.Groups["unit"].Value;
        var singular = unit.TrimEnd('s');
        if (value == 1 && unit != singular)
        {
            throw Invalid(text, $"a value of 1 takes the singular unit '{singular}'");
        }

        if (value != 1 && unit == singular)
        {
            throw Invalid(text, $"a value other than 1 takes the plural unit '{singular}s'");
        }

        var interval = singular switch
        {
            "minute" => TimeSpan.FromMinutes(value),
            "hour" => TimeSpan.FromHours(value),
            _ => TimeSpan.FromDays(value),
        };
        return new RateExpression(text, interval);
    }

    [GeneratedRegex(@"^rate\((?<value>[0-9]+) (?<unit>minutes?|hours?|days?)\)$")]
    private static partial Regex RatePattern();
}
