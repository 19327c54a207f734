"""Each page in headless Chromium, as a user sees it; screenshots go to screenshots/.

Needs Debian's chromium and chromium-driver (scripts/ensure-chromium.sh installs them);
the browser talks to the test server on 127.0.0.1 only.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from .conftest import HOSTILE_TITLE, Server
from .webclient import request

CHROMEDRIVER = Path("/usr/bin/chromedriver")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,1000",
)


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    binary = _chromium()
    if binary is None or not CHROMEDRIVER.exists():
        message = "chromium and chromium-driver are absent: run scripts/ensure-chromium.sh"
        if os.environ.get("SAYDO_REQUIRE_SHARED"):
            pytest.fail(message + " (CI installs them through make test)")
        pytest.skip(message)
    profile = tempfile.mkdtemp(prefix="saydo-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def visit(browser: webdriver.Chrome, url: str, shots: Path, name: str) -> str:
    browser.get(url)
    browser.save_screenshot(str(shots / f"{name}.png"))
    text: str = browser.find_element(By.TAG_NAME, "body").text
    return text


def assert_twin(url: str) -> None:
    reply = request(url.split("?")[0] + ".json" + ("?" + url.split("?")[1] if "?" in url else ""))
    assert reply.status == 200
    assert reply.headers["content-type"].startswith("application/json")


def test_ledger_lists_every_pledge_and_filters(
    browser: webdriver.Chrome, server: Server, screenshots: Path
) -> None:
    pledges = request(server.url + "/api/pledges?limit=500").json()["items"]
    text = visit(browser, server.url + "/", screenshots, "ledger")
    assert browser.current_url.endswith("/ledger")
    rows = browser.find_elements(By.CSS_SELECTOR, "tr.pledge-row")
    assert len(rows) == len(pledges) > 0
    for pledge in pledges:
        assert pledge["verdict"] in text
    verdict = pledges[0]["verdict"]
    browser.find_element(By.CSS_SELECTOR, f"select[name=verdict] option[value={verdict}]").click()
    before = browser.find_element(By.TAG_NAME, "html")
    browser.find_element(By.CSS_SELECTOR, "form.filters button").click()
    # The filter submits a form: wait for the new page before reading its rows.
    WebDriverWait(browser, 20).until(expected_conditions.staleness_of(before))
    WebDriverWait(browser, 20).until(lambda b: f"verdict={verdict}" in b.current_url)
    shown = browser.find_elements(By.CSS_SELECTOR, "tr.pledge-row .verdict")
    assert shown
    assert all(v.text == verdict for v in shown)
    assert_twin(server.url + "/ledger")


def test_pledge_page_draws_timeline_map_and_evidence(
    browser: webdriver.Chrome, server: Server, screenshots: Path
) -> None:
    pledges = request(server.url + "/api/pledges?limit=500").json()["items"]
    pledge = max(pledges, key=lambda p: p["evidence_count"])
    visit(browser, server.url + "/ledger", screenshots, "ledger-before-click")
    before = browser.find_element(By.TAG_NAME, "html")
    browser.find_element(By.CSS_SELECTOR, f"a[href='/pledges/{pledge['id']}']").click()
    WebDriverWait(browser, 20).until(expected_conditions.staleness_of(before))
    WebDriverWait(browser, 20).until(lambda b: f"/pledges/{pledge['id']}" in b.current_url)
    browser.save_screenshot(str(screenshots / "pledge.png"))
    text = browser.find_element(By.TAG_NAME, "body").text
    assert pledge["sentence"] in text
    timeline = browser.find_element(By.CSS_SELECTOR, "svg.timeline")
    assert timeline.size["width"] > 300
    land = browser.find_element(By.CSS_SELECTOR, "svg.map path.land")
    assert land.size["width"] > 100
    items = browser.find_elements(By.CSS_SELECTOR, ".evidence-item")
    assert len(items) == pledge["evidence_count"]
    for item in items:
        assert "reported by" in item.text
    if pledge["evidence_count"]:
        dots = browser.find_elements(By.CSS_SELECTOR, "svg.timeline .dot")
        assert len(dots) >= 2  # the pledge and at least one piece of evidence
    assert_twin(server.url + f"/pledges/{pledge['id']}")


def test_article_page_highlights_records(
    browser: webdriver.Chrome, server: Server, screenshots: Path
) -> None:
    pledge = request(server.url + "/api/pledges?limit=1").json()["items"][0]
    article = request(server.url + f"/api/articles/{pledge['article_id']}").json()
    visit(browser, server.url + f"/articles/{pledge['article_id']}", screenshots, "article")
    body = browser.find_element(By.ID, "article-text").text
    assert " ".join(body.split()) == " ".join(article["article"]["text"].split())
    for kind in ("statement", "event", "place", "actor"):
        if article["extraction"][f"{kind}s"]:
            assert browser.find_elements(By.CSS_SELECTOR, f"#article-text .hl-{kind}"), kind
    statements = browser.find_elements(By.CSS_SELECTOR, "aside .statement")
    assert len(statements) == len(article["extraction"]["statements"])
    assert_twin(server.url + f"/articles/{pledge['article_id']}")


def test_actor_page_shows_words_and_deeds(
    browser: webdriver.Chrome, server: Server, screenshots: Path
) -> None:
    actors = request(server.url + "/api/actors?limit=500").json()["items"]
    actor = max(actors, key=lambda a: a["statements"] + a["events"])
    url = server.url + f"/actors/{quote(actor['name'])}"
    text = visit(browser, url, screenshots, "actor")
    assert actor["name"] in browser.find_element(By.TAG_NAME, "h1").text
    said = browser.find_elements(By.CSS_SELECTOR, "ul.said li")
    did = browser.find_elements(By.CSS_SELECTOR, "ul.did li")
    assert len(said) >= min(actor["statements"], 1)
    assert len(did) >= min(actor["events"], 1)
    assert "What it said" in text
    assert "What it did" in text
    assert_twin(url)


def test_search_from_the_header(
    browser: webdriver.Chrome, server: Server, screenshots: Path
) -> None:
    browser.get(server.url + "/ledger")
    box = browser.find_element(By.CSS_SELECTOR, "form.search input[name=q]")
    box.send_keys("Chernihiv\n")
    browser.save_screenshot(str(screenshots / "search.png"))
    assert "/search?q=Chernihiv" in browser.current_url
    results = browser.find_elements(By.CSS_SELECTOR, "ul.results a")
    assert results
    assert_twin(server.url + "/search?q=Chernihiv")


def test_hostile_article_is_shown_as_text_never_run(
    browser: webdriver.Chrome, server: Server, screenshots: Path
) -> None:
    found = request(server.url + "/api/search?q=" + quote("<script>")).json()["articles"]
    article_id = found[0]["id"]
    for path in (f"/articles/{article_id}", "/search?q=" + quote("<script>"), "/ledger"):
        browser.get(server.url + path)
        with pytest.raises(NoAlertPresentException):
            browser.switch_to.alert.text  # noqa: B018
        assert browser.execute_script("return window.__pwned === undefined") is True
        assert not browser.find_elements(By.CSS_SELECTOR, "main script, main img, main b, main i")
    browser.get(server.url + f"/articles/{article_id}")
    browser.save_screenshot(str(screenshots / "article-hostile.png"))
    text = browser.find_element(By.ID, "article-text").text
    assert '<script>window.__pwned = 1; alert("x")</script>' in text
    assert '<img src=x onerror="window.__pwned=2">' in text
    assert "O'Brien's & Co's" in text
    assert HOSTILE_TITLE in browser.find_element(By.TAG_NAME, "h1").text
    assert "<Wire>" in browser.find_element(By.CSS_SELECTOR, "p.byline").text


def test_unknown_page_shows_the_error(
    browser: webdriver.Chrome, server: Server, screenshots: Path
) -> None:
    text = visit(browser, server.url + "/pledges/pl_missing", screenshots, "not-found")
    assert "404 not_found" in text
