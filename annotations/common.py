"""Small helpers every feature shares: time stamps, the word pattern, CSV cells, article URLs, lazy imports."""
import functools
import importlib
import re
from datetime import datetime, timezone
from urllib.parse import parse_qsl, urlencode, urlsplit

import regex

# Letters with their combining marks, as the browser's /[\p{L}\p{M}]+/u sees them: one pattern,
# handed to the page so Python and JavaScript cut words alike ("Cafe\u0301" is one word).
WORD_PATTERN = r"[\p{L}\p{M}]+"
WORD = regex.compile(WORD_PATTERN)

# An article's own address, as the W3C targets and the backups carry it: .../articles/<id>.
ARTICLE_PATH = re.compile(r"/articles/(\d+)/?$")

# Spreadsheets run a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def now(*, ms=False, at=None):
    """Return the current UTC time (or the aware datetime at) as ISO 8601 with a Z (ms when set)."""
    stamp = (at or datetime.now(timezone.utc)).astimezone(timezone.utc)
    if ms:
        return stamp.strftime("%Y-%m-%dT%H:%M:%S.") + f"{stamp.microsecond // 1000:03d}Z"
    return stamp.strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_time(value):
    """Return an aware datetime from an ISO 8601 stamp (Z or an offset)."""
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def csv_cell(value):
    """Return value as CSV text that a spreadsheet shows rather than runs (formula guard)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def word_tokens(text):
    """Return [(start, end, word)] for every word of text, offsets in code points."""
    return [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]


class _LazyModule:
    """A module imported on first attribute access (importlib's import lock makes that thread-safe)."""

    def __init__(self, name):
        self._name = name

    @functools.cached_property
    def _module(self):
        return importlib.import_module(self._name)

    def __getattr__(self, attr):
        return getattr(self._module, attr)


def lazy_module(name):
    """Return module `name`, imported when first used: for what only some requests need.

    trafilatura, deep-translator (with requests) and genanki cost ~0.5 s and ~20 MB at start
    for a reader who may never fetch a page, translate or export.
    """
    return _LazyModule(name)


# Query parameters that only say how a reader arrived at a page, never which page it is.
_TRACKING = re.compile(r"^(utm_\w*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|ref|ref_src|"
                       r"wt_mc|wt_zmc|xtor|at_medium|at_campaign|cmp|ito|itm_\w*|ns_\w*)$", re.IGNORECASE)


def same_page_key(url):
    """Return a key equal for two addresses of the same page: no fragment, tracking or scheme."""
    if not isinstance(url, str) or not url.strip():
        return None
    try:
        parts = urlsplit(url.strip())
        port = f":{parts.port}" if parts.port and parts.port not in (80, 443) else ""
    except ValueError:  # a port that is no number, or out of range
        return None
    host = (parts.hostname or "").lower().removeprefix("www.")
    if not host:
        return None
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k))
    path = parts.path.rstrip("/") or "/"
    return f"{host}{port}{path}" + (f"?{urlencode(query)}" if query else "")
