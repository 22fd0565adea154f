"""Reading views: the library, the reading page, one paragraph, the reading position."""
from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for

from . import articles, render, translate
from .db import get_db

bp = Blueprint("reader", __name__)

MAX_UPLOAD_TEXT = 2_000_000


def block_views(db, article_id, blocks):
    """Return what the templates need per block: rendered text, paragraph ordinal, translation."""
    spans = render.collect_spans(db, article_id, blocks)
    cached = translate.cached_translations(db, [b["text"] for b in blocks])
    views, ordinal = [], 0
    for b in blocks:
        if b["kind"] == "paragraph":
            ordinal += 1
        views.append({
            **b,
            "article_id": article_id,
            "ordinal": ordinal if b["kind"] == "paragraph" else None,
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
    text = request.form.get("text", "")
    upload = request.files.get("file")
    if upload and upload.filename:
        raw = upload.read(MAX_UPLOAD_TEXT + 1)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            abort(400, "The uploaded file is not UTF-8 text. Save it as UTF-8 plain text and try again.")
    try:
        article_id = articles.create_article(
            get_db(), text, title=request.form.get("title"),
            source=request.form.get("source") or None,
        )
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
        provider=current_app.config["TRANSLATOR"],
    )


@bp.get("/articles/<int:article_id>/p/<int:n>")
def paragraph(article_id, n):
    db = get_db()
    load_article(article_id)
    block = articles.get_block(db, article_id, n)
    if block is None:
        abort(404, f"This article has no paragraph {n}.")
    return render_template("_paragraph.html", block=block_views(db, article_id, [block])[0])


@bp.post("/articles/<int:article_id>/position")
def position(article_id):
    db = get_db()
    load_article(article_id)
    raw = request.form.get("n", "")
    if not raw.isdigit():
        abort(400, "The reading position must be a paragraph number.")
    if articles.get_block(db, article_id, int(raw)) is None:
        abort(400, f"This article has no paragraph {raw}.")
    articles.set_position(db, article_id, int(raw))
    return "", 204
