#!/usr/bin/env python
"""`make bench-insights`: requests per second with page-view counting on and off.

Runs the production settings on SQLite under gunicorn (3 workers) twice, once
with INSIGHTS_ENABLED=true and once false, and loads a cached page and an
uncached page with wrk, sending a real browser's user agent so that every
request is counted. Afterwards it prints how many views reached the database,
to show that the counting really happened.
"""

import re
import subprocess
import sys
import time
from pathlib import Path

from common import RESULTS, ROOT, bench_env, wait_until_up

PY = sys.executable
PORT = 8126
AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0 Safari/537.36"
DB = RESULTS / "insights.sqlite3"


def env(**extra):
    return bench_env(SQLITE_PATH=str(DB), **extra)


def manage(*args):
    subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env(), check=True, stdout=subprocess.DEVNULL)


def rps(url, seconds=5):
    out = subprocess.run(["wrk", "-t2", "-c32", f"-d{seconds}s", "-H", f"User-Agent: {AGENT}", url],
                         capture_output=True, text=True).stdout
    match = re.search(r"Requests/sec:\s+([\d.]+)", out)
    return float(match.group(1)) if match else 0.0


def counted():
    out = subprocess.run(
        [PY, "manage.py", "shell", "-c",
         "from django.db.models import Sum; from insights.models import PageViewDay; "
         "print(PageViewDay.objects.filter(path='/about/').aggregate(n=Sum('views'))['n'] or 0)"],
        cwd=ROOT, env=env(), capture_output=True, text=True, check=True,
    )
    return int(out.stdout.strip().splitlines()[-1])


def run(enabled, cache_seconds):
    log = open(RESULTS / "insights-gunicorn.log", "a")
    server = subprocess.Popen(
        [str(Path(PY).parent / "gunicorn"), "config.wsgi", "--workers", "3", "--bind", f"127.0.0.1:{PORT}"],
        cwd=ROOT, env=env(INSIGHTS_ENABLED=str(enabled).lower(), PAGE_CACHE_SECONDS=str(cache_seconds)),
        stdout=log, stderr=log,
    )
    try:
        wait_until_up(f"http://127.0.0.1:{PORT}/robots.txt")
        rps(f"http://127.0.0.1:{PORT}/about/", 1)  # warm up: page cache, connections
        return rps(f"http://127.0.0.1:{PORT}/about/")
    finally:
        server.terminate()  # a graceful stop: each worker writes its last counts on the way out
        server.wait()


def main():
    RESULTS.mkdir(parents=True, exist_ok=True)
    DB.unlink(missing_ok=True)
    manage("migrate", "--no-input")
    manage("load_demo_content")
    manage("collectstatic", "--no-input")
    print("req/s for /about/, gunicorn 3 workers, wrk -t2 -c32 -d5s, SQLite:\n")
    print(f"{'':<22}{'counting off':>14}{'counting on':>14}")
    for label, seconds in (("from the page cache", 600), ("rendered each time", 0)):
        before = counted()
        off = run(False, seconds)
        middle = counted()
        on = run(True, seconds)
        time.sleep(0.5)
        after = counted()
        print(f"{label:<22}{off:>14.0f}{on:>14.0f}   (views stored: {middle - before} off, {after - middle} on)")


if __name__ == "__main__":
    main()
