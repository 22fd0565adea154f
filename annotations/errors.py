"""Turn every client error into a clear message: HTML for pages, JSON for the API."""
from flask import abort, current_app, jsonify, render_template, request
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from . import htmx


def whole_number(raw, message):
    """Return raw as a small non-negative int, or answer 400 with message."""
    # str.isdigit alone lets "²" and 5,000-digit strings through to int(), which then fails.
    raw = (raw or "").strip()
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 9):
        abort(400, message)
    return int(raw)


def wants_json():
    """Say whether the client asked for JSON rather than a page."""
    best = request.accept_mimetypes.best_match(["text/html", "application/json", "application/ld+json"])
    return request.is_json or (best and best != "text/html") or request.path.startswith("/annotations/")


def init_app(app):
    """Register handlers so errors never show a stack trace."""

    @app.errorhandler(HTTPException)
    def http_error(e):
        message = e.description or e.name
        if isinstance(e, RequestEntityTooLarge):
            limit = current_app.config["MAX_CONTENT_LENGTH"] // (1024 * 1024)
            message = f"That is too large to send: the limit is {limit} MB. Nothing was saved."
        if wants_json():
            return jsonify(error=e.name, message=message), e.code
        if htmx:
            # htmx swaps only 2xx by default; the fragment is shown via the error hook in reader.js.
            return render_template("_error.html", message=message, code=e.code), e.code
        return render_template("error.html", message=message, code=e.code), e.code
