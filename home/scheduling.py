"""Scheduled publishing: pages set to go live (or to end) at a time change on their own.

Wagtail records the schedule but changes nothing by itself: its
`publish_scheduled` command must run every few minutes. This runs it in a
loop beside the web server (`make run`, `make serve`, the container); on a
server with systemd, `deploy/practice-publish.timer` runs the command instead.
"""

import os
import threading
import time

from django.conf import settings
from django.core.management import call_command
from django.db import close_old_connections

DEFAULT_INTERVAL = 60  # seconds: a post scheduled for 11:16 is live by 11:17


def publish_due_pages():
    """One round: publish what is due, take down what has expired, then every other
    timed task named in settings.PERIODIC_COMMANDS (e.g. booking's reminders).

    Commands are called by name, so home imports none of the apps that own them;
    each is safe to run twice at once. One failing never stops the others.
    """
    errors = []
    for name in getattr(settings, "PERIODIC_COMMANDS", ["publish_scheduled"]):
        try:
            call_command(name, stdout=_Quiet())
        except Exception as error:  # noqa: BLE001 - reported by the runner, retried next round
            errors.append(error)
    if errors:
        raise errors[0]


def run_forever(interval=DEFAULT_INTERVAL, *, stop=None, parent_pid=None, stop_with=None, on_error=None):
    """Publish due pages every ``interval`` seconds until ``stop`` is set.

    With ``parent_pid``, it also stops as soon as the process that started it
    is gone, and with ``stop_with`` as soon as that process (the web server's
    wrapper, which restarts the loop if it dies) is gone, so no runner is
    ever left behind.
    """
    stop = stop or threading.Event()

    def orphaned():
        return (parent_pid is not None and os.getppid() != parent_pid) or (stop_with is not None and not _exists(stop_with))

    while not stop.is_set():
        if orphaned():
            return
        # A long-running process: drop connections the database has closed meanwhile.
        close_old_connections()
        try:
            publish_due_pages()
        except Exception as error:  # a database hiccup must not end the runner; try again next round
            if on_error:
                on_error(error)
        finally:
            close_old_connections()
        # Wake every second to notice a stop or a vanished parent promptly.
        deadline = time.monotonic() + interval
        while not stop.is_set() and time.monotonic() < deadline:
            if orphaned():
                return
            stop.wait(min(1, interval))


def _exists(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class _Quiet:
    def write(self, *args):
        pass

    def flush(self):
        pass
