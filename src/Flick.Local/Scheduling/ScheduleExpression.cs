namespace Flick.Local.Scheduling;

/// <summary>An EventBridge schedule expression: <c>rate(value unit)</c> or <c>cron(6 fields)</c>, evaluated in UTC.</summary>
public abstract class ScheduleExpression
{
    private protected ScheduleExpression(string text) => Text = text;

    public string Text { get; }

    /// <exception cref="FormatException">The expression is not a valid rate or cron expression; the message says why.</exception>
    public static ScheduleExpression Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var text = expression.Trim();
        if (text.StartsWith("rate(", StringComparison.Ordinal) && text.EndsWith(')'))
        {
            return RateExpression.ParseRate(text);
        }

        if (text.StartsWith("cron(", StringComparison.Ordinal) && text.EndsWith(')'))
        {
            return AwsCronExpression.ParseCron(text);
        }

        throw Invalid(expression, "expected rate(value unit) or cron(minutes hours day-of-month month day-of-week year)");
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, or null when there is none.</summary>
    public abstract DateTimeOffset? GetNextOccurrence(DateTimeOffset after);

    /// <summary>The latest occurrence in [<paramref name="first"/>, <paramref name="notAfter"/>], given that <paramref name="first"/> is one.</summary>
    public virtual DateTimeOffset GetLatestOccurrence(DateTimeOffset first, DateTimeOffset notAfter)
    {
        var latest = first;
        while (GetNextOccurrence(latest) is { } later && later <= notAfter)
        {
            latest = later;
        }

        return latest;
    }

    public override string ToString() => Text;

    private protected static FormatException Invalid(string expression, string reason) =>
        new($"Invalid schedule expression '{expression}': {reason}.");
}
