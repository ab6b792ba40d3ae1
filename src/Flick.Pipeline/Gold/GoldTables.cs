namespace Flick.Pipeline.Gold;

/// <summary>The Parquet tables of the clean bucket (one folder each, Hive-partitioned).</summary>
public static class GoldTables
{
    public const string ChannelViewers = "channel_viewers";
    public const string GameViewers = "game_viewers";
    public const string SlotTotals = "slot_totals";
    public const string ChannelRankings = "channel_rankings";
    public const string GameRankings = "game_rankings";
    public const string ChannelObservations = "channel_observations";
    public const string ChannelWindows = "channel_windows";
    public const string GameWindows = "game_windows";
}
