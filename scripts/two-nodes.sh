#!/usr/bin/env bash
# Two app nodes behind a local load balancer, with an interactive page's circuit (docs/scaling.md, issue 15).
#
#   bash scripts/two-nodes.sh [--no-install]
#
# Starts a throwaway PostgreSQL cluster, node A (which migrates the database and loads the demo council), then node B,
# both Production, on one database and one data protection key ring; then the local balancer
# (bench/PerformanceWheel.LocalProxy: YARP, round robin for new browsers, cookie affinity, WebSockets, /health probe).
# A headless Chromium (scripts/lib/two-nodes.js) then shows, through the balancer only:
#   1. two new browsers are served by different nodes, and each keeps its node;
#   2. the outturn grid's circuit runs over a WebSocket on its node; a typed figure is previewed and a saved one kept;
#   3. stopping the OTHER node changes nothing for the officer (the grid still previews as typed);
#   4. stopping the officer's node shows the reconnection notice; on reload the balancer sends the browser to the
#      node left, which knows its cookie (shared key ring) and shows the saved figure from the shared database.
# Results: artifacts/bench/two-nodes.md.
set -euo pipefail
INSTALL=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-install) INSTALL=0; shift ;;
        -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "two-nodes.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
OUT="$REPO_ROOT/artifacts/bench"
PROXY_DLL="$REPO_ROOT/bench/PerformanceWheel.LocalProxy/bin/Release/net10.0/PerformanceWheel.LocalProxy.dll"
NODE="$REPO_ROOT/src/PerformanceWheel.Web/bin/Release/net10.0/.playwright/node/linux-x64/node"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log() { printf '==> %s\n' "$*"; }
die() { printf 'two-nodes.sh: error: %s\n' "$*" >&2; exit 1; }
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { local p=$1; while ! port_free "$p"; do p=$((p + 1)); done; echo "$p"; }

WORK="$(mktemp -d /tmp/pw-two-nodes.XXXXXX)"
PIDS=()
# shellcheck disable=SC2317  # (called by the EXIT trap)
cleanup() {
    for pid in "${PIDS[@]}" $(cat "$WORK"/*.pid 2>/dev/null); do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    pg_stop
    rm -rf "$WORK"
}
# shellcheck source=scripts/lib/postgres.sh
source "$REPO_ROOT/scripts/lib/postgres.sh"
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

log "Publishing the web app (Release, as a council deploys it: the framework's and MudBlazor's script and styles are"
log "files of the published app, not served from the build folder outside Development) and building the local balancer"
dotnet publish src/PerformanceWheel.Web -c Release -nologo -v quiet -o "$WORK/app"
dotnet build src/PerformanceWheel.Web -c Release -nologo -v quiet
dotnet build bench/PerformanceWheel.LocalProxy -c Release -nologo -v quiet
[[ -x "$NODE" ]] || die "Playwright's node is missing at $NODE (build the web app in Release)"

if [[ -z "${PERFORMANCEWHEEL_TEST_POSTGRES:-}" ]]; then pg_start "$INSTALL"; fi
[[ -n "${PERFORMANCEWHEEL_TEST_POSTGRES:-}" ]] || die "no PostgreSQL server: two nodes need a shared database"
DATABASE="pw_two_nodes_$$"
if grep -qi 'Database=' <<<"$PERFORMANCEWHEEL_TEST_POSTGRES"; then
    CONNECTION="$(sed -E "s/(^|;)Database=[^;]*/\1Database=$DATABASE/I" <<<"$PERFORMANCEWHEEL_TEST_POSTGRES")"
else
    CONNECTION="${PERFORMANCEWHEEL_TEST_POSTGRES%;};Database=$DATABASE"
fi

ADMIN_EMAIL="admin@two-nodes.example"
ADMIN_PASSWORD="Two-Nodes-Admin-2026"
mkdir -p "$WORK/keys"

# start_node NAME PORT: one node, Production, the shared database and key ring; its pid in $WORK/NAME.pid.
cat >"$WORK/start-node.sh" <<SCRIPT
#!/usr/bin/env bash
set -euo pipefail
name=\$1; port=\$2
ASPNETCORE_ENVIRONMENT=Production \\
Serilog__MinimumLevel__Default=Warning \\
Database__Provider=PostgreSql \\
ConnectionStrings__PerformanceWheel="$CONNECTION" \\
DemoData__LoadOnEmptyDatabase=true \\
Reporting__MakePacksAhead=false \\
Bootstrap__AdminEmail="$ADMIN_EMAIL" \\
Bootstrap__AdminPassword="$ADMIN_PASSWORD" \\
DataProtection__KeysPath="$WORK/keys" \\
LogFile__Path="$WORK/logs/\$name-.log" \\
AllowedHosts="*" \\
    nohup dotnet "$WORK/app/PerformanceWheel.Web.dll" --urls "http://127.0.0.1:\$port" --contentRoot "$WORK/app" >"$WORK/\$name.out" 2>&1 &
echo \$! >"$WORK/\$name.pid"
for _ in \$(seq 1 180); do
    if curl -sf -o /dev/null "http://127.0.0.1:\$port/health"; then exit 0; fi
    sleep 1
done
echo "node \$name did not answer /health" >&2; exit 1
SCRIPT
chmod +x "$WORK/start-node.sh"

PORT_A=$(free_port 5301); PORT_B=$(free_port $((PORT_A + 1))); PORT_P=$(free_port $((PORT_B + 1)))
log "Node A on $PORT_A (migrates, loads the demo council)"
"$WORK/start-node.sh" a "$PORT_A"
log "Node B on $PORT_B"
"$WORK/start-node.sh" b "$PORT_B"
log "Local balancer on $PORT_P"
ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    dotnet "$PROXY_DLL" --urls "http://127.0.0.1:$PORT_P" --nodes "http://127.0.0.1:$PORT_A,http://127.0.0.1:$PORT_B" >"$WORK/proxy.out" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 60); do curl -sf -o /dev/null "http://127.0.0.1:$PORT_P/health" && break; sleep 1; done

mkdir -p "$OUT"
log "Browser (headless Chromium) through the balancer"
BASE="http://127.0.0.1:$PORT_P" WORK="$WORK" PORT_A="$PORT_A" PORT_B="$PORT_B" \
ADMIN_EMAIL="$ADMIN_EMAIL" ADMIN_PASSWORD="$ADMIN_PASSWORD" \
PLAYWRIGHT="$REPO_ROOT/src/PerformanceWheel.Web/bin/Release/net10.0/.playwright/package" \
CHROMIUM="${PERFORMANCEWHEEL_TEST_CHROMIUM:-/usr/bin/chromium}" \
    "$NODE" "$REPO_ROOT/scripts/lib/two-nodes.js" | tee "$OUT/two-nodes.md" || [[ -n "${KEEP:-}" ]]
if [[ -n "${KEEP:-}" ]]; then log "KEEP: the nodes stay up until this script is stopped"; echo "$WORK" >/tmp/two-nodes-work; sleep infinity; fi
