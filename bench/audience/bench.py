#!/usr/bin/env python3
"""Audience benchmark driver (Python 3 standard library only).

Talks to a running NPS Loop over HTTP and to its PostgreSQL database through psql; run.sh starts and
stops everything around it. Phases: generate the CSV files, import them, send journey events, time
segment counts, time contact-table pages, print one table. See README.md.
"""

import datetime as dt
import json
import os
import platform
import random
import re
import statistics
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import benchlib  # noqa: E402
from benchlib import Psql, Table, api_key, arguments, fmt_int, java_version, load_note, log, nproc, percentile, timed  # noqa: E402

FIRST_NAMES = benchlib.FIRST_NAMES + ("Amelia "
               "Thomas Charlotte William Isla Harry Ava Noah Mia Leo Lily Oscar Ella Jacob Freya Theo Hélène "
               "François Noémie").split()
LAST_NAMES = ("Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefèbvre "
              "Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard André Lefèvre Mercier Dupont "
              "Lambert Bonnet François Martinez Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson "
              "Wright Thompson Evans Walker White Roberts Green Hall Wood Jackson Clarke Patel Khan Lewis James "
              "Hughes Edwards Baker Turner Hill Cooper Ward Morris Moore Clark Harris King Lee Allen Young Scott "
              "Mitchell Carter Phillips Parker Campbell Bell Murphy Kelly Price Bailey Collins Rousseau Blanc "
              "Guérin Muller Henry Roussel Nicolas Perrin Morin Mathieu Clément Gauthier Dumont Lopez "
              "Fontaine Chevalier Robin").split()
PLANS = ("free",) * 6 + ("pro",) * 3 + ("business",)
EMAIL_DOMAIN = "bench.example"
HEADER = "email,first name,last name,language,plan,signup_date,seats\r\n"


def email_of(n):
    return "c%07d@%s" % (n, EMAIL_DOMAIN)


# --------------------------------------------------------------------------------------------- HTTP

class Client(benchlib.Client):
    """The shared client, asking for JSON or HTML in English (the JSF page is measured too)."""

    ACCEPT = {"Accept": "application/json, text/html;q=0.9", "Accept-Language": "en"}


# ---------------------------------------------------------------------------------------- database

class AutovacuumEmulator(threading.Thread):
    """What a default PostgreSQL does in the background when the server runs with autovacuum = off.

    Every naptime (60 s) it VACUUMs / ANALYZEs each table past PostgreSQL's default thresholds:
    analyze after 50 + 10 % changed rows, vacuum after 1,000 + 20 % inserted or 50 + 20 % dead rows.
    Without it the planner never learns that the contact table grew (see README.md).
    """

    CHECK = ("SELECT s.relname, s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0), "
             "s.n_ins_since_vacuum > 1000 + 0.2 * greatest(c.reltuples, 0) "
             "OR s.n_dead_tup > 50 + 0.2 * greatest(c.reltuples, 0) "
             "FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid")

    def __init__(self, db, naptime=60):
        super().__init__(daemon=True)
        self.db, self.naptime = db, naptime
        self.stopped = threading.Event()
        self.analyzes = self.vacuums = 0
        self.seconds = 0.0

    def run(self):
        while not self.stopped.wait(self.naptime):
            try:
                for line in self.db.run(self.CHECK).splitlines():
                    table, analyze, vacuum = line.split("|")
                    if analyze == "t" or vacuum == "t":
                        command = ("VACUUM (ANALYZE) " if vacuum == "t" and analyze == "t" else
                                   "VACUUM " if vacuum == "t" else "ANALYZE ") + table
                        t, _ = timed(lambda: self.db.run(command))
                        self.seconds += t
                        self.analyzes += analyze == "t"
                        self.vacuums += vacuum == "t"
                        if t > 0.5:
                            log("autovacuum emulation: %s (%.1f s)" % (command, t))
            except Exception as e:  # keep emulating; a failed round is retried at the next tick
                log("autovacuum emulation failed: %s" % e)

    def stop(self):
        self.stopped.set()


# ------------------------------------------------------------------------------------- generation

def generate(work, contacts, file_rows, seed):
    """Files of file_rows contacts: c0000001@bench.example ..., 7 columns; returns their paths."""
    today = dt.date.today()
    rng = random.Random(seed)
    dates = [(today - dt.timedelta(days=d)).isoformat() for d in range(0, 3 * 365)]
    paths = []
    n = 0
    for index in range((contacts + file_rows - 1) // file_rows):
        path = os.path.join(work, "contacts-%02d.csv" % (index + 1))
        rows = [HEADER]
        for _ in range(min(file_rows, contacts - n)):
            n += 1
            rows.append("%s,%s,%s,%s,%s,%s,%d\r\n" % (
                email_of(n), rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES), "FR" if rng.random() < 0.5 else "EN",
                rng.choice(PLANS), rng.choice(dates), rng.randint(1, 500)))
        with open(path, "w", encoding="utf-8", newline="") as out:
            out.write("".join(rows))
        paths.append(path)
    return paths


# ----------------------------------------------------------------------------------------- phases

class Bench:
    def __init__(self, args):
        self.args = args
        self.base = args.base.rstrip("/")
        self.db = Psql(args.db_host, args.db_port, args.db_user, args.db_name)
        self.table = Table("%-10s %-58s %s %s")  # rows (section, measure, value, goal/notes)
        self.add = self.table.add
        self.notes = []

    # ------------------------------------------------------------------------------------- setup
    def setup(self):
        admin, secret = api_key(self.base, self.args.admin_user, self.args.admin_password, "bench", client=Client)
        self.api_headers = {"Authorization": "Bearer " + secret}
        self.admin = admin
        self.api = self.client()

    def client(self):
        return Client(self.base, self.api_headers)

    # ------------------------------------------------------------------------------------ imports
    def import_file(self, api, path, list_id=None):
        with open(path, "rb") as f:
            data = f.read()
        query = "fileName=%s" % os.path.basename(path) + ("&listId=%d" % list_id if list_id else "")
        start = time.perf_counter()
        status, body, _ = api.request("POST", "/api/imports?" + query, data, "text/csv")
        if status != 202:
            raise RuntimeError("import of %s refused: %d %s" % (path, status, body[:500]))
        job = json.loads(body)
        while True:
            job = api.json("GET", "/api/imports/%d" % job["id"])
            if job["status"] in ("DONE", "FAILED"):
                break
            time.sleep(0.1)
        wall = time.perf_counter() - start
        if job["status"] != "DONE" or job["rejected"]:
            raise RuntimeError("import of %s ended badly: %s" % (path, job))
        server = None
        if job.get("createdAt") and job.get("finishedAt"):
            server = (parse_instant(job["finishedAt"]) - parse_instant(job["createdAt"])).total_seconds()
        log("imported %s: %d rows in %.1f s (server %.1f s)" % (os.path.basename(path), job["imported"], wall, server or -1))
        return wall, server, job

    def contact_scans(self):
        scans, rows = self.db.run("SELECT seq_scan, seq_tup_read FROM pg_stat_user_tables WHERE relname = 'contact'").split("|")
        return int(scans), int(rows)

    def imports(self, paths):
        api = self.api
        scans_before = self.contact_scans()
        wall, server, job = self.import_file(api, paths[0])
        goal = "goal <= 20 s: %s" % ("MET" if wall <= 20 else "MISSED")
        self.add("import", "first file, %s rows into an empty base (wall)" % fmt_int(job["imported"]),
                 "%.1f s" % wall, goal)
        self.add("import", "  same, rows/s", fmt_int(job["imported"] / wall),
                 "server-side job %.1f s" % server if server else "")
        total_rows, total_wall, walls = job["imported"], wall, []
        self.file_walls = [wall]
        for path in paths[1:]:
            w, _, j = self.import_file(api, path)
            walls.append(w)
            self.file_walls.append(w)
            total_rows += j["imported"]
            total_wall += w
        if walls:
            self.add("import", "next %d files of %s rows, sequentially (wall)" % (len(walls), fmt_int(self.args.file_rows)),
                     "%.1f s" % sum(walls), "per file: min %.1f s, median %.1f s, max %.1f s (last file: %.1f s)"
                     % (min(walls), statistics.median(walls), max(walls), walls[-1]))
        self.add("import", "all %s contacts: total wall" % fmt_int(total_rows), "%.1f s" % total_wall,
                 "%s rows/s overall" % fmt_int(total_rows / total_wall))
        if len(self.file_walls) > 1:
            self.add("import", "  wall time of each file, in order", "", ", ".join("%.1f" % w for w in self.file_walls) + " s")
        self.total_contacts = total_rows
        # Re-import of contacts that already exist, adding them all to a list (the update path).
        listing = api.json("POST", "/api/lists", {"name": "bench list %d" % time.time()})
        self.list_id = listing["id"]
        w, _, j = self.import_file(api, paths[0], self.list_id)
        self.add("import", "re-import of file 1 (%s existing contacts) into a list" % fmt_int(j["imported"]),
                 "%.1f s" % w, "%s rows/s (update + list membership path)" % fmt_int(j["imported"] / w))
        self.list_members = j["imported"]
        time.sleep(1)  # statistics counters are flushed about every second
        scans, rows = (a - b for a, b in zip(self.contact_scans(), scans_before))
        self.add("import", "full scans of the contact table during the imports", fmt_int(scans),
                 "%s rows read by them (the email lookups should use uq_contact_email)" % fmt_int(rows))

    # ------------------------------------------------------------------------------------- events
    def events(self):
        """PURCHASE for every contact, ONBOARDING for every other one, through /api/events/batch."""
        n = self.total_contacts
        size = self.args.event_batch
        now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
        # Event k < n: PURCHASE of contact k+1; k >= n: ONBOARDING of contact 2(k-n)+1.
        total = n + (n + 1) // 2
        batches = [(start, min(total, start + size)) for start in range(0, total, size)]

        def payload(start, end):
            rng = random.Random(start)
            events = []
            for k in range(start, end):
                if k < n:
                    contact, kind, prefix = k + 1, "PURCHASE", "p"
                else:
                    contact, kind, prefix = 2 * (k - n) + 1, "ONBOARDING", "o"
                at = now - dt.timedelta(seconds=rng.randrange(365 * 86400))
                events.append('{"email":"%s","type":"%s","occurredAt":"%s","externalId":"%s-%07d"}'
                              % (email_of(contact), kind, at.strftime("%Y-%m-%dT%H:%M:%SZ"), prefix, contact))
            return ('{"events":[' + ",".join(events) + "]}").encode()

        lock = threading.Lock()
        state = {"next": 0, "sent": 0, "done": [], "durations": [], "error": None}
        budget = self.args.event_budget
        start_clock = time.perf_counter()

        def worker():
            api = self.client()
            while True:
                with lock:
                    if state["error"] or state["next"] >= len(batches) or time.perf_counter() - start_clock > budget:
                        return
                    index = state["next"]
                    state["next"] += 1
                body = payload(*batches[index])
                t0 = time.perf_counter()
                status, data, _ = api.request("POST", "/api/events/batch", body, "application/json")
                elapsed = time.perf_counter() - t0
                with lock:
                    if status != 200:
                        state["error"] = "batch %d -> %d: %s" % (index, status, data[:300])
                        return
                    state["sent"] += batches[index][1] - batches[index][0]
                    state["done"].append(index)
                    state["durations"].append(elapsed)
                    if len(state["done"]) % 20 == 0:
                        log("events: %s sent, %.0f/s" % (fmt_int(state["sent"]), state["sent"] / (time.perf_counter() - start_clock)))

        threads = [threading.Thread(target=worker) for _ in range(self.args.event_clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - start_clock
        if state["error"]:
            raise RuntimeError(state["error"])
        sent = state["sent"]
        complete = sent == total
        self.add("events", "journey events via /api/events/batch (%s per call, %d clients)"
                 % (fmt_int(size), self.args.event_clients), "%s events/s" % fmt_int(sent / elapsed),
                 "%s of %s events in %.0f s%s" % (fmt_int(sent), fmt_int(total), elapsed,
                                                   "" if complete else " (time budget %d s reached: rate measured on this subset)" % budget))
        d = sorted(state["durations"])
        self.add("events", "  one call of %s events" % fmt_int(size), "median %.2f s" % statistics.median(d),
                 "p95 %.2f s, max %.2f s" % (percentile(d, 95), d[-1]))
        if not complete:
            done = set(state["done"])
            missing = [batches[i] for i in range(len(batches)) if i not in done]
            t, inserted = timed(lambda: self.seed_events(missing, n, now))
            self.add("events", "remaining events inserted directly in SQL (not timed as API)",
                     fmt_int(inserted), "so that segments run on all %s events (%.0f s)" % (fmt_int(total), t))
        self.total_events = total

    def seed_events(self, ranges, n, now):
        """The events of the batches not sent, with the same shapes, straight into journey_event."""
        purchase, onboarding = [], []
        for start, end in ranges:
            if start < n:
                purchase.append((start + 1, min(end, n)))
            if end > n:
                first = max(start, n)
                onboarding.append((2 * (first - n) + 1, 2 * (end - 1 - n) + 1))
        base = int(self.db.run("SELECT last_value FROM journey_event_seq")) + 1000
        stamp = now.strftime("%Y-%m-%d %H:%M:%S+00")
        parts = []
        for kind, prefix, spans, step in (("PURCHASE", "p", purchase, 1), ("ONBOARDING", "o", onboarding, 2)):
            for lo, hi in spans:
                parts.append("SELECT g AS n, '%s' AS type, '%s' AS prefix FROM generate_series(%d, %d, %d) g"
                             % (kind, prefix, lo, hi, step))
        if not parts:
            return 0
        sql = ("INSERT INTO journey_event (id, contact_id, type, occurred_at, external_id, properties, created_at) "
               "SELECT %d + row_number() OVER (), c.id, w.type, TIMESTAMPTZ '%s' - floor(random() * 365 * 86400) "
               "* INTERVAL '1 second', w.prefix || '-' || lpad(w.n::text, 7, '0'), NULL, TIMESTAMPTZ '%s' "
               "FROM (%s) w JOIN contact c ON c.email = 'c' || lpad(w.n::text, 7, '0') || '@%s'"
               % (base, stamp, stamp, " UNION ALL ".join(parts), EMAIL_DOMAIN))
        out = self.db.run(sql + "; SELECT count(*) FROM journey_event;")
        self.db.run("SELECT setval('journey_event_seq', (SELECT (max(id) / 50 + 2) * 50 FROM journey_event))")
        return sum((hi - lo) // step + 1 for spans, step in ((purchase, 1), (onboarding, 2)) for lo, hi in spans)

    # ----------------------------------------------------------------------------------- segments
    def segments(self):
        pro = {"type": "attribute", "attribute": "plan", "operator": "EQUALS", "values": ["pro"]}
        rules = [
            ("attribute equals (plan = pro)", pro),
            ("attribute date within last 90 days (signup_date)",
             {"type": "attribute", "attribute": "signup_date", "operator": "WITHIN_LAST_DAYS", "days": 90}),
            ("list membership (the re-imported list)", {"type": "list", "listId": self.list_id, "member": True}),
            ("event PURCHASE within last 30 days",
             {"type": "event", "eventType": "PURCHASE", "occurrence": "WITHIN_LAST_DAYS", "days": 30}),
            ("never had event ONBOARDING", {"type": "event", "eventType": "ONBOARDING", "occurrence": "NEVER"}),
            ("ALL of 3: plan=pro, seats > 250, PURCHASE in 30 days",
             {"type": "group", "match": "ALL", "rules": [
                 pro, {"type": "attribute", "attribute": "seats", "operator": "GREATER_THAN", "values": ["250"]},
                 {"type": "event", "eventType": "PURCHASE", "occurrence": "WITHIN_LAST_DAYS", "days": 30}]}),
            ("ANY of 3: plan=business, language FR, signup < 30 d",
             {"type": "group", "match": "ANY", "rules": [
                 {"type": "attribute", "attribute": "plan", "operator": "EQUALS", "values": ["business"]},
                 {"type": "field", "field": "LANGUAGE", "operator": "EQUALS", "values": ["FR"]},
                 {"type": "attribute", "attribute": "signup_date", "operator": "WITHIN_LAST_DAYS", "days": 30}]}),
        ]
        api = self.api
        for label, rule in rules:
            body = json.dumps(rule)
            api.json("POST", "/api/segments/preview", body)  # warm-up
            times, result = [], None
            for _ in range(self.args.segment_runs):
                t, result = timed(lambda: api.json("POST", "/api/segments/preview", body))
                times.append(t)
            self.add("segment", label, "median %s" % ms(statistics.median(times)),
                     "max %s; matching %s, reachable %s" % (ms(max(times)), fmt_int(result["matching"]),
                                                           fmt_int(result["reachable"])))

    # -------------------------------------------------------------------------------------- pages
    def pages(self):
        api = self.api
        runs = self.args.page_runs
        deep = min(500_000, max(0, self.total_contacts // 2))
        one = email_of(123_457 if self.total_contacts >= 123_457 else max(1, self.total_contacts // 3)).split("@")[0]
        cases = [
            ("first page, createdAt desc", "/api/contacts?first=0&size=50&sort=createdAt&desc=true"),
            ("deep page (offset %s), createdAt desc" % fmt_int(deep),
             "/api/contacts?first=%d&size=50&sort=createdAt&desc=true" % deep),
            ("first page, sorted by email", "/api/contacts?first=0&size=50&sort=email"),
            ("deep page (offset %s), sorted by email" % fmt_int(deep), "/api/contacts?first=%d&size=50&sort=email" % deep),
            ("first page, sorted by lastName", "/api/contacts?first=0&size=50&sort=lastName"),
            ("text search q=dupont (common name)", "/api/contacts?first=0&size=50&q=dupont"),
            ("text search q=%s (one match)" % one, "/api/contacts?first=0&size=50&q=" + one),
        ]
        for label, path in cases:
            api.json("GET", path)  # warm-up
            times, result = [], None
            for _ in range(runs):
                t, result = timed(lambda: api.json("GET", path))
                times.append(t)
            times.sort()
            self.add("page", label, "median %s" % ms(statistics.median(times)),
                     "p95 %s; %d rows of %s" % (ms(percentile(times, 95)), len(result["rows"]), fmt_int(result["total"])))
        try:
            self.jsf_page(runs)
        except Exception as e:  # optional measure: say why it is missing rather than fail the run
            self.add("page", "JSF /audience/index.xhtml", "n/a", "could not be measured: %s" % e)

    def jsf_page(self, runs):
        username = "bench%d" % (time.time() % 100000)
        temporary, final = "Temp-pass-123", "Bench-pass-456789"
        self.admin.json("POST", "/api/users", {"username": username, "displayName": "Bench", "roles": ["MARKETER"],
                                               "password": temporary})
        web = Client(self.base)
        web.login(username, temporary)
        status, page, _ = web.request("GET", "/account/password.xhtml")
        state = re.search(r'name="jakarta.faces.ViewState"[^>]*value="([^"]+)"', page.decode("utf-8", "replace"))
        if not state:
            raise RuntimeError("no view state on the password page (%d)" % status)
        status, _, response = web.form("/account/password.xhtml", {
            "passwordForm": "passwordForm", "passwordForm:current": temporary, "passwordForm:newPassword": final,
            "passwordForm:confirmation": final, "passwordForm:submit": "", "jakarta.faces.ViewState": state.group(1)})
        if status not in (302, 303):
            raise RuntimeError("password change answered %d" % status)

        def get():
            s, body, _ = web.request("GET", "/audience/index.xhtml")
            if s != 200 or b"c0" not in body:
                raise RuntimeError("contact page answered %d without contacts" % s)
            return body

        get()
        times = []
        for _ in range(runs):
            t, body = timed(get)
            times.append(t)
        times.sort()
        self.add("page", "JSF /audience/index.xhtml (full page, 50 rows)", "median %s" % ms(statistics.median(times)),
                 "p95 %s; %s KB of HTML" % (ms(percentile(times, 95)), fmt_int(len(body) / 1024)))

    # ------------------------------------------------------------------------------------ summary
    def database_facts(self):
        name = self.args.db_name
        size = self.db.run("SELECT pg_size_pretty(pg_database_size('%s'))" % name)
        self.add("database", "size of %s after the loads" % name, size)
        for table in ("contact", "contact_attribute", "journey_event", "mailing_list_member"):
            facts = self.db.run("SELECT to_char(count(*), 'FM999,999,999') || ' rows | ' || "
                                "pg_size_pretty(pg_table_size('%s')) || ' table + ' || "
                                "pg_size_pretty(pg_indexes_size('%s')) || ' indexes' FROM %s" % (table, table, table))
            rows, rest = facts.split(" | ", 1)
            self.add("database", "  " + table, rows, rest)

    def machine(self):
        java = java_version()
        mem = ""
        try:
            with open("/proc/meminfo") as f:
                mem = "%.1f GB RAM" % (int(f.readline().split()[1]) / 1024 / 1024)
        except OSError:
            pass
        return [("nproc", nproc()),
                ("memory", mem),
                ("os", platform.platform()),
                ("java", java[0] if java else "?"),
                ("", java[1] if len(java) > 1 else ""),
                ("postgresql", self.db.run("SELECT version()")),
                ("", "%s; shared_buffers %s, work_mem %s" % (self.autovacuum, self.db.run("SHOW shared_buffers"),
                                                              self.db.run("SHOW work_mem"))),
                ("payara", self.args.payara_version + (" (JDBC URL parameters %s)" % self.args.db_url_params
                                                      if self.args.db_url_params else "")),
                ("load average", load_note(self.args.load_before)),
                ("python (client)", platform.python_version() + ", same machine as server and database")]

    def report(self, started):
        self.table.print("NPS Loop audience benchmark", self.machine,
                         "whole benchmark (generation, loads and measures, without build and start): %.0f s", started,
                         key_width=16, section_width=9)
        for note in self.notes:
            print(note)


def parse_instant(text):
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def ms(seconds):
    return "%.0f ms" % (seconds * 1000) if seconds < 10 else "%.1f s" % seconds


def main():
    p = arguments(__doc__)
    p.add_argument("--contacts", type=int, default=1_000_000)
    p.add_argument("--file-rows", type=int, default=100_000)
    p.add_argument("--event-batch", type=int, default=5_000)
    p.add_argument("--event-clients", type=int, default=3)
    p.add_argument("--event-budget", type=int, default=600, help="seconds of event sending before the rest goes in by SQL")
    p.add_argument("--segment-runs", type=int, default=5)
    p.add_argument("--page-runs", type=int, default=20)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--db-url-params", default="")
    p.add_argument("--emulate-autovacuum", choices=("auto", "0", "1"), default="auto",
                   help="auto: when the server runs with autovacuum = off")
    args = p.parse_args()

    started = time.time()
    bench = Bench(args)
    t, paths = timed(lambda: generate(args.work, args.contacts, args.file_rows, args.seed))
    log("generated %d files of up to %s contacts in %.1f s" % (len(paths), fmt_int(args.file_rows), t))
    bench.add("generate", "%s contacts as CSV, %d files" % (fmt_int(args.contacts), len(paths)), "%.1f s" % t,
              "%s MB" % fmt_int(sum(os.path.getsize(x) for x in paths) / 1e6))
    autovacuum = bench.db.run("SHOW autovacuum")
    emulator = None
    if args.emulate_autovacuum == "1" or (args.emulate_autovacuum == "auto" and autovacuum == "off"):
        emulator = AutovacuumEmulator(bench.db)
        emulator.start()
    bench.autovacuum = "server autovacuum = %s%s" % (autovacuum, ", emulated by the benchmark every 60 s" if emulator else "")
    bench.setup()
    bench.imports(paths)
    bench.events()
    if emulator:
        emulator.stop()
        bench.add("database", "autovacuum emulation during the loads (server has autovacuum = off)",
                  "%d ANALYZE, %d VACUUM" % (emulator.analyzes, emulator.vacuums), "%.0f s in all" % emulator.seconds)
    t, _ = timed(lambda: bench.db.run("VACUUM ANALYZE"))
    bench.add("database", "VACUUM ANALYZE after the loads (as autovacuum would)", "%.0f s" % t)
    bench.database_facts()
    bench.segments()
    bench.pages()
    bench.report(started)


if __name__ == "__main__":
    main()
