#!/usr/bin/env python3
"""Multi-instance benchmark driver (Python 3 standard library only).

run.sh starts the instances, HAProxy and the counting sink (sink.py); this driver, through the balancer:
contacts and a campaign; while it sends, respondents answer the links the sink captured, an admin session
clicks through pages, and (with --kill 1) one instance is killed with SIGKILL and restarted. Then the
answers left are posted at full speed (the answers/s figure). Counts come from the sink's file (every
accepted message) and the database; PostgreSQL writes from pg_stat_database and the WAL position. See README.md.
"""

import html
import json
import os
import re
import subprocess
import sys
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_admin import BrowserAdmin  # noqa: E402
from benchlib import Client, Psql, Table, api_key, arguments, backends, bulk_contacts, cpu_seconds, fmt_int, \
    java_version, load_note, log, nproc  # noqa: E402

EMAIL_DOMAIN = "cluster.bench.example"
ADMIN_PAGES = ("/admin/users.xhtml", "/admin/settings.xhtml", "/admin/api-keys.xhtml", "/admin/quarantine.xhtml")  # pages the ADMIN role may see
VIEW_STATE = re.compile(r'name="jakarta\.faces\.ViewState"[^>]*value="([^"]+)"')
FORM_ID = re.compile(r'<form id="([^"]+)"')
NONCE = re.compile(r'<script[^>]* nonce="([^"]+)"')
HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)"[^>]*value="([^"]*)"')


def read_sink(path, start=0):
    """Lines (recipient, token) of the sink's file from byte offset start; returns (lines, new offset)."""
    with open(path, "rb") as f:
        f.seek(start)
        data = f.read()
    end = data.rfind(b"\n") + 1
    lines = [tuple(l.split(" ", 1)) for l in data[:end].decode().splitlines() if l]
    return lines, start + end


class Answerers:
    """Respondents: each answers (POST /r/<token>, score, comment, consent) through the balancer; a 5xx or a
    broken connection is tried again, as a person would. posted: answers that got a 2xx/3xx."""

    def __init__(self, base, count):
        self.base, self.count = base, count
        self.queue, self.lock, self.done = [], threading.Condition(), False
        self.posted, self.retried, self.failed = 0, 0, 0
        self.tokens = set()  # a duplicate mail carries the same token: its second answer is a change, not a new row

    def add(self, tokens):
        with self.lock:
            self.queue.extend(tokens)
            self.lock.notify_all()

    def finish(self):
        with self.lock:
            self.done = True
            self.lock.notify_all()

    def worker(self):
        client = Client(self.base)
        while True:
            with self.lock:
                while not self.queue and not self.done:
                    self.lock.wait()
                if not self.queue:
                    return
                token = self.queue.pop()
            body = urllib.parse.urlencode({"score": "9", "comment": "cluster bench", "consent": "on"})
            for attempt in range(20):
                try:
                    status, _, _ = client.request("POST", "/r/" + token, body, "application/x-www-form-urlencoded", timeout=30)
                except OSError:
                    client = Client(self.base)
                    status = 0
                if 200 <= status < 400:
                    with self.lock:
                        self.posted += 1
                        self.tokens.add(token)
                    break
                with self.lock:
                    self.retried += 1
                time.sleep(0.2)
            else:
                with self.lock:
                    self.failed += 1

    def start(self):
        self.threads = [threading.Thread(target=self.worker, daemon=True) for _ in range(self.count)]
        for t in self.threads:
            t.start()

    def join(self):
        self.finish()
        for t in self.threads:
            t.join()


def machine_cpu():
    """(busy, all) CPU seconds of the whole machine so far (/proc/stat): how much other work took in a window."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:9]]
    tck = os.sysconf("SC_CLK_TCK")
    return (sum(v) - v[3] - v[4]) / tck, sum(v) / tck


class CpuMeter:
    """CPU seconds of groups of processes (Payara instances, the database's backends, the sink and HAProxy), sampled
    every second: a process that ends (a killed instance, a closed connection) keeps its last sample, one that starts
    (a restarted instance, a new connection) counts from its start. groups: name -> function returning the pids."""

    def __init__(self, groups):
        self.groups, self.seen, self.lock = groups, {name: {} for name in groups}, threading.Lock()
        self.sample()
        threading.Thread(target=self.loop, daemon=True).start()

    def sample(self):
        for name, pids in self.groups.items():
            values = {pid: cpu_seconds([pid]) for pid in pids()}
            with self.lock:
                self.seen[name].update({pid: v for pid, v in values.items() if v > 0})

    def loop(self):
        while True:
            time.sleep(1)
            self.sample()

    def totals(self):
        """{group: CPU seconds so far}, after a fresh sample."""
        self.sample()
        with self.lock:
            return {name: sum(values.values()) for name, values in self.seen.items()}

    @staticmethod
    def delta(before, after):
        return {name: after[name] - before[name] for name in after}


class Admin:
    """An admin session through the balancer (no stickiness): GETs of admin pages and a JSF postback of each,
    in a loop. An error: a status >= 400, a page sent back to the sign-in form, an error page, a dropped connection."""

    def __init__(self, base, password):
        self.base, self.password = base, password
        self.requests, self.errors, self.stop, self.examples = 0, 0, False, []

    def error(self, what):
        self.errors += 1
        if len(self.examples) < 5:
            self.examples.append(what)

    def run(self):
        client = Client(self.base, {"Accept": "text/html"})
        client.ACCEPT = {"Accept": "text/html"}
        try:
            client.login("admin", self.password)
        except (OSError, RuntimeError) as e:
            self.error("sign-in: %s" % e)
        while not self.stop:
            for page in ADMIN_PAGES:
                try:
                    status, data, response = client.request("GET", page)
                    self.requests += 1
                    text = data.decode("utf-8", "replace")
                    if status >= 400 or status in (302, 303) or "j_security_check" in text or "/error/" in (response.getheader("Location") or ""):
                        self.error("GET %s -> %d %s" % (page, status, response.getheader("Location") or ""))
                        client = Client(self.base, {"Accept": "text/html"})
                        client.login("admin", self.password)
                        continue
                    form, state = FORM_ID.search(text), VIEW_STATE.search(text)
                    if form and state:
                        # Every hidden field of the page's first form (the view state, the form's nonce...), as a browser sends them.
                        body = text[form.start():text.find("</form>", form.start())]
                        fields = {html.unescape(n): html.unescape(v) for n, v in HIDDEN.findall(body)}
                        fields[form.group(1)] = form.group(1)
                        fields["jakarta.faces.ViewState"] = html.unescape(state.group(1))
                        nonce = NONCE.search(text)  # PrimeFaces' script adds the page's CSP nonce to each form it posts
                        if nonce:
                            fields["primefaces.nonce"] = nonce.group(1)
                        status, data, response = client.form(page, fields)
                        self.requests += 1
                        text = data.decode("utf-8", "replace")
                        if status >= 400 or "j_security_check" in text or "expired" in (response.getheader("Location") or ""):
                            self.error("postback %s -> %d %s" % (page, status, response.getheader("Location") or ""))
                except (OSError, RuntimeError) as e:
                    self.error("%s: %s" % (page, e))
                    client = Client(self.base, {"Accept": "text/html"})
                    try:
                        client.login("admin", self.password)
                    except (OSError, RuntimeError):
                        pass
                time.sleep(0.2)


class Bench:
    def __init__(self, args):
        self.args = args
        self.base = args.base.rstrip("/")
        self.db = Psql(args.db_host, args.db_port, args.db_user, args.db_name)
        self.table = Table("%-8s %-50s %s %s")
        self.add = self.table.add

    def pg(self):
        """(commits, rows inserted + updated + deleted, WAL bytes position) of the bench database."""
        out = self.db.run("SELECT xact_commit, tup_inserted + tup_updated + tup_deleted, "
                          "pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0') FROM pg_stat_database WHERE datname = current_database()")
        return tuple(float(x) for x in out.split("|"))

    def pg_delta(self, before):
        time.sleep(0.6)  # pg_stat_database lags up to 500 ms behind
        now = self.pg()
        return tuple(n - b for n, b in zip(now, before))

    def instance_pid(self, n):
        with open(os.path.join(self.args.work, "instance-%d.pid" % n)) as f:
            return int(f.read())

    def payara_pids(self):
        pids = []
        for n in range(1, self.args.instances + 1):
            try:
                pids.append(self.instance_pid(n))
            except (OSError, ValueError):
                pass
        return pids

    def cpu_row(self, section, unit, cpu, count, machine):
        """A row: CPU microseconds per unit (email or answer) of Payara, PostgreSQL and the bench's helpers."""
        per = {name: cpu[name] * 1e6 / count for name in cpu}
        self.add(section, "CPU per %s: Payara + PostgreSQL (+ sink, HAProxy, driver)" % unit,
                 "%s us" % fmt_int(per["payara"] + per["postgresql"]),
                 "Payara %s + PostgreSQL %s us (+ %s us sink, HAProxy and driver); %.0f s of CPU in %s"
                 % (fmt_int(per["payara"]), fmt_int(per["postgresql"]), fmt_int(per["helpers"]),
                    sum(cpu.values()), "the sending window" if unit == "email" else "the answer phase"))
        self.add(section, "machine CPU busy in that window: all / this bench", "%.0f %% / %.0f %%"
                 % (100 * machine[0] / machine[1], 100 * sum(cpu.values()) / machine[1]),
                 "%.0f of %.0f core-seconds busy, %.0f of them this bench's (the rest: other work on the machine)"
                 % (machine[0], machine[1], sum(cpu.values())))
        per["machine_busy"], per["machine_all"], per["ours"] = machine[0], machine[1], sum(cpu.values())
        return per

    def wait_ready(self, n, timeout=900):
        client, start = Client("http://127.0.0.1:%d" % (self.args.instance_port_base + n)), time.time()
        while time.time() - start < timeout:
            try:
                if client.request("GET", "/health/ready")[0] == 200:
                    return time.time() - start
            except OSError:
                client = Client("http://127.0.0.1:%d" % (self.args.instance_port_base + n))
            time.sleep(0.5)
        raise RuntimeError("instance %d not ready after %d s" % (n, timeout))

    def run(self):
        args = self.args
        # The API key through instance 1 (a form sign-in needs its session); bearer calls then go anywhere.
        _, secret = api_key("http://127.0.0.1:%d" % (args.instance_port_base + 1), args.admin_user,
                            args.admin_password, "cbench")
        api = Client(self.base, {"Authorization": "Bearer " + secret})
        start = time.perf_counter()
        list_id = api.json("POST", "/api/lists", {"name": "cbench %d" % time.time()})["id"]
        bulk_contacts(api, list_id, "c%07d@" + EMAIL_DOMAIN, args.messages)
        self.add("setup", "%s contacts through the balancer (bulk API)" % fmt_int(args.messages),
                 "%.1f s" % (time.perf_counter() - start), "%d instance(s), %d sending thread(s) each" % (args.instances, args.threads))
        survey = api.json("POST", "/api/surveys", {
            "name": "Cluster benchmark", "brandName": "Acme Bench", "defaultLanguage": "EN", "senderName": "Acme",
            "senderEmail": "nps@acme.example", "postalAddress": "1 rue de la Paix, 75002 Paris"})["id"]
        campaign = api.json("POST", "/api/campaigns", {"name": "cbench", "surveyId": survey, "listId": list_id,
                                                       "fatigueDays": 0})["id"]

        answerers = Answerers(self.base, args.answerers)
        answerers.start()
        admin = (BrowserAdmin if args.browser else Admin)(self.base, args.admin_password)
        admin_thread = threading.Thread(target=admin.run, daemon=True)
        if args.admin:
            admin_thread.start()
        helpers = [p for p in (args.sink_pid, args.haproxy_pid) if p]
        meter = CpuMeter({"payara": self.payara_pids, "postgresql": lambda: backends(args.db_name),
                          "helpers": lambda: helpers})
        driver_cpu = lambda: sum(os.times()[:2])  # noqa: E731 (this process: the respondents' threads)

        pg_before, t0 = self.pg(), time.perf_counter()
        cpu_before, driver_before, machine_before = meter.totals(), driver_cpu(), machine_cpu()
        api.json("POST", "/api/campaigns/%d/schedule" % campaign, "")
        offset, kept, killed, restarted_after, last_log = 0, [], None, None, 0
        seen = 0
        while True:
            status = api.json("GET", "/api/campaigns/%d" % campaign)["status"]
            lines, offset = read_sink(args.sink_file, offset)
            # Every other respondent answers while it sends; the rest are kept for the timed phase.
            for _, token in lines:
                if token != "-":
                    seen += 1
                    if seen % 2 and args.answer_during:
                        answerers.add([token])
                    else:
                        kept.append(token)
            sent = api.json("GET", "/api/campaigns/%d/progress" % campaign)["sent"]
            if args.kill and killed is None and sent >= args.messages * 0.3 and args.instances > 1:
                victim = 2
                pid = self.instance_pid(victim)
                os.kill(pid, 9)
                killed = (victim, sent, time.perf_counter() - t0)
                log("killed instance %d (pid %d, SIGKILL) at %s sent; restarting it" % (victim, pid, fmt_int(sent)))
                time.sleep(3)
                subprocess.run([args.instance_script, str(victim)], check=True)
                threading.Thread(target=lambda: setattr(self, "restart_s", self.wait_ready(victim)), daemon=True).start()
            if status == "DONE":
                break
            if status not in ("SCHEDULED", "SENDING"):
                raise RuntimeError("campaign %d is %s" % (campaign, status))
            if time.perf_counter() - last_log > 5:
                log("  campaign %s: %s sent of %s; %s answers posted" % (status, fmt_int(sent), fmt_int(args.messages),
                                                                      fmt_int(answerers.posted)))
                last_log = time.perf_counter()
            if time.perf_counter() - t0 > args.timeout:
                raise RuntimeError("campaign not done after %d s" % args.timeout)
            time.sleep(0.2)
        t_done = time.perf_counter() - t0
        send_pg = self.pg_delta(pg_before)
        send_cpu = CpuMeter.delta(cpu_before, meter.totals())
        send_cpu["helpers"] += driver_cpu() - driver_before
        send_machine = [a - b for a, b in zip(machine_cpu(), machine_before)]
        # The answers posted while it sent: let them finish before the timed phase.
        while answerers.queue:
            time.sleep(0.2)
        time.sleep(1)
        posted_during = answerers.posted
        lines, offset = read_sink(args.sink_file, offset)
        kept += [t for _, t in lines if t != "-"]

        # Timed phase: the other half of the respondents answer at once, through the balancer.
        pg_before, t1 = self.pg(), time.perf_counter()
        cpu_before, driver_before, machine_before = meter.totals(), driver_cpu(), machine_cpu()
        answerers.add(kept)
        answerers.join()
        t_answers = time.perf_counter() - t1
        answer_pg = self.pg_delta(pg_before)
        answer_cpu = CpuMeter.delta(cpu_before, meter.totals())
        answer_cpu["helpers"] += driver_cpu() - driver_before
        answer_machine = [a - b for a, b in zip(machine_cpu(), machine_before)]
        admin.stop = True
        if args.admin:
            admin_thread.join(10)

        # Counts.
        all_lines, _ = read_sink(args.sink_file, 0)
        recipients = {}
        for r, _ in all_lines:
            recipients[r] = recipients.get(r, 0) + 1
        ours = {r: c for r, c in recipients.items() if r.endswith("@" + EMAIL_DOMAIN)}
        duplicates = sum(c - 1 for c in ours.values())
        bound = args.threads if killed else 0
        db_sent, first, last = self.db.run(
            "SELECT count(*) FILTER (WHERE status = 'SENT'), extract(epoch FROM min(sent_at)), extract(epoch FROM max(sent_at)) "
            "FROM invitation WHERE campaign_id = %d" % campaign).split("|")
        span = float(last) - float(first)
        stored = int(self.db.run("SELECT count(*) FROM response r JOIN invitation i ON i.id = r.invitation_id "
                                 "WHERE i.campaign_id = %d" % campaign))
        emails = int(db_sent)
        self.add("send", "invitations SENT (database)", fmt_int(emails), "of %s" % fmt_int(args.messages))
        self.add("send", "mails received by the sink / distinct recipients", "%s / %s" % (fmt_int(sum(ours.values())), fmt_int(len(ours))),
                 "missing: %s" % fmt_int(args.messages - len(ours)))
        self.add("send", "duplicates (mails beyond one per recipient)", fmt_int(duplicates),
                 "bound %d (%s): %s" % (bound, "one per sending thread of the killed instance" if killed else "no kill",
                                        "WITHIN" if duplicates <= bound and len(ours) == args.messages else "BROKEN"))
        if killed:
            self.add("send", "instance killed (SIGKILL) and restarted", "instance %d" % killed[0],
                     "at %s sent, %.1f s after scheduling; ready again after %.0f s"
                     % (fmt_int(killed[1]), killed[2], getattr(self, "restart_s", float("nan")) + 3))
        self.add("send", "emails/s, first to last sent_at", fmt_int((emails - 1) / span), "%.1f s; schedule -> DONE %.1f s" % (span, t_done))
        self.add("send", "PostgreSQL per email (sending window)", "%.0f B WAL" % (send_pg[2] / emails),
                 "%.2f commits, %.2f rows written per email; %s answers were posted in the window too"
                 % (send_pg[0] / emails, send_pg[1] / emails, fmt_int(posted_during)))
        email_cpu = self.cpu_row("send", "email", send_cpu, emails, send_machine)
        answers_timed = answerers.posted - posted_during
        self.add("answer", "invitations answered with 2xx/3xx / stored (database)", "%s / %s" % (fmt_int(len(answerers.tokens)), fmt_int(stored)),
                 "lost: %s; %s POSTs in all; %s retries after 5xx or a broken connection, %d given up"
                 % (fmt_int(max(0, len(answerers.tokens) - stored)), fmt_int(answerers.posted), fmt_int(answerers.retried), answerers.failed))
        if answers_timed:
            self.add("answer", "answers/s (after sending, %d respondents at once)" % args.answerers,
                     fmt_int(answers_timed / t_answers), "%s answers in %.1f s" % (fmt_int(answers_timed), t_answers))
            self.add("answer", "PostgreSQL per answer", "%.0f B WAL" % (answer_pg[2] / answers_timed),
                     "%.2f commits, %.2f rows written per answer" % (answer_pg[0] / answers_timed, answer_pg[1] / answers_timed))
            answer_cpu_per = self.cpu_row("answer", "answer", answer_cpu, answers_timed, answer_machine)
        if args.admin:
            self.add("admin", "admin %s through the balancer / errors" % ("clicks in Chromium" if args.browser else "requests"),
                     "%s / %s" % (fmt_int(admin.requests), fmt_int(admin.errors)), "; ".join(admin.examples[:3]))
        self.verdict = len(ours) == args.messages and duplicates <= bound and len(answerers.tokens) <= stored
        if args.result_file:  # for series.sh: one run's figures, printed side by side with the others'
            with open(args.result_file, "w") as f:
                json.dump({
                    "instances": args.instances, "messages": args.messages, "threads": args.threads,
                    "answerers": args.answerers, "load_before": args.load_before,
                    "load_after": open("/proc/loadavg").read().split()[:3],
                    "sent": emails, "received": sum(ours.values()), "missing": args.messages - len(ours),
                    "duplicates": duplicates, "emails_s": (emails - 1) / span, "send_s": span,
                    "email_cpu_us": email_cpu, "email_wal": send_pg[2] / emails, "email_commits": send_pg[0] / emails,
                    "email_rows": send_pg[1] / emails, "answers_during": posted_during,
                    "answers": answers_timed, "answers_s": answers_timed / t_answers if answers_timed else 0,
                    "answer_cpu_us": answer_cpu_per if answers_timed else None,
                    "answer_wal": answer_pg[2] / answers_timed if answers_timed else 0,
                    "answer_commits": answer_pg[0] / answers_timed if answers_timed else 0,
                    "answer_rows": answer_pg[1] / answers_timed if answers_timed else 0,
                    "answered": len(answerers.tokens), "stored": stored,
                    "admin_requests": admin.requests, "admin_errors": admin.errors, "verdict": self.verdict}, f, indent=1)

    def machine(self):
        java = java_version()
        return [("nproc", nproc()), ("java", java[0] if java else "?"),
                ("postgresql", self.db.run("SELECT version()").split(" on ")[0] + "; fsync = " + self.db.run("SHOW fsync")
                 + ", synchronous_commit = " + self.db.run("SHOW synchronous_commit")),
                ("payara", self.args.payara_version), ("load average", load_note(self.args.load_before))]


def main():
    p = arguments(__doc__)
    p.add_argument("--instances", type=int, default=3)
    p.add_argument("--messages", type=int, default=50_000)
    p.add_argument("--threads", type=int, default=4)
    p.add_argument("--kill", type=int, default=1)
    p.add_argument("--answerers", type=int, default=4)
    p.add_argument("--sink-file", required=True)
    p.add_argument("--instance-script", required=True)
    p.add_argument("--instance-port-base", type=int, required=True)
    p.add_argument("--timeout", type=int, default=1800)
    p.add_argument("--answer-during", type=int, default=1, help="0: nobody answers while it sends (clean per-email CPU)")
    p.add_argument("--admin", type=int, default=1, help="0: no admin session (capacity runs)")
    p.add_argument("--sink-pid", type=int, default=0)
    p.add_argument("--haproxy-pid", type=int, default=0)
    p.add_argument("--result-file", default="")
    p.add_argument("--browser", type=int, default=0, help="1: the admin clicks in Chromium (browser_admin.py)")
    args = p.parse_args()
    started = time.time()
    bench = Bench(args)
    bench.run()
    bench.table.print("NPS Loop cluster benchmark", bench.machine,
                      "whole benchmark (without build and start): %.0f s", started)
    sys.exit(0 if bench.verdict else 1)


if __name__ == "__main__":
    main()
