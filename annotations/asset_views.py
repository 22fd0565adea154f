"""One stylesheet and one script for every page: static/ files joined in a fixed order.

The stylesheet is inlined in each page's <head>: the first paint waits for no request (a linked
sheet, even cached, held a fresh tab's text back by ~20 ms in bench/bench_browser.py's traces),
and a page revalidates with its ETag, so a repeat view gets it from the cache all the same.
print.css joins it inside `@media print`. The script bundle's name carries a hash of its bytes,
so it is cached for a year as immutable (a changed file gives a new name); loader.js, a few lines
that start it once the text is painted, is inlined at the end of each page. The CSP allows the
two inline parts by their hashes alone. The sources stay separate files in static/ (edit them
there); a new file only needs adding to a list below. Bundles are built once, on the first
request that needs them; the script is kept pre-compressed.
"""
import base64
import gzip
import hashlib
import json
import threading
from pathlib import Path

import brotli
import rcssmin
from flask import Blueprint, Response, abort, current_app, request, url_for
from markupsafe import Markup

# Order matters: later files may use what earlier ones define (prefs.js defines window.Randnotiz,
# focus.js its announce()); themes.css comes last, its colour variables override the defaults.
# print.css last: its rules override the screen's, themes included.
STYLES = ["reader.css", "translate.css", "highlights.css", "words.css", "learning.css", "themes.css", "print.css"]
# Files that apply to one medium only. As a separate media="print" sheet, print.css arrived while the
# first frame was being prepared and forced a second style and layout pass before it (traced).
MEDIA = {"print.css": "print"}
SCRIPTS = ["prefs.js", "htmx-2.0.11.min.js", "reader.js", "translate.js", "highlights.js", "words.js", "phone.js",
           "find.js", "learning.js", "focus.js", "keys.js", "ready.js"]
# kind -> (its files, its extension)
KINDS = {"css": (STYLES, "css"), "js": (SCRIPTS, "js")}
YEAR = 365 * 24 * 3600


def _loader_text():
    # Its comments stay in static/loader.js: every page carries these bytes.
    source = (Path(__file__).resolve().parent.parent / "static" / "loader.js").read_text(encoding="utf-8")
    return "\n".join(line for line in source.splitlines() if not line.lstrip().startswith("//"))


def hash_source(text):
    """Return the CSP source that allows one inline script or style by the hash of its exact text."""
    return "'sha256-%s'" % base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


LOADER = _loader_text()
# For the CSP's script-src: the one inline script allowed, by the hash of its exact text.
LOADER_SOURCE = hash_source(LOADER)

bp = Blueprint("assets", __name__)
_lock = threading.Lock()
KEY = "randnotiz.assets"


class Bundle:
    """One joined file, its fingerprinted name and its compressed forms."""

    def __init__(self, ext, parts):
        self.mimetype = "text/css" if ext == "css" else "text/javascript"
        if ext == "js":
            parts = [(name, _guarded(name, text)) for name, text in parts]
        else:
            parts = [(name, minified_css(name, text)) for name, text in parts]
        self.text = "\n".join(f"/* {name} */\n{text.rstrip()}" for name, text in parts) + "\n"
        self.body = self.text.encode()
        self.name = f"app.{hashlib.sha256(self.body).hexdigest()[:12]}.{ext}"
        self.source = hash_source(self.text)  # the CSP source allowing it inline
        # Only the script is served as a file; the stylesheet travels inside each (compressed) page.
        self.encoded = ({"br": brotli.compress(self.body, quality=9), "gzip": gzip.compress(self.body, 9)}
                        if ext == "js" else {})


def minified_css(name, text):
    """Return one stylesheet without its comments and spacing, inside its @media block if it has one."""
    # Every page carries these bytes, and Chromium's parse and first style pass over the source's
    # 38 KB with comments cost ~6 ms more before the first frame than over the 30 KB left (traced).
    text = rcssmin.cssmin(text)
    return f"@media {MEDIA[name]}{{{text}}}" if name in MEDIA else text


def _guarded(name, text):
    """Wrap one script so that an error while it starts is logged and the files after it still run."""
    # Joined into one script, a file that throws at start (an API an older browser lacks) would
    # otherwise stop every file after it: no keys, no lookups, a page that never says it is ready.
    # Each file keeps its own scope (an IIFE; htmx's global is a var), so the block changes nothing else.
    return f"try {{\n{text.rstrip()}\n}} catch (error) {{ console.error({json.dumps(name + ' failed to start:')}, error); }}"


def _build(static_folder):
    def read(names):
        return [(name, (static_folder / name).read_text(encoding="utf-8")) for name in names]
    return {kind: Bundle(ext, read(names)) for kind, (names, ext) in KINDS.items()}


def bundles():
    """Return {kind: Bundle} for every kind in KINDS, building them on first use (once per app)."""
    built = current_app.extensions.get(KEY)
    if built is None:
        with _lock:
            built = current_app.extensions.get(KEY)
            if built is None:
                built = current_app.extensions[KEY] = _build(Path(current_app.static_folder))
    return built


def asset_url(kind):
    """Return the fingerprinted URL of the bundle served as a file: 'js' (the stylesheet is inline)."""
    if kind != "js":
        raise ValueError(f"no {kind!r} bundle is served as a file")
    return url_for("assets.bundle", name=bundles()[kind].name)


def inline_styles():
    """Return the stylesheet as an inline <style>, so that the first paint waits for no request."""
    return Markup("<style>%s</style>") % Markup(bundles()["css"].text)


def style_source():
    """Return the CSP source that allows the inline stylesheet, and no other inline style."""
    return bundles()["css"].source


def loader_script():
    """Return the inline <script> that starts the bundle once the text is painted."""
    return Markup("<script>%s</script>") % Markup(LOADER)


@bp.get("/assets/<name>")
def bundle(name):
    found = bundles()["js"]
    if found.name != name:
        # An old name (the files changed since the page was loaded): say so instead of serving stale bytes.
        abort(404, "That version of Randnotiz's scripts is gone: reload the page.")
    accepted = request.accept_encodings
    encoding = next((e for e in ("br", "gzip") if accepted[e]), None)
    body = found.encoded[encoding] if encoding else found.body
    response = Response(body, mimetype=found.mimetype)
    if encoding:
        response.headers["Content-Encoding"] = encoding
    response.headers["Vary"] = "Accept-Encoding"
    response.headers["Cache-Control"] = f"public, max-age={YEAR}, immutable"
    return response


def init_app(app):
    """Serve the script bundle and give templates asset_url(), inline_styles() and loader_script()."""
    app.register_blueprint(bp)
    app.add_template_global(asset_url)
    app.add_template_global(loader_script)
    app.add_template_global(inline_styles)
