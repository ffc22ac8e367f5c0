"""Every page type in real Chromium: no WCAG 2.2 A/AA failures, no sideways scrolling, nothing from elsewhere."""

import pytest
from wagtail.models import Page, get_page_models

from tests.browser.checks import PAGES, STATUS, describe, open_disclosures, set_text_zoom, wider_than_viewport

NARROW = {"width": 320, "height": 800}


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
    assert page.goto(PAGES[kind]).status == STATUS.get(kind, 200)
    open_disclosures(page)
    assert (violations := axe(page)) == [], f"{kind} at 1280 px:\n{describe(violations)}"
    page.set_viewport_size(NARROW)
    assert (violations := axe(page)) == [], f"{kind} at 320 px:\n{describe(violations)}"


@pytest.mark.browser
@pytest.mark.parametrize("kind", PAGES)
def test_every_page_type_loads_only_from_its_own_host_without_errors(new_page, site_url, kind):
    page = new_page()
    requested, errors = [], []
    page.on("request", lambda request: requested.append(request.url))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    assert page.goto(PAGES[kind]).status == STATUS.get(kind, 200)
    page.wait_for_load_state("networkidle")
    assert requested and all(url.startswith(site_url + "/") for url in requested), requested
    if kind not in STATUS:  # a 404 page logs its own status as an error
        assert errors == [], f"errors in the browser console (a script or style the CSP refused?) on {kind}"


@pytest.mark.browser
@pytest.mark.parametrize("kind", PAGES)
def test_every_page_type_reads_without_sideways_scrolling(new_page, kind):
    # A phone; a phone with the browser's text at 200%; a desktop with text at 200%.
    page = new_page()
    page.goto(PAGES[kind])
    open_disclosures(page)
    for width, text_zoom in [(320, 100), (320, 200), (1280, 200)]:
        page.set_viewport_size({"width": width, "height": 800})
        set_text_zoom(page, text_zoom)
        assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") == 18 * text_zoom / 100
        assert wider_than_viewport(page) == [], f"{kind} scrolls sideways at {width} px wide with text at {text_zoom}%"
