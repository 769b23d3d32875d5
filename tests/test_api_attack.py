"""The API under attack: generated requests from its own OpenAPI spec (schemathesis) never get a
5xx and, when valid, get answers that match the spec; SQL injection and path traversal strings in
every parameter change nothing in the store and reach no file."""
from __future__ import annotations

import hashlib
import shutil
import warnings
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings

from conftest import build_store
from redline.store import open_db
from redline.web.api import create_app
from test_api import CORPUS

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import schemathesis
    from fastapi.testclient import TestClient
    from schemathesis import GenerationMode

EXAMPLES = {GenerationMode.POSITIVE: 50, GenerationMode.NEGATIVE: 25}   # per operation
HOSTILE = [
    "' OR '1'='1", "1; DROP TABLE events; --", "x' UNION SELECT text FROM documents --", "\") OR 1=1 --",
    "%' OR 1=1 --", "'; DELETE FROM documents; --", "1 OR 1=1", "RUS' --", "UKR\"; ATTACH 'x.db' AS x; --",
    "../../../../etc/passwd", "..%2F..%2F..%2Fpyproject.toml", "..\\..\\windows\\win.ini", "/etc/passwd",
    "%00", "\x00", "<script>alert(1)</script>", "{{7*7}}", "${7*7}", "\u202e\u0000\ud7ff", "A" * 5000,
]


@pytest.fixture(scope="module")
def store(tmp_path_factory, pipeline_all):
    return build_store(tmp_path_factory.mktemp("attack"), CORPUS, pipeline_all)


@pytest.fixture(scope="module")
def app(store):
    return create_app(str(store))


def fingerprint(db) -> dict[str, str]:
    """A hash of every table's rows, in a fixed order."""
    with open_db(str(db), read_only=True) as con:
        tables = [t for (t,) in con.execute("SELECT table_name FROM information_schema.tables "
                                            "WHERE table_schema = 'main' ORDER BY table_name").fetchall()]
        return {t: hashlib.sha256(repr(con.execute(f'SELECT * FROM "{t}" ORDER BY ALL').fetchall())
                                  .encode()).hexdigest() for t in tables}


def test_generated_requests_get_no_server_error_and_valid_ones_match_the_spec(app, store):
    before = fingerprint(store)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    runs = {"cases": 0, "operations": 0}
    failures = []
    for result in schema.get_all_operations():
        operation = result.ok()
        runs["operations"] += 1
        for mode, examples in EXAMPLES.items():
            if mode is GenerationMode.NEGATIVE and not list(operation.iter_parameters()):
                continue                      # nothing to get wrong in a request without parameters
            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(max_examples=examples, deadline=None, database=None, derandomize=True,
                      suppress_health_check=list(HealthCheck))
            def run(case):
                runs["cases"] += 1
                response = case.call()
                if response.status_code >= 500:
                    failures.append(f"{case.method} {case.formatted_path} {case.query}: {response.status_code}")
                elif mode is GenerationMode.POSITIVE and response.status_code == 200:
                    case.validate_response(response, checks=[schemathesis.checks.response_schema_conformance,
                                                              schemathesis.checks.content_type_conformance])
            run()
    assert runs["operations"] >= 13 and runs["cases"] >= 13 * 20, runs
    assert not failures, failures[:10]
    assert fingerprint(store) == before
    print(f"schemathesis: {runs['cases']} cases over {runs['operations']} operations, 0 server errors")


def _operations(app) -> list[tuple[str, list[dict]]]:
    spec = TestClient(app).get("/openapi.json").json()
    return [(path, op.get("parameters", [])) for path, item in spec["paths"].items() for op in item.values()]


def _url(path: str, params: list[dict], target: str, value: str) -> str:
    """`path` with `value` in the parameter `target` and harmless values in the other path ones."""
    filled = path
    for p in params:
        if p["in"] == "path":
            filled = filled.replace("{" + p["name"] + "}", quote(value if p["name"] == target else "RUS", safe=""))
    query = [p for p in params if p["in"] == "query" and p["name"] == target]
    return filled + (f"?{target}={quote(value, safe='')}" if query else "")


def test_injection_and_traversal_strings_in_every_parameter_change_nothing(app, store):
    before = fingerprint(store)
    client = TestClient(app)
    documents = client.get("/api/documents?limit=1000").json()["total"]
    tried = 0
    for path, params in _operations(app):
        for p in params:
            for value in HOSTILE:
                response = client.get(_url(path, params, p["name"], value))
                tried += 1
                assert response.status_code in (200, 404, 422), (path, p["name"], value, response.status_code)
                body = response.text
                assert "root:x:0:0" not in body and "[build-system]" not in body
                if response.status_code == 200 and "items" in response.json():
                    # a filter with a hostile value never widens the answer to everything
                    if p["name"] in ("text", "speaker", "doc_id", "name") and path == "/api/documents":
                        assert response.json()["total"] < documents
    assert tried > 300
    print(f"{tried} hostile values tried in {len(HOSTILE)} forms")
    assert fingerprint(store) == before
    assert client.get("/api/documents").json()["total"] == documents


@pytest.mark.parametrize("path", [
    "/static/../../pyproject.toml", "/static/..%2F..%2Fpyproject.toml", "/static/%2e%2e%2fapi.py",
    "/static/....//....//etc/passwd", "/static/app.js%00.css", "/static/.%2e/templates/layout.html",
    "/documents/..%2F..%2Fetc%2Fpasswd", "/static/%252e%252e%252fpyproject.toml", "/static/outlines.json/..",
])
def test_paths_that_climb_out_of_the_static_folder_find_nothing(app, path):
    response = TestClient(app).get(path)
    assert response.status_code == 404 or (response.status_code == 200 and "text/html" in response.headers["content-type"]
                                            and "root:x:0:0" not in response.text), (path, response.status_code)
    assert "[build-system]" not in response.text and "def create_app" not in response.text


def test_a_store_read_only_for_the_server_is_never_written(app, store, tmp_path):
    """Even a request that names an existing table as a value finds only values."""
    copy = tmp_path / "copy.duckdb"
    shutil.copy(store, copy)
    before = fingerprint(copy)
    client = TestClient(create_app(str(copy)))
    for value in ("events", "documents; DROP TABLE events", "main.events", "information_schema.tables"):
        for url in (f"/api/events?text={quote(value)}", f"/api/quotes?speaker={quote(value)}",
                    f"/api/documents?text={quote(value)}", f"/api/places?name={quote(value)}"):
            assert client.get(url).status_code == 200
    assert fingerprint(copy) == before
