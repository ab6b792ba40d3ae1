using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;

namespace Flick.Benchmarks;

/// <summary>
/// The peer: DuckDB, in memory, computing from the raw pages of a data set (ingest included) what
/// Flick's gold holds — the kept observation per (slot, channel), channel viewers per minute, game
/// sums and counts per minute, totals, the top 100 channels and games per minute, and per-hour
/// channel window aggregates. Then, outside the measurement, whether Flick's gold Parquet tables
/// hold the same answers, table by table.
/// </summary>
/// <remarks>
/// Arguments: the data set's raw folder; Flick's data folder to check against, or an empty
/// argument for none; threads; the data set's name; and the measurement's name, <c>duckdb</c>
/// unless the caller takes the median of several runs itself (the harness runs DuckDB right after
/// each run of Flick, so that both see the machine in the same state).
/// </remarks>
internal static class DuckDbPeer
{
    public static int Run(string[] args)
    {
        var raw = Path.GetFullPath(args[0]);
        var flick = args.Length > 1 && args[1].Length > 0 ? Path.GetFullPath(args[1]) : null;
        var threads = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2;
        var size = args.Length > 3 ? args[3] : "data";
        var name = args.Length > 4 ? args[4] : "duckdb";
        var pages = Path.Combine(raw, "pulls");
        var bytes = Directory.EnumerateFiles(pages, "page-*.json", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

        // The process's CPU time over the measurement: DuckDB's threads and the .NET side together.
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        using var duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        Exec(duck, $"SET threads = {threads}");
        foreach (var statement in DuckDbQueries.Aggregates)
        {
            Exec(duck, statement.Replace("PAGES", pages, StringComparison.Ordinal));
        }

        var elapsed = watch.Elapsed.TotalSeconds;
        self.Refresh();
        var cpuSeconds = (self.TotalProcessorTime - cpu).TotalSeconds;
        var rss = BenchLine.PeakRssMegabytes();
        var observations = Scalar(duck, "SELECT count(*) FROM kept");
        Console.WriteLine(FormattableString.Invariant(
            $"duckdb: {threads} threads, {bytes / 1e6:N1} MB of pages, {observations:N0} observations, {elapsed:N2} s, {cpuSeconds:N2} s of CPU, peak RSS {rss:N0} MB"));
        BenchLine.Print($"pipeline/{name}/{size}",
            ("observations", observations), ("wall_s", elapsed), ("obs_per_s", observations / elapsed),
            ("mb_per_s", bytes / 1e6 / elapsed), ("cpu_s", cpuSeconds), ("peak_rss_mb", rss), ("threads", threads));
        return flick is null ? 0 : Agree(duck, flick, size);
    }

    /// <summary>Each answer compared both ways (EXCEPT ALL), and neither side may be empty.</summary>
    private static int Agree(DuckDBConnection duck, string flickData, string size)
    {
        var clean = Path.Combine(flickData, "buckets", "clean");
        long mismatches = 0, compared = 0;
        var pass = true;
        foreach (var (table, peer, gold) in DuckDbQueries.Comparisons)
        {
            var files = Path.Combine(clean, table, "**", "*.parquet");
            if (!Directory.Exists(Path.Combine(clean, table)))
            {
                Console.WriteLine($"agreement: {table}: Flick wrote no such table");
                pass = false;
                continue;
            }

            var flick = gold.Replace("FILES", $"read_parquet('{files}', hive_partitioning = false)", StringComparison.Ordinal);
            var peerRows = Scalar(duck, $"SELECT count(*) FROM ({peer})");
            var goldRows = Scalar(duck, $"SELECT count(*) FROM ({flick})");
            var onlyPeer = Scalar(duck, $"SELECT count(*) FROM ({peer} EXCEPT ALL {flick})");
            var onlyGold = Scalar(duck, $"SELECT count(*) FROM ({flick} EXCEPT ALL {peer})");
            Console.WriteLine(FormattableString.Invariant(
                $"agreement: {table}: DuckDB {peerRows:N0} rows, Flick {goldRows:N0} rows, only in DuckDB {onlyPeer:N0}, only in Flick {onlyGold:N0}"));
            mismatches += onlyPeer + onlyGold;
            compared += peerRows;
            pass &= onlyPeer == 0 && onlyGold == 0 && peerRows > 0;
        }

        BenchLine.Print($"pipeline/agreement/{size}", ("rows", compared), ("mismatches", mismatches), ("pass", pass));
        return pass ? 0 : 1;
    }

    private static void Exec(DuckDBConnection c, string sql)
    {
        using var command = c.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(DuckDBConnection c, string sql)
    {
        using var command = c.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
