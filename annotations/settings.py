"""Every setting, read once at start from the app's config and the environment, then frozen.

Config keys win over environment variables of the same name (tests and `create_app(...)` pass
config); the domain never reads either: views hand it the plain values below.
"""
import os
from dataclasses import dataclass, field
from pathlib import Path

from .translation.providers import PROVIDERS


# Flask's instance folder beside the package, where `python app.py` keeps its database.
DEFAULT_DATABASE = str(Path(__file__).resolve().parent.parent / "instance" / "randnotiz.db")


class SettingsError(ValueError):
    """A setting has a value Randnotiz cannot use; the message says which and why."""


@dataclass(frozen=True)
class TranslatorSettings:
    """How to reach the translation provider."""

    provider: str = "google"
    source: str = "de"
    target: str = "en"
    timeout: float = 15.0  # seconds, one hard deadline per call
    workers: int = 3  # Translate all's provider calls in flight at once
    max_chars: int = 0  # longest text per call; 0: the provider's own limit
    libretranslate_url: str = ""
    libretranslate_api_key: str = ""
    mymemory_email: str = ""
    deepl_api_key: str = ""
    microsoft_api_key: str = ""
    microsoft_region: str = ""
    # Where each provider is; empty means its public address (tests point them at loopback).
    google_url: str = ""
    mymemory_url: str = ""
    deepl_url: str = ""
    microsoft_url: str = ""

    @property
    def label(self):
        """Return the provider's name as the reader sees it."""
        return PROVIDERS[self.provider]["label"]

    @property
    def limit(self):
        """Return the longest text sent in one call (longer texts are split by sentence)."""
        return self.max_chars or PROVIDERS[self.provider]["max_chars"]


@dataclass(frozen=True)
class Settings:
    """The whole app's settings."""

    database: str
    secret_key: str = "randnotiz-local"
    translator: TranslatorSettings = field(default_factory=TranslatorSettings)
    # Debian's GPL dictionaries, read from the system at run time, never copied into the repo.
    ding_path: str = "/usr/share/trans/de-en"
    freedict_path: str = "/usr/share/dictd/freedict-deu-eng"
    background_tasks: bool = True  # dictionary import and lemmatiser warm-up in threads
    webanno_page_size: int = 100
    # Speaks German for browsers without a German voice; a name on PATH or a path.
    espeak: str = "espeak-ng"


# name -> (environment/config key, parse); every documented variable is here.
_TRANSLATOR_KEYS = {
    "provider": ("TRANSLATOR", lambda v: str(v).strip().lower()),
    "source": ("TRANSLATE_SOURCE", str),
    "target": ("TRANSLATE_TARGET", str),
    "timeout": ("TRANSLATE_TIMEOUT", float),
    "workers": ("TRANSLATE_WORKERS", int),
    "max_chars": ("TRANSLATE_MAX_CHARS", int),
    "libretranslate_url": ("LIBRETRANSLATE_URL", str),
    "libretranslate_api_key": ("LIBRETRANSLATE_API_KEY", str),
    "mymemory_email": ("MYMEMORY_EMAIL", str),
    "deepl_api_key": ("DEEPL_API_KEY", str),
    "microsoft_api_key": ("MICROSOFT_API_KEY", str),
    "microsoft_region": ("MICROSOFT_REGION", str),
    "google_url": ("GOOGLE_TRANSLATE_URL", str),
    "mymemory_url": ("MYMEMORY_URL", str),
    "deepl_url": ("DEEPL_URL", str),
    "microsoft_url": ("MICROSOFT_URL", str),
}
_APP_KEYS = {
    "database": ("DATABASE", str),
    "secret_key": ("SECRET_KEY", str),
    "ding_path": ("DING_PATH", str),
    "freedict_path": ("FREEDICT_PATH", str),
    "background_tasks": ("BACKGROUND_TASKS", lambda v: v if isinstance(v, bool) else str(v).lower() in ("1", "true", "yes")),
    "webanno_page_size": ("WEBANNO_PAGE_SIZE", int),
    "espeak": ("ESPEAK", str),
}


def _read(keys, config, environ):
    """Return {name: parsed value} for every key set in config (first) or environ."""
    values = {}
    for name, (key, parse) in keys.items():
        raw = config.get(key)
        if raw is None or raw == "":
            raw = environ.get(key)
        if raw is None or raw == "":
            continue
        try:
            values[name] = parse(raw)
        except (TypeError, ValueError):
            raise SettingsError(f"{key}={raw!r} is not a valid {parse.__name__ if isinstance(parse, type) else 'value'}.") from None
    return values


def translator_settings(config=None, environ=None):
    """Return the TranslatorSettings given by config and environ, validated."""
    config = config or {}
    environ = {} if environ is None else environ
    ts = TranslatorSettings(**_read(_TRANSLATOR_KEYS, config, environ))
    if ts.provider not in PROVIDERS:
        raise SettingsError(f"TRANSLATOR={ts.provider!r} is not one of {', '.join(PROVIDERS)}.")
    if not ts.timeout > 0:
        raise SettingsError(f"TRANSLATE_TIMEOUT must be a number of seconds above 0, not {ts.timeout!r}.")
    if not 1 <= ts.workers <= 16:
        raise SettingsError(f"TRANSLATE_WORKERS must be from 1 to 16, not {ts.workers!r}.")
    if ts.max_chars and ts.max_chars < 20:
        raise SettingsError(f"TRANSLATE_MAX_CHARS must be at least 20, not {ts.max_chars!r}.")
    return ts


def load(config, environ=None):
    """Return the Settings for an app's config and the process environment, validated."""
    environ = os.environ if environ is None else environ
    values = _read(_APP_KEYS, config, environ)
    if not 1 <= values.get("webanno_page_size", 100) <= 10_000:
        raise SettingsError("WEBANNO_PAGE_SIZE must be from 1 to 10000.")
    return Settings(translator=translator_settings(config, environ), **values)
