# Shell helpers shared by bench/*/run.sh (bash; sourced, not run). See README.md.
#
# A run.sh sets HERE (its own directory), ROOT (the repository) and its own settings (PORT, DB_NAME, ...),
# sources this file, calls bench_init, and then the steps it needs, in this order:
#   require_tools, require_free_ports, set_traps, build_war, payara_jar, recreate_database, auto_explain,
#   start_payara, wait_ready, run_driver.
# Its cleanup (on exit, error or interrupt) stops Payara, drops the database unless KEEP_DB=1, shows the
# end of the Payara log after a failure, removes the work directory, and prints the whole run's time.

log() { echo "$(date +%H:%M:%S) $*" >&2; }

# bench_init NAME: the settings every benchmark shares (overridable from the environment), psql, a work
# directory $WORK (nps-NAME-bench.XXXXXX under $TMPDIR) and the state cleanup looks at.
bench_init() {
    DB_HOST="${DB_HOST:-127.0.0.1}"
    DB_PORT="${DB_PORT:-5432}"
    DB_USER="${DB_USER:-postgres}"
    ADMIN_PASSWORD="${ADMIN_PASSWORD:-bench-Secret-42}"
    PAYARA_VERSION="${PAYARA_VERSION:-6.2025.10}"
    PAYARA_OPTS="${PAYARA_OPTS:-}"
    KEEP_DB="${KEEP_DB:-0}"
    SKIP_BUILD="${SKIP_BUILD:-0}"

    PSQL=(psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -X -q -v ON_ERROR_STOP=1)
    WORK="$(mktemp -d "${TMPDIR:-/tmp}/nps-$1-bench.XXXXXX")"
    JDBC_PARAMS=""   # appended to the JDBC URL Payara gets (audience: DB_URL_PARAMS)
    PAYARA_PID=""
    DB_CREATED=0
    BEGAN=$(date +%s)
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [[ -n "$PAYARA_PID" ]] && kill -0 "$PAYARA_PID" 2>/dev/null; then
        log "stopping Payara Micro (pid $PAYARA_PID)"
        kill -TERM "$PAYARA_PID" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 "$PAYARA_PID" 2>/dev/null || break; sleep 0.5; done
        kill -KILL "$PAYARA_PID" 2>/dev/null || true
        wait "$PAYARA_PID" 2>/dev/null || true
    fi
    if [[ "$DB_CREATED" != "1" ]]; then
        :   # not ours (yet): leave it alone
    elif [[ "$KEEP_DB" == "1" ]]; then
        log "database $DB_NAME kept (KEEP_DB=1): psql -h $DB_HOST -U $DB_USER -d $DB_NAME"
    else
        log "dropping database $DB_NAME"
        "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" >/dev/null 2>&1 || true
    fi
    if [[ $rc -ne 0 && -f "$WORK/payara.log" ]]; then
        log "failed (exit $rc); last lines of the Payara log:"
        tail -n 40 "$WORK/payara.log" >&2 || true
    fi
    rm -rf "$WORK"
    echo "whole run (build, start-up, benchmark, clean-up): $(( $(date +%s) - BEGAN )) s"
    exit $rc
}

# require_tools TOOL...: each must be on the PATH (before the traps: removes $WORK itself).
require_tools() {
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null || { echo "$tool is required" >&2; rm -rf "$WORK"; exit 1; }
    done
}

# require_free_ports HINT PORT...: nothing may listen on these ports of 127.0.0.1 (HINT: what to set instead).
require_free_ports() {
    local hint="$1" port
    shift
    for port in "$@"; do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "port $port is already in use; set $hint" >&2
            rm -rf "$WORK"
            exit 1
        fi
    done
}

set_traps() {
    trap cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
}

# build_war MAVEN_ARGS...: unless SKIP_BUILD=1, ./mvnw -q -B MAVEN_ARGS... in $ROOT; then the WAR must be there.
build_war() {
    cd "$ROOT"
    if [[ "$SKIP_BUILD" != "1" ]]; then
        log "building the WAR (./mvnw $*)"
        ./mvnw -q -B "$@"
    fi
    [[ -f nps-web/target/ROOT.war ]] || { echo "nps-web/target/ROOT.war is missing (build first)" >&2; exit 1; }
}

# payara_jar: JAR, nps-web/target/payara-micro.jar, fetched with dependency:copy when missing.
payara_jar() {
    JAR="nps-web/target/payara-micro.jar"
    if [[ ! -f "$JAR" ]]; then
        log "fetching Payara Micro $PAYARA_VERSION"
        ./mvnw -q -B -pl nps-web dependency:copy -Dartifact="fish.payara.extras:payara-micro:$PAYARA_VERSION" \
            -Dmdep.stripVersion=true -DoutputDirectory=target
    fi
}

recreate_database() {
    log "recreating database $DB_NAME"
    "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" >/dev/null
    "${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB_NAME" >/dev/null
    DB_CREATED=1
}

# auto_explain MS: when MS is set, the plan of every statement on the bench database slower than MS ms goes
# to the PostgreSQL server log (a diagnosis; after recreate_database, before start_payara).
auto_explain() {
    [[ -n "$1" ]] || return 0
    "${PSQL[@]}" -d postgres -c "ALTER DATABASE $DB_NAME SET session_preload_libraries = 'auto_explain'" \
        -c "ALTER DATABASE $DB_NAME SET auto_explain.log_min_duration = '${1}ms'" >/dev/null
    log "auto_explain: plans of statements slower than $1 ms go to the PostgreSQL server log"
}

# start_payara MESSAGE NAME=VALUE...: notes the load average (LOAD_BEFORE), logs MESSAGE, and starts Payara
# Micro with the WAR on $PORT in the background (PAYARA_PID, log $WORK/payara.log), on the bench database,
# with the admin password, a data directory in $WORK, and these variables in its environment.
start_payara() {
    local message="$1"
    shift
    LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
    log "$message"
    # shellcheck disable=SC2086
    env NPS_DB_URL="jdbc:postgresql://$DB_HOST:$DB_PORT/$DB_NAME$JDBC_PARAMS" NPS_DB_USER="$DB_USER" NPS_DB_PASSWORD=x \
        NPS_ADMIN_PASSWORD="$ADMIN_PASSWORD" NPS_DATA_DIR="$WORK/data" "$@" \
        java $PAYARA_OPTS -jar "$JAR" --deploy nps-web/target/ROOT.war --port "$PORT" --nohazelcast \
        >"$WORK/payara.log" 2>&1 &
    PAYARA_PID=$!
}

# wait_ready: until /health/ready answers 200 (at most 300 s; fails if Payara exits).
wait_ready() {
    local started
    started=$(date +%s)
    until [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health/ready" || true)" == "200" ]]; do
        kill -0 "$PAYARA_PID" 2>/dev/null || { echo "Payara Micro exited during start-up" >&2; exit 1; }
        if (( $(date +%s) - started > ${READY_TIMEOUT:-300} )); then echo "not ready after ${READY_TIMEOUT:-300} s" >&2; exit 1; fi
        sleep 1
    done
    log "ready after $(( $(date +%s) - started )) s"
}

# run_driver ARGS...: $HERE/bench.py with the options every driver takes, then the bench's own ARGS.
run_driver() {
    python3 "$HERE/bench.py" --base "http://127.0.0.1:$PORT" --work "$WORK" \
        --admin-password "$ADMIN_PASSWORD" --db-host "$DB_HOST" --db-port "$DB_PORT" --db-user "$DB_USER" \
        --db-name "$DB_NAME" --payara-version "$PAYARA_VERSION" --load-before "$LOAD_BEFORE" "$@"
}
