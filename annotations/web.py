"""The web layer's shared parts: settings, errors, cross-site guard, and request helpers."""
from urllib.parse import urlsplit

from flask import abort, current_app, g, jsonify, render_template, request, url_for
from flask_htmx import HTMX
from markupsafe import Markup
from werkzeug.exceptions import BadRequest, HTTPException, RequestEntityTooLarge, SecurityError
from werkzeug.routing import IntegerConverter

from . import activity, asset_views, display, paragraphs, validation
from .common import SizedCache
from .db import get_db
from .paragraph_html import Links
from .reading import articles

htmx = HTMX()

SETTINGS_KEY = "randnotiz.settings"


def settings():
    """Return the app's Settings, read once at start."""
    return current_app.extensions[SETTINGS_KEY]


# --- request parsing ---------------------------------------------------------------

def whole_number(raw, message):
    """Return raw as a small non-negative int (below a billion), or answer 400 with message."""
    try:
        return validation.bounded_int((raw or "").strip(), "number", hi=999_999_999)
    except validation.InvalidInput:
        abort(400, message)


def json_body(types=("application/ld+json", "application/json")):
    """Return the request's JSON document, bounded in depth and storable; else answer 415/400."""
    if request.mimetype not in types:
        abort(415, f"Send JSON ({types[0]}), not {request.mimetype or 'a body without Content-Type'}.")
    return parse_json(request.get_data())


def _refuse_unstorable_text():
    # One guard for every form: a NUL or a lone surrogate, which SQLite's UTF-8 cannot hold as
    # text, is refused before any view stores it. Other control characters pass: an article
    # pasted from a PDF keeps them, and a passage, title or word taken from it must go back as it is.
    if request.method not in UNSAFE_METHODS or not request.form:
        return
    for name, value in request.form.items(multi=True):
        validation.clean_text(value, FIELD_NAMES.get(name, f"form field “{name}”"))


FIELD_NAMES = {"lemma": "word", "gloss": "meaning", "note": "note", "tags": "tags", "exact": "selected text",
               "title": "title", "plural": "plural", "form": "verb form"}


def parse_json(raw):
    """Return raw (bytes) parsed by the validation boundary, or answer 400 with why."""
    try:
        return validation.parse_json(raw)
    except validation.InvalidInput as e:
        abort(400, str(e))


class SQLiteInt(IntegerConverter):
    """<int:...> in a URL, limited to what SQLite can store: a larger id matches no route (404)."""

    def __init__(self, map, *args, **kwargs):
        kwargs.setdefault("max", validation.SQLITE_MAX_INT)
        super().__init__(map, *args, **kwargs)


def load_article(article_id):
    """Return the article or answer 404 with a clear message."""
    article = articles.get_article(get_db(), article_id)
    if article is None:
        abort(404, f"There is no article {article_id}. It may have been deleted.")
    return article


def load_block(article_id, n, kinds=articles.KINDS):
    """Return block n of an existing article, or answer 404 with a clear message."""
    load_article(article_id)
    block = articles.get_block(get_db(), article_id, n)
    if block is None or block["kind"] not in kinds:
        abort(404, f"This article has no paragraph {n}.")
    return block


def paragraph_links():
    """Return the URL patterns paragraph markup needs (paragraph_html.Links)."""
    hid = "__hid__"
    return Links(note_edit=url_for("highlight_views.edit_form", hid=hid),
                 note_delete=url_for("highlight_views.delete", hid=hid))


def paragraph_sections(article_id, blocks, oob=False):
    """Return the blocks' <section> markup, cached per block (paragraphs.sections); oob for htmx."""
    html = paragraphs.sections(get_db(), current_app.config["DATABASE"], article_id, blocks,
                               settings().translator, paragraph_links())
    if oob:
        # str(): Markup.replace would escape the attribute it puts in.
        html = [Markup(str(h).replace("<section ", '<section hx-swap-oob="true" ', 1)) for h in html]
    return html


def article_markup(article_id):
    """Return (paragraphs.ArticleMarkup, streamed): cached while unchanged; a very long text renders as it is sent."""
    db, db_file, ts, links = get_db(), current_app.config["DATABASE"], settings().translator, paragraph_links()
    hit = paragraphs.cached_article(db, db_file, article_id, ts, links)
    if hit is not None:
        return hit, False
    blocks = articles.get_blocks(db, article_id)
    if len(blocks) > paragraphs.STREAM_AFTER:
        return paragraphs.streamed_article(db, get_db, db_file, article_id, ts, links, blocks), True
    return paragraphs.article_sections(db, db_file, article_id, ts, links), False


def page_or_fragment(template, title, **context):
    """Render a partial for htmx, or the same partial inside a page for a plain request."""
    if htmx:
        return render_template(template, **context)
    return render_template("page.html", partial=template, title=title, **context)


# --- errors ------------------------------------------------------------------------

def wants_json():
    """Say whether the client asked for JSON rather than a page."""
    best = request.accept_mimetypes.best_match(["text/html", "application/json", "application/ld+json"])
    return request.is_json or (best and best != "text/html") or request.path.startswith("/annotations/")


def _http_error(e):
    if isinstance(e, SecurityError):  # a Host header Werkzeug cannot even parse
        return _unknown_host_response()
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


# --- cross-site guard and headers ----------------------------------------------------

UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
# One inline script (the bundle's loader) and one inline stylesheet (the app's), each allowed by its
# hash alone: a missed escape still makes only a blocked script or style. htmx's own indicator
# style is turned off (base.html's htmx-config): nothing here uses it.
CSP = (f"default-src 'self'; script-src 'self' {asset_views.LOADER_SOURCE}; style-src 'self' {{style}}; "
       "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def display_attributes():
    """Return the <html> attributes of this reader's display choices, from their cookies."""
    return display.html_attributes(request.cookies)


def _cross_site():
    """Say whether a browser sent this request from another site's page."""
    if request.headers.get("Sec-Fetch-Site") == "cross-site":
        return True
    origin = request.headers.get("Origin")
    if origin is None:
        return False  # not a browser page (curl, another annotation client)
    parts = urlsplit(origin)
    return origin == "null" or parts.netloc != request.host


def _host_name(host):
    """Return the name part of a Host header: "[::1]:5000" -> "[::1]", "Localhost:80" -> "localhost"."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[:host.find("]") + 1]
    return host.partition(":")[0].rstrip(".")


def _unknown_host_response():
    # No page of ours (not even its links) for a name we do not answer to.
    return current_app.response_class(
        "Randnotiz does not answer to this host name. Open it as http://127.0.0.1:<port>/ "
        "or add the name to READER_ALLOWED_HOSTS.\n", status=400, mimetype="text/plain")


def _refuse_unknown_hosts():
    # A page on evil.example that resolves to 127.0.0.1 (DNS rebinding) is same-origin with
    # itself: Origin checks pass. Only the Host header tells it is not us.
    if _host_name(request.host) not in settings().trusted_hosts:
        return _unknown_host_response()
    return None


def _refuse_cross_site_writes():
    # Randnotiz runs on 127.0.0.1 without accounts: any web page the reader visits could
    # otherwise post forms to it and delete their notes.
    if request.method in UNSAFE_METHODS and _cross_site():
        abort(403, "Changes from another website's page are refused. Use Randnotiz's own pages.")


def _security_headers(response):
    response.headers.setdefault("Content-Security-Policy", CSP.format(style=asset_views.style_source()))
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    return response


def _invalid_input(e):
    """A value the validation boundary refused, wherever it surfaced: 400, nothing stored."""
    return _http_error(BadRequest(str(e)))


def _revalidate_pages(response):
    # Pages change with every note and translation: the browser asks each time, and a page it
    # already has costs a 304 without the bytes (flask-compress keeps the ETag per encoding).
    if (request.method in ("GET", "HEAD") and response.status_code == 200 and response.mimetype == "text/html"
            and not response.is_streamed):
        response.headers.setdefault("Cache-Control", "no-cache")
        # The reader's display cookies are in the page (<html data-theme>): Back after a change
        # must not reuse the page as it was cached under the old theme.
        response.vary.add("Cookie")
        response.add_etag()  # a hash of the bytes (the reading view sets the same hash itself)
        g.setdefault(_PAGE_ETAG, response.get_etag()[0])
        response.make_conditional(request)
    return response


_PAGE_ETAG = "randnotiz_page_etag"
COMPRESSED_BYTES = 16 * 1024 * 1024


class CompressedPages:
    """flask-compress's cache backend: a page's compressed bytes, by algorithm and its plain bytes' ETag.

    The ETag of an HTML page hashes its bytes, so a key names one body: nothing ever needs
    invalidating, and a page seen again (the kept reading page) is not compressed again.
    Other responses have no key (flask-compress asks with "<algorithm>;") and are not kept.
    """

    def __init__(self):
        self._kept = SizedCache(COMPRESSED_BYTES)

    def get(self, key):
        """Return the compressed bytes kept under key, if any."""
        return None if key.endswith(";") else self._kept.get(key)

    def set(self, key, value):
        """Keep compressed bytes under key (a page's), dropping the least used beyond the budget."""
        if not key.endswith(";"):
            self._kept.put(key, value)


def compressed_page_key(req):
    """Return the ETag of the HTML page being answered (flask-compress's cache key), else ""."""
    return g.get(_PAGE_ETAG, "")


def revalidate_pages(app):
    """Give every HTML page an ETag and answer If-None-Match with 304 (register after compression)."""
    app.after_request(_revalidate_pages)


def init_app(app, app_settings):
    """Keep the settings; refuse unknown hosts; register errors, the cross-site guard and headers."""
    app.extensions[SETTINGS_KEY] = app_settings
    app.url_map.converters["int"] = SQLiteInt
    htmx.init_app(app)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(validation.InvalidInput, _invalid_input)
    app.before_request(_refuse_unknown_hosts)


    # Counted so the dictionary import pauses while a page is being answered.
    app.before_request(activity.request_started)
    app.before_request(_refuse_cross_site_writes)
    app.before_request(_refuse_unstorable_text)
    app.teardown_request(lambda exc: activity.request_finished())
    app.after_request(_security_headers)
    # Every page's <html> carries the reader's theme, size and width: painted in them, no script first.
    app.context_processor(lambda: {"display_attrs": display_attributes(), "display_choices": display.CHOICES})
