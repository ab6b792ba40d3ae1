using Flick.Benchmarks;

// The pipeline benchmark's tools; scripts/bench.sh runs them. Each measurement is one stdout line
// "BENCH {json}".
//   generate <dir> <channels> <minutes> [seed] [end]   a data set: <dir>/raw (raw bucket objects) and <dir>/dataset.json
//   limit <raw-dir> [passes]                           Utf8JsonReader over every page, touching every token
//   duckdb <raw-dir> [flick-data-dir] [threads] [size] the peer: the same aggregates in DuckDB, and agreement with Flick's gold
//   report <bench-lines> <out-dir> [mode]              results.json and results.md with the targets
return (args.Length > 0 ? args[0] : null) switch
{
    "generate" when args.Length >= 4 => await DataSetCommand.RunAsync(args[1..]),
    "limit" when args.Length >= 2 => LimitPass.Run(args[1..]),
    "duckdb" when args.Length >= 2 => DuckDbPeer.Run(args[1..]),
    "report" when args.Length >= 3 => BenchReport.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: Flick.Benchmarks generate <dir> <channels> <minutes> [seed] [end]
               Flick.Benchmarks limit <raw-dir> [passes]
               Flick.Benchmarks duckdb <raw-dir> [flick-data-dir] [threads] [size]
               Flick.Benchmarks report <bench-lines-file> <out-dir> [mode]
        """);
    return 2;
}
