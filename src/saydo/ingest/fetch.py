"""Fetching a URL with the standard library, bounded in time and size.

Conditional requests (ETag, Last-Modified) let a poller ask "anything new?" for the
cost of a 304. Every way a fetch can fail ends as one :class:`SaydoError`, so callers
handle one exception type whatever the network or the server did.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from http.client import HTTPException
from urllib.parse import urlsplit

from saydo import __version__
from saydo.errors import ErrorCode, SaydoError

SCHEMES = ("http", "https")
USER_AGENT = f"saydo/{__version__} (+feed reader)"
NOT_MODIFIED = 304


@dataclass(frozen=True, slots=True)
class Response:
    url: str
    status: int
    body: bytes
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == NOT_MODIFIED


def is_url(value: str) -> bool:
    return urlsplit(value).scheme.lower() in SCHEMES


def fetch(
    url: str,
    *,
    timeout: float,
    max_bytes: int,
    etag: str | None = None,
    last_modified: str | None = None,
) -> Response:
    """GET ``url``; a 304 comes back as a Response with an empty body."""
    if not is_url(url):
        raise SaydoError(ErrorCode.FETCH_FAILED, url, "only http and https URLs are fetched")
    request = urllib.request.Request(url, headers=_headers(etag, last_modified))
    try:
        with urllib.request.urlopen(request, timeout=timeout) as reply:
            body = _bounded(reply.read(max_bytes + 1), url, max_bytes)
            headers = reply.headers
            return Response(
                url=url,
                status=reply.status,
                body=body,
                etag=headers.get("ETag"),
                last_modified=headers.get("Last-Modified"),
                content_type=headers.get_content_type(),
            )
    except urllib.error.HTTPError as exc:
        if exc.code == NOT_MODIFIED:
            return Response(url, NOT_MODIFIED, b"", etag, last_modified)
        raise SaydoError(ErrorCode.FETCH_FAILED, url, f"HTTP {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        raise SaydoError(ErrorCode.FETCH_FAILED, url, str(exc.reason)) from exc
    # A server that hangs up mid-body, or sends no valid status line, or stalls.
    except (TimeoutError, HTTPException, OSError, ValueError) as exc:
        raise SaydoError(ErrorCode.FETCH_FAILED, url, f"{type(exc).__name__}: {exc}") from exc


def _headers(etag: str | None, last_modified: str | None) -> dict[str, str]:
    headers = {"User-Agent": USER_AGENT}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def _bounded(data: bytes, url: str, max_bytes: int) -> bytes:
    # One byte past the limit was asked for: getting it means the body is too long.
    if len(data) > max_bytes:
        detail = f"at least {len(data):,} bytes, limit {max_bytes:,}"
        raise SaydoError(ErrorCode.TOO_LARGE, url, detail)
    return data
