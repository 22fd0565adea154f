"""Reading views: the library, the reading page, one paragraph, the reading position."""
from flask import Blueprint, abort, redirect, render_template, request, url_for

from . import articles, importing, render, translate
from .db import get_db
from .errors import whole_number

bp = Blueprint("reader", __name__)


def block_views(db, article_id, blocks):
    """Return what the templates need per block: rendered text, paragraph ordinal, translation."""
    spans = render.collect_spans(db, article_id, blocks)
    cached = translate.cached_translations(db, [b["text"] for b in blocks])
    # Counted over the whole article: a single re-rendered paragraph keeps its number.
    ordinals = articles.paragraph_ordinals(db, article_id)
    views = []
    for b in blocks:
        views.append({
            **b,
            "article_id": article_id,
            "ordinal": ordinals.get(b["n"]),
            "html": render.render_text(b["text"], spans.get(b["n"], [])),
            "translation": cached.get(b["text"]),
        })
    return views


def load_article(article_id):
    """Return the article or answer 404 with a clear message."""
    article = articles.get_article(get_db(), article_id)
    if article is None:
        abort(404, f"There is no article {article_id}. It may have been deleted.")
    return article


def load_block(article_id, n, kinds=("heading", "paragraph", "boilerplate")):
    """Return block n of an existing article, or answer 404 with a clear message."""
    load_article(article_id)
    block = articles.get_block(get_db(), article_id, n)
    if block is None or block["kind"] not in kinds:
        abort(404, f"This article has no paragraph {n}.")
    return block


@bp.get("/")
def index():
    article_id = articles.last_read_article(get_db())
    if article_id is None:
        return redirect(url_for("reader.library"))
    return redirect(url_for("reader.read", article_id=article_id))


@bp.get("/articles")
def library():
    return render_template("library.html", articles=articles.list_articles(get_db()))


@bp.post("/articles")
def create():
    text, title = request.form.get("text", ""), request.form.get("title")
    source, source_url = request.form.get("source") or None, None
    upload, url = request.files.get("file"), request.form.get("url", "").strip()
    try:
        if upload and upload.filename:
            text, found_title = importing.text_from_upload(upload.filename, upload.read(importing.MAX_BYTES + 1))
            title = title or found_title
        elif url:
            text, found_title, host = importing.text_from_url(url)
            title, source, source_url = title or found_title, source or host, url
        article_id = articles.create_article(get_db(), text, title=title, source=source, source_url=source_url)
    except articles.ArticleError as e:
        abort(400, str(e))
    return redirect(url_for("reader.read", article_id=article_id), code=303)


@bp.get("/articles/<int:article_id>")
def read(article_id):
    db = get_db()
    article = load_article(article_id)
    blocks = block_views(db, article_id, articles.get_blocks(db, article_id))
    body = [b for b in blocks if b["kind"] != "boilerplate"]
    return render_template(
        "reader.html",
        article=article,
        blocks=body,
        chrome=[b for b in blocks if b["kind"] == "boilerplate"],
        total=sum(1 for b in body if b["kind"] == "paragraph"),
        position=articles.get_position(db, article_id),
    )


@bp.get("/articles/<int:article_id>/p/<int:n>")
def paragraph(article_id, n):
    block = load_block(article_id, n)
    return render_template("_paragraph.html", block=block_views(get_db(), article_id, [block])[0])


@bp.post("/articles/<int:article_id>/position")
def position(article_id):
    db = get_db()
    load_article(article_id)
    n = whole_number(request.form.get("n"), "The reading position must be a paragraph number.")
    if articles.get_block(db, article_id, n) is None:
        abort(400, f"This article has no paragraph {n}.")
    articles.set_position(db, article_id, n)
    return "", 204
