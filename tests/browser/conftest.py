"""Real-browser fixtures: Debian's Chromium driven by Playwright against pytest-django's live_server.

One browser for the whole session. The demo site is loaded once (tests/conftest.py)
and snapshotted; live_server tests flush the database after each test, and the
snapshot is restored before the next one (Django's serialized rollback), which
is far quicker than building the demo again.
"""

import os
import re
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client

from tests.browser.checks import PAGES

# Playwright's sync API runs an asyncio loop in the test thread, and Django
# refuses ORM calls from such a thread unless told the code is synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

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


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    # Keep each phase's report on the test, so fixtures can tell it failed.
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: run `make browser-deps` (as root) to install Debian's Chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker):
    """The demo database as Django's serialized-rollback snapshot, taken once.

    Each page is rendered first, so the snapshot holds its image renditions and
    no test waits for images to be resized again after a restore.
    """
    with django_db_blocker.unblock():
        client = Client()
        for path in PAGES.values():
            client.get(path)
        connection._test_serialized_contents = connection.creation.serialize_db_to_string()


@pytest.fixture
def site_url(browser, demo_snapshot, django_db_serialized_rollback, live_server):
    """The live server's address, with the demo site restored in its database."""
    return live_server.url


@pytest.fixture
def new_page(browser, site_url, request):
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
                page.screenshot(path=str(ARTIFACTS / f"{name}-{number}-{tab}.png"), full_page=True)
    for context in contexts:
        context.close()
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

    def run(page, context=None):
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            page.add_script_tag(path=str(AXE_JS))
        return page.evaluate(
            """async (context) => {
                const result = await axe.run(context || document, {
                    runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
                });
                return result.violations.map((v) => ({
                    id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map((n) => n.target.join(" ") + " :: " + n.failureSummary),
                }));
            }""",
            context,
        )

    return run
