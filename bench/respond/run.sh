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

# shellcheck source=../lib/common.sh
. "$HERE/../lib/common.sh"

PORT="${PORT:-8350}"
DB_NAME="${DB_NAME:-npsloop_respbench}"
INVITATIONS="${INVITATIONS:-30000}"
CONNECTIONS="${CONNECTIONS:-8}"
WRK_THREADS="${WRK_THREADS:-2}"
DURATION="${DURATION:-15}"
WARMUP="${WARMUP:-15}"
bench_init respond   # DB_HOST, DB_PORT, DB_USER, ADMIN_PASSWORD, PAYARA_VERSION, PAYARA_OPTS, KEEP_DB, SKIP_BUILD

require_tools psql python3 curl java
require_free_ports "PORT=..." "$PORT"
set_traps

# wrk (Debian package wrk), the HTTP load generator.
if ! command -v wrk >/dev/null; then
    [[ $(id -u) -eq 0 ]] || { echo "wrk is missing: apt-get install -y wrk (as root)" >&2; exit 1; }
    log "installing wrk"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null
fi

build_war -pl nps-web -am package -DskipTests
payara_jar
recreate_database

# No SMTP host: invitations go to the outbox table, where bench.py reads their tokens. No rate limit
# on /r/, no scanner flag by time since sending (the bench answers within seconds of sending), and
# the bare endpoint on.
start_payara "starting Payara Micro on port $PORT, mail to the development outbox (log: $WORK/payara.log)" \
    NPS_BASE_URL="https://nps.acme.example/" \
    NPS_DISPATCH_RATE=0 NPS_DISPATCH_THREADS=4 NPS_DISPATCH_INTERVAL_MS=250 \
    NPS_RESPOND_RATE_LIMIT=0 NPS_RESPOND_BOT_SECONDS=0 NPS_BENCH_ENDPOINTS=true
wait_ready

run_driver --here "$HERE" --invitations "$INVITATIONS" --connections "$CONNECTIONS" --wrk-threads "$WRK_THREADS" \
    --duration "$DURATION" --warmup "$WARMUP" --payara-pid "$PAYARA_PID"
