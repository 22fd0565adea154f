"""Browser-facing hardening: refuse cross-site writes, and a strict Content-Security-Policy."""
from urllib.parse import urlsplit

from flask import abort, request

UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
# No inline script anywhere in the templates, so script-src 'self' costs nothing and turns a
# missed escape into a blocked script. Styles stay open: htmx adds its indicator style inline.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def _cross_site():
    """Say whether a browser sent this request from another site's page."""
    if request.headers.get("Sec-Fetch-Site") == "cross-site":
        return True
    origin = request.headers.get("Origin")
    if origin is None:
        return False  # not a browser page (curl, another annotation client)
    parts = urlsplit(origin)
    return origin == "null" or parts.netloc != request.host


def init_app(app):
    """Register the cross-site write guard and the security headers."""

    @app.before_request
    def refuse_cross_site_writes():
        # Randnotiz runs on 127.0.0.1 without accounts: any web page the reader visits could
        # otherwise post forms to it and delete their notes.
        if request.method in UNSAFE_METHODS and _cross_site():
            abort(403, "Changes from another website's page are refused. Use Randnotiz's own pages.")

    @app.after_request
    def security_headers(response):
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response
