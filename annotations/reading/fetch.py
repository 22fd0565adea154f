"""Bring texts in: pasted text, uploaded .txt/.html files, or a web page by URL (trafilatura).

formats.py reads every file type with its structure; this module fetches pages.
"""
from urllib.parse import urlsplit

from ..common import lazy_module
from . import formats
from .articles import ArticleError

requests = lazy_module("requests")
trafilatura = lazy_module("trafilatura")

MAX_BYTES = 5 * 1024 * 1024
FETCH_TIMEOUT = 15


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


def fetch_bytes(url):
    """Fetch a web page with a timeout and size cap; return (body bytes, media type, declared charset)."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ArticleError("Give a web address starting with http:// or https://.")
    try:
        with requests.get(url.strip(), timeout=FETCH_TIMEOUT, stream=True,
                          headers={"User-Agent": "Randnotiz reader"}) as r:
            if r.status_code >= 400:
                raise ArticleError(f"The page could not be fetched: the server answered {r.status_code}.")
            kind = r.headers.get("Content-Type", "text/html").split(";")[0].strip()
            if kind not in ("text/html", "application/xhtml+xml", "text/plain"):
                raise ArticleError(f"That address is not a web page (it is {kind}).")
            body = b""
            for chunk in r.iter_content(64 * 1024):
                body += chunk
                if len(body) > MAX_BYTES:
                    raise ArticleError("That page is too large to import.")
            # Only a charset the server named: requests' Latin-1 default for text/* is a guess.
            declared = requests.utils.get_encoding_from_headers(r.headers)
            declared = declared if "charset" in r.headers.get("Content-Type", "").lower() else None
    except requests.Timeout:
        raise ArticleError("The page took too long to answer.") from None
    except requests.RequestException:
        raise ArticleError("The page could not be reached (no network, or a wrong address).") from None
    return body, kind, declared


def fetch_page(url):
    """Fetch a web page; return (html or None for plain text, decoded text)."""
    body, kind, declared = fetch_bytes(url)
    text = formats.decode(body, declared, html=kind != "text/plain")
    return text if kind != "text/plain" else None, text


def structured_from_url(url):
    """Return ((title, blocks), source host) for the article at url, its structure kept."""
    html, raw = fetch_page(url)
    structured = formats.from_html(html) if html is not None else formats.from_text(raw)
    return structured, urlsplit(url.strip()).hostname


def text_from_url(url):
    """Return (text, title, source host) for the article at url."""
    html, raw = fetch_page(url)
    text, title = text_from_html(html) if html is not None else (raw, None)
    return text, title, urlsplit(url.strip()).hostname
