"""Reading at 320 px with every reading option (issue 13, point 2), measured in real Chromium:
no word cut in two without a hyphen, nothing wider than the screen."""

import json

import pytest

from tests.browser.checks import ARTICLE, PAGES, STATUS, open_disclosures, wider_than_viewport, words_split_across_lines

pytestmark = pytest.mark.browser

NARROW = {"width": 320, "height": 640}
TEXT_SIZES = ["", "large", "largest"]
SPACINGS = ["", "wide"]


def choose(page, **prefs):
    """Start the visit as someone who chose these reading options before."""
    page.context.add_init_script(f"localStorage.setItem('reading-options', {json.dumps(json.dumps(prefs))})")


def problems(page, path):
    assert page.goto(path).status == STATUS.get(next((k for k, v in PAGES.items() if v == path), ""), 200)
    open_disclosures(page)
    return {"cut words": words_split_across_lines(page), "sticking out": wider_than_viewport(page)}


@pytest.mark.parametrize("spacing", SPACINGS, ids=["standard spacing", "wide spacing"])
@pytest.mark.parametrize("text", TEXT_SIZES, ids=["standard text", "large text", "largest text"])
def test_the_article_and_home_read_cleanly_at_320px_with_each_reading_option(new_page, text, spacing):
    page = new_page(viewport=NARROW)
    choose(page, text=text, spacing=spacing, theme="contrast")
    for path in ("/", ARTICLE):
        found = problems(page, path)
        assert found == {"cut words": [], "sticking out": []}, f"{path} with text {text or 'standard'}, spacing {spacing or 'standard'}"


@pytest.mark.parametrize("kind", [kind for kind in PAGES if PAGES[kind] not in ("/", ARTICLE)])
def test_every_page_type_reads_cleanly_at_320px_with_the_largest_text_and_wide_spacing(new_page, kind):
    page = new_page(viewport=NARROW)
    choose(page, text="largest", spacing="wide")
    found = problems(page, PAGES[kind])
    assert found == {"cut words": [], "sticking out": []}, kind
