"""Empty the page cache whenever what a visitor sees may have changed."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from .store import invalidate


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def page_changed(sender, **kwargs):
    invalidate()


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        invalidate()


@receiver(post_save)
def setting_or_snippet_saved(sender, instance, **kwargs):
    # Site settings feed every header and footer; snippets (such as blog
    # authors) appear on many pages; redirects change what a URL answers.
    if isinstance(instance, BaseSiteSetting | BaseGenericSetting) or sender in get_snippet_models() or (
        sender._meta.label == "wagtailredirects.Redirect"
    ):
        invalidate()
