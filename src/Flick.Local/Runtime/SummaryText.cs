using System.Globalization;
using System.Text;

namespace Flick.Local.Runtime;

public static class SummaryText
{
    public static string Format(RunSummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"Backfill of series '{s.SeriesId}' from {s.From:yyyy-MM-dd HH:mm} to {s.To:HH:mm} UTC");
        text.AppendLine(c, $"  pulls         {s.Pulls,12:N0}   (not complete: {s.FailedPulls:N0})");
        text.AppendLine(c, $"  slots         {s.Slots,12:N0}");
        text.AppendLine(c, $"  observations  {s.Observations,12:N0}");
        text.AppendLine(c, $"  rejected      {s.Rejected,12:N0}");
        text.AppendLine(c, $"  runs          {s.Runs,12:N0}   (failed: {s.FailedRuns:N0})");
        text.AppendLine(c, $"  elapsed       {s.Elapsed.TotalSeconds,12:N1} s");
        text.Append(c, $"  observations/s{s.ObservationsPerSecond,12:N0}");
        return text.ToString();
    }
}
