"""Translation views: one paragraph on demand, and Translate all with progress and cancel."""
from flask import Blueprint, render_template, request

from .. import paragraph_html
from ..db import get_db
from ..reading import articles
from ..web import load_article, load_block, settings, whole_number
from . import jobs, translate

bp = Blueprint("translate_views", __name__)


def _block_view(article_id, block, translation=None):
    return {**block, "article_id": article_id, "translation": translation}


@bp.post("/articles/<int:article_id>/p/<int:n>/translation")
def translation(article_id, n):
    """Answer the paragraph's translation slot: the English, shown, or the error and a Retry."""
    db = get_db()
    block = load_block(article_id, n)
    view = _block_view(article_id, block)
    try:
        view["translation"] = translate.translate(db, block["text"], settings().translator)
    except translate.TranslationError as e:
        return paragraph_html.translation(view, error=e), e.status
    return paragraph_html.translation(view, shown=True)


def _after():
    return whole_number(request.args.get("after", "0"), "The progress position ‘after’ must be a whole number.")


def _progress(article_id, after, status=200, as_page=False, focus=False):
    """Render the Translate all bar plus every slot whose paragraph was translated since `after`.

    `as_page`: the bar as the reading page shows it (jobs.shown_state), with no slots.
    `focus`: the Translate all button takes the focus (htmx honours autofocus in what it swaps in),
    where the button the keyboard was on has just been swapped away (Dismiss).
    A failed paragraph keeps its Translate button: the bar tells the cause once, with Retry,
    rather than one alert per paragraph. With `fold=1` (the reader's remembered choice) the
    translations arrive folded.
    """
    db = get_db()
    article = load_article(article_id)
    if as_page:
        job = jobs.shown_state(db, article_id, settings().translator)
    else:
        job = jobs.job_state(db, article_id, settings().translator, after=after)
    shown = request.values.get("fold") != "1"
    slots = []
    if job and job["fresh"]:
        blocks = {b["n"]: b for b in articles.get_blocks(db, article_id)}
        fresh = [f for f in job["fresh"] if f["n"] in blocks and f["status"] == "done"]
        cached = translate.cached_translations(db, [blocks[f["n"]]["text"] for f in fresh], settings().translator)
        for f in fresh:
            block = blocks[f["n"]]
            view = _block_view(article_id, block, cached.get(block["text"]))
            slots.append(paragraph_html.slot(view, shown=shown, oob=True))
    return render_template("translation/_translate_all.html", article=article, job=job, slots=slots,
                           provider_label=settings().translator.label, focus=focus), status


@bp.post("/articles/<int:article_id>/translate-all")
def translate_all(article_id):
    load_article(article_id)
    jobs.start_job(get_db(), settings().database, article_id, settings().translator)
    return _progress(article_id, after=0, status=202)


@bp.get("/articles/<int:article_id>/translate-all")
def translate_all_progress(article_id):
    return _progress(article_id, after=_after())


@bp.post("/articles/<int:article_id>/translate-all/cancel")
def translate_all_cancel(article_id):
    load_article(article_id)
    jobs.cancel_job(get_db(), article_id)
    return _progress(article_id, after=_after())


@bp.post("/articles/<int:article_id>/translate-all/dismiss")
def translate_all_dismiss(article_id):
    load_article(article_id)
    job_id = whole_number(request.values.get("job"), "Say which Translate all message to dismiss (job).")
    jobs.dismiss(get_db(), article_id, job_id)
    return _progress(article_id, after=None, as_page=True, focus=True)
