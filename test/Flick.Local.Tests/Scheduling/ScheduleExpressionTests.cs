using System.Globalization;
using Flick.Local.Scheduling;

namespace Flick.Local.Tests.Scheduling;

/// <summary>Expected instants are worked out by hand from the calendar (2025-03-01 is a Saturday, 2025-03-10 a Monday).</summary>
public sealed class ScheduleExpressionTests
{
    [Theory]
    // Rates count whole intervals from the Unix epoch, and the next occurrence is strictly after the given instant.
    [InlineData("rate(1 minute)", "2025-03-10T12:00:30Z", "2025-03-10T12:01:00Z")]
    [InlineData("rate(1 minute)", "2025-03-10T12:01:00Z", "2025-03-10T12:02:00Z")]
    [InlineData("rate(5 minutes)", "2025-03-10T12:03:00Z", "2025-03-10T12:05:00Z")]
    [InlineData("rate(5 minutes)", "2025-03-10T12:05:00Z", "2025-03-10T12:10:00Z")]
    [InlineData("rate(1 hour)", "2025-03-10T12:59:59Z", "2025-03-10T13:00:00Z")]
    // 2025-03-10 is day 20157 after the epoch, so its midnight is an even hour: 13:00 is odd, 14:00 even.
    [InlineData("rate(2 hours)", "2025-03-10T13:00:00Z", "2025-03-10T14:00:00Z")]
    [InlineData("rate(1 day)", "2025-03-10T12:00:00Z", "2025-03-11T00:00:00Z")]
    // 20157 = 3 × 6719, so 2025-03-10 starts a three-day period.
    [InlineData("rate(3 days)", "2025-03-10T00:00:00Z", "2025-03-13T00:00:00Z")]
    [InlineData("rate(3 days)", "2025-03-09T23:59:00Z", "2025-03-10T00:00:00Z")]
    // Cron: fields are minutes hours day-of-month month day-of-week year; day-of-week 1 is Sunday.
    [InlineData("cron(0 12 * * ? *)", "2025-03-10T11:59:00Z", "2025-03-10T12:00:00Z")]
    [InlineData("cron(0 12 * * ? *)", "2025-03-10T12:00:00Z", "2025-03-11T12:00:00Z")]
    [InlineData("cron(0/15 * * * ? *)", "2025-03-10T12:07:00Z", "2025-03-10T12:15:00Z")]
    [InlineData("cron(*/20 9-10 * * ? *)", "2025-03-10T10:40:00Z", "2025-03-11T09:00:00Z")]
    [InlineData("cron(0 8 ? * MON-FRI *)", "2025-03-14T09:00:00Z", "2025-03-17T08:00:00Z")]
    [InlineData("cron(0 8 ? * 2-6 *)", "2025-03-14T09:00:00Z", "2025-03-17T08:00:00Z")]
    [InlineData("cron(0 0 ? * 1 *)", "2025-03-10T00:00:00Z", "2025-03-16T00:00:00Z")]
    [InlineData("cron(0 0 ? * SUN *)", "2025-03-10T00:00:00Z", "2025-03-16T00:00:00Z")]
    [InlineData("cron(0 0 ? * 7 *)", "2025-03-10T00:00:00Z", "2025-03-15T00:00:00Z")]
    [InlineData("cron(0 0 ? * 1,7 *)", "2025-03-15T00:00:00Z", "2025-03-16T00:00:00Z")]
    // L alone in day-of-week is its last day, Saturday.
    [InlineData("cron(0 0 ? * L *)", "2025-03-10T00:00:00Z", "2025-03-15T00:00:00Z")]
    // 6L: the last Friday of the month; March 2025 ends on Monday the 31st.
    [InlineData("cron(15 10 ? * 6L 2025)", "2025-03-01T00:00:00Z", "2025-03-28T10:15:00Z")]
    // 3#2: the second Tuesday; March 2025 has Tuesdays on the 4th and 11th.
    [InlineData("cron(0 9 ? * 3#2 *)", "2025-03-01T00:00:00Z", "2025-03-11T09:00:00Z")]
    [InlineData("cron(0 9 ? * TUE#2 *)", "2025-03-01T00:00:00Z", "2025-03-11T09:00:00Z")]
    [InlineData("cron(0 9 ? * tue#2 *)", "2025-03-01T00:00:00Z", "2025-03-11T09:00:00Z")]
    [InlineData("cron(0 0 L * ? *)", "2025-02-10T00:00:00Z", "2025-02-28T00:00:00Z")]
    [InlineData("cron(0 0 L * ? *)", "2024-02-10T00:00:00Z", "2024-02-29T00:00:00Z")]
    // LW: the last weekday; 2025-05-31 is a Saturday, so Friday the 30th.
    [InlineData("cron(0 0 LW * ? *)", "2025-05-01T00:00:00Z", "2025-05-30T00:00:00Z")]
    // 15W: the weekday nearest the 15th; 2025-03-15 is a Saturday, so Friday the 14th.
    [InlineData("cron(0 0 15W * ? *)", "2025-03-01T00:00:00Z", "2025-03-14T00:00:00Z")]
    // 1W never leaves the month: Saturday the 1st moves forward to Monday the 3rd.
    [InlineData("cron(0 0 1W * ? *)", "2025-02-28T12:00:00Z", "2025-03-03T00:00:00Z")]
    [InlineData("cron(0 10 * JAN,JUL ? *)", "2025-03-10T00:00:00Z", "2025-07-01T10:00:00Z")]
    [InlineData("cron(0 0 29 2 ? *)", "2025-03-01T00:00:00Z", "2028-02-29T00:00:00Z")]
    // The year field: the next allowed year, including its first minute.
    [InlineData("cron(0 0 1 1 ? 2030)", "2025-03-10T00:00:00Z", "2030-01-01T00:00:00Z")]
    [InlineData("cron(0 0 1 1 ? 2026/2)", "2026-01-01T00:00:00Z", "2028-01-01T00:00:00Z")]
    [InlineData("cron(30 6 * * ? 2025,2027)", "2025-12-31T06:30:00Z", "2027-01-01T06:30:00Z")]
    public void GetNextOccurrence_ShouldReturnTheHandComputedInstant(string expression, string after, string expected)
    {
        var next = ScheduleExpression.Parse(expression).GetNextOccurrence(Instant(after));

        next.ShouldBe(Instant(expected));
    }

    [Fact]
    public void GetNextOccurrence_WhenNoAllowedYearIsLeft_ShouldReturnNull()
    {
        ScheduleExpression.Parse("cron(0 0 1 1 ? 2020-2024)").GetNextOccurrence(Instant("2025-03-10T00:00:00Z")).ShouldBeNull();
    }

    [Theory]
    [InlineData("rate(1 minutes)", "singular unit 'minute'")]
    [InlineData("rate(1 hours)", "singular unit 'hour'")]
    [InlineData("rate(5 minute)", "plural unit 'minutes'")]
    [InlineData("rate(2 day)", "plural unit 'days'")]
    [InlineData("rate(0 minutes)", "at least 1")]
    [InlineData("rate(-1 minutes)", "positive whole value")]
    [InlineData("rate(1.5 hours)", "positive whole value")]
    [InlineData("rate(5 seconds)", "positive whole value")]
    [InlineData("rate(1 week)", "positive whole value")]
    [InlineData("rate(5minutes)", "positive whole value")]
    [InlineData("every 5 minutes", "expected rate(value unit) or cron(")]
    [InlineData("cron(0 12 * * *)", "has 6 fields")]
    [InlineData("cron(0 12 * * * *)", "exactly one of day-of-month and day-of-week must be '?'")]
    [InlineData("cron(0 12 ? * ? *)", "exactly one of day-of-month and day-of-week must be '?'")]
    [InlineData("cron(60 12 * * ? *)", "'60' is not a valid minutes value (0-59)")]
    [InlineData("cron(0 24 * * ? *)", "'24' is not a valid hours value (0-23)")]
    [InlineData("cron(0 12 32 * ? *)", "'32' is not a valid day-of-month value (1-31)")]
    [InlineData("cron(0 12 * 13 ? *)", "'13' is not a valid month value")]
    [InlineData("cron(0 12 ? * 0 *)", "'0' is not a valid day-of-week value (1-7 or SUN-SAT)")]
    [InlineData("cron(0 12 ? * 8 *)", "'8' is not a valid day-of-week value")]
    [InlineData("cron(0 12 ? * MON#6 *)", "day-of-week field 'MON#6' has an invalid element")]
    [InlineData("cron(0 12 * * ? 1969)", "'1969' is not a valid year value (1970-2199)")]
    [InlineData("cron(0 12 * * ? 2200)", "'2200' is not a valid year value")]
    [InlineData("cron(5-1 * * * ? *)", "runs backwards")]
    [InlineData("cron(a 12 * * ? *)", "'a' is not a valid minutes value")]
    [InlineData("cron(0/0 12 * * ? *)", "is not a valid minutes step value")]
    public void Parse_WithInvalidExpression_ShouldThrowFormatExceptionSayingWhy(string expression, string expectedInMessage)
    {
        var exception = Should.Throw<FormatException>(() => ScheduleExpression.Parse(expression));

        exception.Message.ShouldContain(expression);
        exception.Message.ShouldContain(expectedInMessage);
    }

    private static DateTimeOffset Instant(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
