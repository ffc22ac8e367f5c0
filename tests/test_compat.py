"""Every private API the project uses still exists after an upgrade.

The uses are gathered in compat/ (one module per library); when one of these
fails, the message names the module to revisit.
"""

import inspect
from importlib import import_module
from pathlib import Path

import pytest
from django.db import connection
from django.db.models import F
from django.test import RequestFactory
from wagtail.models import Page, Site

import compat.django
import compat.modelsearch
import compat.wagtail


def _resolve(dotted):
    module, _, name = dotted.rpartition(".")
    return getattr(import_module(module), name)


def _this_database(module_path):
    return {"sqlite": "sqlite", "postgresql": "postgres"}.get(connection.vendor, "?") in module_path


@pytest.mark.parametrize("name", sorted(compat.modelsearch.PRIVATE))
def test_modelsearch_still_has_what_compat_modelsearch_uses(name):
    module, attribute = compat.modelsearch.PRIVATE[name]
    if module.startswith("modelsearch.backends.database.") and not _this_database(module):
        pytest.skip(f"{module} loads only on its own database")
    try:
        found = getattr(compat.modelsearch, name)
    except (ImportError, AttributeError) as error:
        pytest.fail(f"modelsearch no longer has {module}.{attribute}: update compat/modelsearch.py ({error})")
    for member in compat.modelsearch.RELIED_ON.get(name, ()):
        assert hasattr(found, member), (
            f"modelsearch's {name} no longer has {member!r}, which search/backends/ overrides or calls: "
            "update compat/modelsearch.py and the backends"
        )


@pytest.mark.parametrize("dotted, member, used_by", compat.wagtail.RELIED_ON)
def test_wagtail_still_has_what_compat_wagtail_uses(dotted, member, used_by):
    assert hasattr(_resolve(dotted), member), f"Wagtail's {dotted} has no {member!r} ({used_by}): update compat/wagtail.py"


def test_wagtail_image_block_still_has_the_children_we_relabel():
    from wagtail.images.blocks import ImageBlock

    missing = set(compat.wagtail.IMAGE_BLOCK_CHILDREN) - set(ImageBlock().child_blocks)
    assert not missing, f"Wagtail's ImageBlock has no {sorted(missing)}: update home/blocks/media.py and compat/wagtail.py"


@pytest.mark.parametrize("template, replaced_by", compat.wagtail.REPLACED_TEMPLATES)
def test_wagtail_still_has_each_admin_template_we_replace(template, replaced_by):
    import wagtail.admin

    original = Path(wagtail.admin.__file__).parent / "templates" / template
    assert original.exists(), f"Wagtail no longer has {template}: {replaced_by} replaces nothing (see compat/wagtail.py)"


def test_wagtail_routing_still_remembers_each_parent(demo):
    home = Page.objects.get(depth=2).specific
    child = home.get_children().live().first().specific
    routed, _, _ = home.route(RequestFactory().get(child.url), [child.slug])
    assert compat.wagtail.routed_trail(routed) is not None, (
        "Page.route() no longer sets _cached_parent_obj: compat/wagtail.py routed_trail falls back to a query per page"
    )


def test_django_still_combines_expressions_with_any_connector():
    assert "connector" in inspect.signature(F("a")._combine).parameters, (
        "Django's Combinable._combine changed: update compat/django.py"
    )
    assert str(compat.django.concatenated(F("a"), F("b"))) == "F(a) || F(b)", "update compat/django.py"


def test_django_database_cache_still_has_the_parts_shared_cache_uses():
    from django.core.cache.backends.db import DatabaseCache

    cache = DatabaseCache("compat_check", {})
    assert compat.django.database_cache_table(cache) == "compat_check", "DatabaseCache._table changed: update compat/django.py"
    assert isinstance(cache.pickle_protocol, int), "DatabaseCache.pickle_protocol changed: update compat/django.py"
    # Whether Django's writer (add) and this reader (incr) still agree is
    # tests/test_shared_counts.py, which counts through both across processes.


def test_wagtail_still_takes_the_site_and_settings_compat_wagtail_hands_it(demo, django_assert_num_queries):
    from home.models import PracticeSettings

    site = Site.objects.get(is_default_site=True)
    practice = PracticeSettings.for_site(site)
    request = RequestFactory().get("/")
    compat.wagtail.remember_site_and_settings(request, site, [practice])
    with django_assert_num_queries(0):
        found = (Site.find_for_request(request), PracticeSettings.for_request(request))
    assert found == (site, practice) and found[1] is practice, (
        "Wagtail no longer reads the request's Site or settings where compat/wagtail.py leaves them: "
        "home/site_cache.py saves nothing"
    )


def test_wagtail_page_urls_still_read_the_root_paths_compat_wagtail_hands_them(demo):
    from wagtail.models.sites import SiteRootPath

    site = Site.objects.get(is_default_site=True)
    page = site.root_page.get_children().live().first()
    handed = [SiteRootPath(site.id, site.root_page.url_path, "https://handed.example", "en")]
    request = RequestFactory().get("/")
    compat.wagtail.remember_site_and_settings(request, site, [], handed)
    assert page.get_full_url(request).startswith("https://handed.example/"), (
        "Page.get_url() no longer reads request._wagtail_cached_site_root_paths: home/site_cache.py reads them again"
    )
