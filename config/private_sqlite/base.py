"""Django's SQLite backend, with the database file readable by its owner only.

The database holds enquiries (health information). SQLite creates a new file
with the process's umask (usually 0644: anyone on the machine can read it) and
gives the -wal and -shm files the same mode as the database. So the file is
created here, empty and 0600, before SQLite first opens it; the -wal and -shm
files then follow. An existing file left readable by others is narrowed too.
"""

import os
import stat

from django.db.backends.sqlite3 import base


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params):
        make_private(conn_params.get("database", ""))
        return super().get_new_connection(conn_params)


def make_private(name):
    name = str(name)
    if not name or name == ":memory:" or name.startswith("file:"):
        return  # in-memory test databases have no file
    # O_CREAT with mode 0600: a new file is owner-only from its first byte.
    os.close(os.open(name, os.O_CREAT | os.O_RDWR, 0o600))
    for path in (name, f"{name}-wal", f"{name}-shm"):
        try:
            mode = stat.S_IMODE(os.stat(path).st_mode)
        except FileNotFoundError:
            continue
        if mode & 0o077:
            os.chmod(path, mode & 0o700)
