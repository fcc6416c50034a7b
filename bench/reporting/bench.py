#!/usr/bin/env python3
"""Reporting benchmark driver (Python 3 standard library only).

Talks to a running NPS Loop over HTTP and to its PostgreSQL database through psql; run.sh builds and
starts everything around it. Phases: generate 1,000,000 responses over 2 years by SQL (generate.sql),
create the segment "plan = pro" through the API, check that the dashboard's figures equal the
hand-written queries' (and answered_at the answers'), then time the dashboard and both hand-written
queries, interleaved in rounds. The drill-down (issue 14): 3 touchpoint ratings and one multiple-choice
answer per response (generate_answers.sql), the touchpoint moments, key drivers and choices by category
for the same segment and period, timed beside the dashboard. See README.md.
"""

import datetime as dt
import json
import os
import re
import statistics
import sys
import time
import zoneinfo

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from benchlib import Client, Psql, Table, api_key, arguments, fmt_int, java_version, load_note, log, nproc, \
    percentile, timed  # noqa: E402

GOAL_MS = 300.0
GOAL_RATIO = 1.5
ROUNDS = 3  # the timed runs of each side are split into this many interleaved rounds (the load drifts)
ZONE = "Europe/Paris"
# The drill-down (issue 14), timed beside the dashboard: the application's statements (service_*.sql, as
# DefaultDrillDownService sends them) and the hand-written ones giving the same figures. name -> label.
DRILLDOWN_LABELS = {"service_touchpoints": "(d) service_touchpoints.sql: moments per day",
                    "touchpoints": "(d') touchpoints.sql: n, sum, sum of squares",
                    "service_drivers": "(e) service_drivers.sql: high vs low raters",
                    "drivers": "(e') drivers.sql: NPS counts, high vs low raters",
                    "service_choices": "(f) service_choices.sql: 3 statements, summed",
                    "choices": "(f') choices.sql: choices by NPS category"}
DRILLDOWN = tuple(DRILLDOWN_LABELS)

# answered_at as V13 backfills it: the first answer (not flagged) through the first invitation of a wave or a
# reminder. Hash join over all first invitations: mismatches, answered ones.
ANSWERED_CHECK = """
SELECT COUNT(*) FILTER (WHERE i.answered_at IS DISTINCT FROM w.first_answer) || ' ' || COUNT(i.answered_at)
FROM invitation i LEFT JOIN (
    SELECT j.campaign_id, j.wave, j.contact_id, MIN(r.responded_at) AS first_answer
    FROM response r JOIN invitation j ON j.id = r.invitation_id WHERE r.flagged = FALSE
    GROUP BY 1, 2, 3) w ON w.campaign_id = i.campaign_id AND w.wave = i.wave AND w.contact_id = i.contact_id
WHERE i.reminder = 0"""


def loadavg():
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "?"


def rows(text):
    return [line.split("|") for line in text.splitlines() if line]


class Bench:
    def __init__(self, args):
        self.args = args
        self.base = args.base.rstrip("/")
        self.db = Psql(args.db_host, args.db_port, args.db_user, args.db_name)
        self.table = Table("%-9s %-52s %s %s")  # rows (section, measure, value, note)
        self.add = self.table.add
        self.sql = {}
        for name in ("generate", "generate_answers", "handwritten", "handwritten_full", "handwritten_en") + DRILLDOWN:
            with open(os.path.join(args.here, name + ".sql"), encoding="utf-8") as f:
                self.sql[name] = f.read()

    def setup(self):
        """Keys, the data, the segment; sets the dashboard's path and the hand-written queries' variables."""
        args = self.args
        admin, marketer_key = api_key(self.base, args.admin_user, args.admin_password, "reportbench")
        executive_key = admin.json("POST", "/api/api-keys", {"name": "reportbench-exec-%d" % time.time(),
                                                             "role": "EXECUTIVE"})["secret"]

        log("generating %s responses of %s contacts over 2 years (generate.sql)" % (fmt_int(args.responses),
                                                                                    fmt_int(args.contacts)))
        generated, _ = timed(lambda: self.db.script(self.sql["generate"], responses=args.responses,
                                                    contacts=args.contacts))
        if args.drilldown:
            log("generating 3 touchpoint ratings and a multiple-choice answer per response (generate_answers.sql)")
            answers, _ = timed(lambda: self.db.script(self.sql["generate_answers"]))
        vacuumed, _ = timed(lambda: self.db.run("VACUUM ANALYZE"))
        counts = self.db.run("SELECT (SELECT COUNT(*) FROM response) || ' ' || (SELECT COUNT(*) FROM invitation)"
                             " || ' ' || (SELECT COUNT(*) FROM contact) || ' ' || (SELECT COUNT(*) FROM response"
                             " WHERE flagged)").split()
        self.add("data", "%s responses, %s invitations, %s contacts (%s flagged)" % tuple(fmt_int(int(c)) for c in counts),
                 "%.0f s" % generated, "generate.sql, then VACUUM ANALYZE %.0f s" % vacuumed)
        if args.drilldown:
            counts = self.db.run("SELECT (SELECT COUNT(*) FROM response_answer WHERE rating IS NOT NULL) || ' ' ||"
                                 " (SELECT COUNT(*) FROM response_answer WHERE rating IS NULL) || ' ' ||"
                                 " (SELECT COUNT(*) FROM response_answer_choice)").split()
            self.add("data", "%s ratings, %s choice answers (%s options chosen)" % tuple(fmt_int(int(c)) for c in counts),
                     "%.0f s" % answers, "generate_answers.sql: touchpoints 1, 3, 4 (1-5, 1-5, 0-10) and 1 choice question")

        # The rollups (V31), built as on an existing database after the migration: from scratch, in chunks of days.
        self.db.run("UPDATE rollup_state SET zone = NULL")
        built, state = timed(self.wait_for_rollups)
        self.add("data", "rollups built by the worker (chunks of 31 days)", "%.0f s" % built,
                 "%s response_rollup rows, %s invitation_rollup rows" % tuple(fmt_int(int(c)) for c in state.split()))

        marketer = Client(self.base, {"Authorization": "Bearer " + marketer_key})
        segment = marketer.json("POST", "/api/segments", {"name": "Plan pro", "rule": {
            "type": "attribute", "attribute": "plan", "operator": "EQUALS", "values": ["pro"]}})["id"]
        self.executive = Client(self.base, {"Authorization": "Bearer " + executive_key})
        # The worker materialises the segment's members and rollups (V32) at its next round; the dashboard (a) reads them.
        waited, state = timed(lambda: self.wait_for_segment(segment))
        members, refresh_ms = (int(c) for c in state.split())
        self.add("data", "segment materialised by the worker: %s members" % fmt_int(members), "%.0f s" % waited,
                 "its refresh (members, then their rollups) took %s ms" % fmt_int(refresh_ms))

        # The last 730 days in Paris, and the 730 before them (the dashboard's previous period).
        zone = zoneinfo.ZoneInfo(ZONE)
        today = dt.datetime.now(zone).date()
        first = today - dt.timedelta(days=729)
        self.period = (first, today)
        self.variables = {"prev_from_ts": dt.datetime.combine(first - dt.timedelta(days=730), dt.time(), zone).isoformat(),
                          "from_ts": dt.datetime.combine(first, dt.time(), zone).isoformat(),
                          "to_ts": dt.datetime.combine(today + dt.timedelta(days=1), dt.time(), zone).isoformat()}
        self.path = "/api/reports/dashboard?granularity=MONTH&segment=%d&from=%s&to=%s" % (segment, first, today)
        self.path_en = "/api/reports/dashboard?granularity=MONTH&language=EN&from=%s&to=%s" % (first, today)

    def wait_for_rollups(self):
        """Until the worker has built the rollups and folded every change; their row counts."""
        deadline = time.time() + 3600
        while time.time() < deadline:
            if self.db.run("SELECT zone IS NOT NULL AND NOT building AND NOT EXISTS (SELECT 1 FROM rollup_dirty)"
                           " FROM rollup_state") == "t":
                return self.db.run("SELECT (SELECT COUNT(*) FROM response_rollup) || ' ' || (SELECT COUNT(*) FROM invitation_rollup)")
            time.sleep(0.5)
        raise RuntimeError("the rollups were not built within an hour")

    def wait_for_segment(self, segment):
        """Until the worker has materialised the segment; its members and refresh time."""
        deadline = time.time() + 600
        while time.time() < deadline:
            state = self.db.run("SELECT members || ' ' || refresh_ms FROM segment_rollup_state WHERE segment_id = %d" % segment)
            if state:
                return state
            time.sleep(0.2)
        raise RuntimeError("the segment was not materialised within 10 minutes")

    def dashboard_en(self):
        status, body, _ = self.executive.request("GET", self.path_en)
        if status != 200:
            raise RuntimeError("dashboard answered %d: %s" % (status, body[:500]))
        return body

    def dashboard(self):
        status, body, _ = self.executive.request("GET", self.path)
        if status != 200:
            raise RuntimeError("dashboard answered %d: %s" % (status, body[:500]))
        return body

    def check(self):
        """The dashboard's figures against both hand-written queries', and answered_at against the answers."""
        d = json.loads(self.dashboard())
        scores = [s["count"] for s in d["distribution"]]
        months = {p["start"][:7]: p["nps"]["responses"] for p in d["trend"] if p["nps"]["responses"]}
        previous = d["comparison"]["previous"] if d.get("comparison") else None
        rate = d["responseRate"]

        by_score, by_month = [0] * 11, {}
        for month, score, count in rows(self.db.script(self.sql["handwritten"], **self.variables)):
            by_score[int(score)] += int(count)
            by_month[month[:7]] = by_month.get(month[:7], 0) + int(count)
        narrow = scores == by_score and months == by_month

        full_score, full_month, full_prev, full_rate = [0] * 11, {}, [0] * 11, None
        for bucket, score, count in rows(self.db.script(self.sql["handwritten_full"], **self.variables)):
            if bucket == "rate":
                full_rate = (int(count), int(score))
            elif bucket == "previous":
                full_prev[int(score)] += int(count)
            else:
                full_score[int(score)] += int(count)
                full_month[bucket] = full_month.get(bucket, 0) + int(count)
        prev_counts = (sum(full_prev[9:]), sum(full_prev[7:9]), sum(full_prev[:7]))
        full = (scores == full_score and months == full_month and full_rate == (rate["invited"], rate["responded"])
                and previous is not None
                and (previous["promoters"], previous["passives"], previous["detractors"]) == prev_counts)

        t, out = timed(lambda: self.db.run(ANSWERED_CHECK))
        mismatches, answered = (int(x) for x in out.split())

        first, today = self.period
        nps = d["nps"]
        self.add("check", "dashboard: segment plan = pro, %s to %s, monthly" % (first, today),
                 "%s responses" % fmt_int(nps["responses"]),
                 "NPS %s ± %s, %d months; response rate %s of %s invited (%s %%); previous period %s responses"
                 % (nps["nps"], nps["marginOfError"], len(months), fmt_int(rate["responded"]), fmt_int(rate["invited"]),
                    rate["percent"], fmt_int(previous["responses"]) if previous else "-"))
        self.add("check", "same figures as handwritten.sql (distribution, trend)", "yes" if narrow else "NO")
        self.add("check", "same figures as handwritten_full.sql (+ previous, rate)", "yes" if full else "NO")
        self.add("check", "answered_at as V13 sets it (first non-flagged answer)",
                 "yes" if mismatches == 0 else "NO: %s differ" % fmt_int(mismatches),
                 "%s first invitations answered; checked in %.1f s" % (fmt_int(answered), t))
        if not (narrow and full):
            log("service %s %s %s %s" % (scores, months, previous, rate))
            log("handwritten %s %s" % (by_score, by_month))
            log("handwritten_full %s %s %s %s" % (full_score, full_month, full_prev, full_rate))
        self.agree = narrow and full and mismatches == 0 and self.check_en()

    def check_en(self):
        """The dashboard for English speakers (from the rollups) against handwritten_en.sql."""
        d = json.loads(self.dashboard_en())
        scores = [s["count"] for s in d["distribution"]]
        months = {p["start"][:7]: p["nps"]["responses"] for p in d["trend"] if p["nps"]["responses"]}
        previous = d["comparison"]["previous"] if d.get("comparison") else None
        rate = d["responseRate"]
        hand_score, hand_month, hand_prev, hand_rate = [0] * 11, {}, [0] * 11, None
        for bucket, score, count in rows(self.db.script(self.sql["handwritten_en"], **self.variables)):
            if bucket == "rate":
                hand_rate = (int(count), int(score))
            elif bucket == "previous":
                hand_prev[int(score)] += int(count)
            else:
                hand_score[int(score)] += int(count)
                hand_month[bucket] = hand_month.get(bucket, 0) + int(count)
        prev_counts = (sum(hand_prev[9:]), sum(hand_prev[7:9]), sum(hand_prev[:7]))
        same = (scores == hand_score and months == hand_month and hand_rate == (rate["invited"], rate["responded"])
                and previous is not None and (previous["promoters"], previous["passives"], previous["detractors"]) == prev_counts)
        nps = d["nps"]
        self.add("check", "dashboard: language EN (rollups), same period, monthly", "%s responses" % fmt_int(nps["responses"]),
                 "NPS %s ± %s; response rate %s of %s invited; previous period %s responses"
                 % (nps["nps"], nps["marginOfError"], fmt_int(rate["responded"]), fmt_int(rate["invited"]),
                    fmt_int(previous["responses"]) if previous else "-"))
        self.add("check", "same figures as handwritten_en.sql (all of them)", "yes" if same else "NO")
        if not same:
            log("service EN %s %s %s %s" % (scores, months, previous, rate))
            log("handwritten_en %s %s %s %s" % (hand_score, hand_month, hand_prev, hand_rate))
        return same

    def check_drilldown(self):
        """The drill-down queries against each other: per touchpoint, the ratings the moments count are the
        high and low raters the key drivers count; and the figures they give (mean, NPS high vs low)."""
        moments = {(t, scale): (int(n), int(total), int(squares))
                   for t, scale, n, total, squares in rows(self.db.script(self.sql["touchpoints"], **self.variables))}
        drivers = {}
        for t, scale, high, promoters, passives, detractors in rows(self.db.script(self.sql["drivers"], **self.variables)):
            drivers.setdefault((t, scale), {})[high == "t"] = (int(promoters), int(passives), int(detractors))
        choices = rows(self.db.script(self.sql["choices"], **self.variables))
        self.drilldown_figures = (moments, drivers, choices)

        def nps(counts):
            return 100.0 * (counts[0] - counts[2]) / sum(counts) if sum(counts) else float("nan")

        consistent = set(moments) == set(drivers) and len(moments) == 3 and all(
            moments[k][0] == sum(map(sum, drivers[k].values())) for k in moments)
        for key in sorted(moments, key=lambda k: int(k[0])):
            n, total, squares = moments[key]
            mean = total / n
            sd = ((squares - n * mean * mean) / (n - 1)) ** 0.5
            high, low = drivers[key].get(True, (0, 0, 0)), drivers[key].get(False, (0, 0, 0))
            self.add("check", "touchpoint %s (%s)" % key, "mean %.2f ± %.3f" % (mean, 1.96 * sd / n ** 0.5),
                     "n %s; NPS %.1f rated high (%s) vs %.1f low (%s): %+.1f" % (
                         fmt_int(n), nps(high), fmt_int(sum(high)), nps(low), fmt_int(sum(low)), nps(high) - nps(low)))
        answered = {row[0]: sum(int(x) for x in row[2:]) for row in choices if row[1] == ""}
        chosen = sum(sum(int(x) for x in row[2:]) for row in choices if row[1] != "")
        self.add("check", "choices: %d options of %d question(s)" % (sum(1 for r in choices if r[1] != ""), len(answered)),
                 "%s answers" % fmt_int(sum(answered.values())), "%s options chosen" % fmt_int(chosen))
        self.add("check", "touchpoints.sql n = high + low raters of drivers.sql", "yes" if consistent else "NO")
        if not consistent:
            log("touchpoints %s" % moments)
            log("drivers %s" % drivers)
        self.agree = self.agree and consistent and self.check_service(moments, drivers, choices)

    def check_service(self, moments, drivers, choices):
        """The application's statements give the hand-written ones' figures (its touchpoint moments per day summed)."""
        code = dict(row for row in rows(self.db.run("SELECT id, code FROM touchpoint")))
        hand_moments = {(code[t], scale): m for (t, scale), m in moments.items()}
        service_moments, days = {}, rows(self.db.script(self.sql["service_touchpoints"], **self.variables))
        for c, scale, _, n, total, squares in days:
            m = service_moments.get((c, scale), (0, 0, 0))
            service_moments[(c, scale)] = (m[0] + int(n), m[1] + int(total), m[2] + int(squares))
        hand_drivers = {(code[t], scale, high): counts for (t, scale), by in drivers.items() for high, counts in by.items()}
        service_drivers = {(c, scale, high == "1"): tuple(map(int, counts))
                           for c, scale, high, *counts in rows(self.db.script(self.sql["service_drivers"], **self.variables))}
        # service_choices prints three result sets: who answered (id, counts), chosen (id, code, counts), yes/no (same).
        hand_choices = {(q, c or None): tuple(map(int, counts)) for q, c, *counts in choices}
        service_choices = {}
        for row in rows(self.db.script(self.sql["service_choices"], **self.variables)):
            key = (row[0], None) if len(row) == 4 else (row[0], row[1])
            service_choices[key] = tuple(map(int, row[-3:]))
        same = (hand_moments == service_moments, hand_drivers == service_drivers, hand_choices == service_choices)
        self.add("check", "service_*.sql give the hand-written figures (d, e, f)",
                 "yes" if all(same) else "NO: " + ", ".join("yes" if x else "NO" for x in same),
                 "%s rows of moments per (touchpoint, scale, day), summed" % fmt_int(len(days)))
        if not all(same):
            log("service %s %s %s" % (service_moments, service_drivers, service_choices))
            log("hand %s %s %s" % (hand_moments, hand_drivers, hand_choices))
        return all(same)

    def time_dashboard(self, n, request=None):
        """n requests over one keep-alive connection: the wall time the client sees, in ms."""
        samples = []
        for _ in range(n):
            t, _ = timed(request or self.dashboard)
            samples.append(t * 1000)
        return samples

    def time_sql(self, name, n):
        """n runs of the file in one psql session (no process start per run): what \\timing reports, in ms, summed
        over the file's statements (one a line that ends with ';' in service_choices.sql, three)."""
        if n == 0:
            return []
        statements = self.sql[name].count(";\n")
        out = self.db.script("\\o /dev/null\n\\timing on\n" + self.sql[name] * n, **self.variables)
        times = [float(t) for t in re.findall(r"Time: ([0-9.]+) ms", out)]
        if len(times) != n * statements:
            raise RuntimeError("expected %d timings from psql, got %d" % (n * statements, len(times)))
        return [sum(times[i:i + statements]) for i in range(0, len(times), statements)]

    def measure(self):
        args = self.args
        sides = (("dashboard", lambda n: self.time_dashboard(n)),
                 ("handwritten", lambda n: self.time_sql("handwritten", n)),
                 ("handwritten_full", lambda n: self.time_sql("handwritten_full", n)),
                 ("dashboard_en", lambda n: self.time_dashboard(n, self.dashboard_en)),
                 ("handwritten_en", lambda n: self.time_sql("handwritten_en", n))) \
            + tuple((name, lambda n, name=name: self.time_sql(name, n)) for name in (DRILLDOWN if args.drilldown else ()))
        self.load_at_start = loadavg()
        log("warm-up: %d runs of each side" % args.warmup)
        for _, run in sides:
            run(args.warmup)
        rounds = max(1, min(ROUNDS, args.runs))
        samples = {name: [] for name, _ in sides}
        for r in range(rounds):
            n = args.runs // rounds + (1 if r < args.runs % rounds else 0)
            log("round %d of %d: %d runs of each side (load average %s)" % (r + 1, rounds, n, loadavg()))
            for name, run in sides:
                samples[name] += run(n)
        self.load_at_end = loadavg()
        self.results = {name: (statistics.median(s), percentile(sorted(s), 95)) for name, s in samples.items()}

        labels = {"dashboard": "(a) GET /api/reports/dashboard (HTTP, service)",
                  "handwritten": "(b) handwritten.sql: distribution, trend",
                  "handwritten_full": "(c) handwritten_full.sql: + previous period, rate",
                  "dashboard_en": "(g) GET /api/reports/dashboard?language=EN (rollups)",
                  "handwritten_en": "(h) handwritten_en.sql: the same figures by hand", **DRILLDOWN_LABELS}
        notes = {"dashboard": "wall time at the client, EXECUTIVE API key, keep-alive",
                 "handwritten": "psql \\timing, one session",
                 "handwritten_full": "psql \\timing, one session",
                 "dashboard_en": "wall time at the client, as (a)",
                 "handwritten_en": "psql \\timing, one session",
                 **{name: "psql \\timing, one session" for name in DRILLDOWN}}
        for name, _ in sides:
            median, p95 = self.results[name]
            self.add("timing", labels[name], "median %.0f ms" % median, "p95 %.0f ms; %s" % (p95, notes[name]))
        self.add("timing", "load average at the first and last timed run", "%s / %s" % (self.load_at_start, self.load_at_end),
                 "%d warm-up + %d runs of each side, in %d interleaved rounds" % (args.warmup, args.runs, rounds))

    def verdict(self):
        service = self.results["dashboard"][0]
        full = service / self.results["handwritten_full"][0]
        narrow = service / self.results["handwritten"][0]
        self.add("verdict", "ratio (a) / (c), medians: the same figures", "%.2f" % full, "the verdict's ratio")
        self.add("verdict", "ratio (a) / (b), medians: responses only", "%.2f" % narrow,
                 "context: the rate and the previous period are not in (b)")
        met = service <= GOAL_MS and full <= GOAL_RATIO and self.agree
        self.add("verdict", "goal: median <= %.0f ms and <= %.1f x (c)" % (GOAL_MS, GOAL_RATIO), "MET" if met else "MISSED",
                 "%.0f ms, %.2f x%s" % (service, full, "" if self.agree else "; the figures do not agree"))
        rolled = self.results["dashboard_en"][0]
        self.add("verdict", "rollups: (g) median <= %.0f ms, figures = (h)" % GOAL_MS,
                 "MET" if rolled <= GOAL_MS and self.agree else "MISSED",
                 "%.0f ms, %.2f x (h) (%.0f ms)" % (rolled, rolled / self.results["handwritten_en"][0],
                                                    self.results["handwritten_en"][0]))
        for name in DRILLDOWN if self.args.drilldown else ():
            median = self.results[name][0]
            label = DRILLDOWN_LABELS[name].split(" ")[0]
            note = "%.0f ms against the dashboard's %.0f ms" % (median, service)
            if name.startswith("service_"):
                note += "; %.2f x the hand-written %s" % (median / self.results[name[len("service_"):]][0], label[:-1] + "')")
            self.add("verdict", "drill-down %s: median / (a) median" % label, "%.2f" % (median / service), note)

    def machine(self):
        java = java_version()
        db = self.db
        return [("nproc", nproc()),
                ("java", java[0] if java else "?"),
                ("postgresql", db.run("SELECT version()").split(" on ")[0] + "; shared_buffers = " + db.run("SHOW shared_buffers")
                 + ", work_mem = " + db.run("SHOW work_mem") + ", max_parallel_workers_per_gather = "
                 + db.run("SHOW max_parallel_workers_per_gather") + ", jit = " + db.run("SHOW jit")),
                ("payara", self.args.payara_version),
                ("load average", load_note(self.args.load_before))]

    def report(self, started):
        self.table.print("NPS Loop reporting benchmark", self.machine,
                         "whole benchmark (generation, checks, warm-up, runs, without build and start): %.0f s", started)


def main():
    p = arguments(__doc__, here="the directory of generate.sql and the hand-written queries")
    p.add_argument("--responses", type=int, default=1_000_000)
    p.add_argument("--contacts", type=int, default=200_000)
    p.add_argument("--runs", type=int, default=30)
    p.add_argument("--warmup", type=int, default=10)
    p.add_argument("--no-drilldown", dest="drilldown", action="store_false",
                   help="no touchpoint ratings nor choices: the dashboards alone (large runs)")
    args = p.parse_args()

    started = time.time()
    bench = Bench(args)
    bench.setup()
    bench.check()
    if args.drilldown:
        bench.check_drilldown()
    bench.measure()
    bench.verdict()
    bench.report(started)


if __name__ == "__main__":
    main()
