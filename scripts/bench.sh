#!/usr/bin/env bash
# Benchmarks (issue #7; results and how to read them: docs/performance.md).
#
#   bash scripts/bench.sh [suite|growth|all] [options]        (default: all)
#
# suite   BenchmarkDotNet in Release over bench/PerformanceWheel.Benchmarks: RAG and directions for 1,000,000
#         outturns, MeasureEvaluator over a series, a quarter's rollup of the large council in memory, and
#         PerformanceReader against a SQLite file holding the large council. Default job: BenchmarkDotNet's
#         ShortRun (`--job short`: 1 launch, 3 warm-up and 3 measured iterations), about 6 minutes on 2 cores.
#         Markdown tables: artifacts/bench/suite/results/*-report-github.md
# growth  How cost grows: loads the large council at each scale (default 1,10,100; a scale whose load and timings
#         are estimated from the previous scale's to exceed --budget-seconds is skipped, with the reason) into SQLite
#         and PostgreSQL, times PerformanceReader.ScorecardAsync for one directorate and EvaluateAsync for the quarter (median of
#         --runs), and captures EXPLAIN (ANALYZE, BUFFERS) / EXPLAIN QUERY PLAN of the outturns-by-period query.
#         Results: artifacts/bench/growth.md and artifacts/bench/explain.md
#
# Options:
#   --job NAME          BenchmarkDotNet job for the suite (short, medium, long, dry; default short)
#   --filter GLOB       BenchmarkDotNet filter for the suite (default '*')
#   --scales LIST       growth scales (default 1,10,100)
#   --runs N            growth: timed calls per measurement after two warm-ups (default 11)
#   --budget-seconds N  growth: skip a scale whose estimated load + timings exceed this (default 600)
#   --no-install        never call apt (PostgreSQL must then be present, or PERFORMANCEWHEEL_TEST_POSTGRES set)
# Environment:
#   PERFORMANCEWHEEL_TEST_POSTGRES  an admin connection string: that server is used and no cluster is started
#   PW_BENCH_DATA                   folder for the cached SQLite files (default: $TMPDIR/performancewheel-bench)
set -euo pipefail

MODE=all
JOB=short
FILTER='*'
SCALES=1,10,100
RUNS=11
BUDGET=600
INSTALL=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        suite|growth|all) MODE="$1"; shift ;;
        --job) JOB="$2"; shift 2 ;;
        --filter) FILTER="$2"; shift 2 ;;
        --scales) SCALES="$2"; shift 2 ;;
        --runs) RUNS="$2"; shift 2 ;;
        --budget-seconds) BUDGET="$2"; shift 2 ;;
        --no-install) INSTALL=0; shift ;;
        -h|--help) sed -n '2,30p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
    esac
done

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
OUT="$REPO_ROOT/artifacts/bench"
PROJECT=bench/PerformanceWheel.Benchmarks
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '==> %s\n' "$*"; }
die() { printf 'bench.sh: error: %s\n' "$*" >&2; exit 1; }
command -v dotnet >/dev/null || die "the .NET 10 SDK (dotnet) is not on PATH"
mkdir -p "$OUT"

log "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(. /etc/os-release && echo "$PRETTY_NAME"), .NET SDK $(dotnet --version)"
log "Building $PROJECT (Release)"
dotnet build "$PROJECT" -c Release -nologo -v quiet

# --- Suite ----------------------------------------------------------------------------------------
run_suite() {
    log "BenchmarkDotNet suite: --filter '$FILTER' --job $JOB (artifacts in $OUT/suite)"
    local started=$SECONDS
    dotnet run -c Release --no-build --project "$PROJECT" -- \
        --filter "$FILTER" --job "$JOB" --artifacts "$OUT/suite"
    log "Suite finished in $((SECONDS - started)) s; tables: $OUT/suite/results/*-report-github.md"
}

# --- A throwaway PostgreSQL cluster (as scripts/test.sh starts it) -------------------------------
# shellcheck source=scripts/lib/postgres.sh
source "$REPO_ROOT/scripts/lib/postgres.sh"
trap pg_stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

run_growth() {
    if [[ -n "${PERFORMANCEWHEEL_TEST_POSTGRES:-}" ]]; then
        log "PostgreSQL: PERFORMANCEWHEEL_TEST_POSTGRES is set; using that server (databases pw_bench_x* are created and dropped)"
    else
        pg_start "$INSTALL"
        if [[ -z "${PERFORMANCEWHEEL_TEST_POSTGRES:-}" ]]; then log "PostgreSQL: none; the growth run covers SQLite only"; fi
    fi
    log "Growth: scales $SCALES, $RUNS timed calls each, budget $BUDGET s per load"
    local started=$SECONDS
    dotnet run -c Release --no-build --project "$PROJECT" -- growth \
        --scales "$SCALES" --runs "$RUNS" --budget-seconds "$BUDGET" \
        --out "$OUT/growth.md" --explain-out "$OUT/explain.md"
    log "Growth finished in $((SECONDS - started)) s; results: $OUT/growth.md, plans: $OUT/explain.md"
}

case "$MODE" in
    suite) run_suite ;;
    growth) run_growth ;;
    all) run_suite; run_growth ;;
esac
