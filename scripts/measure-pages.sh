#!/usr/bin/env bash
# Server time per page for the demo council: median (and max) of N requests over loopback with curl, after one warm-up.
#   bash scripts/measure-pages.sh [N]      (default 20)
# Starts the app (Release) on a fresh SQLite database with the demo council, and stops it afterwards.
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${1:-20}"
work="$(mktemp -d)"
trap 'kill "$app" 2>/dev/null || true; rm -rf "$work"' EXIT
BASE="http://127.0.0.1:5098"
ASPNETCORE_ENVIRONMENT=Development Serilog__MinimumLevel__Default=Warning ConnectionStrings__PerformanceWheel="Data Source=$work/demo.db" \
    dotnet run -c Release --project "$REPO_ROOT/src/PerformanceWheel.Web" --urls "$BASE" >"$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 180); do curl -sf "$BASE/health" >/dev/null && break; sleep 1; done

pages=(
    "/?period=2019/20%20Q2"
    "/comparison?period=2019/20%20Q2"
    "/directorates?period=2019/20%20Q2"
    "/directorates/Adults%20Services?period=2019/20%20Q2"
    "/segments/P3?period=2017/18%20Q2"
    "/measures/PH-HV-01?period=2019/20%20Q1"
    "/projects/$(curl -s "$BASE/segments/O1.1?period=2019/20%20Q2" | grep -o '/projects/[^"]*' | head -1 | cut -d/ -f3)"
    "/finance"
    "/exceptions?period=2017/18%20Q4"
)
printf '%-60s %8s %8s %s\n' "page" "median" "max" "(ms, $N requests)"
for p in "${pages[@]}"; do
    curl -s -o /dev/null "$BASE$p"
    times=$(for _ in $(seq 1 "$N"); do curl -s -o /dev/null -w '%{time_total}\n' "$BASE$p"; done | sort -n)
    median=$(echo "$times" | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m*1000}')
    max=$(echo "$times" | tail -1 | awk '{printf "%.1f", $1*1000}')
    printf '%-60s %8s %8s\n' "$p" "$median" "$max"
done
