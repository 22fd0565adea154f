"""Exports of annotations, per article and for the whole library: W3C JSON-LD (a full backup that
annotation_import restores), Markdown study notes, and CSV safe to open in a spreadsheet.

The JSON-LD export is an AnnotationCollection whose single embedded page holds every annotation;
the articles themselves (title, source, blocks) and Randnotiz's anchoring status travel in an
extra top-level member "randnotiz", so that an empty database can be restored from the file.
"""
import csv
import io
import json
import re

from flask import Blueprint, Response, abort, render_template, request

from . import annotation_import, articles, highlights, webanno_model
from .db import get_db
from .reader import load_article

bp = Blueprint("exports", __name__)

FORMAT_VERSION = 1
CSV_COLUMNS = ["article_id", "article_title", "paragraph", "start", "end", "quote", "prefix", "suffix",
               "color", "note", "tags", "status", "motivation", "created", "modified", "id"]
# A cell starting with one of these is a formula to a spreadsheet (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~!])")


# --- builders --------------------------------------------------------------------------

def _article_record(db, article, base):
    return {
        "id": webanno_model.article_url(base, article["id"]),
        "title": article["title"],
        "source": article["source"],
        "source_url": article["source_url"],
        "language": article["language"],
        "created": article["created"],
        "modified": article["modified"],
        "blocks": [{"n": b["n"], "kind": b["kind"], "text": b["text"]} for b in articles.get_blocks(db, article["id"])],
    }


def _scope(db, article_id):
    """Return (articles, annotations) for one article, or for everything when article_id is None."""
    if article_id is None:
        arts = sorted(articles.list_articles(db), key=lambda a: a["id"])
        return arts, highlights.list_all(db)
    return [articles.get_article(db, article_id)], highlights.list_for_article(db, article_id)


def jsonld_export(db, base, article_id=None):
    """Return the JSON-LD export document (a dict)."""
    arts, annos = _scope(db, article_id)
    doc_id = (f"{base}/export/annotations.jsonld" if article_id is None
              else f"{webanno_model.article_url(base, article_id)}/export.jsonld")
    return {
        "@context": webanno_model.CONTEXT,
        "id": doc_id,
        "type": "AnnotationCollection",
        "label": "Randnotiz annotations" + (f": {arts[0]['title']}" if article_id is not None else ""),
        "total": len(annos),
        "first": {"type": "AnnotationPage", "startIndex": 0,
                  "items": [webanno_model.to_jsonld(a, base) for a in annos]},
        "randnotiz": {
            "format": FORMAT_VERSION,
            "articles": [_article_record(db, a, base) for a in arts],
            "status": {webanno_model.annotation_url(base, a["id"]): a["status"] for a in annos},
        },
    }


def _md_escape(text):
    return _MD_SPECIAL.sub(r"\\\1", text)


def _md_quote(text):
    return "\n".join("> " + _md_escape(line) for line in text.split("\n"))


def markdown_export(db, article_id=None):
    """Return Markdown study notes: per article, each quote with its note, tags and paragraph."""
    arts, annos = _scope(db, article_id)
    out = []
    for art in arts:
        mine = [a for a in annos if a["article_id"] == art["id"]]
        if article_id is None and not mine:
            continue
        out.append(f"# {_md_escape(art['title'])}\n")
        if art["source"]:
            out.append(f"Source: {_md_escape(art['source'])}\n")
        for a in mine:
            where = f"Paragraph {a['block_n']}" if a["block_n"] is not None else "Orphaned (no longer in the text)"
            out.append(f"## {where}{' — whole paragraph' if a['scope'] == 'paragraph' else ''}\n")
            quote = a["exact"] if a["scope"] == "text" else (a["exact"][:200] + ("…" if len(a["exact"]) > 200 else ""))
            out.append(_md_quote(quote) + "\n")
            if a["note"]:
                out.append(a["note"].strip() + "\n")
            meta = [f"colour: {a['color']}"]
            if a["tags"]:
                meta.insert(0, "tags: " + ", ".join(f"#{_md_escape(t)}" for t in a["tags"]))
            if a["status"] != "anchored":
                meta.append(f"status: {a['status']}")
            out.append("*" + " · ".join(meta) + "*\n")
    if not out:
        out.append("# Randnotiz\n\nNo annotations yet.\n")
    return "\n".join(out)


def neutralise(value):
    """Return a CSV cell that a spreadsheet shows as text, never runs as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_export(db, article_id=None):
    """Return RFC 4180 CSV (CRLF line ends, UTF-8 with BOM for spreadsheets) of the annotations."""
    arts, annos = _scope(db, article_id)
    titles = {a["id"]: a["title"] for a in arts}
    buf = io.StringIO()
    buf.write("\ufeff")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    for a in annos:
        row = {**a, "article_title": titles.get(a["article_id"], ""), "paragraph": a["block_n"],
               "quote": a["exact"], "tags": ", ".join(a["tags"])}
        w.writerow([neutralise(row[c]) for c in CSV_COLUMNS])
    return buf.getvalue()


# --- routes ----------------------------------------------------------------------------

def _download(body, mimetype, filename):
    return Response(body, mimetype=mimetype,
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def _send(fmt, article_id):
    db = get_db()
    name = "randnotiz-annotations" if article_id is None else f"randnotiz-article-{article_id}"
    if fmt == "jsonld":
        doc = jsonld_export(db, request.url_root.rstrip("/"), article_id)
        return _download(json.dumps(doc, ensure_ascii=False, indent=1), "application/ld+json", f"{name}.jsonld")
    if fmt == "md":
        return _download(markdown_export(db, article_id), "text/markdown", f"{name}.md")
    if fmt == "csv":
        return _download(csv_export(db, article_id), "text/csv", f"{name}.csv")
    abort(404, f"Unknown export format {fmt[:10]!r}: use jsonld, md or csv.")


@bp.get("/articles/<int:article_id>/export.<fmt>")
def export_article(article_id, fmt):
    load_article(article_id)
    return _send(fmt, article_id)


@bp.get("/export/annotations.<fmt>")
def export_all(fmt):
    return _send(fmt, None)


@bp.post("/import")
def import_jsonld():
    upload = request.files.get("file")
    if upload is not None and upload.filename:
        raw = upload.read()
    elif request.mimetype in ("application/ld+json", "application/json"):
        raw = request.get_data()
    else:
        abort(400, "Choose a Randnotiz JSON-LD export file (.jsonld) to import.")
    try:
        doc = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as e:
        abort(400, f"The file is not JSON-LD (not valid UTF-8 JSON: {e}).")
    try:
        result = annotation_import.import_export(get_db(), doc, request.url_root.rstrip("/"))
    except highlights.AnnotationError as e:
        abort(400, f"Nothing was imported: {e}")
    if upload is not None and upload.filename:
        return render_template("import_done.html", result=result)
    return result
