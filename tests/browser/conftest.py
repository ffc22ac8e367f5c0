"""Real-browser fixtures: Debian's Chromium driven by Playwright against pytest-django's live_server.

One browser for all of them. The demo site is loaded once (tests/conftest.py)
and snapshotted; live_server tests flush the database after each test, and the
snapshot is restored before the next one (Django's serialized rollback), which
is far quicker than building the demo again.
"""

import contextlib
import re
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client
from playwright.sync_api import Error as PlaywrightError
from wagtail.models import Site

from pagecache.store import invalidate as invalidate_page_cache
from tests.browser.checks import PAGES

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
# WCAG 2.2 level A and AA, as axe-core tags its rules.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    # Keep each phase's report on the test, so fixtures can tell it failed.
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="package")
def browser():
    """One Chromium for all the browser tests, closed once they are done."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: run `make browser-deps` (as root) to install Debian's Chromium")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an asyncio loop in the test thread, and Django
    # refuses ORM calls from such a thread unless told the code is synchronous.
    # Only while the browser runs: tests after these must not inherit it.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="package")
def demo_snapshot(browser, django_db_setup, django_db_blocker):
    """The demo database as Django's serialized-rollback snapshot, taken once.

    Taken after Playwright has started: from then on Django keeps this thread's
    database connections per asyncio context, so the snapshot must sit on the
    connection the tests will use. Each page is rendered first, so the snapshot
    holds its image renditions and no test waits for images to be resized again.
    """
    with django_db_blocker.unblock():
        client = Client()
        for path in PAGES.values():
            client.get(path)
        connection._test_serialized_contents = connection.creation.serialize_db_to_string()


@pytest.fixture
def site_url(demo_snapshot, django_db_serialized_rollback, live_server):
    """The live server's address, with the demo site restored in its database.

    The page cache is emptied too: it may hold pages an earlier test changed.
    """
    assert Site.objects.filter(is_default_site=True).exists(), "the demo snapshot was not restored"
    invalidate_page_cache()
    return live_server.url


def wait_for_requests_in_flight(live_server, seconds=30):
    """Lets the live server finish what the closed pages had asked for.

    Its request threads run beside the test: one still rendering an admin page
    when the test's database is torn down fails there, and is reported against
    whichever test runs next. socketserver keeps those threads in `_threads`.
    """
    httpd = getattr(live_server.thread, "httpd", None)
    for thread in list(getattr(httpd, "_threads", None) or []):
        thread.join(seconds)


@pytest.fixture
def new_page(browser, site_url, live_server, request):
    """Opens pages in fresh browser contexts; screenshots them if the test fails.

    Every request for another host is aborted and recorded: the site must not
    load anything from elsewhere, and the tests never need the network.
    """
    contexts, foreign = [], []

    def open_page(**options):
        options = {"viewport": DESKTOP, "locale": "en-GB", "base_url": site_url, **options}
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)

        def refuse(route):
            foreign.append(route.request.url)
            route.abort()

        context.route(lambda url: not url.startswith(site_url) and not url.startswith("data:"), refuse)
        contexts.append(context)
        return context.new_page()

    yield open_page

    failed = getattr(request.node, "report_call", None) is not None and request.node.report_call.failed
    if failed:
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.nodeid.split("::", 1)[-1])
        for number, context in enumerate(contexts):
            for tab, page in enumerate(context.pages):
                # A page that crashed cannot be photographed; the test's own error says more.
                with contextlib.suppress(PlaywrightError):
                    page.screenshot(path=str(ARTIFACTS / f"{name}-{number}-{tab}.png"), full_page=True)
    for context in contexts:
        context.close()
    wait_for_requests_in_flight(live_server)
    if foreign and not failed:
        pytest.fail(f"The page asked another host for: {sorted(set(foreign))}")


@pytest.fixture
def page(new_page):
    """A desktop-sized page with JavaScript on."""
    return new_page()


@pytest.fixture
def axe():
    """Runs axe-core's WCAG 2.2 A/AA rules in a page; returns the violations."""
    if not AXE_JS.exists():
        pytest.skip(f"{AXE_JS.relative_to(ROOT)} is missing: run `npm ci` in the repository root")

    def run(page):
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            page.add_script_tag(path=str(AXE_JS))
        return page.evaluate(
            """async (tags) => {
                const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
                return result.violations.map((v) => ({
                    id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map((n) => n.target.join(" ") + " :: " + n.failureSummary),
                }));
            }""",
            WCAG_TAGS,
        )

    return run
