"""The kinds of page search looks through, and the names visitors see for them.

Models are named by label rather than imported, so search depends on the
services and blog apps only through Django's app registry.
"""

from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType


@dataclass(frozen=True)
class ResultType:
    key: str  # the value of ?type=
    label: str  # one result: "Service"
    plural: str  # the filter: "Services"
    model_label: str
    date_field: str = ""  # a date worth showing on the result, if any

    @property
    def model(self):
        return apps.get_model(self.model_label)

    @property
    def content_type_id(self):
        # ContentType's own cache answers after the first call.
        return ContentType.objects.get_for_model(self.model).pk


RESULT_TYPES = (
    ResultType("service", "Service", "Services", "services.ServicePage"),
    ResultType("post", "Article", "Articles", "blog.BlogPage", date_field="date_published"),
    ResultType("page", "Page", "Pages", "home.StandardPage"),
)


def type_for_key(key):
    """The type a ?type= value names, or None for everything (and for nonsense)."""
    return next((kind for kind in RESULT_TYPES if kind.key == key), None)


def type_for_page(page):
    return next((kind for kind in RESULT_TYPES if kind.content_type_id == page.content_type_id), None)
