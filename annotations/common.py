"""Small helpers every feature shares: time stamps, the word pattern, CSV cells, article URLs, lazy imports, caches."""
import functools
import importlib
import re
import threading
from collections import OrderedDict
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


class SizedCache:
    """A thread-safe LRU of values that stay valid while their stamp does, bounded by the sum of len(value)."""

    def __init__(self, budget):
        self.budget = budget
        self._items = OrderedDict()  # key -> (stamp, value), least recently used first
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key, stamp=None):
        """Return the value kept for key if it was kept with this stamp, else None."""
        with self._lock:
            hit = self._items.get(key)
            if hit is None or hit[0] != stamp:
                return None
            self._items.move_to_end(key)
            return hit[1]

    def put(self, key, value, stamp=None):
        """Keep value for key with stamp, dropping the least recently used beyond the budget."""
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._size -= len(old[1])
            self._items[key] = (stamp, value)
            self._size += len(value)
            while self._size > self.budget and self._items:
                _, (_, dropped) = self._items.popitem(last=False)
                self._size -= len(dropped)

    def clear(self):
        """Forget everything kept."""
        with self._lock:
            self._items.clear()
            self._size = 0
