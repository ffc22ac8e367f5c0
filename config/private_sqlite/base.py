"""Django's SQLite backend, with the database file readable by its owner only.

The database holds enquiries (health information). SQLite creates a new file
with the process's umask (usually 0644: anyone on the machine can read it) and
gives the -wal and -shm files the same mode as the database. So a database
that does not exist yet is created here, empty and 0600, before SQLite first
opens it; the -wal and -shm files then follow. An existing file left readable
by others is narrowed by its path.

An existing database file is never opened here. On POSIX, closing any
descriptor of a file drops every lock the process holds on it, SQLite's
included: another process (the timed-tasks loop, a cron job, a backup) then
believes it is the last user, checkpoints and deletes the write-ahead log
while this process still writes into it, and committed rows vanish. Only a
file this call has just created (O_EXCL) is opened and closed, under a lock
that every new connection of this process takes first, so no connection of
this process can hold a lock on it at that moment.
"""

import os
import stat
import threading

from django.db.backends.sqlite3 import base

_creating = threading.Lock()


class DatabaseWrapper(base.DatabaseWrapper):
    opened_file = None

    def get_new_connection(self, conn_params):
        name = conn_params.get("database", "")
        make_private(name)
        connection = super().get_new_connection(conn_params)
        self.opened_file = file_identity(name)
        return connection

    def close_if_unusable_or_obsolete(self):
        # Checked as each request starts and ends. A connection kept open (CONN_MAX_AGE) to a
        # file that was deleted or replaced (the shared cache removed to empty it, a database put
        # back from a copy) would go on using the old file unseen by every other process: the
        # next request opens the file that is there now.
        if self.connection is not None and self.opened_file != file_identity(self.settings_dict["NAME"]):
            self.close()
            return
        super().close_if_unusable_or_obsolete()


def file_identity(name):
    """Which file is at this path now (device and inode), read without opening it; None if none."""
    try:
        found = os.stat(str(name))
    except (OSError, ValueError):
        return None
    return found.st_dev, found.st_ino


def make_private(name):
    name = str(name)
    if not name or name == ":memory:" or name.startswith("file:"):
        return  # in-memory test databases have no file
    with _creating:
        try:
            # O_EXCL: a new file only, owner-only from its first byte.
            descriptor = os.open(name, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        except FileExistsError:
            pass
        else:
            os.close(descriptor)
    for path in (name, f"{name}-wal", f"{name}-shm"):
        try:
            mode = stat.S_IMODE(os.stat(path).st_mode)
        except FileNotFoundError:
            continue
        if mode & 0o077:
            os.chmod(path, mode & 0o700)
