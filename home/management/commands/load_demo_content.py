"""Build the demo practice site: safe to run again, it only adds what is missing.

Each app that has demo pages provides ``<app>.demo_content.load(ctx)``; they
run in INSTALLED_APPS order (home first), so home never imports the others.
An optional ``finish(ctx)`` runs once every app has loaded, for links
between pages of different apps.
"""

import importlib.util

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from home.demo import DemoContext


class Command(BaseCommand):
    help = "Create the demo counselling-practice pages, images and settings (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--refresh", action="store_true",
            help="Rewrite existing demo pages from the code (overwrites edits made in the admin).",
        )

    def handle(self, *args, refresh=False, **options):
        ctx = DemoContext(refresh=refresh, log=lambda message: self.stdout.write(message))
        modules = [
            (config, importlib.import_module(f"{config.name}.demo_content"))
            for config in apps.get_app_configs()
            if importlib.util.find_spec(f"{config.name}.demo_content") is not None
        ]
        with transaction.atomic():
            for config, module in modules:
                self.stdout.write(f"{config.verbose_name}:")
                module.load(ctx)
            for _config, module in modules:
                if hasattr(module, "finish"):
                    module.finish(ctx)
        self.stdout.write(self.style.SUCCESS(f"Demo content ready: {len(ctx.pages)} pages."))
