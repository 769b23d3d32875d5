"""Downloading pages over HTTP(S) politely: robots.txt, timeouts, retries, a per-host delay.

News sites are read by many; a crawler that hammers one host or hangs on one slow page makes
enemies and stalls runs. So every request names redline in its User-Agent, waits `host_delay`
seconds (or the site's robots.txt Crawl-delay, when longer) after the previous request to the
same host, gives up on a silent server after `timeout` seconds, and retries only what may pass
on a second try (network errors, 429, 5xx). Before the first page of a host, its robots.txt is
read once (RFC 9309: a missing one, 4xx, allows everything; a server error or an unreachable
host disallows everything for this run) and pages it disallows for redline are not requested.
A URL that fails raises `FetchError` with a readable reason; callers turn it into a warning or
an error record, never a crash.
"""
from __future__ import annotations

import datetime as dt
import http.client
import time
import urllib.error
import urllib.parse
import urllib.request
import urllib.robotparser
from dataclasses import dataclass
from typing import Callable

try:
    from importlib.metadata import version as _version
    _REDLINE_VERSION = _version("redline")
except Exception:   # running from a source tree that was never installed
    _REDLINE_VERSION = "0"

USER_AGENT = f"redline/{_REDLINE_VERSION} (news event coder; python-urllib)"
RETRY_STATUSES = {408, 425, 429, 500, 502, 503, 504}
ALLOWED_SCHEMES = {"http", "https"}
MAX_RETRY_AFTER = 60.0      # seconds: a server's Retry-After is honoured up to this
MAX_CRAWL_DELAY = 60.0      # seconds: a robots.txt Crawl-delay is honoured up to this
ROBOTS_AGENT = "redline"    # the name robots.txt rules address redline by


class FetchError(Exception):
    """A URL that could not be downloaded, with the reason a user can act on."""

    def __init__(self, url: str, reason: str, status: int | None = None):
        self.url = url
        self.reason = reason
        self.status = status        # the HTTP status of the last try, when the server answered
        super().__init__(f"{url}: {reason}")


@dataclass(frozen=True, slots=True)
class Page:
    """A downloaded resource and when it was downloaded."""
    url: str                # as requested
    final_url: str          # after redirects: what relative links and canonical ids resolve against
    data: bytes
    content_type: str       # the Content-Type header, "" when the server sent none
    fetched_at: str         # ISO time in UTC


def now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """urllib follows redirects to ftp:; a feed's link must not lead redline off the web."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urllib.parse.urlsplit(newurl).scheme.lower() not in ALLOWED_SCHEMES:
            raise urllib.error.HTTPError(newurl, code, f"redirect to a non-HTTP URL {newurl}",
                                         headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class Fetcher:
    """Downloads URLs one at a time, keeping each host's last request time for the delay.

    One fetcher serves a whole run so the per-host delay holds across feeds. `sleep` and
    `clock` are parameters so tests can check the waiting without waiting.
    """

    def __init__(self, *, timeout: float = 20.0, retries: int = 2, backoff: float = 1.0,
                 host_delay: float = 1.0, max_bytes: int = 20_000_000,
                 user_agent: str = USER_AGENT, robots: bool = True,
                 sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic):
        """
        timeout: seconds to wait for a connection or for data before a try fails.
        retries: further tries after a failure that may pass (network error, 408/429/5xx).
        backoff: seconds before the first retry; doubled for each further one.
        host_delay: seconds between the starts of two requests to the same host.
        max_bytes: a larger response fails rather than filling memory.
        user_agent: the User-Agent header; names redline so site owners know who reads them.
        robots: read each host's robots.txt and keep to it (off only for hosts you run yourself).
        """
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.host_delay = host_delay
        self.max_bytes = max_bytes
        self.user_agent = user_agent
        self.robots = robots
        # per scheme://host: its robots.txt rules, or why it could not be read
        self._rules: dict[str, urllib.robotparser.RobotFileParser | str] = {}
        self._crawl_delay: dict[str, float] = {}      # per host, from its robots.txt
        self._sleep = sleep
        self._clock = clock
        self._last_request: dict[str, float] = {}
        self._opener = urllib.request.build_opener(_HttpOnlyRedirects)

    def get(self, url: str) -> Page:
        """The page at `url`; raises FetchError when it cannot be had after the retries."""
        try:
            parts = urllib.parse.urlsplit(url)
        except ValueError as e:         # "http://[::1": an IPv6 host left open
            raise FetchError(url, f"not a valid URL ({e})") from None
        if parts.scheme.lower() not in ALLOWED_SCHEMES or not parts.netloc:
            raise FetchError(url, "not an http(s) URL")
        host = parts.netloc.lower()
        if self.robots:
            self._check_robots(url, parts, host)
        return self._download(url, host)

    def _download(self, url: str, host: str) -> Page:
        reason, status = "", None
        tries = self.retries + 1
        for attempt in range(tries):
            self._wait_for(host)
            retry_after = None
            try:
                return self._get_once(url)
            except urllib.error.HTTPError as e:
                reason, status = f"HTTP {e.code} {e.reason}", e.code
                if e.code not in RETRY_STATUSES:
                    raise FetchError(url, reason, status) from None
                retry_after = _seconds(e.headers.get("Retry-After") if e.headers else None)
            except urllib.error.URLError as e:
                reason, status = str(e.reason), None
            except (OSError, http.client.HTTPException) as e:   # timeouts, resets, bad responses
                reason, status = str(e) or type(e).__name__, None
            except ValueError as e:
                # a host name no DNS can hold (a label over 63 characters), characters no URL
                # may have: another try will not help
                raise FetchError(url, f"not a valid URL ({e})") from None
            if attempt + 1 < tries:
                wait = self.backoff * 2 ** attempt
                self._sleep(max(wait, min(retry_after or 0.0, MAX_RETRY_AFTER)))
        raise FetchError(url, f"{reason} (after {tries} {'try' if tries == 1 else 'tries'})", status)

    def _get_once(self, url: str) -> Page:
        request = urllib.request.Request(url, headers={
            "User-Agent": self.user_agent,
            "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
                      "application/atom+xml,application/xml;q=0.9,*/*;q=0.5"})
        with self._opener.open(request, timeout=self.timeout) as response:
            data = response.read(self.max_bytes + 1)
            if len(data) > self.max_bytes:
                raise FetchError(url, f"larger than {self.max_bytes} bytes")
            return Page(url=url, final_url=response.geturl(), data=data,
                        content_type=response.headers.get("Content-Type", ""),
                        fetched_at=now_iso())

    def _check_robots(self, url: str, parts: urllib.parse.SplitResult, host: str) -> None:
        site = f"{parts.scheme.lower()}://{host}"
        if site not in self._rules:
            self._rules[site] = self._read_robots(site, host)
        rules = self._rules[site]
        if isinstance(rules, str):
            raise FetchError(url, f"{site}/robots.txt could not be read ({rules}), so nothing of the site is fetched")
        if not rules.can_fetch(ROBOTS_AGENT, url):
            raise FetchError(url, "the site's robots.txt disallows it for redline")

    def _read_robots(self, site: str, host: str) -> urllib.robotparser.RobotFileParser | str:
        """The site's rules, or why there are none to go by (then nothing of the site is fetched)."""
        rules = urllib.robotparser.RobotFileParser(f"{site}/robots.txt")
        try:
            page = self._download(f"{site}/robots.txt", host)
        except FetchError as e:
            if e.status is not None and 400 <= e.status < 500:
                rules.parse([])          # no robots.txt (or none for us to see): everything is allowed
                return rules
            return e.reason              # a server error or no answer: RFC 9309 says stay away
        rules.parse(page.data.decode("utf-8", errors="replace").splitlines())
        crawl_delay = rules.crawl_delay(ROBOTS_AGENT)
        if crawl_delay:
            self._crawl_delay[host] = min(float(crawl_delay), MAX_CRAWL_DELAY)
        return rules

    def _wait_for(self, host: str) -> None:
        last = self._last_request.get(host)
        if last is not None:
            wait = last + max(self.host_delay, self._crawl_delay.get(host, 0.0)) - self._clock()
            if wait > 0:
                self._sleep(wait)
        self._last_request[host] = self._clock()


def _seconds(value: str | None) -> float | None:
    """Retry-After in seconds; its HTTP-date form is rare enough to treat as absent."""
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None
