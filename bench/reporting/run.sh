#!/usr/bin/env bash
# Reporting benchmark: 1,000,000 responses over 2 years on PostgreSQL; the dashboard (segment filter, monthly
# trend) through the real WAR on Payara Micro against the same figures by hand-written SQL, timed in the same run.
# Usage: bench/reporting/run.sh            (see README.md for the settings)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

# shellcheck source=../lib/common.sh
. "$HERE/../lib/common.sh"

PORT="${PORT:-18080}"
DB_NAME="${DB_NAME:-npsloop_reportbench}"
RESPONSES="${RESPONSES:-1000000}"
CONTACTS="${CONTACTS:-200000}"
RUNS="${RUNS:-30}"
WARMUP="${WARMUP:-10}"
AUTO_EXPLAIN_MS="${AUTO_EXPLAIN_MS:-}"
bench_init report   # DB_HOST, DB_PORT, DB_USER, ADMIN_PASSWORD, PAYARA_VERSION, PAYARA_OPTS, KEEP_DB, SKIP_BUILD

require_tools psql python3 curl java
require_free_ports "PORT=..." "$PORT"
set_traps

build_war -pl nps-web -am package -DskipTests
payara_jar
recreate_database
auto_explain "$AUTO_EXPLAIN_MS"
# The background workers that react to new responses (theme matching, follow-ups, webhook scan) would work
# through the million generated ones during the timed runs: off (the dashboard reads none of their tables).
# The rollups are read (off by default until they beat the live query): the run times them, (g) against (h).
start_payara "starting Payara Micro on port $PORT, theme, follow-up and webhook workers off (log: $WORK/payara.log)" \
    NPS_THEMES_WORKER=false NPS_FOLLOW_UP_WORKER=false NPS_WEBHOOK_WORKER=false NPS_REPORT_ROLLUPS_READ=true
wait_ready

# DRILL_DOWN=0: no touchpoint ratings nor choices (a 10,000,000-answer run would take hours to generate and time them).
run_driver --here "$HERE" --responses "$RESPONSES" --contacts "$CONTACTS" --runs "$RUNS" --warmup "$WARMUP" \
    $([ "${DRILL_DOWN:-1}" = 0 ] && echo --no-drilldown)
