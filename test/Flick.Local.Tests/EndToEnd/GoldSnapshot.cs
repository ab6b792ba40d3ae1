using System.Text;
using DuckDB.NET.Data;
using Microsoft.Data.Sqlite;

namespace Flick.Local.Tests.EndToEnd;

/// <summary>
/// Every gold row of a data directory as text, table by table: the clean tables (SQLite) and the
/// Parquet files read back by DuckDB, each sorted, so two runs can be compared for equality.
/// Run and pull records are left out: they carry the times the work happened.
/// </summary>
public static class GoldSnapshot
{
    private static readonly string[] Tables =
        ["channel_slots", "game_slots", "slot_totals", "ranked_channels", "ranked_games", "channel_profiles", "window_rollups"];

    private static readonly string[] ParquetTables =
        ["channel_viewers", "game_viewers", "slot_totals", "channel_rankings", "game_rankings", "channel_observations", "channel_windows", "game_windows"];

    public static Dictionary<string, List<string>> Take(string dataDirectory)
    {
        var snapshot = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        SqliteConnection.ClearAllPools();
        using (var db = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "flick.db")};Mode=ReadOnly;Pooling=False"))
        {
            db.Open();
            foreach (var table in Tables)
            {
                using var command = db.CreateCommand();
                // The data version only orders writes; equal data may carry other versions.
                command.CommandText = table switch
                {
                    "slot_totals" => "SELECT series_id, slot, viewers, live_channels, games FROM slot_totals",
                    "window_rollups" => "SELECT series_id, from_at, to_at, sampled_minutes, total, channels, games FROM window_rollups",
                    _ => $"SELECT * FROM {table}",
                };
                snapshot["db:" + table] = ReadRows(command.ExecuteReader());
            }
        }

        foreach (var (table, rows) in TakeParquet(Path.Combine(dataDirectory, "buckets", "clean")))
        {
            snapshot[table] = rows;
        }

        return snapshot;
    }

    /// <summary>The rows of every gold Parquet table under a folder laid out like the clean bucket.</summary>
    public static Dictionary<string, List<string>> TakeParquet(string clean)
    {
        var snapshot = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        using var duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        foreach (var table in ParquetTables)
        {
            var folder = Path.Combine(clean, table);
            if (!Directory.Exists(folder))
            {
                snapshot["parquet:" + table] = [];
                continue;
            }

            using var command = duck.CreateCommand();
            command.CommandText = $"SELECT * FROM read_parquet('{folder}/**/*.parquet', hive_partitioning = true)";
            snapshot["parquet:" + table] = ReadRows(command.ExecuteReader());
        }

        return snapshot;
    }

    public static List<string> ReadRows(System.Data.Common.DbDataReader reader)
    {
        var rows = new List<string>();
        using (reader)
        {
            while (reader.Read())
            {
                var row = new StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.GetValue(i);
                    row.Append(value is byte[] bytes ? Convert.ToBase64String(bytes) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                }

                rows.Add(row.ToString());
            }
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    public static void ShouldEqual(Dictionary<string, List<string>> actual, Dictionary<string, List<string>> expected)
    {
        actual.Keys.Order().ShouldBe(expected.Keys.Order());
        foreach (var (table, rows) in expected)
        {
            rows.Count.ShouldBeGreaterThan(0, $"{table} should hold rows");
            actual[table].Count.ShouldBe(rows.Count, $"{table} row count");
            actual[table].ShouldBe(rows, $"{table} rows");
        }
    }
}
