"""Build and read the one-row snapshot of a site's practice facts (models.FactsSnapshot)."""

import logging

from django.core.serializers.json import DjangoJSONEncoder
from django.db import DatabaseError, IntegrityError, transaction
from wagtail.models import Page

from .models import (
    AvailabilitySettings,
    Credential,
    CredentialSettings,
    FactsSnapshot,
    FeesSettings,
    OpeningHours,
    ServiceFee,
)

_ENCODER = DjangoJSONEncoder()
logger = logging.getLogger(__name__)


def _live_and_public(pages):
    return pages.live().public()


# Which pages the fees table may name. It is a listing, so it follows the site's one rule of what a
# visitor may see (home.visibility.visible: live, and behind no password, login or group). Practice
# imports no app of ours, so home hands that rule in when it starts (home/apps.py); until then,
# Wagtail's own rule, which it follows.
visible_pages = _live_and_public


def use_visibility(rule):
    global visible_pages
    visible_pages = rule


def _dump(instance):
    values = {}
    for field in instance._meta.concrete_fields:
        value = getattr(instance, field.attname)
        values[field.attname] = value if value is None or isinstance(value, bool | int | str) else _ENCODER.default(value)
    return values


def restore(model, values):
    """An unsaved model instance from dumped values (no query)."""
    fields = {field.attname: field for field in model._meta.concrete_fields}
    return model(**{name: (fields[name].to_python(value) if value is not None else None) for name, value in values.items() if name in fields})


def build(site):
    availability = AvailabilitySettings.for_site(site)
    fees = FeesSettings.for_site(site)
    credentials = CredentialSettings.for_site(site)
    fee_rows = fees.fees.filter(service__in=visible_pages(Page.objects.all()).values("pk")).select_related("service")
    data = {
        "availability": _dump(availability),
        "opening_hours": [_dump(row) for row in availability.opening_hours.all()],
        "fees_settings": _dump(fees),
        "fees": [
            {**_dump(row), "service_title": row.service.title, "service_url": row.service.get_url()}
            for row in fee_rows
        ],
        "credential_settings": _dump(credentials),
        "credentials": [_dump(row) for row in credentials.credentials.all()],
    }
    return data


def load(site):
    """The site's facts: one query, or a rebuild after an edit threw the snapshot away."""
    snapshot = FactsSnapshot.objects.filter(site=site).only("data").first()
    if snapshot is not None:
        return snapshot.data
    try:
        # Read and kept in one transaction, so an edit committed meanwhile cannot be overwritten by older facts.
        with transaction.atomic():
            data = build(site)
            FactsSnapshot.objects.create(site=site, data=data)
            return data
    except IntegrityError:  # another request built it at the same moment
        return FactsSnapshot.objects.get(site=site).data
    except DatabaseError:
        # A full or read-only database: the page is still served, from the facts as read.
        logger.warning("The practice facts could not be kept for the next page.", exc_info=True)
        return build(site)


def discard():
    """Throw every snapshot away, inside the editor's transaction: the next page
    rebuilds from the committed facts, and a rolled-back edit changes nothing."""
    FactsSnapshot.objects.all().delete()


# The models whose rows the snapshot copies.
MODELS = (AvailabilitySettings, FeesSettings, CredentialSettings, OpeningHours, ServiceFee, Credential)
