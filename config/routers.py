"""Database routing: Django's database cache lives in a SQLite file of its own.

Without Redis, the cache every worker and process shares is a table in a
separate SQLite file (the "cache" database). Keeping it apart from the main
database means storing a page never waits behind an enquiry being saved, and
the cache's own queries never mix with the site's.
"""

CACHE_APP_LABEL = "django_cache"  # what Django's DatabaseCache calls its table's "app"


class SharedCacheRouter:
    def db_for_read(self, model, **hints):
        return "cache" if model._meta.app_label == CACHE_APP_LABEL else None

    db_for_write = db_for_read

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        if db == "cache":
            return app_label == CACHE_APP_LABEL
        if app_label == CACHE_APP_LABEL:
            return False
        return None
