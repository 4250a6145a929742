#!/usr/bin/env bash
# Screenshots for docs/user-guide.md, taken by the browser journey (tests/PerformanceWheel.EndToEnd.Tests) as it runs
# a quarter end to end on a fresh demo database, so the guide always shows the real pages.
#   bash scripts/user-guide-screenshots.sh
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PERFORMANCEWHEEL_GUIDE_SHOTS="$REPO_ROOT/docs/user-guide"
export PERFORMANCEWHEEL_TEST_CHROMIUM="${PERFORMANCEWHEEL_TEST_CHROMIUM:-/usr/bin/chromium}"
mkdir -p "$PERFORMANCEWHEEL_GUIDE_SHOTS"
dotnet test "$REPO_ROOT/tests/PerformanceWheel.EndToEnd.Tests" -c Release --filter "FullyQualifiedName~QuarterJourneyOnSqlite|FullyQualifiedName~BadInputOnSqlite"
ls -1 "$PERFORMANCEWHEEL_GUIDE_SHOTS"/*.png
