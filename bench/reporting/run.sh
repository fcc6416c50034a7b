#!/usr/bin/env bash
# Reporting benchmark: 1,000,000 responses over 2 years on PostgreSQL; the dashboard (segment filter, monthly
# trend) through the real WAR on Payara Micro against one hand-written GROUP BY, timed in the same run.
# Usage: bench/reporting/run.sh            (see README.md for the settings)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

PORT="${PORT:-18080}"
DB_HOST="${DB_HOST:-127.0.0.1}"
DB_PORT="${DB_PORT:-5432}"
DB_USER="${DB_USER:-postgres}"
DB_NAME="${DB_NAME:-npsloop_reportbench}"
ADMIN_PASSWORD="${ADMIN_PASSWORD:-bench-Secret-42}"
PAYARA_VERSION="${PAYARA_VERSION:-6.2025.10}"
RESPONSES="${RESPONSES:-1000000}"
CONTACTS="${CONTACTS:-200000}"
RUNS="${RUNS:-30}"
WARMUP="${WARMUP:-10}"
PAYARA_OPTS="${PAYARA_OPTS:-}"
AUTO_EXPLAIN_MS="${AUTO_EXPLAIN_MS:-}"
KEEP_DB="${KEEP_DB:-0}"
SKIP_BUILD="${SKIP_BUILD:-0}"

PSQL=(psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -X -q -v ON_ERROR_STOP=1)
WORK="$(mktemp -d "${TMPDIR:-/tmp}/nps-report-bench.XXXXXX")"
PAYARA_PID=""
DB_CREATED=0
BEGAN=$(date +%s)

log() { echo "$(date +%H:%M:%S) $*" >&2; }

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
for tool in psql python3 curl java; do
    command -v "$tool" >/dev/null || { echo "$tool is required" >&2; rm -rf "$WORK"; exit 1; }
done
if curl -s -o /dev/null "http://127.0.0.1:$PORT/" 2>/dev/null; then
    echo "port $PORT is already in use; set PORT=..." >&2
    rm -rf "$WORK"
    exit 1
fi
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

cd "$ROOT"
if [[ "$SKIP_BUILD" != "1" ]]; then
    log "building the WAR (./mvnw -o install -DskipTests)"
    ./mvnw -q -B -o install -DskipTests
fi
[[ -f nps-web/target/ROOT.war ]] || { echo "nps-web/target/ROOT.war is missing (build first)" >&2; exit 1; }

JAR="nps-web/target/payara-micro-$PAYARA_VERSION.jar"
if [[ ! -f "$JAR" ]]; then
    if [[ -f nps-web/target/payara-micro.jar ]]; then
        JAR=nps-web/target/payara-micro.jar
    else
        log "fetching Payara Micro $PAYARA_VERSION"
        ./mvnw -q -B -o -pl nps-web dependency:copy -Dartifact="fish.payara.extras:payara-micro:$PAYARA_VERSION" \
            -DoutputDirectory=target
    fi
fi

log "recreating database $DB_NAME"
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" >/dev/null
"${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB_NAME" >/dev/null
DB_CREATED=1
if [[ -n "$AUTO_EXPLAIN_MS" ]]; then
    # Diagnosis: the plan of every statement of the app slower than this goes to the PostgreSQL server log.
    "${PSQL[@]}" -d postgres -c "ALTER DATABASE $DB_NAME SET session_preload_libraries = 'auto_explain'" \
        -c "ALTER DATABASE $DB_NAME SET auto_explain.log_min_duration = '${AUTO_EXPLAIN_MS}ms'" >/dev/null
    log "auto_explain: plans of statements slower than $AUTO_EXPLAIN_MS ms go to the PostgreSQL server log"
fi

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
log "starting Payara Micro on port $PORT (log: $WORK/payara.log)"
# shellcheck disable=SC2086
NPS_DB_URL="jdbc:postgresql://$DB_HOST:$DB_PORT/$DB_NAME" NPS_DB_USER="$DB_USER" NPS_DB_PASSWORD=x \
NPS_ADMIN_PASSWORD="$ADMIN_PASSWORD" NPS_DATA_DIR="$WORK/data" \
    java $PAYARA_OPTS -jar "$JAR" --deploy nps-web/target/ROOT.war --port "$PORT" --nohazelcast \
    >"$WORK/payara.log" 2>&1 &
PAYARA_PID=$!

STARTED=$(date +%s)
until [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health/ready" || true)" == "200" ]]; do
    kill -0 "$PAYARA_PID" 2>/dev/null || { echo "Payara Micro exited during start-up" >&2; exit 1; }
    if (( $(date +%s) - STARTED > 300 )); then echo "not ready after 300 s" >&2; exit 1; fi
    sleep 1
done
log "ready after $(( $(date +%s) - STARTED )) s"

python3 "$HERE/bench.py" --base "http://127.0.0.1:$PORT" --admin-password "$ADMIN_PASSWORD" \
    --db-host "$DB_HOST" --db-port "$DB_PORT" --db-user "$DB_USER" --db-name "$DB_NAME" \
    --responses "$RESPONSES" --contacts "$CONTACTS" --runs "$RUNS" --warmup "$WARMUP" --load-before "$LOAD_BEFORE"
