from django.apps import AppConfig


class PracticeConfig(AppConfig):
    """Practice facts: fees, availability, credentials and opening hours.

    The lowest layer of the site: every other app may read these facts, and
    this app imports none of them.
    """

    name = "practice"
    verbose_name = "Practice facts"

    def ready(self):
        from . import signals  # noqa: F401
