"""What the browser tests look for in a page, written once."""

# One page of each type, and each view that is not a Wagtail page.
PAGES = {
    "home": "/",
    "general page": "/about/",
    "fees page": "/fees/",
    "booking page": "/book-a-call/",
    "site map": "/site-map/",
    "services list": "/services/",
    "service": "/services/walk-and-talk-therapy/",
    "blog list": "/blog/",
    "blog post": "/blog/what-is-the-therapeutic-relationship/",
    "blog topic": "/blog/tags/therapeutic-relationship/",
    "contact": "/contact/",
    "search results": "/search/?q=counselling",
    "search, nothing found": "/search/?q=xylophone",
    "page not found": "/no-such-page/",
}
STATUS = {"page not found": 404}
ARTICLE = PAGES["blog post"]


def open_disclosures(page):
    """Open every <details> (the reading options, any other disclosure) so hidden content is checked too."""
    page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")


def wider_than_viewport(page):
    """Elements that stick out past the right edge, i.e. that force sideways scrolling."""
    return page.evaluate(
        """() => {
            const width = document.documentElement.clientWidth;
            if (document.documentElement.scrollWidth <= width) return [];
            return [...document.body.querySelectorAll("*")]
                .filter((el) => el.getBoundingClientRect().right > width + 1)
                .slice(0, 8)
                .map((el) => el.tagName.toLowerCase() + (el.className ? "." + String(el.className).split(" ").join(".") : "")
                     + " (right edge " + Math.round(el.getBoundingClientRect().right) + "px)");
        }"""
    )


def describe(violations):
    """axe-core's findings as lines a developer can act on."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(f"    {node}" for node in violation["nodes"][:5])
    return "\n".join(lines)


def set_text_zoom(page, percent):
    """Chromium's own default text size, as a visitor sets it in the browser's settings (100 = 16 px)."""
    session = page.context.new_cdp_session(page)
    session.send("Page.setFontSizes", {"fontSizes": {"standard": 16 * percent // 100, "fixed": 13 * percent // 100}})


def focus_ring(page):
    """How the focused element shows focus: its outline or box shadow, and whether it is on screen."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            const box = el.getBoundingClientRect();
            return {
                element: el.outerHTML.slice(0, 120),
                outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
                shadow: style.boxShadow !== "none",
                onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
                    && box.top < innerHeight && box.left < innerWidth,
            };
        }"""
    )


def tab_to(page, locator, presses=80):
    """Press Tab until `locator` has focus, as a keyboard user would; fail if it never does."""
    for _ in range(presses):
        if locator.evaluate("(el) => el === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{locator} never received focus after {presses} presses of Tab")


def focus_stops(page, limit=200):
    """Tab through the whole page once; how each stop shows its focus."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement === document.body || document.activeElement === null"):
            break
        ring = focus_ring(page)
        if stops and ring["element"] == stops[0]["element"]:
            break
        stops.append(ring)
    return stops


def words_split_across_lines(page):
    """Words the browser broke between two lines without a hyphen.

    Each word (split at spaces, hyphens, dashes and slashes, where a break is
    proper) is measured: more than one line box means it was cut in two.
    Chromium on Debian has no hyphenation dictionaries, so any such cut is one
    a reader sees without a hyphen. Visually hidden text (1 px boxes) is skipped.
    """
    return page.evaluate(
        """() => {
            const broken = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            const range = document.createRange();
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const parent = node.parentElement;
                if (!parent || parent.closest("script, style, template, [hidden]")) continue;
                if (!parent.getClientRects().length) continue;
                let hidden = false;
                for (let el = parent; el && el !== document.body; el = el.parentElement) {
                    const box = el.getBoundingClientRect();
                    if (box.width <= 1 || box.height <= 1) { hidden = true; break; }
                }
                if (hidden) continue;
                const pattern = /[^\\s\\-\\u2010-\\u2015\\/]+/g;
                for (let match; (match = pattern.exec(node.data)); ) {
                    if (match[0].length < 4) continue;
                    range.setStart(node, match.index);
                    range.setEnd(node, match.index + match[0].length);
                    const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
                    if (tops.size > 1) broken.push(match[0] + " (in " + parent.tagName.toLowerCase() + ")");
                }
            }
            return broken;
        }"""
    )
