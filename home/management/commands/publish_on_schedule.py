"""Keep publishing scheduled pages while the web server runs (`make run`, `make serve`, the container)."""

import os

from django.core.management.base import BaseCommand

from home.scheduling import DEFAULT_INTERVAL, run_forever


class Command(BaseCommand):
    help = "Publish pages whose go-live time has come (and take down expired ones) every INTERVAL seconds, until stopped."

    def add_arguments(self, parser):
        parser.add_argument("--every", type=int, default=DEFAULT_INTERVAL, metavar="SECONDS",
                            help=f"seconds between rounds (default {DEFAULT_INTERVAL})")

    def handle(self, *args, every, **options):
        if every < 1:
            self.stderr.write("--every must be at least 1 second")
            return
        self.stdout.write(f"Publishing scheduled pages every {every} s (stops with the web server).")
        # The wrapper (scripts/with-publisher.sh) names itself: the loop stops with it even though a
        # restarting shell stands between them.
        stop_with = int(os.environ["PUBLISH_STOP_WITH"]) if os.environ.get("PUBLISH_STOP_WITH", "").isdigit() else None
        run_forever(every, parent_pid=os.getppid(), stop_with=stop_with,
                    on_error=lambda error: self.stderr.write(f"Scheduled publishing failed this round: {error}"))
