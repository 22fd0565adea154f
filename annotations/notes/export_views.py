"""Export routes (JSON-LD, Markdown, CSV; per article or everything) and POST /import of a backup."""
import json

from flask import Blueprint, Response, abort, render_template, request

from ..db import get_db
from .. import validation
from ..web import load_article
from . import backup, exports, highlights

bp = Blueprint("exports", __name__)


def _download(body, mimetype, filename):
    return Response(body, mimetype=mimetype,
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def _send(fmt, article_id):
    db = get_db()
    name = "randnotiz-annotations" if article_id is None else f"randnotiz-article-{article_id}"
    if fmt == "jsonld":
        doc = exports.jsonld_export(db, request.url_root.rstrip("/"), article_id)
        return _download(json.dumps(doc, ensure_ascii=False, indent=1), "application/ld+json", f"{name}.jsonld")
    if fmt == "md":
        return _download(exports.markdown_export(db, article_id), "text/markdown", f"{name}.md")
    if fmt == "csv":
        return _download(exports.csv_export(db, article_id), "text/csv", f"{name}.csv")
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
        doc = validation.parse_json(raw)
    except validation.InvalidInput as e:
        abort(400, f"The file is not a JSON-LD export Randnotiz can read: {e}")
    try:
        result = backup.import_export(get_db(), doc, request.url_root.rstrip("/"))
    except highlights.AnnotationError as e:
        abort(400, f"Nothing was imported: {e}")
    if upload is not None and upload.filename:
        return render_template("notes/import_done.html", result=result)
    return result
