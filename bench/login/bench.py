#!/usr/bin/env python3
"""Sign-in timing benchmark driver (Python 3 standard library only).

Talks to a running NPS Loop over HTTP; run.sh builds and starts it. Creates an enabled and a disabled
account, then times failed sign-ins of three kinds, interleaved so that load drifts hit each kind alike:
an unknown user name, a wrong password of the enabled account, the password of the disabled account; and
the right password as a reference. Each attempt is a new connection without cookies, as a guesser's would
be. See README.md.
"""

import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from benchlib import Client, Table, arguments, java_version, load_note, log, nproc, percentile  # noqa: E402

GOAL_SPREAD = 0.20
PASSWORD = "Bench-login-Secret-42"


class Bench:
    def __init__(self, args):
        self.args = args
        self.base = args.base.rstrip("/")
        self.table = Table("%-8s %-36s %s %s")
        self.add = self.table.add

    def setup(self):
        admin = Client(self.base)
        admin.login(self.args.admin_user, self.args.admin_password)
        stamp = int(time.time())
        self.existing = "bench-exists-%d" % stamp
        self.disabled = "bench-disabled-%d" % stamp
        for name in (self.existing, self.disabled):
            user = admin.json("POST", "/api/users", {"username": name, "roles": ["MARKETER"], "password": PASSWORD})
            if name == self.disabled:
                admin.json("PUT", "/api/users/%d/enabled" % user["user"]["id"], {"enabled": False})
        self.unknown_count = 0

    def attempt(self, kind):
        """One sign-in of this kind on a fresh connection; returns its time in ms."""
        if kind == "unknown":
            self.unknown_count += 1
            username, password = "bench-nobody-%d-%d" % (os.getpid(), self.unknown_count), PASSWORD
        elif kind == "wrong":
            username, password = self.existing, "Not-the-password-1"
        elif kind == "disabled":
            username, password = self.disabled, PASSWORD
        else:
            username, password = self.existing, PASSWORD
        client = Client(self.base)
        start = time.perf_counter()
        status, _, response = client.form("/j_security_check", {"j_username": username, "j_password": password})
        elapsed = (time.perf_counter() - start) * 1000
        location = response.getheader("Location", "")
        expected = "failed=true" if kind != "right" else None
        if status != 302 or (expected and expected not in location) or (not expected and "failed" in location):
            raise RuntimeError("%s sign-in answered %d %s" % (kind, status, location))
        if client.conn:
            client.conn.close()
        return elapsed

    def run(self):
        kinds = ("unknown", "wrong", "disabled", "right")
        log("warm-up: %d sign-ins of each kind" % self.args.warmup)
        for _ in range(self.args.warmup):
            for kind in kinds:
                self.attempt(kind)
        times = {kind: [] for kind in kinds}
        log("measuring: %d sign-ins of each kind, interleaved" % self.args.attempts)
        for i in range(self.args.attempts):
            order = kinds[i % len(kinds):] + kinds[:i % len(kinds)]  # rotate who goes first
            for kind in order:
                times[kind].append(self.attempt(kind))
        labels = {"unknown": "unknown user", "wrong": "wrong password (existing user)",
                  "disabled": "disabled user", "right": "right password (reference)"}
        medians = {}
        for kind in kinds:
            values = sorted(times[kind])
            medians[kind] = statistics.median(values)
            self.add("sign-in", labels[kind], "median %6.1f ms" % medians[kind],
                     "p90 %.1f ms, min %.1f ms, n=%d" % (percentile(values, 90), values[0], len(values)))
        failures = [medians[k] for k in ("unknown", "wrong", "disabled")]
        spread = max(failures) / min(failures) - 1
        verdict = "OK" if spread <= GOAL_SPREAD else "MISSED"
        self.add("verdict", "failure medians: largest / smallest - 1", "%.1f %%" % (spread * 100),
                 "%s (goal: within %d %%)" % (verdict, GOAL_SPREAD * 100))


def main():
    p = arguments(__doc__)
    p.add_argument("--attempts", type=int, default=50)
    p.add_argument("--warmup", type=int, default=10)
    args = p.parse_args()
    started = time.time()
    bench = Bench(args)
    bench.setup()
    bench.run()
    bench.table.print("NPS Loop sign-in timing benchmark",
                      lambda: [("java", java_version()[0] if java_version() else "?"), ("nproc", nproc()),
                               ("payara", args.payara_version), ("load", load_note(args.load_before))],
                      "benchmark: %.0f s", started)


if __name__ == "__main__":
    main()
