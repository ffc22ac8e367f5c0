"""A publish is never undone by a draft save that read the page before it.

Wagtail's editor saves a draft every half second while the therapist types
(autosave). Such a save reads the page when its request starts and, for a
page not yet live, writes the whole page row back from what it read. If
"Publish" lands in between, that write sets the page back to a draft: the
admin says "published" and visitors get a 404. (A full run of the editor
journey test on PostgreSQL showed it.)

Just before a page that is not live is written whole, its row is read again,
locked where the database can lock a row: if it has since gone live under a
newer revision, the save is refused with PermissionDenied, which Wagtail's
edit view already turns into "not saved" for autosave and a message for a
click. Unpublishing reads the page afresh, so its revision matches and it
goes ahead; so do saves of only some fields (`update_fields`).
"""

from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.models.signals import pre_save
from django.dispatch import receiver
from wagtail.models import Page

STALE_DRAFT = (
    "This page was published while these changes were being saved, so they were not saved over it. "
    "Reload the page to carry on editing."
)


@receiver(pre_save)
def refuse_a_stale_draft_over_a_published_page(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw or update_fields is not None or not isinstance(instance, Page) or instance.pk is None or instance.live:
        return
    rows = Page.objects.filter(pk=instance.pk)
    if connection.in_atomic_block:
        rows = rows.select_for_update()  # waits for a publish still committing (PostgreSQL)
    current = rows.values("live", "latest_revision_id").first()
    if current and current["live"] and current["latest_revision_id"] != instance.latest_revision_id:
        raise PermissionDenied(STALE_DRAFT)
