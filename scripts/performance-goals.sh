#!/usr/bin/env bash
# Every figure behind issue #14's goals, from one command; docs/performance.md ("Goals") quotes its output.
#
#   bash scripts/performance-goals.sh [--no-install] [--no-build] [--quick] [--realtime]
#
#  1. scripts/http-bench.sh --scale 1 --pack on SQLite and PostgreSQL: published pages (anonymous and Councillor)
#     against their static twins, staff pages, the app's memory, and the Cabinet pack through the app (first request
#     to file, then downloads of the stored pack).
#  2. scripts/http-bench.sh --scale 10 --no-wrk on SQLite and PostgreSQL: staff pages and memory at 10×.
#  3. scripts/time-cabinet-pack.sh --large: the Cabinet pack against Chromium printing the pack's own HTML alone.
# Results: artifacts/bench/goals.md (the three reports one after the other). About 40 minutes on 2 cores; --quick
# shortens every measurement (wrk 2 s, 7 staff requests) to check the scripts, not to quote.
# --realtime runs what is timed at real-time priority (see http-bench.sh --help) on a machine shared with other work.
set -euo pipefail
cd "$(dirname "$0")/.."
INSTALL=()
BUILD=()
REALTIME=()
QUICK=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-install) INSTALL=(--no-install); shift ;;
        --no-build) BUILD=(--no-build); shift ;;
        --quick) QUICK=1; shift ;;
        --realtime) REALTIME=(--realtime); shift ;;
        -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "performance-goals.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
    esac
done
# wrk 5 s per page and twin after a 2 s warm-up each: 8 pages × 2 readers × 2 databases in about 12 minutes; a kept
# page answers thousands of requests in that time, so the ratio settles well within it.
WRK_ARGS=(--duration 5s --warmup 2s --staff-runs 21)
PACK_RUNS=1
if [[ $QUICK -eq 1 ]]; then
    WRK_ARGS=(--duration 2s --warmup 1s --staff-runs 7)
fi

mkdir -p artifacts/bench
started="$(date -u '+%Y-%m-%d %H:%M UTC')"
bash scripts/http-bench.sh --scale 1 --pack "${WRK_ARGS[@]}" "${INSTALL[@]}" "${BUILD[@]}" "${REALTIME[@]}"
# The Release builds are there now.
bash scripts/http-bench.sh --scale 10 --no-wrk --no-build "${WRK_ARGS[@]}" "${INSTALL[@]}" "${REALTIME[@]}"
PACK_PRIORITY=0; [[ ${#REALTIME[@]} -eq 0 ]] || PACK_PRIORITY=1
REALTIME="$PACK_PRIORITY" bash scripts/time-cabinet-pack.sh --large --runs "$PACK_RUNS"

{
    echo "# Issue #14 goals: one run of scripts/performance-goals.sh$([[ $QUICK -eq 1 ]] && echo ' --quick (not to quote)')"
    echo
    echo "Started $started, finished $(date -u '+%Y-%m-%d %H:%M UTC')."
    echo
    echo "## Pages, staff pages, memory and the pack through the app (1×)"
    echo
    cat artifacts/bench/http-x1.md
    echo
    echo "## Staff pages and memory (10×)"
    echo
    cat artifacts/bench/http-x10.md
    echo
    echo "## The Cabinet pack against Chromium alone (1×)"
    echo
    echo '```'
    cat artifacts/bench/pdf-ratio.txt
    echo '```'
} > artifacts/bench/goals.md
echo "==> Results: artifacts/bench/goals.md"
