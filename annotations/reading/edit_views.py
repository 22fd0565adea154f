"""Editing an article: change its text (annotations are re-anchored, never lost) or delete it."""
from flask import Blueprint, abort, redirect, render_template, request, url_for

from ..db import get_db
from ..notes import highlights
from ..web import load_article
from . import articles

bp = Blueprint("editing", __name__)


def _structured_text(title, text):
    # A Markdown heading always structures as a heading, so the title is taken off the top
    # and the reader's first block (even a sub-heading) stays a block.
    return f"# {title}\n\n{text}"


@bp.get("/articles/<int:article_id>/edit")
def edit(article_id):
    article = load_article(article_id)
    return render_template("reading/article_edit.html", article=article,
                           text=articles.editable_text(get_db(), article_id), title=article["title"])


@bp.post("/articles/<int:article_id>/edit")
def save(article_id):
    db = get_db()
    article = load_article(article_id)
    text = request.form.get("text", "")
    title = " ".join(request.form.get("title", "").split()) or article["title"]
    if not text.strip():
        return _refuse(article, title, text, "The text is empty. To remove the article, use Delete instead.")
    if len(title) > 300:
        return _refuse(article, title, text, "The title is too long (the limit is 300 characters).")
    try:
        with db.atomic():
            highlights.edit_text(db, article_id, _structured_text(title, text))
            db["articles"].update(article_id, {"title": title})
    except articles.ArticleError as e:
        return _refuse(article, title, text, str(e))
    return render_template("reading/article_edit.html", article=articles.get_article(db, article_id), title=title,
                           text=articles.editable_text(db, article_id),
                           counts=highlights.status_counts(db, article_id))


def _refuse(article, title, text, message):
    """Show the form again with the reader's text kept and the reason, as a 400."""
    return render_template("reading/article_edit.html", article=article, title=title, text=text, error=message), 400


@bp.get("/articles/<int:article_id>/delete")
def confirm_delete(article_id):
    article = load_article(article_id)
    return render_template("reading/article_delete.html", article=article,
                           count=highlights.count_for_article(get_db(), article_id))


@bp.post("/articles/<int:article_id>/delete")
def delete(article_id):
    load_article(article_id)
    if request.form.get("confirm") != "yes":
        abort(400, "Confirm the deletion on the delete page first.")
    articles.delete_article(get_db(), article_id)
    return redirect(url_for("reader.library"), code=303)
