#!/usr/bin/env bash
# The page goals of issue #14 on the large council (results and how to read them: docs/performance.md).
#
#   bash scripts/http-bench.sh [--provider sqlite|postgresql|both] [--scale 1] [--duration 10s] [--no-wrk] [--pack]
#
# For each provider: loads the large council (bench/PerformanceWheel.LargeCouncil; SQLite: a copy of the cached file,
# PostgreSQL: a fresh database pw_http_bench, dropped afterwards) with reading without signing in allowed and two
# accounts (an Admin and a Councillor), starts the web app built in Release (Production environment, Serilog at
# Warning, so HTTP logging is off too; packs are not made ahead, so no print runs under the measurements) on a loopback
# port, and measures:
#  1. Published-figure pages against their static twins (unless --no-wrk): for each page — wheel, comparison,
#     directorates, a scorecard, a segment, a measure, exceptions, finance — and each audience (anonymous, and the
#     Councillor signed in), fetches the page once with curl and writes those exact bytes under the app's web root
#     (/_bench/NAME.html), so the SAME Kestrel process serves them as a static file. wrk then runs against the page
#     and its static twin in turn, after a warm-up of both: the ratio of requests/s isolates the cost of making the
#     page. Goal: page/static >= 0.5, warm.
#  2. Staff pages (the Admin signed in: drafts visible, never output-cached): wheel, scorecard and measure, one request
#     at a time with curl: the first request after start (cold), then the median and 90th percentile of --staff-runs
#     after 3 warm-ups. Goal: wheel and scorecard <= 150 ms median at 1x, growing less than linearly with the council.
#  3. Memory: the app's resident set (VmRSS) and its peak (VmHWM) after every page was requested by every audience for
#     the latest four quarters (caches warm). Goal at 10x: under 1.5 GiB.
#  4. With --pack: the Cabinet pack of the latest quarter requested as a published reader: seconds from the first
#     request to the PDF (made in the background, the reader polling every 2 s as the progress page does), then
#     the median of 10 downloads of the stored pack. Goal: a ready pack downloads in under 200 ms.
# With 2 or more cores the app is pinned to all cores but the last and wrk to the last (taskset); PostgreSQL is not
# pinned. Results: artifacts/bench/http.md (Markdown table) and artifacts/bench/http-raw.txt (wrk output).
#
# Options:
#   --provider P       sqlite, postgresql or both (default both)
#   --duration D       wrk duration per measurement (default 10s)
#   --warmup D         wrk warm-up per URL, not counted (default 3s)
#   --no-wrk           skip 1 (the 10x run measures 2 and 3 only)
#   --audience A       anonymous, councillor or both (default both) for 1
#   --staff-runs N     requests per staff page (default 21)
#   --pack             also measure 4
#   --pack-wait S      give up waiting for the pack after S seconds (default 1800)
#   --realtime         run the app (and the Chromium it starts), wrk and the staff pages' curl under the real-time
#                      round-robin scheduler (chrt -r 10; needs root or CAP_SYS_NICE), so other work on a shared machine
#                      cannot take their cores; the database server and the loading of data are not raised
#   --connections N    wrk connections (default 4: enough to keep the app's core busy; a slow page needs
#                      duration > connections × its time alone, or too few requests finish to count)
#   --threads N        wrk threads (default 1; at most --connections)
#   --scale N          large council scale (default 1)
#   --period P         the quarter shown (default "2025/26 Q4", the large council's latest)
#   --no-install       never call apt (wrk and, for PostgreSQL, a server or PERFORMANCEWHEEL_TEST_POSTGRES must be there)
#   --no-build         use the Release builds already there
#   --profile          no wrk: with EF Core's command log on, request each page one at a time (5 after 2 warm-ups) and
#                      report the server time, SQL commands per request and the time EF reports for executing them
#                      (artifacts/bench/http-profile.md): where a page's time goes
# Environment:
#   PERFORMANCEWHEEL_TEST_POSTGRES  an admin connection string: that server is used and no cluster is started
#   PW_BENCH_DATA                   folder for the cached SQLite files (default: $TMPDIR/performancewheel-bench)
set -euo pipefail

ORIGINAL_ARGS="$*"
PROVIDERS=both
DURATION=10s
WARMUP=3s
WRK=1
AUDIENCES=both
STAFF_RUNS=21
PACK=0
PACK_WAIT=1800
REALTIME=0
CONNECTIONS=4
THREADS=1
SCALE=1
PERIOD="2025/26 Q4"
INSTALL=1
BUILD=1
PROFILE=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --provider) PROVIDERS="$2"; shift 2 ;;
        --duration) DURATION="$2"; shift 2 ;;
        --warmup) WARMUP="$2"; shift 2 ;;
        --connections) CONNECTIONS="$2"; shift 2 ;;
        --threads) THREADS="$2"; shift 2 ;;
        --scale) SCALE="$2"; shift 2 ;;
        --period) PERIOD="$2"; shift 2 ;;
        --no-install) INSTALL=0; shift ;;
        --no-build) BUILD=0; shift ;;
        --profile) PROFILE=1; shift ;;
        --no-wrk) WRK=0; shift ;;
        --audience) AUDIENCES="$2"; shift 2 ;;
        --staff-runs) STAFF_RUNS="$2"; shift 2 ;;
        --pack) PACK=1; shift ;;
        --pack-wait) PACK_WAIT="$2"; shift 2 ;;
        --realtime) REALTIME=1; shift ;;
        -h|--help) sed -n '2,54p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "http-bench.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
    esac
done
case "$PROVIDERS" in
    sqlite) PROVIDER_LIST=(Sqlite) ;;
    postgresql) PROVIDER_LIST=(PostgreSQL) ;;
    both) PROVIDER_LIST=(Sqlite PostgreSQL) ;;
    *) echo "http-bench.sh: --provider must be sqlite, postgresql or both" >&2; exit 2 ;;
esac
case "$AUDIENCES" in
    anonymous) AUDIENCE_LIST=(anonymous) ;;
    councillor) AUDIENCE_LIST=(councillor) ;;
    both) AUDIENCE_LIST=(anonymous councillor) ;;
    *) echo "http-bench.sh: --audience must be anonymous, councillor or both" >&2; exit 2 ;;
esac
[[ $THREADS -le $CONNECTIONS ]] || { echo "http-bench.sh: --threads must not exceed --connections" >&2; exit 2; }

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
OUT="$REPO_ROOT/artifacts/bench"
WEB_DLL="$REPO_ROOT/src/PerformanceWheel.Web/bin/Release/net10.0/PerformanceWheel.Web.dll"
TOOL_DLL="$REPO_ROOT/bench/PerformanceWheel.Benchmarks/bin/Release/net10.0/PerformanceWheel.Benchmarks.dll"
LUA="$REPO_ROOT/scripts/lib/wrk-report.lua"
PG_DATABASE=pw_http_bench
# The two accounts prepare-db makes (bench/PerformanceWheel.Benchmarks/Http/PrepareDatabase.cs); a throwaway database's.
BENCH_PASSWORD="Bench-Large-Council-2026"
ADMIN_EMAIL="bench-admin@large.council"
COUNCILLOR_EMAIL="bench-councillor@large.council"
PG_SERVER=""
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '==> %s\n' "$*"; }
die() { printf 'http-bench.sh: error: %s\n' "$*" >&2; exit 1; }
command -v dotnet >/dev/null || die "the .NET 10 SDK (dotnet) is not on PATH"
command -v curl >/dev/null || die "curl is not on PATH"

# shellcheck source=scripts/lib/postgres.sh
source "$REPO_ROOT/scripts/lib/postgres.sh"
WORK="$(mktemp -d /tmp/pw-http-bench.XXXXXX)"
APP_PID=""
PG_LOADED=""
stop_app() {
    if [[ -n "$APP_PID" ]]; then
        kill "$APP_PID" 2>/dev/null || true
        wait "$APP_PID" 2>/dev/null || true
        APP_PID=""
    fi
}
# shellcheck disable=SC2317  # (called by the EXIT trap)
cleanup() {
    stop_app
    if [[ -n "$PG_LOADED" ]]; then
        dotnet "$TOOL_DLL" prepare-db --postgres "$PERFORMANCEWHEEL_TEST_POSTGRES" --database "$PG_DATABASE" --drop >/dev/null 2>&1 || true
    fi
    pg_stop
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if ! command -v wrk >/dev/null; then
    if [[ $INSTALL -eq 1 && $(id -u) -eq 0 ]]; then
        log "wrk: installing with apt"
        DEBIAN_FRONTEND=noninteractive apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends wrk
    else
        die "wrk is not installed (apt-get install wrk)"
    fi
fi

mkdir -p "$OUT"
WRK_VERSION="$( (wrk --version 2>&1 || true) | head -1 | awk '{print $1, $2}')"
MACHINE="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), $(. /etc/os-release && echo "$PRETTY_NAME"), .NET $(dotnet --list-runtimes | awk '/Microsoft.AspNetCore.App/ {v=$2} END {print v}'), $WRK_VERSION"
log "Machine: $MACHINE"

if [[ $BUILD -eq 1 ]]; then
    log "Building the web app and the large-council tool (Release)"
    dotnet build src/PerformanceWheel.Web -c Release -nologo -v quiet
    dotnet build bench/PerformanceWheel.Benchmarks -c Release -nologo -v quiet
fi
[[ -f "$WEB_DLL" && -f "$TOOL_DLL" ]] || die "Release builds missing (run without --no-build)"

# Cores: the app on all but the last, wrk on the last.
CORES=$(nproc)
if [[ $CORES -ge 2 ]] && command -v taskset >/dev/null; then
    APP_CPUS="0-$((CORES - 2))"
    WRK_CPUS="$((CORES - 1))"
    PINNING="app on CPU $APP_CPUS, wrk on CPU $WRK_CPUS (taskset); the database server is not pinned"
    APP_PREFIX=(taskset -c "$APP_CPUS")
    WRK_PREFIX=(taskset -c "$WRK_CPUS")
else
    PINNING="not pinned (one core or no taskset)"
    APP_PREFIX=()
    WRK_PREFIX=()
fi
if [[ $REALTIME -eq 1 ]]; then
    chrt -r 10 true 2>/dev/null || die "--realtime: chrt -r 10 is not permitted here (root or CAP_SYS_NICE)"
    APP_PREFIX=(chrt -r 10 "${APP_PREFIX[@]}")
    WRK_PREFIX=(chrt -r 10 "${WRK_PREFIX[@]}")
    PINNING="$PINNING; app, wrk and the staff pages' curl at real-time round-robin priority (chrt -r 10)"
fi
log "Pinning: $PINNING"

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wrk against one URL; prints the PWBENCH line (see scripts/lib/wrk-report.lua) and appends wrk's output to the raw log.
run_wrk() {
    local duration="$1" url="$2" output
    output="$("${WRK_PREFIX[@]}" wrk "${WRK_AUTH[@]}" -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --timeout 60s --latency -s "$LUA" "$url")"
    printf '### %s %s\n%s\n\n' "$duration" "$url" "$output" >> "$OUT/http-raw.txt"
    quiesce
    grep '^PWBENCH ' <<<"$output"
}
# After wrk stops, the app still finishes the requests it had accepted (a slow page keeps a core busy for seconds):
# wait until it has used under 5% of a core for a second, so one measurement does not run into the next (at most 120 s).
quiesce() {
    local hz before after
    hz="$(getconf CLK_TCK)"
    for _ in $(seq 1 120); do
        before="$(awk '{print $14 + $15}' "/proc/$APP_PID/stat")"
        sleep 1
        after="$(awk '{print $14 + $15}' "/proc/$APP_PID/stat")"
        if (( after - before <= hz / 20 )); then return 0; fi
    done
    log "WARNING: the app was still busy 120 s after wrk stopped"
}
field() { grep -o "$1=[0-9.]*" <<<"$2" | cut -d= -f2; }

# Signs in through the sign-in form (antiforgery token and all) and keeps the cookies in the jar $1.
sign_in() {
    local jar="$1" email="$2" token code
    : > "$jar"
    token="$(curl -sf -c "$jar" -b "$jar" "$BASE/account/sign-in" | grep -o 'name="__RequestVerificationToken"[^>]*' | grep -o 'value="[^"]*"' | head -1 | cut -d'"' -f2)"
    [[ -n "$token" ]] || die "no antiforgery token on the sign-in page"
    code="$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "_handler=sign-in" \
        --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Input.Email=$email" \
        --data-urlencode "Input.Password=$BENCH_PASSWORD" "$BASE/account/sign-in")"
    [[ $code == 302 ]] || die "signing in as $email answered $code"
}
# The jar's cookies as one Cookie header (for wrk).
cookie_header() { awk -F'\t' 'NF == 7 { printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$1"; }
# "2025/26 Q4" -> "2025/26 Q3"; "2025/26 Q1" -> "2024/25 Q4".
previous_quarter() {
    local year="${1%% *}" q="${1##*Q}" start
    if (( q > 1 )); then echo "$year Q$((q - 1))"; return; fi
    start="${year%%/*}"
    printf '%d/%02d Q4\n' "$((start - 1))" "$(( start % 100 ))"
}
ms() { awk -v t="$1" 'BEGIN {printf "%.1f", t * 1000}'; }
# One request at a time as the signed-in jar $1: prints "cold median p90" in ms (the first request, then the median and
# 90th percentile of STAFF_RUNS after 3 warm-ups).
staff_times() {
    local jar="$1" url="$2" cold times
    cold="$("${WRK_PREFIX[@]}" curl -sf -b "$jar" -o /dev/null -w '%{time_total}' "$BASE$url")" || die "$url did not answer 200 to the Admin"
    for _ in 1 2 3; do curl -sf -b "$jar" -o /dev/null "$BASE$url"; done
    times="$(for _ in $(seq 1 "$STAFF_RUNS"); do "${WRK_PREFIX[@]}" curl -sf -b "$jar" -o /dev/null -w '%{time_total}\n' "$BASE$url"; done | sort -n)"
    printf '%s %s %s\n' "$(ms "$cold")" \
        "$(ms "$(awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}' <<<"$times")")" \
        "$(ms "$(awk '{a[NR] = $1} END {i = int(NR * 0.9 + 0.5); if (i < 1) i = 1; print a[i]}' <<<"$times")")"
}

ROWS=()
WRK_AUTH=()
READER_ROWS=()
STAFF_ROWS=()
MEMORY_ROWS=()
PACK_ROWS=()
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
: > "$OUT/http-raw.txt"
PERIOD_Q="${PERIOD// /%20}"
for provider in "${PROVIDER_LIST[@]}"; do
    dir="$WORK/$provider"
    mkdir -p "$dir/wwwroot/_bench"
    cp -r src/PerformanceWheel.Web/wwwroot/. "$dir/wwwroot/"
    cp src/PerformanceWheel.Web/bin/Release/net10.0/appsettings.json "$dir/"

    if [[ $provider == Sqlite ]]; then
        log "SQLite: copying the large council (${SCALE}×)"
        dotnet "$TOOL_DLL" prepare-db --sqlite "$dir/large.db" --scale "$SCALE" --accounts "$BENCH_PASSWORD"
        CONNECTION="Data Source=$dir/large.db"
    else
        if [[ -z "${PERFORMANCEWHEEL_TEST_POSTGRES:-}" ]]; then pg_start "$INSTALL"; fi
        if [[ -z "${PERFORMANCEWHEEL_TEST_POSTGRES:-}" ]]; then log "PostgreSQL: no server; skipped"; continue; fi
        log "PostgreSQL: loading the large council (${SCALE}×) into database $PG_DATABASE"
        PG_LOADED=1
        dotnet "$TOOL_DLL" prepare-db --postgres "$PERFORMANCEWHEEL_TEST_POSTGRES" --database "$PG_DATABASE" --scale "$SCALE" --accounts "$BENCH_PASSWORD" | tee "$dir/prepare.out"
        PG_SERVER="$(sed -n 's/^Server: //p' "$dir/prepare.out")"
        if grep -qi 'Database=' <<<"$PERFORMANCEWHEEL_TEST_POSTGRES"; then
            CONNECTION="$(sed -E "s/(^|;)Database=[^;]*/\1Database=$PG_DATABASE/I" <<<"$PERFORMANCEWHEEL_TEST_POSTGRES")"
        else
            CONNECTION="${PERFORMANCEWHEEL_TEST_POSTGRES%;};Database=$PG_DATABASE"
        fi
    fi

    port=5190
    while ! port_free "$port"; do port=$((port + 1)); done
    BASE="http://127.0.0.1:$port"
    log "$provider: starting the app on $BASE"
    EF_LOG=()
    if [[ $PROFILE -eq 1 ]]; then EF_LOG=("Serilog__MinimumLevel__Override__Microsoft.EntityFrameworkCore.Database.Command=Information"); fi
    env "${EF_LOG[@]}" \
    ASPNETCORE_ENVIRONMENT=Production \
    Serilog__MinimumLevel__Default=Warning \
    Database__Provider="$provider" \
    ConnectionStrings__PerformanceWheel="$CONNECTION" \
    DemoData__LoadOnEmptyDatabase=false \
    Reporting__MakePacksAhead=false \
    DataProtection__KeysPath="$dir/keys" \
    LogFile__Path="$dir/logs/app-.log" \
        "${APP_PREFIX[@]}" dotnet "$WEB_DLL" --urls "$BASE" --contentRoot "$dir" --webroot "$dir/wwwroot" >"$dir/app.out" 2>&1 &
    APP_PID=$!
    for _ in $(seq 1 180); do
        if curl -sf -o /dev/null "$BASE/health"; then break; fi
        kill -0 "$APP_PID" 2>/dev/null || { cat "$dir/app.out" >&2; die "the app stopped"; }
        sleep 1
    done
    curl -sf -o /dev/null "$BASE/health" || { cat "$dir/app.out" >&2; die "the app did not answer /health"; }

    scorecard="/directorates/Adult%20Social%20Care?period=$PERIOD_Q"
    curl -sf -o "$dir/scorecard.html" "$BASE$scorecard" || die "$provider: $scorecard did not answer 200"
    measure="$(grep -o 'href="/measures/[^"]*"' "$dir/scorecard.html" | sed -n '1{s/^href="//; s/"$//; s/&amp;/\&/g; p}')"
    [[ -n "$measure" ]] || die "$provider: no measure link on the scorecard"
    curl -sf -o "$dir/wheel.html" "$BASE/?period=$PERIOD_Q" || die "$provider: the wheel did not answer 200"
    segment="$(grep -o 'href="/segments/[^"]*"' "$dir/wheel.html" | sed -n '1{s/^href="//; s/"$//; s/&amp;/\&/g; p}')"
    [[ -n "$segment" ]] || die "$provider: no segment link on the wheel"
    [[ $segment == *period=* ]] || segment="$segment?period=$PERIOD_Q"
    names=(wheel comparison directorates scorecard segment measure exceptions finance)
    urls=("/?period=$PERIOD_Q" "/comparison?period=$PERIOD_Q" "/directorates?period=$PERIOD_Q" "$scorecard" "$segment" "$measure"
        "/exceptions?period=$PERIOD_Q" "/finance?period=$PERIOD_Q")
    sign_in "$dir/admin.jar" "$ADMIN_EMAIL"
    sign_in "$dir/councillor.jar" "$COUNCILLOR_EMAIL"

    # 2. Staff pages first, so the cold figure is the first request of any audience for that quarter.
    for name in wheel scorecard measure; do
        for i in "${!names[@]}"; do [[ ${names[$i]} == "$name" ]] && url="${urls[$i]}"; done
        read -r cold median p90 < <(staff_times "$dir/admin.jar" "$url")
        met="n/a"
        [[ $name == measure ]] || met="$(awk -v m="$median" 'BEGIN {print (m <= 150) ? "yes" : "no"}')"
        row="| $name | $provider | ${SCALE}× | \`$url\` | $cold | **$median** | $p90 | $met |"
        STAFF_ROWS+=("$row")
        echo "$row"
    done

    if [[ $PROFILE -eq 1 ]]; then
        for i in "${!names[@]}"; do
            name="${names[$i]}"; url="${urls[$i]}"
            curl -sf -o /dev/null "$BASE$url"; curl -sf -o /dev/null "$BASE$url"
            times=(); commands=(); sql=()
            for _ in 1 2 3 4 5; do
                before="$(wc -l < "$dir/app.out")"
                times+=("$(curl -sf -o /dev/null -w '%{time_total}' "$BASE$url")")
                sleep 0.2
                executed="$(tail -n +"$((before + 1))" "$dir/app.out" | grep -o 'Executed DbCommand ([0-9]*ms)' || true)"
                commands+=("$(grep -c . <<<"$executed" || true)")
                sql+=("$(grep -o '[0-9]*ms' <<<"$executed" | tr -d 'ms' | awk '{s += $1} END {print s + 0}')")
            done
            median() { printf '%s\n' "$@" | sort -n | sed -n 3p; }
            row="| $name | $provider | \`$url\` | $(awk -v t="$(median "${times[@]}")" 'BEGIN {printf "%.0f", t * 1000}') | $(median "${commands[@]}") | $(median "${sql[@]}") | $(printf '%s ' "${sql[@]}")|"
            ROWS+=("$row")
            echo "$row"
        done
        stop_app
        # The same reads in process, on the same database with the app stopped: reading versus the rest of a request.
        if [[ $provider == Sqlite ]]; then target=(--sqlite "$dir/large.db"); else target=(--database-connection "$CONNECTION"); fi
        while IFS= read -r line; do
            READER_ROWS+=("| ${line#READERS | }" )
        done < <(dotnet "$TOOL_DLL" page-readers "${target[@]}" --measure "$(sed -E 's#^/measures/([^?]*).*#\1#' <<<"$measure")" --period "$PERIOD" | grep '^READERS ' | sed "s/^READERS | \([a-z]*\) |/READERS | \1 | $provider |/")
        if [[ $provider == PostgreSQL ]]; then
            dotnet "$TOOL_DLL" prepare-db --postgres "$PERFORMANCEWHEEL_TEST_POSTGRES" --database "$PG_DATABASE" --drop >/dev/null
            PG_LOADED=""
        fi
        continue
    fi

    for audience in "${AUDIENCE_LIST[@]}"; do
    [[ $WRK -eq 1 ]] || break
    CURL_AUTH=(); WRK_AUTH=()
    for i in "${!names[@]}"; do
        name="${names[$i]}"; url="${urls[$i]}"
        if [[ $audience == councillor ]]; then
            # Signed in afresh for each page: the app checks a sign-in against the database once it is a minute old
            # (SecurityStampValidator) and then sends a renewed cookie with every answer, which is never cached — a
            # browser takes the renewed cookie; wrk would keep sending the old one.
            sign_in "$dir/councillor.jar" "$COUNCILLOR_EMAIL"
            CURL_AUTH=(-b "$dir/councillor.jar")
            WRK_AUTH=(-H "Cookie: $(cookie_header "$dir/councillor.jar")")
        fi
        # The static twin: exactly the bytes this server just produced for the page.
        code="$(curl -s "${CURL_AUTH[@]}" -o "$dir/wwwroot/_bench/$audience-$name.html" -w '%{http_code}' "$BASE$url")"
        [[ $code == 200 ]] || die "$provider: $url answered $code to the $audience reader"
        bytes="$(stat -c %s "$dir/wwwroot/_bench/$audience-$name.html")"
        log "$provider $audience $name: $url ($bytes bytes); warm-up $WARMUP each"
        run_wrk "$WARMUP" "$BASE$url" >/dev/null
        run_wrk "$WARMUP" "$BASE/_bench/$audience-$name.html" >/dev/null
        dynamic="$(run_wrk "$DURATION" "$BASE$url")"
        static="$(run_wrk "$DURATION" "$BASE/_bench/$audience-$name.html")"
        for line in "$dynamic" "$static"; do
            errors=$(( $(field non2xx "$line") + $(field connect "$line") + $(field read "$line") + $(field write "$line") + $(field timeout "$line") ))
            [[ $errors -eq 0 ]] || log "WARNING: $errors errors or non-2xx answers: $line"
        done
        if (( $(field requests "$dynamic") < 10 )); then
            log "WARNING: only $(field requests "$dynamic") dynamic requests finished in $DURATION: lengthen --duration or lower --connections"
        fi
        d_rps="$(field rps "$dynamic")"; s_rps="$(field rps "$static")"
        ratio="$(awk -v d="$d_rps" -v s="$s_rps" 'BEGIN {printf "%.4f", d / s}')"
        met="$(awk -v r="$ratio" 'BEGIN {print (r >= 0.5) ? "yes" : "no"}')"
        row="| $name | $audience | $provider | \`$url\` | $bytes | $(printf '%.1f' "$d_rps") | $(printf '%.0f' "$s_rps") | **$ratio** | $met | $(printf '%.1f' "$(field p50_ms "$dynamic")") | $(printf '%.1f' "$(field p95_ms "$dynamic")") | $(printf '%.2f' "$(field p50_ms "$static")") | $(printf '%.2f' "$(field p95_ms "$static")") | $(field requests "$dynamic") | $(field requests "$static") |"
        ROWS+=("$row")
        echo "$row"
    done
    done

    # 3. Memory with every cache warm: every page, every audience, the latest four quarters.
    quarters=("$PERIOD")
    for _ in 1 2 3; do quarters+=("$(previous_quarter "${quarters[-1]}")"); done
    for q in "${quarters[@]}"; do
        qq="${q// /%20}"
        for url in "${urls[@]}"; do
            url="${url//$PERIOD_Q/$qq}"
            for auth in "" "$dir/councillor.jar" "$dir/admin.jar"; do
                curl -s ${auth:+-b "$auth"} -o /dev/null "$BASE$url"
            done
        done
    done
    rss="$(awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$APP_PID/status")"
    hwm="$(awk '/^VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$APP_PID/status")"
    row="| $provider | ${SCALE}× | ${#quarters[@]} quarters × ${#urls[@]} pages × 3 audiences | $rss | **$hwm** | $(awk -v h="$hwm" 'BEGIN {print (h < 1536) ? "yes" : "no"}') |"
    MEMORY_ROWS+=("$row")
    echo "$row"

    # 4. The Cabinet pack: from the first request to the file, then the stored pack's downloads.
    if [[ $PACK -eq 1 ]]; then
        pack="/reports/cabinet.pdf?period=$PERIOD_Q"
        log "$provider: requesting the Cabinet pack (made in the background; waiting up to $PACK_WAIT s)"
        start="$(date +%s.%N)"
        ready=""
        while (( $(awk -v s="$start" -v n="$(date +%s.%N)" 'BEGIN {print (n - s < '"$PACK_WAIT"') ? 1 : 0}') )); do
            type="$(curl -s -o "$dir/cabinet.pdf" -w '%{content_type}' "$BASE$pack")"
            if [[ $type == application/pdf* ]]; then ready="$(date +%s.%N)"; break; fi
            sleep 2
        done
        if [[ -z "$ready" ]]; then
            log "WARNING: the pack was not ready after $PACK_WAIT s"
            PACK_ROWS+=("| $provider | ${SCALE}× | not ready after $PACK_WAIT s | | | | |")
        else
            made="$(awk -v s="$start" -v r="$ready" 'BEGIN {printf "%.0f", r - s}')"
            pages="$( (pdfinfo "$dir/cabinet.pdf" 2>/dev/null || true) | awk '/^Pages:/ {print $2}')"
            bytes="$(stat -c %s "$dir/cabinet.pdf")"
            times="$(for _ in $(seq 1 10); do "${WRK_PREFIX[@]}" curl -sf -o /dev/null -w '%{time_total}\n' "$BASE$pack"; done | sort -n)"
            median="$(ms "$(awk '{a[NR] = $1} END {print (a[5] + a[6]) / 2}' <<<"$times")")"
            max="$(ms "$(tail -1 <<<"$times")")"
            row="| $provider | ${SCALE}× | $made | ${pages:-?} | $bytes | **$median** | $max | $(awk -v m="$median" 'BEGIN {print (m < 200) ? "yes" : "no"}') |"
            PACK_ROWS+=("$row")
            echo "$row"
        fi
    fi

    stop_app
    if [[ $provider == PostgreSQL ]]; then
        dotnet "$TOOL_DLL" prepare-db --postgres "$PERFORMANCEWHEEL_TEST_POSTGRES" --database "$PG_DATABASE" --drop >/dev/null
        PG_LOADED=""
    fi
done

if [[ $PROFILE -eq 1 ]]; then
    {
        echo "Machine: $MACHINE; load average before $LOAD_BEFORE, after $(cut -d' ' -f1-3 /proc/loadavg)."
        if [[ -n "${PG_SERVER:-}" ]]; then echo "Database server: $PG_SERVER (same machine, loopback)."; fi
        echo "Run: $(date -u '+%Y-%m-%d %H:%M UTC'); large council ${SCALE}×, period $PERIOD; one request at a time, median of 5 after 2 warm-ups; EF Core's command log on (Information)."
        echo
        echo "| page | database | URL | server time, median (ms) | SQL commands per request | SQL execution reported by EF, median (ms) | the 5 requests' SQL ms |"
        echo "|---|---|---|---:|---:|---:|---|"
        printf '%s\n' "${ROWS[@]}"
        echo
        echo "The reads behind each page timed in process (bench/PerformanceWheel.Benchmarks page-readers: no HTTP, no rendering; median of 5 after 2 warm-ups):"
        echo
        echo "| page | database | application reads | median (ms) |"
        echo "|---|---|---|---:|"
        printf '%s\n' "${READER_ROWS[@]}"
    } > "$OUT/http-profile.md"
    echo
    cat "$OUT/http-profile.md"
    log "Results: $OUT/http-profile.md"
    exit 0
fi

RESULT="$OUT/http-x$SCALE.md"
{
    echo "Machine: $MACHINE; load average before $LOAD_BEFORE, after $(cut -d' ' -f1-3 /proc/loadavg)."
    if [[ -n "${PG_SERVER:-}" ]]; then echo "Database server: $PG_SERVER (same machine, loopback)."; fi
    echo "Run: $(date -u '+%Y-%m-%d %H:%M UTC'); \`bash scripts/http-bench.sh $ORIGINAL_ARGS\`; large council ${SCALE}×, period $PERIOD; $PINNING."
    if [[ ${#ROWS[@]} -gt 0 ]]; then
        echo
        echo "Published-figure pages against their static twins (wrk -t$THREADS -c$CONNECTIONS -d$DURATION --timeout 60s after a $WARMUP warm-up per URL):"
        echo
        echo "| page | reader | database | URL | bytes | page req/s | static req/s | page / static | ≥ 0.5 | page p50 (ms) | page p95 (ms) | static p50 (ms) | static p95 (ms) | page requests | static requests |"
        echo "|---|---|---|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|"
        printf '%s\n' "${ROWS[@]}"
    fi
    echo
    echo "Staff pages (the Admin signed in; one request at a time with curl; median and 90th percentile of $STAFF_RUNS after 3 warm-ups):"
    echo
    echo "| page | database | scale | URL | first request (ms) | median (ms) | p90 (ms) | ≤ 150 ms |"
    echo "|---|---|---|---|---:|---:|---:|---|"
    printf '%s\n' "${STAFF_ROWS[@]}"
    echo
    echo "The app's memory with its caches warm (VmRSS now, VmHWM the peak since start):"
    echo
    echo "| database | scale | pages requested | resident (MiB) | peak (MiB) | < 1.5 GiB |"
    echo "|---|---|---|---:|---:|---|"
    printf '%s\n' "${MEMORY_ROWS[@]}"
    if [[ ${#PACK_ROWS[@]} -gt 0 ]]; then
        echo
        echo "The Cabinet pack of $PERIOD through the app (first request to file, polling every 2 s; then 10 downloads of the stored pack):"
        echo
        echo "| database | scale | first request to file (s) | pages | bytes | ready download median (ms) | max (ms) | < 200 ms |"
        echo "|---|---|---:|---:|---:|---:|---:|---|"
        printf '%s\n' "${PACK_ROWS[@]}"
    fi
} > "$RESULT"
echo
cat "$RESULT"
log "Results: $RESULT; wrk's own output: $OUT/http-raw.txt"
