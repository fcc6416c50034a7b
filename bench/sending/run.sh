#!/usr/bin/env bash
# Sending benchmark: 100,000 invitations through the real WAR on Payara Micro and PostgreSQL to
# Postfix's smtp-sink, then, in the same run, a bare Angus Mail loop against the same sink. Prints
# both rates in emails/s, their ratio and a verdict against the goals (>= 2,000/s, >= 60 %).
# Usage: bench/sending/run.sh            (see README.md for the settings)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

# shellcheck source=../lib/common.sh
. "$HERE/../lib/common.sh"

PORT="${PORT:-8250}"
SMTP_PORT="${SMTP_PORT:-3250}"
DB_NAME="${DB_NAME:-npsloop_sendbench}"
ANGUS_MAIL_VERSION="${ANGUS_MAIL_VERSION:-2.0.5}"
MESSAGES="${MESSAGES:-100000}"
WARMUP="${WARMUP:-2000}"
THREADS="${THREADS:-8}"
BATCH="${BATCH:-100}"
CEILING="${CEILING:-20000}"
SINK_USER="${SINK_USER:-nobody}"
bench_init sending   # DB_HOST, DB_PORT, DB_USER, ADMIN_PASSWORD, PAYARA_VERSION, PAYARA_OPTS, KEEP_DB, SKIP_BUILD
chmod 711 "$WORK"   # smtp-sink runs as $SINK_USER and writes the warm-up's messages below it

require_tools psql python3 curl java
require_free_ports "PORT=... / SMTP_PORT=..." "$PORT" "$SMTP_PORT"
set_traps

# Postfix's smtp-sink and smtp-source (Debian package postfix), without a Postfix daemon on port 25.
"$HERE/install-smtp-sink.sh"
SMTP_SINK="$(command -v smtp-sink || echo /usr/sbin/smtp-sink)"
SMTP_SOURCE="$(command -v smtp-source || echo /usr/sbin/smtp-source)"

build_war -pl nps-web -am package -DskipTests
payara_jar

# The bare loop runs with the Jakarta Mail implementation Payara Micro ships (Angus Mail 2.0.5).
mkdir -p "$WORK/lib"
for artifact in "org.eclipse.angus:angus-mail:$ANGUS_MAIL_VERSION" "jakarta.mail:jakarta.mail-api:2.1.5" \
        "jakarta.activation:jakarta.activation-api:2.1.4" "org.eclipse.angus:angus-activation:2.0.3"; do
    ./mvnw -q -B -pl nps-web dependency:copy -Dartifact="$artifact" -DoutputDirectory="$WORK/lib"
done
BARE_CP="$(ls "$WORK"/lib/*.jar | paste -sd:)"

recreate_database

start_payara "starting Payara Micro on port $PORT, SMTP to 127.0.0.1:$SMTP_PORT, $THREADS sending thread(s) (log: $WORK/payara.log)" \
    NPS_BASE_URL="https://nps.acme.example/" \
    NPS_SMTP_HOST=127.0.0.1 NPS_SMTP_PORT="$SMTP_PORT" NPS_SMTP_STARTTLS=false \
    NPS_DISPATCH_RATE=0 NPS_DISPATCH_THREADS="$THREADS" NPS_DISPATCH_BATCH="$BATCH" NPS_DISPATCH_INTERVAL_MS=250
wait_ready

run_driver --here "$HERE" --messages "$MESSAGES" --warmup "$WARMUP" --threads "$THREADS" \
    --smtp-port "$SMTP_PORT" --smtp-sink "$SMTP_SINK" --smtp-source "$SMTP_SOURCE" --sink-user "$SINK_USER" \
    --ceiling "$CEILING" --bare-classpath "$BARE_CP" --payara-pid "$PAYARA_PID"
