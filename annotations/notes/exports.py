"""Exports of annotations, per article and for the whole library: W3C JSON-LD (a full backup that
notes.backup restores), Markdown study notes, and CSV safe to open in a spreadsheet.

The JSON-LD export is an AnnotationCollection whose single embedded page holds every annotation;
the articles themselves (title, source, blocks) and Randnotiz's anchoring status travel in an
extra top-level member "randnotiz", so that an empty database can be restored from the file.
"""
import csv
import io
import re

from ..common import csv_cell
from ..learning import transfer
from ..reading import articles
from . import highlights, webanno

FORMAT_VERSION = 1
CSV_COLUMNS = ["article_id", "article_title", "paragraph", "block", "start", "end", "quote", "prefix", "suffix",
               "color", "note", "tags", "status", "motivation", "created", "modified", "id"]
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~!])")


def _article_record(db, article, base):
    return {
        "id": webanno.article_url(base, article["id"]),
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
              else f"{webanno.article_url(base, article_id)}/export.jsonld")
    return {
        "@context": webanno.CONTEXT,
        "id": doc_id,
        "type": "AnnotationCollection",
        "label": "Randnotiz annotations" + (f": {arts[0]['title']}" if article_id is not None else ""),
        "total": len(annos),
        "first": {"type": "AnnotationPage", "startIndex": 0,
                  "items": [webanno.to_jsonld(a, base) for a in annos]},
        "randnotiz": {
            "format": FORMAT_VERSION,
            "articles": [_article_record(db, a, base) for a in arts],
            "status": {webanno.annotation_url(base, a["id"]): a["status"] for a in annos},
            # Word statuses, review history and saved words: the whole library's, so only there.
            **({"learning": transfer.dump(db)} if article_id is None else {}),
        },
    }


def _md_escape(text):
    return _MD_SPECIAL.sub(r"\\\1", text)


def _md_quote(text):
    return "\n".join("> " + _md_escape(line) for line in text.split("\n"))


def _where(a, ordinals):
    """Name an annotation's place as the reader counts it ("Paragraph 3"), not by block number."""
    if a["block_n"] is None:
        return "Orphaned (no longer in the text)"
    ordinal = ordinals.get(a["block_n"])
    return f"Paragraph {ordinal}" if ordinal else "Heading"


def markdown_export(db, article_id=None):
    """Return Markdown study notes: per article, each quote with its note, tags and paragraph."""
    arts, annos = _scope(db, article_id)
    out = []
    for art in arts:
        mine = [a for a in annos if a["article_id"] == art["id"]]
        if article_id is None and not mine:
            continue
        ordinals = articles.paragraph_ordinals(db, art["id"])
        out.append(f"# {_md_escape(art['title'])}\n")
        if art["source"]:
            out.append(f"Source: {_md_escape(art['source'])}\n")
        for a in mine:
            out.append(f"## {_where(a, ordinals)}{' — whole paragraph' if a['scope'] == 'paragraph' else ''}\n")
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
    elsewhere = [a for a in annos if a["article_id"] is None]
    if elsewhere:
        out.append("# Annotations on other pages\n")
        for a in elsewhere:
            out.append(f"## {_md_escape(', '.join(highlights.target_links(a)) or 'A resource without a web address')}\n")
            if a["exact"]:
                out.append(_md_quote(a["exact"]) + "\n")
            if a["note"]:
                out.append(a["note"].strip() + "\n")
    if not out:
        out.append("# Randnotiz\n\nNo annotations yet.\n")
    return "\n".join(out)


def csv_export(db, article_id=None):
    """Return RFC 4180 CSV (CRLF line ends, UTF-8 with BOM for spreadsheets) of the annotations."""
    arts, annos = _scope(db, article_id)
    titles = {a["id"]: a["title"] for a in arts}
    buf = io.StringIO()
    buf.write("\ufeff")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    ordinals = {art["id"]: articles.paragraph_ordinals(db, art["id"]) for art in arts}
    for a in annos:
        # "paragraph" counts as the reader does (3 of 6); "block" is the stored position.
        row = {**a, "article_title": titles.get(a["article_id"], ""), "block": a["block_n"],
               "paragraph": ordinals[a["article_id"]].get(a["block_n"]),
               "quote": a["exact"], "tags": ", ".join(a["tags"])}
        w.writerow([csv_cell(row[c]) for c in CSV_COLUMNS])
    return buf.getvalue()
