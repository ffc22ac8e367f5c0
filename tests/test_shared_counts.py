"""Rate limits count exactly however many processes answer (the embedded default: no Redis).

Four processes, as four gunicorn workers would, each try 25 times at once
against a limit of 40: exactly 40 tries may pass, never more.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)

TRIES = """
import sys, time, django
django.setup()
from django.test import RequestFactory
from home.ratelimit import Rate, allow
request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.5")
start = float(sys.argv[1])
time.sleep(max(0, start - time.time()))  # every process starts at the same moment
print(sum(allow("test", request, Rate(40, 3600)) for _ in range(25)))
"""


def test_a_limit_of_40_lets_exactly_40_through_from_four_processes(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(DJANGO_SETTINGS_MODULE="config.settings.dev", SQLITE_PATH=str(tmp_path / "site.sqlite3"))
    subprocess.run([sys.executable, "manage.py", "createcachetable", "--database", "cache"], cwd=ROOT, env=env,
                   check=True, capture_output=True)
    start = str(time.time() + 8)
    processes = [subprocess.Popen([sys.executable, "-c", TRIES, start], cwd=ROOT, env=env, text=True,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(4)]
    allowed = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err[-2000:]
        allowed.append(int(out.split()[-1]))
    assert sum(allowed) == 40, f"allowed per process: {allowed}"
