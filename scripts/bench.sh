#!/usr/bin/env bash
# The benchmark harness: every performance figure of Flick next to its peer and its limit, measured
# in the same run on the same machine (ratios in one run are what count; absolute times are context).
#
#   ./scripts/bench.sh [quick|full]
#
# quick (CI, a few minutes): data set "quick" (1,000 channels x 10 minutes).
# full: data sets S (22,600 channels, ~10,000 live, x 60 minutes) and M (the same x 240), and the scaling S -> M.
# For each data set (generated once per seed and size, cached under .data/bench/):
#   - the limit: a Utf8JsonReader pass over every page, touching every token;
#   - Flick: Flick.Local --import <data set> --once, raw pages -> bronze -> silver -> state machine -> gold
#     (peak RSS and the process's CPU time by GNU time); full runs it 3 times per data set and reports the
#     median wall time, CPU time and peak RSS, as single runs on this shared machine differ by up to a fifth;
#   - the peer: DuckDB (2 threads, in memory) computing the same aggregates from the same pages,
#     ingest included, run right after each run of Flick (median wall and CPU time reported, with the
#     ratio of each pair), and a check that the last run's gold Parquet holds the same answers.
# The runs of Flick and DuckDB go in rounds, S then M in each, so that the scaling S -> M is the median
# of each round's M over S (pipeline/scaling/M), with DuckDB's own S -> M beside it.
# Then, where present: scripts/bench-api.sh, scripts/bench-lambda.sh and bench/Flick.Kernels.
# Every measurement is a "BENCH {json}" line; all of them go to bench-results/results.json, and the
# table with the targets (PASS/FAIL) to bench-results/results.md.
# Environment: FLICK_BENCH_SEED (default 20261123), FLICK_BENCH_PIPELINE_RUNS (runs of Flick per data
# set: 3 in full, 1 in quick), FLICK_BENCH_API_ARGS, FLICK_BENCH_LAMBDA_ARGS,
# FLICK_BENCH_KERNELS_ARGS override the arguments given to the other tools.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-quick}
seed=${FLICK_BENCH_SEED:-20261123}
case $mode in
  quick) sizes=(quick) pipeline_runs=${FLICK_BENCH_PIPELINE_RUNS:-1} ;;
  full) sizes=(S M) pipeline_runs=${FLICK_BENCH_PIPELINE_RUNS:-3} ;;
  *) echo "usage: $0 [quick|full]" >&2; exit 2 ;;
esac
# The simulated world keeps about 44% of its channels live at a time: 22,600 channels give the
# ~10,000 live channels a minute (~600k observations an hour) that S and M are defined by.
declare -A channels=([quick]=1000 [S]=22600 [M]=22600)
declare -A minutes=([quick]=10 [S]=60 [M]=240)

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
if [[ ! -x /usr/bin/time ]] || ! command -v jq >/dev/null; then as_root apt-get update -qq; as_root apt-get install -y -qq time jq; fi

out=bench-results
mkdir -p "$out" .data/bench
log=$out/run.log
trash=.data/bench/trash
mkdir -p "$trash"
: >"$log"
started=$(date +%s)
# Everything printed goes to the log too; BENCH lines are collected from it at the end.
say() { echo "$@" | tee -a "$log"; }
run() { "$@" 2>&1 | tee -a "$log"; return "${PIPESTATUS[0]}"; }

say "== build (Release)"
run dotnet build src/Flick.Local -c Release -v quiet --nologo -clp:ErrorsOnly
run dotnet build bench/Flick.Benchmarks -c Release -v quiet --nologo -clp:ErrorsOnly
flick=src/Flick.Local/bin/Release/net10.0/Flick.Local.dll
tools=bench/Flick.Benchmarks/bin/Release/net10.0/Flick.Benchmarks.dll
failed=0

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# The i-th of a space-separated list (1-based).
nth() { local -a values; read -ra values <<<"$1"; echo "${values[$2 - 1]}"; }
# The i-th value of one list over the i-th of another: ratio <list> <list> <i>.
ratio() { awk -v a="$(nth "$1" "$3")" -v b="$(nth "$2" "$3")" 'BEGIN { printf "%.3f", a / b }'; }

declare -A set_dir_of bytes_of
for size in "${sizes[@]}"; do
  set_dir=.data/bench/$size-${channels[$size]}x${minutes[$size]}-seed$seed
  set_dir_of[$size]=$set_dir
  say "== data set $size: ${channels[$size]} channels x ${minutes[$size]} minutes, seed $seed ($set_dir)"
  run dotnet "$tools" generate "$set_dir" "${channels[$size]}" "${minutes[$size]}" "$seed"
  bytes_of[$size]=$(jq .bytes "$set_dir/dataset.json")

  say "== limit on $size"
  run dotnet "$tools" limit "$set_dir/raw" 3 "$size"
done

# The runs go in rounds, each round every data set once (S, then M): the machine's drift over the
# runs then weighs on S and M alike, and each round's M/S is a pair for the scaling figure, as each
# run of DuckDB right after one of Flick is a pair for the comparison. Per data set and figure, a
# space-separated list with one value per round.
declare -A walls rsss process_walls cpus duck_walls duck_cpus duck_rsss pair_ratios observations_of duck_line_of stopped
for ((i = 1; i <= pipeline_runs; i++)); do
  for size in "${sizes[@]}"; do
    [[ -z ${stopped[$size]:-} ]] || continue
    set_dir=${set_dir_of[$size]}
    say "== Flick on $size, run $i of $pipeline_runs: Flick.Local --import --once, followed by a run of DuckDB"
    data=.data/bench/run-$size
    # The last run's folder is renamed aside, not deleted, and removed once all timing is done. On ext4
    # without a journal (this machine's root file system) a new file is not given an inode freed in the
    # last minute, or in the last six while that inode's table block is not yet written back: created
    # right after thousands of deletions, every new file first scans past them, which cost a run on S up
    # to 15% of its CPU in the kernel's inode allocator.
    if [[ -e $data ]]; then mv "$data" "$trash/run-$size-$(date +%s%N)"; fi
    /usr/bin/time -f "%M %e %U %S" -o "$out/time-$size.txt" \
      dotnet "$flick" --import "$set_dir/raw" --once --no-api --data-dir "$data" >"$out/flick-$size.txt" 2>&1 || failed=1
    tail -9 "$out/flick-$size.txt" | tee -a "$log"
    read -r rss_kb process_wall user_s sys_s < <(tail -1 "$out/time-$size.txt")
    observations=$(awk '$1 == "observations" {gsub(",", "", $2); print $2}' "$out/flick-$size.txt")
    per_second=$(awk '$1 == "observations/s" {gsub(",", "", $2); print $2}' "$out/flick-$size.txt")
    if [[ -z $observations || -z $per_second || $per_second == 0 ]]; then
      say "Flick on $size did not finish: see $out/flick-$size.txt"
      failed=1
      stopped[$size]=1
      continue
    fi
    observations_of[$size]=$observations
    wall=$(awk -v o="$observations" -v r="$per_second" 'BEGIN { printf "%.3f", o / r }')
    cpu=$(awk -v u="$user_s" -v s="$sys_s" 'BEGIN { printf "%.2f", u + s }')
    walls[$size]+="$wall " rsss[$size]+="$rss_kb " process_walls[$size]+="$process_wall " cpus[$size]+="$cpu "
    say "run $i on $size: $wall s, $cpu s of CPU (the whole process), peak RSS $((rss_kb / 1024)) MB"

    # DuckDB right after each run of Flick. The last one also checks Flick's gold of the last run against its answers.
    check=""
    if ((i == pipeline_runs)); then check=$data; say "== DuckDB on $size (run $i), and agreement with Flick's gold"; else say "== DuckDB on $size (run $i)"; fi
    duck_out=$(dotnet "$tools" duckdb "$set_dir/raw" "$check" 2 "$size" duckdb-run 2>&1) || failed=1
    echo "$duck_out" | tee -a "$log"
    duck_line=$(grep '^BENCH {"name":"pipeline/duckdb-run/' <<<"$duck_out" | sed 's/^BENCH //')
    if [[ -z $duck_line ]]; then
      say "DuckDB on $size did not finish"
      failed=1
      stopped[$size]=1
      continue
    fi
    duck_line_of[$size]=$duck_line
    read -r duck_wall duck_cpu duck_rss < <(jq -r '"\(.wall_s) \(.cpu_s) \(.peak_rss_mb)"' <<<"$duck_line")
    pair_ratio=$(awk -v f="$wall" -v d="$duck_wall" 'BEGIN { printf "%.2f", f / d }')
    duck_walls[$size]+="$duck_wall " duck_cpus[$size]+="$duck_cpu " duck_rsss[$size]+="$duck_rss " pair_ratios[$size]+="$pair_ratio "
    say "DuckDB run $i on $size: $duck_wall s, $duck_cpu s of CPU, peak RSS $duck_rss MB; Flick / DuckDB in this pair: $pair_ratio"
  done
done

complete() { [[ -z ${stopped[$1]:-} ]] && (($(wc -w <<<"${duck_walls[$1]:-}") == pipeline_runs)); }
for size in "${sizes[@]}"; do
  if ! complete "$size"; then
    # Flick did not finish: DuckDB's figures and its check of whatever gold there is, for the record.
    say "== DuckDB on $size, and agreement with Flick's gold"
    run dotnet "$tools" duckdb "${set_dir_of[$size]}/raw" ".data/bench/run-$size" 2 "$size" || failed=1
    continue
  fi
  # shellcheck disable=SC2086 # the lists are meant to split into their values
  {
    wall=$(median ${walls[$size]}) rss_kb=$(median ${rsss[$size]}) process_wall=$(median ${process_walls[$size]}) cpu=$(median ${cpus[$size]})
    duck_wall=$(median ${duck_walls[$size]}) duck_rss=$(median ${duck_rsss[$size]}) duck_cpu=$(median ${duck_cpus[$size]}) pair_ratio=$(median ${pair_ratios[$size]})
  }
  say "$(awk -v n="$size" -v o="${observations_of[$size]}" -v w="$wall" -v b="${bytes_of[$size]}" -v k="$rss_kb" -v p="$process_wall" -v c="$cpu" -v runs="$pipeline_runs" 'BEGIN {
    printf "BENCH {\"name\":\"pipeline/flick/%s\",\"observations\":%d,\"wall_s\":%.3f,\"obs_per_s\":%d,\"mb_per_s\":%.3f,\"cpu_s\":%.2f,\"peak_rss_mb\":%.1f,\"process_wall_s\":%.2f,\"runs\":%d}", n, o, w, o / w, b / 1e6 / w, c, k / 1024, p, runs }')"
  duck_observations=$(jq .observations <<<"${duck_line_of[$size]}")
  say "$(awk -v n="$size" -v o="$duck_observations" -v w="$duck_wall" -v b="${bytes_of[$size]}" -v m="$duck_rss" -v c="$duck_cpu" -v runs="$pipeline_runs" -v pr="$pair_ratio" 'BEGIN {
    printf "BENCH {\"name\":\"pipeline/duckdb/%s\",\"observations\":%d,\"wall_s\":%.3f,\"obs_per_s\":%d,\"mb_per_s\":%.3f,\"cpu_s\":%.2f,\"peak_rss_mb\":%.1f,\"threads\":2,\"runs\":%d,\"median_pair_ratio\":%.2f}", n, o, w, o / w, b / 1e6 / w, c, m, runs, pr }')"
  say "Flick / DuckDB per pair on $size: ${pair_ratios[$size]}"
done

# Scaling S -> M: the median over the rounds of M's figure over S's in the same round (DuckDB's own
# S -> M beside it, for the machine's share of the figure).
if [[ " ${sizes[*]} " == *" S "* && " ${sizes[*]} " == *" M "* ]] && complete S && complete M; then
  time_ratios="" rss_ratios="" cpu_ratios="" duck_ratios=""
  for ((i = 1; i <= pipeline_runs; i++)); do
    time_ratios+="$(ratio "${walls[M]}" "${walls[S]}" "$i") "
    rss_ratios+="$(ratio "${rsss[M]}" "${rsss[S]}" "$i") "
    cpu_ratios+="$(ratio "${cpus[M]}" "${cpus[S]}" "$i") "
    duck_ratios+="$(ratio "${duck_walls[M]}" "${duck_walls[S]}" "$i") "
  done
  # shellcheck disable=SC2086
  say "$(awk -v t="$(median $time_ratios)" -v r="$(median $rss_ratios)" -v c="$(median $cpu_ratios)" -v d="$(median $duck_ratios)" -v runs="$pipeline_runs" 'BEGIN {
    printf "BENCH {\"name\":\"pipeline/scaling/M\",\"time_ratio\":%.3f,\"peak_rss_ratio\":%.3f,\"cpu_ratio\":%.3f,\"duckdb_time_ratio\":%.3f,\"rounds\":%d}", t, r, c, d, runs }')"
  say "S -> M per round: time $time_ratios; peak RSS $rss_ratios; DuckDB's time $duck_ratios"
fi

other() {
  local what=$1; shift
  if [[ ! -e $what ]]; then
    say "== $what: not present, skipped"
    return
  fi
  say "== $what"
  run "$@" || { say "$what failed (exit $?)"; failed=1; }
}
if [[ $mode == quick ]]; then
  api_args=${FLICK_BENCH_API_ARGS:-3}
  export FLICK_BENCH_API_REPEATS=${FLICK_BENCH_API_REPEATS:-1}
  kernels_args=${FLICK_BENCH_KERNELS_ARGS:---filter * --job Dry}
else
  api_args=${FLICK_BENCH_API_ARGS:-10}
  kernels_args=${FLICK_BENCH_KERNELS_ARGS:---filter * --job Short}
fi
read -ra api_argv <<<"$api_args"
read -ra lambda_argv <<<"${FLICK_BENCH_LAMBDA_ARGS:-}"
read -ra kernels_argv <<<"$kernels_args"
set -f   # the kernels' filter is a pattern for BenchmarkDotNet, not for the shell
other scripts/bench-api.sh ./scripts/bench-api.sh "${api_argv[@]}"
other scripts/bench-lambda.sh ./scripts/bench-lambda.sh "${lambda_argv[@]}"
other bench/Flick.Kernels dotnet run -c Release --project bench/Flick.Kernels -- "${kernels_argv[@]}"
set +f

say "== report ($(( $(date +%s) - started )) s)"
grep '^BENCH ' "$log" >"$out/bench-lines.txt" || true
dotnet "$tools" report "$out/bench-lines.txt" "$out" "$mode" || failed=1
echo "wrote $out/results.json and $out/results.md"
rm -rf "$trash"
exit $failed
