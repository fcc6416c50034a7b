#!/usr/bin/env bash
# Sign-in timing benchmark: does the time of a failed sign-in tell whether the account exists? Starts the
# real WAR on Payara Micro and PostgreSQL, then times POST /j_security_check side by side for an unknown
# user, a wrong password of an existing user and a disabled user (and, as a reference, the right password),
# interleaved, ATTEMPTS times each. Prints the median and p90 of each and a verdict against the goal: the
# three failure medians within 20 % of each other.
# Usage: bench/login/run.sh            (see README.md for the settings)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

# shellcheck source=../lib/common.sh
. "$HERE/../lib/common.sh"

PORT="${PORT:-8352}"
DB_NAME="${DB_NAME:-npsloop_loginbench}"
ATTEMPTS="${ATTEMPTS:-50}"
WARMUP="${WARMUP:-10}"
bench_init login   # DB_HOST, DB_PORT, DB_USER, ADMIN_PASSWORD, PAYARA_VERSION, PAYARA_OPTS, KEEP_DB, SKIP_BUILD

require_tools psql python3 curl java
require_free_ports "PORT=..." "$PORT"
set_traps

build_war -pl nps-web -am package -DskipTests
payara_jar
recreate_database

# Thresholds out of reach: every attempt is checked and counted as in production, but none is locked (a
# locked answer skips the password check and would be faster, whatever the account).
start_payara "starting Payara Micro on port $PORT (log: $WORK/payara.log)" \
    NPS_LOGIN_ACCOUNT_MAX_FAILURES=1000000 NPS_LOGIN_ADDRESS_MAX_FAILURES=1000000
wait_ready

run_driver --attempts "$ATTEMPTS" --warmup "$WARMUP"
