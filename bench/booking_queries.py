"""Booking page queries and render time at demo size and with 10,000 past requests (run by `make bench`).

    .venv/bin/python bench/booking_queries.py
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from common import ROOT, bench_env

SCRIPT = """
import statistics, time
from datetime import timedelta
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from booking import clock
from booking.models import BookingPage, CallRequest

def measure():
    client = Client()
    client.get("/book-a-call/", HTTP_HOST="127.0.0.1")
    with CaptureQueriesContext(connection) as captured:
        client.get("/book-a-call/", HTTP_HOST="127.0.0.1")
    times = []
    for _ in range(20):
        began = time.perf_counter(); client.get("/book-a-call/", HTTP_HOST="127.0.0.1"); times.append(time.perf_counter() - began)
    return len(captured), statistics.median(times) * 1000

small = measure()
page, now = BookingPage.objects.get(), clock.now()
CallRequest.objects.bulk_create([CallRequest(page=page, starts_at=now - timedelta(minutes=30 * (i + 10)),
    ends_at=now - timedelta(minutes=30 * (i + 10) - 20), status=["declined", "expired", "cancelled", "confirmed"][i % 4],
    way="phone", name="Past", email=f"past{i}@example.net") for i in range(10_000)], batch_size=1000)
connection.cursor().execute("ANALYZE")
big = measure()
print(f"booking page: demo {small[0]} queries, {small[1]:.1f} ms; 10,000 past requests {big[0]} queries, {big[1]:.1f} ms")
if small[0] != big[0]:
    raise SystemExit("FAIL: the query count grows with past requests")
"""


def main():
    workdir = Path(tempfile.mkdtemp(prefix="booking-queries-"))
    env = bench_env(SQLITE_PATH=str(workdir / "db.sqlite3"), MEDIA_ROOT=str(workdir / "media"),
                    STATIC_ROOT=str(workdir / "static"), PAGE_CACHE_SECONDS="0")
    try:
        for args in (["migrate", "--no-input"], ["load_demo_content"], ["collectstatic", "--no-input"]):
            subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
        subprocess.run([sys.executable, "manage.py", "shell", "-c", SCRIPT], cwd=ROOT, env=env, check=True)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
