#!/usr/bin/env bash
# Times the workbook import (docs/import-format.md) of the large council on SQLite: writes its measures, targets and
# every outturn (about 70,000) to a workbook, then validate, import (all new), re-import (all unchanged) and an import
# with every value changed. Prints elapsed time, bytes allocated and the peak working set of each step.
# Options: --postgres [CONNSTRING] also times PostgreSQL (default PERFORMANCEWHEEL_TEST_POSTGRES); --heap prints the live heap per phase.
# The large council's SQLite file is cached under PW_BENCH_DATA (default $TMPDIR/performancewheel-bench); the first run loads it.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "==> Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), .NET SDK $(dotnet --version)"
dotnet run -c Release --project bench/PerformanceWheel.Benchmarks -- import "$@"
