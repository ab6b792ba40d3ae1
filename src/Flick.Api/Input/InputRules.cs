namespace Flick.Api.Input;

/// <summary>The input rules of the API, named.</summary>
public static class InputRules
{
    /// <summary>The longest window a request may cover.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(31);

    public const int MaxLimit = 1_000;
    public const int DefaultLimit = 100;
    public const int MaxIdLength = 64;
    public const int MaxSearchText = 100;

    /// <summary>The most points a viewers series returns; a finer step over a longer window is refused.</summary>
    public const int MaxPoints = 10_080;

    /// <summary>Times outside these years are refused (no arithmetic near the calendar's ends).</summary>
    public const int MinYear = 1971;
    public const int MaxYear = 9998;

    /// <summary>The window a read covers when none is given: ending at the series' latest data.</summary>
    public static readonly TimeSpan DefaultSeriesWindow = TimeSpan.FromHours(24);

    public static readonly TimeSpan DefaultRankingWindow = TimeSpan.FromHours(1);

    public const int MinPasswordLength = 12;
    public const int MaxPasswordLength = 256;
}
