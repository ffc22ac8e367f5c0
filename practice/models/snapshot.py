"""Every practice fact of a site in one row, so a page reads them all in one query.

The facts live in several settings and inline rows (six queries); every page
shows some of them. The snapshot is rebuilt whenever one of them changes
(see practice.signals), in the database, so every worker and server reads
the same facts at once.
"""

from django.db import models


class FactsSnapshot(models.Model):
    site = models.OneToOneField("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    data = models.JSONField(default=dict)

    class Meta:
        verbose_name = "Practice facts (kept up to date automatically)"

    def __str__(self):
        return f"Practice facts for site {self.site_id}"
