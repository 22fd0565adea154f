"""Reading views: the library, the reading page, one paragraph, the reading position."""
from flask import (Blueprint, abort, current_app, make_response, redirect, render_template, request, stream_template,
                   url_for)
from markupsafe import Markup
from werkzeug.http import generate_etag

from .. import paragraphs
from ..common import WORD_PATTERN
from ..db import get_db
from ..learning import marking, status
from ..notes import highlights, webanno
from ..translation import jobs
from ..words import lemmas, vocab
from ..web import article_markup, load_article, load_block, paragraph_sections, settings, whole_number
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
    db = get_db()
    return render_template("reading/library.html", articles=articles.list_articles(db),
                           elsewhere=highlights.count_elsewhere(db),
                           counts=marking.library_counts(db))


@bp.post("/articles")
def create():
    text, title = request.form.get("text", ""), request.form.get("title")
    source, source_url = request.form.get("source") or None, None
    upload, url = request.files.get("file"), request.form.get("url", "").strip()
    try:
        if upload and upload.filename:
            structured = formats.from_file(upload.filename, upload.read(formats.MAX_EPUB_BYTES + 1))
        elif url:
            url = fetch.clean_url(url)  # no user:password@ in links and exports
            structured, host = fetch.structured_from_url(url, allow_private=settings().allow_private_urls)
            source, source_url = source or host, url
        else:
            structured = articles.structure(text)
        article_id = articles.store_article(get_db(), structured, title=title, source=source,
                                            source_url=source_url)
    except articles.ArticleError as e:
        abort(400, str(e))
    # Notes made earlier on the original page (another client, a Hypothesis export) find it now.
    webanno.adopt(get_db(), article_id, request.url_root.rstrip("/"))
    return redirect(url_for("reader.read", article_id=article_id), code=303)


# Where the paragraphs go in the rendered page: the template renders everything around them.
BODY_SLOT = Markup("<!--randnotiz:paragraphs-->")


@bp.get("/articles/<int:article_id>")
def read(article_id):
    db = get_db()
    # Read before anything the page shows: a change made while the page renders moves it on,
    # so a page is never kept under a stamp older than what it shows.
    stamp = paragraphs.page_stamp(db, article_id)
    key = (current_app.config["DATABASE"], article_id, request.script_root, settings(), lemmas.ready())
    page = paragraphs.cached_page(key, stamp)
    if page is None:
        response, job = _render(db, article_id)
        if response.is_streamed:
            return _warm_lemmas_after(db, response)
        body = response.get_data()
        page = paragraphs.Page(body, generate_etag(body))
        # A running job turns 'interrupted' with time alone, with no write to move the stamp.
        if not (job and job["running"]):
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


def _render(db, article_id):
    """Return the reading page's response (streamed for a very long text) and the Translate all job it shows."""
    article = load_article(article_id)
    ts = settings().translator
    markup, streamed = article_markup(article_id)
    notes = highlights.count_for_article(db, article_id)
    context = dict(
        article=article,
        chrome=markup.chrome,
        chrome_count=markup.chrome_count,
        total=markup.total,
        position=articles.get_position(db, article_id),
        # The full page shows cached translations itself, so it asks for no fresh slots.
        job=jobs.job_state(db, article_id, ts, after=None),
        provider_label=ts.label,
        # A long list of notes is most of a page's cost: beyond a screenful it loads after the page.
        panel=highlights.panel(db, article_id) if notes <= PANEL_INLINE_MAX else None,
        panel_total=notes,
        colors=highlights.COLORS,
        word_pattern=WORD_PATTERN,
        # In the page, not fetched after it: counts arriving later would move the text under a tap.
        counts=marking.article_counts(db, article_id),
        undo=status.last_batch(db, article_id),
    )
    if streamed:
        return make_response(stream_template("reading/reader.html", body=markup.body, **context)), context["job"]
    # The cached paragraphs go in as bytes: a 1 MB text is not copied through the template.
    head, tail = render_template("reading/reader.html", body=BODY_SLOT, **context).split(BODY_SLOT, 1)
    return make_response(head.encode() + markup.body_utf8 + tail.encode()), context["job"]


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
