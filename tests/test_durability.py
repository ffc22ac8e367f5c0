"""Nothing a visitor is thanked for is lost while the site's other processes share its SQLite file.

The README's own commands run as separate processes, as they do on a real
machine: `make run` (runserver) and `make serve` (gunicorn, three workers),
each with its timed-tasks loop beside it. Visitors send enquiries, ask for
calls and answer "Was this helpful?", each from an address of their own
behind a proxy, while another process runs what cron, systemd timers and the
therapist run: `publish_scheduled`, `backup`, the purge commands and a
`manage.py shell` read. Afterwards every answer the visitor was thanked for
must be in the database, no request may have had a server error, the file
must pass SQLite's integrity check and the server must still serve pages
without a restart. Under `make serve`, gunicorn workers and the timed-tasks
loop are also killed with SIGKILL now and then, as an out-of-memory killer
would: only the requests in flight are cut off, and the loop comes back.

The embedded default only: PostgreSQL keeps its files to itself.
"""

import os
import random
import signal
import socket
import sqlite3
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
SECONDS = float(os.environ.get("DURABILITY_SECONDS", "60"))
VISITORS = 6
SIDE_STREAMS = 2  # commands from cron and timers overlap in real use too

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")), reason="the embedded SQLite default; the PostgreSQL run covers its own path",
)

# What runs beside the server in real use: cron and timers, a backup, the therapist's shell.
SIDE_COMMANDS = [
    ["publish_scheduled"],
    ["backup", "--output-dir", "{tmp}/archives-{stream}"],
    ["purge_enquiries"],
    ["purge_call_requests"],
    ["purge_insights"],
    ["booking_tasks"],
    ["shell", "-c", "from contact.models import ContactSubmission; print(ContactSubmission.objects.count())"],
]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Site:
    """One site on its own files, started with a README command, and what its visitors were told."""

    def __init__(self, target, tmp_path):
        self.target, self.tmp = target, tmp_path
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.database = tmp_path / "db.sqlite3"
        self.env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}}
        self.env.update(
            SQLITE_PATH=str(self.database), MEDIA_ROOT=str(tmp_path / "media"), STATIC_ROOT=str(tmp_path / "static"),
            PUBLISH_EVERY="3", TRUSTED_PROXY_COUNT="1", EMAIL_HOST="",
        )
        self.lock = threading.Lock()
        self.thanked = {"enquiry": set(), "call": set(), "helpful": set()}
        self.sent = dict.fromkeys(self.thanked, 0)
        self.errors = []  # (status, path) of every server error
        self.dropped = []  # requests whose connection broke (a worker killed under them)
        self.kills = 0
        self.side_failures = []
        self.server = None

    def make(self, *args, **kwargs):
        return subprocess.run(["make", "--no-print-directory", *args, f"PORT={self.port}"], cwd=ROOT, env=self.env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kwargs)

    def manage(self, *args, timeout=180):
        return subprocess.run([str(ROOT / ".venv/bin/python"), "manage.py", *args], cwd=ROOT, env=self.env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=timeout)

    def start(self):
        built = self.make("demo", timeout=600)
        assert built.returncode == 0, built.stdout[-3000:]
        # Enough room in the booking queue that visitors are refused only when a time is taken.
        opened = self.manage("shell", "-c", "from booking.models import BookingPage; "
                             "BookingPage.objects.update(max_waiting=200, notice_hours=0)")
        assert opened.returncode == 0, opened.stdout[-3000:]
        self.log = open(self.tmp / "server.log", "w")  # noqa: SIM115 - open for the server's lifetime
        self.server = subprocess.Popen(["make", "--no-print-directory", self.target, f"PORT={self.port}"], cwd=ROOT,
                                       env=self.env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 300
        while self.status("/robots.txt") != 200:
            assert self.server.poll() is None and time.monotonic() < deadline, self.server_log()[-3000:]
            time.sleep(0.5)

    def stop(self):
        if self.server and self.server.poll() is None:
            os.killpg(self.server.pid, signal.SIGTERM)
            try:
                self.server.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.server.pid, signal.SIGKILL)
                self.server.wait(timeout=30)

    def server_log(self):
        return (self.tmp / "server.log").read_text(errors="replace")

    def status(self, path):
        try:
            with urllib.request.urlopen(self.base + path, timeout=30) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code
        except OSError:
            return None

    # --- visitors -------------------------------------------------------------------------------------

    def visitor(self, number, until):
        rng = random.Random(number)
        count = 0
        while time.monotonic() < until:
            count += 1
            # Letters only: the notes of "Was this helpful?" lose anything that looks like a phone number.
            marker = f"durable-{letters(number)}-{letters(count)}"
            address = f"2001:db8:{number:x}:{count:x}::1"  # a household of their own each time, behind the proxy
            kind = rng.choices(["enquiry", "call", "helpful"], weights=[5, 2, 3])[0]
            try:
                getattr(self, f"send_{kind}")(marker, address)
            except (OSError, AssertionError) as failure:
                with self.lock:
                    self.dropped.append((kind, repr(failure)[:300]))

    def browser(self):
        return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))

    def request(self, browser, path, address, data=None):
        headers = {"X-Forwarded-For": address, "Referer": self.base + path, "Origin": self.base}
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        try:
            with browser.open(urllib.request.Request(self.base + path, data=body, headers=headers), timeout=60) as response:
                status, text = response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            status, text = error.code, error.read().decode(errors="replace")
        if status >= 500:
            with self.lock:
                self.errors.append((status, path))
        return status, text

    def send_enquiry(self, marker, address):
        browser = self.browser()
        status, page = self.request(browser, "/contact/", address)
        if status != 200:
            return
        data = fill(page, marker)
        with self.lock:
            self.sent["enquiry"] += 1
        status, answer = self.request(browser, "/contact/", address, data)
        if "your enquiry has been sent" in answer:
            with self.lock:
                self.thanked["enquiry"].add(marker)

    def send_call(self, marker, address):
        browser = self.browser()
        status, page = self.request(browser, "/book-a-call/", address)
        slots = [tag["value"] for tag in BeautifulSoup(page, "html.parser").select("input[name=slot]")]
        if status != 200 or not slots:
            return
        data = fill(page, marker)
        data["slot"] = random.choice(slots)
        with self.lock:
            self.sent["call"] += 1
        status, answer = self.request(browser, "/book-a-call/", address, data)
        if "please confirm by e-mail" in answer:  # stored, its time held until the visitor confirms
            with self.lock:
                self.thanked["call"].add(marker)

    def send_helpful(self, marker, address):
        browser = self.browser()
        status, page = self.request(browser, "/blog/your-first-session/", address)
        form = BeautifulSoup(page, "html.parser").find("form", class_="helpful")
        if status != 200 or form is None:
            return
        data = {"page": form.find("input", attrs={"name": "page"})["value"], "answer": "yes", "missing": marker}
        with self.lock:
            self.sent["helpful"] += 1
        status, answer = self.request(browser, "/insights/helpful/", address, data)
        if status == 200 and "Back to" in answer:
            with self.lock:
                self.thanked["helpful"].add(marker)

    # --- what cron, timers and the therapist run beside it ---------------------------------------------

    def side_processes(self, until, stream):
        while time.monotonic() < until:
            for command in SIDE_COMMANDS[stream:] + SIDE_COMMANDS[:stream]:
                if time.monotonic() >= until:
                    return
                result = self.manage(*[part.format(tmp=self.tmp, stream=stream) for part in command])
                if result.returncode != 0:
                    self.side_failures.append((command[0], result.stdout[-500:]))

    def processes(self, pattern):
        listing = subprocess.run(["ps", "-o", "pid=,ppid=,args=", "-s", str(self.server.pid)],
                                 capture_output=True, text=True).stdout
        rows = [line.split(None, 2) for line in listing.splitlines() if line.strip()]
        return [(int(pid), int(ppid), args) for pid, ppid, args in rows if pattern in args]

    def killer(self, until):
        """kill -9 a gunicorn worker now and then, and the timed-tasks loop once, as the OOM killer might."""
        time.sleep(5)
        loops = self.processes("publish_on_schedule")
        if loops:
            os.kill(loops[0][0], signal.SIGKILL)
            self.kills += 1
        while time.monotonic() < until - 5:
            gunicorns = [row for row in self.processes("config.wsgi") if "with-publisher" not in row[2]]
            pids = {pid for pid, *_ in gunicorns}
            workers = [pid for pid, ppid, _ in gunicorns if ppid in pids]  # the master's children
            if workers:
                os.kill(random.choice(workers), signal.SIGKILL)
                self.kills += 1
            time.sleep(8)

    def stored(self):
        with sqlite3.connect(self.database, timeout=60) as db:
            enquiries = " ".join(row[0] for row in db.execute("SELECT form_data FROM contact_contactsubmission"))
            calls = " ".join(row[0] for row in db.execute("SELECT name FROM booking_callrequest"))
            notes = " ".join(row[0] for row in db.execute("SELECT text FROM insights_helpfulnote"))
        return {"enquiry": enquiries, "call": calls, "helpful": notes}

    def integrity(self):
        with sqlite3.connect(self.database, timeout=60) as db:
            return db.execute("PRAGMA integrity_check").fetchone()[0]


def letters(number):
    return "".join("abcdefghij"[int(digit)] for digit in str(number))


def fill(page, marker):
    """The page's visitor form answered as a person would: every box filled, the first choice, consent ticked."""
    form = BeautifulSoup(page, "html.parser").find("form", method=lambda m: m and m.lower() == "post",
                                                   class_=lambda c: c != "helpful")
    data = {}
    for field in form.find_all(["input", "textarea"]):
        name, kind = field.get("name"), field.get("type", "text")
        if not name or name in data or name in ("home-page", "slot"):  # the spam trap stays empty
            continue
        if field.name == "textarea":
            data[name] = f"A message from {marker}: ü, é."
        elif kind == "hidden":
            data[name] = field.get("value", "")
        elif kind in ("radio", "checkbox"):
            data[name] = field.get("value", "on")
        elif kind == "email":
            data[name] = f"{marker}@example.org"
        elif kind == "tel":
            data[name] = "07700 900123"
        elif kind not in ("submit", "button"):
            data[name] = marker
    return data


@pytest.fixture(params=["run", "serve"])
def site(request, tmp_path):
    site = Site(request.param, tmp_path)
    try:
        site.start()
        yield site
    finally:
        site.stop()


def test_every_thanked_answer_is_stored_while_timers_commands_and_backups_share_the_database(site):
    until = time.monotonic() + SECONDS
    threads = [threading.Thread(target=site.visitor, args=(n, until)) for n in range(1, VISITORS + 1)]
    threads += [threading.Thread(target=site.side_processes, args=(until, n)) for n in range(SIDE_STREAMS)]
    if site.target == "serve":
        threads.append(threading.Thread(target=site.killer, args=(until,)))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    loop_running = bool(site.processes("publish_on_schedule"))
    still_serving = {path: site.status(path) for path in ("/", "/contact/", "/book-a-call/", "/search/?q=walk")}
    integrity = site.integrity()
    site.stop()  # the timed-tasks loop and every worker gone: what is in the file is what was kept
    stored = site.stored()
    lost = {kind: sorted(m for m in markers if m not in stored[kind]) for kind, markers in site.thanked.items()}
    thanked = {kind: len(markers) for kind, markers in site.thanked.items()}
    print(f"\nmake {site.target}, {SECONDS:.0f} s: sent {site.sent}, thanked {thanked}, "
          f"lost {({k: len(v) for k, v in lost.items()})}, errors {len(site.errors)}, "
          f"processes killed {site.kills}, requests cut off by a kill {len(site.dropped)}, "
          f"side commands failed {len(site.side_failures)}, "
          f"'disk I/O error' in the log {site.server_log().count('disk I/O error')}")

    assert all(thanked.values()), f"visitors were never thanked: {thanked}, errors {site.errors[:5]}"
    assert lost == dict.fromkeys(site.thanked, []), "thanked but not stored"
    assert site.errors == [], f"server errors: {site.errors[:10]}"
    assert site.side_failures == [], f"commands beside the server failed: {site.side_failures[:3]}"
    assert integrity == "ok"
    # Only a request in flight when its worker was killed may be cut off; a visitor then sees no thanks.
    assert len(site.dropped) <= site.kills * VISITORS, f"connections broken: {site.dropped[:5]}"
    assert loop_running, "the timed-tasks loop is running at the end"
    assert still_serving == dict.fromkeys(still_serving, 200), "the server stopped serving without a restart"
