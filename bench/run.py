#!/usr/bin/env python
"""`make bench`: seed 1,000 posts and print, per page type, SQL queries, median
render time, requests per second under gunicorn (beside a static file, the
ceiling) and gzipped page weight, checked against the budgets.

Everything runs on loopback against a throw-away database in bench/results/.
Needs `wrk` (Debian package) for the load figures: installed here when run as
root, otherwise that column is left empty.
"""

import gzip
import json
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from common import RESULTS, ROOT, bench_env

PY = sys.executable
PORT = 8124
POSTS = 1000
BUDGET_QUERIES = 12
BUDGET_BYTES = 25 * 1024


def manage(*args, **env):
    subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=bench_env(**env), check=True, stdout=subprocess.DEVNULL)


def script(name, *args, **env):
    out = subprocess.run([PY, str(ROOT / "bench" / name), *map(str, args)], cwd=ROOT / "bench",
                         env=bench_env(**env), check=True, capture_output=True, text=True)
    return out.stdout.strip().splitlines()[-1]


def ensure_wrk():
    if shutil.which("wrk"):
        return True
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], capture_output=True)
    return shutil.which("wrk") is not None


def wrk_rps(url, seconds=5):
    out = subprocess.run(["wrk", "-t2", "-c32", f"-d{seconds}s", url], capture_output=True, text=True).stdout
    match = re.search(r"Requests/sec:\s+([\d.]+)", out)
    return float(match.group(1)) if match else 0.0


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


def page_weight(base, path):
    """Gzipped bytes of the HTML and every CSS, JS and font file it loads from this site."""
    html = fetch(base + path)
    sizes = {"html": len(gzip.compress(html, 6)), "css": 0, "js": 0, "font": 0}
    for asset in set(re.findall(rb'(?:href|src)="(/static/[^"]+)"', html)):
        asset = asset.decode()
        kind = "css" if asset.endswith(".css") else "js" if asset.endswith(".js") else "font" if re.search(r"\.(woff2?|ttf|otf)$", asset) else None
        if kind:
            sizes[kind] += len(gzip.compress(fetch(base + asset), 6))
    return sizes


def start_server():
    log = open(RESULTS / "gunicorn.log", "w")
    server = subprocess.Popen(
        [str(Path(PY).parent / "gunicorn"), "config.wsgi", "--workers", "3", "--bind", f"127.0.0.1:{PORT}"],
        cwd=ROOT, env=bench_env(), stdout=log, stderr=log,
    )
    for _ in range(100):
        try:
            fetch(f"http://127.0.0.1:{PORT}/robots.txt")
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not start; see bench/results/gunicorn.log")


def main():
    shutil.rmtree(RESULTS, ignore_errors=True)
    RESULTS.mkdir(parents=True)
    print("Building the bench site…", flush=True)
    manage("migrate", "--no-input")
    manage("load_demo_content")
    manage("collectstatic", "--no-input")
    small = json.loads(script("measure.py", PAGE_CACHE_SECONDS="0"))
    started = time.perf_counter()
    print(f"Seeding {POSTS} posts…", flush=True)
    print("  " + script("seed.py", POSTS), f"in {time.perf_counter() - started:.0f} s", flush=True)
    large = json.loads(script("measure.py", PAGE_CACHE_SECONDS="0"))

    have_wrk = ensure_wrk()
    server = start_server()
    base = f"http://127.0.0.1:{PORT}"
    try:
        css = re.search(rb'href="(/static/css/[^"]+)"', fetch(base + "/")).group(1).decode()
        static_rps = wrk_rps(base + css) if have_wrk else None
        rows = []
        for name, figures in large.items():
            url = figures["url"]
            fetch(base + url)  # warm the page cache
            weight = page_weight(base, url)
            rows.append({
                "page": name, "url": url,
                "queries_small": small[name]["queries"], "queries": figures["queries"],
                "median_ms": figures["median_ms"],
                "rps": wrk_rps(base + url) if have_wrk else None,
                **weight, "total": sum(weight.values()),
            })
    finally:
        server.terminate()
        server.wait()
    report(rows, static_rps, css)


def report(rows, static_rps, css):
    print(f"\nPer page type, {POSTS} posts (SQLite, production settings, gunicorn 3 workers, wrk -t2 -c32 -d5s):\n")
    header = f"{'page':<14}{'queries (demo → 1,000 posts)':>30}{'median ms':>11}{'req/s':>9}{'html':>7}{'css':>6}{'js':>6}{'font':>6}{'total KB':>10}"
    print(header)
    print("-" * len(header))
    for r in rows:
        rps = f"{r['rps']:.0f}" if r["rps"] is not None else "n/a"
        print(f"{r['page']:<14}{str(r['queries_small']) + ' → ' + str(r['queries']):>30}{r['median_ms']:>11}{rps:>9}"
              f"{r['html']:>7}{r['css']:>6}{r['js']:>6}{r['font']:>6}{r['total'] / 1024:>10.1f}")
    if static_rps is not None:
        print(f"\nstatic file {css}: {static_rps:.0f} req/s (the ceiling)")
    print("\nBudgets:")
    checks = [
        ("queries constant as posts grow", all(r["queries"] == r["queries_small"] for r in rows)),
        (f"queries at most {BUDGET_QUERIES}", all(r["queries"] <= BUDGET_QUERIES for r in rows)),
        ("HTML+CSS+JS+fonts at most 25 KB gzipped", all(r["total"] <= BUDGET_BYTES for r in rows)),
    ]
    if static_rps:
        cached = [r for r in rows if r["page"] not in ("search", "contact")]
        checks.append(("cached pages within 2x of the static file",
                       all(r["rps"] * 2 >= static_rps for r in cached)))
    for label, ok in checks:
        print(f"  {'OK  ' if ok else 'OVER'} {label}")
    (RESULTS / "bench.json").write_text(json.dumps({"rows": rows, "static_rps": static_rps}, indent=2))
    print(f"\nFigures saved to {RESULTS / 'bench.json'}")


if __name__ == "__main__":
    main()
