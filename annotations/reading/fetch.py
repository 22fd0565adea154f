"""Bring texts in: pasted text, uploaded .txt/.html files, or a web page by URL (trafilatura).

Fetching another server is the one place where the outside world can hold a worker or reach
inside the reader's network, so a URL import has one deadline for everything (name lookup,
connection, headers, body: a server trickling a byte every few seconds is cut off), connects
only to the public address it checked (loopback, private and link-local addresses are refused
unless allowed, on every redirect), never sends user:password@, and decodes the page by its
header's charset, then its <meta charset>, then by detection.
"""
import codecs
import http.client
import ipaddress
import re
import socket
import ssl
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from urllib.parse import urljoin, urlsplit

import certifi
import charset_normalizer
import trafilatura

from .. import validation
from .articles import ArticleError

MAX_BYTES = 5 * 1024 * 1024
FETCH_TIMEOUT = 15  # seconds a single step (connect, one read) may take
DEADLINE = 30  # seconds for a whole URL import, redirects included
MAX_REDIRECTS = 5
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
USER_AGENT = "Randnotiz reader"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
# getaddrinfo has no timeout of its own: lookups run here, and the import waits within its deadline.
_resolver = ThreadPoolExecutor(max_workers=4, thread_name_prefix="fetch-dns")


def text_from_html(html):
    """Extract the article text and title from a web page; raise ArticleError if there is none."""
    doc = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True)
    text = doc.text if doc is not None else None
    if not text or not text.strip():
        raise ArticleError("No article text could be found in that page.")
    return text, (doc.title or None)


def text_from_upload(filename, raw):
    """Return (text, title) from an uploaded file: HTML is extracted, anything else read as UTF-8 text."""
    if len(raw) > MAX_BYTES:
        raise ArticleError(f"The file is too large (limit {MAX_BYTES // (1024 * 1024)} MB).")
    try:
        decoded = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ArticleError("The uploaded file is not UTF-8 text. Save it as UTF-8 and try again.") from None
    is_html = filename.lower().endswith((".html", ".htm")) or decoded.lstrip()[:15].lower().startswith(("<!doctype html", "<html"))
    return text_from_html(decoded) if is_html else (decoded, None)


def clean_url(url):
    """Return url as an http(s) address with a host and without user:password@; raise ArticleError."""
    try:
        return validation.web_url(url)
    except validation.InvalidInput:
        raise ArticleError("Give a web address starting with http:// or https://.") from None


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


def fetch_page(url, *, allow_private=False, deadline=None):
    """Fetch a web page within one deadline and a size cap; return (html or None, text).

    html is None for a text/plain answer. Raise ArticleError with the cause.
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
    kind, charset = _content_type(headers.get("Content-Type"), body)
    if kind not in PAGE_TYPES:
        raise ArticleError(f"That address is not a web page (it is {kind}).")
    text = decode(body, charset, html=kind != "text/plain")
    return text if kind != "text/plain" else None, text


def _content_type(header, body):
    """Return (media type, charset or None); without a header, a page is assumed (it is sniffed later)."""
    if not header:
        return "text/html", None
    kind, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    return kind.strip().lower(), charset


def _codec(name):
    try:
        return codecs.lookup(name.decode("ascii") if isinstance(name, bytes) else name).name
    except (LookupError, UnicodeDecodeError, TypeError):
        return None  # a bogus or unknown charset: try the next source


def decode(body, charset=None, *, html=True):
    """Decode a page: BOM, then the header's charset, then <meta charset>, then detection."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if body.startswith(bom):
            return body.decode(name, errors="replace")
    codec = _codec(charset) if charset else None
    if codec is None and html:
        m = _META_CHARSET.search(body[:4096])
        codec = _codec(m.group(1)) if m else None
        if codec and codec.startswith("utf-16"):
            codec = "utf-8"  # a page readable enough to declare it is not UTF-16 (the HTML standard's rule)
    if codec is None:
        best = charset_normalizer.from_bytes(body[:256 * 1024]).best()
        codec = best.encoding if best is not None else "utf-8"
    return body.decode(codec, errors="replace")


def text_from_url(url, *, allow_private=False):
    """Return (text, title, source host) for the article at url."""
    html, raw = fetch_page(url, allow_private=allow_private)
    text, title = text_from_html(html) if html is not None else (raw, None)
    return text, title, urlsplit(clean_url(url)).hostname
