"""Throw the facts snapshot away whenever a fact, or a page it copies, changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .snapshot import MODELS, discard


@receiver(post_save)
@receiver(post_delete)
def fact_changed(sender, instance, signal, **kwargs):
    # A privacy setting added or removed takes a service in or out of the fees table.
    if sender in MODELS or sender is PageViewRestriction or (signal is post_delete and isinstance(instance, Page)):
        discard()


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def page_changed(sender, **kwargs):
    # The fees table copies each service's title and address, and lists live services only.
    discard()
