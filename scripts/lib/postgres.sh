# shellcheck shell=bash
# Throwaway PostgreSQL cluster for the test suite. Sourced by scripts/test.
#
#   pg_find_bin_dir          prints the folder holding initdb/pg_ctl/postgres, or fails
#   pg_start_throwaway DIR   initialises and starts a cluster in DIR (a folder of
#                            its own, e.g. from mktemp -d) on a free
#                            127.0.0.1 port; sets PG_PORT and PG_URL
#   pg_stop_throwaway        stops the cluster started above (safe to call twice)
#
# PostgreSQL refuses to run as root, so when we are root the cluster runs as the
# `postgres` system user if it exists, otherwise as a `frontdoor-test` system user
# created on demand.

PG_BIN_DIR=""
PG_RUN_AS=""
PG_DATA_DIR=""
PG_PORT=""
PG_URL=""

pg_find_bin_dir() {
    local candidate
    if candidate=$(command -v initdb 2>/dev/null); then
        candidate=$(readlink -f "$candidate")
        dirname "$candidate"
        return 0
    fi
    # Debian keeps the server binaries off PATH; take the newest installed version.
    for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -V -r); do
        if [[ -x "$candidate/initdb" && -x "$candidate/pg_ctl" && -x "$candidate/postgres" ]]; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

pg_free_port() {
    python3 - <<'PY'
import socket
with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.bind(("127.0.0.1", 0))
    print(s.getsockname()[1])
PY
}

# Runs a command as the cluster owner.
pg_as_owner() {
    # Run from / so the owner never needs access to the caller's folder.
    if [[ -n "$PG_RUN_AS" ]]; then
        (cd / && runuser -u "$PG_RUN_AS" -- "$@")
    else
        (cd / && "$@")
    fi
}

pg_choose_owner() {
    if [[ $EUID -ne 0 ]]; then
        PG_RUN_AS=""
        return 0
    fi
    if id -u postgres >/dev/null 2>&1; then
        PG_RUN_AS=postgres
    else
        if ! id -u frontdoor-test >/dev/null 2>&1; then
            useradd --system --no-create-home --shell /usr/sbin/nologin frontdoor-test
        fi
        PG_RUN_AS=frontdoor-test
    fi
}

pg_start_throwaway() {
    PG_DATA_DIR="$1"
    PG_BIN_DIR=$(pg_find_bin_dir) || { echo "PostgreSQL server binaries not found" >&2; return 1; }
    pg_choose_owner
    mkdir -p "$PG_DATA_DIR"
    chmod 700 "$PG_DATA_DIR"
    if [[ -n "$PG_RUN_AS" ]]; then
        chown "$PG_RUN_AS" "$PG_DATA_DIR"
    fi

    if ! pg_as_owner "$PG_BIN_DIR/initdb" -D "$PG_DATA_DIR/cluster" -A trust -U postgres \
            --encoding=UTF8 --locale=C.UTF-8 >"$PG_DATA_DIR/initdb.log" 2>&1; then
        # Fall back to the C locale on machines without C.UTF-8.
        rm -rf "$PG_DATA_DIR/cluster"
        if ! pg_as_owner "$PG_BIN_DIR/initdb" -D "$PG_DATA_DIR/cluster" -A trust -U postgres \
                --encoding=UTF8 --locale=C >>"$PG_DATA_DIR/initdb.log" 2>&1; then
            cat "$PG_DATA_DIR/initdb.log" >&2
            return 1
        fi
    fi

    local attempt
    # max_connections: the Swift tests run concurrently, each test with a database and pools of
    # its own, so hundreds of connections can be open at once.
    for attempt in 1 2 3; do
        PG_PORT=$(pg_free_port)
        if pg_as_owner "$PG_BIN_DIR/pg_ctl" -D "$PG_DATA_DIR/cluster" -l "$PG_DATA_DIR/server.log" -w -t 60 \
                -o "-p $PG_PORT -k $PG_DATA_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=1000" \
                start >/dev/null; then
            break
        fi
        if [[ $attempt -eq 3 ]]; then
            echo "PostgreSQL did not start; its log follows:" >&2
            cat "$PG_DATA_DIR/server.log" >&2 || true
            return 1
        fi
    done

    local createdb="$PG_BIN_DIR/createdb"
    [[ -x "$createdb" ]] || createdb=$(command -v createdb)
    "$createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres frontdoor_test
    PG_URL="postgres://postgres@127.0.0.1:$PG_PORT/frontdoor_test"
}

pg_stop_throwaway() {
    if [[ -n "$PG_DATA_DIR" && -f "$PG_DATA_DIR/cluster/postmaster.pid" ]]; then
        pg_as_owner "$PG_BIN_DIR/pg_ctl" -D "$PG_DATA_DIR/cluster" -m fast -w -t 30 stop >/dev/null 2>&1 \
            || pg_as_owner "$PG_BIN_DIR/pg_ctl" -D "$PG_DATA_DIR/cluster" -m immediate -w stop >/dev/null 2>&1 \
            || true
    fi
}
