#!/usr/bin/env bash
# Capacity series (issue 16 point 4): run.sh with 1, 2, then 3 instances (no kill, no admin session, nobody
# answering while it sends, so the sending window holds only sending and the answer phase only answers), one
# after the other, then their figures side by side: emails/s, answers/s, CPU per email and per answer (Payara,
# PostgreSQL), PostgreSQL WAL, commits and rows per email and per answer, and the load average before each run.
# Usage: bench/cluster/series.sh   (SERIES="1 2 3", MESSAGES=20000, ANSWERERS=8; other settings as run.sh's)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SERIES="${SERIES:-1 2 3}"
OUT="$(mktemp -d "${TMPDIR:-/tmp}/nps-cluster-series.XXXXXX")"
trap 'rm -rf "$OUT"' EXIT

results=()
for n in $SERIES; do
    echo "$(date +%H:%M:%S) series: $n instance(s); uptime: $(uptime)" >&2
    INSTANCES="$n" KILL=0 ADMIN=0 ANSWER_DURING=0 MESSAGES="${MESSAGES:-20000}" ANSWERERS="${ANSWERERS:-8}" \
        RESULT_FILE="$OUT/run-$n.json" "$HERE/run.sh" >"$OUT/run-$n.txt" || { cat "$OUT/run-$n.txt"; exit 1; }
    cat "$OUT/run-$n.txt"
    results+=("$OUT/run-$n.json")
    export SKIP_BUILD=1   # one build is enough
done

python3 - "${results[@]}" <<'PY'
import json, sys, time
runs = [json.load(open(p)) for p in sys.argv[1:]]
def n(x, d=0): return "{:,.{}f}".format(x, d)
def machine(key):  # how much of the 2 cores other work took: the figures above are only comparable at equal shares
    return lambda r: ("%.0f %% / %.0f %%" % (100 * r[key]["machine_busy"] / r[key]["machine_all"], 100 * r[key]["ours"] / r[key]["machine_all"])
                      if "machine_busy" in r[key] else "?")
rows = [
    ("load average before the run (1, 5, 15 min)", lambda r: r["load_before"].replace(" ", " / ")),
    ("invitations SENT / missing / duplicates", lambda r: "%s / %d / %d" % (n(r["sent"]), r["missing"], r["duplicates"])),
    ("emails/s (first to last sent_at)", lambda r: n(r["emails_s"])),
    ("CPU per email, Payara (all instances)", lambda r: n(r["email_cpu_us"]["payara"]) + " us"),
    ("CPU per email, PostgreSQL backends", lambda r: n(r["email_cpu_us"]["postgresql"]) + " us"),
    ("CPU per email, sink + HAProxy + driver", lambda r: n(r["email_cpu_us"]["helpers"]) + " us"),
    ("PostgreSQL per email: WAL / commits / rows", lambda r: "%s B / %.2f / %.2f" % (n(r["email_wal"]), r["email_commits"], r["email_rows"])),
    ("machine CPU busy, sending: all / ours", machine("email_cpu_us")),
    ("answers/s (%s respondents, through HAProxy)" % runs[0]["answerers"], lambda r: n(r["answers_s"])),
    ("answered / stored (lost)", lambda r: "%s / %s (%d)" % (n(r["answered"]), n(r["stored"]), max(0, r["answered"] - r["stored"]))),
    ("CPU per answer, Payara (all instances)", lambda r: n(r["answer_cpu_us"]["payara"]) + " us"),
    ("CPU per answer, PostgreSQL backends", lambda r: n(r["answer_cpu_us"]["postgresql"]) + " us"),
    ("CPU per answer, sink + HAProxy + driver", lambda r: n(r["answer_cpu_us"]["helpers"]) + " us"),
    ("PostgreSQL per answer: WAL / commits / rows", lambda r: "%s B / %.2f / %.2f" % (n(r["answer_wal"]), r["answer_commits"], r["answer_rows"])),
    ("machine CPU busy, answers: all / ours", machine("answer_cpu_us")),
]
line = "=" * 120
print(); print(line)
print("NPS Loop capacity series (bench/cluster/series.sh)  %s  %s mails per run, %d sending threads per instance"
      % (time.strftime("%Y-%m-%d %H:%M"), n(runs[0]["messages"]), runs[0]["threads"]))
print(line)
print("%-50s" % "" + "".join("%-24s" % ("%d instance(s)" % r["instances"]) for r in runs))
for label, f in rows:
    print("%-50s" % label + "".join("%-24s" % f(r) for r in runs))
print(line)
print("WAL is server-wide (other databases on the server write too); CPU of PostgreSQL counts this database's backends only.")
sys.exit(0 if all(r["verdict"] for r in runs) else 1)
PY
