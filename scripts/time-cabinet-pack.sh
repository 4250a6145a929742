#!/usr/bin/env bash
# Times the Cabinet pack (PDF) (docs/performance.md). Needs Chromium (/usr/bin/chromium or PERFORMANCEWHEEL_TEST_CHROMIUM).
#
#   bash scripts/time-cabinet-pack.sh            the demo council: one warm-up, then the median of 10 builds
#                                                (optional environment: RUNS, PERIOD, OUT = write the PDF there)
#   bash scripts/time-cabinet-pack.sh --large [--scale N] [--runs N] [--period P] [--out FILE.pdf] [--html-out FILE.html]
#                                                the large council against Chromium alone: each run times the pack end to
#                                                end and the same printer printing the pack's own HTML saved to disk;
#                                                prints both medians, their ratio (goal <= 1.5) and where the time goes
#                                                (defaults: 5 runs, 2025/26 Q4). Output also in artifacts/bench/pdf-ratio.txt.
#   REALTIME=1 bash scripts/time-cabinet-pack.sh --large ...
#                                                the timed program (and its Chromium) under the real-time round-robin
#                                                scheduler (chrt -r 10, needs root), so other work cannot take its cores
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == --large ]]; then
    mkdir -p artifacts/bench
    {
        echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), $(. /etc/os-release && echo "$PRETTY_NAME"), .NET $(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/ {v=$2} END {print v}'), $("${PERFORMANCEWHEEL_TEST_CHROMIUM:-/usr/bin/chromium}" --version 2>/dev/null || echo 'Chromium: not found'); load average before $(cut -d' ' -f1-3 /proc/loadavg)"
        dotnet build -c Release bench/PerformanceWheel.PackTiming -nologo -v quiet >/dev/null
        PRIORITY=()
        if [[ "${REALTIME:-0}" == 1 ]]; then PRIORITY=(chrt -r 10); echo "Real-time round-robin priority (chrt -r 10)"; fi
        "${PRIORITY[@]}" dotnet run --no-build -c Release --project bench/PerformanceWheel.PackTiming -- "$@"
        echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    } 2>&1 | tee artifacts/bench/pdf-ratio.txt
    exit "${PIPESTATUS[0]}"
fi
dotnet run -c Release --project bench/PerformanceWheel.PackTiming -- "${RUNS:-10}" "${PERIOD:-2019/20 Q2}" ${OUT:+"$OUT"}
