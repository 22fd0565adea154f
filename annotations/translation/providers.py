"""Provider calls through deep-translator: hard timeouts, one error type, the providers table.

deep-translator 1.11.4 passes no timeout, keeps per-call state on its instances and lets
requests' errors leak; everything here exists to make one call safe.
"""
import importlib
import threading
import time

import functools

from ..common import lazy_module
from .sentences import split_for_limit

requests = lazy_module("requests")
deep_translator = lazy_module("deep_translator")
dt_errors = lazy_module("deep_translator.exceptions")
dt_constants = lazy_module("deep_translator.constants")

DEFAULT_TIMEOUT = 15.0


# --- the one error type ----------------------------------------------------

# cause -> HTTP status our views answer with (upstream trouble is 502/503/504, never a 500).
STATUS = {
    "unreachable": 502, "timeout": 504, "rate_limited": 503, "quota": 503, "provider_error": 502,
    "auth": 502, "empty": 502, "bad_response": 502, "too_long": 413, "misconfigured": 503,
}


class TranslationError(Exception):
    """Any failure to get a translation; `cause` is a short code, the message is for the reader."""

    def __init__(self, cause, message):
        super().__init__(message)
        self.cause = cause
        self.message = message

    @property
    def status(self):
        return STATUS.get(self.cause, 502)


# --- hard timeouts inside deep-translator -----------------------------------

_local = threading.local()


class _TimedRequests:
    """Stands in for `requests` inside deep-translator's modules, which never pass a timeout.

    Every get/post gets the time left before this call's deadline, and the HTTP status is
    noted so errors can name it. Only these modules see it; the rest of the app is untouched.
    """

    def __getattr__(self, name):
        return getattr(requests, name)

    def get(self, url, **kwargs):
        return self._call(requests.get, url, kwargs)

    def post(self, url, **kwargs):
        return self._call(requests.post, url, kwargs)

    @staticmethod
    def _call(fn, url, kwargs):
        kwargs["timeout"] = _time_left()
        response = fn(url, **kwargs)
        _local.status = response.status_code
        return response


def _time_left():
    deadline = getattr(_local, "deadline", None)
    if deadline is None:
        return DEFAULT_TIMEOUT
    return max(0.05, deadline - time.monotonic())


@functools.cache
def _patch_deep_translator():
    """Give deep-translator's modules our timed `requests`, once, when the first call needs them."""
    for name in ("google", "libre", "mymemory"):
        importlib.import_module(f"deep_translator.{name}").requests = _TimedRequests()


# --- providers ---------------------------------------------------------------

def _google(ts, text):
    translator = deep_translator.GoogleTranslator(source=ts.source, target=ts.target)
    translator._base_url = ts.google_url or dt_constants.BASE_URLS["GOOGLE_TRANSLATE"]
    return translator.translate(text)


def _mymemory_code(code):
    values = dt_constants.MY_MEMORY_LANGUAGES_TO_CODES.values()
    if code in values:
        return code
    preferred = f"{code}-{code.upper()}"
    if preferred in values:
        return preferred
    return next((v for v in values if v.split("-")[0] == code), code)


def _mymemory(ts, text):
    translator = deep_translator.MyMemoryTranslator(source=_mymemory_code(ts.source), target=_mymemory_code(ts.target),
                                    email=ts.mymemory_email or None)
    translator._base_url = ts.mymemory_url or dt_constants.BASE_URLS["MYMEMORY"]
    return translator.translate(text)


def _libre(ts, text):
    url, key = ts.libretranslate_url, ts.libretranslate_api_key
    if not url:
        raise TranslationError("misconfigured", "LibreTranslate needs LIBRETRANSLATE_URL (the server's address).")
    if not key:
        raise TranslationError(
            "misconfigured",
            "LibreTranslate needs LIBRETRANSLATE_API_KEY; deep-translator refuses an empty key "
            "(for a keyless server of your own, set any value).")
    # deep-translator appends "translate" to the URL as is.
    translator = deep_translator.LibreTranslator(source=ts.source, target=ts.target, api_key=key,
                                 custom_url=url if url.endswith("/") else url + "/")
    return translator.translate(text)


def _status_error(label, response):
    """Turn a non-2xx answer of a provider we call ourselves into the right error."""
    if response.status_code == 429:
        raise dt_errors.TooManyRequests()
    if response.status_code in (401, 403):
        raise dt_errors.AuthorizationException("")
    if response.status_code == 456:  # DeepL: quota exceeded
        raise TranslationError("quota", f"{label} says the character quota is used up (HTTP 456).")
    raise dt_errors.ServerException(response.status_code)


def _deepl(ts, text):
    # deep-translator's DeeplTranslator sends the key as `auth_key`, which DeepL retired;
    # DeepL's v2 API wants the key in an Authorization header.
    key = ts.deepl_api_key
    if not key:
        raise TranslationError("misconfigured", "DeepL needs DEEPL_API_KEY.")
    base = ts.deepl_url or ("https://api-free.deepl.com" if key.endswith(":fx") else "https://api.deepl.com")
    target_code = {"en": "EN-GB", "pt": "PT-PT"}.get(ts.target, ts.target).upper()
    response = requests.post(
        base.rstrip("/") + "/v2/translate",
        headers={"Authorization": f"DeepL-Auth-Key {key}"},
        json={"text": [text], "source_lang": ts.source.upper(), "target_lang": target_code},
        timeout=_time_left(),
    )
    _local.status = response.status_code
    if not 200 <= response.status_code < 300:
        _status_error("DeepL", response)
    return response.json()["translations"][0]["text"]


def _microsoft(ts, text):
    # Not deep-translator's class: its constructor makes an untimed call to a fixed URL and
    # crashes on a network error. Translator v3 is one JSON POST.
    key = ts.microsoft_api_key
    if not key:
        raise TranslationError("misconfigured", "Microsoft Translator needs MICROSOFT_API_KEY.")
    headers = {"Ocp-Apim-Subscription-Key": key}
    region = ts.microsoft_region
    if region:
        headers["Ocp-Apim-Subscription-Region"] = region
    base = ts.microsoft_url or "https://api.cognitive.microsofttranslator.com"
    response = requests.post(
        base.rstrip("/") + "/translate",
        params={"api-version": "3.0", "from": ts.source, "to": ts.target},
        headers=headers, json=[{"Text": text}], timeout=_time_left(),
    )
    _local.status = response.status_code
    if not 200 <= response.status_code < 300:
        _status_error("Microsoft Translator", response)
    return response.json()[0]["translations"][0]["text"]


# max_chars: one below deep-translator's own limits (it checks len(text) < limit).
PROVIDERS = {
    "google": {"label": "Google Translate", "max_chars": 4999, "call": _google},
    "libre": {"label": "LibreTranslate", "max_chars": 2000, "call": _libre},
    # MyMemory counts 500 *bytes*; umlauts take two, so leave room.
    "mymemory": {"label": "MyMemory", "max_chars": 450, "call": _mymemory},
    "deepl": {"label": "DeepL", "max_chars": 30000, "call": _deepl},
    "microsoft": {"label": "Microsoft Translator", "max_chars": 10000, "call": _microsoft},
}


# --- one guarded provider call ---------------------------------------------------

_QUOTA_MARKERS = ("MYMEMORY WARNING", "YOU USED ALL AVAILABLE FREE TRANSLATIONS")
_REFUSAL_MARKERS = ("IS AN INVALID", "INVALID LANGUAGE PAIR", "QUERY LENGTH LIMIT", "PLEASE SELECT TWO DISTINCT")


def _check_result(label, result):
    if result is None or not str(result).strip():
        raise TranslationError("empty", f"{label} returned an empty translation.")
    # Case-sensitive on purpose: MyMemory shouts its notices; a real sentence
    # such as "this is an invalid claim" must pass.
    upper = str(result)
    if any(m in upper for m in _QUOTA_MARKERS):
        raise TranslationError("quota", f"{label} says its free quota is used up: “{str(result)[:140]}”")
    if any(m in upper for m in _REFUSAL_MARKERS):
        raise TranslationError("provider_error", f"{label} refused the request: “{str(result)[:140]}”")
    return str(result)


def _as_translation_error(label, exc, timeout):
    """Map whatever deep-translator or requests raised onto the one error type."""
    status = getattr(_local, "status", None)
    if isinstance(exc, TranslationError):
        return exc
    if isinstance(exc, requests.exceptions.Timeout):
        return TranslationError("timeout", f"{label} did not answer within {timeout:g} seconds.")
    if isinstance(exc, (requests.exceptions.ConnectionError, ConnectionError)):
        return TranslationError(
            "unreachable", f"{label} could not be reached. Check the internet connection, then retry.")
    if isinstance(exc, dt_errors.TooManyRequests) or status == 429:
        return TranslationError(
            "rate_limited", f"{label} refused: too many requests (HTTP 429). Wait a minute, then retry.")
    if isinstance(exc, dt_errors.AuthorizationException):
        return TranslationError("auth", f"{label} rejected the API key (HTTP {status or 403}).")
    if isinstance(exc, (dt_errors.RequestError, dt_errors.ServerException)):
        return TranslationError("provider_error", f"{label} answered with an error (HTTP {status or '?'}).")
    if isinstance(exc, (dt_errors.NotValidLength, dt_errors.NotValidPayload)):
        return TranslationError("too_long", f"{label} refused the text as too long.")
    if isinstance(exc, (dt_errors.TranslationNotFound, dt_errors.ElementNotFoundInGetRequest, StopIteration)):
        return TranslationError("empty", f"{label} returned an empty translation (no result found).")
    if isinstance(exc, (dt_errors.ApiKeyException, dt_errors.LanguageNotSupportedException,
                        dt_errors.InvalidSourceOrTargetLanguage)):
        return TranslationError("misconfigured", f"{label} is not set up correctly: {exc}")
    if isinstance(exc, (ValueError, KeyError, IndexError, TypeError)):  # unreadable JSON or HTML
        return TranslationError("bad_response", f"{label} sent an answer Randnotiz could not read.")
    if isinstance(exc, requests.exceptions.RequestException):
        return TranslationError("unreachable", f"{label} could not be reached ({type(exc).__name__}).")
    return TranslationError("bad_response", f"{label} sent an answer Randnotiz could not read.")


def fetch(ts, text):
    """Translate text with the provider, within one hard deadline, in a thread of its own.

    The calling thread waits at most the timeout even if the provider trickles bytes forever;
    the abandoned thread ends by itself when its socket timeout fires.
    """
    _patch_deep_translator()
    provider, label, timeout = PROVIDERS[ts.provider], ts.label, ts.timeout
    parts = split_for_limit(text, ts.limit)
    deadline = time.monotonic() + timeout
    box, done = {}, threading.Event()

    def run():
        _local.deadline, _local.status = deadline, None
        try:
            # A fresh translator per part: shared instances mixed up texts between threads.
            # A list, not a generator: MyMemory's bare next() raises StopIteration.
            box["value"] = " ".join([
                _check_result(label, provider["call"](ts, part)) for part in parts])
        except BaseException as exc:  # noqa: BLE001 - every failure becomes TranslationError
            box["error"] = _as_translation_error(label, exc, timeout)
        finally:
            done.set()

    threading.Thread(target=run, name="translate-call", daemon=True).start()
    if not done.wait(timeout):
        raise TranslationError("timeout", f"{label} did not answer within {timeout:g} seconds.")
    if "error" in box:
        raise box["error"]
    return box["value"]
