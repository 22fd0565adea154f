"""Every setting, read once at start from the app's config and the environment, then frozen.

Config keys win over environment variables of the same name (tests and `create_app(...)` pass
config); the domain never reads either: views hand it the plain values below.
"""
import ipaddress
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

import argon2

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
    # Where the server listens (app.py --host); anything but loopback needs a password.
    bind_host: str = "127.0.0.1"
    # Host names (besides loopback) the browser may call Randnotiz by; others are refused so a
    # DNS-rebinding page cannot pose as it.
    allowed_hosts: tuple = ()
    password_hash: str = ""  # argon2 hash of READER_PASSWORD; empty: no login (loopback only)
    api_token: str = ""  # READER_API_TOKEN: Bearer token for annotation clients, besides Basic auth
    allow_private_urls: bool = False  # URL imports from loopback/private/link-local addresses
    # Speaks German for browsers without a German voice; a name on PATH or a path.
    espeak: str = "espeak-ng"

    @property
    def trusted_hosts(self):
        """Return every host name the Host header may carry."""
        hosts = [*LOOPBACK_NAMES, *self.allowed_hosts]
        if self.bind_host and not _is_wildcard(self.bind_host):
            hosts.append(self.bind_host)
        return sorted(set(hosts))


LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1", "[::1]")
_password_hasher = argon2.PasswordHasher()


def _is_wildcard(host):
    return host in ("0.0.0.0", "::", "")


def is_loopback(host):
    """Say whether host (a name or an address) only ever reaches this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _flag(value):
    return value if isinstance(value, bool) else str(value).strip().lower() in ("1", "true", "yes")


def _host_list(value):
    items = value if isinstance(value, (list, tuple)) else str(value).split(",")
    return tuple(h.strip().lower() for h in items if h.strip())


def password_hash(password):
    """Return the argon2 hash of password (READER_PASSWORD may also be given as a hash)."""
    return password if password.startswith("$argon2") else _password_hasher.hash(password)


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
    "background_tasks": ("BACKGROUND_TASKS", _flag),
    "webanno_page_size": ("WEBANNO_PAGE_SIZE", int),
    "bind_host": ("BIND_HOST", lambda v: str(v).strip()),
    "allowed_hosts": ("READER_ALLOWED_HOSTS", _host_list),
    "password_hash": ("READER_PASSWORD", password_hash),
    "api_token": ("READER_API_TOKEN", str),
    "allow_private_urls": ("READER_ALLOW_PRIVATE_URLS", _flag),
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
    bind = values.get("bind_host", "127.0.0.1")
    if not is_loopback(bind) and not values.get("password_hash"):
        raise SettingsError(
            f"listening on {bind} lets other machines reach your notes; set READER_PASSWORD "
            "(the password to log in with) or listen on 127.0.0.1.")
    if values.get("api_token") is not None and 0 < len(values.get("api_token", "")) < 16:
        raise SettingsError("READER_API_TOKEN must be at least 16 characters long.")
    if values.get("password_hash") and values.get("secret_key", Settings.secret_key) == Settings.secret_key:
        # The session cookie is the login: signed with a public default anyone could forge it.
        values["secret_key"] = secrets.token_hex(32)
    return Settings(translator=translator_settings(config, environ), **values)
