"""The times offered in the weeks the UK clocks change, as a visitor sees them and as the database stores them.

On a throwaway demo site (its own SQLite file, or the PostgreSQL database
given, dropped and made afresh), the booking page offers calls on Sundays
09:00-10:00 and, to show the night the clocks jump, 00:30-02:30. For the
Sunday before and the Sunday of each change in 2027 (28 March, 31 October)
it prints every offered time in UK time, its UTC offset and its UTC value;
then it books 09:00 on each change Sunday through the page (with the site's
clock set to that week) and prints the value the database holds.

    .venv/bin/python bench/booking_clock_change.py
    .venv/bin/python bench/booking_clock_change.py --postgres postgresql://postgres@127.0.0.1:5432/i15_clock

Exit status 1 if a time is wrong.
"""

import argparse
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
from pathlib import Path

from common import ROOT, bench_env

SCRIPT = r"""
import re
from datetime import UTC, date, datetime, time
from unittest import mock
from django.db import connection
from django.test import Client
from booking import clock
from booking.models import AvailabilityWindow, BookingPage, CallRequest
from booking.slots import availability

page = BookingPage.objects.get()
page.windows.all().delete()
page.windows.add(AvailabilityWindow(weekday=6, starts=time(0, 30), ends=time(2, 30)))
page.windows.add(AvailabilityWindow(weekday=6, starts=time(9), ends=time(10)))
page.blocked_dates.all().delete()
page.call_minutes, page.gap_minutes, page.notice_hours, page.weeks_ahead = 30, 0, 0, 2
page.save_revision().publish()
page = BookingPage.objects.get()

SUNDAYS = [  # (Sunday, "now" for the site, 09:00 UK in UTC on that Sunday)
    (date(2027, 3, 21), datetime(2027, 3, 15, 12, tzinfo=UTC), None),
    (date(2027, 3, 28), datetime(2027, 3, 22, 12, tzinfo=UTC), "20270328T0800Z"),
    (date(2027, 10, 24), datetime(2027, 10, 18, 12, tzinfo=UTC), None),
    (date(2027, 10, 31), datetime(2027, 10, 25, 12, tzinfo=UTC), "20271031T0900Z"),
]
EXPECTED = {  # UK wall times offered, and the UTC hour of 09:00
    date(2027, 3, 21): (["00:30", "01:00", "01:30", "02:00", "09:00", "09:30"], 9),
    date(2027, 3, 28): (["00:30", "02:00", "09:00", "09:30"], 8),      # 01:00-01:59 never happens
    date(2027, 10, 24): (["00:30", "01:00", "01:30", "02:00", "09:00", "09:30"], 8),
    date(2027, 10, 31): (["00:30", "01:00", "01:30", "02:00", "09:00", "09:30"], 9),  # 01:xx once, the first time
}
failures = []
print(f"{'Sunday':<18} {'UK time':<8} {'offset':<7} {'UTC (stored form)':<20} form value")
for sunday, now, _ in SUNDAYS:
    slots = [s for s in availability(page, now).free if s.day == sunday]
    for slot in slots:
        offset = slot.local_start.strftime("%z")
        print(f"{sunday:%a %d %b %Y}  {slot.local_start:%H:%M}    {offset[:3]}:{offset[3:]} "
              f"{slot.starts_at:%Y-%m-%d %H:%M} UTC   {slot.key}")
    local = [f"{s.local_start:%H:%M}" for s in slots]
    wanted, nine_utc = EXPECTED[sunday]
    nine = next(s for s in slots if f"{s.local_start:%H:%M}" == "09:00")
    if local != wanted or nine.starts_at.hour != nine_utc:
        failures.append(f"{sunday}: offered {local}, 09:00 UK = {nine.starts_at:%H:%M} UTC")
    print()

print(f"{'booked through the page':<34} {'thank-you page says':<44} database holds")
for sunday, now, key in SUNDAYS:
    if not key:
        continue
    client = Client()
    with mock.patch.object(clock, "now", lambda now=now: now):
        client.get("/book-a-call/", HTTP_HOST="127.0.0.1")
        html = client.post("/book-a-call/", {"slot": key, "name": "Clock Bench", "email": f"{key}@bench.example",
                           "way": "video", "consent": "on"}, HTTP_HOST="127.0.0.1").content.decode()
    said = html.split('<p class="lead">', 1)[1].split("</p>", 1)[0] if '<p class="lead">' in html else "(no thank-you page)"
    said = " ".join(re.sub(r"<[^>]+>", "", said).split())
    with connection.cursor() as cursor:
        cursor.execute("SELECT CAST(starts_at AS TEXT) FROM booking_callrequest WHERE email = %s", [f"{key}@bench.example"])
        row = cursor.fetchone()
    raw = row[0] if row else "(not stored)"
    print(f"{sunday:%a %d %b %Y} 09:00 UK ({key})  {said:<44} {raw}")
    expected_raw = f"{key[0:4]}-{key[4:6]}-{key[6:8]} {key[9:11]}:{key[11:13]}:00"
    if not raw.startswith(expected_raw) or "09:00" not in said:
        failures.append(f"{sunday}: stored {raw!r}, page said {said!r}")
print()
if failures:
    raise SystemExit("FAIL: " + "; ".join(failures))
print("OK: UK wall-clock times across both clock changes, stored in UTC.")
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", default="", help="run on this PostgreSQL database (dropped and made afresh)")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="booking-clock-"))
    extra = {"DATABASE_URL": args.postgres} if args.postgres else {}
    env = bench_env(SQLITE_PATH=str(workdir / "db.sqlite3"), MEDIA_ROOT=str(workdir / "media"),
                    STATIC_ROOT=str(workdir / "static"), PAGE_CACHE_SECONDS="0", EMAIL_HOST="", **extra)
    if args.postgres:
        import psycopg

        name = urllib.parse.urlparse(args.postgres).path.lstrip("/")
        with psycopg.connect(args.postgres.rsplit("/", 1)[0] + "/postgres", autocommit=True) as db:
            db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            db.execute(f'CREATE DATABASE "{name}"')
    print(f"Database: {'PostgreSQL' if args.postgres else 'SQLite'}; building a throwaway demo site …", flush=True)
    try:
        for step in (["migrate", "--no-input"], ["load_demo_content"], ["collectstatic", "--no-input"]):
            subprocess.run([sys.executable, "manage.py", *step], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
        done = subprocess.run([sys.executable, "manage.py", "shell", "-c", SCRIPT], cwd=ROOT, env=env)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    raise SystemExit(done.returncode)


if __name__ == "__main__":
    main()
