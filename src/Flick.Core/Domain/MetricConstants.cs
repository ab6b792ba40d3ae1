namespace Flick.Core.Domain;

/// <summary>The named constants of DESIGN §3.</summary>
public static class MetricConstants
{
    /// <summary>How many channels and games a per-slot ranking stores by default.</summary>
    public const int DefaultTopN = 100;

    /// <summary>The only stream <c>type</c> that is kept when the field is present.</summary>
    public const string LiveType = "live";

    /// <summary>Minutes per hour, to turn viewer-minutes into hours watched.</summary>
    public const double MinutesPerHour = 60.0;
}
