using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Microsoft.Data.Sqlite;

// The peer of Flick's pipeline benchmark: DuckDB computing the same per-slot aggregates from the
// same raw JSON pages that a Flick run pulled (ingest included), and a check that the answers agree.
//   dotnet run -c Release --project bench/Flick.Benchmarks -- duckdb <data-dir> [threads]
if (args.Length < 2 || args[0] != "duckdb")
{
    Console.Error.WriteLine("usage: Flick.Benchmarks duckdb <data-dir> [threads]");
    return 2;
}

var dataDir = Path.GetFullPath(args[1]);
var threads = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2;
var pages = Path.Combine(dataDir, "buckets", "raw", "pulls");
var bytes = Directory.EnumerateFiles(pages, "page-*.json", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

var watch = Stopwatch.StartNew();
using var duck = new DuckDBConnection("DataSource=:memory:");
duck.Open();
Exec(duck, $"SET threads = {threads}");
// Each page is one sample, taken at its pull's minute (named in the pull folder, e.g. sim-20261123T0900).
Exec(duck, """
    CREATE TABLE raw AS
    SELECT strptime(regexp_extract(filename, 'sim-([0-9]{8}T[0-9]{4})', 1), '%Y%m%dT%H%M') AS slot, s.*
    FROM (SELECT filename, unnest(data) AS s FROM read_json('PAGES/**/page-*.json', filename = true, format = 'auto', maximum_object_size = 67108864))
    """.Replace("PAGES", pages, StringComparison.Ordinal));
Exec(duck, """
    CREATE TABLE kept AS
    SELECT slot, s.user_id, s.user_login, s.game_id, s.viewer_count AS viewers FROM raw
    QUALIFY row_number() OVER (PARTITION BY slot, s.user_id ORDER BY viewers DESC) = 1
    """.Replace("s.", "", StringComparison.Ordinal));
Exec(duck, "CREATE TABLE totals AS SELECT slot, sum(viewers) AS viewers, count(*) AS channels FROM kept GROUP BY slot");
Exec(duck, "CREATE TABLE games AS SELECT slot, game_id, sum(viewers) AS viewers, count(*) AS channels FROM kept WHERE game_id <> '' GROUP BY slot, game_id");
Exec(duck, "CREATE TABLE top_channels AS SELECT * FROM kept QUALIFY row_number() OVER (PARTITION BY slot ORDER BY viewers DESC, user_id) <= 100");
Exec(duck, "CREATE TABLE top_games AS SELECT * FROM games QUALIFY row_number() OVER (PARTITION BY slot ORDER BY viewers DESC, channels DESC, game_id) <= 100");
Exec(duck, """
    CREATE TABLE channel_window AS
    SELECT user_id, sum(viewers) AS viewer_minutes, count(*) AS minutes_live, max(viewers) AS peak FROM kept GROUP BY user_id
    """);
var elapsed = watch.Elapsed;
var observations = Scalar(duck, "SELECT count(*) FROM kept");

// The same answers as Flick's clean tables?
var flick = new Dictionary<DateTime, (long Viewers, long Channels)>();
using (var db = new SqliteConnection($"Data Source={Path.Combine(dataDir, "flick.db")};Mode=ReadOnly"))
{
    db.Open();
    using var command = db.CreateCommand();
    command.CommandText = "SELECT slot, viewers, live_channels FROM slot_totals";
    using var reader = command.ExecuteReader();
    while (reader.Read())
    {
        flick[DateTime.UnixEpoch.AddMinutes(reader.GetInt64(0))] = (reader.GetInt64(1), reader.GetInt64(2));
    }
}

var mismatches = 0;
using (var command = duck.CreateCommand())
{
    command.CommandText = "SELECT slot, CAST(viewers AS BIGINT), channels FROM totals";
    using var reader = command.ExecuteReader();
    while (reader.Read())
    {
        var slot = DateTime.SpecifyKind(reader.GetDateTime(0), DateTimeKind.Utc);
        if (!flick.TryGetValue(slot, out var f) || f != (reader.GetInt64(1), reader.GetInt64(2)))
        {
            mismatches++;
        }
    }
}

Console.WriteLine(FormattableString.Invariant($"duckdb threads={threads} raw={bytes / 1e6:F1} MB observations={observations:N0} elapsed={elapsed.TotalSeconds:F2} s observations/s={observations / elapsed.TotalSeconds:N0} peak-rss={Environment.WorkingSet / 1e6:F0} MB (at end) agree-with-flick={(mismatches == 0 && flick.Count > 0 ? "yes" : $"NO ({mismatches} slots differ)")}"));
return mismatches == 0 ? 0 : 1;

static void Exec(DuckDBConnection c, string sql)
{
    using var command = c.CreateCommand();
    command.CommandText = sql;
    command.ExecuteNonQuery();
}

static long Scalar(DuckDBConnection c, string sql)
{
    using var command = c.CreateCommand();
    command.CommandText = sql;
    return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
}
