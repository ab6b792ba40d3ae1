namespace Flick.Local.Data;

/// <summary>
/// The tables of the embedded runtime. Times are ISO 8601 UTC text with 100 ns precision (so they
/// round-trip exactly and sort as text), slots are their Unix minute, enums are their names.
/// </summary>
internal static class SqliteSchema
{
    public const int Version = 1;

    /// <summary>
    /// The index behind a channel's series. It leads with the slot's bucket of
    /// <see cref="ChannelSlotBucketMinutes"/> minutes, then the user: a slot's rows then land in
    /// the few pages of the current bucket instead of one page per channel across the channel's
    /// whole history, so writing a slot costs the same after a month as after an hour, and a
    /// channel's window is one seek per bucket (144 a day).
    /// </summary>
    public const string ChannelSlotsByUser = "channel_slots_by_user_bucket";

    public const int ChannelSlotBucketMinutes = 10;

    public static readonly string Create = $"""
        CREATE TABLE IF NOT EXISTS pulls (
            pull_id TEXT NOT NULL PRIMARY KEY,
            source TEXT NOT NULL,
            series_id TEXT NOT NULL,
            at TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT NOT NULL,
            pages INTEGER NOT NULL,
            bytes INTEGER NOT NULL,
            streams INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            status TEXT NOT NULL,
            error TEXT,
            manifest_key TEXT NOT NULL,
            complete INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS pulls_by_source ON pulls (source, started_at DESC, pull_id DESC);

        CREATE TABLE IF NOT EXISTS runs (
            run_id TEXT NOT NULL PRIMARY KEY,
            series_id TEXT NOT NULL,
            status TEXT NOT NULL,
            from_slot INTEGER NOT NULL,
            to_slot INTEGER NOT NULL,
            slots INTEGER NOT NULL,
            observations INTEGER NOT NULL,
            rejected INTEGER NOT NULL,
            reason TEXT NOT NULL,
            created_at TEXT NOT NULL,
            started_at TEXT,
            finished_at TEXT,
            error TEXT
        );
        CREATE INDEX IF NOT EXISTS runs_by_series ON runs (series_id, created_at DESC, run_id DESC);

        CREATE TABLE IF NOT EXISTS run_steps (
            run_id TEXT NOT NULL,
            slot INTEGER NOT NULL,
            step TEXT NOT NULL,
            PRIMARY KEY (run_id, slot, step)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS channel_slots (
            series_id TEXT NOT NULL,
            slot INTEGER NOT NULL,
            user_id TEXT NOT NULL,
            game_id TEXT NOT NULL,
            viewers INTEGER NOT NULL,
            stream_id TEXT NOT NULL,
            started_at INTEGER,
            PRIMARY KEY (series_id, slot, user_id)
        ) WITHOUT ROWID;
        DROP INDEX IF EXISTS channel_slots_by_user;
        CREATE INDEX IF NOT EXISTS {ChannelSlotsByUser} ON channel_slots (series_id, slot / {ChannelSlotBucketMinutes}, user_id, slot);

        CREATE TABLE IF NOT EXISTS game_slots (
            series_id TEXT NOT NULL,
            slot INTEGER NOT NULL,
            game_id TEXT NOT NULL,
            game_name TEXT NOT NULL,
            viewers INTEGER NOT NULL,
            channels INTEGER NOT NULL,
            PRIMARY KEY (series_id, slot, game_id)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS game_slots_by_game ON game_slots (series_id, game_id, slot);

        CREATE TABLE IF NOT EXISTS slot_totals (
            series_id TEXT NOT NULL,
            slot INTEGER NOT NULL,
            viewers INTEGER NOT NULL,
            live_channels INTEGER NOT NULL,
            games INTEGER NOT NULL,
            version INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (series_id, slot)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS series_versions (
            series_id TEXT NOT NULL PRIMARY KEY,
            version INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS ranking_slots (
            series_id TEXT NOT NULL,
            slot INTEGER NOT NULL,
            PRIMARY KEY (series_id, slot)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS ranked_channels (
            series_id TEXT NOT NULL,
            slot INTEGER NOT NULL,
            position INTEGER NOT NULL,
            rank INTEGER NOT NULL,
            user_id TEXT NOT NULL,
            user_login TEXT NOT NULL,
            user_name TEXT NOT NULL,
            game_id TEXT NOT NULL,
            game_name TEXT NOT NULL,
            viewers INTEGER NOT NULL,
            PRIMARY KEY (series_id, slot, position)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS ranked_games (
            series_id TEXT NOT NULL,
            slot INTEGER NOT NULL,
            position INTEGER NOT NULL,
            rank INTEGER NOT NULL,
            game_id TEXT NOT NULL,
            game_name TEXT NOT NULL,
            viewers INTEGER NOT NULL,
            channels INTEGER NOT NULL,
            PRIMARY KEY (series_id, slot, position)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS channel_profiles (
            series_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            user_login TEXT NOT NULL,
            user_name TEXT NOT NULL,
            language TEXT NOT NULL,
            title TEXT NOT NULL,
            game_id TEXT NOT NULL,
            game_name TEXT NOT NULL,
            stream_id TEXT NOT NULL,
            started_at TEXT,
            last_at TEXT NOT NULL,
            first_seen INTEGER NOT NULL,
            last_seen INTEGER NOT NULL,
            peak_viewers INTEGER NOT NULL,
            peak_slot INTEGER NOT NULL,
            search_login TEXT NOT NULL,
            search_name TEXT NOT NULL,
            PRIMARY KEY (series_id, user_id)
        ) WITHOUT ROWID;
        -- No index by peak: a search tests the text against every profile of the series anyway, and
        -- such an index cost every minute's merge of a live channel a rewrite of its entry.
        DROP INDEX IF EXISTS channel_profiles_by_peak;

        CREATE TABLE IF NOT EXISTS window_rollups (
            series_id TEXT NOT NULL,
            from_at TEXT NOT NULL,
            to_at TEXT NOT NULL,
            sampled_minutes INTEGER NOT NULL,
            total BLOB NOT NULL,
            channels BLOB NOT NULL,
            games BLOB NOT NULL,
            data_version INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (series_id, from_at, to_at)
        );
        """;
}
