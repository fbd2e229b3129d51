"""A person's use of the site, in a real headless Chromium (Debian's, driven by Playwright)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parent.parent / "test-output"
# Chromium's own network traffic is refused on this machine; these flags keep it quiet and local.
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def page():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield browser.new_page()
        browser.close()


def test_search_a_person_read_the_evidence_and_run_a_query(page, live_server):
    SCREENSHOTS.mkdir(exist_ok=True)
    page.goto(live_server + "/", timeout=15000)
    page.fill("header input[name=q]", "林向东")
    page.click("header button[type=submit]")
    page.click("table.results a:text('林向东')")
    assert page.locator("h1").inner_text() == "林向东"
    evidence = page.locator("q.evidence").first.inner_text()
    assert "林向东" in evidence and "市委书记" in evidence
    page.screenshot(path=str(SCREENSHOTS / "entity.png"), full_page=True)

    page.goto(live_server + "/")
    form = page.locator("#form-meetings_chaired")
    form.locator("input[name=person]").fill("林向东")
    form.locator("button").click()
    assert "常委会会议" in page.locator("table.results").inner_text()
    page.screenshot(path=str(SCREENSHOTS / "query.png"), full_page=True)
    print(f"screenshots: {SCREENSHOTS / 'entity.png'}, {SCREENSHOTS / 'query.png'}")


def test_the_sparql_editor_shows_a_table(page, live_server):
    page.goto(live_server + "/")
    page.fill("#sparql", "SELECT ?name WHERE { ?p a gk:Official ; gk:name ?name } ORDER BY ?name")
    page.click("#run-sparql")
    page.wait_for_selector("#sparql-result table")
    assert "宋明远" in page.locator("#sparql-result").inner_text()
