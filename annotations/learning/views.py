"""Learning views: word status from the popover and in bulk, counts, listening, import, stats."""
import json

from flask import Blueprint, Response, abort, redirect, render_template, request, url_for

from ..db import get_db
from ..reading import articles
from ..web import htmx, load_article, settings, whole_number
from ..words import lemmas
from . import marking, speech, stats, status, transfer

bp = Blueprint("learning", __name__)

MAX_IMPORT_BYTES = 5 * 1024 * 1024


def _article_or_none(source):
    raw = source.get("article") or ""
    if not raw:
        return None
    article_id = whole_number(raw, f"The article must be a whole number (got {raw[:20]!r}).")
    load_article(article_id)
    return article_id


def _words_changed(resp, article_id, key):
    blocks = marking.blocks_with(get_db(), article_id, key) if article_id else []
    resp.headers["HX-Trigger"] = json.dumps({"randnotiz:words-changed": {"lemma": key, "blocks": blocks}})
    return resp


@bp.post("/words/status")
def set_status():
    db = get_db()
    article_id = _article_or_none(request.form)
    word = request.form.get("word", "")
    try:
        st, level = status.parse(request.form.get("status"))
        lemmas.wait(3.0)  # a write, not a page render: key it by its lemma when at all possible
        key = status.set_status(db, word, st, level)
    except status.StatusError as e:
        abort(400, str(e))
    if not htmx:
        return redirect(url_for("reader.read", article_id=article_id) if article_id
                        else url_for("learning.stats_page"), code=303)
    view = {"word": " ".join(word.split()), "key": key, **status.get(db, key),
            "saved_message": f"Now {status.label(st, level)}."}
    view["label"] = status.label(view["status"], view["level"])
    resp = Response(render_template("learning/_status.html", ls=view, article_id=article_id))
    return _words_changed(resp, article_id, key)


@bp.post("/articles/<int:article_id>/known")
def mark_known(article_id):
    db = get_db()
    load_article(article_id)
    lemmas.wait(3.0)
    status.set_many(db, marking.new_words(db, article_id), "known", article_id=article_id)
    return redirect(url_for("reader.read", article_id=article_id) + "#article-learning", code=303)


@bp.post("/learning/undo/<int:batch_id>")
def undo(batch_id):
    db = get_db()
    rows = list(db.query("SELECT article_id FROM status_batches WHERE id = ?", [batch_id]))
    try:
        status.undo_batch(db, batch_id)
    except status.StatusError as e:
        abort(404 if not rows else 409, str(e))
    article_id = rows[0]["article_id"]
    if article_id and articles.get_article(db, article_id):
        return redirect(url_for("reader.read", article_id=article_id) + "#article-learning", code=303)
    return redirect(url_for("learning.stats_page"), code=303)


@bp.get("/articles/<int:article_id>/counts")
def counts(article_id):
    db = get_db()
    load_article(article_id)
    compact = request.args.get("compact") == "1"
    # The reading page's summary line (all a phone shows while the counts are folded) comes along.
    return render_template("learning/_counts.html", c=marking.article_counts(db, article_id), article_id=article_id,
                           compact=compact, undo=None if compact else status.last_batch(db, article_id),
                           oob=not compact)


@bp.get("/articles/<int:article_id>/word-status.json")
def word_classes(article_id):
    load_article(article_id)
    classes, places = marking.paint(get_db(), article_id)
    return {"lemmatised": lemmas.ready(), "classes": classes, "places": places}


@bp.get("/speech.wav")
def speak():
    db, espeak = get_db(), settings().espeak
    try:
        text = speech.check_text(request.args.get("text", ""))
    except speech.SpeechError as e:
        abort(400, str(e))
    if speech.cached(db, text) is None and not speech.available(espeak):
        abort(404, speech.unavailable_reason(espeak))
    try:
        audio = speech.speak(db, text, espeak)
    except speech.SpeechError as e:
        abort(502, str(e))
    # The same text always sounds the same: let the browser keep it.
    return Response(audio, mimetype="audio/wav", headers={"Cache-Control": "private, max-age=31536000"})


@bp.get("/stats")
def stats_page():
    return render_template("learning/stats.html", s=stats.overview(get_db()), message=None)


@bp.post("/learning/import")
def import_words():
    db = get_db()
    upload = request.files.get("file")
    if upload and upload.filename:
        raw = upload.read(MAX_IMPORT_BYTES + 1)
        if len(raw) > MAX_IMPORT_BYTES:
            abort(413, f"The file is too large to import (the limit is {MAX_IMPORT_BYTES // (1024 * 1024)} MB).")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            abort(400, "Nothing was imported: the file is not UTF-8 text.")
    else:
        text = request.form.get("words", "")
    try:
        rows = transfer.parse(text)
        lemmas.wait(3.0)
        changed = transfer.import_words(db, rows)
    except (transfer.TransferError, status.StatusError) as e:
        abort(400, str(e))
    message = f"Imported {len(rows)} words; {changed} changed status."
    return render_template("learning/stats.html", s=stats.overview(db), message=message,
                           undo=status.last_batch(db, kind="import"))
