#!/usr/bin/env bash
# Times the Cabinet pack (PDF) for the demo council: one warm-up, then the median of 10 builds (docs/performance.md).
# Needs Chromium (/usr/bin/chromium or PERFORMANCEWHEEL_TEST_CHROMIUM). Optional: RUNS, PERIOD, OUT (write the PDF there).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project bench/PerformanceWheel.PackTiming -- "${RUNS:-10}" "${PERIOD:-2019/20 Q2}" ${OUT:+"$OUT"}
