"""A second process using the database never takes away what the site's process has committed.

The quick, exact form of what tests/test_durability.py shows under load: the
site's process holds a connection and opens another (a new worker thread
does), a second process (cron, the timed-tasks loop, a backup) opens and
closes the database, and the site then commits a row and is killed. SQLite
must still hold that row: the second process must not have taken itself for
the last user and deleted the write-ahead log under the site.
"""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)

SITE = """
import os, sys, django
django.setup()
from django.db import connection, connections
with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE IF NOT EXISTS kept (n INTEGER)")
    cursor.execute("INSERT INTO kept VALUES (1)")
second = connections.create_connection("default")  # what a new worker thread opens
second.ensure_connection()
print("ready", flush=True)
sys.stdin.readline()
with connection.cursor() as cursor:
    cursor.execute("INSERT INTO kept VALUES (2)")  # committed: autocommit
print("committed", flush=True)
sys.stdin.readline()
os._exit(0)  # killed, as kill -9 would: no tidy close
"""


def test_a_row_committed_after_another_process_came_and_went_is_kept(tmp_path):
    database = tmp_path / "site.sqlite3"
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(DJANGO_SETTINGS_MODULE="config.settings.dev", SQLITE_PATH=str(database))
    site = subprocess.Popen([sys.executable, "-c", SITE], cwd=ROOT, env=env, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert site.stdout.readline().strip() == "ready"
        # Another process comes and goes, as `manage.py` run from cron does.
        other = sqlite3.connect(database, timeout=20)
        other.execute("SELECT count(*) FROM kept").fetchone()
        other.close()
        site.stdin.write("\n")
        site.stdin.flush()
        assert site.stdout.readline().strip() == "committed"
        site.stdin.write("\n")
        site.stdin.flush()
        site.wait(timeout=30)
    finally:
        if site.poll() is None:
            site.kill()
    with sqlite3.connect(database) as db:
        kept = [n for (n,) in db.execute("SELECT n FROM kept ORDER BY n")]
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
    assert kept == [1, 2], "a committed row was lost"
    assert integrity == "ok"
