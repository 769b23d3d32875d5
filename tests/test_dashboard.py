"""`redline serve`'s dashboard: every page is served with the navigation and its scripts, every
asset locally (plotly.js from the plotly package), and untrusted article text never reaches a
page's HTML: the scripts load it from the API and build the DOM with textContent."""
from __future__ import annotations

import json
import re
import warnings
from pathlib import Path
from urllib.parse import quote

import pytest

from conftest import build_store
from redline.store.ingest import ingest
from redline.web import pages
from redline.web.api import create_app
from test_store import ARTICLES

with warnings.catch_warnings():         # starlette's TestClient would rather have httpx2 than httpx
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

STATIC = Path(pages.__file__).parent / "static"
HOSTILE = {"id": "xss-1", "date": "2022-05-20", "url": "javascript:alert(1)",
           "title": "<img src=x onerror=alert(1)> Russia warns Ukraine",
           "text": "MOSCOW, May 20 - Russia warned Ukraine on Friday. <script>alert(1)</script> The Kremlin said "
                   "Moscow would respond. <img src=x onerror=alert(1)> Ukraine condemned Russia for the threat."}
CORPUS = ARTICLES + [HOSTILE]
PAGES = {"/": ["plotly.min.js", "overview.js"], "/network": ["plotly.min.js", "network.js"],
         "/map": ["plotly.min.js", "map.js"], "/quotes": ["quotes.js"], "/dyads/RUS/UKR": ["plotly.min.js", "dyad.js"],
         "/documents/kh-1": ["document.js"], "/documents/xss-1": ["document.js"]}


@pytest.fixture(scope="module")
def db(tmp_path_factory, pipeline_all):
    return build_store(tmp_path_factory.mktemp("dashboard"), CORPUS, pipeline_all)


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(str(db)))


def scripts(html: str) -> list[str]:
    return [src.rsplit("/", 1)[-1] for src in re.findall(r'<script[^>]*\ssrc="([^"]+)"', html)]


@pytest.mark.parametrize("url", sorted(PAGES))
def test_every_page_is_html_with_the_navigation_and_its_scripts(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    html = response.text
    assert html.startswith("<!doctype html>") and '<nav id="nav">' in html
    for href in ("/", "/network", "/map", "/quotes", "/docs"):
        assert f'href="{href}"' in html
    assert '<link rel="stylesheet" href="/static/style.css">' in html
    assert scripts(html) == PAGES[url]
    assert '<script type="module" src="/static/' in html
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert "cdn" not in html.lower() and "https://" not in html


def test_every_script_and_stylesheet_a_page_loads_is_served_locally(client):
    for url in PAGES:
        html = client.get(url).text
        for src in re.findall(r'(?:src|href)="(/static/[^"]+)"', html):
            response = client.get(src)
            assert response.status_code == 200, src
            kind = "css" if src.endswith(".css") else "javascript"
            assert kind in response.headers["content-type"], src


def test_plotly_js_is_served_from_the_plotly_package(client):
    import plotly

    response = client.get("/static/plotly.min.js")
    assert response.status_code == 200 and "javascript" in response.headers["content-type"]
    assert len(response.content) > 1_000_000 and b"plotly.js" in response.content[:500]
    bundled = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    assert response.content == bundled.read_bytes()
    assert not list(STATIC.glob("plotly*")) and not (STATIC.parent / "plotly.min.js").exists()


def test_only_the_dashboards_own_files_are_served_as_static(client):
    for name in ("nothing.js", "..%2Fapi.py", "%2E%2E%2Fqueries.py", "app.py", "style.css.bak"):
        assert client.get(f"/static/{name}").status_code == 404, name
    assert client.get("/static/app.js").status_code == 200


def test_the_pages_are_not_in_the_api_schema(client):
    paths = set(client.get("/openapi.json").json()["paths"])
    assert all(p.startswith("/api/") for p in paths)


def test_the_scripts_build_the_dom_without_html_strings():
    sources = {p.name: p.read_text(encoding="utf-8") for p in STATIC.glob("*.js")}
    assert {"app.js", "overview.js", "dyad.js", "document.js", "network.js", "map.js", "quotes.js"} <= set(sources)
    for name, source in sources.items():
        for bad in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
            assert bad not in source, (name, bad)
        assert "http://" not in source and "https://" not in source, name      # no CDN
        if name != "app.js":
            assert 'from "/static/app.js"' in source, name
    assert "export function escapeHtml" in sources["app.js"] and "textContent" in sources["document.js"]
    assert "createTextNode" in sources["app.js"]


def test_the_hostile_article_never_reaches_the_pages_html(client):
    html = client.get("/documents/xss-1").text
    assert "<script>alert(1)" not in html and "onerror" not in html and "alert(" not in html
    assert 'data-doc-id="xss-1"' in html
    doc = client.get("/api/documents/xss-1").json()          # the text comes from the API, as JSON
    assert "<script>alert(1)</script>" in doc["text"] and "<img src=x onerror=alert(1)>" in doc["text"]


def test_an_unknown_document_is_a_404_page_with_a_message(client):
    response = client.get("/documents/no-such-doc")
    assert response.status_code == 404 and response.headers["content-type"].startswith("text/html")
    assert '<nav id="nav">' in response.text and 'id="not-found"' in response.text and "no-such-doc" in response.text
    hostile = client.get("/documents/" + quote("<img src=x onerror=alert(1)>", safe=""))
    assert hostile.status_code == 404 and "<img" not in hostile.text
    assert "&lt;img src=x onerror=alert(1)&gt;" in hostile.text


def test_a_document_id_with_markup_characters_is_escaped_into_its_page(tmp_path, pipeline_all):
    odd = {**ARTICLES[0], "id": 'a"b<c>&d'}
    corpus = tmp_path / "odd.jsonl"
    corpus.write_text(json.dumps(odd) + "\n", encoding="utf-8")
    ingest([str(corpus)], str(tmp_path / "odd.duckdb"), pipeline=pipeline_all)
    response = TestClient(create_app(str(tmp_path / "odd.duckdb"))).get("/documents/" + quote(odd["id"], safe=""))
    assert response.status_code == 200 and 'data-doc-id="a&quot;b&lt;c&gt;&amp;d"' in response.text


def test_a_dyad_page_carries_its_countries_and_rejects_other_paths(client):
    html = client.get("/dyads/rus/ukr").text
    assert 'data-a="RUS" data-b="UKR"' in html and 'id="dyad-chart"' in html and 'id="dyad-events"' in html
    for bad in ("/dyads/RUSS/UKR", "/dyads/R1S/UKR", "/dyads/%3Cb%3E/UKR"):
        response = client.get(bad)
        assert response.status_code == 404 and 'id="not-found"' in response.text and "<b>" not in response.text


def test_the_interactive_elements_have_stable_ids(client):
    expected = {"/": ["volume-chart", "dyads-volume", "dyads-conflict", "alerts", "store-summary"],
                "/dyads/RUS/UKR": ["dyad-interval", "dyad-goldstein", "dyad-chart", "dyad-events"],
                "/documents/kh-1": ["doc-title", "doc-text", "doc-events", "doc-quotes", "doc-places", "doc-error"],
                "/network": ["network-nodes", "network-chart", "network-table"], "/map": ["map-order", "map-chart", "map-table"],
                "/quotes": ["quote-form", "quote-speaker", "quote-actor", "quote-text", "quote-search", "quote-prev",
                            "quote-next", "quotes-table"]}
    for url, ids in expected.items():
        html = client.get(url).text
        for name in ids:
            assert f'id="{name}"' in html, (url, name)


def test_the_views_use_the_endpoints_the_api_serves(client):
    """Each view's script fetches /api endpoints that exist (the charts are the API's data)."""
    spec = set(client.get("/openapi.json").json()["paths"])
    used = set()
    for path in STATIC.glob("*.js"):
        used |= set(re.findall(r'"(/api/[a-z/]+)"', path.read_text(encoding="utf-8")))
    assert used and used <= spec
    assert {"/api/timeline", "/api/dyads", "/api/alerts", "/api/events", "/api/places", "/api/quotes"} <= used
    assert "/api/dyads/{a}/{b}/timeline" in spec and "/timeline`" in (STATIC / "dyad.js").read_text()
    assert "/api/documents/${" in (STATIC / "document.js").read_text()
