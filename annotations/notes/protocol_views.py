"""W3C Web Annotation Protocol server at /annotations/: an ldp:BasicContainer of all annotations.

The container answers with an AnnotationCollection paged into AnnotationPages (?page=N); the
Prefer header (or ?iris=1) chooses full descriptions, IRIs only, or a minimal container. Each
annotation supports GET/HEAD/OPTIONS/PUT/DELETE; PUT needs If-Match with the current ETag.
?article=<id> narrows the container to one article.
"""
import hashlib
import json

from flask import Blueprint, abort, current_app, request

from ..db import get_db
from ..reading import articles
from ..web import json_body, settings, whole_number
from . import highlights, webanno
from .highlights import AnnotationError, AnnotationNotFound

bp = Blueprint("webanno", __name__)

MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'
LDP = "http://www.w3.org/ns/ldp#"
CONSTRAINED_BY = f'<http://www.w3.org/TR/annotation-protocol/>; rel="{LDP}constrainedBy"'
CONTAINER_LINKS = ", ".join([f'<{LDP}BasicContainer>; rel="type"', f'<{LDP}Resource>; rel="type"', CONSTRAINED_BY])
RESOURCE_LINKS = f'<{LDP}Resource>; rel="type"'
PREFER_IRIS = "http://www.w3.org/ns/oa#PreferContainedIRIs"
PREFER_DESCRIPTIONS = "http://www.w3.org/ns/oa#PreferContainedDescriptions"
PREFER_MINIMAL = f"{LDP}PreferMinimalContainer"
CONTAINER_ALLOW = "GET, HEAD, OPTIONS, POST"
RESOURCE_ALLOW = "GET, HEAD, OPTIONS, PUT, DELETE"
PAGE_ALLOW = "GET, HEAD, OPTIONS"
JSON_TYPES = ("application/ld+json", "application/json")


def _base():
    return request.url_root.rstrip("/")


def _etag(doc):
    return hashlib.sha256(json.dumps(doc, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:32]


def _negotiate():
    """Refuse clients that accept no JSON; return the Content-Type to answer with."""
    if not request.headers.get("Accept"):
        return MEDIA_TYPE
    best = request.accept_mimetypes.best_match([*JSON_TYPES, "text/html"])
    if best == "application/ld+json" or (best == "text/html" and request.accept_mimetypes["application/ld+json"]):
        return MEDIA_TYPE
    if best == "application/json":
        return "application/json"
    if best is None or not any(request.accept_mimetypes[t] for t in JSON_TYPES):
        abort(406, "This server speaks JSON-LD: send Accept: application/ld+json.")
    return MEDIA_TYPE


def _respond(doc, status=200, *, allow, links, extra=None):
    content_type = _negotiate()
    body = json.dumps(doc, ensure_ascii=False, indent=1) if doc is not None else ""
    resp = current_app.response_class(body if request.method != "HEAD" else "", status=status,
                                      content_type=content_type)
    resp.headers["Allow"] = allow
    resp.headers["Link"] = links
    resp.headers["Vary"] = "Accept, Prefer"
    if doc is not None:
        resp.set_etag(_etag(doc))
        if request.method == "HEAD":
            resp.headers["Content-Length"] = str(len(body.encode()))
    for k, v in (extra or {}).items():
        resp.headers[k] = v
    if request.method in ("GET", "HEAD") and doc is not None and status == 200:
        resp = resp.make_conditional(request)
    return resp


def _read_body():
    """Return the request's JSON document, refusing wrong media types and bad JSON."""
    return json_body(JSON_TYPES)


# --- the container ---------------------------------------------------------------------

def _article_filter():
    raw = request.args.get("article")
    if raw is None:
        return None
    article_id = whole_number(raw, "The article parameter must be an article number.")
    if articles.get_article(get_db(), article_id) is None:
        abort(404, f"There is no article {article_id}.")
    return article_id


def _prefer():
    """Return 'descriptions', 'iris' or 'minimal' from the Prefer header (or ?iris=1)."""
    prefer = request.headers.get("Prefer", "")
    if request.args.get("iris") == "1":
        return "iris"
    if "return=representation" in prefer.replace(" ", ""):
        if PREFER_MINIMAL in prefer:
            return "minimal"
        if PREFER_IRIS in prefer and PREFER_DESCRIPTIONS not in prefer:
            return "iris"
    return "descriptions"


def _container_url(article_id, **params):
    query = []
    if article_id is not None:
        query.append(f"article={article_id}")
    query.extend(f"{k}={v}" for k, v in params.items())
    return f"{_base()}/annotations/" + ("?" + "&".join(query) if query else "")


def _members(article_id):
    db = get_db()
    return highlights.list_for_article(db, article_id) if article_id is not None else highlights.list_all(db)


def _page(members, article_id, number, size, iris):
    base = _base()
    flags = {"iris": 1} if iris else {}
    last = max(0, (len(members) - 1) // size)
    chunk = members[number * size:(number + 1) * size]
    page = {
        "@context": webanno.CONTEXT,
        "id": _container_url(article_id, **flags, page=number),
        "type": "AnnotationPage",
        "partOf": {"id": _container_url(article_id, **flags), "total": len(members),
                   "modified": max((m["modified"] for m in members), default=None)},
        "startIndex": number * size,
    }
    if number > 0:
        page["prev"] = _container_url(article_id, **flags, page=number - 1)
    if number < last:
        page["next"] = _container_url(article_id, **flags, page=number + 1)
    page["items"] = [webanno.annotation_url(base, m["id"]) if iris else webanno.to_jsonld(m, base)
                     for m in chunk]
    if page["partOf"]["modified"] is None:
        del page["partOf"]["modified"]
    return page, last


@bp.route("/annotations/", methods=["GET", "HEAD", "OPTIONS", "POST"])
def container():
    if request.method == "POST":
        return create()
    article_id = _article_filter()
    extra = {"Accept-Post": MEDIA_TYPE}
    if request.method == "OPTIONS":
        return _respond(None, 200, allow=CONTAINER_ALLOW, links=CONTAINER_LINKS, extra=extra)
    size = settings().webanno_page_size
    members = _members(article_id)
    raw_page = request.args.get("page")
    if raw_page is not None:
        number = whole_number(raw_page, "The page parameter must be a page number (0, 1, 2, …).")
        page, last = _page(members, article_id, number, size, _prefer() == "iris")
        if number > last:
            abort(404, f"There is no page {raw_page}; the last page is {last}.")
        page["@context"] = webanno.CONTEXT
        return _respond(page, allow=PAGE_ALLOW, links=f'<{LDP}Resource>; rel="type"',
                        extra={"Content-Location": page["id"]})
    prefer = _prefer()
    doc = {
        "@context": [webanno.CONTEXT, "http://www.w3.org/ns/ldp.jsonld"],
        "id": _container_url(article_id),
        "type": ["BasicContainer", "AnnotationCollection"],
        "label": "Randnotiz annotations" + (f" on article {article_id}" if article_id is not None else ""),
        "total": len(members),
    }
    if members:
        doc["modified"] = max(m["modified"] for m in members)
        page, last = _page(members, article_id, 0, size, prefer == "iris")
        if prefer == "minimal":
            doc["first"] = page["id"]
        else:
            del page["@context"]
            del page["partOf"]
            doc["first"] = page
        doc["last"] = _container_url(article_id, **({"iris": 1} if prefer == "iris" else {}), page=last)
    extra["Content-Location"] = doc["id"]
    if request.headers.get("Prefer"):
        extra["Preference-Applied"] = "return=representation"
    return _respond(doc, allow=CONTAINER_ALLOW, links=CONTAINER_LINKS, extra=extra)


def create():
    doc = _read_body()
    try:
        a = webanno.create_from_jsonld(get_db(), doc, _base())
    except AnnotationError as e:
        abort(400, str(e))
    out = webanno.to_jsonld(a, _base())
    return _respond(out, 201, allow=RESOURCE_ALLOW, links=RESOURCE_LINKS,
                    extra={"Location": out["id"], "Content-Location": out["id"]})


# --- one annotation --------------------------------------------------------------------

def _load(annotation_id):
    a = highlights.get(get_db(), annotation_id)
    if a is None:
        abort(404, f"There is no annotation {annotation_id[:40]} (it may have been deleted).")
    return a


def _check_if_match(current_doc, required):
    header = request.headers.get("If-Match")
    if not header:
        if required:
            abort(428, "Send If-Match with the annotation's current ETag, so that no one else's change is lost.")
        return
    if header.strip() != "*" and not request.if_match.contains(_etag(current_doc)):
        abort(412, "The annotation has changed since you fetched it (ETag mismatch); GET it again and retry.")


@bp.route("/annotations/<annotation_id>", methods=["GET", "HEAD", "OPTIONS", "PUT", "DELETE"])
def annotation(annotation_id):
    db = get_db()
    base = _base()
    if request.method == "OPTIONS":
        _load(annotation_id)
        return _respond(None, 200, allow=RESOURCE_ALLOW, links=RESOURCE_LINKS)
    a = _load(annotation_id)
    doc = webanno.to_jsonld(a, base)
    if request.method in ("GET", "HEAD"):
        return _respond(doc, allow=RESOURCE_ALLOW, links=RESOURCE_LINKS, extra={"Content-Location": doc["id"]})
    if request.method == "PUT":
        new = _read_body()
        # The protocol says clients SHOULD send If-Match; a stale one is still refused (412).
        _check_if_match(doc, required=False)
        try:
            a = webanno.replace_from_jsonld(db, annotation_id, new, base)
        except AnnotationNotFound as e:
            abort(404, str(e))
        except AnnotationError as e:
            abort(400, str(e))
        out = webanno.to_jsonld(a, base)
        return _respond(out, allow=RESOURCE_ALLOW, links=RESOURCE_LINKS, extra={"Content-Location": out["id"]})
    _check_if_match(doc, required=False)
    highlights.delete(db, annotation_id)
    return _respond(None, 204, allow=RESOURCE_ALLOW, links=RESOURCE_LINKS)
