"""Every page type and state passes the Nu HTML Checker and axe, best-practice rules included (issue 13, point 7)."""

import json
import shutil
import subprocess

import pytest

from tests.browser.checks import PAGES, STATUS, describe, open_disclosures
from tests.browser.conftest import AXE_JS, ROOT, WCAG_TAGS
from tests.contact_helpers import send, valid_answers

pytestmark = pytest.mark.browser

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
STATES = {**PAGES, "site map": "/site-map/"}


def axe_all(page):
    """axe-core's WCAG 2.2 A/AA rules and its best-practice rules."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    return page.evaluate(
        """async (tags) => (await axe.run(document, {runOnly: {type: "tag", values: tags}})).violations.map((v) => ({
            id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ") + " :: " + n.failureSummary)}))""",
        WCAG_TAGS + ["best-practice"],
    )


def show_contact_errors(page):
    page.goto("/contact/")
    page.get_by_role("button", name="Send my enquiry").click()
    page.wait_for_selector(".error-summary")


@pytest.mark.parametrize("kind", [*STATES, "contact with errors"])
def test_every_page_type_and_state_has_no_axe_violations_at_320_and_1280(new_page, kind):
    if not AXE_JS.exists():
        pytest.skip("node_modules/axe-core is missing: run `npm ci`")
    page = new_page(bypass_csp=True)
    if kind == "contact with errors":
        show_contact_errors(page)
    else:
        assert page.goto(STATES[kind]).status == STATUS.get(kind, 200)
    open_disclosures(page)
    assert (found := axe_all(page)) == [], f"{kind} at 1280 px:\n{describe(found)}"
    page.set_viewport_size({"width": 320, "height": 640})
    assert (found := axe_all(page)) == [], f"{kind} at 320 px:\n{describe(found)}"


def test_every_page_type_and_state_is_valid_html(new_page, client, tmp_path):
    if not VNU_JAR.exists() or not shutil.which("java"):
        pytest.skip("the Nu HTML Checker needs node_modules/vnu-jar (`npm ci`) and Java (`make browser-deps`)")
    page = new_page()
    documents = {}
    for kind, path in STATES.items():
        response = page.goto(path)
        assert response.status == STATUS.get(kind, 200)
        documents[kind] = response.text()
    show_contact_errors(page)
    documents["contact with errors"] = page.content()
    documents["thank-you page"] = send(client, valid_answers()).content.decode()
    files = []
    for number, html in enumerate(documents.values()):
        files.append(tmp_path / f"{number}.html")
        files[-1].write_text(html)
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True, text=True, timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    kinds = {str(file): kind for file, kind in zip(files, documents)}
    errors = [f"{kinds.get(m.get('url', '').removeprefix('file:'), m.get('url'))}: {m['message']} [{m.get('extract', '')!r}]" for m in messages]
    assert errors == [], "\n".join(errors)
