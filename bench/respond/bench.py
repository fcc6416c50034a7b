#!/usr/bin/env python3
"""Respondent benchmark driver (Python 3 standard library only).

Talks to a running NPS Loop over HTTP and to its PostgreSQL database through psql, and runs wrk with
respond.lua; run.sh builds and starts everything else around it. Phases: contacts and a campaign sent
to the development outbox, whose messages give the tokens; a warm-up of each endpoint; then, measured,
the bare endpoint, the score page, the answer capture (first answers), the capture again (changes),
and the bare endpoint again. See README.md.
"""

import argparse
import datetime as dt
import http.client
import json
import os
import platform
import re
import subprocess
import sys
import time
import urllib.parse

EMAIL_DOMAIN = "respond.bench.example"
FIRST_NAMES = ("Jeanne Louis Camille Hugo Léa Lucas Chloé Gabriel Manon Arthur Inès Jules Zoé Adam Emma Raphaël "
               "Alice Paul Sarah Nathan Olivia James Emily Oliver Sophie Jack Grace Henry Ruby George").split()
GOAL_RATIO = 0.60
GOAL_P99_MS = 25.0


def log(message):
    print(time.strftime("%H:%M:%S ") + message, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------------------------- HTTP

class Client:
    """One keep-alive HTTP connection (not shared between threads) with its cookies and headers."""

    def __init__(self, base, headers=None):
        url = urllib.parse.urlsplit(base)
        self.host, self.port = url.hostname, url.port or 80
        self.headers = dict(headers or {})
        self.cookies = {}
        self.conn = None

    def request(self, method, path, body=None, content_type=None, timeout=600):
        headers = dict(self.headers)
        headers["Accept"] = "application/json"
        if content_type:
            headers["Content-Type"] = content_type
        if self.cookies:
            headers["Cookie"] = "; ".join("%s=%s" % kv for kv in self.cookies.items())
        if isinstance(body, str):
            body = body.encode("utf-8")
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                data = response.read()
                break
            except (http.client.HTTPException, ConnectionError, OSError):
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                cookie = value.split(";", 1)[0]
                if "=" in cookie:
                    key, val = cookie.split("=", 1)
                    self.cookies[key.strip()] = val.strip()
        if response.getheader("Connection", "").lower() == "close":
            self.conn.close()
            self.conn = None
        return response.status, data, response

    def json(self, method, path, payload=None, expect=(200, 201, 202)):
        body = None if payload is None else (payload if isinstance(payload, (str, bytes)) else json.dumps(payload))
        status, data, _ = self.request(method, path, body, "application/json" if body is not None else None)
        if status not in expect:
            raise RuntimeError("%s %s -> %d: %s" % (method, path, status, data[:500].decode("utf-8", "replace")))
        return json.loads(data) if data else None

    def login(self, username, password):
        body = urllib.parse.urlencode({"j_username": username, "j_password": password})
        status, _, response = self.request("POST", "/j_security_check", body, "application/x-www-form-urlencoded")
        location = response.getheader("Location", "")
        if status not in (302, 303) or "failed" in location:
            raise RuntimeError("login of %s failed: %d %s" % (username, status, location))


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def cpu_seconds(pids):
    """User + system CPU time of these processes so far (0 for those gone)."""
    total = 0
    for pid in pids:
        try:
            with open("/proc/%d/stat" % pid) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (OSError, ValueError, IndexError):
            pass
    return total / os.sysconf("SC_CLK_TCK")


def backends(db_name):
    """The PostgreSQL server processes serving this database."""
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open("/proc/%s/cmdline" % entry, "rb") as f:
                    cmdline = f.read().replace(b"\0", b" ").decode("utf-8", "replace")
            except OSError:
                continue
            if cmdline.startswith("postgres: ") and (" %s " % db_name) in cmdline:
                pids.append(int(entry))
    return pids


class Psql:
    def __init__(self, host, port, user, db):
        self.base = ["psql", "-h", host, "-p", str(port), "-U", user, "-d", db, "-X", "-q", "-A", "-t",
                     "-v", "ON_ERROR_STOP=1"]

    def run(self, sql):
        out = subprocess.run(self.base + ["-c", sql], check=True, capture_output=True, text=True)
        return out.stdout.strip()


# ------------------------------------------------------------------------------------------ phases

class Bench:
    def __init__(self, args):
        self.args = args
        self.base = args.base.rstrip("/")
        self.db = Psql(args.db_host, args.db_port, args.db_user, args.db_name)
        self.rows = []  # (section, measure, value, note)
        self.results = {}

    def add(self, section, measure, value, note=""):
        self.rows.append((section, measure, value, note))
        log("%-8s %-44s %s %s" % (section, measure, value, note))

    def setup(self):
        """Contacts, a survey and a one-off campaign sent to the development outbox; returns (id, token) pairs."""
        args = self.args
        admin = Client(self.base)
        admin.login(args.admin_user, args.admin_password)
        key = admin.json("POST", "/api/api-keys", {"name": "respbench-%d" % time.time(), "role": "MARKETER"})
        api = Client(self.base, {"Authorization": "Bearer " + key["secret"]})
        start = time.perf_counter()
        list_id = api.json("POST", "/api/lists", {"name": "respbench %d" % time.time()})["id"]
        chunk = 10_000
        for first in range(0, args.invitations, chunk):
            rows = [{"email": "r%07d@%s" % (n, EMAIL_DOMAIN), "firstName": FIRST_NAMES[n % len(FIRST_NAMES)],
                     "lastName": "Bench", "language": "FR" if n % 2 else "EN"}
                    for n in range(first + 1, min(args.invitations, first + chunk) + 1)]
            result = api.json("POST", "/api/contacts/bulk", {"contacts": rows, "listId": list_id})
            if result.get("created", 0) + result.get("updated", 0) != len(rows):
                raise RuntimeError("bulk upsert answered %s for %d rows" % (result, len(rows)))
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
        java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.strip().splitlines()
        wrk = subprocess.run(["wrk", "-v"], capture_output=True, text=True)
        cpu = ""
        try:
            with open("/proc/cpuinfo") as f:
                cpu = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), "")
        except OSError:
            pass
        return [("nproc", str(os.cpu_count()) + (" (%s)" % cpu if cpu else "")),
                ("java", java[0] if java else "?"),
                ("postgresql", self.db.run("SELECT version()").split(" on ")[0] + "; fsync = " + self.db.run("SHOW fsync")
                 + ", synchronous_commit = " + self.db.run("SHOW synchronous_commit")
                 + ", autovacuum = " + self.db.run("SHOW autovacuum")),
                ("payara", self.args.payara_version),
                ("client", "%s, %d thread(s), %d connections, %d s a run; same machine as server and database"
                 % ((wrk.stdout + wrk.stderr).split(" [")[0], self.args.wrk_threads, self.args.connections, self.args.duration)),
                ("load average", "%s before Payara started (other work on the machine skews every figure)"
                 % self.args.load_before)]

    def report(self, started):
        width = max(len(r[1]) for r in self.rows) + 2
        vwidth = max(len(r[2]) for r in self.rows) + 2
        line = "=" * 110
        print()
        print(line)
        print("NPS Loop respondent benchmark  %s" % dt.datetime.now().strftime("%Y-%m-%d %H:%M"))
        print(line)
        for key, value in self.machine():
            print("%-13s %s" % (key, value))
        print(line)
        section = None
        for sec, measure, value, note in self.rows:
            if section is not None and sec != section:
                print("-" * 110)
            section = sec
            print("%-8s %-*s %-*s %s" % (sec, width, measure, vwidth, value, note))
        print(line)
        print("whole benchmark (setup, warm-up, runs, without build and start): %.0f s" % (time.time() - started))


def fmt_int(x):
    return "{:,}".format(int(round(x)))


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--base", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--here", required=True, help="the directory of respond.lua")
    p.add_argument("--admin-user", default="admin")
    p.add_argument("--admin-password", required=True)
    p.add_argument("--db-host", default="127.0.0.1")
    p.add_argument("--db-port", type=int, default=5432)
    p.add_argument("--db-user", default="postgres")
    p.add_argument("--db-name", required=True)
    p.add_argument("--invitations", type=int, default=30_000)
    p.add_argument("--connections", type=int, default=8)
    p.add_argument("--wrk-threads", type=int, default=2)
    p.add_argument("--duration", type=int, default=15, help="seconds of each measured run")
    p.add_argument("--warmup", type=int, default=15, help="seconds of each warm-up run")
    p.add_argument("--timeout", type=int, default=900, help="seconds the campaign may take")
    p.add_argument("--payara-version", default="?")
    p.add_argument("--load-before", default="?")
    p.add_argument("--payara-pid", type=int, required=True)
    args = p.parse_args()

    started = time.time()
    bench = Bench(args)
    bench.run()
    bench.report(started)
    sys.exit(0)


if __name__ == "__main__":
    main()
