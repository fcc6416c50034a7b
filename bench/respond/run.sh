#!/usr/bin/env bash
# Respondent benchmark: the score page (GET /r/<token>?score=N) and the answer capture (POST /r/<token>)
# of the real WAR on Payara Micro and PostgreSQL, driven by wrk at 8 connections, side by side in the
# same run with the bare endpoint POST /api/bench/bare (one primary-key read and one insert through
# JPA). Prints requests/s and p99 of each, the capture / bare ratio and a verdict against the goals
# (capture >= 60 % of the bare endpoint's rate, p99 <= 25 ms).
# Usage: bench/respond/run.sh            (see README.md for the settings)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

PORT="${PORT:-8350}"
DB_HOST="${DB_HOST:-127.0.0.1}"
DB_PORT="${DB_PORT:-5432}"
DB_USER="${DB_USER:-postgres}"
DB_NAME="${DB_NAME:-npsloop_respbench}"
ADMIN_PASSWORD="${ADMIN_PASSWORD:-bench-Secret-42}"
PAYARA_VERSION="${PAYARA_VERSION:-6.2025.10}"
INVITATIONS="${INVITATIONS:-30000}"
CONNECTIONS="${CONNECTIONS:-8}"
WRK_THREADS="${WRK_THREADS:-2}"
DURATION="${DURATION:-15}"
WARMUP="${WARMUP:-15}"
PAYARA_OPTS="${PAYARA_OPTS:-}"
KEEP_DB="${KEEP_DB:-0}"
SKIP_BUILD="${SKIP_BUILD:-0}"

PSQL=(psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -X -q -v ON_ERROR_STOP=1)
WORK="$(mktemp -d "${TMPDIR:-/tmp}/nps-respond-bench.XXXXXX")"
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
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    echo "port $PORT is already in use; set PORT=..." >&2
    rm -rf "$WORK"
    exit 1
fi
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# wrk (Debian package wrk), the HTTP load generator.
if ! command -v wrk >/dev/null; then
    [[ $(id -u) -eq 0 ]] || { echo "wrk is missing: apt-get install -y wrk (as root)" >&2; exit 1; }
    log "installing wrk"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null
fi

cd "$ROOT"
if [[ "$SKIP_BUILD" != "1" ]]; then
    log "building the WAR (./mvnw -pl nps-web -am package -DskipTests)"
    ./mvnw -q -B -pl nps-web -am package -DskipTests
fi
[[ -f nps-web/target/ROOT.war ]] || { echo "nps-web/target/ROOT.war is missing (build first)" >&2; exit 1; }

JAR="nps-web/target/payara-micro.jar"
if [[ ! -f "$JAR" ]]; then
    log "fetching Payara Micro $PAYARA_VERSION"
    ./mvnw -q -B -pl nps-web dependency:copy -Dartifact="fish.payara.extras:payara-micro:$PAYARA_VERSION" \
        -Dmdep.stripVersion=true -DoutputDirectory=target
fi

log "recreating database $DB_NAME"
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" >/dev/null
"${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB_NAME" >/dev/null
DB_CREATED=1

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
log "starting Payara Micro on port $PORT, mail to the development outbox (log: $WORK/payara.log)"
# No SMTP host: invitations go to the outbox table, where bench.py reads their tokens. No rate limit
# on /r/, no scanner flag by time since sending (the bench answers within seconds of sending), and
# the bare endpoint on.
# shellcheck disable=SC2086
NPS_DB_URL="jdbc:postgresql://$DB_HOST:$DB_PORT/$DB_NAME" NPS_DB_USER="$DB_USER" NPS_DB_PASSWORD=x \
NPS_ADMIN_PASSWORD="$ADMIN_PASSWORD" NPS_DATA_DIR="$WORK/data" NPS_BASE_URL="https://nps.acme.example/" \
NPS_DISPATCH_RATE=0 NPS_DISPATCH_THREADS=4 NPS_DISPATCH_INTERVAL_MS=250 \
NPS_RESPOND_RATE_LIMIT=0 NPS_RESPOND_BOT_SECONDS=0 NPS_BENCH_ENDPOINTS=true \
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

python3 "$HERE/bench.py" --base "http://127.0.0.1:$PORT" --work "$WORK" --here "$HERE" \
    --admin-password "$ADMIN_PASSWORD" --db-host "$DB_HOST" --db-port "$DB_PORT" --db-user "$DB_USER" \
    --db-name "$DB_NAME" --invitations "$INVITATIONS" --connections "$CONNECTIONS" --wrk-threads "$WRK_THREADS" \
    --duration "$DURATION" --warmup "$WARMUP" --payara-version "$PAYARA_VERSION" --load-before "$LOAD_BEFORE" \
    --payara-pid "$PAYARA_PID"
