#!/usr/bin/env bash
# What an officer's open outturn grid (an interactive page's circuit) costs the node in memory (docs/performance.md,
# issue 15).
#
#   bash scripts/circuit-memory.sh [--circuits "10 20 40"] [--directorate "Adults Services"]
#
# Starts the web app published in Release (Production, Serilog at Warning) on a fresh SQLite file with the demo council and
# a bootstrap Admin, signs in once in headless Chromium, then opens the directorate's outturn grid in more and more tabs
# (each tab is a circuit holding the grid's rows, typed values and previews) and reads the app's resident memory
# (RSS and PSS from /proc) after each step has settled; then types a figure in every tab (the state an officer mid-edit
# holds), and closes the tabs. The cost per circuit is the slope between the smallest and largest step.
# Results: artifacts/bench/circuit-memory.md.
set -euo pipefail
STEPS="10 20 40"
DIRECTORATE="Adults Services"
while [[ $# -gt 0 ]]; do
    case "$1" in
        --circuits) STEPS="$2"; shift 2 ;;
        --directorate) DIRECTORATE="$2"; shift 2 ;;
        -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "circuit-memory.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
OUT="$REPO_ROOT/artifacts/bench"
NODE="$REPO_ROOT/src/PerformanceWheel.Web/bin/Release/net10.0/.playwright/node/linux-x64/node"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log() { printf '==> %s\n' "$*"; }

WORK="$(mktemp -d /tmp/pw-circuit-memory.XXXXXX)"
APP_PID=""
# shellcheck disable=SC2317  # (called by the EXIT trap)
cleanup() {
    if [[ -n "$APP_PID" ]]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

log "Publishing the web app (Release, as a council deploys it: blazor.web.js and MudBlazor's files are in the publish)"
dotnet publish src/PerformanceWheel.Web -c Release -nologo -v quiet -o "$WORK/app"
dotnet build src/PerformanceWheel.Web -c Release -nologo -v quiet
mkdir -p "$OUT"

port=5390
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
BASE="http://127.0.0.1:$port"
ADMIN_EMAIL="admin@circuits.example"
ADMIN_PASSWORD="Circuit-Memory-2026"
ASPNETCORE_ENVIRONMENT=Production \
Serilog__MinimumLevel__Default=Warning \
ConnectionStrings__PerformanceWheel="Data Source=$WORK/demo.db" \
DemoData__LoadOnEmptyDatabase=true \
Reporting__MakePacksAhead=false \
Bootstrap__AdminEmail="$ADMIN_EMAIL" \
Bootstrap__AdminPassword="$ADMIN_PASSWORD" \
DataProtection__KeysPath="$WORK/keys" \
LogFile__Path="$WORK/logs/app-.log" \
    dotnet "$WORK/app/PerformanceWheel.Web.dll" --urls "$BASE" --contentRoot "$WORK/app" >"$WORK/app.out" 2>&1 &
APP_PID=$!
for _ in $(seq 1 180); do
    if curl -sf -o /dev/null "$BASE/health"; then break; fi
    sleep 1
done
log "App on $BASE (pid $APP_PID); opening circuits: $STEPS"
BASE="$BASE" APP_PID="$APP_PID" STEPS="$STEPS" DIRECTORATE="$DIRECTORATE" \
ADMIN_EMAIL="$ADMIN_EMAIL" ADMIN_PASSWORD="$ADMIN_PASSWORD" \
PLAYWRIGHT="$REPO_ROOT/src/PerformanceWheel.Web/bin/Release/net10.0/.playwright/package" \
CHROMIUM="${PERFORMANCEWHEEL_TEST_CHROMIUM:-/usr/bin/chromium}" \
    "$NODE" "$REPO_ROOT/scripts/lib/circuit-memory.js" | tee "$OUT/circuit-memory.md"
