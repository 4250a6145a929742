#!/usr/bin/env bash
# Adds an EF Core migration named <Name> to every provider's generated set (docs/decisions/0016):
#
#   bash scripts/add-migration.sh <Name> [--empty]
#
# Change the model first (an entity, its IEntityTypeConfiguration, a DbSet); then this builds
# tools/PerformanceWheel.MigrationScaffolder and runs it, which writes, with one shared timestamp,
#   src/PerformanceWheel.Data/Migrations/{Sqlite,PostgreSql,SqlServer}/<timestamp>_<Name>.cs and .Designer.cs
# and updates each set's PerformanceWheelDbContextModelSnapshot.cs. It refuses a name already used, a name that is
# not PascalCase, and (unless --empty) a model with nothing new. Review the three migrations like code, then run the
# schema tests: dotnet test tests/PerformanceWheel.Data.Tests --filter "FullyQualifiedName~Schema".
# The dotnet-ef CLI does the same job elsewhere but does not start on these machines (ENVIRONMENT.md).
set -euo pipefail

if [[ $# -lt 1 || "$1" == -* ]]; then
    sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
fi

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOL="$REPO_ROOT/tools/PerformanceWheel.MigrationScaffolder"
export DOTNET_CLI_TELEMETRY_OPTOUT="${DOTNET_CLI_TELEMETRY_OPTOUT:-1}" DOTNET_NOLOGO="${DOTNET_NOLOGO:-1}"

# Built in Debug into its own output folder, so that a Release build or test run elsewhere is not disturbed.
dotnet build "$TOOL" -c Debug -nologo -v quiet -clp:ErrorsOnly
cd "$REPO_ROOT"
dotnet "$TOOL/bin/Debug/net10.0/PerformanceWheel.MigrationScaffolder.dll" add "$@" --data-project "$REPO_ROOT/src/PerformanceWheel.Data"
