namespace Flick.Benchmarks;

/// <summary>
/// DESIGN §3 in DuckDB SQL, and the shape in which each answer is compared with Flick's gold
/// Parquet tables. Times are compared as Unix minutes, so that TIMESTAMP and TIMESTAMPTZ agree.
/// </summary>
internal static class DuckDbQueries
{
    /// <summary>Ingest and aggregates: the measured work. Each page is one sample, taken at its pull's minute.</summary>
    public static readonly string[] Aggregates =
    [
        """
        CREATE TABLE raw AS
        SELECT strptime(regexp_extract(filename, '-([0-9]{8}T[0-9]{4})/page-', 1), '%Y%m%dT%H%M') AS slot, s.*
        FROM (SELECT filename, unnest(data) AS s FROM read_json('PAGES/**/page-*.json', filename = true, format = 'auto', maximum_object_size = 67108864))
        """,
        // One observation per (slot, channel): within one sample, the larger viewer count.
        """
        CREATE TABLE kept AS
        SELECT slot, user_id, game_id, viewer_count AS viewers FROM raw
        WHERE user_id <> '' AND (type IS NULL OR type = 'live') AND viewer_count >= 0
        QUALIFY row_number() OVER (PARTITION BY slot, user_id ORDER BY viewer_count DESC) = 1
        """,
        "CREATE TABLE totals AS SELECT slot, sum(viewers) AS viewers, count(*) AS channels FROM kept GROUP BY slot",
        "CREATE TABLE games AS SELECT slot, game_id, sum(viewers) AS viewers, count(*) AS channels FROM kept WHERE game_id <> '' GROUP BY slot, game_id",
        """
        CREATE TABLE top_channels AS
        SELECT slot, row_number() OVER (PARTITION BY slot ORDER BY viewers DESC, user_id) AS rank, user_id, viewers FROM kept
        QUALIFY rank <= 100
        """,
        """
        CREATE TABLE top_games AS
        SELECT slot, row_number() OVER (PARTITION BY slot ORDER BY viewers DESC, channels DESC, game_id) AS rank, game_id, viewers, channels FROM games
        QUALIFY rank <= 100
        """,
        // Per UTC hour: viewer-minutes, minutes live, the peak and the earliest slot that reached it.
        """
        CREATE TABLE channel_windows AS
        SELECT window_start, user_id, sum(viewers) AS viewer_minutes, count(*) AS minutes, max(viewers) AS peak_viewers,
               min(slot) FILTER (WHERE viewers = peak) AS peak_slot
        FROM (SELECT date_trunc('hour', slot) AS window_start, slot, user_id, viewers,
                     max(viewers) OVER (PARTITION BY date_trunc('hour', slot), user_id) AS peak FROM kept)
        GROUP BY window_start, user_id
        """,
    ];

    /// <summary>(Flick's gold table, DuckDB's answer, Flick's answer from FILES) in the same columns.</summary>
    public static readonly (string Table, string Peer, string Gold)[] Comparisons =
    [
        ("slot_totals",
            "SELECT epoch(slot) // 60 AS m, CAST(viewers AS BIGINT), CAST(channels AS BIGINT) FROM totals",
            "SELECT epoch(slot) // 60 AS m, CAST(viewers AS BIGINT), CAST(live_channels AS BIGINT) FROM FILES"),
        ("channel_viewers",
            "SELECT epoch(slot) // 60 AS m, user_id, CAST(viewers AS BIGINT) FROM kept",
            "SELECT epoch(slot) // 60 AS m, user_id, CAST(viewers AS BIGINT) FROM FILES"),
        ("game_viewers",
            "SELECT epoch(slot) // 60 AS m, game_id, CAST(viewers AS BIGINT), CAST(channels AS BIGINT) FROM games",
            "SELECT epoch(slot) // 60 AS m, game_id, CAST(viewers AS BIGINT), CAST(channels AS BIGINT) FROM FILES"),
        ("channel_rankings",
            "SELECT epoch(slot) // 60 AS m, CAST(rank AS BIGINT), user_id, CAST(viewers AS BIGINT) FROM top_channels",
            "SELECT epoch(slot) // 60 AS m, CAST(rank AS BIGINT), user_id, CAST(viewers AS BIGINT) FROM FILES"),
        ("game_rankings",
            "SELECT epoch(slot) // 60 AS m, CAST(rank AS BIGINT), game_id, CAST(viewers AS BIGINT), CAST(channels AS BIGINT) FROM top_games",
            "SELECT epoch(slot) // 60 AS m, CAST(rank AS BIGINT), game_id, CAST(viewers AS BIGINT), CAST(channels AS BIGINT) FROM FILES"),
        ("channel_windows",
            "SELECT epoch(window_start) // 60 AS m, user_id, CAST(viewer_minutes AS BIGINT), CAST(minutes AS BIGINT), CAST(peak_viewers AS BIGINT), epoch(peak_slot) // 60 FROM channel_windows",
            "SELECT epoch(window_start) // 60 AS m, user_id, CAST(viewer_minutes AS BIGINT), CAST(minutes AS BIGINT), CAST(peak_viewers AS BIGINT), epoch(peak_slot) // 60 FROM FILES"),
    ];
}
