#!/usr/bin/env bash
# Audience benchmark: 1,000,000 contacts with journey events on PostgreSQL, through the real WAR on
# Payara Micro. Prints import rate, event rate, segment count times and contact-table page times.
# Usage: bench/audience/run.sh            (see README.md for the settings)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

# shellcheck source=../lib/common.sh
. "$HERE/../lib/common.sh"

PORT="${PORT:-18080}"
DB_NAME="${DB_NAME:-npsloop_bench}"
CONTACTS="${CONTACTS:-1000000}"
FILE_ROWS="${FILE_ROWS:-100000}"
EVENT_BATCH="${EVENT_BATCH:-5000}"
EVENT_CLIENTS="${EVENT_CLIENTS:-3}"
EVENT_BUDGET="${EVENT_BUDGET:-600}"
EMULATE_AUTOVACUUM="${EMULATE_AUTOVACUUM:-auto}"
AUTO_EXPLAIN_MS="${AUTO_EXPLAIN_MS:-}"
DB_URL_PARAMS="${DB_URL_PARAMS:-}"
bench_init audience   # DB_HOST, DB_PORT, DB_USER, ADMIN_PASSWORD, PAYARA_VERSION, PAYARA_OPTS, KEEP_DB, SKIP_BUILD
JDBC_PARAMS="$DB_URL_PARAMS"

require_tools psql python3 curl java
if curl -s -o /dev/null "http://127.0.0.1:$PORT/" 2>/dev/null; then
    echo "port $PORT is already in use; set PORT=..." >&2
    rm -rf "$WORK"
    exit 1
fi
set_traps

build_war -o install -DskipTests

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

recreate_database
auto_explain "$AUTO_EXPLAIN_MS"

start_payara "starting Payara Micro on port $PORT (log: $WORK/payara.log)"
wait_ready

run_driver --contacts "$CONTACTS" --file-rows "$FILE_ROWS" --event-batch "$EVENT_BATCH" \
    --event-clients "$EVENT_CLIENTS" --event-budget "$EVENT_BUDGET" \
    --emulate-autovacuum "$EMULATE_AUTOVACUUM" --db-url-params "$DB_URL_PARAMS"
