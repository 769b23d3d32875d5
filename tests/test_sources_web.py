"""Reading the web's formats: HTML pages, RSS/Atom feeds (files and URLs, with and without
fetching the linked pages), WARC archives and gzipped files, each with provenance, and every
broken input turned into an error record that keeps the good records before it.

Every fixture is written here; the HTTP server is a thread on 127.0.0.1.
"""
from __future__ import annotations

import gzip
import http.server
import io
import json
import socket
import threading
import time
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from redline.sources.fetch import USER_AGENT, Fetcher, FetchError
from redline.sources.readers import read_inputs


# --- fixtures written by the tests -----------------------------------------------------------

def news_page(title: str, paragraphs: list[str], *, date: str | None, url: str | None,
              comments: bool = True) -> str:
    """A news page as CMSs make them: navigation, the article, a comment form, a footer."""
    meta = f'<meta property="article:published_time" content="{date}T08:15:00+00:00">' if date else ""
    canonical = f'<link rel="canonical" href="{url}">' if url else ""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    comment_block = """
<section id="comments" class="comments-area">
  <h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>
  <form id="commentform" class="comment-form">
    <p class="comment-notes">Your email address will not be published. Required fields are marked *</p>
    <p><label for="comment">Comment</label><textarea id="comment" name="comment"></textarea></p>
    <p class="form-submit"><input type="submit" value="Post Comment"></p>
  </form>
  <ol class="comment-list"><li class="comment"><div class="comment-body">
    <p>Totally agree with this analysis, subscribe to my channel for more!</p></div></li></ol>
</section>""" if comments else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | The Harbour Ledger</title>
<meta property="og:title" content="{title}">{meta}{canonical}</head>
<body>
<header class="site-header"><nav class="main-nav"><ul>
  <li><a href="/">Home</a></li><li><a href="/world">World</a></li>
  <li><a href="/business">Business</a></li><li><a href="/subscribe">Subscribe</a></li></ul></nav></header>
<main><article class="post">
<h1 class="entry-title">{title}</h1>
<div class="entry-content">
{body}
</div></article>
{comment_block}
</main>
<footer class="site-footer"><p>Copyright 2023 The Harbour Ledger. All rights reserved.</p>
<ul><li><a href="/privacy">Privacy policy</a></li><li><a href="/contact">Contact us</a></li></ul></footer>
</body></html>"""


GRAIN = ["The foreign ministers of Turkey and Ukraine agreed on Tuesday to resume talks on a grain "
         "corridor through the Black Sea, officials in Ankara said.",
         "The two governments will meet again in Istanbul next week to discuss inspections of "
         "cargo ships leaving Odesa, the Turkish foreign ministry said in a statement.",
         "Russia's foreign ministry criticised the plan and accused Kyiv of using the corridor "
         "to move weapons, a claim the Ukrainian government rejected."]
SANCTIONS = ["The European Union imposed new sanctions on Belarusian state banks on Thursday, "
             "citing the government's support for the war in Ukraine.",
             "Minsk called the measures illegal and promised a response, the Belarusian foreign "
             "ministry said."]
TALKS = ["Negotiators from Armenia and Azerbaijan met in Brussels on Monday under the mediation "
         "of the European Council president to discuss a peace treaty.",
         "Both delegations described the talks as constructive but said disagreements remained "
         "over the border commission."]


def rss(items: list[dict], *, truncate_at: int | None = None) -> bytes:
    parts = ['<?xml version="1.0" encoding="utf-8"?>',
             '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
             "<channel><title>Harbour Ledger: World</title><link>https://ledger.example.org/world</link>",
             "<description>World news from the Harbour Ledger</description>"]
    for it in items:
        parts.append("<item>")
        parts.append(f"<title>{it['title']}</title><link>{it['link']}</link>")
        if "guid" in it:
            parts.append(f'<guid isPermaLink="false">{it["guid"]}</guid>')
        parts.append(f"<pubDate>{it['pubDate']}</pubDate>")
        parts.append(f"<description><![CDATA[{it['summary']}]]></description>")
        if "content" in it:
            parts.append(f"<content:encoded><![CDATA[{it['content']}]]></content:encoded>")
        parts.append("</item>")
    parts.append("</channel></rss>")
    data = "\n".join(parts).encode("utf-8")
    return data[:truncate_at] if truncate_at else data


def write_warc(path: Path, records: list[tuple], *, gz: bool) -> list[int]:
    """records: (type, uri, date, content_type, body, status); returns each record's offset."""
    offsets = []
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "redline-tests"}))
        for rec_type, uri, date, content_type, body, status in records:
            offsets.append(f.tell())
            headers = {"WARC-Date": date}
            if rec_type == "response":
                http_headers = StatusAndHeaders(status, [("Content-Type", content_type)],
                                                protocol="HTTP/1.1")
                record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                   http_headers=http_headers, warc_headers_dict=headers)
            elif rec_type == "request":
                http_headers = StatusAndHeaders(f"GET {uri} HTTP/1.1", [("Host", "ledger.example.org")],
                                                is_http_request=True)
                record = writer.create_warc_record(uri, "request", payload=io.BytesIO(b""),
                                                   http_headers=http_headers, warc_headers_dict=headers)
            else:
                record = writer.create_warc_record(uri, rec_type, payload=io.BytesIO(body),
                                                   warc_content_type=content_type,
                                                   warc_headers_dict=headers)
            writer.write_record(record)
    return offsets


def page_bytes(title, paragraphs, date="2023-03-14", url=None):
    return news_page(title, paragraphs, date=date, url=url).encode("utf-8")


WARC_RECORDS = [
    ("request", "https://ledger.example.org/world/grain", "2023-03-14T10:00:00Z", "", b"", ""),
    ("response", "https://ledger.example.org/world/grain", "2023-03-14T10:00:01Z",
     "text/html; charset=utf-8", page_bytes("Ministers agree on grain corridor talks", GRAIN), "200 OK"),
    ("response", "https://ledger.example.org/logo.png", "2023-03-14T10:00:02Z", "image/png",
     b"\x89PNG\r\n\x1a\n" + bytes(200), "200 OK"),
    ("response", "https://ledger.example.org/old", "2023-03-14T10:00:03Z", "text/html",
     b"<html><body><p>Moved permanently to a new address.</p></body></html>", "301 Moved Permanently"),
    ("metadata", "https://ledger.example.org/world/grain", "2023-03-14T10:00:04Z",
     "application/warc-fields", b"fetchTimeMs: 120\r\n", ""),
    ("resource", "https://ledger.example.org/world/sanctions", "2023-03-16T23:59:59Z", "text/html",
     page_bytes("EU imposes sanctions on Belarusian banks", SANCTIONS, date="2023-03-16"), ""),
    ("resource", "https://ledger.example.org/wire/talks.txt", "2023-03-20T07:00:00Z",
     "text/plain; charset=utf-8", "\n\n".join(TALKS).encode(), ""),
]


# --- a local web server -----------------------------------------------------------------------

class Site:
    """Routes: path -> list of (status, content type, body); the last answer repeats."""

    def __init__(self):
        self.routes: dict[str, list[tuple[int, str, bytes]]] = {}
        self.requests: list[tuple[str, str]] = []       # (path, User-Agent)
        self.slow: set[str] = set()

    def add(self, path, body, content_type="text/html; charset=utf-8", status=200):
        self.routes.setdefault(path, []).append((status, content_type, body))


@pytest.fixture
def site():
    state = Site()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            state.requests.append((self.path, self.headers.get("User-Agent", "")))
            if self.path in state.slow:
                time.sleep(1.5)
            answers = state.routes.get(self.path)
            if not answers:
                status, ctype, body = 404, "text/plain", b"not found"
            else:
                status, ctype, body = answers.pop(0) if len(answers) > 1 else answers[0]
            try:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


def quick_fetcher(**kw) -> Fetcher:
    """No waiting in tests: the delays are checked with a fake clock in their own tests."""
    return Fetcher(**{"timeout": 5, "host_delay": 0, "backoff": 0, **kw})


# --- HTML -------------------------------------------------------------------------------------

def test_html_page_gives_main_text_title_date_and_url_without_boilerplate(tmp_path):
    f = tmp_path / "grain.html"
    f.write_text(news_page("Ministers agree on grain corridor talks", GRAIN, date="2023-03-14",
                           url="https://ledger.example.org/world/2023/03/14/grain-corridor-talks"),
                 encoding="utf-8")
    [doc] = read_inputs([str(f)])
    assert doc.error is None and doc.warnings == []
    assert doc.title == "Ministers agree on grain corridor talks"
    assert doc.date == "2023-03-14"
    assert doc.url == "https://ledger.example.org/world/2023/03/14/grain-corridor-talks"
    assert doc.origin == str(f) and doc.id == str(f)
    assert doc.text.startswith("The foreign ministers of Turkey and Ukraine")
    assert all(p in doc.text for p in GRAIN)
    for boilerplate in ("Leave a Reply", "Post Comment", "email address", "subscribe to my channel",
                        "Subscribe", "Privacy policy", "All rights reserved", "Business"):
        assert boilerplate not in doc.text
    assert "Ministers agree" not in doc.text        # the headline is the title, not coded twice


def test_html_page_without_article_text_is_a_document_with_a_warning(tmp_path):
    f = tmp_path / "2023-03-15-index.htm"
    f.write_text(news_page("Section front", [], date=None, url=None, comments=False))
    [doc] = read_inputs([str(f)])
    assert doc.error is None and doc.text.strip() == ""
    assert any("empty text" in w for w in doc.warnings)
    assert doc.title == "Section front"
    assert doc.date == "2023-03-15"                 # the page says none: the file name does


def test_html_date_is_not_guessed_from_a_copyright_line(tmp_path):
    f = tmp_path / "undated.html"
    f.write_text(news_page("Talks in Brussels", TALKS, date=None, url=None))
    [doc] = read_inputs([str(f)])
    assert doc.date is None and "Negotiators from Armenia" in doc.text


# --- feeds from files -------------------------------------------------------------------------

FEED_ITEMS = [
    {"title": "Ministers agree on grain corridor talks", "link": "https://ledger.example.org/a1",
     "guid": "ledger-2023-0314-grain", "pubDate": "Tue, 14 Mar 2023 09:30:00 +0000",
     "summary": "<p>Turkey and Ukraine agreed to <b>resume</b> talks.</p><p>Russia objected.</p>"},
    {"title": "EU imposes sanctions on Belarusian banks", "link": "https://ledger.example.org/a2",
     "pubDate": "Thu, 16 Mar 2023 23:30:00 -0500", "summary": "Short teaser &amp; more.",
     "content": "<p>" + "</p><p>".join(SANCTIONS) + "</p>"},
    {"title": "Armenia and Azerbaijan meet in Brussels", "link": "https://ledger.example.org/a3",
     "pubDate": "Mon, 20 Mar 2023 07:00:00 +0100", "summary": TALKS[0]},
]


def test_rss_file_gives_one_document_per_entry_with_html_stripped(tmp_path):
    f = tmp_path / "world.rss"
    f.write_bytes(rss(FEED_ITEMS))
    docs = list(read_inputs([str(f)]))
    assert [d.id for d in docs] == ["ledger-2023-0314-grain", "https://ledger.example.org/a2",
                                    "https://ledger.example.org/a3"]
    assert [d.url for d in docs] == [it["link"] for it in FEED_ITEMS]
    assert [d.title for d in docs] == [it["title"] for it in FEED_ITEMS]
    # the day the publisher wrote, in its own time zone (23:30 -0500 is the 17th in UTC)
    assert [d.date for d in docs] == ["2023-03-14", "2023-03-16", "2023-03-20"]
    assert docs[0].text == "Turkey and Ukraine agreed to resume talks.\n\nRussia objected."
    assert docs[1].text == "\n\n".join(SANCTIONS)           # full content wins over the teaser
    assert [d.offset for d in docs] == [1, 2, 3]
    assert all(d.origin == str(f) and d.error is None and d.fetched_at is None for d in docs)


def test_atom_feed_and_xml_feed_are_read(tmp_path):
    atom = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Caspian Wire</title><id>urn:caspian:wire</id>
<updated>2023-04-02T12:00:00+04:00</updated>
<entry><title>Baku and Yerevan sign border protocol</title><id>urn:caspian:wire:881</id>
<link rel="alternate" href="https://caspian.example.net/881"/>
<published>2023-04-02T01:30:00+04:00</published><updated>2023-04-02T02:00:00+04:00</updated>
<summary type="html">&lt;p&gt;The foreign ministers of Azerbaijan and Armenia signed a protocol.&lt;/p&gt;</summary>
</entry></feed>"""
    (tmp_path / "wire.atom").write_text(atom, encoding="utf-8")
    (tmp_path / "wire.xml").write_text(atom, encoding="utf-8")
    docs = list(read_inputs([str(tmp_path / "wire.atom"), str(tmp_path / "wire.xml")]))
    assert len(docs) == 2 and docs[0].id == docs[1].id == "urn:caspian:wire:881"
    assert docs[0].url == "https://caspian.example.net/881"
    assert docs[0].date == "2023-04-02"         # 01:30 in Baku is still the 1st in UTC
    assert docs[0].text == "The foreign ministers of Azerbaijan and Armenia signed a protocol."


def test_xml_that_is_not_a_feed_and_garbage_feeds_are_errors(tmp_path):
    (tmp_path / "settings.xml").write_text('<?xml version="1.0"?><settings><depth>3</depth></settings>')
    (tmp_path / "broken.rss").write_bytes(b"\x00\x01 this is not XML at all")
    (tmp_path / "after.txt").write_text("Kept.")
    docs = list(read_inputs([str(tmp_path / "settings.xml"), str(tmp_path / "broken.rss"),
                             str(tmp_path / "after.txt")]))
    assert "settings.xml" in docs[0].error and "not an RSS/Atom feed" in docs[0].error
    assert "broken.rss" in docs[1].error and "not an RSS/Atom feed" in docs[1].error
    assert docs[2].text == "Kept." and docs[2].error is None


def test_truncated_feed_keeps_the_entries_before_the_break(tmp_path):
    whole = rss(FEED_ITEMS)
    f = tmp_path / "cut.rss"
    f.write_bytes(whole[:whole.index(b"<title>Armenia") + 20])
    docs = list(read_inputs([str(f)]))
    good = [d for d in docs if d.error is None]
    assert [d.id for d in good[:2]] == ["ledger-2023-0314-grain", "https://ledger.example.org/a2"]
    assert good[1].text == "\n\n".join(SANCTIONS)
    assert docs[-1].error is not None
    assert str(f) in docs[-1].error and "malformed feed XML" in docs[-1].error and "line" in docs[-1].error


# --- feeds over HTTP and fetching -------------------------------------------------------------

def serve_feed(site, *, missing_link: bool = True):
    items = [dict(FEED_ITEMS[0], link=f"{site.base}/world/grain.html"),
             dict(FEED_ITEMS[1], link=f"{site.base}/world/sanctions.html")]
    if missing_link:
        items.append(dict(FEED_ITEMS[2], link=f"{site.base}/world/gone.html"))
    site.add("/feed.rss", rss(items), "application/rss+xml; charset=utf-8")
    site.add("/world/grain.html", page_bytes("Ministers agree on grain corridor talks", GRAIN))
    site.add("/world/sanctions.html", page_bytes("EU imposes sanctions on Belarusian banks", SANCTIONS,
                                                 date="2023-03-16"))
    return items


def test_feed_url_uses_summaries_and_downloads_nothing_else_without_fetch(site):
    serve_feed(site)
    docs = list(read_inputs([f"{site.base}/feed.rss"], fetcher=quick_fetcher()))
    assert [d.id for d in docs] == ["ledger-2023-0314-grain", f"{site.base}/world/sanctions.html",
                                    f"{site.base}/world/gone.html"]
    assert docs[0].text == "Turkey and Ukraine agreed to resume talks.\n\nRussia objected."
    assert all(d.origin == f"{site.base}/feed.rss" and d.fetched_at for d in docs)
    assert [p for p, _ in site.requests] == ["/robots.txt", "/feed.rss"]   # robots.txt first, then the feed
    assert site.requests[0][1] == USER_AGENT and "redline" in USER_AGENT


def test_fetch_downloads_each_linked_article_and_warns_for_a_failing_link(site):
    serve_feed(site)
    docs = list(read_inputs([f"{site.base}/feed.rss"], fetch=True, fetcher=quick_fetcher()))
    grain, sanctions, gone = docs
    assert grain.text == "\n".join(GRAIN) and grain.title == "Ministers agree on grain corridor talks"
    assert grain.url == f"{site.base}/world/grain.html" and grain.date == "2023-03-14"
    assert sanctions.text == "\n".join(SANCTIONS) and sanctions.date == "2023-03-16"
    assert grain.fetched_at and grain.fetched_at.endswith("+00:00") and grain.offset == 1
    assert "Leave a Reply" not in grain.text
    # the page that fails: the summary is kept, the user is told which URL and why
    assert gone.error is None and gone.text == TALKS[0]
    assert any(f"{site.base}/world/gone.html" in w and "404" in w for w in gone.warnings)
    paths = [p for p, _ in site.requests]
    assert paths == ["/robots.txt", "/feed.rss", "/world/grain.html", "/world/sanctions.html", "/world/gone.html"]
    assert all(ua == USER_AGENT for _, ua in site.requests)


def test_fetch_from_a_feed_file_never_follows_non_http_links(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("do not read me")
    f = tmp_path / "evil.rss"
    f.write_bytes(rss([dict(FEED_ITEMS[2], link=secret.as_uri())]))
    [doc] = read_inputs([str(f)], fetch=True, fetcher=quick_fetcher())
    assert doc.text == TALKS[0] and "do not read me" not in doc.text
    assert any("not an http(s) URL" in w for w in doc.warnings)


def test_url_input_that_fails_is_an_error_record_and_reading_goes_on(site, tmp_path):
    serve_feed(site, missing_link=False)
    with socket.socket() as s:          # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{s.getsockname()[1]}/feed.rss"
    after = tmp_path / "after.txt"
    after.write_text("Still read.")
    docs = list(read_inputs([f"{site.base}/nope.rss", closed, f"{site.base}/feed.rss", str(after)],
                            fetcher=quick_fetcher(retries=1)))
    assert f"{site.base}/nope.rss" in docs[0].error and "HTTP 404" in docs[0].error
    assert closed in docs[1].error and "2 tries" in docs[1].error
    assert [d.error for d in docs[2:]] == [None, None, None]
    assert docs[-1].text == "Still read."


def test_url_of_an_article_page_gives_that_article(site):
    site.add("/world/grain.html", page_bytes("Ministers agree on grain corridor talks", GRAIN))
    [doc] = read_inputs([f"{site.base}/world/grain.html"], fetcher=quick_fetcher())
    assert doc.text == "\n".join(GRAIN) and doc.url == f"{site.base}/world/grain.html"
    assert doc.fetched_at is not None and doc.origin == f"{site.base}/world/grain.html"


# --- the fetcher ------------------------------------------------------------------------------

def test_fetcher_retries_server_errors_with_growing_backoff(site):
    site.add("/flaky", b"busy", "text/plain", status=503)
    site.add("/flaky", b"busy", "text/plain", status=502)
    site.add("/flaky", b"<rss/>", "application/rss+xml")
    waits = []
    page = Fetcher(retries=2, backoff=0.5, host_delay=0, sleep=waits.append).get(f"{site.base}/flaky")
    assert page.data == b"<rss/>" and page.content_type == "application/rss+xml"
    assert [p for p, _ in site.requests] == ["/robots.txt"] + ["/flaky"] * 3    # robots.txt: 404, all allowed
    assert waits == [0.5, 1.0]


def test_fetcher_gives_up_after_the_retries_and_does_not_retry_client_errors(site):
    site.add("/down", b"", "text/plain", status=500)
    waits = []
    fetcher = Fetcher(retries=2, backoff=1, host_delay=0, sleep=waits.append)
    with pytest.raises(FetchError, match=r"HTTP 500 .*after 3 tries"):
        fetcher.get(f"{site.base}/down")
    with pytest.raises(FetchError, match="HTTP 404"):
        fetcher.get(f"{site.base}/missing")
    assert [p for p, _ in site.requests] == ["/robots.txt"] + ["/down"] * 3 + ["/missing"]
    assert waits == [1, 2]


def test_fetcher_waits_between_requests_to_the_same_host_only():
    now = [100.0]
    waits = []

    def sleep(seconds):
        waits.append(seconds)
        now[0] += seconds

    fetcher = Fetcher(host_delay=2.0, robots=False, sleep=sleep, clock=lambda: now[0])
    fetcher._get_once = lambda url: url     # the network is not what this test is about
    fetcher.get("https://ledger.example.org/a1")
    fetcher.get("https://caspian.example.net/881")      # another host: no wait
    now[0] += 0.5
    fetcher.get("https://ledger.example.org/a2")        # same host, 0.5 s later: waits 1.5 s
    now[0] += 5
    fetcher.get("https://ledger.example.org/a3")        # long enough ago: no wait
    assert waits == [1.5]


def test_fetcher_keeps_to_robots_txt_and_its_crawl_delay(site):
    site.add("/robots.txt", b"User-agent: *\nDisallow: /private/\n\nUser-agent: redline\nDisallow: /drafts/\n"
                            b"Crawl-delay: 3\n", "text/plain")
    site.add("/world/grain.html", b"<html>grain</html>")
    site.add("/drafts/grain.html", b"<html>draft</html>")
    now, waits = [0.0], []

    def sleep(seconds):
        waits.append(seconds)
        now[0] += seconds

    fetcher = Fetcher(host_delay=0.5, sleep=sleep, clock=lambda: now[0])
    assert fetcher.get(f"{site.base}/world/grain.html").data == b"<html>grain</html>"
    with pytest.raises(FetchError, match="robots.txt disallows it for redline"):
        fetcher.get(f"{site.base}/drafts/grain.html")
    fetcher.get(f"{site.base}/world/grain.html")
    # robots.txt was read once; the drafts page was never requested; the site's 3 s won over our 0.5 s
    assert [p for p, _ in site.requests] == ["/robots.txt", "/world/grain.html", "/world/grain.html"]
    assert waits == [3.0, 3.0]
    # the group for all agents is not redline's, which has a group of its own: /private/ is asked for
    with pytest.raises(FetchError, match="HTTP 404"):
        fetcher.get(f"{site.base}/private/x")
    assert site.requests[-1][0] == "/private/x"


def test_fetcher_fetches_nothing_from_a_site_whose_robots_txt_fails(site):
    site.add("/robots.txt", b"", "text/plain", status=503)
    site.add("/world/grain.html", b"<html>grain</html>")
    fetcher = quick_fetcher()
    for _ in range(2):
        with pytest.raises(FetchError, match=r"robots.txt could not be read \(HTTP 503 .*\), so nothing of the "
                                             r"site is fetched"):
            fetcher.get(f"{site.base}/world/grain.html")
    assert [p for p, _ in site.requests] == ["/robots.txt"] * 3      # tried as any page is, then never again
    # a fetcher told to ignore robots.txt (for a site of your own) fetches it
    assert quick_fetcher(robots=False).get(f"{site.base}/world/grain.html").data == b"<html>grain</html>"


def test_fetcher_times_out_on_a_silent_server_and_limits_size(site):
    site.add("/slow", b"late")
    site.slow.add("/slow")
    with pytest.raises(FetchError, match="timed out"):
        Fetcher(timeout=0.3, retries=0, host_delay=0).get(f"{site.base}/slow")
    site.add("/big", b"x" * 5000, "text/plain")
    with pytest.raises(FetchError, match="larger than 1000 bytes"):
        Fetcher(max_bytes=1000, host_delay=0).get(f"{site.base}/big")


# --- WARC -------------------------------------------------------------------------------------

@pytest.mark.parametrize("gz", [True, False])
def test_warc_gives_html_responses_and_resources_with_provenance(tmp_path, gz):
    f = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    offsets = write_warc(f, WARC_RECORDS, gz=gz)
    docs = list(read_inputs([str(f)]))
    assert [d.url for d in docs] == ["https://ledger.example.org/world/grain",
                                     "https://ledger.example.org/world/sanctions",
                                     "https://ledger.example.org/wire/talks.txt"]
    assert all(d.error is None and d.origin == str(f) for d in docs)
    assert [d.offset for d in docs] == [offsets[1], offsets[5], offsets[6]]
    assert [d.date for d in docs] == ["2023-03-14", "2023-03-16", "2023-03-20"]
    assert docs[0].fetched_at == "2023-03-14T10:00:01+00:00"
    assert docs[0].title == "Ministers agree on grain corridor talks"
    assert docs[0].text == "\n".join(GRAIN) and "Leave a Reply" not in docs[0].text
    assert docs[2].text == "\n\n".join(TALKS)
    # the id is the WARC-Record-ID, and the offset leads back to that very record
    with open(f, "rb") as stream:
        for doc in docs:
            stream.seek(doc.offset)
            record = next(iter(ArchiveIterator(stream)))
            assert record.rec_headers.get_header("WARC-Record-ID") == f"<{doc.id}>"
            assert doc.id.startswith("urn:uuid:")


@pytest.mark.parametrize("gz", [True, False])
@pytest.mark.parametrize("where", ["payload", "header"])
def test_truncated_warc_keeps_the_records_before_the_break(tmp_path, gz, where):
    f = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    offsets = write_warc(f, WARC_RECORDS, gz=gz)
    data = f.read_bytes()
    cut = offsets[6] + (30 if where == "header" else (len(data) - offsets[6]) // 2)
    f.write_bytes(data[:cut])
    docs = list(read_inputs([str(f)]))
    assert [d.url for d in docs[:2]] == ["https://ledger.example.org/world/grain",
                                         "https://ledger.example.org/world/sanctions"]
    assert docs[0].error is None and docs[1].error is None
    [error] = docs[2:]
    assert str(f) in error.error and "WARC data at byte" in error.error


def test_a_file_that_is_no_warc_is_an_error(tmp_path):
    f = tmp_path / "fake.warc"
    f.write_bytes(b"GIF89a" + bytes(100))
    [doc] = read_inputs([str(f)])
    assert str(f) in doc.error and "cannot be read" in doc.error


# --- gzip, directories, provenance ------------------------------------------------------------

def test_gzipped_text_jsonl_html_and_feeds_are_read(tmp_path):
    (tmp_path / "2023-03-20-talks.txt.gz").write_bytes(gzip.compress(TALKS[0].encode()))
    (tmp_path / "wire.jsonl.gz").write_bytes(gzip.compress(
        (json.dumps({"id": "w1", "text": SANCTIONS[0], "date": "2023-03-16"}) + "\n").encode()))
    (tmp_path / "grain.html.gz").write_bytes(gzip.compress(page_bytes("Grain talks", GRAIN)))
    (tmp_path / "world.rss.gz").write_bytes(gzip.compress(rss(FEED_ITEMS[:1])))
    names = ["2023-03-20-talks.txt.gz", "wire.jsonl.gz", "grain.html.gz", "world.rss.gz"]
    docs = list(read_inputs([str(tmp_path / n) for n in names]))
    assert [d.error for d in docs] == [None] * 4
    assert docs[0].text == TALKS[0] and docs[0].date == "2023-03-20"
    assert docs[1].id == "w1" and docs[1].offset == 1
    assert docs[2].text == "\n".join(GRAIN) and docs[2].title == "Grain talks"
    assert docs[3].id == "ledger-2023-0314-grain"


def test_truncated_gzip_keeps_the_lines_before_the_break(tmp_path):
    lines = [json.dumps({"id": f"n{i}", "text": f"{GRAIN[i % 3]} ({i})"}) for i in range(400)]
    data = gzip.compress("\n".join(lines).encode())
    f = tmp_path / "wire.jsonl.gz"
    f.write_bytes(data[:len(data) // 2])
    g = tmp_path / "page.html.gz"
    g.write_bytes(gzip.compress(page_bytes("Grain talks", GRAIN))[:300])
    h = tmp_path / "plain.txt.gz"
    h.write_text("I was never compressed.")
    docs = list(read_inputs([str(f), str(g), str(h)]))
    good = [d for d in docs if d.error is None]
    assert len(good) > 10 and [d.id for d in good] == [f"n{i}" for i in range(len(good))]
    errors = [d for d in docs if d.error]
    assert len(errors) == 3
    assert str(f) in errors[0].error and "truncated or corrupt gzip" in errors[0].error
    assert str(g) in errors[1].error and "truncated or corrupt gzip" in errors[1].error
    assert str(h) in errors[2].error and "not a gzip file" in errors[2].error


def test_directory_reads_the_new_types_recursively_and_skips_the_rest(tmp_path):
    (tmp_path / "a.txt").write_text(TALKS[0])
    (tmp_path / "b.html").write_text(news_page("Grain talks", GRAIN, date="2023-03-14", url=None))
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "d.jsonl.gz").write_bytes(gzip.compress(json.dumps({"id": "d", "text": "D."}).encode()))
    write_warc(tmp_path / "c" / "e.warc.gz", WARC_RECORDS[1:2], gz=True)
    (tmp_path / "c" / "f.rss").write_bytes(rss(FEED_ITEMS[:1]))
    (tmp_path / "logo.png").write_bytes(b"\x89PNG" + bytes(50))
    (tmp_path / "notes.gz").write_bytes(gzip.compress(b"Bare gz: read as text."))
    (tmp_path / ".draft.html").write_text("<p>hidden</p>")
    docs = list(read_inputs([str(tmp_path)]))
    assert [Path(d.origin).name for d in docs] == ["a.txt", "b.html", "notes.gz", "d.jsonl.gz:1",
                                                   "e.warc.gz", "f.rss"]
    assert all(d.error is None for d in docs)
    assert docs[4].url == "https://ledger.example.org/world/grain" and docs[4].offset is not None


def test_provenance_stays_out_of_the_output_schema(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text("\n" + json.dumps({"id": "x", "text": "Hi."}) + "\n")
    [doc] = read_inputs([str(f)])
    assert doc.offset == 2 and doc.origin == f"{f}:2"
    assert set(doc.to_dict()) == {"id", "title", "date", "url", "events", "actors", "quotes", "places",
                                  "warnings"}
