"""Highlights and notes: validated, atomic storage of annotations anchored to paragraph text.

An annotation is anchored by W3C-style selectors: the block number (paragraph), start/end in
code points within the block, the exact quote and ~32 characters of prefix and suffix. When
an article's text changes, reanchor_article finds each annotation again (see anchoring.py);
nothing is ever dropped: what cannot be found becomes an "orphan" that keeps its quote.
An annotation another client made on another page has no article (article_id NULL); its
target is kept as sent (target_json) and it is listed apart (list_elsewhere).
"""
import contextlib
import json
import re
import uuid

from sqlite_utils import Migrations

from ..common import now
from ..sqlite import cascade_delete, rebuild
from . import anchoring, markdown
from ..reading import articles
from ..reading.render import Span

migrations = Migrations("randnotiz.highlights")

COLORS = ("yellow", "green", "blue", "red", "purple")
STATUSES = ("anchored", "moved", "fuzzy", "orphan")
MOTIVATIONS = ("highlighting", "commenting", "tagging")
MAX_NOTE_CHARS = 10_000
MAX_TAGS = 20
MAX_TAG_CHARS = 50
MAX_QUOTE_CHARS = 20_000


class _Unset:
    def __repr__(self):
        return "UNSET"


UNSET = _Unset()


class AnnotationError(ValueError):
    """Raised for a write that would store something wrong; the message is for the reader."""


class AnnotationNotFound(AnnotationError):
    """Raised when the annotation does not exist (or is deleted); views answer 404."""


@migrations()
def m001_highlights(db):
    db["highlights"].create(
        {
            "id": str,
            "article_id": int,
            "block_n": int,  # NULL for orphans
            "start_cp": int,
            "end_cp": int,
            "exact": str,
            "prefix": str,
            "suffix": str,
            "scope": str,  # "text" (a span) or "paragraph" (a note on a whole paragraph)
            "color": str,
            "note": str,
            "note_language": str,
            "tags": str,  # JSON list
            "motivation": str,
            "status": str,
            "created": str,
            "modified": str,
            "deleted": str,  # soft delete: timestamp, NULL when live
            "canonical": str,
            "via": str,
            "foreign_json": str,  # the raw JSON-LD of an annotation made by another client
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
        not_null={"article_id", "exact", "prefix", "suffix", "scope", "color", "tags",
                  "motivation", "status", "created", "modified"},
        defaults={"prefix": "", "suffix": "", "scope": "text", "color": "yellow", "tags": "[]",
                  "motivation": "highlighting", "status": "anchored"},
    )
    db["highlights"].create_index(["article_id", "block_n"])


@migrations()
def m002_cascade(db):
    # Notes belong to their article and go with it (the vocabulary keeps its words).
    cascade_delete(db, "highlights", "article_id")


@migrations()
def m003_foreign_targets(db):
    # A standard client may annotate any web page, not only an article here: such an annotation
    # has no article (NULL) and keeps the target it was given, as JSON, in target_json.
    rebuild(db, "highlights", lambda sql: re.sub(r'("article_id"|\[article_id\]) INTEGER NOT NULL',
                                                 r"\1 INTEGER", sql, count=1))
    if "target_json" not in db["highlights"].columns_dict:
        db["highlights"].add_column("target_json", str)


def new_id():
    """Return a fresh, stable annotation id."""
    return uuid.uuid4().hex


# --- validation --------------------------------------------------------------

def check_color(color):
    """Return the colour if it is in the palette, else raise AnnotationError."""
    if color not in COLORS:
        raise AnnotationError(f"Unknown colour {str(color)[:30]!r}: choose one of {', '.join(COLORS)}.")
    return color


def check_note(note):
    """Return the note (None if blank) if it is a string within the length limit."""
    if note is None:
        return None
    if not isinstance(note, str):
        raise AnnotationError("A note must be text.")
    if len(note) > MAX_NOTE_CHARS:
        raise AnnotationError(f"The note is too long ({len(note):,} characters; the limit is {MAX_NOTE_CHARS:,}).")
    note = note.replace("\r\n", "\n")
    return note if note.strip() else None


def check_tags(tags):
    """Return tags cleaned (trimmed, de-duplicated, in order); a string is split on commas."""
    if tags is None:
        return []
    if isinstance(tags, str):
        tags = tags.split(",")
    if not isinstance(tags, (list, tuple)) or not all(isinstance(t, str) for t in tags):
        raise AnnotationError("Tags must be a list of words.")
    out = []
    for t in tags:
        t = re.sub(r"\s+", " ", t).strip()
        if not t:
            continue
        if len(t) > MAX_TAG_CHARS:
            raise AnnotationError(f"The tag {t[:20]!r}… is too long (the limit is {MAX_TAG_CHARS} characters).")
        if t not in out:
            out.append(t)
    if len(out) > MAX_TAGS:
        raise AnnotationError(f"Too many tags ({len(out)}; the limit is {MAX_TAGS}).")
    return out


def _check_offsets(block, start, end, exact):
    text = block["text"]
    for name, v in (("start", start), ("end", end)):
        if not isinstance(v, int) or isinstance(v, bool):
            raise AnnotationError(f"The {name} offset must be a whole number.")
    if not 0 <= start < end <= len(text):
        raise AnnotationError(
            f"The selection {start}–{end} is not inside paragraph {block['n']} (0–{len(text)}); "
            "select text within one paragraph.")
    if end - start > MAX_QUOTE_CHARS:
        raise AnnotationError(f"The selection is too long (the limit is {MAX_QUOTE_CHARS:,} characters).")
    if exact != text[start:end]:
        raise AnnotationError(
            "The selected text does not match the paragraph at those offsets; reload the page and select again.")


def _block(db, article_id, block_n):
    if articles.get_article(db, article_id) is None:
        raise AnnotationNotFound(f"There is no article {article_id}.")
    if not isinstance(block_n, int) or isinstance(block_n, bool):
        raise AnnotationError("The paragraph number must be a whole number.")
    block = articles.get_block(db, article_id, block_n)
    if block is None:
        raise AnnotationError(f"This article has no paragraph {block_n}.")
    return block


def motivation_for(note, tags):
    """Return the W3C motivation an annotation with this note and these tags has."""
    if note:
        return "commenting"
    return "tagging" if tags else "highlighting"


# --- rows <-> dicts ------------------------------------------------------------

def to_dict(row):
    """Return the public dict of a highlights row."""
    return {
        "id": row["id"],
        "article_id": row["article_id"],
        "block_n": row["block_n"],
        "start": row["start_cp"],
        "end": row["end_cp"],
        "exact": row["exact"],
        "prefix": row["prefix"],
        "suffix": row["suffix"],
        "scope": row["scope"],
        "color": row["color"],
        "note": row["note"],
        "note_html": markdown.render(row["note"]),
        "note_language": row["note_language"],
        "tags": json.loads(row["tags"] or "[]"),
        "motivation": row["motivation"],
        "status": row["status"],
        "created": row["created"],
        "modified": row["modified"],
        "deleted": row["deleted"],
        "canonical": row["canonical"],
        "via": row["via"],
        "foreign": json.loads(row["foreign_json"]) if row["foreign_json"] else None,
        "target": json.loads(row["target_json"]) if row.get("target_json") else None,
    }


def _row(db, annotation_id):
    if not isinstance(annotation_id, str):
        return None
    rows = list(db.query("SELECT * FROM highlights WHERE id = ?", [annotation_id]))
    return rows[0] if rows else None


def get(db, annotation_id, *, include_deleted=False):
    """Return the annotation as a dict, or None (deleted ones only with include_deleted)."""
    row = _row(db, annotation_id)
    if row is None or (row["deleted"] and not include_deleted):
        return None
    return to_dict(row)


def _live(db, annotation_id):
    row = _row(db, annotation_id)
    if row is None or row["deleted"]:
        raise AnnotationNotFound("This annotation does not exist (it may have been deleted).")
    return row


# --- writes -------------------------------------------------------------------

def insert_row(db, record):
    """Insert a fully validated row dict (used by create and by import); return its dict."""
    db["highlights"].insert(record)
    return get(db, record["id"], include_deleted=True)


def create(db, article_id, block_n, start, end, exact, *, color="yellow", note=None, tags=(),
           note_language="en"):
    """Store a highlight on block_n[start:end] (code points) after checking every part; return it."""
    color = check_color(color)
    note = check_note(note)
    tags = check_tags(tags)
    with db.atomic():
        block = _block(db, article_id, block_n)
        _check_offsets(block, start, end, exact)
        exact, prefix, suffix = anchoring.quote_selector(block["text"], start, end)
        stamp = now()
        return insert_row(db, {
            "id": new_id(), "article_id": article_id, "block_n": block_n,
            "start_cp": start, "end_cp": end, "exact": exact, "prefix": prefix, "suffix": suffix,
            "scope": "text", "color": color, "note": note, "note_language": note_language,
            "tags": json.dumps(tags, ensure_ascii=False), "motivation": motivation_for(note, tags),
            "status": "anchored", "created": stamp, "modified": stamp, "deleted": None,
            "canonical": None, "via": None, "foreign_json": None,
        })


def create_paragraph_note(db, article_id, block_n, note, *, tags=(), color="yellow", note_language="en"):
    """Store a note on a whole paragraph; return it."""
    color = check_color(color)
    note = check_note(note)
    tags = check_tags(tags)
    if note is None and not tags:
        raise AnnotationError("A paragraph note needs some text (or tags).")
    with db.atomic():
        block = _block(db, article_id, block_n)
        stamp = now()
        text = block["text"]
        return insert_row(db, {
            "id": new_id(), "article_id": article_id, "block_n": block_n,
            "start_cp": 0, "end_cp": len(text), "exact": text, "prefix": "", "suffix": "",
            "scope": "paragraph", "color": color, "note": note, "note_language": note_language,
            "tags": json.dumps(tags, ensure_ascii=False), "motivation": motivation_for(note, tags),
            "status": "anchored", "created": stamp, "modified": stamp, "deleted": None,
            "canonical": None, "via": None, "foreign_json": None,
        })


def update(db, annotation_id, *, color=UNSET, note=UNSET, tags=UNSET):
    """Change the colour, note or tags of a live annotation; return it."""
    changes = {}
    if color is not UNSET:
        changes["color"] = check_color(color)
    if note is not UNSET:
        changes["note"] = check_note(note)
    if tags is not UNSET:
        changes["tags"] = json.dumps(check_tags(tags), ensure_ascii=False)
    with db.atomic():
        row = _live(db, annotation_id)
        if not changes:
            return to_dict(row)
        merged = {**row, **changes}
        tag_list = json.loads(merged["tags"])
        if row["scope"] == "paragraph" and not merged["note"] and not tag_list:
            raise AnnotationError("A paragraph note needs some text (or tags); delete it instead.")
        changes["motivation"] = motivation_for(merged["note"], tag_list)
        changes["modified"] = now()
        db["highlights"].update(annotation_id, changes)
    return get(db, annotation_id)


def delete(db, annotation_id):
    """Soft-delete an annotation so that restore can bring it back exactly; return it."""
    with db.atomic():
        _live(db, annotation_id)
        db["highlights"].update(annotation_id, {"deleted": now()})
    return get(db, annotation_id, include_deleted=True)


def restore(db, annotation_id):
    """Undo a delete: the annotation comes back as it was; return it."""
    with db.atomic():
        row = _row(db, annotation_id)
        if row is None:
            raise AnnotationNotFound("This annotation does not exist.")
        if row["deleted"]:
            db["highlights"].update(annotation_id, {"deleted": None})
    return get(db, annotation_id)


def confirm(db, annotation_id):
    """Accept a fuzzy (or moved) re-anchoring as right: the annotation becomes anchored."""
    with db.atomic():
        row = _live(db, annotation_id)
        if row["status"] == "orphan":
            raise AnnotationError("An orphaned annotation has no place in the text to confirm.")
        if row["status"] != "anchored":
            db["highlights"].update(annotation_id, {"status": "anchored", "modified": now()})
    return get(db, annotation_id)


# --- reads --------------------------------------------------------------------

def list_for_article(db, article_id, *, color=None, tag=None):
    """Return live annotations in reading order (block, start); orphans last."""
    rows = db.query(
        """SELECT * FROM highlights WHERE article_id = ? AND deleted IS NULL
           ORDER BY block_n IS NULL, block_n, start_cp, end_cp, created, id""",
        [article_id],
    )
    out = []
    for row in rows:
        if color and row["color"] != color:
            continue
        d = to_dict(row)
        if tag and tag not in d["tags"]:
            continue
        out.append(d)
    return out


def list_all(db):
    """Return every live annotation, by article then reading order."""
    return [to_dict(r) for r in db.query(
        """SELECT * FROM highlights WHERE deleted IS NULL
           ORDER BY article_id, block_n IS NULL, block_n, start_cp, end_cp, created, id""")]


def list_elsewhere(db):
    """Return live annotations on other pages (no article here), newest first."""
    return [to_dict(r) for r in db.query(
        "SELECT * FROM highlights WHERE article_id IS NULL AND deleted IS NULL ORDER BY created DESC, id")]


def count_elsewhere(db):
    """Return how many live annotations are on other pages."""
    return db["highlights"].count_where("article_id IS NULL AND deleted IS NULL")


def target_links(a):
    """Return the web addresses an annotation on another page names (http and https only)."""
    out = []
    for target in a["target"] if isinstance(a["target"], list) else [a["target"]]:
        source = target if isinstance(target, str) else (target or {}).get("source", (target or {}).get("id"))
        if isinstance(source, str) and source.lower().startswith(("http://", "https://")) and source not in out:
            out.append(source)
    return out


def panel(db, article_id, color="", tag=""):
    """Return what the side panel shows: annotations (filtered), orphans, filter options."""
    everything = list_for_article(db, article_id)
    chosen = [a for a in everything if (not color or a["color"] == color) and (not tag or tag in a["tags"])]
    return {
        "article_id": article_id,
        "anchored": [a for a in chosen if a["status"] != "orphan"],
        "orphans": [a for a in chosen if a["status"] == "orphan"],
        "total": len(everything),
        "tags": sorted({t for a in everything for t in a["tags"]}, key=str.casefold),
        "colors": COLORS,
        "color": color,
        "tag": tag,
        "ordinals": articles.paragraph_ordinals(db, article_id) if everything else {},
    }


def paragraph_notes(db, article_id):
    """Return {block_n: [notes on the whole paragraph]} of an article, in reading order."""
    grouped = {}
    for row in db.query(
            """SELECT * FROM highlights WHERE article_id = ? AND deleted IS NULL AND scope = 'paragraph'
               ORDER BY block_n, created, id""", [article_id]):
        grouped.setdefault(row["block_n"], []).append(to_dict(row))
    return grouped


def tags_for_article(db, article_id):
    """Return the sorted distinct tags used in an article."""
    return sorted({t for a in list_for_article(db, article_id) for t in a["tags"]}, key=str.casefold)


def count_for_article(db, article_id):
    """Return how many live annotations an article has."""
    return db["highlights"].count_where("article_id = ? AND deleted IS NULL", [article_id])


def status_counts(db, article_id):
    """Return {status: count} of the article's live annotations (every status present)."""
    counts = dict.fromkeys(STATUSES, 0)
    for row in db.query(
        "SELECT status, count(*) AS c FROM highlights WHERE article_id = ? AND deleted IS NULL GROUP BY status",
        [article_id],
    ):
        counts[row["status"]] = row["c"]
    return counts


def spans(db, article_id, blocks):
    """Return {block_n: [Span]} marking every live text highlight in these blocks."""
    wanted = {b["n"]: len(b["text"]) for b in blocks}
    ns = list(wanted)
    out = {}
    # Only the wanted blocks' rows (index on article_id, block_n): re-rendering the one paragraph
    # just highlighted must not read every highlight of the article.
    rows = (row for i in range(0, len(ns), 500) for row in db.query(
        f"""SELECT id, block_n, start_cp, end_cp, color, note, status FROM highlights
           WHERE article_id = ? AND block_n IN ({', '.join('?' * len(ns[i:i + 500]))})
           AND deleted IS NULL AND scope = 'text' ORDER BY block_n, start_cp""",
        [article_id, *ns[i:i + 500]]))
    for row in rows:
        n = row["block_n"]
        if row["end_cp"] > wanted[n]:
            continue
        classes = ["hl", f"hl-{row['color']}"]
        if row["note"]:
            classes.append("hl-note")
        if row["status"] == "fuzzy":
            classes.append("hl-fuzzy")
        out.setdefault(n, []).append(Span(
            row["start_cp"], row["end_cp"], classes=tuple(classes), data=(("hl", row["id"]),), mark=True))
    return out


# --- re-anchoring ---------------------------------------------------------------

EDIT_ATTEMPTS = 3


def edit_text(db, article_id, text, *, title=None):
    """Replace an article's text (and title) and re-anchor its highlights, all or nothing.

    Matching thousands of highlights against a long text takes seconds, so it runs outside the
    write lock on a snapshot; the short write re-reads the highlights and places only those
    that changed meanwhile (a few, the reader's own clicks). Should the text itself have been
    edited meanwhile, it plans again (a last attempt plans under the lock).
    """
    _title, structured = articles.structure(text)
    new_blocks = [{"n": n, "kind": b.kind, "text": b.text} for n, b in enumerate(structured, start=1)]
    # Inside a caller's transaction the lock is held already: plan and write at once.
    for attempt in range(EDIT_ATTEMPTS):
        # The last attempt (or one inside a caller's transaction) holds the lock throughout.
        last = attempt == EDIT_ATTEMPTS - 1 or db.conn.in_transaction
        with db.atomic() if last else contextlib.nullcontext():
            with contextlib.nullcontext() if last else _reading(db):
                old_blocks, rows = _edit_snapshot(db, article_id)
            reanchorer = anchoring.Reanchorer([b["text"] for b in old_blocks], [b["text"] for b in new_blocks])
            placed = _reanchor_plan(reanchorer, old_blocks, rows, new_blocks)
            with db.atomic():
                blocks_now, rows_now = _edit_snapshot(db, article_id)
                if blocks_now != old_blocks:
                    continue  # the text was edited meanwhile: plan again against it
                before = {row["id"]: row for row in rows}
                changed = [row for row in rows_now if before.get(row["id"]) != row]
                placed.update(_reanchor_plan(reanchorer, old_blocks, changed, new_blocks))
                current = {row["id"] for row in rows_now}
                results = [result for hid, result in placed.items() if hid in current]
                articles.write_blocks(db, article_id, structured)
                if title is not None:
                    db["articles"].update(article_id, {"title": title})
                _write_reanchored(db, [update for update, _status, _deleted in results if update])
                return _status_counts(results)
    raise AssertionError("unreachable: the last attempt plans under the lock")


def _status_counts(results):
    counts = dict.fromkeys(STATUSES, 0)
    for _update, status, deleted in results:
        if not deleted:
            counts[status] += 1
    return counts


@contextlib.contextmanager
def _reading(db):
    """Read a consistent snapshot (a deferred transaction takes no write lock)."""
    db.execute("BEGIN")
    try:
        yield
    finally:
        if db.conn.in_transaction:
            db.conn.rollback()


def _edit_snapshot(db, article_id):
    blocks = articles.get_blocks(db, article_id)
    rows = list(db.query("SELECT * FROM highlights WHERE article_id = ? ORDER BY id", [article_id]))
    return blocks, rows


def reanchor_article(db, article_id, old_blocks, new_blocks):
    """Find every annotation of the article again after its text changed; return status counts."""
    # Deleted ones too, so that an undo after an edit restores them in the right place.
    rows = list(db.query("SELECT * FROM highlights WHERE article_id = ?", [article_id]))
    reanchorer = anchoring.Reanchorer([b["text"] for b in old_blocks], [b["text"] for b in new_blocks])
    results = list(_reanchor_plan(reanchorer, old_blocks, rows, new_blocks).values())
    with db.atomic():
        _write_reanchored(db, [update for update, _status, _deleted in results if update])
    return _status_counts(results)


def _write_reanchored(db, updates):
    # One statement for all rows: a thousand sqlite-utils update() calls take seconds.
    db.conn.executemany(
        "UPDATE highlights SET block_n = ?, start_cp = ?, end_cp = ?, exact = ?, prefix = ?, suffix = ?,"
        " status = ?, modified = ? WHERE id = ?", updates)


def _reanchor_plan(reanchorer, old_blocks, rows, new_blocks):
    """Return {id: (UPDATE parameters or None, status, deleted)} placing rows in new_blocks."""
    old_index = {b["n"]: i for i, b in enumerate(old_blocks)}
    new_texts = [b["text"] for b in new_blocks]
    stamp = now()
    placed = {}
    for row in rows:
        if row["scope"] == "paragraph":
            found = _reanchor_paragraph(reanchorer, old_index.get(row["block_n"]), row)
        elif row["block_n"] in old_index:
            found = reanchorer.anchor(old_index[row["block_n"]], row["start_cp"], row["end_cp"],
                                      row["exact"], row["prefix"], row["suffix"])
        else:
            # An orphan (or a row whose block vanished): look for its quote anywhere.
            found = anchoring.locate(new_texts, row["exact"], row["prefix"], row["suffix"])
        status = found.status
        # A fuzzy match the reader has not confirmed stays flagged even if this edit left it alone.
        if row["status"] == "fuzzy" and status in ("anchored", "moved"):
            status = "fuzzy"
        if row["status"] == "orphan" and status == "anchored":
            status = "moved"
        if found.index is None:
            status = "orphan"
            changes = {"block_n": None, "start_cp": None, "end_cp": None, "exact": row["exact"],
                       "prefix": row["prefix"], "suffix": row["suffix"], "status": status}
        else:
            changes = {"block_n": new_blocks[found.index]["n"], "start_cp": found.start, "end_cp": found.end,
                       "exact": found.exact, "prefix": found.prefix, "suffix": found.suffix, "status": status}
        update = [*changes.values(), stamp, row["id"]] if any(row[k] != v for k, v in changes.items()) else None
        placed[row["id"]] = (update, status, row["deleted"])
    return placed


def _reanchor_paragraph(reanchorer, old_idx, row):
    """A paragraph note follows its paragraph: identical text, else the most similar nearby one."""
    texts = reanchorer.new_texts
    if old_idx is not None:
        found = reanchorer.anchor(old_idx, 0, len(row["exact"]), row["exact"], "", "")
    else:
        found = anchoring.locate(texts, row["exact"])
    if found.index is not None:
        # Merged paragraphs: the note covers the whole new paragraph.
        text = texts[found.index]
        if found.status == "anchored" and text != row["exact"]:
            found.status = "moved"
        found.start, found.end, found.exact, found.prefix, found.suffix = 0, len(text), text, "", ""
    return found
