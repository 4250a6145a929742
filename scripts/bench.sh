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
PG_TMP=""
PG_BIN=""
find_pg_bin() {
    local dir
    for dir in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r); do
        if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then echo "$dir"; return 0; fi
    done
    if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then dirname "$(command -v initdb)"; return 0; fi
    return 1
}
as_pg() {
    if [[ $(id -u) -eq 0 ]]; then
        (cd "$PG_TMP" && runuser -u postgres -- env LC_ALL=C.UTF-8 "$@")
    else
        (cd "$PG_TMP" && env LC_ALL=C.UTF-8 "$@")
    fi
}
# shellcheck disable=SC2317  # (called by the EXIT trap)
cleanup() {
    if [[ -n "$PG_TMP" && -f "$PG_TMP/data/postmaster.pid" ]]; then
        as_pg "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    if [[ -n "$PG_TMP" ]]; then rm -rf "$PG_TMP"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_postgres() {
    if ! PG_BIN="$(find_pg_bin)"; then
        if [[ $INSTALL -eq 1 && $(id -u) -eq 0 ]]; then
            log "PostgreSQL: installing with apt"
            DEBIAN_FRONTEND=noninteractive apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql
            PG_BIN="$(find_pg_bin)" || die "PostgreSQL did not install"
        else
            log "PostgreSQL: not installed and PERFORMANCEWHEEL_TEST_POSTGRES not set: the growth run covers SQLite only"
            return 0
        fi
    fi
    if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
        useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    fi
    PG_TMP="$(mktemp -d /tmp/pw-bench-pg.XXXXXX)"
    chmod 700 "$PG_TMP"
    [[ $(id -u) -eq 0 ]] && chown postgres: "$PG_TMP"
    local password port=54380
    password="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' | head -c 32)"
    (umask 077 && printf '%s\n' "$password" > "$PG_TMP/pwfile")
    [[ $(id -u) -eq 0 ]] && chown postgres: "$PG_TMP/pwfile"
    as_pg "$PG_BIN/initdb" -D "$PG_TMP/data" -U pwbench --pwfile="$PG_TMP/pwfile" -A scram-sha-256 \
        -E UTF8 --locale=C.UTF-8 >"$PG_TMP/initdb.log" 2>&1 || { cat "$PG_TMP/initdb.log" >&2; die "initdb failed"; }
    rm -f "$PG_TMP/pwfile"
    while port_in_use "$port"; do port=$((port + 1)); done
    # Server defaults (shared_buffers 128MB, fsync on) except the socket and address: figures are for an untuned server.
    as_pg "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/postgres.log" -w -t 60 \
        -o "-p $port -k $PG_TMP -c listen_addresses=127.0.0.1" start >/dev/null || { tail -n 20 "$PG_TMP/postgres.log" >&2; die "PostgreSQL did not start"; }
    export PERFORMANCEWHEEL_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=pwbench;Password=$password;Database=postgres"
    log "PostgreSQL: $("$PG_BIN/postgres" --version) on 127.0.0.1:$port; stopped and deleted when this script ends"
}

run_growth() {
    if [[ -n "${PERFORMANCEWHEEL_TEST_POSTGRES:-}" ]]; then
        log "PostgreSQL: PERFORMANCEWHEEL_TEST_POSTGRES is set; using that server (databases pw_bench_x* are created and dropped)"
    else
        start_postgres
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
