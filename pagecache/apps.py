from django.apps import AppConfig, apps
from django.db.models.signals import pre_migrate


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = "Page cache"

    def ready(self):
        from . import signals  # noqa: F401  (connects the invalidation handlers)
        from .shared_cache import create_cache_tables

        # Before any migration: other apps' post_migrate handlers (the Site record
        # kept in step with PUBLIC_URL) save models, which empties the cache.
        # Sent once per app that has models (this one has none): hang it on home's.
        pre_migrate.connect(create_cache_tables, sender=apps.get_app_config("home"))
