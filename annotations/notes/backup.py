"""Restore a Randnotiz JSON-LD export: articles (with their exact blocks) and annotations, atomically.

An article whose id is free keeps its id (so export -> import -> export is identical); one whose id
is taken by the same text is reused; otherwise it gets a new id and its annotations follow it.
Annotations keep their ids; live ones already present are skipped (importing twice changes nothing),
deleted ones come back from the backup.
A plain AnnotationCollection (or a list of annotations) imports too, and so does a Hypothesis export:
an annotation on an imported article's original page is anchored to the article by its quote.

A backup of thousands of annotations takes many seconds to anchor, so it is written in small
transactions (the reader's own clicks wait at most one batch); if any part is refused, what this
import already wrote is undone (articles, annotations and the learning part alike), so a failed
import still leaves the library as it was.
"""
from urllib.parse import urlsplit

from . import highlights, hypothesis, webanno
from .. import validation
from ..common import ARTICLE_PATH
from ..learning import review, transfer
from ..reading import articles
from .highlights import AnnotationError

MAX_ARTICLES = 10_000
MAX_ANNOTATIONS = 200_000
BATCH = 50  # annotations per transaction: ~0.1-0.3 s of the write lock


def _article_id(url):
    m = ARTICLE_PATH.search(urlsplit(url).path) if isinstance(url, str) else None
    if not m:
        raise AnnotationError(f"{str(url)[:80]!r} is not an article URL (…/articles/<id>).")
    if not validation.is_storable_int(int(m.group(1))):
        raise AnnotationError(f"{str(url)[:80]!r} names an article number too large to exist.")
    return int(m.group(1))


def _items(doc):
    """Return the annotation list of an export, a collection, a page, a list, one annotation, or Hypothesis rows."""
    found = hypothesis.rows(doc)
    if found is not None:
        return [hypothesis.to_w3c(row) for row in found]
    if isinstance(doc, list):
        return doc
    if not isinstance(doc, dict):
        raise AnnotationError("The file must hold a JSON object (an AnnotationCollection).")
    types = webanno._types(doc)
    if "Annotation" in types:
        return [doc]
    if "AnnotationPage" in types:
        return doc.get("items") or []
    first = doc.get("first")
    if "AnnotationCollection" not in types and not isinstance(first, dict):
        raise AnnotationError("The file is not an AnnotationCollection of W3C annotations.")
    if first is None:
        return []
    if not isinstance(first, dict) or not isinstance(first.get("items", []), list):
        raise AnnotationError("The collection's first page must be embedded with its items.")
    return first.get("items", [])


def _check_article(rec):
    if not isinstance(rec, dict):
        raise AnnotationError("Each exported article must be an object.")
    for key in ("title", "created", "modified"):
        if not isinstance(rec.get(key), str) or not rec[key]:
            raise AnnotationError(f"An exported article lacks its '{key}'.")
    blocks = rec.get("blocks")
    if not isinstance(blocks, list) or not blocks:
        raise AnnotationError(f"The article {rec['title'][:60]!r} has no text blocks.")
    total = 0
    for i, b in enumerate(blocks, start=1):
        if not isinstance(b, dict) or b.get("n") != i or b.get("kind") not in articles.KINDS \
                or not isinstance(b.get("text"), str) or not b["text"]:
            raise AnnotationError(f"Block {i} of {rec['title'][:60]!r} is malformed (needs n={i}, kind, text).")
        total += len(b["text"])
    if total > articles.MAX_TEXT_CHARS:
        raise AnnotationError(f"The article {rec['title'][:60]!r} is too long.")
    for key in ("source", "source_url", "language"):
        if rec.get(key) is not None and not isinstance(rec[key], str):
            raise AnnotationError(f"The article's '{key}' must be text.")
    try:
        # Rendered as a link on the reading page: only http(s) with a host, never credentials.
        if rec.get("source_url"):
            rec["source_url"] = validation.web_url(rec["source_url"], "article's source_url")
        if rec.get("language"):
            validation.language(rec["language"], "article's language")
        for key in ("created", "modified"):
            rec[key] = validation.timestamp(rec[key], key)
    except validation.InvalidInput as e:
        raise AnnotationError(f"{rec['title'][:60]!r}: {e}") from None


def _same_article(db, article_id, rec):
    art = articles.get_article(db, article_id)
    if art is None or art["title"] != rec["title"]:
        return False
    return [(b["kind"], b["text"]) for b in articles.get_blocks(db, article_id)] == \
        [(b["kind"], b["text"]) for b in rec["blocks"]]


def _restore_article(db, rec, undo):
    """Insert (or reuse) an exported article; return its id here; note in undo how to take it back."""
    old_id = _article_id(rec.get("id"))
    row = {"title": rec["title"][:300], "source": rec.get("source"), "source_url": rec.get("source_url"),
           "language": rec.get("language") or "de", "created": rec["created"], "modified": rec["modified"]}
    if _same_article(db, old_id, rec):
        # The same text (typically the bundled article, seeded anew in the fresh database):
        # keep it, but restore the backup's metadata so a restore is exact, timestamps included.
        undo.updated.append(articles.get_article(db, old_id))
        db["articles"].update(old_id, row)
        return old_id
    if articles.get_article(db, old_id) is None:
        row["id"] = old_id
    new_id = db["articles"].insert(row).last_pk
    db["blocks"].insert_all({"article_id": new_id, "n": b["n"], "kind": b["kind"], "text": b["text"]}
                            for b in rec["blocks"])
    undo.articles.append(new_id)
    return new_id


class _Undo:
    """What an import wrote, so that a refused import can take it back."""

    def __init__(self):
        self.articles, self.updated, self.annotations, self.revived = [], [], [], []
        self.learning = []  # (table, key column, key, the row it replaced or None)


def _take_back(db, undo):
    """Remove what a failed import wrote, in small transactions, and bring back what it replaced."""
    transfer.take_back(db, undo.learning)
    ids = undo.annotations
    for i in range(0, len(ids), 500):
        with db.atomic():
            chunk = ids[i:i + 500]
            db.execute(f"DELETE FROM highlights WHERE id IN ({','.join('?' * len(chunk))})", chunk)
    with db.atomic():
        db["highlights"].insert_all(undo.revived, replace=True)
        for row in undo.updated:
            db["articles"].update(row["id"], row)
    for article_id in undo.articles:
        with db.atomic():
            db.execute("DELETE FROM articles WHERE id = ?", [article_id])


def _batches(items, size):
    for i in range(0, len(items), size):
        yield i, items[i:i + size]


def _imported_before(db, item):
    """Say whether another client's annotation (its id kept in 'via') is here already."""
    client_id = item.get("id")
    if not isinstance(client_id, str) or webanno.ID_TAIL.search(client_id):
        return False
    return db.execute("SELECT 1 FROM highlights WHERE via = ? AND deleted IS NULL", [client_id]).fetchone() is not None


def import_export(db, doc, base):
    """Import a JSON-LD export; return counts. Raises AnnotationError, leaving the library as it was."""
    items = _items(doc)
    extra = doc.get("randnotiz") if isinstance(doc, dict) else None
    extra = extra if isinstance(extra, dict) else {}
    recs = extra.get("articles") or []
    status = extra.get("status") or {}
    if not isinstance(recs, list) or not isinstance(status, dict) or not isinstance(items, list):
        raise AnnotationError("The 'randnotiz' member is malformed.")
    if len(recs) > MAX_ARTICLES or len(items) > MAX_ANNOTATIONS:
        raise AnnotationError("The file holds more articles or annotations than Randnotiz imports at once.")
    for rec in recs:
        _check_article(rec)
    for n, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise AnnotationError(f"Annotation {n} is not an object.")
    try:
        learning = transfer.check(db, extra.get("learning"))  # refused before anything is written
    except transfer.TransferError as e:
        raise AnnotationError(str(e)) from None
    undo = _Undo()
    try:
        counts = _import(db, recs, items, status, base, learning, undo)
    except BaseException:
        _take_back(db, undo)
        raise
    # Saved words from an export made before status keys get theirs, their status carried over:
    # the server adopts keys once, at its start.
    review.adopt_keys(db)
    return counts


def _import(db, recs, items, status, base, learning, undo):
    counts = {"articles": 0, "annotations": 0, "skipped": 0}
    id_map = {}
    for rec in recs:
        with db.batch():
            id_map[_article_id(rec["id"])] = _restore_article(db, rec, undo)
            counts["articles"] += 1
    for offset, batch in _batches(items, BATCH):
        cache = {}

        def blocks_of(article_id):
            if article_id not in cache:
                cache[article_id] = articles.get_blocks(db, article_id)
            return cache[article_id]

        with db.batch():
            for n, item in enumerate(batch, start=offset + 1):
                _import_one(db, n, item, id_map, status, base, counts, undo, blocks_of)
    try:
        counts["learning"] = transfer.write(db, learning, transaction=db.batch, written=undo.learning)
    except transfer.TransferError as e:
        raise AnnotationError(str(e)) from None
    return counts


def _import_one(db, n, item, id_map, status, base, counts, undo, blocks_of):
    target = item.get("target")
    if isinstance(target, dict) and isinstance(target.get("source"), str):
        try:
            old = _article_id(target["source"])
        except AnnotationError:
            old = None
        if old in id_map:
            item = {**item, "target": {**target, "source": webanno.article_url(base, id_map[old])}}
    tail = str(item.get("id", "")).rsplit("/", 1)[-1]
    existing = highlights.get(db, tail, include_deleted=True) if tail else None
    if existing is not None and not existing["deleted"] or _imported_before(db, item):
        counts["skipped"] += 1
        return
    if existing is not None:
        # Deleted here since the backup was made: the backup brings it back.
        undo.revived.append(next(db.query("SELECT * FROM highlights WHERE id = ?", [tail])))
        db.execute("DELETE FROM highlights WHERE id = ?", [tail])
    try:
        a = webanno.create_from_jsonld(db, item, base, keep_id=True, touch=False, blocks_of=blocks_of)
    except AnnotationError as e:
        raise AnnotationError(f"annotation {n}: {e}") from None
    undo.annotations.append(a["id"])
    wanted = status.get(item.get("id")) if isinstance(item.get("id"), str) else None
    if wanted in highlights.STATUSES and a["status"] != "orphan" and wanted != "orphan" \
            and wanted != a["status"]:
        db["highlights"].update(a["id"], {"status": wanted})
    counts["annotations"] += 1
