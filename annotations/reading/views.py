"""Reading views: the library, the reading page, one paragraph, the reading position."""
from flask import Blueprint, abort, redirect, render_template, request, url_for

from .. import paragraphs
from ..common import WORD_PATTERN
from ..db import get_db
from ..learning import marking, status
from ..notes import highlights, webanno
from ..translation import jobs
from ..web import load_article, load_block, settings, whole_number
from . import articles, fetch, formats

bp = Blueprint("reader", __name__)


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


@bp.get("/articles/<int:article_id>")
def read(article_id):
    db = get_db()
    article = load_article(article_id)
    ts = settings().translator
    blocks = paragraphs.block_views(db, article_id, articles.get_blocks(db, article_id), ts)
    body = [b for b in blocks if b["kind"] != "boilerplate"]
    return render_template(
        "reading/reader.html",
        article=article,
        blocks=body,
        chrome=[b for b in blocks if b["kind"] == "boilerplate"],
        total=sum(1 for b in body if b["kind"] in articles.TEXT_KINDS),
        position=articles.get_position(db, article_id),
        # The full page shows cached translations itself, so it asks for no fresh slots.
        job=jobs.job_state(db, article_id, ts, after=None),
        provider_label=ts.label,
        panel=highlights.panel(db, article_id),
        colors=highlights.COLORS,
        word_pattern=WORD_PATTERN,
        # In the page, not fetched after it: counts arriving later would move the text under a tap.
        counts=marking.article_counts(db, article_id),
        undo=status.last_batch(db, article_id),
    )


@bp.get("/articles/<int:article_id>/p/<int:n>")
def paragraph(article_id, n):
    block = load_block(article_id, n)
    view = paragraphs.block_views(get_db(), article_id, [block], settings().translator)[0]
    return render_template("reading/_paragraph.html", block=view)


@bp.post("/articles/<int:article_id>/position")
def position(article_id):
    db = get_db()
    load_article(article_id)
    n = whole_number(request.form.get("n"), "The reading position must be a paragraph number.")
    if articles.get_block(db, article_id, n) is None:
        abort(400, f"This article has no paragraph {n}.")
    articles.set_position(db, article_id, n)
    return "", 204
