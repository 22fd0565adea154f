"""Check what comes in from outside at one boundary: numbers, JSON, text, web addresses, dates, languages.

Every check raises InvalidInput with a message for the person who sent it; the views turn it
into a 400 (or 404 for an id no row can have) and nothing is stored.
"""
import json
import re
from datetime import datetime, timezone
from urllib.parse import urlsplit, urlunsplit

SQLITE_MAX_INT = 2**63 - 1  # INTEGER is a signed 64-bit number; Python ints are not
MAX_JSON_DEPTH = 64  # annotations and exports nest ~8 deep; anything far deeper is hostile
_BAD_CHARS = re.compile(r"[\x00\ud800-\udfff]")
_DIGITS = re.compile(r"[0-9]{1,19}")
# BCP 47 as annotations use it: "de", "en-GB", "zh-Hant-TW", "gsw".
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3}")


class InvalidInput(ValueError):
    """Input Randnotiz cannot store or use; the message says what is wrong."""


def bounded_int(value, name, lo=0, hi=SQLITE_MAX_INT):
    """Return value (an int or a string of ASCII digits) as an int within lo..hi, or raise."""
    if isinstance(value, str):
        # str.isdigit lets "²" through, and int() accepts any length.
        if not _DIGITS.fullmatch(value.strip()):
            raise InvalidInput(f"The {name} must be a whole number, not {value[:20]!r}.")
        value = int(value.strip())
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidInput(f"The {name} must be a whole number.")
    if not lo <= value <= hi:
        raise InvalidInput(f"The {name} must be from {lo} to {hi}.")
    return value


def is_storable_int(value):
    """Say whether value is an int SQLite can store (a non-negative id, a position...)."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= SQLITE_MAX_INT


def clean_text(value, name):
    """Return value if it is text SQLite can store as UTF-8 (no NUL, no lone surrogate), or raise."""
    if not isinstance(value, str):
        raise InvalidInput(f"The {name} must be text.")
    if _BAD_CHARS.search(value):
        raise InvalidInput(f"The {name} contains a NUL character or a lone UTF-16 surrogate.")
    return value


def _refuse_constant(name):
    raise InvalidInput(f"JSON has no {name}; send numbers only.")


def parse_json(raw, max_depth=MAX_JSON_DEPTH):
    """Parse a JSON document (bytes or text) whose nesting, strings and numbers can be stored; or raise."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InvalidInput("The body is not UTF-8 text.") from None
    try:
        doc = json.loads(raw, parse_constant=_refuse_constant)
    except RecursionError:
        raise InvalidInput(f"The JSON is nested too deeply (the limit is {max_depth} levels).") from None
    except ValueError as e:
        if isinstance(e, InvalidInput):
            raise
        raise InvalidInput(f"The body is not valid JSON: {e}.") from None
    check_json(doc, max_depth)
    return doc


def check_json(doc, max_depth=MAX_JSON_DEPTH):
    """Walk a parsed JSON value without recursion; raise if it is too deep or holds unstorable values."""
    stack = [(doc, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, (dict, list)):
            if depth > max_depth:
                raise InvalidInput(f"The JSON is nested too deeply (the limit is {max_depth} levels).")
            if isinstance(value, dict):
                for key, item in value.items():
                    clean_text(key, "JSON member name")
                    stack.append((item, depth + 1))
            else:
                stack.extend((item, depth + 1) for item in value)
        elif isinstance(value, str):
            clean_text(value, "JSON text")
        elif isinstance(value, int) and not isinstance(value, bool):
            if not -SQLITE_MAX_INT - 1 <= value <= SQLITE_MAX_INT:
                raise InvalidInput("A number in the JSON is too large to store.")
    return doc


def web_url(value, name="web address"):
    """Return value as an http(s) URL with a host and without user:password@, or raise."""
    if not isinstance(value, str):
        raise InvalidInput(f"The {name} must be text.")
    clean_text(value, name)
    value = value.strip()
    try:
        parts = urlsplit(value)
        host = parts.hostname
        parts.port  # noqa: B018 (raises ValueError for a port out of range)
    except ValueError:
        raise InvalidInput(f"The {name} {value[:80]!r} is not a valid address.") from None
    if parts.scheme.lower() not in ("http", "https") or not host or any(c.isspace() for c in value):
        raise InvalidInput(f"The {name} must start with http:// or https:// and name a host.")
    return strip_userinfo(value)


def strip_userinfo(url):
    """Return url without the user:password@ part, so credentials never reach links or exports."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))


def timestamp(value, name):
    """Return value (an ISO 8601 date-time) as UTC with a Z, or raise."""
    if not isinstance(value, str):
        raise InvalidInput(f"'{name}' must be a date-time string such as 2026-01-31T12:00:00Z.")
    try:
        dt = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        if dt.tzinfo is None:
            dt = dt.replace(tzinfo=timezone.utc)
        dt = dt.astimezone(timezone.utc)
    except (ValueError, OverflowError):  # year 9999 with a negative offset overflows
        raise InvalidInput(f"'{name}' is not a date-time such as 2026-01-31T12:00:00Z.") from None
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def language(value, name="language"):
    """Return value if it is a language tag such as de or en-GB, or raise."""
    if not isinstance(value, str) or not _LANGUAGE.fullmatch(value.strip()):
        raise InvalidInput(f"The {name} must be a language tag such as de or en-GB, not {str(value)[:20]!r}.")
    return value.strip()
