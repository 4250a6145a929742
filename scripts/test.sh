#!/usr/bin/env bash
# The one test command (README "Testing"; CI runs it through .ci/run).
#
#   bash scripts/test.sh [--no-install] [--filter EXPR]
#
# 1. Installs what the tests need when it is missing (as root, with apt): PostgreSQL 15, Chromium,
#    Liberation and DejaVu fonts, poppler-utils, python3. A non-root developer who already has them
#    skips this step.
# 2. Starts a throwaway PostgreSQL cluster on 127.0.0.1 in a temp dir (stopped and deleted on exit).
# 3. Exports PERFORMANCEWHEEL_TEST_POSTGRES and PERFORMANCEWHEEL_TEST_CHROMIUM for the tests.
# 4. Builds the solution once (Release) and runs every test project, writing .trx files to
#    artifacts/test-results/.
# 5. Reads the .trx files, prints a summary and, as the last line, "Total: N passed, N failed, N skipped".
#    Fails when a test failed, when dotnet test failed, or when the PostgreSQL tests did not run.
#
# Options:
#   --no-install    never call apt (tools that are missing are reported)
#   --filter EXPR   passed to `dotnet test --filter`; the "PostgreSQL tests must run" check is then off
# Environment:
#   PERFORMANCEWHEEL_TEST_POSTGRES  if already set, that server is used and no cluster is started
#   PW_SOLUTION                     solution to build and test (default: PerformanceWheel.sln in the repo root)
#   PW_RESULTS_DIR                  where the .trx files go (default: artifacts/test-results in the repo root)
# Decision record: docs/decisions/0005-test-command-dependencies.md
set -euo pipefail

# --- Arguments and paths ---------------------------------------------------------------------------
INSTALL=1
FILTER=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-install) INSTALL=0; shift ;;
        --filter) [[ $# -ge 2 ]] || { echo "test.sh: --filter needs an expression" >&2; exit 2; }
                  FILTER="$2"; shift 2 ;;
        --filter=*) FILTER="${1#--filter=}"; shift ;;
        -h|--help) sed -n '2,23p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "test.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
    esac
done

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
SOLUTION="${PW_SOLUTION:-PerformanceWheel.sln}"
RESULTS_DIR="${PW_RESULTS_DIR:-$REPO_ROOT/artifacts/test-results}"
CHROMIUM=/usr/bin/chromium

export DOTNET_CLI_TELEMETRY_OPTOUT="${DOTNET_CLI_TELEMETRY_OPTOUT:-1}"
export DOTNET_NOLOGO="${DOTNET_NOLOGO:-1}"
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE="${DOTNET_SKIP_FIRST_TIME_EXPERIENCE:-1}"

log() { printf '==> %s\n' "$*"; }
die() { printf 'test.sh: error: %s\n' "$*" >&2; exit 1; }

command -v dotnet >/dev/null || die "the .NET 10 SDK (dotnet) is not on PATH"

# --- 1. Tools the tests need ------------------------------------------------------------------------
# PostgreSQL's binaries are not on PATH on Debian: they live in /usr/lib/postgresql/<version>/bin.
find_pg_bin() {
    local dir
    for dir in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r); do
        if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then echo "$dir"; return 0; fi
    done
    if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
        dirname "$(command -v initdb)"; return 0
    fi
    return 1
}

has_liberation_fonts() {
    { command -v fc-list >/dev/null && fc-list 2>/dev/null | grep -q Liberation; } ||
        compgen -G '/usr/share/fonts/truetype/liberation*/*.ttf' >/dev/null
}

# Debian packages for whatever is missing (nothing is reinstalled).
missing_packages=()
if [[ -z "${PERFORMANCEWHEEL_TEST_POSTGRES:-}" ]] && ! find_pg_bin >/dev/null; then
    missing_packages+=(postgresql)
fi
[[ -x "$CHROMIUM" ]] || missing_packages+=(chromium)
has_liberation_fonts || missing_packages+=(fonts-liberation fontconfig)
[[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]] || missing_packages+=(fonts-dejavu-core)
command -v pdftotext >/dev/null || missing_packages+=(poppler-utils)
command -v python3 >/dev/null || missing_packages+=(python3)               # reads the .trx files below
[[ -d /usr/share/zoneinfo/Europe ]] || missing_packages+=(tzdata)           # UK time zone for the app

if [[ ${#missing_packages[@]} -eq 0 ]]; then
    log "Tools: PostgreSQL, Chromium, fonts, poppler-utils and python3 are present (nothing to install)"
elif [[ $INSTALL -eq 0 ]]; then
    log "Tools: --no-install given; missing: ${missing_packages[*]}"
elif [[ $(id -u) -ne 0 ]]; then
    log "Tools: not root, so apt is skipped; missing: ${missing_packages[*]}"
    log "       install them with: sudo apt-get install -y --no-install-recommends ${missing_packages[*]}"
else
    log "Tools: installing with apt: ${missing_packages[*]}"
    started=$SECONDS
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q -o Acquire::Retries=3
    apt-get install -y -q --no-install-recommends -o Acquire::Retries=3 "${missing_packages[@]}"
    log "Tools: apt finished in $((SECONDS - started)) s"
fi

command -v python3 >/dev/null || die "python3 is needed to read the test results (apt-get install python3)"
[[ -x "$CHROMIUM" ]] || log "warning: $CHROMIUM is missing: the PDF and browser tests will fail or skip"

# --- 2. A throwaway PostgreSQL cluster --------------------------------------------------------------
# Password authentication (scram-sha-256) for the superuser pwtest, on 127.0.0.1 and a socket in the
# temp dir only. fsync and friends are off: the data is thrown away when the script ends.
PG_TMP=""
PG_BIN=""
PG_STARTED=0   # set once pg_ctl start succeeded

# Postgres refuses to run as root: as root, run its commands as the 'postgres' system user.
as_pg() {
    if [[ $(id -u) -eq 0 ]]; then
        (cd "$PG_TMP" && runuser -u postgres -- env LC_ALL=C.UTF-8 "$@")
    else
        (cd "$PG_TMP" && env LC_ALL=C.UTF-8 "$@")
    fi
}

# shellcheck disable=SC2317  # (called by the EXIT trap)
cleanup() {
    # Quiet on purpose: the "Total:" line must stay the last line of the output.
    if [[ -n "$PG_TMP" && -f "$PG_TMP/data/postmaster.pid" ]]; then
        as_pg "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m immediate stop >/dev/null 2>&1 || true
        cp "$PG_TMP/postgres.log" "$RESULTS_DIR/postgres.log" 2>/dev/null || true
    fi
    if [[ -n "$PG_TMP" ]]; then rm -rf "$PG_TMP"; fi
}
trap cleanup EXIT
trap 'exit 130' INT       # exit (and so run cleanup) on Ctrl-C and on kill
trap 'exit 143' TERM

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    command -v ss >/dev/null && [[ -n "$(ss -Htln "sport = :$1" 2>/dev/null)" ]]
}

start_postgres() {
    PG_BIN="$(find_pg_bin)" || die "PostgreSQL is not installed (apt-get install postgresql) and PERFORMANCEWHEEL_TEST_POSTGRES is not set"
    if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
        useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    fi

    # Under /tmp (not $TMPDIR): the postgres user must reach it, and the socket path must stay short.
    PG_TMP="$(mktemp -d /tmp/pw-test-pg.XXXXXX)"
    chmod 700 "$PG_TMP"
    [[ $(id -u) -eq 0 ]] && chown postgres: "$PG_TMP"
    local password
    password="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' | head -c 32)"
    (umask 077 && printf '%s\n' "$password" > "$PG_TMP/pwfile")
    [[ $(id -u) -eq 0 ]] && chown postgres: "$PG_TMP/pwfile"

    log "PostgreSQL: initdb ($("$PG_BIN/postgres" --version)) in $PG_TMP"
    as_pg "$PG_BIN/initdb" -D "$PG_TMP/data" -U pwtest --pwfile="$PG_TMP/pwfile" -A scram-sha-256 \
        -E UTF8 --locale=C.UTF-8 >"$PG_TMP/initdb.log" 2>&1 || { cat "$PG_TMP/initdb.log" >&2; die "initdb failed"; }
    rm -f "$PG_TMP/pwfile"

    # Try free ports from 54320 upward; retry on the next port if another process takes it first.
    local port=54320 attempt
    for attempt in $(seq 1 20); do
        while port_in_use "$port"; do port=$((port + 1)); done
        if as_pg "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/postgres.log" -w -t 60 \
            -o "-p $port -k $PG_TMP -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
            start >/dev/null; then
            PG_STARTED=1
            break
        fi
        log "PostgreSQL: could not start on port $port (attempt $attempt); trying the next port"
        tail -n 5 "$PG_TMP/postgres.log" 2>/dev/null || true
        port=$((port + 1))
    done
    [[ $PG_STARTED -eq 1 ]] || die "PostgreSQL did not start; see the log above"

    export PERFORMANCEWHEEL_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=pwtest;Password=$password;Database=postgres"
    log "PostgreSQL: running on 127.0.0.1:$port (superuser pwtest); stopped and deleted when this script ends"
}

if [[ -n "${PERFORMANCEWHEEL_TEST_POSTGRES:-}" ]]; then
    log "PostgreSQL: PERFORMANCEWHEEL_TEST_POSTGRES is already set; using that server"
else
    start_postgres
fi

# --- 3. Settings for the tests ----------------------------------------------------------------------
if [[ -z "${PERFORMANCEWHEEL_TEST_CHROMIUM:-}" && -x "$CHROMIUM" ]]; then
    export PERFORMANCEWHEEL_TEST_CHROMIUM="$CHROMIUM"
fi
log "Chromium: ${PERFORMANCEWHEEL_TEST_CHROMIUM:-(not set)}"
# Browser tests save a screenshot and the page's HTML here when a step fails.
export PERFORMANCEWHEEL_TEST_ARTIFACTS="${PERFORMANCEWHEEL_TEST_ARTIFACTS:-$RESULTS_DIR/e2e}"

# --- 4. Build once, then run every test project -----------------------------------------------------
rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"

log "Building $SOLUTION (Release)"
if ! dotnet build "$SOLUTION" -c Release; then
    echo "test.sh: error: the build failed; no tests ran" >&2
    echo "Total: 0 passed, 0 failed, 0 skipped"
    exit 1
fi

# --- 4b. Migration scripts (docs/decisions/0016) ----------------------------------------------------
# No SQL Server engine runs here: CI writes the idempotent SQL Server script (and PostgreSQL's; SQLite's plain one)
# from code for DBAs and reviewers, and fails if any provider's model has changes its migrations lack. The tests in
# tests/PerformanceWheel.Data.Tests/Schema/SqlServerScriptTests.cs check the same script covers the model.
SCAFFOLDER="$REPO_ROOT/tools/PerformanceWheel.MigrationScaffolder/bin/Release/net10.0/PerformanceWheel.MigrationScaffolder.dll"
MIGRATIONS_DIR="${PW_MIGRATIONS_DIR:-$REPO_ROOT/artifacts/migrations}"
migrations_exit=0
if [[ -f "$SCAFFOLDER" ]]; then
    log "Writing the migration scripts to $MIGRATIONS_DIR"
    mkdir -p "$MIGRATIONS_DIR"
    dotnet "$SCAFFOLDER" script SqlServer "$MIGRATIONS_DIR/sqlserver-idempotent.sql" || migrations_exit=1
    dotnet "$SCAFFOLDER" script PostgreSql "$MIGRATIONS_DIR/postgresql-idempotent.sql" || migrations_exit=1
    dotnet "$SCAFFOLDER" script Sqlite "$MIGRATIONS_DIR/sqlite.sql" || migrations_exit=1
    dotnet "$SCAFFOLDER" check || migrations_exit=1
    [[ $migrations_exit -eq 0 ]] || echo "test.sh: error: the migration scripts or the model check failed" >&2
elif [[ -z "${PW_SOLUTION:-}" ]]; then
    echo "test.sh: error: the solution build did not produce $SCAFFOLDER" >&2
    migrations_exit=1
fi

# Without LogFileName each test project writes its own <user>_<machine>_<timestamp>[_n].trx;
# a fixed LogFileName would make the projects overwrite one another.
# A test that hangs (an await with no timeout) is stopped after 20 minutes, its project's test host with it, and the run
# fails naming it, instead of running into CI's time limit; the longest test takes about 5 minutes on 2 busy cores.
test_args=(test "$SOLUTION" -c Release --no-build
    --results-directory "$RESULTS_DIR"
    --logger trx
    --logger "console;verbosity=normal"
    --blame-hang-timeout 20m --blame-hang-dump-type none)
[[ -n "$FILTER" ]] && test_args+=(--filter "$FILTER")

log "Testing (results in $RESULTS_DIR)"
test_exit=0
dotnet "${test_args[@]}" || test_exit=$?

# --- 5. Read the results ----------------------------------------------------------------------------
ENFORCE_POSTGRES=1
[[ -n "$FILTER" ]] && ENFORCE_POSTGRES=0

summary_exit=0
python3 - "$RESULTS_DIR" "$test_exit" "$ENFORCE_POSTGRES" <<'PY' || summary_exit=$?
import glob, os, sys
import xml.etree.ElementTree as ET

results_dir, test_exit, enforce_postgres = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1"
NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
FAILED = {"Failed", "Error", "Timeout", "Aborted"}
SKIPPED = {"NotExecuted", "Inconclusive", "Pending", "Disconnected", "Warning"}

def bucket(outcome):
    if outcome in ("Passed", "PassedButRunAborted"):
        return "passed"
    return "failed" if outcome in FAILED else "skipped" if outcome in SKIPPED else "failed"

tests = []          # (assembly, full name, bucket, message)
files = sorted(glob.glob(os.path.join(results_dir, "**", "*.trx"), recursive=True))
for path in files:
    root = ET.parse(path).getroot()
    classes = {}    # test id -> (class name, assembly)
    for unit_test in root.iterfind("t:TestDefinitions/t:UnitTest", NS):
        method = unit_test.find("t:TestMethod", NS)
        class_name = method.get("className", "") if method is not None else ""
        code_base = (method.get("codeBase") if method is not None else None) or unit_test.get("storage") or path
        assembly = os.path.splitext(os.path.basename(code_base))[0]
        classes[unit_test.get("id")] = (class_name, assembly)
    for result in root.iterfind("t:Results/t:UnitTestResult", NS):
        class_name, assembly = classes.get(result.get("testId"), ("", os.path.basename(path)))
        name = result.get("testName", "")
        full = name if name.startswith(class_name) else f"{class_name}.{name}"
        message = result.findtext("t:Output/t:ErrorInfo/t:Message", default="", namespaces=NS).strip()
        stack = result.findtext("t:Output/t:ErrorInfo/t:StackTrace", default="", namespaces=NS)
        # The first frames in the project's own code say where a failure happened (CI shows only the output's tail).
        frames = [f.strip() for f in stack.splitlines() if "PerformanceWheel." in f][:3]
        tests.append((assembly, full, bucket(result.get("outcome", "")), message, frames))

def count(items):
    return {b: sum(1 for t in items if t[2] == b) for b in ("passed", "failed", "skipped")}

def line(c):
    return f"{c['passed']} passed, {c['failed']} failed, {c['skipped']} skipped"

postgres = [t for t in tests if "postgresql" in t[1].lower()]
sqlite = [t for t in tests if "sqlite" in t[1].lower()]
totals = count(tests)

print()
print(f"Test results ({len(files)} .trx file(s) in {results_dir})")
for assembly in sorted({t[0] for t in tests}):
    print(f"  {assembly}: {line(count([t for t in tests if t[0] == assembly]))}")
for _, full, b, message, frames in tests:
    if b == "failed":
        print(f"  FAILED  {full}")
        # Why, in short, under the name: the summary is the part of the output that is always kept.
        shown = message.splitlines()[:12]
        for text in shown:
            print(f"          {text[:300]}")
        for frame in frames:
            print(f"          {frame[:300]}")
print(f"Tests on SQLite: {line(count(sqlite))}; on PostgreSQL: {line(count(postgres))}")

errors = []
if not files:
    errors.append(f"no .trx files were written to {results_dir}")
if test_exit != 0:
    errors.append(f"dotnet test exited with code {test_exit}")
if totals["failed"]:
    errors.append(f"{totals['failed']} test(s) failed")
if enforce_postgres:
    pg = count(postgres)
    if pg["passed"] == 0 or pg["skipped"]:
        skip_reasons = sorted({t[3] for t in postgres if t[2] == "skipped" and t[3]})
        reason = (f"{pg['passed']} test(s) with 'PostgreSql' in the name passed and {pg['skipped']} were skipped"
                  + (f" (skip reason: {skip_reasons[0]})" if skip_reasons else "")
                  + "; every PostgreSql test must run here: is PERFORMANCEWHEEL_TEST_POSTGRES set and the server reachable?")
        errors.append(f"PostgreSQL tests did not run: {reason}")
else:
    print("(--filter given: the PostgreSQL-tests-ran check is off)")

sys.stdout.flush()
for e in errors:
    print(f"test.sh: error: {e}", file=sys.stderr)
sys.stderr.flush()
print(f"Total: {totals['passed']} passed, {totals['failed']} failed, {totals['skipped']} skipped")
sys.exit(1 if errors else 0)
PY

# A failed migration script or model check (reported in step 4b) fails the run too; "Total:" stays the last line.
[[ $migrations_exit -ne 0 ]] && summary_exit=1
exit "$summary_exit"
