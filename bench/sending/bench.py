#!/usr/bin/env python3
"""Sending benchmark driver (Python 3 standard library only).

Talks to a running NPS Loop over HTTP and to its PostgreSQL database through psql, and runs Postfix's
smtp-sink itself; run.sh builds and starts everything else around it. Phases: contacts through the
API, a warm-up campaign whose first message becomes the bare loop's template, the measured campaign,
then the bare Angus Mail loop (Bare.java) and smtp-source against the same sink. See README.md.
"""

import datetime as dt
import glob
import os
import platform
import shutil
import socket
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from benchlib import Client, Psql, Table, api_key, arguments, backends, bulk_contacts, cpu_seconds, fmt_int, \
    java_version, load_note, log, nproc, timed  # noqa: E402

EMAIL_DOMAIN = "send.bench.example"
GOAL_RATE = 2000
GOAL_RATIO = 0.60  # issue 16 point 6: >= 2,000 emails/s and >= 60 % of the bare loop


# ------------------------------------------------------------------------------------------- sink

class Sink:
    """Postfix's smtp-sink on 127.0.0.1:port; with dump_dir, every message is also written there."""

    def __init__(self, binary, port, user, work):
        self.binary, self.port, self.user, self.work = binary, port, user, work
        self.process = None

    def start(self, dump_dir=None):
        command = [self.binary]
        if os.geteuid() == 0:
            command += ["-u", self.user]  # smtp-sink refuses to run as root without it
        if dump_dir:
            os.makedirs(dump_dir, exist_ok=True)
            os.chmod(dump_dir, 0o1777)  # written after smtp-sink dropped to self.user
            command += ["-d", os.path.join(dump_dir, "%H%M%S.")]
        command += ["127.0.0.1:%d" % self.port, "1024"]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL,
                                        stderr=open(os.path.join(self.work, "smtp-sink.log"), "ab"))
        for _ in range(100):
            if self.process.poll() is not None:
                raise RuntimeError("smtp-sink exited at start (%s); see %s/smtp-sink.log" % (" ".join(command), self.work))
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as s:
                    if s.recv(100).startswith(b"220"):
                        return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("smtp-sink does not answer on port %d" % self.port)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None


# ----------------------------------------------------------------------------------------- phases

class Bench:
    def __init__(self, args):
        self.args = args
        self.base = args.base.rstrip("/")
        self.db = Psql(args.db_host, args.db_port, args.db_user, args.db_name)
        self.sink = Sink(args.smtp_sink, args.smtp_port, args.sink_user, args.work)
        self.table = Table("%-8s %-52s %s %s")  # rows (section, measure, value, note)
        self.add = self.table.add

    def setup(self):
        _, secret = api_key(self.base, self.args.admin_user, self.args.admin_password, "sendbench")
        self.api = Client(self.base, {"Authorization": "Bearer " + secret})

    def contacts(self, name, prefix, count):
        """A list of `count` new contacts, FR and EN alternately, through /api/contacts/bulk."""
        api = self.api
        list_id = api.json("POST", "/api/lists", {"name": name})["id"]
        start = time.perf_counter()
        bulk_contacts(api, list_id, prefix + "%07d@" + EMAIL_DOMAIN, count)
        return list_id, time.perf_counter() - start

    def cpu(self):
        """CPU seconds so far of (Payara, PostgreSQL backends of the bench database, smtp-sink), and the backends."""
        pg = backends(self.args.db_name)
        sink = [self.sink.process.pid] if self.sink.process else []
        return (cpu_seconds([self.args.payara_pid]), cpu_seconds(pg), cpu_seconds(sink)), pg

    def campaign(self, name, survey_id, list_id):
        """Creates and schedules a campaign, waits until DONE; returns (id, seconds schedule -> DONE).

        self.cpu_used: CPU seconds of Payara, PostgreSQL and the sink from the first message sent
        (as polled) to DONE, and how many messages that covers."""
        api = self.api
        campaign = api.json("POST", "/api/campaigns", {"name": name, "surveyId": survey_id, "listId": list_id,
                                                       "fatigueDays": 0})["id"]
        start = time.perf_counter()
        api.json("POST", "/api/campaigns/%d/schedule" % campaign, "")
        last_log, deadline = 0, start + self.args.timeout
        cpu_start = None
        while True:
            status = api.json("GET", "/api/campaigns/%d" % campaign)["status"]
            if cpu_start is None and status in ("SENDING", "DONE"):
                sent_before = api.json("GET", "/api/campaigns/%d/progress" % campaign)["sent"]
                if sent_before > 0 or status == "DONE":
                    cpu_start, pg_pids = self.cpu()
            if status == "DONE":
                break
            if status not in ("SCHEDULED", "SENDING"):
                raise RuntimeError("campaign %d is %s: %s" % (campaign, status, api.json("GET", "/api/campaigns/%d" % campaign)))
            now = time.perf_counter()
            if now > deadline:
                raise RuntimeError("campaign %d not done after %d s: %s" % (campaign, self.args.timeout,
                                                                         api.json("GET", "/api/campaigns/%d/progress" % campaign)))
            if now - last_log > 5:
                p = api.json("GET", "/api/campaigns/%d/progress" % campaign)
                log("  campaign %d %s: %s sent of %s, %s failed" % (campaign, status, fmt_int(p["sent"]),
                                                                    fmt_int(p["recipients"]), fmt_int(p["failed"])))
                last_log = now
            time.sleep(0.1)
        (app, _, sink), _ = self.cpu()
        pg = cpu_seconds(pg_pids)  # the same backends, also those that ended since
        total = api.json("GET", "/api/campaigns/%d/progress" % campaign)["sent"]
        self.cpu_used = (app - cpu_start[0], pg - cpu_start[1], sink - cpu_start[2], total - sent_before)
        return campaign, time.perf_counter() - start

    def run(self):
        args = self.args
        self.setup()
        t_contacts, (list_id, _) = timed(lambda: self.contacts("sendbench %d" % time.time(), "s", args.messages))
        warm_list, _ = self.contacts("sendbench warm-up %d" % time.time(), "w", args.warmup)
        self.add("setup", "%s contacts through /api/contacts/bulk" % fmt_int(args.messages), "%.1f s" % t_contacts,
                 "+ %s for the warm-up campaign" % fmt_int(args.warmup))
        survey = self.api.json("POST", "/api/surveys", {
            "name": "Sending benchmark", "brandName": "Acme Bench", "defaultLanguage": "EN", "senderName": "Acme",
            "senderEmail": "nps@acme.example", "postalAddress": "1 rue de la Paix, 75002 Paris"})["id"]

        # Warm-up: JIT, pools and caches of the app; the sink keeps every message, one becomes the bare loop's.
        dumps = os.path.join(args.work, "dump")
        self.sink.start(dumps)
        warm, t_warm = self.campaign("sendbench warm-up", survey, warm_list)
        self.sink.stop()
        files = sorted(glob.glob(os.path.join(dumps, "*")))
        if len(files) != args.warmup:
            raise RuntimeError("the sink kept %d messages of the warm-up's %d" % (len(files), args.warmup))
        template = os.path.join(args.work, "invitation.eml")
        shutil.copy(files[0], template)
        shutil.rmtree(dumps)
        size = os.path.getsize(template)
        self.add("setup", "warm-up campaign of %s messages (not measured)" % fmt_int(args.warmup), "%.1f s" % t_warm,
                 "one of them (%s bytes as dumped) is the bare loop's template" % fmt_int(size))

        # The application.
        self.sink.start()
        campaign, t_done = self.campaign("sendbench", survey, list_id)
        sent, failed, first, last = self.db.run(
            "SELECT count(*) FILTER (WHERE status = 'SENT'), count(*) FILTER (WHERE status = 'FAILED'), "
            "to_char(min(sent_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US'), "
            "to_char(max(sent_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US') "
            "FROM invitation WHERE campaign_id = %d" % campaign).split("|")
        sent, failed = int(sent), int(failed)
        if sent != args.messages or failed:
            raise RuntimeError("campaign %d: %d sent and %d failed of %d" % (campaign, sent, failed, args.messages))
        span = (dt.datetime.fromisoformat(last) - dt.datetime.fromisoformat(first)).total_seconds()
        app_rate = (sent - 1) / span
        self.add("app", "%s invitations, %d sending thread(s)" % (fmt_int(sent), args.threads), "%s emails/s" % fmt_int(app_rate),
                 "first to last sent_at: %.1f s" % span)
        self.add("app", "  schedule -> DONE (planning, sending, completion)", "%.1f s" % t_done,
                 "%s emails/s overall" % fmt_int(sent / t_done))
        app_cpu, pg_cpu, sink_cpu, counted = self.cpu_used
        if counted > 0:
            self.add("app", "  CPU per message: Payara + PostgreSQL + sink", "%.0f us" % ((app_cpu + pg_cpu + sink_cpu) / counted * 1e6),
                     "Payara %.0f us, PostgreSQL %.0f us, smtp-sink %.0f us (over %s messages)"
                     % (app_cpu / counted * 1e6, pg_cpu / counted * 1e6, sink_cpu / counted * 1e6, fmt_int(counted)))

        # The bare loop, same sink, same number of threads and connections, same message size.
        sink_before = cpu_seconds([self.sink.process.pid])
        out = subprocess.run(["java", "-cp", args.bare_classpath, os.path.join(args.here, "Bare.java"), template,
                              "127.0.0.1", str(args.smtp_port), str(args.messages), str(args.threads), str(args.warmup)],
                             check=True, capture_output=True, text=True).stdout
        sink_cpu = cpu_seconds([self.sink.process.pid]) - sink_before  # warm-up included: an upper bound
        bare = dict(kv.split("=", 1) for kv in out.split())
        bare_rate = float(bare["rate"])
        self.add("bare", "%s messages, %d thread(s), one connection each" % (fmt_int(int(bare["sent"])), args.threads),
                 "%s emails/s" % fmt_int(bare_rate), "first to last accepted: %s s; %s bytes a message"
                 % (bare["first_to_last_s"], fmt_int(int(bare["size"]))))
        bare_cpu = float(bare["cpu_us_per_message"])
        sink_us = sink_cpu / (args.messages + args.warmup) * 1e6
        self.add("bare", "  CPU per message: bare JVM + sink", "%.0f us" % (bare_cpu + sink_us),
                 "bare JVM %.0f us, smtp-sink %.0f us" % (bare_cpu, sink_us))

        # The SMTP ceiling of the machine: Postfix's own client, no Java at all (context only).
        if args.ceiling > 0:
            t_source, _ = timed(lambda: subprocess.run(
                [args.smtp_source, "-d", "-s", str(args.threads), "-m", str(args.ceiling), "-l", str(int(bare["size"])),
                 "-f", "nps@acme.example", "-t", "sink@" + EMAIL_DOMAIN, "127.0.0.1:%d" % args.smtp_port],
                check=True, capture_output=True))
            self.add("ceiling", "smtp-source, %s messages, %d session(s)" % (fmt_int(args.ceiling), args.threads),
                     "%s emails/s" % fmt_int(args.ceiling / t_source), "the machine's SMTP ceiling (context, not a goal)")
        self.sink.stop()

        ratio = app_rate / bare_rate
        self.add("verdict", "app / bare loop", "%.0f %%" % (ratio * 100),
                 "goal >= %d %%: %s" % (GOAL_RATIO * 100, "MET" if ratio >= GOAL_RATIO else "MISSED"))
        self.add("verdict", "app emails/s", fmt_int(app_rate),
                 "goal >= %s/s: %s" % (fmt_int(GOAL_RATE), "MET" if app_rate >= GOAL_RATE else "MISSED"))
        self.app_rate, self.bare_rate, self.ratio = app_rate, bare_rate, ratio

    def machine(self):
        java = java_version()
        return [("nproc", nproc()),
                ("java", java[0] if java else "?"),
                ("postgresql", self.db.run("SELECT version()").split(" on ")[0] + "; autovacuum = "
                 + self.db.run("SHOW autovacuum")),
                ("payara", self.args.payara_version),
                ("smtp sink", "Postfix smtp-sink on 127.0.0.1:%d" % self.args.smtp_port),
                ("load average", load_note(self.args.load_before)),
                ("client", "python %s, same machine as server, database and sink" % platform.python_version())]

    def report(self, started):
        self.table.print("NPS Loop sending benchmark", self.machine,
                         "whole benchmark (contacts, campaigns, bare loop, without build and start): %.0f s", started)


def main():
    p = arguments(__doc__, here="the directory of Bare.java")
    p.add_argument("--messages", type=int, default=100_000)
    p.add_argument("--warmup", type=int, default=2_000)
    p.add_argument("--threads", type=int, default=8)
    p.add_argument("--smtp-port", type=int, required=True)
    p.add_argument("--smtp-sink", default="smtp-sink")
    p.add_argument("--smtp-source", default="smtp-source")
    p.add_argument("--sink-user", default="nobody")
    p.add_argument("--ceiling", type=int, default=20_000, help="messages smtp-source sends (0: skip)")
    p.add_argument("--bare-classpath", required=True)
    p.add_argument("--timeout", type=int, default=900, help="seconds a campaign may take")
    p.add_argument("--payara-pid", type=int, required=True)
    args = p.parse_args()

    started = time.time()
    bench = Bench(args)
    try:
        bench.run()
    finally:
        bench.sink.stop()
    bench.report(started)
    sys.exit(0)


if __name__ == "__main__":
    main()
