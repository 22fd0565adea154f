"""Fetch a web page by URL for import; formats.py reads every file type (and the page) with its structure.

Fetching another server is the one place where the outside world can hold a worker or reach
inside the reader's network, so a URL import has one deadline for everything (name lookup,
connection, headers, body: a server trickling a byte every few seconds is cut off), connects
only to the public address it checked (loopback, private and link-local addresses are refused
unless allowed, on every redirect), never sends user:password@, and decodes the page as uploads
are decoded (formats.decode: byte-order mark, valid UTF-8, the header's charset, <meta charset>,
else Windows-1252).
"""
import http.client
import ipaddress
import socket
import ssl
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from urllib.parse import urljoin, urlsplit

import certifi

from .. import validation
from . import formats
from .structuring import ArticleError


MAX_BYTES = 5 * 1024 * 1024
FETCH_TIMEOUT = 15  # seconds a single step (connect, one read) may take
DEADLINE = 30  # seconds for a whole URL import, redirects included
MAX_REDIRECTS = 5
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
USER_AGENT = "Randnotiz reader"
# getaddrinfo has no timeout of its own: lookups run here, and the import waits within its deadline.
_resolver = ThreadPoolExecutor(max_workers=4, thread_name_prefix="fetch-dns")


def clean_url(url):
    """Return url as an http(s) address with a host and without user:password@; raise ArticleError."""
    try:
        return validation.web_url(url)
    except validation.InvalidInput:
        raise ArticleError("Give a web address starting with http:// or https://.") from None


def named_source(url):
    """Return (clean url, its host) for an address naming where a text came from; never fetched."""
    url = clean_url(url)
    return url, urlsplit(url).hostname


# --- where we may connect ------------------------------------------------------------

def _public(ip):
    ip = ipaddress.ip_address(ip)
    if getattr(ip, "ipv4_mapped", None):
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _addresses(host, port, allow_private, stop_at):
    """Resolve host and return its addresses to connect to, refusing non-public ones unless allowed."""
    future = _resolver.submit(socket.getaddrinfo, host, port, type=socket.SOCK_STREAM)
    try:
        infos = future.result(timeout=_remaining(stop_at))
    except FutureTimeout:
        raise ArticleError("The page took too long to answer.") from None
    except (socket.gaierror, UnicodeError):
        raise ArticleError("The page could not be reached (no such host; no network, or a wrong address).") from None
    addresses = [info[4][0] for info in infos]
    if not allow_private and not all(_public(a) for a in addresses):
        # All of them: a name resolving to one public and one private address is a rebinding trick.
        raise ArticleError(f"{host} is an address inside this computer or its local network; Randnotiz "
                           "imports only public web pages (READER_ALLOW_PRIVATE_URLS=1 allows local ones).")
    return infos


def _remaining(stop_at):
    left = stop_at - time.monotonic()
    if left <= 0:
        raise ArticleError("The page took too long to answer.")
    return left


# --- one request -----------------------------------------------------------------------

class _Watchdog:
    """Shut the socket down at the deadline, so no read can outlast it however slowly bytes come."""

    def __init__(self, sock, stop_at):
        self.fired = False
        self.sock = sock
        self.timer = threading.Timer(max(0.0, stop_at - time.monotonic()), self._cut)
        self.timer.daemon = True
        self.timer.start()

    def _cut(self):
        self.fired = True
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def cancel(self):
        self.timer.cancel()


def _connect(parts, allow_private, stop_at):
    """Connect to the first of the host's (checked) addresses that answers; wrap it in TLS for https."""
    https = parts.scheme.lower() == "https"
    port = parts.port or (443 if https else 80)
    error = None
    for family, kind, proto, _name, address in _addresses(parts.hostname, port, allow_private, stop_at):
        sock = socket.socket(family, kind, proto)
        sock.settimeout(min(FETCH_TIMEOUT, _remaining(stop_at)))
        try:
            sock.connect(address)
            if https:
                context = ssl.create_default_context(cafile=certifi.where())
                sock = context.wrap_socket(sock, server_hostname=parts.hostname)
            return sock, port
        except ssl.SSLError:
            sock.close()
            raise
        except OSError as e:  # e.g. localhost's ::1 when the server listens on 127.0.0.1 only
            sock.close()
            error = e
    raise error


def _get(url, allow_private, stop_at):
    """GET url (no redirects followed); return (status, headers, body bytes)."""
    parts = urlsplit(url)
    sock, port = _connect(parts, allow_private, stop_at)
    watchdog = _Watchdog(sock, stop_at)
    conn = http.client.HTTPConnection(parts.hostname, port, timeout=FETCH_TIMEOUT)
    conn.sock = sock  # connected to the address we checked, not one looked up again
    try:
        path = parts.path or "/"
        conn.request("GET", path + (f"?{parts.query}" if parts.query else ""),
                     headers={"Host": parts.netloc.rsplit("@", 1)[-1], "User-Agent": USER_AGENT,
                              "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9"})
        response = conn.getresponse()
        body = b""
        if response.status < 300 or response.status >= 400:
            while chunk := response.read1(64 * 1024):
                body += chunk
                if len(body) > MAX_BYTES:
                    raise ArticleError("That page is too large to import.")
                _remaining(stop_at)
        if watchdog.fired:  # the cut looks like the end of the body: it was not
            raise ArticleError("The page took too long to answer.")
        return response.status, response.headers, body
    except (OSError, http.client.HTTPException):
        if watchdog.fired:
            raise ArticleError("The page took too long to answer.") from None
        raise
    finally:
        watchdog.cancel()
        conn.close()


def fetch_bytes(url, *, allow_private=False, deadline=None):
    """Fetch a web page within one deadline and a size cap; return (body bytes, media type, declared charset).

    Raise ArticleError with the cause.
    """
    url = clean_url(url)
    stop_at = time.monotonic() + (DEADLINE if deadline is None else deadline)
    try:
        for _ in range(MAX_REDIRECTS + 1):
            status, headers, body = _get(url, allow_private, stop_at)
            location = headers.get("Location")
            if status in (301, 302, 303, 307, 308) and location:
                url = clean_url(urljoin(url, location))  # checked again, address and all
                continue
            break
        else:
            raise ArticleError("The page redirects too many times.")
    except (TimeoutError, socket.timeout):
        raise ArticleError("The page took too long to answer.") from None
    except ssl.SSLError:
        raise ArticleError("The page's secure connection (TLS certificate) could not be verified.") from None
    except (OSError, http.client.HTTPException):
        raise ArticleError("The page could not be reached (no network, or a wrong address).") from None
    if status >= 400:
        raise ArticleError(f"The page could not be fetched: the server answered {status}.")
    kind, charset = _content_type(headers.get("Content-Type"))
    if kind not in PAGE_TYPES:
        raise ArticleError(f"That address is not a web page (it is {kind}).")
    return body, kind, charset


def fetch_page(url, *, allow_private=False, deadline=None):
    """Fetch a web page; return (html, or None for a text/plain answer; the decoded text)."""
    body, kind, charset = fetch_bytes(url, allow_private=allow_private, deadline=deadline)
    text = formats.decode(body, charset, html=kind != "text/plain")
    return text if kind != "text/plain" else None, text


def structured_from_url(url, *, allow_private=False, title=None):
    """Return ((title, blocks), source host) for the article at url, its structure kept (title: the learner's)."""
    html, raw = fetch_page(url, allow_private=allow_private)
    structured = formats.from_html(html, title) if html is not None else formats.from_text(raw, title)
    return structured, urlsplit(clean_url(url)).hostname


def _content_type(header):
    """Return (media type, charset or None); without a header, a page is assumed (decoding sniffs it)."""
    if not header:
        return "text/html", None
    kind, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    return kind.strip().lower(), charset
