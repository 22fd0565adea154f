"""Highlight and note views for the reader: thin wrappers over annotations.highlights.

Every write answers an htmx request with the changed paragraphs (swapped out of band, so
one response can update several) and an `annotations-changed` event that refreshes the
side panel; a plain form post is redirected back to the paragraph. Bad input answers 400
with the store's message, unknown ids 404, and nothing is stored.
"""
from flask import Blueprint, abort, make_response, redirect, render_template, request, url_for

from ..db import get_db
from ..reading import articles
from ..web import htmx, load_article, load_block, page_or_fragment, paragraph_sections, whole_number
from . import anchoring, highlights

bp = Blueprint("highlight_views", __name__)

MAX_SEGMENTS = 50  # paragraphs one selection may cover
MAX_FILTER_CHARS = 100
CHANGED_EVENT = "annotations-changed"


# --- request parsing ---------------------------------------------------------------

def _whole(raw, what):
    return whole_number(raw, f"The {what} must be a whole number, not {(raw or '')[:20]!r}.")


def _segments(db, article_id):
    """Return [(block_n, start_cp, end_cp, exact)] from the form's UTF-16 offsets."""
    form = request.form
    blocks, starts, ends = form.getlist("block"), form.getlist("start"), form.getlist("end")
    exacts = form.getlist("exact")
    if not blocks:
        abort(400, "Select some text in a paragraph first.")
    if not len(blocks) == len(starts) == len(ends) == len(exacts):
        abort(400, "Each selected paragraph needs a block, start, end and quote.")
    if len(blocks) > MAX_SEGMENTS:
        abort(400, f"The selection covers too many paragraphs (the limit is {MAX_SEGMENTS}).")
    seen, out = set(), []
    for raw_n, raw_s, raw_e, exact in zip(blocks, starts, ends, exacts):
        n = _whole(raw_n, "paragraph number")
        if n in seen:
            abort(400, f"Paragraph {n} appears twice in one selection.")
        seen.add(n)
        block = articles.get_block(db, article_id, n)
        if block is None or block["kind"] == "boilerplate":
            abort(400, f"This article has no paragraph {n} to highlight.")
        try:
            start = anchoring.utf16_to_cp(block["text"], _whole(raw_s, "start offset"))
            end = anchoring.utf16_to_cp(block["text"], _whole(raw_e, "end offset"))
        except anchoring.OffsetError as e:
            abort(400, f"The selection is not inside paragraph {n}: {e}")
        out.append((n, start, end, exact))
    return out


def _tags(raw):
    """Split the comma-separated tags field; the store validates each tag."""
    return [t for t in (raw or "").split(",") if t.strip()]


def _filters():
    color = request.args.get("color", "").strip()
    tag = request.args.get("tag", "").strip()
    if color and color not in highlights.COLORS:
        abort(400, f"Unknown colour {color[:30]!r}: filter by one of {', '.join(highlights.COLORS)}.")
    if len(tag) > MAX_FILTER_CHARS:
        abort(400, f"The tag filter is too long (the limit is {MAX_FILTER_CHARS} characters).")
    return color, tag


def _annotation(hid, *, include_deleted=False):
    a = highlights.get(get_db(), hid, include_deleted=include_deleted)
    if a is None:
        abort(404, "This annotation does not exist (it may have been deleted).")
    if a["article_id"] is None:
        abort(404, "This annotation is on another page: change it through /annotations/.")
    return a


def _store(fn, *args, **kwargs):
    """Call a store write; its AnnotationError becomes a 400 (404 for a missing annotation)."""
    try:
        return fn(*args, **kwargs)
    except highlights.AnnotationNotFound as e:
        abort(404, str(e))
    except highlights.AnnotationError as e:
        abort(400, str(e))


# --- responses -----------------------------------------------------------------------

def _changed(article_id, block_ns, *, toast=None):
    """Answer a write: changed paragraphs out of band + panel refresh, or a redirect."""
    block_ns = sorted({n for n in block_ns if n is not None})
    if not htmx:
        anchor = f"#p-{block_ns[0]}" if block_ns else ""
        return redirect(url_for("reader.read", article_id=article_id) + anchor, code=303)
    db = get_db()
    blocks = [b for b in (articles.get_block(db, article_id, n) for n in block_ns) if b]
    parts = paragraph_sections(article_id, blocks, oob=True)
    parts.append(render_template("notes/_toast.html", toast=toast))
    resp = make_response("".join(parts))
    resp.headers["HX-Trigger"] = CHANGED_EVENT
    return resp


def _note_form(title, **context):
    """Render the note form (dialog body, or a page of its own without htmx)."""
    return page_or_fragment("notes/_note_form.html", title, colors=highlights.COLORS,
                            max_note=highlights.MAX_NOTE_CHARS, **context)


# --- routes --------------------------------------------------------------------------

@bp.post("/articles/<int:article_id>/highlights")
def create(article_id):
    db = get_db()
    load_article(article_id)
    segments = _segments(db, article_id)
    color = request.form.get("color", "yellow")
    note = request.form.get("note")
    tags = _tags(request.form.get("tags"))
    # One highlight per paragraph, all or nothing; the note goes on the first.
    with db.atomic():
        for i, (n, start, end, exact) in enumerate(segments):
            _store(highlights.create, db, article_id, n, start, end, exact,
                   color=color, note=note if i == 0 else None, tags=tags)
    return _changed(article_id, [s[0] for s in segments])


@bp.get("/articles/<int:article_id>/highlights/new")
def new_form(article_id):
    article = load_article(article_id)
    args = request.args
    fields = [(k, v) for k in ("block", "start", "end", "exact") for v in args.getlist(k)]
    color = args.get("color", "yellow")
    if color not in highlights.COLORS:
        color = "yellow"
    return _note_form("Add a note", article=article, annotation=None, fields=fields,
        action=url_for(".create", article_id=article_id), color=color,
        heading="Note on the selection", quote=" … ".join(args.getlist("exact")))


@bp.get("/articles/<int:article_id>/highlights/menu")
def menu(article_id):
    load_article(article_id)
    ids = request.args.get("ids", "").split()[:20]
    if not ids:
        abort(400, "Say which highlights to show (ids).")
    chosen = [a for a in highlights.list_for_article(get_db(), article_id) if a["id"] in ids]
    if not chosen:
        abort(404, "These highlights do not exist (they may have been deleted).")
    return render_template("notes/_menu.html", annotations=chosen, colors=highlights.COLORS)


@bp.get("/highlights/<hid>/edit")
def edit_form(hid):
    a = _annotation(hid)
    article = load_article(a["article_id"])
    heading = "Note on paragraph" if a["scope"] == "paragraph" else "Note on the highlight"
    return _note_form("Edit note", article=article, annotation=a, fields=[],
        action=url_for(".update", hid=hid), heading=heading,
        color=a["color"] if a["scope"] == "text" else None,
        quote=a["exact"] if a["scope"] == "text" else "")


@bp.post("/highlights/<hid>")
def update(hid):
    a = _annotation(hid)
    changes = {}
    if "color" in request.form:
        changes["color"] = request.form["color"]
    if "note" in request.form:
        changes["note"] = request.form["note"]
    if "tags" in request.form:
        changes["tags"] = _tags(request.form["tags"])
    if not changes:
        abort(400, "Nothing to change: send a colour, a note or tags.")
    _store(highlights.update, get_db(), hid, **changes)
    return _changed(a["article_id"], [a["block_n"]])


@bp.post("/highlights/<hid>/delete")
def delete(hid):
    a = _annotation(hid)
    _store(highlights.delete, get_db(), hid)
    what = "Paragraph note" if a["scope"] == "paragraph" else "Highlight"
    return _changed(a["article_id"], [a["block_n"]], toast={"id": hid, "what": what})


@bp.post("/highlights/<hid>/restore")
def restore(hid):
    a = _annotation(hid, include_deleted=True)
    restored = _store(highlights.restore, get_db(), hid)
    return _changed(a["article_id"], [a["block_n"], restored and restored["block_n"]])


@bp.post("/highlights/<hid>/confirm")
def confirm(hid):
    a = _annotation(hid)
    _store(highlights.confirm, get_db(), hid)
    return _changed(a["article_id"], [a["block_n"]])


@bp.get("/articles/<int:article_id>/p/<int:n>/note")
def paragraph_note_form(article_id, n):
    article = load_article(article_id)
    load_block(article_id, n, kinds=articles.TEXT_KINDS)
    return _note_form("Note on a paragraph", article=article, annotation=None, fields=[],
        action=url_for(".paragraph_note", article_id=article_id, n=n), color=None,
        heading="Note on the whole paragraph", quote="")


@bp.post("/articles/<int:article_id>/p/<int:n>/note")
def paragraph_note(article_id, n):
    db = get_db()
    load_block(article_id, n, kinds=articles.TEXT_KINDS)
    _store(highlights.create_paragraph_note, db, article_id, n, request.form.get("note"),
           tags=_tags(request.form.get("tags")))
    return _changed(article_id, [n])


@bp.get("/articles/<int:article_id>/annotations/panel")
def panel(article_id):
    article = load_article(article_id)
    color, tag = _filters()
    return page_or_fragment("notes/_list.html", "Annotations", article=article,
                             panel=highlights.panel(get_db(), article_id, color, tag))


@bp.get("/other-pages")
def other_pages():
    found = highlights.list_elsewhere(get_db())
    return render_template("notes/other_pages.html", annotations=found,
                           links={a["id"]: highlights.target_links(a) for a in found})
