"""Provider calls through deep-translator: configuration, hard timeouts, one error type.

deep-translator 1.11.4 passes no timeout, keeps per-call state on its instances and lets
requests' errors leak; everything here exists to make one call safe.
"""
import os
import threading
import time

import requests
from deep_translator import GoogleTranslator, LibreTranslator, MyMemoryTranslator
from deep_translator import exceptions as dt_errors
from deep_translator import google as dt_google
from deep_translator import libre as dt_libre
from deep_translator import mymemory as dt_mymemory
from deep_translator.constants import BASE_URLS, MY_MEMORY_LANGUAGES_TO_CODES
from flask import current_app, has_app_context

from .sentences import split_for_limit

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


# --- configuration ---------------------------------------------------------

def _setting(config, key, default=""):
    value = config.get(key) if config is not None else None
    if value in (None, ""):
        value = os.environ.get(key, "")
    return value if value not in (None, "") else default


def app_config(config):
    """Return config, or the current app's when none is given."""
    if config is not None:
        return config
    return current_app.config if has_app_context() else {}


def provider_name(config=None):
    """Return the configured provider's short name (google, libre, mymemory, deepl, microsoft)."""
    return str(_setting(app_config(config), "TRANSLATOR", "google")).strip().lower()


def provider_label(config=None):
    """Return the provider's name as the UI shows it."""
    name = provider_name(config)
    return PROVIDERS[name]["label"] if name in PROVIDERS else f"{name} (unknown provider)"


def languages(config):
    """Return (source, target) language codes."""
    return _setting(config, "TRANSLATE_SOURCE", "de"), _setting(config, "TRANSLATE_TARGET", "en")


def timeout_of(config=None):
    """Return the hard per-call timeout in seconds."""
    try:
        value = float(_setting(app_config(config), "TRANSLATE_TIMEOUT", DEFAULT_TIMEOUT))
    except (TypeError, ValueError):
        return DEFAULT_TIMEOUT
    return value if value > 0 else DEFAULT_TIMEOUT


def max_chars(config=None):
    """Return the longest text sent in one provider call (longer texts are split by sentence)."""
    config = app_config(config)
    name = provider_name(config)
    default = PROVIDERS[name]["max_chars"] if name in PROVIDERS else 4999
    try:
        return max(20, int(_setting(config, "TRANSLATE_MAX_CHARS", default)))
    except (TypeError, ValueError):
        return default


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


for _module in (dt_google, dt_libre, dt_mymemory):
    _module.requests = _TimedRequests()


# --- providers ---------------------------------------------------------------

def _google(config, text, source, target):
    translator = GoogleTranslator(source=source, target=target)
    translator._base_url = _setting(config, "GOOGLE_TRANSLATE_URL", BASE_URLS["GOOGLE_TRANSLATE"])
    return translator.translate(text)


def _mymemory_code(code):
    values = MY_MEMORY_LANGUAGES_TO_CODES.values()
    if code in values:
        return code
    preferred = f"{code}-{code.upper()}"
    if preferred in values:
        return preferred
    return next((v for v in values if v.split("-")[0] == code), code)


def _mymemory(config, text, source, target):
    translator = MyMemoryTranslator(source=_mymemory_code(source), target=_mymemory_code(target),
                                    email=_setting(config, "MYMEMORY_EMAIL") or None)
    translator._base_url = _setting(config, "MYMEMORY_URL", BASE_URLS["MYMEMORY"])
    return translator.translate(text)


def _libre(config, text, source, target):
    url, key = _setting(config, "LIBRETRANSLATE_URL"), _setting(config, "LIBRETRANSLATE_API_KEY")
    if not url:
        raise TranslationError("misconfigured", "LibreTranslate needs LIBRETRANSLATE_URL (the server's address).")
    if not key:
        raise TranslationError(
            "misconfigured",
            "LibreTranslate needs LIBRETRANSLATE_API_KEY; deep-translator refuses an empty key "
            "(for a keyless server of your own, set any value).")
    # deep-translator appends "translate" to the URL as is.
    translator = LibreTranslator(source=source, target=target, api_key=key,
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


def _deepl(config, text, source, target):
    # deep-translator's DeeplTranslator sends the key as `auth_key`, which DeepL retired;
    # DeepL's v2 API wants the key in an Authorization header.
    key = _setting(config, "DEEPL_API_KEY")
    if not key:
        raise TranslationError("misconfigured", "DeepL needs DEEPL_API_KEY.")
    base = _setting(config, "DEEPL_URL",
                    "https://api-free.deepl.com" if key.endswith(":fx") else "https://api.deepl.com")
    target_code = {"en": "EN-GB", "pt": "PT-PT"}.get(target, target).upper()
    response = requests.post(
        base.rstrip("/") + "/v2/translate",
        headers={"Authorization": f"DeepL-Auth-Key {key}"},
        json={"text": [text], "source_lang": source.upper(), "target_lang": target_code},
        timeout=_time_left(),
    )
    _local.status = response.status_code
    if not 200 <= response.status_code < 300:
        _status_error("DeepL", response)
    return response.json()["translations"][0]["text"]


def _microsoft(config, text, source, target):
    # Not deep-translator's class: its constructor makes an untimed call to a fixed URL and
    # crashes on a network error. Translator v3 is one JSON POST.
    key = _setting(config, "MICROSOFT_API_KEY")
    if not key:
        raise TranslationError("misconfigured", "Microsoft Translator needs MICROSOFT_API_KEY.")
    headers = {"Ocp-Apim-Subscription-Key": key}
    region = _setting(config, "MICROSOFT_REGION")
    if region:
        headers["Ocp-Apim-Subscription-Region"] = region
    base = _setting(config, "MICROSOFT_URL", "https://api.cognitive.microsofttranslator.com")
    response = requests.post(
        base.rstrip("/") + "/translate",
        params={"api-version": "3.0", "from": source, "to": target},
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


def fetch(config, text, source, target):
    """Translate text with the provider, within one hard deadline, in a thread of its own.

    The calling thread waits at most the timeout even if the provider trickles bytes forever;
    the abandoned thread ends by itself when its socket timeout fires.
    """
    name = provider_name(config)
    if name not in PROVIDERS:
        raise TranslationError("misconfigured", f"TRANSLATOR={name!r} is not one of {', '.join(PROVIDERS)}.")
    provider, label, timeout = PROVIDERS[name], PROVIDERS[name]["label"], timeout_of(config)
    parts = split_for_limit(text, max_chars(config))
    deadline = time.monotonic() + timeout
    box, done = {}, threading.Event()

    def run():
        _local.deadline, _local.status = deadline, None
        try:
            # A fresh translator per part: shared instances mixed up texts between threads.
            # A list, not a generator: MyMemory's bare next() raises StopIteration.
            box["value"] = " ".join([
                _check_result(label, provider["call"](config, part, source, target)) for part in parts])
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
