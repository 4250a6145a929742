#!/usr/bin/env bash
# Measures the app's Excel writer (XlsxWriter on the Open XML SDK 3.x) against ClosedXML 0.95.4 on the same
# plan-export-shaped tables at the demo and the large council's size: time, allocations and file size
# (docs/decisions/0010). ClosedXML needs the Open XML SDK 2.x, so each writer runs in its own process.
#   bash scripts/export-writers.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
tables="$(mktemp -d)"
trap 'rm -rf "$tables"' EXIT
dotnet run -c Release --project bench/PerformanceWheel.ExportWriters -- "$tables" "$runs"
dotnet run -c Release --project bench/PerformanceWheel.ClosedXmlExport -- "$tables" "$runs"
