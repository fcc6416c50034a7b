#!/usr/bin/env python3
"""Reporting benchmark driver (Python 3 standard library only).

Talks to a running NPS Loop over HTTP and to its PostgreSQL database through psql; run.sh builds and
starts everything around it. Phases: generate 1,000,000 responses over 2 years by SQL (generate.sql),
create the segment "plan = pro" through the API, check that the dashboard's figures equal the
hand-written query's, then time both side by side. See README.md.
"""

import argparse
import datetime as dt
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.parse
import zoneinfo

GOAL_MS = 300.0
GOAL_RATIO = 1.5
HERE = os.path.dirname(os.path.abspath(__file__))


def log(message):
    print(time.strftime("%H:%M:%S ") + message, file=sys.stderr, flush=True)


class Client:
    """One keep-alive HTTP connection with its cookies and headers."""

    def __init__(self, base, headers=None):
        url = urllib.parse.urlsplit(base)
        self.host, self.port = url.hostname, url.port or 80
        self.headers = dict(headers or {})
        self.cookies = {}
        self.conn = None

    def request(self, method, path, body=None, content_type=None):
        headers = dict(self.headers)
        headers["Accept"] = "application/json"
        if content_type:
            headers["Content-Type"] = content_type
        if self.cookies:
            headers["Cookie"] = "; ".join("%s=%s" % kv for kv in self.cookies.items())
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=600)
        self.conn.request(method, path, body=body.encode("utf-8") if isinstance(body, str) else body, headers=headers)
        response = self.conn.getresponse()
        data = response.read()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie" and "=" in value.split(";", 1)[0]:
                key, val = value.split(";", 1)[0].split("=", 1)
                self.cookies[key.strip()] = val.strip()
        return response.status, data, response

    def json(self, method, path, payload=None):
        body = None if payload is None else json.dumps(payload)
        status, data, _ = self.request(method, path, body, "application/json" if body is not None else None)
        if status not in (200, 201):
            raise RuntimeError("%s %s answered %d: %s" % (method, path, status, data[:500]))
        return json.loads(data) if data else None

    def login(self, username, password):
        body = urllib.parse.urlencode({"j_username": username, "j_password": password})
        status, _, response = self.request("POST", "/j_security_check", body, "application/x-www-form-urlencoded")
        if status not in (302, 303) or "failed" in response.getheader("Location", ""):
            raise RuntimeError("login of %s failed: %d" % (username, status))


class Psql:
    def __init__(self, args):
        self.base = ["psql", "-h", args.db_host, "-p", str(args.db_port), "-U", args.db_user, "-d", args.db_name,
                     "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1"]

    def run(self, sql, *variables):
        command = list(self.base)
        for v in variables:
            command += ["-v", v]
        out = subprocess.run(command + ["-c", sql] if sql else command, check=True, capture_output=True, text=True)
        return out.stdout.strip()

    def script(self, text, *variables):
        command = list(self.base)
        for v in variables:
            command += ["-v", v]
        out = subprocess.run(command, input=text, capture_output=True, text=True)
        if out.returncode != 0:
            raise RuntimeError("psql failed: " + out.stderr.strip())
        return out.stdout


def summary(samples_ms):
    ordered = sorted(samples_ms)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * len(ordered))) - 1)]
    return statistics.median(ordered), p95


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--base", required=True)
    p.add_argument("--admin-user", default="admin")
    p.add_argument("--admin-password", required=True)
    p.add_argument("--db-host", default="127.0.0.1")
    p.add_argument("--db-port", default="5432")
    p.add_argument("--db-user", default="postgres")
    p.add_argument("--db-name", required=True)
    p.add_argument("--responses", type=int, default=1_000_000)
    p.add_argument("--contacts", type=int, default=200_000)
    p.add_argument("--runs", type=int, default=30)
    p.add_argument("--warmup", type=int, default=10)
    p.add_argument("--load-before", default="?")
    args = p.parse_args()
    db = Psql(args)
    base = args.base.rstrip("/")

    admin = Client(base)
    admin.login(args.admin_user, args.admin_password)
    keys = {role: admin.json("POST", "/api/api-keys", {"name": "reportbench-%s-%d" % (role, time.time()), "role": role})["secret"]
            for role in ("MARKETER", "EXECUTIVE")}

    log("generating %d responses of %d contacts over 2 years (generate.sql)" % (args.responses, args.contacts))
    start = time.perf_counter()
    with open(os.path.join(HERE, "generate.sql"), encoding="utf-8") as f:
        db.script(f.read(), "responses=%d" % args.responses, "contacts=%d" % args.contacts)
    generated = time.perf_counter() - start
    start = time.perf_counter()
    db.run("VACUUM ANALYZE")
    vacuumed = time.perf_counter() - start
    counts = db.run("SELECT (SELECT COUNT(*) FROM response) || ' responses, ' || (SELECT COUNT(*) FROM invitation)"
                    " || ' invitations, ' || (SELECT COUNT(*) FROM contact) || ' contacts, '"
                    " || (SELECT COUNT(*) FROM response WHERE flagged) || ' flagged'")
    log("generated in %.0f s, VACUUM ANALYZE %.0f s: %s" % (generated, vacuumed, counts))

    marketer = Client(base, {"Authorization": "Bearer " + keys["MARKETER"]})
    segment = marketer.json("POST", "/api/segments", {"name": "Plan pro", "rule": {
        "type": "attribute", "attribute": "plan", "operator": "EQUALS", "values": ["pro"]}})["id"]

    zone = zoneinfo.ZoneInfo("Europe/Paris")
    today = dt.datetime.now(zone).date()
    first = today - dt.timedelta(days=729)
    from_ts = dt.datetime.combine(first, dt.time(), zone).isoformat()
    to_ts = dt.datetime.combine(today + dt.timedelta(days=1), dt.time(), zone).isoformat()
    path = "/api/reports/dashboard?granularity=MONTH&segment=%d&from=%s&to=%s" % (segment, first, today)
    executive = Client(base, {"Authorization": "Bearer " + keys["EXECUTIVE"]})

    # Same figures: the service's distribution and monthly counts against the hand-written query's.
    status, body, _ = executive.request("GET", path)
    if status != 200:
        raise RuntimeError("dashboard answered %d: %s" % (status, body[:500]))
    dashboard = json.loads(body)
    with open(os.path.join(HERE, "handwritten.sql"), encoding="utf-8") as f:
        handwritten = f.read()
    rows = [line.split("|") for line in db.script(handwritten, "from_ts=" + from_ts, "to_ts=" + to_ts).split("\n") if line]
    by_score = [0] * 11
    by_month = {}
    for month, score, count in rows:
        by_score[int(score)] += int(count)
        by_month[month[:7]] = by_month.get(month[:7], 0) + int(count)
    service_scores = [s["count"] for s in dashboard["distribution"]]
    service_months = {p["start"][:7]: p["nps"]["responses"] for p in dashboard["trend"] if p["nps"]["responses"]}
    agree = service_scores == by_score and service_months == by_month
    log("figures agree: %s (%d responses in the segment, NPS %s ± %s, %d months)" % (
        agree, dashboard["nps"]["responses"], dashboard["nps"]["nps"], dashboard["nps"]["marginOfError"], len(service_months)))
    if not agree:
        log("service %s %s\nhand %s %s" % (service_scores, service_months, by_score, by_month))

    # (a) through the real service, over HTTP with an EXECUTIVE key.
    log("timing the dashboard endpoint: %d warm-up + %d runs" % (args.warmup, args.runs))
    samples = []
    for i in range(args.warmup + args.runs):
        start = time.perf_counter()
        status, _, _ = executive.request("GET", path)
        elapsed = (time.perf_counter() - start) * 1000
        if status != 200:
            raise RuntimeError("dashboard answered %d" % status)
        if i >= args.warmup:
            samples.append(elapsed)
    service_median, service_p95 = summary(samples)

    # (b) the hand-written GROUP BY, in one psql session (no process start per run), server time.
    log("timing the hand-written query: %d warm-up + %d runs" % (args.warmup, args.runs))
    script = "\\o /dev/null\n\\timing on\n" + handwritten * (args.warmup + args.runs)
    out = subprocess.run(db.base + ["-v", "from_ts=" + from_ts, "-v", "to_ts=" + to_ts], input=script,
                         capture_output=True, text=True, check=True)
    times = [float(t) for t in re.findall(r"Time: ([0-9.]+) ms", out.stdout + out.stderr)]
    if len(times) != args.warmup + args.runs:
        raise RuntimeError("expected %d timings from psql, got %d" % (args.warmup + args.runs, len(times)))
    hand_median, hand_p95 = summary(times[args.warmup:])

    ratio = service_median / hand_median
    machine = [("nproc", str(os.cpu_count())),
               ("java", (subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines() or ["?"])[0]),
               ("postgresql", db.run("SELECT version()").split(" on ")[0] + "; shared_buffers = " + db.run("SHOW shared_buffers")
                + ", work_mem = " + db.run("SHOW work_mem") + ", max_parallel_workers_per_gather = "
                + db.run("SHOW max_parallel_workers_per_gather")),
               ("load before start", args.load_before)]
    print("Reporting benchmark")
    for name, value in machine:
        print("  %-20s %s" % (name, value))
    print("  %-20s %s" % ("data", counts))
    print("  %-20s %.0f s (+ VACUUM ANALYZE %.0f s)" % ("generation", generated, vacuumed))
    print("  %-20s segment plan = pro, %s to %s, monthly trend: %d responses, figures agree: %s" % (
        "dashboard", first, today, dashboard["nps"]["responses"], "yes" if agree else "NO"))
    print()
    print("  %-44s %10s %10s" % ("", "median ms", "p95 ms"))
    print("  %-44s %10.1f %10.1f" % ("(a) GET /api/reports/dashboard (HTTP, service)", service_median, service_p95))
    print("  %-44s %10.1f %10.1f" % ("(b) hand-written GROUP BY (psql \\timing)", hand_median, hand_p95))
    print("  %-44s %10.2f" % ("ratio (a) / (b), medians", ratio))
    print()
    met = service_median <= GOAL_MS and ratio <= GOAL_RATIO
    print("  goal: median <= %.0f ms and <= %.1f x the hand-written query: %s (%.0f ms, %.2f x)" % (
        GOAL_MS, GOAL_RATIO, "MET" if met else "MISSED", service_median, ratio))


if __name__ == "__main__":
    main()
