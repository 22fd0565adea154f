"""Review views: the next due card, grading it (click or 1–4), Undo, the session summary, the due count."""
from flask import Blueprint, abort, redirect, render_template, request, url_for

from ..common import now
from ..db import get_db
from ..web import htmx, settings
from . import review, speech

bp = Blueprint("review", __name__)


def _since(source):
    """Return the session's start stamp from a form or query (or now, for a new session)."""
    raw = (source.get("since") or "").strip()
    if not raw:
        return now()
    if len(raw) != 20 or not raw.endswith("Z") or not raw[:4].isdigit():
        abort(400, "The review session's start time is malformed.")
    return raw


def _card_context(db, since, undone=None):
    review.ensure_cards(db)
    word = (undone and review.word_card(db, undone)) or review.next_card(db)
    return {"card": review.card_view(word) if word else None, "since": since,
            "summary": None if word else review.summary(db, since),
            "can_undo": review.has_reviews_since(db, since), "due": review.due_count(db), "undone": undone,
            "speech_reason": speech.unavailable_reason(settings().espeak)}


def _render(context):
    template = "learning/_card.html" if htmx else "learning/review.html"
    resp = render_template(template, **context)
    headers = {"HX-Trigger": "randnotiz:review-changed"} if htmx else {}
    return resp, 200, headers


@bp.get("/review")
def review_page():
    return render_template("learning/review.html", **_card_context(get_db(), _since(request.args)))


@bp.post("/review/grade")
def grade():
    db = get_db()
    since = _since(request.form)
    try:
        rating = review.parse_grade(request.form.get("grade"))
        review.grade(db, request.form.get("lemma", ""), rating, shown_due=request.form.get("due"))
    except review.AlreadyGraded:
        pass  # a double click or another tab: nothing changes, the reader gets the next card
    except review.ReviewError as e:
        abort(400, str(e))
    if not htmx:
        return redirect(url_for("review.review_page", since=since), code=303)
    return _render(_card_context(db, since))


@bp.post("/review/undo")
def undo():
    db = get_db()
    since = _since(request.form)
    try:
        lemma = review.undo_last(db, since)
    except review.ReviewError as e:
        abort(409, str(e))
    if not htmx:
        return redirect(url_for("review.review_page", since=since), code=303)
    return _render(_card_context(db, since, undone=lemma))


@bp.get("/review/count")
def count():
    return render_template("learning/_nav_count.html", due=review.due_count(get_db()))
