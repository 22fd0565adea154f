"""Restore a Randnotiz JSON-LD export: articles (with their exact blocks) and annotations, atomically.

An article whose id is free keeps its id (so export -> import -> export is identical); one whose id
is taken by the same text is reused; otherwise it gets a new id and its annotations follow it.
Annotations keep their ids; live ones already present are skipped (importing twice changes nothing),
deleted ones come back from the backup.
A plain AnnotationCollection (or a list of annotations) imports too, and so does a Hypothesis export:
an annotation on an imported article's original page is anchored to the article by its quote.
"""
from urllib.parse import urlsplit

from . import highlights, hypothesis, webanno
from ..common import ARTICLE_PATH
from ..learning import transfer
from ..reading import articles
from .highlights import AnnotationError

MAX_ARTICLES = 10_000
MAX_ANNOTATIONS = 200_000


def _article_id(url):
    m = ARTICLE_PATH.search(urlsplit(url).path) if isinstance(url, str) else None
    if not m:
        raise AnnotationError(f"{str(url)[:80]!r} is not an article URL (…/articles/<id>).")
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


def _same_article(db, article_id, rec):
    art = articles.get_article(db, article_id)
    if art is None or art["title"] != rec["title"]:
        return False
    return [(b["kind"], b["text"]) for b in articles.get_blocks(db, article_id)] == \
        [(b["kind"], b["text"]) for b in rec["blocks"]]


def _restore_article(db, rec):
    """Insert (or reuse) an exported article; return its id here."""
    old_id = _article_id(rec.get("id"))
    row = {"title": rec["title"][:300], "source": rec.get("source"), "source_url": rec.get("source_url"),
           "language": rec.get("language") or "de", "created": rec["created"], "modified": rec["modified"]}
    if _same_article(db, old_id, rec):
        # The same text (typically the bundled article, seeded anew in the fresh database):
        # keep it, but restore the backup's metadata so a restore is exact, timestamps included.
        db["articles"].update(old_id, row)
        return old_id
    if articles.get_article(db, old_id) is None:
        row["id"] = old_id
    new_id = db["articles"].insert(row).last_pk
    db["blocks"].insert_all({"article_id": new_id, "n": b["n"], "kind": b["kind"], "text": b["text"]}
                            for b in rec["blocks"])
    return new_id


def _imported_before(db, item):
    """Say whether another client's annotation (its id kept in 'via') is here already."""
    client_id = item.get("id")
    if not isinstance(client_id, str) or webanno.ID_TAIL.search(client_id):
        return False
    return db.execute("SELECT 1 FROM highlights WHERE via = ? AND deleted IS NULL", [client_id]).fetchone() is not None


def import_export(db, doc, base):
    """Import a JSON-LD export atomically; return counts. Raises AnnotationError, storing nothing."""
    items = _items(doc)
    extra = doc.get("randnotiz") if isinstance(doc, dict) else None
    extra = extra if isinstance(extra, dict) else {}
    recs = extra.get("articles") or []
    status = extra.get("status") or {}
    if not isinstance(recs, list) or not isinstance(status, dict):
        raise AnnotationError("The 'randnotiz' member is malformed.")
    if len(recs) > MAX_ARTICLES or len(items) > MAX_ANNOTATIONS:
        raise AnnotationError("The file holds more articles or annotations than Randnotiz imports at once.")
    for rec in recs:
        _check_article(rec)
    counts = {"articles": 0, "annotations": 0, "skipped": 0}
    with db.atomic():
        id_map = {}
        for rec in recs:
            old = _article_id(rec["id"])
            new = _restore_article(db, rec)
            id_map[old] = new
            counts["articles"] += 1
        for n, item in enumerate(items, start=1):
            if not isinstance(item, dict):
                raise AnnotationError(f"Annotation {n} is not an object.")
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
                continue
            if existing is not None:
                # Deleted here since the backup was made: the backup brings it back.
                db.execute("DELETE FROM highlights WHERE id = ?", [tail])
            try:
                a = webanno.create_from_jsonld(db, item, base, keep_id=True, touch=False)
            except AnnotationError as e:
                raise AnnotationError(f"annotation {n}: {e}") from None
            wanted = status.get(item.get("id"))
            if wanted in highlights.STATUSES and a["status"] != "orphan" and wanted != "orphan" \
                    and wanted != a["status"]:
                db["highlights"].update(a["id"], {"status": wanted})
            counts["annotations"] += 1
        try:
            counts["learning"] = transfer.restore(db, extra.get("learning"))
        except transfer.TransferError as e:
            raise AnnotationError(str(e)) from None
    return counts
