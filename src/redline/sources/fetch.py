"""Downloading pages over HTTP(S) politely: timeouts, retries with backoff, a per-host delay.

News sites are read by many; a crawler that hammers one host or hangs on one slow page makes
enemies and stalls runs. So every request names redline in its User-Agent, waits `host_delay`
seconds after the previous request to the same host, gives up on a silent server after
`timeout` seconds, and retries only what may pass on a second try (network errors, 429, 5xx).
A URL that still fails raises `FetchError` with a readable reason; callers turn it into a
warning or an error record, never a crash.
"""
from __future__ import annotations

import datetime as dt
import http.client
import time
import urllib.error
import urllib.parse
import urllib.request
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


class FetchError(Exception):
    """A URL that could not be downloaded, with the reason a user can act on."""

    def __init__(self, url: str, reason: str):
        self.url = url
        self.reason = reason
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
                 user_agent: str = USER_AGENT,
                 sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic):
        """
        timeout: seconds to wait for a connection or for data before a try fails.
        retries: further tries after a failure that may pass (network error, 408/429/5xx).
        backoff: seconds before the first retry; doubled for each further one.
        host_delay: seconds between the starts of two requests to the same host.
        max_bytes: a larger response fails rather than filling memory.
        user_agent: the User-Agent header; names redline so site owners know who reads them.
        """
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.host_delay = host_delay
        self.max_bytes = max_bytes
        self.user_agent = user_agent
        self._sleep = sleep
        self._clock = clock
        self._last_request: dict[str, float] = {}
        self._opener = urllib.request.build_opener(_HttpOnlyRedirects)

    def get(self, url: str) -> Page:
        """The page at `url`; raises FetchError when it cannot be had after the retries."""
        parts = urllib.parse.urlsplit(url)
        if parts.scheme.lower() not in ALLOWED_SCHEMES or not parts.netloc:
            raise FetchError(url, "not an http(s) URL")
        host = parts.netloc.lower()
        reason = ""
        tries = self.retries + 1
        for attempt in range(tries):
            self._wait_for(host)
            retry_after = None
            try:
                return self._get_once(url)
            except urllib.error.HTTPError as e:
                reason = f"HTTP {e.code} {e.reason}"
                if e.code not in RETRY_STATUSES:
                    raise FetchError(url, reason) from None
                retry_after = _seconds(e.headers.get("Retry-After") if e.headers else None)
            except urllib.error.URLError as e:
                reason = str(e.reason)
            except (OSError, http.client.HTTPException) as e:   # timeouts, resets, bad responses
                reason = str(e) or type(e).__name__
            if attempt + 1 < tries:
                wait = self.backoff * 2 ** attempt
                self._sleep(max(wait, min(retry_after or 0.0, MAX_RETRY_AFTER)))
        raise FetchError(url, f"{reason} (after {tries} {'try' if tries == 1 else 'tries'})")

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

    def _wait_for(self, host: str) -> None:
        last = self._last_request.get(host)
        if last is not None:
            wait = last + self.host_delay - self._clock()
            if wait > 0:
                self._sleep(wait)
        self._last_request[host] = self._clock()


def _seconds(value: str | None) -> float | None:
    """Retry-After in seconds; its HTTP-date form is rare enough to treat as absent."""
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None
