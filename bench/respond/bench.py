#!/usr/bin/env python3
"""Respondent benchmark driver (Python 3 standard library only).

Talks to a running NPS Loop over HTTP and to its PostgreSQL database through psql, and runs wrk with
respond.lua; run.sh builds and starts everything else around it. Phases: contacts and a campaign sent
to the development outbox, whose messages give the tokens; a warm-up of each endpoint; then, measured,
the bare endpoint, the score page, the answer capture (first answers), the capture again (changes),
and the bare endpoint again. See README.md.
"""

import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from benchlib import Client, Psql, Table, api_key, arguments, backends, bulk_contacts, cpu_seconds, fmt_int, \
    java_version, load_note, log, nproc  # noqa: E402

EMAIL_DOMAIN = "respond.bench.example"
GOAL_RATIO = 0.60
GOAL_P99_MS = 25.0


# ------------------------------------------------------------------------------------------ phases

class Bench:
    def __init__(self, args):
        self.args = args
        self.base = args.base.rstrip("/")
        self.db = Psql(args.db_host, args.db_port, args.db_user, args.db_name)
        self.table = Table("%-8s %-44s %s %s")  # rows (section, measure, value, note)
        self.add = self.table.add
        self.results = {}

    def setup(self):
        """Contacts, a survey and a one-off campaign sent to the development outbox; returns (id, token) pairs."""
        args = self.args
        _, secret = api_key(self.base, args.admin_user, args.admin_password, "respbench")
        api = Client(self.base, {"Authorization": "Bearer " + secret})
        start = time.perf_counter()
        list_id = api.json("POST", "/api/lists", {"name": "respbench %d" % time.time()})["id"]
        bulk_contacts(api, list_id, "r%07d@" + EMAIL_DOMAIN, args.invitations)
        survey = api.json("POST", "/api/surveys", {
            "name": "Respondent benchmark", "brandName": "Acme Bench", "defaultLanguage": "EN", "senderName": "Acme",
            "senderEmail": "nps@acme.example", "postalAddress": "1 rue de la Paix, 75002 Paris",
            "reviewUrl": "https://reviews.example/acme"})["id"]
        campaign = api.json("POST", "/api/campaigns", {"name": "respbench", "surveyId": survey, "listId": list_id,
                                                       "fatigueDays": 0})["id"]
        api.json("POST", "/api/campaigns/%d/schedule" % campaign, "")
        deadline, last_log = time.perf_counter() + args.timeout, 0
        while True:
            status = api.json("GET", "/api/campaigns/%d" % campaign)["status"]
            if status == "DONE":
                break
            if status not in ("SCHEDULED", "SENDING"):
                raise RuntimeError("campaign %d is %s" % (campaign, status))
            now = time.perf_counter()
            if now > deadline:
                raise RuntimeError("campaign %d not done after %d s" % (campaign, args.timeout))
            if now - last_log > 5:
                p = api.json("GET", "/api/campaigns/%d/progress" % campaign)
                log("  campaign %d %s: %s sent of %s" % (campaign, status, fmt_int(p["sent"]), fmt_int(p["recipients"])))
                last_log = now
            time.sleep(0.25)
        # The tokens are stored hashed: the outbox copies of the mails hold them in their score links.
        out = self.db.run("SELECT invitation_id || ' ' || substring(text_body from '/r/([A-Za-z0-9_-]{22})[?]score=') "
                          "FROM outbox_message WHERE invitation_id IS NOT NULL ORDER BY invitation_id")
        pairs = [tuple(line.split(" ", 1)) for line in out.splitlines() if line.strip()]
        if len(pairs) != args.invitations or any(len(t) != 22 for _, t in pairs):
            raise RuntimeError("%d tokens read from the outbox for %d invitations" % (len(pairs), args.invitations))
        self.add("setup", "%s invitations sent to the outbox" % fmt_int(len(pairs)), "%.1f s" % (time.perf_counter() - start),
                 "contacts (bulk API), survey, one-off campaign, tokens read from outbox_message")
        return pairs

    def write(self, name, items):
        path = os.path.join(self.args.work, name)
        with open(path, "w") as f:
            f.write("\n".join(items) + "\n")
        return path

    def wrk(self, mode, path, seconds, score="9", limit=0):
        """Runs wrk with respond.lua; returns the RESULT fields and the CPU seconds of Payara and PostgreSQL."""
        args = self.args
        command = ["wrk", "-t", str(args.wrk_threads), "-c", str(args.connections), "-d", "%ds" % seconds,
                   "--timeout", "10s", "-s", os.path.join(args.here, "respond.lua"), self.base,
                   "--", mode, path, str(args.wrk_threads), score, str(limit)]
        pg = backends(args.db_name)
        cpu_before = (cpu_seconds([args.payara_pid]), cpu_seconds(pg))
        out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        pg = sorted(set(pg) | set(backends(args.db_name)))
        cpu = (cpu_seconds([args.payara_pid]) - cpu_before[0], cpu_seconds(pg) - cpu_before[1])
        line = next((l for l in out.splitlines() if l.startswith("RESULT ")), None)
        if line is None:
            raise RuntimeError("no RESULT from wrk: %s" % out)
        r = {k: float(v) for k, v in (kv.split("=", 1) for kv in line.split()[1:])}
        r["rate"] = r["requests"] / (r["duration_us"] / 1e6)
        r["cpu"] = cpu
        errors = sum(r[k] for k in ("status_errors", "connect_errors", "read_errors", "write_errors", "timeouts"))
        if errors:
            raise RuntimeError("%s: %d errors in wrk's run: %s" % (mode, errors, line))
        return r

    def measured(self, key, section, measure, result, note=""):
        self.results[key] = result
        cpu_us = (result["cpu"][0] + result["cpu"][1]) / result["requests"] * 1e6
        self.add(section, measure, "%s req/s" % fmt_int(result["rate"]),
                 "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; %s requests in %.1f s; CPU %.0f us/req "
                 "(Payara %.0f, PostgreSQL %.0f)%s"
                 % (result["p50_us"] / 1e3, result["p90_us"] / 1e3, result["p99_us"] / 1e3, result["max_us"] / 1e3,
                    fmt_int(result["requests"]), result["duration_us"] / 1e6, cpu_us,
                    result["cpu"][0] / result["requests"] * 1e6, result["cpu"][1] / result["requests"] * 1e6,
                    ("; " + note) if note else ""))

    def counts(self):
        responses, flagged, changes = self.db.run(
            "SELECT (SELECT count(*) FROM response), (SELECT count(*) FROM response WHERE flagged), "
            "(SELECT count(*) FROM response_change)").split("|")
        return int(responses), int(flagged), int(changes)

    def run(self):
        args = self.args
        pairs = self.setup()
        ids = self.write("ids", [i for i, _ in pairs])
        # Warm-up answers and measured answers never share an invitation: each measured POST is a first answer.
        split = len(pairs) // 5
        warm_tokens = self.write("tokens-warm", [t for _, t in pairs[:split]])
        tokens = self.write("tokens", [t for _, t in pairs[split:]])

        log("warm-up: %d s each of the bare endpoint, the score page and the capture (not measured)" % args.warmup)
        warm = [self.wrk("bare", ids, args.warmup), self.wrk("get", warm_tokens, args.warmup, "9"),
                self.wrk("post", warm_tokens, args.warmup, "9")]
        self.add("setup", "warm-up (%d s of each endpoint)" % args.warmup, "%s requests" % fmt_int(sum(w["requests"] for w in warm)),
                 "bare, GET and POST on the first %s invitations" % fmt_int(split))
        before = self.counts()

        c, d = args.connections, args.duration
        self.measured("bare1", "bare", "POST /api/bench/bare (1st run)", self.wrk("bare", ids, d),
                      "one em.find(Invitation) + one em.persist")
        self.measured("get", "page", "GET /r/<token>?score=9", self.wrk("get", tokens, d, "9"),
                      "a different invitation each")
        first = self.wrk("post", tokens, d, "9")
        after_first = self.counts()
        self.measured("post", "capture", "POST /r/<token> (first answers)", first,
                      "%s new responses, %d flagged" % (fmt_int(after_first[0] - before[0]), after_first[1] - before[1]))
        # Changes: the same invitations again, in the same order, fewer requests than the first pass.
        limit = int(first["requests"] / args.wrk_threads * 0.9)
        changes = self.wrk("post", tokens, d, "3", limit)
        after_changes = self.counts()
        self.measured("change", "capture", "POST /r/<token> (changes: score 9 -> 3)", changes,
                      "%s new responses, %s new changes" % (fmt_int(after_changes[0] - after_first[0]),
                                                           fmt_int(after_changes[2] - after_first[2])))
        self.measured("bare2", "bare", "POST /api/bench/bare (2nd run)", self.wrk("bare", ids, d))
        if after_first[0] - before[0] < first["requests"] - c:
            raise RuntimeError("only %d responses for %d first answers" % (after_first[0] - before[0], first["requests"]))

        deleted = int(self.db.run("WITH d AS (DELETE FROM mailing_list WHERE name LIKE 'bench-bare-%' RETURNING 1) "
                                  "SELECT count(*) FROM d"))
        self.add("setup", "clean-up: bench-bare-* mailing lists deleted", fmt_int(deleted),
                 "one per bare request, warm-up included")

        # The goal against the faster bare run (the first one is often still warming up), the mean for context.
        bare_runs = (self.results["bare1"]["rate"], self.results["bare2"]["rate"])
        bare, mean = max(bare_runs), sum(bare_runs) / 2
        capture = self.results["post"]
        ratio = capture["rate"] / bare
        self.add("verdict", "capture / bare (faster bare run)", "%.0f %%" % (ratio * 100),
                 "%s / %s req/s; goal >= %d %%: %s" % (fmt_int(capture["rate"]), fmt_int(bare), GOAL_RATIO * 100,
                                                       "MET" if ratio >= GOAL_RATIO else "MISSED"))
        self.add("verdict", "capture / bare (mean of both runs)", "%.0f %%" % (capture["rate"] / mean * 100),
                 "%s / %s req/s (context)" % (fmt_int(capture["rate"]), fmt_int(mean)))
        for key, name in (("post", "capture p99 (first answers)"), ("change", "capture p99 (changes)"), ("get", "score page p99")):
            p99 = self.results[key]["p99_us"] / 1e3
            self.add("verdict", name, "%.1f ms" % p99,
                     "goal <= %.0f ms: %s" % (GOAL_P99_MS, "MET" if p99 <= GOAL_P99_MS else "MISSED"))

    def machine(self):
        java = java_version()
        wrk = subprocess.run(["wrk", "-v"], capture_output=True, text=True)
        return [("nproc", nproc()),
                ("java", java[0] if java else "?"),
                ("postgresql", self.db.run("SELECT version()").split(" on ")[0] + "; fsync = " + self.db.run("SHOW fsync")
                 + ", synchronous_commit = " + self.db.run("SHOW synchronous_commit")
                 + ", autovacuum = " + self.db.run("SHOW autovacuum")),
                ("payara", self.args.payara_version),
                ("client", "%s, %d thread(s), %d connections, %d s a run; same machine as server and database"
                 % ((wrk.stdout + wrk.stderr).split(" [")[0], self.args.wrk_threads, self.args.connections, self.args.duration)),
                ("load average", load_note(self.args.load_before))]

    def report(self, started):
        self.table.print("NPS Loop respondent benchmark", self.machine,
                         "whole benchmark (setup, warm-up, runs, without build and start): %.0f s", started)


def main():
    p = arguments(__doc__, here="the directory of respond.lua")
    p.add_argument("--invitations", type=int, default=30_000)
    p.add_argument("--connections", type=int, default=8)
    p.add_argument("--wrk-threads", type=int, default=2)
    p.add_argument("--duration", type=int, default=15, help="seconds of each measured run")
    p.add_argument("--warmup", type=int, default=15, help="seconds of each warm-up run")
    p.add_argument("--timeout", type=int, default=900, help="seconds the campaign may take")
    p.add_argument("--payara-pid", type=int, required=True)
    args = p.parse_args()

    started = time.time()
    bench = Bench(args)
    bench.run()
    bench.report(started)
    sys.exit(0)


if __name__ == "__main__":
    main()
