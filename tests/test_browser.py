"""End-to-end: the dashboard in headless Chromium (issue 7). The demo corpus is ingested, the app
is served by uvicorn on a free local port, and a browser goes overview -> dyad -> an event's
evidence -> the article, where the event's sentence must be highlighted; no console errors; a
screenshot is saved to tests/artifacts/dashboard.png. An article carrying a <script> is shown as
text, never run.

Needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver) and
selenium; skipped, with the reason, when any is missing."""
from __future__ import annotations

import json
import os
import socket
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from redline.store.ingest import ingest
from redline.web.api import create_app

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "samples" / "demo-crisis.jsonl"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
WAIT = 30

# Stored XSS: payloads in the title, the text, a quotation and the link reach every page as text.
HOSTILE = {"id": "xss-browser", "date": "2026-08-20", "url": "javascript:window.pwned=3",
           "title": "Venezuela warns Guyana <script>window.pwned=1</script>",
           "text": "CARACAS, Aug. 20 - Venezuela warned Guyana on Thursday. <script>window.pwned=1</script> "
                   "Guyana condemned Venezuela for the threat. <img src=x onerror=\"window.pwned=2\"> "
                   "\u201c<svg onload=window.pwned=4>We will not give up an inch of Essequibo,\u201d Guyana's "
                   "foreign minister said on Thursday."}

for path, what in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
    if not os.path.exists(path):
        pytest.skip(f"{what} is not installed ({path} missing): apt-get install chromium chromium-driver",
                    allow_module_level=True)
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[test]')")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get_json(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


@pytest.fixture(scope="module")
def server(tmp_path_factory, pipeline_all):
    import uvicorn

    folder = tmp_path_factory.mktemp("browser")
    db = folder / "demo.duckdb"
    ingest([str(DEMO)], str(db), pipeline=pipeline_all)
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    ingest([str(hostile)], str(db), pipeline=pipeline_all)

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            if get_json(f"{base}/api/health")["documents"] > 0:
                break
        except Exception:
            if time.monotonic() > deadline or not thread.is_alive():
                server.should_exit = True
                raise
        time.sleep(0.1)
    yield base
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def driver():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(options=options, service=webdriver.ChromeService(CHROMEDRIVER))
    browser.set_page_load_timeout(WAIT)
    yield browser
    browser.quit()


def wait(driver, condition, message: str):
    return WebDriverWait(driver, WAIT).until(condition, message)


def console_errors(driver) -> list[dict]:
    return [entry for entry in driver.get_log("browser")
            if entry["level"] == "SEVERE" and "favicon.ico" not in entry["message"]]


def test_dyad_event_opens_its_highlighted_sentence_without_console_errors(server, driver):
    driver.get_log("browser")                       # start from an empty console
    driver.get(f"{server}/")
    wait(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "#dyads-volume tbody a.dyad-link")),
         "the overview's dyad table was not drawn")
    wait(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "#volume-chart svg")),
         "the overview's chart was not drawn")
    assert "documents" in driver.find_element(By.ID, "store-summary").text

    links = driver.find_elements(By.CSS_SELECTOR, "#dyads-volume tbody a.dyad-link")
    hrefs = [link.get_attribute("href") for link in links]
    target = next((link for link, href in zip(links, hrefs)
                   if href.endswith("/dyads/GUY/VEN") or href.endswith("/dyads/VEN/GUY")), None)
    assert target is not None, f"GUY-VEN is not among the most active dyads: {hrefs}"
    target.click()
    wait(driver, EC.url_contains("/dyads/"), "the dyad link did not open the dyad page")

    wait(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "#dyad-chart svg")),
         "the dyad's timeline chart was not drawn")
    wait(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "#dyad-events .evidence-link")),
         "the dyad's event list has no evidence links")
    assert driver.find_element(By.ID, "dyad-interval").is_displayed()

    evidence = driver.find_elements(By.CSS_SELECTOR, "#dyad-events .evidence-link")[0]
    href = evidence.get_attribute("href")
    doc_path, _, anchor = href.partition("#")
    assert anchor.startswith("event-"), href
    index = int(anchor.removeprefix("event-"))
    doc_id = urllib.request.unquote(doc_path.rsplit("/documents/", 1)[1])
    document = get_json(f"{server}/api/documents/{urllib.request.quote(doc_id, safe='')}")
    mention = next(m for m in document["mentions"] if m["event_index"] == index)
    sentence = mention["sentence_text"] or document["text"][mention["sentence_start"]:mention["sentence_end"]]
    assert sentence.strip()

    evidence.click()
    wait(driver, EC.url_contains(f"/documents/"), "the evidence link did not open the article")
    wait(driver, EC.presence_of_element_located((By.ID, f"event-{index}")), f"no #event-{index} anchor in the article")
    selected = wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#doc-text .hl.sentence.selected"),
                    "no sentence is highlighted as selected")
    assert all(index in map(int, piece.get_attribute("data-events").split()) for piece in selected)
    highlighted = "".join(driver.execute_script("return arguments[0].textContent", piece) for piece in selected)
    assert " ".join(highlighted.split()) == " ".join(sentence.split()) or sentence.strip() in highlighted
    assert "selected" in driver.find_element(By.ID, f"event-item-{index}").get_attribute("class")
    assert driver.find_element(By.ID, "doc-title").text == (document["title"] or doc_id)

    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "dashboard.png"
    assert driver.save_screenshot(str(shot)) and shot.stat().st_size > 0

    errors = console_errors(driver)
    assert not errors, f"console errors: {errors}"


def test_an_article_with_a_script_is_shown_as_text(server, driver):
    driver.get_log("browser")
    driver.get(f"{server}/documents/{HOSTILE['id']}")
    wait(driver, lambda d: "window.pwned" in d.find_element(By.ID, "doc-text").text,
         "the hostile article's text was not shown")
    time.sleep(0.5)                                 # an injected onerror would have fired by now
    assert driver.execute_script("return window.pwned") is None
    body = driver.find_element(By.TAG_NAME, "body").text
    assert "<script>window.pwned=1</script>" in body and "<script>" in driver.find_element(By.ID, "doc-title").text
    assert not driver.find_elements(By.CSS_SELECTOR, "#main script, #main img, #main svg")
    assert not [a for a in driver.find_elements(By.CSS_SELECTOR, "a[href]")
                if a.get_attribute("href").lower().startswith("javascript:")]
    for page, ready in (("/quotes", "#quotes-table tbody tr"), ("/dyads/GUY/VEN", "#dyad-events tbody tr"),
                        ("/", "#dyads-volume tbody tr")):
        driver.get(f"{server}{page}")
        wait(driver, EC.presence_of_element_located((By.CSS_SELECTOR, ready)), f"{page} was not drawn")
        time.sleep(0.3)
        assert driver.execute_script("return window.pwned") is None, page
    driver.get(f"{server}/quotes")
    driver.find_element(By.ID, "quote-text").send_keys("an inch of Essequibo")
    driver.find_element(By.ID, "quote-search").click()
    wait(driver, lambda d: "<svg onload=window.pwned=4>" in d.find_element(By.ID, "quotes-table").text,
         "the hostile quotation is not listed as text")
    assert driver.execute_script("return window.pwned") is None
    errors = console_errors(driver)
    assert not errors, f"console errors: {errors}"


def test_the_map_draws_coastlines_and_places_and_the_network_its_actors(server, driver):
    driver.get_log("browser")
    driver.get(f"{server}/map")
    wait(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "#map-table tbody tr")), "no place table")
    traces = wait(driver, lambda d: d.execute_script(
        "const c = document.getElementById('map-chart'); return c.data && c.data.length ? c.data : null"),
        "the map was not drawn")
    coast, borders, places = traces
    assert coast["mode"] == "lines" and len([x for x in coast["lon"] if x is not None]) > 5000
    assert borders["mode"] == "lines" and places["mode"] == "markers" and places["lat"]
    names = [row.text for row in driver.find_elements(By.CSS_SELECTOR, "#map-table tbody td:first-child")]
    assert names and any("Essequibo" in name or "Guyana" in name or "Venezuela" in name for name in names)
    ARTIFACTS.mkdir(exist_ok=True)
    assert driver.save_screenshot(str(ARTIFACTS / "map.png"))
    driver.get(f"{server}/network")
    wait(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "#network-table tbody a.dyad-link")),
         "the network's country links were not listed")
    Select(driver.find_element(By.ID, "network-nodes")).select_by_value("actors")
    nodes = wait(driver, lambda d: d.execute_script(
        "const c = document.getElementById('network-chart'); const n = c.data && c.data[c.data.length - 1];"
        "return n && n.text.some((t) => t.length > 3) ? n.text : null"), "the actor network was not drawn")
    assert any(code.startswith(("GUY", "VEN")) and len(code) > 3 for code in nodes), nodes
    errors = console_errors(driver)
    assert not errors, f"console errors: {errors}"
