"""Helpers shared by the benchmark drivers in bench/*/bench.py (Python 3 standard library only).

One keep-alive HTTP client with cookies, psql, CPU time of processes from /proc, the first steps every
benchmark takes against the API (an API key, contacts in bulk), the facts about the machine, the
result rows and the final table. Each bench.py keeps its own phases, figures and goals. See README.md.
"""

import argparse
import datetime as dt
import http.client
import json
import os
import subprocess
import sys
import time
import urllib.parse

FIRST_NAMES = ("Jeanne Louis Camille Hugo Léa Lucas Chloé Gabriel Manon Arthur Inès Jules Zoé Adam Emma Raphaël "
               "Alice Paul Sarah Nathan Olivia James Emily Oliver Sophie Jack Grace Henry Ruby George").split()


def log(message):
    print(time.strftime("%H:%M:%S ") + message, file=sys.stderr, flush=True)


def fmt_int(x):
    return "{:,}".format(int(round(x)))


def percentile(sorted_values, p):
    """The p-th percentile (nearest rank) of values sorted in ascending order (nan when there are none)."""
    if not sorted_values:
        return float("nan")
    k = max(0, min(len(sorted_values) - 1, int(round(p / 100.0 * len(sorted_values) + 0.5)) - 1))
    return sorted_values[k]


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


# --------------------------------------------------------------------------------------------- HTTP

class Client:
    """One keep-alive HTTP connection (not shared between threads) with its cookies and headers. Like a
    browser on the app's own pages, it sends Origin: <base> (the app refuses a signed-in session's state
    changes that come from another origin).

    ACCEPT: the headers every request carries after the client's own (a subclass may change them)."""

    ACCEPT = {"Accept": "application/json"}

    def __init__(self, base, headers=None):
        url = urllib.parse.urlsplit(base)
        self.host, self.port = url.hostname, url.port or 80
        self.headers = {"Origin": "%s://%s" % (url.scheme, url.netloc)}
        self.headers.update(headers or {})
        self.cookies = {}
        self.conn = None

    def request(self, method, path, body=None, content_type=None, timeout=600):
        headers = dict(self.headers)
        headers.update(self.ACCEPT)
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

    def form(self, path, fields):
        return self.request("POST", path, urllib.parse.urlencode(fields), "application/x-www-form-urlencoded")

    def login(self, username, password):
        status, _, response = self.form("/j_security_check", {"j_username": username, "j_password": password})
        location = response.getheader("Location", "")
        if status not in (302, 303) or "failed" in location:
            raise RuntimeError("login of %s failed: %d %s" % (username, status, location))
        return location


def api_key(base, username, password, name, client=Client):
    """Logs in as username and creates a MARKETER API key called name-<time>; returns (admin client, secret)."""
    admin = client(base)
    admin.login(username, password)
    key = admin.json("POST", "/api/api-keys", {"name": "%s-%d" % (name, time.time()), "role": "MARKETER"})
    return admin, key["secret"]


def bulk_contacts(api, list_id, email, count, chunk=10_000):
    """Contacts 1..count (address email % n), FR and EN alternately, into list_id through /api/contacts/bulk."""
    for first in range(0, count, chunk):
        rows = [{"email": email % n, "firstName": FIRST_NAMES[n % len(FIRST_NAMES)],
                 "lastName": "Bench", "language": "FR" if n % 2 else "EN"}
                for n in range(first + 1, min(count, first + chunk) + 1)]
        result = api.json("POST", "/api/contacts/bulk", {"contacts": rows, "listId": list_id})
        if result.get("created", 0) + result.get("updated", 0) != len(rows):
            raise RuntimeError("bulk upsert answered %s for %d rows" % (result, len(rows)))


# --------------------------------------------------------------------------------------- database

class Psql:
    def __init__(self, host, port, user, db):
        self.base = ["psql", "-h", host, "-p", str(port), "-U", user, "-d", db, "-X", "-q", "-A", "-t",
                     "-v", "ON_ERROR_STOP=1"]

    def run(self, sql):
        out = subprocess.run(self.base + ["-c", sql], check=True, capture_output=True, text=True)
        return out.stdout.strip()

    def script(self, text, **variables):
        """Runs the script text (several statements, psql commands) in one session, with these psql variables
        (:name in the script); returns what it printed to stdout."""
        command = list(self.base)
        for name, value in variables.items():
            command += ["-v", "%s=%s" % (name, value)]
        out = subprocess.run(command, input=text, capture_output=True, text=True)
        if out.returncode != 0:
            raise RuntimeError("psql failed (exit %d): %s" % (out.returncode, out.stderr.strip()[-2000:]))
        return out.stdout


# ------------------------------------------------------------------------------------ processes

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


# ------------------------------------------------------------------------------------- machine

def java_version():
    """The lines of `java -version`."""
    return subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.strip().splitlines()


def nproc():
    """The number of CPUs and, when /proc/cpuinfo says it, their model."""
    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), "")
    except OSError:
        pass
    return str(os.cpu_count()) + (" (%s)" % cpu if cpu else "")


def load_note(load_before):
    return "%s before Payara started (other work on the machine skews every figure)" % load_before


# --------------------------------------------------------------------------------------- report

class Table:
    """The result rows (section, measure, value, note), each logged as it comes, printed as one table at the end.

    log_format: how add() logs a row to stderr, e.g. "%-8s %-44s %s %s"."""

    def __init__(self, log_format):
        self.log_format = log_format
        self.rows = []

    def add(self, section, measure, value, note=""):
        self.rows.append((section, measure, value, note))
        log(self.log_format % (section, measure, value, note))

    def print(self, title, machine, footer, started, key_width=13, section_width=8):
        """Prints to stdout the title, the (key, value) lines machine() returns, the rows by section, and
        the footer, whose %.0f is given the seconds since started (a time.time())."""
        width = max(len(r[1]) for r in self.rows) + 2
        vwidth = max(len(r[2]) for r in self.rows) + 2
        line = "=" * 110
        print()
        print(line)
        print("%s  %s" % (title, dt.datetime.now().strftime("%Y-%m-%d %H:%M")))
        print(line)
        for key, value in machine():
            print("%-*s %s" % (key_width, key, value))
        print(line)
        section = None
        for sec, measure, value, note in self.rows:
            if section is not None and sec != section:
                print("-" * 110)
            section = sec
            print("%-*s %-*s %-*s %s" % (section_width, sec, width, measure, vwidth, value, note))
        print(line)
        print(footer % (time.time() - started))


# ---------------------------------------------------------------------------------------- options

def arguments(description, here=None):
    """The options every bench.py takes from run.sh (base URL, work directory, admin, database, Payara
    version, load average before), with --here when the bench has files next to it; add the bench's own."""
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--base", required=True)
    p.add_argument("--work", required=True)
    if here:
        p.add_argument("--here", required=True, help=here)
    p.add_argument("--admin-user", default="admin")
    p.add_argument("--admin-password", required=True)
    p.add_argument("--db-host", default="127.0.0.1")
    p.add_argument("--db-port", type=int, default=5432)
    p.add_argument("--db-user", default="postgres")
    p.add_argument("--db-name", required=True)
    p.add_argument("--payara-version", default="?")
    p.add_argument("--load-before", default="?")
    return p
