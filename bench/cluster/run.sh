#!/usr/bin/env bash
# Multi-instance benchmark (issue 16 points 3 and 4): INSTANCES Payara Micro instances on one PostgreSQL
# database behind HAProxy (round-robin, no stickiness), a counting SMTP sink (sink.py); a campaign of
# MESSAGES while one instance is killed (SIGKILL) and restarted, respondents answering through the balancer
# all along, and an admin session through the balancer. Prints sent, unique, duplicates against the bound,
# answers posted against stored, admin errors, rates, and PostgreSQL writes per email and per answer.
# Usage: bench/cluster/run.sh            (see README.md for the settings)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

# shellcheck source=../lib/common.sh
. "$HERE/../lib/common.sh"

PORT="${PORT:-19080}"               # the balancer; instance N listens on PORT + N
SMTP_PORT="${SMTP_PORT:-3701}"
DB_NAME="${DB_NAME:-npsloop_cbench}"
INSTANCES="${INSTANCES:-3}"
MESSAGES="${MESSAGES:-50000}"
THREADS="${THREADS:-4}"             # sending threads per instance
LEASE="${LEASE:-120}"               # NPS_DISPATCH_LEASE_SECONDS (the default); 20 gave 41 duplicates, see README
KILL="${KILL:-1}"                   # 0: no instance is killed (the capacity runs)
ANSWERERS="${ANSWERERS:-4}"
ANSWER_DURING="${ANSWER_DURING:-1}" # 0: nobody answers while it sends (series.sh: clean CPU per email)
ADMIN="${ADMIN:-1}"                 # 0: no admin session (series.sh)
RESULT_FILE="${RESULT_FILE:-}"      # the run's figures as JSON (series.sh)
BROWSER="${BROWSER:-0}"             # 1: the admin clicks in Chromium (needs chromium and chromium-driver), not HTTP requests
bench_init cluster

# --- cluster options: THE one place to switch to the cluster helper's settings (Hazelcast session replication).
# Until the WAR is <distributable/> with explicit cluster settings, Payara Micro's own options join the
# instances into one Hazelcast cluster (TCP/IP discovery, ports 7900+N). CLUSTER=0 starts them unclustered.
CLUSTER="${CLUSTER:-1}"
STICKY="${STICKY:-0}"   # 1: HAProxy pins each session to an instance by a cookie (what Payara's HA sessions expect)
HZ_BASE="${HZ_BASE:-7900}"
cluster_options() {   # cluster_options N: the Payara Micro options of instance N
    if [[ "$CLUSTER" != "1" ]]; then echo "--nohazelcast"; return; fi
    local members="" i
    for i in $(seq 1 "$INSTANCES"); do members+="${members:+,}127.0.0.1:$((HZ_BASE + i))"; done
    echo "--clustermode tcpip:$members --clustername cbench-$DB_NAME --startport $((HZ_BASE + $1))"
}
# ---

require_tools psql python3 curl java
ports=("$PORT")
for i in $(seq 1 "$INSTANCES"); do ports+=("$((PORT + i))"); done
if [[ "$CLUSTER" == "1" ]]; then for i in $(seq 1 "$INSTANCES"); do ports+=("$((HZ_BASE + i))"); done; fi
require_free_ports "PORT=... / SMTP_PORT=... / HZ_BASE=..." "${ports[@]}" "$SMTP_PORT"

if ! command -v haproxy >/dev/null; then
    log "installing haproxy (Debian package)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y haproxy >/dev/null
fi

PIDS=()
stop_all() {
    local rc=$? pid
    set +e   # or "(exit $rc)" below would end the script before cleanup
    for pid in "${PIDS[@]}" $(cat "$WORK"/*.pid 2>/dev/null); do kill -KILL "$pid" 2>/dev/null || true; done
    if [[ $rc -ne 0 ]]; then for f in "$WORK"/payara-*.log; do [[ -f "$f" ]] && { log "$f:"; tail -n 20 "$f" >&2; }; done; fi
    (exit $rc); cleanup
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

build_war -pl nps-web -am package -DskipTests
payara_jar
recreate_database
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"

# The counting sink.
python3 "$HERE/sink.py" "$SMTP_PORT" "$WORK/sink.txt" 2>"$WORK/sink.log" &
SINK_PID=$!
PIDS+=("$SINK_PID")

# instance.sh N: starts (or restarts) instance N in the background; its pid in $WORK/instance-N.pid.
{ echo '#!/usr/bin/env bash'; for i in $(seq 1 "$INSTANCES"); do echo "opts[$i]='$(cluster_options "$i")'"; done; } >"$WORK/instance.sh"
cat >>"$WORK/instance.sh" <<SCRIPT
n=\$1
cd "$ROOT"
mkdir -p "$WORK/data-\$n"
env NPS_DB_URL="jdbc:postgresql://$DB_HOST:$DB_PORT/$DB_NAME" NPS_DB_USER="$DB_USER" NPS_DB_PASSWORD=x \\
    NPS_ADMIN_PASSWORD="$ADMIN_PASSWORD" NPS_DATA_DIR="$WORK/data-\$n" NPS_BASE_URL="http://127.0.0.1:$PORT/" \\
    NPS_SMTP_HOST=127.0.0.1 NPS_SMTP_PORT="$SMTP_PORT" NPS_SMTP_STARTTLS=false \\
    NPS_DISPATCH_RATE=0 NPS_DISPATCH_THREADS="$THREADS" NPS_DISPATCH_BATCH=100 NPS_DISPATCH_INTERVAL_MS=250 \\
    NPS_DISPATCH_LEASE_SECONDS="$LEASE" NPS_RESPOND_RATE_LIMIT=0 \\
    java $PAYARA_OPTS -jar "$ROOT/$JAR" --deploy "$ROOT/nps-web/target/ROOT.war" --port \$(( $PORT + n )) \\
    --name cbench-\$n \${opts[\$n]} \\
    >>"$WORK/payara-\$n.log" 2>&1 &
echo \$! >"$WORK/instance-\$n.pid"
SCRIPT
chmod +x "$WORK/instance.sh"

# The first instance alone creates the schema (Flyway), then the others.
"$WORK/instance.sh" 1
wait_instance() {
    local n=$1 started
    started=$(date +%s)
    until [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$((PORT + n))/health/ready" || true)" == "200" ]]; do
        kill -0 "$(cat "$WORK/instance-$n.pid")" 2>/dev/null || { echo "instance $n exited during start-up" >&2; exit 1; }
        (( $(date +%s) - started < 900 )) || { echo "instance $n not ready after 900 s" >&2; exit 1; }
        sleep 1
    done
    log "instance $n ready after $(( $(date +%s) - started )) s"
}
wait_instance 1
for i in $(seq 2 "$INSTANCES"); do "$WORK/instance.sh" "$i"; done
for i in $(seq 2 "$INSTANCES"); do wait_instance "$i"; done

# HAProxy: round-robin, no stickiness; a dead instance is taken out by its health check, and a request whose
# connection failed or got no answer is retried on another instance (retry-on; POSTs included).
{
    echo "global"; echo "    maxconn 4096"
    echo "defaults"; echo "    mode http"; echo "    timeout connect 2s"; echo "    timeout client 60s"
    echo "    timeout server 60s"; echo "    timeout check 5s"; echo "    retries 3"; echo "    option redispatch 1"
    echo "    retry-on conn-failure empty-response response-timeout"
    echo "frontend fe"; echo "    bind 127.0.0.1:$PORT"; echo "    default_backend nps"
    echo "backend nps"; echo "    balance roundrobin"; echo "    option httpchk GET /health/ready"
    if [[ "$STICKY" == "1" ]]; then echo "    cookie NPSNODE insert indirect nocache"; fi
    for i in $(seq 1 "$INSTANCES"); do
        echo "    server i$i 127.0.0.1:$((PORT + i)) check inter 1s fall 2 rise 1$([[ "$STICKY" == "1" ]] && echo " cookie i$i")"
    done
} >"$WORK/haproxy.cfg"
haproxy -f "$WORK/haproxy.cfg" -db >"$WORK/haproxy.log" 2>&1 &
HAPROXY_PID=$!
PIDS+=("$HAPROXY_PID")
# Until the balancer itself answers (its first health checks passed).
for _ in $(seq 1 120); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health/ready" || true)" == "200" ]] && break
    sleep 1
done

run_driver --instances "$INSTANCES" --messages "$MESSAGES" --threads "$THREADS" --kill "$KILL" \
    --answerers "$ANSWERERS" --sink-file "$WORK/sink.txt" --instance-script "$WORK/instance.sh" \
    --instance-port-base "$PORT" --answer-during "$ANSWER_DURING" --admin "$ADMIN" --browser "$BROWSER" \
    --sink-pid "$SINK_PID" --haproxy-pid "$HAPROXY_PID" ${RESULT_FILE:+--result-file "$RESULT_FILE"}
