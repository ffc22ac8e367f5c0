from django.apps import AppConfig
from django.db.models.signals import post_migrate


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and shared pages"

    def ready(self):
        from home import public_url, publishing  # noqa: F401 (publishing connects its signal)
        from home.exports import make_exports_safe
        from home.visibility import visible
        from practice import snapshot

        make_exports_safe()
        snapshot.use_visibility(visible)
        post_migrate.connect(public_url.sync_default_site, sender=self)
        public_url.use_for_page_links()
