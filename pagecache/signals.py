"""Empty the page cache whenever what a visitor sees may have changed."""

from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from modelcluster.fields import ParentalKey
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from .store import invalidate


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def page_changed(sender, **kwargs):
    invalidate()


@receiver(post_save)
def live_page_created(sender, instance, created, **kwargs):
    """A page added live without Wagtail's publish (a script's `add_child`, a data
    import) shows in menus, listings and the enquiry form's services all the same."""
    if created and isinstance(instance, Page) and instance.live:
        invalidate()


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        invalidate()


def _row_of_a_setting(sender):
    """Inline rows of a setting (fees, opening hours, memberships) show on pages like the setting itself."""
    return any(
        isinstance(field, ParentalKey) and issubclass(field.related_model, BaseSiteSetting | BaseGenericSetting)
        for field in sender._meta.concrete_fields
    )


def _shown_on_pages(sender):
    """Snippets (such as blog authors) and images appear on many pages; documents
    are linked from them; redirects change what a URL answers."""
    return (
        sender in get_snippet_models()
        or sender in (get_image_model(), get_document_model())
        or sender._meta.label == "wagtailredirects.Redirect"
    )


# Wagtail fills these in on an image's or document's first use, while a page
# renders: nothing a visitor sees changes, so the cache is kept.
BOOKKEEPING_FIELDS = {"file_size", "file_hash"}


@receiver(post_delete)
def shown_thing_deleted(sender, instance, **kwargs):
    if _row_of_a_setting(sender) or _shown_on_pages(sender):
        invalidate()


@receiver(post_save)
def setting_or_snippet_saved(sender, instance, created=False, update_fields=None, **kwargs):
    # Site settings feed every header and footer.
    if isinstance(instance, BaseSiteSetting | BaseGenericSetting):
        if not (created and _holds_only_defaults(instance)):
            invalidate()
    elif _row_of_a_setting(sender) or _shown_on_pages(sender):
        if not (update_fields and set(update_fields) <= BOOKKEEPING_FIELDS):
            invalidate()


def _holds_only_defaults(setting):
    """A setting Wagtail has just created because a page asked for it: it shows what
    that page already showed, so every cached page (and home/site_cache.py) still holds."""
    return all(
        getattr(setting, field.attname) == field.get_default()
        for field in setting._meta.concrete_fields
        if not field.primary_key and field.name != "site"
    )


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def site_changed(sender, **kwargs):
    """A site's address or home page decides what every URL of it answers."""
    invalidate()


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
@receiver(m2m_changed, sender=PageViewRestriction.groups.through)
def privacy_changed(sender, instance, **kwargs):
    """A password, sign-in or group restriction set or lifted (Privacy in the admin) covers the page and
    everything under it: no cached copy of any of them may be shown to anyone again."""
    invalidate()
    if getattr(settings, "WAGTAILFRONTENDCACHE", None) and isinstance(instance, PageViewRestriction):
        # A CDN in front keeps public pages too: tell it to drop the section.
        from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache

        section = Page.objects.descendant_of(instance.page, inclusive=True).specific(defer=True)
        purge_pages_from_cache(section)
