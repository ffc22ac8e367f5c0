"""Shared fixtures: the demo site is built once per test session.

Tests that use the ordinary `db` fixture run inside a transaction that is
rolled back, so they all start from the same demo content. Tests that need a
real server (`live_server`, browser tests) flush the database afterwards;
the `demo` fixture rebuilds whatever is missing before each test that asks.
"""

import pytest
from django.core.management import call_command
from wagtail.models import Site


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo_content", verbosity=0, stdout=_Null())


class _Null:
    def write(self, *args):
        pass

    def flush(self):
        pass


@pytest.fixture
def demo(db):
    """The demo site (rebuilt if a transactional test emptied the database)."""
    call_command("load_demo_content", stdout=_Null())
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def editor(db, django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "a-long-test-password")


@pytest.fixture
def moderator(django_user_model):
    """Someone in Wagtail's Moderators group: may edit and publish every page, but not read enquiries."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("moderator", "moderator@example.org", "a-long-test-password")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def fresh_rate_limits():
    """The enquiry rate limits count in the cache, which outlives each test's rollback."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def fresh_page_cache():
    """The page cache (and the site data kept with it) outlives each test's database rollback:
    start every test without it. Wagtail's own list of sites is cached too, and a Site
    created by an earlier test and rolled back never told it so."""
    from wagtail.models import Site

    from pagecache.store import invalidate

    invalidate()
    Site.clear_site_root_paths_cache()
