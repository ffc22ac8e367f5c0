"""Screenshots for the issue's report (issue 13), kept under test-artifacts/screens/ (not committed).

Each first screen is also measured: the header's share of it, and where the
first "free initial chat" link or button sits, written beside the pictures
in figures.json. Every shot must load and must not scroll sideways.
"""

import json

import pytest

from tests.browser.checks import ARTICLE, PAGES, wider_than_viewport
from tests.browser.conftest import ARTIFACTS

pytestmark = pytest.mark.browser

SCREENS = [(320, 640), (390, 844), (1280, 800), (1920, 1080)]
SHOTS = {
    "home": ("/", {}),
    "service": (PAGES["service"], {}),
    "article": (ARTICLE, {}),
    "contact": ("/contact/", {}),
    "article-largest-contrast": (ARTICLE, {"text": "largest", "theme": "contrast"}),
}
MEASURE = """() => {
    const header = document.querySelector("body > header").getBoundingClientRect();
    const offer = [...document.querySelectorAll("main a, main button")]
        .find((el) => /free initial chat|free call/i.test(el.textContent) && el.getClientRects().length);
    const box = offer && offer.getBoundingClientRect();
    return {header_px: Math.round(header.height), header_share: +(header.height / innerHeight).toFixed(3),
            offer: offer ? offer.textContent.trim() : null, offer_bottom_px: box ? Math.round(box.bottom) : null,
            offer_on_first_screen: !!box && box.top >= 0 && box.bottom <= innerHeight};
}"""


@pytest.mark.parametrize("width, height", SCREENS, ids=[f"{w}x{h}" for w, h in SCREENS])
def test_report_screenshots(new_page, width, height):
    folder = ARTIFACTS / "screens"
    folder.mkdir(parents=True, exist_ok=True)
    figures_file = folder / "figures.json"
    figures = json.loads(figures_file.read_text()) if figures_file.exists() else {}
    for name, (path, prefs) in SHOTS.items():
        page = new_page(viewport={"width": width, "height": height})
        page.context.add_init_script(f"localStorage.setItem('reading-options', {json.dumps(json.dumps(prefs))})")
        assert page.goto(path).status == 200
        assert wider_than_viewport(page) == [], f"{name} scrolls sideways at {width}x{height}"
        page.screenshot(path=str(folder / f"{name}-{width}x{height}.png"))
        figures[f"{name} {width}x{height}"] = page.evaluate(MEASURE)
    figures_file.write_text(json.dumps(figures, indent=2, sort_keys=True))
    print("\n" + "\n".join(f"{key}: {value}" for key, value in sorted(figures.items()) if key.endswith(f"{width}x{height}")))
