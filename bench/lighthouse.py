"""Lighthouse scores for one page of each type (a benchmark, not a test: `make lighthouse`).

Builds a throwaway demo site (a fresh SQLite file and media folder in a
temporary directory, so the developer's own database is never touched), serves
it with the dev settings on a free loopback port, runs Lighthouse 12 from
node_modules/ in Debian's Chromium against each page type and prints the four
category scores. Full reports go to bench/results/lighthouse/ (gitignored).

    .venv/bin/python bench/lighthouse.py [--preset desktop] [--min-score 90] [--only /about/]

Needs `npm ci` (Lighthouse) and `make browser-deps` (Chromium).
"""

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

from common import wait_until_up

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
RESULTS = ROOT / "bench" / "results" / "lighthouse"
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Pages that are right to score below 100 in one category, and why.
EXPECTED = {"/search/?q=counselling": "seo: search results carry noindex and robots.txt keeps crawlers out, on purpose"}

# Printed by `manage.py shell`: the first live page of each page type, in tree order.
PAGE_TYPES_SCRIPT = """
from wagtail.models import Page
seen = set()
for page in Page.objects.live().public().filter(depth__gt=1).order_by("path").specific():
    if type(page) not in seen:
        seen.add(type(page))
        print("PAGE", type(page).__name__, page.url)
"""

SITE_SCRIPT = """
from wagtail.models import Site
Site.objects.filter(is_default_site=True).update(hostname="127.0.0.1", port={port})
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args, capture=False):
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True,
        stdout=subprocess.PIPE if capture else subprocess.DEVNULL, text=True,
    )
    return result.stdout




def run_lighthouse(url, name, preset):
    report = RESULTS / f"{name}.json"
    command = [
        "node", str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}",
    ]
    if preset:
        command.append(f"--preset={preset}")
    for attempt in (1, 2):  # a Chromium that fails to start once is not a finding
        run = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROME}, stderr=subprocess.PIPE, text=True)
        if run.returncode == 0:
            return json.loads(report.read_text())
        print(f"  attempt {attempt} failed: {' '.join(run.stderr.strip().splitlines()[-2:])}", flush=True)
    raise SystemExit(f"Lighthouse could not audit {url}")


def flagged(result):
    """Titles of the scored audits that did not pass, per category."""
    audits = result["audits"]
    for key in CATEGORIES:
        for ref in result["categories"][key]["auditRefs"]:
            audit = audits[ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                yield key, f"{audit['title']} ({audit.get('displayValue') or audit['score']})"


def build_site(env, port):
    """Migrate and fill the throwaway database; return (page type, path) pairs to audit."""
    manage(env, "migrate", "--no-input")
    manage(env, "load_demo_content")
    # Canonical and sharing URLs then name the host Lighthouse visits, as in production.
    manage(env, "shell", "-c", SITE_SCRIPT.format(port=port))
    listing = manage(env, "shell", "-c", PAGE_TYPES_SCRIPT, capture=True).splitlines()
    pages = [tuple(line.split(" ")[1:]) for line in listing if line.startswith("PAGE ")]
    # Views that are not page types of their own, but look different.
    return pages + [("Blog topic", "/blog/tags/therapeutic-relationship/"), ("Search results", "/search/?q=counselling")]


def print_table(rows):
    print(f"\n{'page type':<22} {'path':<48} " + " ".join(f"{key[:13]:>13}" for key in CATEGORIES))
    for kind, path, scores, _ in rows:
        print(f"{kind:<22} {path:<48} " + " ".join(f"{scores[key]:>13}" for key in CATEGORIES))
    for _kind, path, _, issues in rows:
        for category, title in issues:
            print(f"  {path} [{category}] {title}")
    for path, reason in EXPECTED.items():
        if any(row[1] == path for row in rows):
            print(f"  note: {path}: {reason}")
    print(f"\nFull reports: {RESULTS.relative_to(ROOT)}/")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--preset", choices=["desktop", "perf", "experimental"], help="Lighthouse preset (default: mobile)")
    parser.add_argument("--min-score", type=int, default=0, help="exit 1 if any unexpected score is lower")
    parser.add_argument("--only", action="append", help="a path to audit instead of every page type (repeatable)")
    args = parser.parse_args()

    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is not installed: run `npm ci` in the repository root.")
    if not Path(CHROME).exists():
        raise SystemExit(f"No Chromium at {CHROME}: run `make browser-deps` (as root) or set CHROME_PATH.")

    workdir = Path(tempfile.mkdtemp(prefix="lighthouse-site-"))
    port = free_port()
    env = {
        **os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "SQLITE_PATH": str(workdir / "db.sqlite3"), "MEDIA_ROOT": str(workdir / "media"),
    }
    for name in ("DATABASE_URL", "REDIS_URL"):  # the throwaway site shares nothing
        env.pop(name, None)
    server = None
    rows, failures = [], []
    try:
        print("Building a throwaway demo site…", flush=True)
        pages = build_site(env, port)
        if args.only:
            pages = [(path, path) for path in args.only]
        server = subprocess.Popen(
            [PYTHON, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        wait_until_up(base + "/")
        RESULTS.mkdir(parents=True, exist_ok=True)
        for kind, path in pages:
            name = "".join(c if c.isalnum() else "-" for c in path).strip("-") or "home"
            print(f"Lighthouse: {path}", flush=True)
            result = run_lighthouse(base + path, name, args.preset)
            scores = {key: round((result["categories"][key]["score"] or 0) * 100) for key in CATEGORIES}
            rows.append((kind, path, scores, list(flagged(result))))
            if path not in EXPECTED and min(scores.values()) < args.min_score:
                failures.append(path)
    finally:
        if server:
            server.terminate()
            server.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)

    print_table(rows)
    if failures:
        raise SystemExit(f"Below {args.min_score}: {', '.join(failures)}")


if __name__ == "__main__":
    main()
