"""Reading views: the library, the reading page, one paragraph, the reading position."""
import re

from flask import (Blueprint, abort, current_app, make_response, redirect, render_template, request, stream_template,
                   url_for)
from flask_htmx.responses import HTMXResponseClientRedirect
from markupsafe import Markup
from werkzeug.http import generate_etag

from .. import paragraphs
from ..common import WORD_PATTERN
from ..db import get_db
from ..learning import marking, status
from ..notes import highlights, webanno
from ..translation import jobs
from ..words import lemmas, vocab
from ..web import article_markup, display_attributes, htmx, load_article, load_block, paragraph_sections, settings, whole_number
from . import articles, fetch, formats

bp = Blueprint("reader", __name__)

PANEL_INLINE_MAX = 50  # annotations listed in the page itself; more are fetched right after it


@bp.get("/")
def index():
    article_id = articles.last_read_article(get_db())
    if article_id is None:
        return redirect(url_for("reader.library"))
    return redirect(url_for("reader.read", article_id=article_id))


@bp.get("/articles")
def library():
    return _library()


def _library(**form):
    """Render the library page; form: the add-a-text form's entered values and error, when refused."""
    db = get_db()
    return render_template("reading/library.html", articles=articles.list_articles(db),
                           elsewhere=highlights.count_elsewhere(db),
                           counts=marking.library_counts(db), **form)


NEW_ARTICLE_FIELDS = ("title", "text", "url", "source")


@bp.post("/articles")
def create():
    entered = {k: request.form.get(k, "") for k in NEW_ARTICLE_FIELDS}
    text, title, source, source_url = entered["text"], entered["title"] or None, entered["source"] or None, None
    upload, url = request.files.get("file"), entered["url"].strip()
    try:
        if upload and upload.filename:
            structured = formats.from_file(upload.filename, upload.read(formats.MAX_EPUB_BYTES + 1), title)
        elif text.strip() or not url:
            structured = articles.structure(text, title)
        else:
            url = fetch.clean_url(url)  # no user:password@ in links and exports
            structured, host = fetch.structured_from_url(url, allow_private=settings().allow_private_urls,
                                                         title=title)
            source, source_url = source or host, url
        if url and source_url is None:
            # Beside a pasted text or a file, the address names where it came from: it is not fetched.
            source_url, host = fetch.named_source(url)
            source = source or host
        article_id = articles.store_article(get_db(), structured, source=source, source_url=source_url)
    except articles.ArticleError as e:
        # The form again with the reason and everything typed (a file must be chosen again).
        if htmx:
            return render_template("reading/_new_article.html", entered=entered, error=str(e)), 400
        return _library(entered=entered, error=str(e)), 400
    # Notes made earlier on the original page (another client, a Hypothesis export) find it now.
    webanno.adopt(get_db(), article_id, request.url_root.rstrip("/"))
    target = url_for("reader.read", article_id=article_id)
    if htmx:
        return HTMXResponseClientRedirect(target, 204)
    return redirect(target, code=303)


# Where what changes more often than the rest goes in the rendered page: the template renders
# the frame around them, kept while frame_stamp() holds (a new highlight re-renders no frame).
BODY_SLOT = Markup("<!--randnotiz:paragraphs-->")
CHROME_SLOT = Markup("<!--randnotiz:chrome-->")
PANEL_SLOT = Markup("<!--randnotiz:notes-panel-->")
_SLOTS = re.compile("(" + "|".join(re.escape(slot) for slot in (BODY_SLOT, CHROME_SLOT, PANEL_SLOT)) + ")")


@bp.get("/articles/<int:article_id>")
def read(article_id):
    db = get_db()
    # Read before anything the page shows: a change made while the page renders moves it on,
    # so a page is never kept under a stamp older than what it shows.
    stamp = paragraphs.page_stamp(db, article_id)
    # The display choices are in the page (<html data-theme>): two readers' themes are two pages.
    key = (current_app.config["DATABASE"], article_id, request.script_root, settings(), lemmas.ready(),
           tuple(display_attributes().items()))
    page = paragraphs.cached_page(key, stamp)
    if page is None:
        response, keep = _render(db, article_id, key)
        if response.is_streamed:
            return _warm_lemmas_after(db, response)
        body = response.get_data()
        page = paragraphs.Page(body, generate_etag(body))
        if keep:
            paragraphs.keep_page(key, stamp, page)
    response = make_response(page.body)
    response.set_etag(page.etag)  # what web.revalidate_pages would compute from the same bytes
    return _warm_lemmas_after(db, response)


def _warm_lemmas_after(db, response):
    """Return the reading page's response, loading the lemmatiser once it is sent if the page needs it."""
    if not lemmas.ready() and (vocab.count(db) or status.any_marked(db)):
        # Saved words and word status are marked by lemma: load the lemmatiser, once this page has been sent.
        response.call_on_close(lemmas.warm_up)
    return response


def _frame_context(db, article, markup):
    """Return what the reading page shows around its paragraphs, site chrome and notes panel."""
    ts = settings().translator
    return dict(
        article=article,
        chrome_count=markup.chrome_count,
        total=markup.total,
        position=articles.get_position(db, article["id"]),
        # The full page shows cached translations itself, so it asks for no fresh slots.
        job=jobs.shown_state(db, article["id"], ts),
        provider_label=ts.label,
        word_pattern=WORD_PATTERN,
        # In the page, not fetched after it: counts arriving later would move the text under a tap.
        counts=marking.article_counts(db, article["id"]),
        undo=status.last_batch(db, article["id"]),
    )


def _notes_panel(db, article):
    """Return the notes panel's markup for the reading page."""
    notes = highlights.count_for_article(db, article["id"])
    return Markup(render_template(
        "notes/_panel.html", article=article, colors=highlights.COLORS, panel_total=notes,
        # A long list of notes is most of a page's cost: beyond a screenful it loads after the page.
        panel=highlights.panel(db, article["id"]) if notes <= PANEL_INLINE_MAX else None))


def _render(db, article_id, key):
    """Return the reading page's response (streamed for a very long text), and whether it may be kept."""
    article = load_article(article_id)
    # Read before the frame's data, as page_stamp() is before the page's.
    frame_stamp = paragraphs.frame_stamp(db, article_id)
    markup, streamed = article_markup(article_id)
    if streamed:
        return make_response(stream_template(
            "reading/reader.html", body=markup.body, chrome=markup.chrome, notes_panel=_notes_panel(db, article),
            **_frame_context(db, article, markup))), False
    frame, keep = paragraphs.cached_frame(key, frame_stamp), True
    if frame is None:
        context = _frame_context(db, article, markup)
        parts = _SLOTS.split(render_template("reading/reader.html", body=BODY_SLOT, chrome=CHROME_SLOT,
                                             notes_panel=PANEL_SLOT, **context))
        parts = [part if i % 2 else part.encode() for i, part in enumerate(parts)]
        frame = paragraphs.Frame(parts, sum(len(part) for part in parts))
        # A running job turns 'interrupted' with time alone, with no write to move the stamp.
        keep = not (context["job"] and context["job"]["running"])
        if keep:
            paragraphs.keep_frame(key, frame_stamp, frame)
    # The cached paragraphs go in as bytes: a 1 MB text is not copied through the template.
    return make_response(_fill(frame, markup, _notes_panel(db, article))), keep


def _fill(frame, markup, notes_panel):
    """Return the page's bytes: the frame with the paragraphs, site chrome and notes panel in their slots."""
    filling = {BODY_SLOT: markup.body_utf8, CHROME_SLOT: markup.chrome.encode(), PANEL_SLOT: notes_panel.encode()}
    return b"".join(filling[part] if i % 2 else part for i, part in enumerate(frame.parts))


@bp.get("/articles/<int:article_id>/p/<int:n>")
def paragraph(article_id, n):
    block = load_block(article_id, n)
    return paragraph_sections(article_id, [block])[0]


@bp.post("/articles/<int:article_id>/position")
def position(article_id):
    db = get_db()
    load_article(article_id)
    n = whole_number(request.form.get("n"), "The reading position must be a paragraph number.")
    if articles.get_block(db, article_id, n) is None:
        abort(400, f"This article has no paragraph {n}.")
    articles.set_position(db, article_id, n)
    return "", 204
