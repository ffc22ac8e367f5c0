"""Every page type in real Chromium: no WCAG 2.2 A/AA failures, no sideways scrolling, nothing from elsewhere."""

import pytest
from wagtail.models import Page, get_page_models

from tests.browser.checks import PAGES, STATUS, describe, open_disclosures, set_text_zoom, wider_than_viewport

NARROW = {"width": 320, "height": 720}


def test_the_browser_checks_cover_every_page_type(demo):
    """A new page type fails here until it is added to PAGES (and so to the browser checks)."""
    checked = {type(page) for page in Page.objects.live().specific() if page.url in PAGES.values()}
    missing = [model.__name__ for model in get_page_models() if model is not Page and model not in checked]
    assert not missing, f"Add a page of each of these types to tests/browser/checks.py PAGES: {missing}"


@pytest.mark.browser
@pytest.mark.parametrize("kind", PAGES)
def test_every_page_type_has_no_wcag_violations(new_page, axe, kind):
    # axe is injected as an inline script, which the site's own CSP would rightly refuse.
    page = new_page(bypass_csp=True)
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    response = page.goto(PAGES[kind])
    assert response.status == STATUS.get(kind, 200)
    open_disclosures(page)
    assert (violations := axe(page)) == [], f"{kind} at 1280 px:\n{describe(violations)}"
    page.set_viewport_size(NARROW)
    assert (violations := axe(page)) == [], f"{kind} at 320 px:\n{describe(violations)}"
    if kind not in STATUS:
        assert errors == [], f"errors in the browser console on {kind}"


@pytest.mark.browser
@pytest.mark.parametrize("kind", PAGES)
def test_every_page_type_reads_without_sideways_scrolling(new_page, kind):
    page = new_page(viewport=NARROW)
    page.goto(PAGES[kind])
    open_disclosures(page)
    assert wider_than_viewport(page) == [], f"{kind} scrolls sideways at 320 px wide"

    page = new_page()
    set_text_zoom(page, 200)
    page.goto(PAGES[kind])
    assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") >= 36, "text zoom applies"
    open_disclosures(page)
    assert wider_than_viewport(page) == [], f"{kind} scrolls sideways with text at 200%"
