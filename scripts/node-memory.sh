#!/usr/bin/env bash
# What one app node costs in memory and CPU with its PDF page pool warm (docs/scaling.md).
#
#   bash scripts/node-memory.sh [--packs N]        (default: 3 rounds of packs)
#
# Starts the web app built in Release (Production settings, Serilog at Warning) on a fresh SQLite file with the demo
# council (which allows reading without signing in), requests the wheel, then N rounds of the Cabinet pack and a
# Scrutiny pack at the same time (two concurrent renders fill the default page pool of 2), and reports the resident
# memory of the app and of its process tree (Playwright's Node driver and Chromium's processes): RSS, and PSS, which
# shares each shared page among the processes mapping it, so the sum is not inflated. Also the CPU seconds each part
# used during the packs. Results: artifacts/bench/node-memory.md.
set -euo pipefail
ROUNDS=3
while [[ $# -gt 0 ]]; do
    case "$1" in
        --packs) ROUNDS="$2"; shift 2 ;;
        -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "node-memory.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
OUT="$REPO_ROOT/artifacts/bench"
WEB_DLL="$REPO_ROOT/src/PerformanceWheel.Web/bin/Release/net10.0/PerformanceWheel.Web.dll"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log() { printf '==> %s\n' "$*"; }
die() { printf 'node-memory.sh: error: %s\n' "$*" >&2; exit 1; }

WORK="$(mktemp -d /tmp/pw-node-memory.XXXXXX)"
APP_PID=""
# shellcheck disable=SC2317  # (called by the EXIT trap)
cleanup() {
    if [[ -n "$APP_PID" ]]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ ! -f "$WEB_DLL" || "${BUILD:-1}" == 1 ]]; then
    log "Building the web app (Release)"
    dotnet build src/PerformanceWheel.Web -c Release -nologo -v quiet
fi
mkdir -p "$OUT" "$WORK/wwwroot"
cp -r src/PerformanceWheel.Web/wwwroot/. "$WORK/wwwroot/"
cp src/PerformanceWheel.Web/bin/Release/net10.0/appsettings.json "$WORK/"

port=5290
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
BASE="http://127.0.0.1:$port"
ASPNETCORE_ENVIRONMENT=Production \
Serilog__MinimumLevel__Default=Warning \
ConnectionStrings__PerformanceWheel="Data Source=$WORK/demo.db" \
DemoData__LoadOnEmptyDatabase=true \
DataProtection__KeysPath="$WORK/keys" \
LogFile__Path="$WORK/logs/app-.log" \
    dotnet "$WEB_DLL" --urls "$BASE" --contentRoot "$WORK" --webroot "$WORK/wwwroot" >"$WORK/app.out" 2>&1 &
APP_PID=$!
for _ in $(seq 1 180); do
    if curl -sf -o /dev/null "$BASE/health"; then break; fi
    kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.out" >&2; die "the app stopped"; }
    sleep 1
done

# Every process below the app (the Node driver, Chromium's browser, zygote, GPU, renderer and utility processes).
descendants() {
    local parent child
    for parent in "$@"; do
        for child in $(ps -o pid= --ppid "$parent"); do echo "$child"; descendants "$child"; done
    done
}
kib() { awk -v f="$2" '$1 == f":" {print $2}' "/proc/$1/${3:-status}" 2>/dev/null || echo 0; }
pss() { awk '/^Pss:/ {print $2}' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
sum_tree() { # field: rss | pss | ticks
    local total=0 pid value
    for pid in $(descendants "$APP_PID"); do
        case "$1" in
            rss) value="$(kib "$pid" VmRSS)" ;;
            pss) value="$(pss "$pid")" ;;
            ticks) value="$(cpu_ticks "$pid")" ;;
        esac
        total=$((total + ${value:-0}))
    done
    echo "$total"
}
mib() { awk -v k="$1" 'BEGIN {printf "%.0f", k / 1024}'; }
HZ="$(getconf CLK_TCK)"

curl -sf -o /dev/null "$BASE/?period=2019/20%20Q2"
APP_RSS_BEFORE="$(kib "$APP_PID" VmRSS)"
APP_TICKS_BEFORE="$(cpu_ticks "$APP_PID")"
log "App up on $BASE (RSS $(mib "$APP_RSS_BEFORE") MiB before any PDF); $ROUNDS rounds of Cabinet + Scrutiny packs"
started=$SECONDS
committee="$(curl -sf "$BASE/?period=2019/20%20Q2" | grep -o 'scrutiny.pdf?committee=[^&"]*' | sed -n '1{s/.*committee=//; p}')"
[[ -n "$committee" ]] || die "no Scrutiny pack link on the wheel"
committee_name="$(printf '%b' "${committee//%/\\x}")"
for round in $(seq 1 "$ROUNDS"); do
    curl -sf -o "$WORK/cabinet.pdf" "$BASE/reports/cabinet.pdf?period=2019/20%20Q2" &
    cabinet=$!
    curl -sf -o "$WORK/scrutiny.pdf" "$BASE/reports/scrutiny.pdf?committee=$committee&period=2019/20%20Q2"
    wait "$cabinet" || die "the Cabinet pack failed"
    log "round $round: Cabinet $(stat -c %s "$WORK/cabinet.pdf") bytes, Scrutiny ($committee_name) $(stat -c %s "$WORK/scrutiny.pdf") bytes"
done
elapsed=$((SECONDS - started))
sleep 2
APP_RSS="$(kib "$APP_PID" VmRSS)"
APP_HWM="$(kib "$APP_PID" VmHWM)"
APP_PSS="$(pss "$APP_PID")"
APP_CPU=$(( $(cpu_ticks "$APP_PID") - APP_TICKS_BEFORE ))
TREE_PIDS="$(descendants "$APP_PID" | wc -l)"
CHROMIUM_PIDS="$(for p in $(descendants "$APP_PID"); do tr '\0' ' ' < "/proc/$p/cmdline" 2>/dev/null; echo; done | grep -c chromium || true)"
TREE_RSS="$(sum_tree rss)"
TREE_PSS="$(sum_tree pss)"
TREE_CPU="$(sum_tree ticks)"

{
    echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), $("${PERFORMANCEWHEEL_TEST_CHROMIUM:-/usr/bin/chromium}" --version 2>/dev/null); load average $(cut -d' ' -f1-3 /proc/loadavg)."
    echo "Demo council, $ROUNDS rounds of the Cabinet pack and the $committee_name Scrutiny pack requested at the same time ($elapsed s); Reporting:PagePoolSize and MaxConcurrentRenders at their defaults (2)."
    echo
    echo "| process | count | RSS (MiB) | PSS (MiB) | CPU during the packs (s) |"
    echo "|---|---:|---:|---:|---:|"
    echo "| app (.NET) | 1 | $(mib "$APP_RSS") (peak $(mib "$APP_HWM"); $(mib "$APP_RSS_BEFORE") before any PDF) | $(mib "$APP_PSS") | $(awk -v t="$APP_CPU" -v h="$HZ" 'BEGIN {printf "%.1f", t / h}') |"
    echo "| Playwright driver + Chromium | $TREE_PIDS ($CHROMIUM_PIDS Chromium) | $(mib "$TREE_RSS") | $(mib "$TREE_PSS") | $(awk -v t="$TREE_CPU" -v h="$HZ" 'BEGIN {printf "%.1f", t / h}') |"
    echo "| node total | | $(mib $((APP_RSS + TREE_RSS))) | $(mib $((APP_PSS + TREE_PSS))) | |"
} > "$OUT/node-memory.md"
echo
cat "$OUT/node-memory.md"
