"""Shared set-up for the benchmarks: a throw-away production-like site under bench/results/."""

import os
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"


def bench_env(**extra):
    """Production settings on a bench database, plain HTTP on loopback."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    key_file = ROOT / ".serve-secret-key"
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=key_file.read_text().strip() if key_file.exists() else "bench-" + "x" * 50,
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        SECURE_SSL_REDIRECT="false", SECURE_COOKIES="false", SECURE_HSTS_SECONDS="0", SERVE_MEDIA="true",
        SQLITE_PATH=str(RESULTS / "bench.sqlite3"),
        MEDIA_ROOT=str(RESULTS / "media"),
        STATIC_ROOT=str(RESULTS / "static"),
        CONTACT_RATE_LIMIT="100000/h",
    )
    env.update(extra)
    return env


def setup_django():
    """For scripts run with bench_env(): make the project importable and start Django."""
    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)
    import django

    django.setup()


def wait_until_up(url, seconds=60):
    """Poll a freshly started server until it answers, or stop the benchmark."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"The server at {url} did not answer within {seconds} s.")
