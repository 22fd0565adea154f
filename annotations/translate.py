"""Machine translation with a forever cache in SQLite: at most one provider call per text."""
import hashlib
import threading
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from datetime import datetime, timezone

from sqlite_utils import Migrations

from .providers import (  # noqa: F401 (re-exported: the app's one translation API)
    TranslationError, app_config, fetch, languages, provider_label, provider_name, timeout_of,
)

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
def m002_translate_jobs(db):
    # Owned by translate_jobs.py; kept here so db.py's module list stays as it is.
    # No foreign keys: articles.delete_article clears every table with an article_id column.
    db["translate_jobs"].create(
        {"id": int, "article_id": int, "provider": str, "status": str, "total": int,
         "cancel_requested": int, "created": str, "updated": str},
        pk="id", not_null={"article_id", "provider", "status", "total", "created", "updated"},
        defaults={"cancel_requested": 0},
    )
    # At most one running job per article, even when two requests race.
    db.execute("CREATE UNIQUE INDEX translate_jobs_one_running ON translate_jobs(article_id) "
               "WHERE status = 'running'")
    db["translate_job_items"].create(
        {"job_id": int, "article_id": int, "n": int, "status": str, "cause": str, "message": str,
         "seq": int},
        pk=("job_id", "n"), not_null={"job_id", "article_id", "n", "status"},
    )


# --- cache -------------------------------------------------------------------

def text_hash(text):
    """Return the cache key of an exact source text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _cache_key(config):
    source, target = languages(config)
    return provider_name(config), source, target


def cached_translations(db, texts, config=None):
    """Return {text: translation} for the texts already translated by the configured provider."""
    config = app_config(config)
    provider, source, target = _cache_key(config)
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


def cached_translation(db, text, config=None):
    """Return the cached translation of text, or None."""
    return cached_translations(db, [text], config).get(text)


_inflight = {}
_inflight_lock = threading.Lock()


def translate(db, text, config=None):
    """Return the translation of text: from the cache, else from the provider (then cached).

    Concurrent requests for the same text in this process share one provider call.
    Raises TranslationError; a failure is never cached.
    """
    config = app_config(config)
    if not any(ch.isalpha() for ch in text):
        return text  # numbers and punctuation: nothing to translate, no call to spend
    cached = cached_translation(db, text, config)
    if cached is not None:
        return cached
    provider, source, target = _cache_key(config)
    key = (provider, source, target, text_hash(text))
    with _inflight_lock:
        future = _inflight.get(key)
        owner = future is None
        if owner:
            future = _inflight[key] = Future()
    if not owner:
        try:
            return future.result(timeout=timeout_of(config) + 1)
        except FutureTimeout:
            raise TranslationError("timeout", f"{provider_label(config)} did not answer in time.") from None
    try:
        result = cached_translation(db, text, config)  # another worker may have just stored it
        if result is None:
            result = fetch(config, text, source, target)
            db["translations"].insert({
                "provider": provider, "source_lang": source, "target_lang": target,
                "text_hash": key[3], "text": text, "translation": result,
                "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
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
