"""Password mode: when READER_PASSWORD is set, every page needs a login and API clients a credential.

Browsers log in once on /login (a signed, HttpOnly, SameSite session cookie); annotation clients
send HTTP Basic (any user name, the password) or `Authorization: Bearer <READER_API_TOKEN>`.
Failed attempts are rate-limited per client address, so the password cannot be guessed quickly.
"""
import base64
import hashlib
import hmac
import threading
import time
from collections import deque

import argon2
from flask import Blueprint, abort, current_app, redirect, render_template, request, session, url_for

from .web import htmx, settings, wants_json

bp = Blueprint("auth", __name__)

MAX_FAILURES = 5  # per client address and WINDOW; then 429 until the oldest failure ages out
WINDOW = 60.0  # seconds
OPEN_ENDPOINTS = {"auth.login", "static"}
_hasher = argon2.PasswordHasher()


class _Failures:
    """Recent failed attempts per client address (in memory: a restart forgives)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.seen = {}

    def retry_after(self, who):
        """Return seconds until who may try again, or 0."""
        with self.lock:
            times = self.seen.get(who)
            now = time.monotonic()
            while times and now - times[0] > WINDOW:
                times.popleft()
            if times is not None and not times:
                del self.seen[who]
            return int(WINDOW - (now - times[0])) + 1 if times and len(times) >= MAX_FAILURES else 0

    def add(self, who):
        with self.lock:
            self.seen.setdefault(who, deque()).append(time.monotonic())


STATE_KEY = "randnotiz.auth"


def _state():
    """Return this app's (failures, verified digests); verified saves argon2's ~50 ms per API call."""
    return current_app.extensions[STATE_KEY]


def _digest(password):
    return hashlib.sha256(current_app.secret_key.encode() + b"\0" + password.encode("utf-8", "replace")).hexdigest()


def check_password(password):
    """Say whether password is the reader's, counting failures; answer 429 while rate-limited."""
    failures, verified = _state()
    who = request.remote_addr or "?"
    wait = failures.retry_after(who)
    if wait:
        abort(429, f"Too many wrong passwords. Try again in {wait} seconds.")
    digest = _digest(password)
    if digest in verified:
        return True
    try:
        _hasher.verify(settings().password_hash, password)
    except (argon2.exceptions.VerificationError, argon2.exceptions.InvalidHashError):
        failures.add(who)
        return False
    verified.add(digest)
    return True


def _credential_ok():
    """Check an Authorization header (Basic: the password; Bearer: the API token)."""
    header = request.headers.get("Authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and settings().api_token:
        return hmac.compare_digest(value.strip().encode(), settings().api_token.encode())
    if scheme.lower() == "basic":
        try:
            _user, _, password = base64.b64decode(value.strip(), validate=True).decode("utf-8").partition(":")
        except (ValueError, UnicodeDecodeError):
            return False
        return check_password(password)
    return False


def _require_login():
    if not settings().password_hash or request.endpoint in OPEN_ENDPOINTS or session.get("reader"):
        return None
    if request.headers.get("Authorization"):
        if _credential_ok():
            return None
    if wants_json() or request.headers.get("Authorization"):
        response = current_app.response_class(
            '{"error": "Unauthorized", "message": "Log in: HTTP Basic with the reader\'s password, or a Bearer token."}',
            status=401, content_type="application/json")
        response.headers["WWW-Authenticate"] = 'Basic realm="Randnotiz", charset="UTF-8"'
        return response
    target = url_for("auth.login", next=request.full_path.rstrip("?") if request.method == "GET" else None)
    if htmx:
        response = current_app.response_class("", status=401)
        response.headers["HX-Redirect"] = target
        return response
    return redirect(target, code=303)


def _safe_next(raw):
    # Only a path on this site: never //other.example or https://other.example.
    return raw if raw and raw.startswith("/") and not raw.startswith(("//", "/\\")) else url_for("reader.index")


@bp.route("/login", methods=["GET", "POST"])
def login():
    next_url = _safe_next(request.values.get("next"))
    if request.method == "GET":
        return render_template("auth/login.html", next=next_url)
    if check_password(request.form.get("password", "")):
        session.clear()
        session["reader"] = True
        session.permanent = True
        return redirect(next_url, code=303)
    return render_template("auth/login.html", next=next_url, error="That is not the password."), 401


@bp.post("/logout")
def logout():
    session.clear()
    return redirect(url_for("auth.login"), code=303)


def init_app(app):
    """Register the login view and, in password mode, the login requirement and cookie flags."""
    app.register_blueprint(bp)
    app.extensions[STATE_KEY] = (_Failures(), set())
    app.config.update(SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax",
                      SESSION_COOKIE_NAME="randnotiz_session")
    app.before_request(_require_login)
