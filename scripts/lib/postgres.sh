# shellcheck shell=bash
# A throwaway PostgreSQL cluster on loopback for the benchmark scripts (sourced, not run).
#
#   source scripts/lib/postgres.sh
#   pg_start 1     # 1: may install PostgreSQL with apt when missing (as root); 0: never
#   ...            # PERFORMANCEWHEEL_TEST_POSTGRES now holds an admin connection string (unset: no PostgreSQL)
#   pg_stop        # call from the EXIT trap: stops the cluster and deletes its folder
#
# The caller defines log and die. Server defaults (shared_buffers 128MB, fsync on) except the socket and address:
# figures are for an untuned server.

PG_TMP=""
PG_BIN=""

pg_find_bin() {
    local dir
    for dir in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r); do
        if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then echo "$dir"; return 0; fi
    done
    if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then dirname "$(command -v initdb)"; return 0; fi
    return 1
}

pg_as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        (cd "$PG_TMP" && runuser -u postgres -- env LC_ALL=C.UTF-8 "$@")
    else
        (cd "$PG_TMP" && env LC_ALL=C.UTF-8 "$@")
    fi
}

pg_port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pg_start() {
    local install="${1:-1}"
    if ! PG_BIN="$(pg_find_bin)"; then
        if [[ $install -eq 1 && $(id -u) -eq 0 ]]; then
            log "PostgreSQL: installing with apt"
            DEBIAN_FRONTEND=noninteractive apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql
            PG_BIN="$(pg_find_bin)" || die "PostgreSQL did not install"
        else
            log "PostgreSQL: not installed and PERFORMANCEWHEEL_TEST_POSTGRES not set"
            return 0
        fi
    fi
    if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
        useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    fi
    PG_TMP="$(mktemp -d /tmp/pw-bench-pg.XXXXXX)"
    chmod 700 "$PG_TMP"
    if [[ $(id -u) -eq 0 ]]; then chown postgres: "$PG_TMP"; fi
    local password port=54380
    password="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' | head -c 32)"
    (umask 077 && printf '%s\n' "$password" > "$PG_TMP/pwfile")
    if [[ $(id -u) -eq 0 ]]; then chown postgres: "$PG_TMP/pwfile"; fi
    pg_as_owner "$PG_BIN/initdb" -D "$PG_TMP/data" -U pwbench --pwfile="$PG_TMP/pwfile" -A scram-sha-256 \
        -E UTF8 --locale=C.UTF-8 >"$PG_TMP/initdb.log" 2>&1 || { cat "$PG_TMP/initdb.log" >&2; die "initdb failed"; }
    rm -f "$PG_TMP/pwfile"
    while pg_port_in_use "$port"; do port=$((port + 1)); done
    pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/postgres.log" -w -t 60 \
        -o "-p $port -k $PG_TMP -c listen_addresses=127.0.0.1" start >/dev/null || { tail -n 20 "$PG_TMP/postgres.log" >&2; die "PostgreSQL did not start"; }
    export PERFORMANCEWHEEL_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=pwbench;Password=$password;Database=postgres"
    log "PostgreSQL: $("$PG_BIN/postgres" --version) on 127.0.0.1:$port; stopped and deleted when this script ends"
}

# shellcheck disable=SC2317  # (called by the EXIT trap)
pg_stop() {
    if [[ -n "$PG_TMP" && -f "$PG_TMP/data/postmaster.pid" ]]; then
        pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    if [[ -n "$PG_TMP" ]]; then rm -rf "$PG_TMP"; fi
    PG_TMP=""
}
