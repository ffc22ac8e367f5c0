"""Many call requests at once: one holder per time, every thanked request stored, even when a worker dies.

Builds a throwaway demo site for each database (its own SQLite file, or a
PostgreSQL database dropped and created afresh; the developer's database is
never touched), opens every day 08:00-20:00 for calls in that throwaway
database only, serves it as in production (gunicorn with config/gunicorn.py,
threaded workers, production settings; Redis as the shared cache beside
PostgreSQL) and runs three bursts, each released at one instant from one
thread per visitor (own cookies, CSRF token and filled-in form):

  same       50 visitors ask for the same time: exactly one may hold it; the
             49 others must be told it was just taken, be shown the nearest
             free times and find what they typed still in the form.
  different  200 visitors ask for 200 different times: all must be stored.
  killed     200 more different times while one gunicorn worker is killed
             (SIGKILL) once the burst has begun storing: no visitor may be
             thanked without being stored, and no time or form stored twice.
             Visitors whose connection died then send the same form again
             (as a reload would): each must be thanked, none stored twice.

    .venv/bin/python bench/booking_concurrency.py                       # SQLite
    .venv/bin/python bench/booking_concurrency.py --postgres postgresql://postgres@127.0.0.1:5432/i15_bench \
        --redis redis://127.0.0.1:6379/5                                 # and PostgreSQL
    .venv/bin/python bench/booking_concurrency.py --only-postgres --postgres ...

Prints one table of figures for every database run. Exit status 1 if any
guarantee fails.
"""

import argparse
import http.cookiejar
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from common import ROOT, bench_env, wait_until_up

PYTHON = sys.executable
THANKS = "please confirm by e-mail"
TAKEN = "That time has just been taken"
NEAREST = "The nearest free times"
ACTIVE = ("unconfirmed", "waiting", "offered", "confirmed")
# Only in this run's throwaway database: enough free times for every burst
# (12 h a day of 20-minute calls for 3 weeks is over 700), and a cap on
# waiting requests above the 451 the bursts make.
SETUP = """
from datetime import time
from booking.models import AvailabilityWindow, BookingPage
page = BookingPage.objects.get()
page.windows.all().delete()
for day in range(7):
    page.windows.add(AvailabilityWindow(weekday=day, starts=time(8), ends=time(20)))
page.blocked_dates.all().delete()
page.call_minutes, page.gap_minutes, page.notice_hours, page.weeks_ahead = 20, 0, 1, 3
page.save_revision().publish()
# Above the admin's limit of 200 on purpose, so the cap never closes booking mid-bench.
BookingPage.objects.filter(pk=page.pk).update(max_waiting=1000)
"""


class Site:
    """One throwaway site: its environment, database and gunicorn."""

    def __init__(self, args, postgres=None):
        self.args, self.postgres = args, postgres
        self.workdir = Path(tempfile.mkdtemp(prefix="booking-bench-"))
        extra = {}
        if postgres:
            extra = {"DATABASE_URL": postgres, "DB_CONN_MAX_AGE": "60"}
            if args.redis:
                extra.update(REDIS_URL=args.redis, CACHE_KEY_PREFIX=f"i15bench{os.getpid()}")
        self.env = bench_env(
            SQLITE_PATH=str(self.workdir / "db.sqlite3"), MEDIA_ROOT=str(self.workdir / "media"),
            STATIC_ROOT=str(self.workdir / "static"), EMAIL_HOST="", PAGE_CACHE_SECONDS="0",
            GUNICORN_THREADS=str(args.threads), TRUSTED_PROXY_COUNT="1", **extra,
        )
        self.url = f"http://127.0.0.1:{args.port}/book-a-call/"
        self.server = None
        self.log = None

    def manage(self, *args, capture=False):
        run = subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=self.env, check=True, text=True,
                             stdout=subprocess.PIPE if capture else subprocess.DEVNULL)
        return run.stdout

    def build(self):
        if self.postgres:
            import psycopg

            name = urllib.parse.urlparse(self.postgres).path.lstrip("/")
            with psycopg.connect(self.postgres.rsplit("/", 1)[0] + "/postgres", autocommit=True) as db:
                db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                db.execute(f'CREATE DATABASE "{name}"')
        self.manage("migrate", "--no-input")
        self.manage("load_demo_content")
        self.manage("shell", "-c", SETUP)
        self.manage("collectstatic", "--no-input")

    def start(self):
        self.log = open(self.workdir / "gunicorn.log", "w")  # noqa: SIM115 - open for the server's lifetime
        self.server = subprocess.Popen(
            [str(Path(PYTHON).parent / "gunicorn"), "config.wsgi", "-c", "config/gunicorn.py",
             "--workers", str(self.args.workers), "--bind", f"127.0.0.1:{self.args.port}",
             # A loaded two-core machine can starve a worker's heartbeat for a while.
             "--timeout", "120"],
            cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT,
        )
        wait_until_up(self.url, seconds=300)
        # Every worker must be up before a burst, or the first burst measures boot time.
        deadline = time.monotonic() + 300
        while len(self.workers()) < self.args.workers and time.monotonic() < deadline:
            time.sleep(0.5)
        for _ in range(self.args.workers * 4):
            with urllib.request.urlopen(self.url, timeout=120):
                pass

    def workers(self):
        found = subprocess.run(["pgrep", "-P", str(self.server.pid)], capture_output=True, text=True).stdout.split()
        return [int(pid) for pid in found]

    def stop(self):
        if self.server:
            self.server.terminate()
            try:
                self.server.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.server.kill()
                self.server.wait()
        if self.log:
            self.log.close()

    def rows(self):
        """(email, start, status, token) of every bench request, read straight from the database."""
        sql = ("SELECT email, starts_at, status, token FROM booking_callrequest "
               "WHERE email LIKE '%%@bench.example'")
        if self.postgres:
            import psycopg

            with psycopg.connect(self.postgres) as db:
                return [(e, str(s), st, str(t)) for e, s, st, t in db.execute(sql).fetchall()]
        with sqlite3.connect(self.workdir / "db.sqlite3", timeout=60) as db:
            return [(e, str(s), st, str(t)) for e, s, st, t in db.execute(sql.replace("%%", "%")).fetchall()]


def prepare(url, visitor):
    """A visitor's own browser and filled-in form; returns (browser, data, free time values)."""
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    with browser.open(url, timeout=120) as response:
        html = response.read().decode()
    data = {
        "csrfmiddlewaretoken": re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1],
        "submission-token": re.search(r'name="submission-token" value="([^"]+)"', html)[1],
        "name": f"Bench visitor {visitor}", "email": f"visitor{visitor}@bench.example", "way": "video", "consent": "on",
    }
    return browser, data, re.findall(r'name="slot" value="([^"]+)"', html)


def post(url, browser, data):
    body = urllib.parse.urlencode(data).encode()
    # Each visitor from an address of their own, as a proxy would say: one connection holds one unconfirmed time.
    number = int(re.search(r"visitor(\d+)@", data["email"])[1])
    headers = {"Referer": url, "X-Forwarded-For": f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}"}
    try:
        with browser.open(urllib.request.Request(url, data=body, headers=headers), timeout=180) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")
    except OSError as error:
        return 0, str(error)  # the connection died (a killed worker)


def post_all(url, visitors, during=None):
    """Release every post at once; (status, text) per visitor."""
    start = threading.Barrier(len(visitors) + 1)
    results = [None] * len(visitors)

    def send(index, browser, data):
        start.wait()
        results[index] = post(url, browser, data)

    threads = [threading.Thread(target=send, args=(i, browser, data)) for i, (browser, data) in enumerate(visitors)]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    if during:
        during()
    for thread in threads:
        thread.join()
    return results, time.perf_counter() - began


def kept_typing(text, data):
    """The visitor's name and e-mail are back in the form, and consent still ticked."""
    return (f'value="{data["name"]}"' in text and f'value="{data["email"]}"' in text
            and re.search(r'name="consent"[^>]*checked', text) is not None)


def statuses(results):
    counts = {}
    for status, _ in results:
        counts[status] = counts.get(status, 0) + 1
    return ", ".join(f"{k or 'cut'}×{v}" for k, v in sorted(counts.items()))


def duplicates(rows):
    """Active requests holding a time another active request holds, and forms (tokens) stored twice."""
    starts = [start for _, start, status, _ in rows if status in ACTIVE]
    tokens = [token for *_, token in rows]
    return (len(starts) - len(set(starts))) + (len(tokens) - len(set(tokens)))


def run_site(site, args):
    """The three bursts on one site; a list of (scenario, figures dict, failures)."""
    results_table = []
    print(f"[{site.label}] building a throwaway demo site in {site.workdir} …", flush=True)
    site.build()
    site.start()
    print(f"[{site.label}] gunicorn (config/gunicorn.py): {args.workers} workers × {args.threads} threads "
          f"on 127.0.0.1:{args.port}", flush=True)

    # 1. The same time, many visitors.
    prepared = [prepare(site.url, i) for i in range(args.same)]
    target = prepared[0][2][0]
    visitors = [(browser, {**data, "slot": target}) for browser, data, _ in prepared]
    results, wall = post_all(site.url, visitors)
    rows = site.rows()
    held = sum(1 for _, start, status, _ in rows if status in ACTIVE)
    told = sum(
        1 for (status, text), (_, data) in zip(results, visitors, strict=True)
        if status == 409 and TAKEN in text and NEAREST in text and kept_typing(text, data)
    )
    figures = {
        "requests": args.same, "seconds": wall, "responses": statuses(results),
        "thanked": sum(THANKS in text for _, text in results), "stored": held,
        "told taken, typing kept": told, "5xx": sum(status >= 500 for status, _ in results),
        "thanked not stored": 0, "duplicates": duplicates(rows),
    }
    failures = []
    if held != 1 or figures["thanked"] != 1:
        failures.append("not exactly one holder")
    if told != args.same - 1:
        failures.append(f"only {told} of {args.same - 1} told 'just taken' with nearest times and typing kept")
    results_table.append(("same time", figures, failures))

    # 2. and 3. Different times; then again while a worker is killed.
    for label, kill in (("different times", False), ("worker killed", True)):
        prepared = [prepare(site.url, 1000 * (2 + kill) + i) for i in range(args.different)]
        free = prepared[0][2]
        if len(free) < args.different:
            raise SystemExit(f"Only {len(free)} free times: not enough for {args.different} different requests.")
        visitors = [(browser, {**data, "slot": free[i]}) for i, (browser, data, _) in enumerate(prepared)]
        mine = {data["email"] for _, data in visitors}
        killed = {}

        def kill_one_worker(mine=mine, killed=killed):
            # Mid-burst for certain: wait until some of this burst is stored, then kill.
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                if sum(email in mine for email, *_ in site.rows()) >= args.different // 10:
                    break
                time.sleep(0.05)
            pid = site.workers()[0]
            os.kill(pid, signal.SIGKILL)
            killed["pid"], killed["stored then"] = pid, sum(email in mine for email, *_ in site.rows())

        results, wall = post_all(site.url, visitors, during=kill_one_worker if kill else None)
        thanked = {data["email"] for (_, text), (_, data) in zip(results, visitors, strict=True) if THANKS in text}
        rows = site.rows()
        stored = {email for email, *_ in rows} & mine
        figures = {
            "requests": args.different, "seconds": wall, "responses": statuses(results), "thanked": len(thanked),
            "stored": len(stored), "5xx": sum(status >= 500 for status, _ in results),
            "thanked not stored": len(thanked - stored), "duplicates": duplicates(rows),
        }
        failures = []
        if thanked - stored:
            failures.append("a visitor was thanked but nothing was stored")
        if figures["duplicates"]:
            failures.append("a time or a form stored twice")
        if not kill:
            if len(stored) != args.different or len(thanked) != args.different:
                failures.append("not every request was stored and thanked")
        else:
            figures["killed when stored"] = killed.get("stored then")
            # The visitors whose connection died send the same form again, as a reload would.
            cut = [(i, v) for i, v in enumerate(visitors) if results[i][0] == 0 or results[i][0] >= 500]
            wait_until_up(site.url, seconds=300)
            again = [post(site.url, browser, data) for _, (browser, data) in cut]
            rows = site.rows()
            figures["cut, sent again"] = len(cut)
            figures["thanked on resend"] = sum(THANKS in text for _, text in again)
            figures["stored after resend"] = len({email for email, *_ in rows} & mine)
            figures["duplicates"] = duplicates(rows)
            if figures["thanked on resend"] != len(cut):
                failures.append("a resent form was not thanked")
            if figures["duplicates"]:
                failures.append("a resent form was stored twice")
            if figures["stored after resend"] != args.different:
                failures.append("not every request stored after resending")
        results_table.append((label, figures, failures))
    return results_table


COLUMNS = [
    ("requests", "sent"), ("seconds", "wall s"), ("responses", "HTTP statuses"), ("thanked", "thanked"),
    ("stored", "stored/held"), ("told taken, typing kept", "told taken+kept"), ("5xx", "5xx"),
    ("thanked not stored", "thanked¬stored"), ("duplicates", "dups"), ("cut, sent again", "cut→resent"),
    ("thanked on resend", "resent thanked"), ("stored after resend", "stored after"),
]


def print_table(all_results):
    header = ["database", "burst", *[title for _, title in COLUMNS], "verdict"]
    lines = []
    for database, table in all_results:
        for label, figures, failures in table:
            cells = [database, label]
            for key, _ in COLUMNS:
                value = figures.get(key, "–")
                cells.append(f"{value:.1f}" if isinstance(value, float) else str(value if value is not None else "–"))
            cells.append("OK" if not failures else "FAIL: " + "; ".join(failures))
            lines.append(cells)
    widths = [max(len(row[i]) for row in [header, *lines]) for i in range(len(header))]
    print()
    for row in [header, ["-" * w for w in widths], *lines]:
        print(" | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=8,
                        help="per worker (config/gunicorn.py's GUNICORN_THREADS); 4×8 stays under PostgreSQL's 100 connections")
    parser.add_argument("--port", type=int, default=8150)
    parser.add_argument("--same", type=int, default=50)
    parser.add_argument("--different", type=int, default=200)
    parser.add_argument("--postgres", default="", help="also run on this PostgreSQL database (dropped and made afresh)")
    parser.add_argument("--redis", default="", help="Redis URL for the shared cache on the PostgreSQL run")
    parser.add_argument("--only-postgres", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep each throwaway site's folder (database, server log)")
    args = parser.parse_args()

    databases = [] if args.only_postgres else [("SQLite", None)]
    if args.postgres:
        databases.append(("PostgreSQL", args.postgres))
    all_results = []
    for label, url in databases:
        site = Site(args, url)
        site.label = label
        try:
            all_results.append((label, run_site(site, args)))
        finally:
            site.stop()
            if args.keep:
                print(f"[{label}] kept: {site.workdir}")
            else:
                shutil.rmtree(site.workdir, ignore_errors=True)
    print_table(all_results)
    failed = [(db, label) for db, table in all_results for label, _, failures in table if failures]
    if failed:
        raise SystemExit("FAIL: " + ", ".join(f"{db} {label}" for db, label in failed))
    print("\nOK: one holder per time, the others told and their typing kept, every thanked request stored, "
          "nothing stored twice, no server error.")


if __name__ == "__main__":
    main()
