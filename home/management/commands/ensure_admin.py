"""Make a local admin login for the demo site, once, and print it.

The password is random and kept in `.admin-login` (ignored by git) so that
running `make run` again prints the same login without changing anything.
"""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

LOGIN_FILE = Path(settings.BASE_DIR) / ".admin-login"


class Command(BaseCommand):
    help = "Create a local admin account for the demo site (development only) and print its login."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--site-url", default="http://127.0.0.1:8000", help="Where the site is served, for the printed link.")

    def handle(self, *args, username="admin", site_url="http://127.0.0.1:8000", **options):
        if not settings.DEBUG:
            raise CommandError("ensure_admin is for local development only; use createsuperuser in production.")
        User = get_user_model()
        password = LOGIN_FILE.read_text().strip() if LOGIN_FILE.exists() else ""
        user = User.objects.filter(username=username).first()
        if user is None or not password or not user.check_password(password):
            password = password or secrets.token_urlsafe(12)
            user = user or User(username=username, email="admin@example.org")
            user.is_staff = user.is_superuser = True
            user.set_password(password)
            user.save()
            LOGIN_FILE.write_text(password + "\n")
            LOGIN_FILE.chmod(0o600)
        self.stdout.write(self.style.SUCCESS(
            f"Admin login for {site_url.rstrip('/')}/admin/  username: {username}  password: {password}"
        ))
