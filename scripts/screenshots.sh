#!/usr/bin/env bash
# Screenshots of the main pages at 1366x768 (NAME.png) and on a phone, 390 px wide (NAME-390.png), with headless
# Chromium, for docs/screenshots/ and the README.
#   bash scripts/screenshots.sh [BASE_URL]
# Without BASE_URL it starts the app on a fresh SQLite database with the demo council and stops it afterwards.
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$REPO_ROOT/docs/screenshots"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
BASE="${1:-}"
mkdir -p "$OUT"

if [[ -z "$BASE" ]]; then
    work="$(mktemp -d)"
    trap 'kill "$app" 2>/dev/null || true; rm -rf "$work"' EXIT
    BASE="http://127.0.0.1:5099"
    ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__PerformanceWheel="Data Source=$work/demo.db" \
        dotnet run --project "$REPO_ROOT/src/PerformanceWheel.Web" --urls "$BASE" >"$work/app.log" 2>&1 &
    app=$!
    for _ in $(seq 1 120); do curl -sf "$BASE/health" >/dev/null && break; sleep 1; done
fi

capture() {
    "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking \
        --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
        --user-data-dir="$(mktemp -d)" --window-size="$3" --screenshot="$OUT/$1.png" "$BASE$2" >/dev/null 2>&1
    echo "docs/screenshots/$1.png  <-  $2"
}

shot() {
    capture "$1" "$2" 1366,768
    capture "$1-390" "$2" 390,1600
}

shot wheel "/?period=2017/18%20Q2"
shot wheel-2019-20-q2 "/?period=2019/20%20Q2"
shot comparison "/comparison?period=2017/18%20Q2"
shot directorates "/directorates?period=2019/20%20Q2"
shot scorecard "/directorates/Adults%20Services?period=2019/20%20Q2&sort=rating"
shot segment "/segments/C4?period=2017/18%20Q2"
shot measure "/measures/PH-HV-01?period=2019/20%20Q1"
shot finance "/finance"
shot exceptions "/exceptions?period=2017/18%20Q4"
