"""Many enquiries at once: are they all stored, none lost, none doubled? (A benchmark, not a test.)

Builds a throwaway demo site (a fresh SQLite file, media and static folders in
a temporary directory: the developer's own database is never touched), serves
it as in production with gunicorn on 127.0.0.1:8101, gives each of N visitors
their own cookies, CSRF token and form, then releases all N posts at the same
instant from N threads. Finally it counts the rows in the database.

    .venv/bin/python bench/contact_concurrency.py [--requests 50] [--workers 4] [--port 8101] [--keep]

Exit status 1 if any enquiry is missing or stored twice.
"""

import argparse
import http.cookiejar
import json
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

from common import ROOT, bench_env, wait_until_up

PYTHON = sys.executable
THANKS = "your enquiry has been sent"


class FormReader(HTMLParser):
    """The contact form's controls, answered as a visitor would: each text box, the first radio, every checkbox."""

    def __init__(self, visitor):
        super().__init__()
        self.visitor, self.in_form, self.textarea, self.data = visitor, False, None, {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method") == "post":
            self.in_form = True
        if not self.in_form or "name" not in attrs:
            return
        name, kind = attrs["name"], attrs.get("type", "text")
        if tag == "textarea":
            self.textarea = name
        elif tag != "input" or name == "home-page":  # the spam trap stays empty
            return
        elif kind == "hidden":
            self.data[name] = attrs.get("value", "")
        elif kind == "radio":
            if "checked" in attrs or name not in self.data:
                self.data[name] = attrs["value"]
        elif kind == "checkbox":
            self.data[name] = "on"
        else:
            self.data[name] = {
                "email": f"visitor{self.visitor}@example.org", "tel": "07700 900123",
            }.get(kind, f"Bench visitor {self.visitor}")

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        if tag == "textarea" and self.textarea:
            self.data[self.textarea] = f"Message from visitor {self.visitor}: é, ü, 😊."
            self.textarea = None


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)




def prepare(url, visitor):
    """A visitor's own browser (cookie jar) and the filled-in form, CSRF token included."""
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    with browser.open(url, timeout=30) as response:
        reader = FormReader(visitor)
        reader.feed(response.read().decode())
    if "csrfmiddlewaretoken" not in reader.data:
        raise SystemExit("The contact page has no CSRF token: is the form there?")
    return browser, reader.data


def post_all(url, visitors):
    """Post every form at the same instant; (status, seconds, thanked) per visitor."""
    start = threading.Barrier(len(visitors))
    results = [None] * len(visitors)

    def send(index, browser, data):
        body = urllib.parse.urlencode(data).encode()
        start.wait()
        began = time.perf_counter()
        try:
            with browser.open(urllib.request.Request(url, data=body, headers={"Referer": url}), timeout=60) as response:
                status, text = response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            status, text = error.code, error.read().decode(errors="replace")
        results[index] = (status, time.perf_counter() - began, THANKS in text)

    threads = [threading.Thread(target=send, args=(i, *visitor)) for i, visitor in enumerate(visitors)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def count_rows(db_path, requests):
    with sqlite3.connect(db_path) as db:
        rows = db.execute("SELECT form_data, token, notification FROM contact_contactsubmission").fetchall()
    emails = [next((v for v in json.loads(data).values() if str(v).endswith("@example.org")), None) for data, _, _ in rows]
    expected = {f"visitor{i}@example.org" for i in range(requests)}
    return {
        "rows": len(rows),
        "distinct visitors": len(set(emails)),
        "missing": len(expected - set(emails)),
        "doubled": len(emails) - len(set(emails)),
        "distinct tokens": len({token for _, token, _ in rows}),
        "e-mails sent": sum(1 for *_, notification in rows if notification == "sent"),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=8101)
    parser.add_argument("--keep", action="store_true", help="keep the temporary site (database, server log)")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="contact-bench-"))
    db_path = workdir / "db.sqlite3"
    # Production settings (bench/common.py), on this run's own files; console e-mail, local-memory cache.
    env = bench_env(
        SQLITE_PATH=str(db_path), MEDIA_ROOT=str(workdir / "media"), STATIC_ROOT=str(workdir / "static"), EMAIL_HOST="",
        # Every visitor here shares one address: the real limit would stop the test, not a flood.
        CONTACT_RATE_LIMIT=f"{args.requests * 10}/h",
    )
    url = f"http://127.0.0.1:{args.port}/contact/"
    server = None
    try:
        print(f"Building a throwaway demo site in {workdir} …", flush=True)
        manage(env, "migrate", "--no-input")
        manage(env, "load_demo_content")
        manage(env, "collectstatic", "--no-input")
        log = open(workdir / "gunicorn.log", "w")  # noqa: SIM115 - open for the server's lifetime
        server = subprocess.Popen(
            [str(Path(PYTHON).parent / "gunicorn"), "config.wsgi", "--workers", str(args.workers), "--bind", f"127.0.0.1:{args.port}"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )
        wait_until_up(url)
        print(f"gunicorn: {args.workers} workers on 127.0.0.1:{args.port}; preparing {args.requests} visitors …", flush=True)
        visitors = [prepare(url, i) for i in range(args.requests)]

        began = time.perf_counter()
        results = post_all(url, visitors)
        wall = time.perf_counter() - began
    finally:
        if server:
            server.terminate()
            server.wait(timeout=15)

    counts = count_rows(db_path, args.requests)
    times = sorted(seconds for _, seconds, _ in results)
    statuses = {}
    for status, _, _ in results:
        statuses[status] = statuses.get(status, 0) + 1
    print(f"\n{args.requests} enquiries posted at once, {wall:.2f} s in all")
    print(f"  responses: {dict(sorted(statuses.items()))}; thank-you pages: {sum(1 for *_, ok in results if ok)}")
    print(f"  latency: median {statistics.median(times) * 1000:.0f} ms, "
          f"95th percentile {times[int(len(times) * 0.95) - 1] * 1000:.0f} ms, slowest {times[-1] * 1000:.0f} ms")
    for name, value in counts.items():
        print(f"  {name}: {value}")
    if args.keep:
        print(f"  kept: {workdir}")
    else:
        shutil.rmtree(workdir, ignore_errors=True)
    if counts["rows"] != args.requests or counts["missing"] or counts["doubled"]:
        raise SystemExit("FAIL: enquiries were lost or doubled.")
    print("OK: every enquiry stored exactly once.")


if __name__ == "__main__":
    main()
