"""Machine translation with a forever cache in SQLite: at most one provider call per text."""
import hashlib
import threading
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout

from sqlite_utils import Migrations

from ..common import now
from .providers import TranslationError, fetch

migrations = Migrations("randnotiz.translate")

@migrations()
def m001_translations(db):
    db["translations"].create(
        {
            "provider": str,
            "source_lang": str,
            "target_lang": str,
            "text_hash": str,
            "text": str,
            "translation": str,
            "created": str,
        },
        pk=("provider", "source_lang", "target_lang", "text_hash"),
        not_null={"provider", "source_lang", "target_lang", "text_hash", "text", "translation", "created"},
    )


@migrations()
def m002_text_hash_index(db):
    # Search indexes an article's translations by its paragraphs' texts, whatever the provider.
    db["translations"].create_index(["text_hash"], if_not_exists=True)


# --- cache -------------------------------------------------------------------

def text_hash(text):
    """Return the cache key of an exact source text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _cache_key(ts):
    return ts.provider, ts.source, ts.target


def cached_translations(db, texts, ts):
    """Return {text: translation} for the texts already translated by the configured provider."""
    provider, source, target = _cache_key(ts)
    by_hash = {text_hash(t): t for t in texts if t}
    hashes, found = list(by_hash), {}
    for i in range(0, len(hashes), 500):
        chunk = hashes[i:i + 500]
        rows = db.query(
            "select text_hash, translation from translations where provider = ? and source_lang = ? "
            f"and target_lang = ? and text_hash in ({', '.join('?' * len(chunk))})",
            [provider, source, target, *chunk],
        )
        for row in rows:
            found[by_hash[row["text_hash"]]] = row["translation"]
    return found


def cached_translation(db, text, ts):
    """Return the cached translation of text, or None."""
    return cached_translations(db, [text], ts).get(text)


_inflight = {}
_inflight_lock = threading.Lock()


def translate(db, text, ts):
    """Return the translation of text: from the cache, else from the provider (then cached).

    Concurrent requests for the same text in this process share one provider call.
    Raises TranslationError; a failure is never cached.
    """
    if not any(ch.isalpha() for ch in text):
        return text  # numbers and punctuation: nothing to translate, no call to spend
    cached = cached_translation(db, text, ts)
    if cached is not None:
        return cached
    provider, source, target = _cache_key(ts)
    key = (provider, source, target, text_hash(text))
    with _inflight_lock:
        future = _inflight.get(key)
        owner = future is None
        if owner:
            future = _inflight[key] = Future()
    if not owner:
        try:
            return future.result(timeout=ts.timeout + 1)
        except FutureTimeout:
            raise TranslationError("timeout", f"{ts.label} did not answer in time.") from None
    try:
        result = cached_translation(db, text, ts)  # another worker may have just stored it
        if result is None:
            result = fetch(ts, text)
            db["translations"].insert({
                "provider": provider, "source_lang": source, "target_lang": target,
                "text_hash": key[3], "text": text, "translation": result,
                "created": now(),
            }, ignore=True)
        future.set_result(result)
        return result
    except TranslationError as exc:
        future.set_exception(exc)
        raise
    except Exception as exc:  # a database hiccup must not leave waiters hanging
        future.set_exception(TranslationError("bad_response", "The translation could not be stored."))
        raise TranslationError("bad_response", "The translation could not be stored.") from exc
    finally:
        with _inflight_lock:
            _inflight.pop(key, None)
