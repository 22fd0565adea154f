"""Which page an annotation's target names: an article here, the original page of an imported
article, or another page altogether (kept as sent, shown on the "other pages" list).
"""
import json
from urllib.parse import urlsplit

from ..common import ARTICLE_PATH
from ..reading import articles
from .highlights import COLORS, AnnotationError

LOOPBACK = {"localhost", "127.0.0.1", "::1", "[::1]"}
MAX_URL_CHARS = 4000


def source_of(target):
    """Return the URL a target names (a bare IRI, its 'source', or its 'id'), or None."""
    if isinstance(target, str):
        return target
    if isinstance(target, dict):
        source = target.get("source", target.get("id"))
        return source if isinstance(source, str) else None
    return None


def check(targets):
    """Refuse targets that are not IRIs or objects naming the page they annotate."""
    if not targets:
        raise AnnotationError("The annotation needs a target: the URL of the page it annotates.")
    for target in targets:
        if not isinstance(target, (str, dict)):
            raise AnnotationError("A target must be a URL or an object with 'source' and 'selector'.")
        source = source_of(target)
        if not source or not source.strip():
            raise AnnotationError("The target needs a 'source': the URL of the page it annotates.")
        if len(source) > MAX_URL_CHARS:
            raise AnnotationError("The target's URL is too long.")
        check_text(source, "The target's URL")


def check_text(value, what):
    """Refuse text SQLite cannot store (lone surrogates from JSON escapes)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise AnnotationError(f"{what} holds an invalid character (a lone surrogate).") from None


def article_here(db, source, base):
    """Return the id of the article source names here (its URL or its original URL), else None.

    An address of this server (or of a loopback name: backups move between ports) that names no
    existing article is an error, not another page.
    """
    parts = urlsplit(source)
    m = ARTICLE_PATH.search(parts.path)
    if m and (not parts.netloc or parts.hostname in LOOPBACK | {urlsplit(base).hostname}):
        article_id = int(m.group(1))
        if articles.get_article(db, article_id) is None:
            raise AnnotationError(f"There is no article {article_id} to annotate.")
        return article_id
    return articles.find_by_source_url(db, source)


def foreign_fields(targets, quote, position):
    """Return the highlights fields of an annotation on another page (no article here)."""
    target = targets[0] if len(targets) == 1 else targets
    style = targets[0].get("styleClass") if isinstance(targets[0], dict) else None
    color = style.removeprefix("hl-") if isinstance(style, str) and style.removeprefix("hl-") in COLORS else "yellow"
    fields = {"article_id": None, "block_n": None, "start_cp": None, "end_cp": None,
              "exact": "", "prefix": "", "suffix": "", "scope": "text", "color": color, "status": "anchored",
              # ASCII JSON: whatever the client sent, SQLite can store it.
              "target_json": json.dumps(target, ensure_ascii=True, sort_keys=True)}
    if quote is not None:
        for key in ("exact", "prefix", "suffix"):
            check_text(quote.get(key) or "", "The quote")
            fields[key] = quote.get(key) or ""
    if position is not None:
        fields["start_cp"], fields["end_cp"] = position["start"], position["end"]
    return fields
