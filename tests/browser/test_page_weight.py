"""Every page type stays within 25 KB gzipped of HTML, CSS, JavaScript and fonts (issue 13, point 9).

Measured from what Chromium actually downloads for each page, each response
gzipped at level 6 (nginx's gzip and Django's GZipMiddleware use about that;
WhiteNoise's stored copies are smaller still). Images are not counted: they
are sized per screen and load lazily below the first screen.
"""

import gzip
from urllib.parse import urlsplit

import pytest

from tests.browser.checks import PAGES, STATUS

pytestmark = pytest.mark.browser

BUDGET = 25 * 1024
COUNTED = {"document", "stylesheet", "script", "font"}


@pytest.mark.parametrize("kind", PAGES)
def test_each_page_type_weighs_at_most_25_kb_gzipped(new_page, kind):
    page = new_page()
    responses = []
    page.on("response", lambda response: responses.append(response) if response.request.resource_type in COUNTED else None)
    assert page.goto(PAGES[kind]).status == STATUS.get(kind, 200)
    page.wait_for_load_state("networkidle")
    sizes = {urlsplit(response.url).path: len(gzip.compress(response.body(), 6)) for response in responses}
    total = sum(sizes.values())
    print(f"\n{kind}: {total / 1024:.1f} KB gzipped {sizes}")
    assert total <= BUDGET, f"{kind} weighs {total / 1024:.1f} KB gzipped: {sizes}"
