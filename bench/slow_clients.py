#!/usr/bin/env python
"""Slow clients must not stop the site.

Opens --slow connections to the server (half of them idle, sending nothing;
half sending a request's first line and headers but never finishing them),
holds them for --hold seconds, and meanwhile asks for the home page as an
ordinary visitor twice a second. Prints how many of those visits were
answered within 1 s and the slowest answer; exits 1 if any took longer.

    .venv/bin/python bench/slow_clients.py                     # its own gunicorn, as `make serve` runs it
    .venv/bin/python bench/slow_clients.py --url http://127.0.0.1:8000/   # a server already running
"""

import argparse
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from common import RESULTS, ROOT, bench_env, wait_until_up

PORT = 8114


def start_server():
    """gunicorn exactly as `make serve` runs it, on the bench site."""
    env = bench_env()
    manage = [sys.executable, "manage.py"]
    if not (RESULTS / "bench.sqlite3").exists():
        print("Building the bench site…", flush=True)
        subprocess.run([*manage, "migrate", "--no-input"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
        subprocess.run([*manage, "load_demo_content"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([*manage, "collectstatic", "--no-input", "-v0"], cwd=ROOT, env=env, check=True)
    log = open(RESULTS / "slow_clients_gunicorn.log", "w")
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "config.wsgi", "-c", "config/gunicorn.py",
         "--bind", f"127.0.0.1:{PORT}"],
        cwd=ROOT, env=env, stdout=log, stderr=log, start_new_session=True,
    )
    return server, f"http://127.0.0.1:{PORT}/"


def hold_slow_connections(host, port, count, until, opened):
    """Half idle, half with a request started and never finished; a byte now and then keeps them alive."""
    sockets = []
    for n in range(count):
        sock = socket.create_connection((host, port), timeout=5)
        if n % 2:
            sock.sendall(f"GET / HTTP/1.1\r\nHost: {host}\r\nUser-Agent: slow\r\n".encode())
        sockets.append(sock)
    opened.set()
    while time.monotonic() < until:
        time.sleep(1)
        for n, sock in enumerate(sockets):
            if n % 2:
                try:
                    sock.sendall(b"X-Slow: 1\r\n")  # still sending headers, never the blank line that ends them
                except OSError:
                    pass
    for sock in sockets:
        sock.close()


def visit(url):
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            response.read()
            ok = response.status == 200
    except OSError:
        ok = False
    return ok, time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="probe a server that is already running instead of starting one")
    parser.add_argument("--slow", type=int, default=50, help="slow connections to hold (50)")
    parser.add_argument("--hold", type=float, default=30, help="seconds to hold them (30)")
    args = parser.parse_args()

    server = None
    url = args.url
    if not url:
        server, url = start_server()
    try:
        wait_until_up(url)
        host, port = url.split("//")[1].split("/")[0].split(":")
        until = time.monotonic() + args.hold
        opened = threading.Event()
        holder = threading.Thread(target=hold_slow_connections, args=(host, int(port), args.slow, until, opened))
        holder.start()
        opened.wait(30)
        results = []
        while time.monotonic() < until:
            results.append(visit(url))
            time.sleep(0.5)
        holder.join()
    finally:
        if server:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait()
    answered = sum(ok and seconds <= 1 for ok, seconds in results)
    slowest = max(seconds for _, seconds in results)
    print(f"{args.slow} slow connections held {args.hold:.0f} s: {answered} of {len(results)} visits answered within 1 s "
          f"(slowest {slowest:.2f} s)")
    sys.exit(0 if answered == len(results) else 1)


if __name__ == "__main__":
    main()
