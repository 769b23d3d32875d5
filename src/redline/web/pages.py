"""The dashboard of `redline serve`: HTML pages and their static assets, on the API's app.

The pages are empty frames: every table and chart is drawn in the browser by a small JS module
(static/*.js) from the /api endpoints, so the dashboard shows exactly what the API serves.
Article text is untrusted: the scripts build the DOM with textContent and createElement only.
Values from the URL that reach a page's HTML (a document id, a dyad) are escaped. Every asset is
served from here: our CSS and JS from the package, plotly.js from the installed `plotly` package.
"""
from __future__ import annotations

import re
from functools import lru_cache
from html import escape
from importlib import resources
from string import Template
from typing import Callable

from fastapi import FastAPI, HTTPException, Path
from fastapi.responses import HTMLResponse, Response

NAV = (("/", "Overview", "overview"), ("/network", "Network", "network"), ("/map", "Map", "map"),
       ("/quotes", "Quotes", "quotes"), ("/docs", "API", "api"))
STATIC_NAME = re.compile(r"^[a-z][a-z0-9_-]*\.(js|css|json)$")
MEDIA = {"js": "text/javascript; charset=utf-8", "css": "text/css; charset=utf-8", "json": "application/json"}
# Scripts only from here (no inline script, no eval); plotly sets inline styles.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")


def _package_file(package: str, *parts: str) -> bytes:
    return resources.files(package).joinpath(*parts).read_bytes()


@lru_cache(maxsize=None)
def _template(name: str) -> Template:
    return Template(_package_file("redline.web", "templates", name).decode("utf-8"))


@lru_cache(maxsize=1)
def plotly_js() -> bytes:
    """plotly.js as bundled in the installed `plotly` Python package."""
    return _package_file("plotly", "package_data", "plotly.min.js")


def render(view: str, title: str, *, charts: bool = False, script: bool = True, status_code: int = 200,
           **values: str) -> HTMLResponse:
    """The layout around templates/`view`.html (its $names filled with `values`, escaped), loading
    static/`view`.js (and plotly.js when the view has `charts`)."""
    nav = "\n".join(f'<a class="nav-link{" active" if key == view else ""}" id="nav-{key}" href="{href}">{label}</a>'
                    for href, label, key in NAV)
    body = _template(f"{view}.html").substitute({k: escape(v, quote=True) for k, v in values.items()})
    scripts = ('<script src="/static/plotly.min.js"></script>\n' if charts else "") + \
        (f'<script type="module" src="/static/{view}.js"></script>' if script else "")
    page = _template("layout.html").substitute(title=escape(title), nav=nav, body=body, scripts=scripts, view=view)
    return HTMLResponse(page, status_code=status_code, headers={"Content-Security-Policy": CSP})


def mount(app: FastAPI, store: Callable) -> None:
    """Add the dashboard's pages and assets to `app`; `store()` opens the store read-only."""

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview():
        return render("overview", "Overview", charts=True)

    @app.get("/dyads/{a}/{b}", response_class=HTMLResponse, include_in_schema=False)
    def dyad(a: str, b: str):
        a, b = a.upper(), b.upper()
        if not all(len(c) == 3 and c.isascii() and c.isalpha() for c in (a, b)):
            return render("missing", "Not found", script=False, status_code=404,
                          message="A dyad is two ISO3 country codes: /dyads/RUS/UKR.")
        return render("dyad", f"{a}–{b}", charts=True, a=a, b=b)

    @app.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def document(doc_id: str = Path(max_length=1000)):
        with store() as con:
            found = con.execute("SELECT count(*) FROM documents WHERE id = ?", [doc_id]).fetchall()[0][0]
        if not found:
            return render("missing", "Not found", script=False, status_code=404,
                          message=f"No document with id {doc_id!r}.")
        return render("document", "Article", doc_id=doc_id)

    @app.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network():
        return render("network", "Network", charts=True)

    @app.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def map_():
        return render("map", "Map", charts=True)

    @app.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
    def quotes():
        return render("quotes", "Quotes")

    @app.get("/static/plotly.min.js", include_in_schema=False)
    def plotly():
        return Response(plotly_js(), media_type=MEDIA["js"], headers={"Cache-Control": "public, max-age=86400"})

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str):
        if not STATIC_NAME.match(name):
            raise HTTPException(status_code=404, detail="no such file")
        try:
            content = _package_file("redline.web", "static", name)
        except (FileNotFoundError, IsADirectoryError):
            raise HTTPException(status_code=404, detail="no such file") from None
        return Response(content, media_type=MEDIA[name.rsplit(".", 1)[1]], headers={"Cache-Control": "no-cache"})
