#!/usr/bin/env bash
# Sending benchmark: 100,000 invitations through the real WAR on Payara Micro and PostgreSQL to
# Postfix's smtp-sink, then, in the same run, a bare Angus Mail loop against the same sink. Prints
# both rates in emails/s, their ratio and a verdict against the goals (>= 2,000/s, >= 70 %).
# Usage: bench/sending/run.sh            (see README.md for the settings)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

PORT="${PORT:-8250}"
SMTP_PORT="${SMTP_PORT:-3250}"
DB_HOST="${DB_HOST:-127.0.0.1}"
DB_PORT="${DB_PORT:-5432}"
DB_USER="${DB_USER:-postgres}"
DB_NAME="${DB_NAME:-npsloop_sendbench}"
ADMIN_PASSWORD="${ADMIN_PASSWORD:-bench-Secret-42}"
PAYARA_VERSION="${PAYARA_VERSION:-6.2025.10}"
ANGUS_MAIL_VERSION="${ANGUS_MAIL_VERSION:-2.0.5}"
MESSAGES="${MESSAGES:-100000}"
WARMUP="${WARMUP:-2000}"
THREADS="${THREADS:-8}"
BATCH="${BATCH:-100}"
CEILING="${CEILING:-20000}"
PAYARA_OPTS="${PAYARA_OPTS:-}"
SINK_USER="${SINK_USER:-nobody}"
KEEP_DB="${KEEP_DB:-0}"
SKIP_BUILD="${SKIP_BUILD:-0}"

PSQL=(psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -X -q -v ON_ERROR_STOP=1)
WORK="$(mktemp -d "${TMPDIR:-/tmp}/nps-sending-bench.XXXXXX")"
chmod 711 "$WORK"   # smtp-sink runs as $SINK_USER and writes the warm-up's messages below it
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
for port in "$PORT" "$SMTP_PORT"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "port $port is already in use; set PORT=... / SMTP_PORT=..." >&2
        rm -rf "$WORK"
        exit 1
    fi
done
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Postfix's smtp-sink and smtp-source (Debian package postfix), without a Postfix daemon on port 25.
"$HERE/install-smtp-sink.sh"
SMTP_SINK="$(command -v smtp-sink || echo /usr/sbin/smtp-sink)"
SMTP_SOURCE="$(command -v smtp-source || echo /usr/sbin/smtp-source)"

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

# The bare loop runs with the Jakarta Mail implementation Payara Micro ships (Angus Mail 2.0.5).
mkdir -p "$WORK/lib"
for artifact in "org.eclipse.angus:angus-mail:$ANGUS_MAIL_VERSION" "jakarta.mail:jakarta.mail-api:2.1.5" \
        "jakarta.activation:jakarta.activation-api:2.1.4" "org.eclipse.angus:angus-activation:2.0.3"; do
    ./mvnw -q -B -pl nps-web dependency:copy -Dartifact="$artifact" -DoutputDirectory="$WORK/lib"
done
BARE_CP="$(ls "$WORK"/lib/*.jar | paste -sd:)"

log "recreating database $DB_NAME"
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" >/dev/null
"${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB_NAME" >/dev/null
DB_CREATED=1

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
log "starting Payara Micro on port $PORT, SMTP to 127.0.0.1:$SMTP_PORT, $THREADS sending thread(s) (log: $WORK/payara.log)"
# shellcheck disable=SC2086
NPS_DB_URL="jdbc:postgresql://$DB_HOST:$DB_PORT/$DB_NAME" NPS_DB_USER="$DB_USER" NPS_DB_PASSWORD=x \
NPS_ADMIN_PASSWORD="$ADMIN_PASSWORD" NPS_DATA_DIR="$WORK/data" NPS_BASE_URL="https://nps.acme.example/" \
NPS_SMTP_HOST=127.0.0.1 NPS_SMTP_PORT="$SMTP_PORT" NPS_SMTP_STARTTLS=false \
NPS_DISPATCH_RATE=0 NPS_DISPATCH_THREADS="$THREADS" NPS_DISPATCH_BATCH="$BATCH" NPS_DISPATCH_INTERVAL_MS=250 \
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
    --db-name "$DB_NAME" --messages "$MESSAGES" --warmup "$WARMUP" --threads "$THREADS" \
    --smtp-port "$SMTP_PORT" --smtp-sink "$SMTP_SINK" --smtp-source "$SMTP_SOURCE" --sink-user "$SINK_USER" \
    --ceiling "$CEILING" --bare-classpath "$BARE_CP" --payara-version "$PAYARA_VERSION" --load-before "$LOAD_BEFORE" \
    --payara-pid "$PAYARA_PID"
