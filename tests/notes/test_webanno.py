"""W3C Web Annotation Protocol at /annotations/: status codes, headers, paging, ETags, JSON-LD shape."""
import json

import pytest

from annotations.notes import highlights
from annotations.reading import articles

LD = "application/ld+json"
PROFILE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'
CTX = "http://www.w3.org/ns/anno.jsonld"
TEXT = "Überschrift hier\n\nDer Hund 😀 bellt. Der Hund schläft.\n\nZweiter Absatz über Wien."


@pytest.fixture
def art(db):
    return articles.create_article(db, TEXT)


def anno(art, **target):
    return {"@context": CTX, "type": "Annotation",
            "body": {"type": "TextualBody", "value": "Notiz", "format": "text/markdown", "language": "de"},
            "target": {"source": f"http://localhost/articles/{art}", **target}}


def frag(n, *refined):
    return {"selector": {"type": "FragmentSelector", "value": f"p-{n}", "refinedBy": list(refined)}}


def post(client, doc, content_type=LD):
    body = doc if isinstance(doc, str) else json.dumps(doc)
    return client.post("/annotations/", data=body, content_type=content_type)


def stored(db):
    return db["highlights"].count


def test_container_headers_and_shape(client, db, art):
    highlights.create(db, art, 1, 4, 8, "Hund")
    r = client.get("/annotations/")
    assert r.status_code == 200 and r.headers["Content-Type"] == PROFILE
    links = r.headers["Link"]
    assert '<http://www.w3.org/ns/ldp#BasicContainer>; rel="type"' in links
    assert '<http://www.w3.org/TR/annotation-protocol/>; rel="http://www.w3.org/ns/ldp#constrainedBy"' in links
    assert set(r.headers["Allow"].replace(" ", "").split(",")) == {"GET", "HEAD", "OPTIONS", "POST"}
    assert "Accept" in r.headers["Vary"] and r.headers["ETag"]
    assert r.headers["Content-Location"] == "http://localhost/annotations/"
    doc = r.get_json(force=True)
    assert "BasicContainer" in doc["type"] and "AnnotationCollection" in doc["type"]
    assert doc["total"] == 1 and doc["first"]["items"][0]["target"]["selector"]["value"] == "p-1"
    assert doc["last"] == "http://localhost/annotations/?page=0"


@pytest.mark.parametrize("method", ["HEAD", "OPTIONS"])
def test_container_head_and_options(client, method):
    r = client.open("/annotations/", method=method)
    assert r.status_code == 200 and r.data == b"" and "POST" in r.headers["Allow"]
    assert "constrainedBy" in r.headers["Link"]


@pytest.mark.parametrize("total, page, start, has_prev, has_next", [
    (5, 0, 0, False, True), (5, 1, 2, True, True), (5, 2, 4, True, False), (2, 0, 0, False, False)])
def test_paging(make_app, db, art, total, page, start, has_prev, has_next):
    client = make_app(WEBANNO_PAGE_SIZE=2).test_client()
    text = articles.get_block(db, art, 2)["text"]
    for i in range(total):
        highlights.create(db, art, 2, i, i + 1, text[i])
    doc = client.get(f"/annotations/?page={page}").get_json(force=True)
    assert doc["type"] == "AnnotationPage" and doc["startIndex"] == start
    assert doc["partOf"]["id"] == "http://localhost/annotations/" and doc["partOf"]["total"] == total
    assert ("prev" in doc, "next" in doc) == (has_prev, has_next)
    assert [i["target"]["selector"]["refinedBy"][1]["start"] for i in doc["items"]] == \
        list(range(start, min(start + 2, total)))


@pytest.mark.parametrize("prefer, first_kind", [
    ('return=representation;include="http://www.w3.org/ns/ldp#PreferMinimalContainer"', str),
    ('return=representation;include="http://www.w3.org/ns/oa#PreferContainedIRIs"', "iris"),
    ('return=representation;include="http://www.w3.org/ns/oa#PreferContainedDescriptions"', dict),
])
def test_prefer_header(client, db, art, prefer, first_kind):
    a = highlights.create(db, art, 1, 4, 8, "Hund")
    r = client.get("/annotations/", headers={"Prefer": prefer})
    first = r.get_json(force=True)["first"]
    assert r.headers["Preference-Applied"] == "return=representation"
    if first_kind == "iris":
        assert first["items"] == [f"http://localhost/annotations/{a['id']}"]
    else:
        assert isinstance(first, first_kind)


def test_filter_by_article(client, db, art):
    other = articles.create_article(db, "Ganz anderer Text hier.")
    highlights.create(db, art, 1, 4, 8, "Hund")
    highlights.create(db, other, 1, 0, 4, "Ganz")
    doc = client.get(f"/annotations/?article={other}").get_json(force=True)
    assert doc["total"] == 1 and doc["first"]["items"][0]["target"]["source"].endswith(f"/articles/{other}")


@pytest.mark.parametrize("url, code", [("/annotations/?article=x", 400), ("/annotations/?article=999", 404),
                                       ("/annotations/?page=-1", 400), ("/annotations/?page=7", 404),
                                       ("/annotations/nope", 404)])
def test_bad_queries(client, url, code):
    r = client.get(url)
    assert r.status_code == code and r.get_json(force=True)["message"]


def test_post_creates_with_server_id(client, db, art):
    doc = anno(art, **frag(1, {"type": "TextQuoteSelector", "exact": "Hund", "prefix": "Der ", "suffix": " 😀"},
                            {"type": "TextPositionSelector", "start": 4, "end": 8}),
               styleClass="green")
    doc.update(id="urn:uuid:mine", canonical="urn:uuid:canon", creator={"name": "Ana"})
    r = post(client, doc)
    assert r.status_code == 201 and r.headers["Content-Type"] == PROFILE
    out = r.get_json(force=True)
    assert r.headers["Location"] == out["id"] and out["id"].startswith("http://localhost/annotations/")
    assert out["canonical"] == "urn:uuid:canon" and out["via"] == "urn:uuid:mine"
    assert out["creator"] == {"name": "Ana"} and out["target"]["styleClass"] == "green"
    a = highlights.get(db, out["id"].rsplit("/", 1)[1])
    assert (a["block_n"], a["start"], a["exact"], a["note"], a["status"]) == (1, 4, "Hund", "Notiz", "anchored")


def test_jsonld_shape(client, db, art):
    a = highlights.create(db, art, 1, 4, 8, "Hund", color="blue", note="*n*", tags=["Tier"])
    doc = client.get(f"/annotations/{a['id']}").get_json(force=True)
    assert doc["@context"] == CTX and doc["type"] == "Annotation" and doc["motivation"] == "commenting"
    assert doc["created"].endswith("Z") and doc["modified"].endswith("Z")
    note, tag = doc["body"]
    assert note == {"type": "TextualBody", "value": "*n*", "format": "text/markdown", "language": "en",
                    "purpose": "commenting"}
    assert (tag["value"], tag["purpose"]) == ("Tier", "tagging")
    sel = doc["target"]["selector"]
    assert doc["target"]["source"] == f"http://localhost/articles/{art}" and doc["target"]["styleClass"] == "blue"
    assert (sel["type"], sel["value"], sel["conformsTo"]) == ("FragmentSelector", "p-1", "http://tools.ietf.org/rfc/rfc3987")
    assert sel["refinedBy"] == [
        {"type": "TextQuoteSelector", "exact": "Hund", "prefix": "Der ", "suffix": " 😀 bellt. Der Hund schläft."},
        {"type": "TextPositionSelector", "start": 4, "end": 8}]


@pytest.mark.parametrize("target, block_n, exact, status", [
    # Another client's bare quote on the article URL.
    ({"selector": {"type": "TextQuoteSelector", "exact": "Hund", "prefix": "Der Hund 😀 bellt. Der ",
                   "suffix": " schläft"}}, 1, "Hund", "anchored"),
    # A position over the whole article text (paragraphs separated by a blank line).
    ("POSITION", 2, "Wien", "anchored"),
    # A quote that is nowhere in the article: kept as an orphan.
    ({"selector": {"type": "TextQuoteSelector", "exact": "Katze"}}, None, "Katze", "orphan"),
])
def test_other_clients_selectors_are_anchored(client, db, art, target, block_n, exact, status):
    if target == "POSITION":
        start = articles.article_text(db, art).index("Wien")
        target = {"selector": {"type": "TextPositionSelector", "start": start, "end": start + 4}}
    r = post(client, anno(art, **target))
    assert r.status_code == 201, r.get_json(force=True)
    a = highlights.get(db, r.get_json(force=True)["id"].rsplit("/", 1)[1])
    assert (a["block_n"], a["exact"], a["status"]) == (block_n, exact, status)


@pytest.mark.parametrize("body, content_type, code, message", [
    ("{not json", LD, 400, "not valid JSON"),
    ("{}", "text/plain", 415, "application/ld+json"),
    ("[]", LD, 400, "JSON object"),
    (json.dumps({"type": "Annotation", "target": {}}), LD, 400, "@context"),
    (json.dumps({"@context": CTX, "type": "Annotation"}), LD, 400, "needs a target"),
    (json.dumps({"@context": CTX, "type": "Annotation", "target": {"selector": {}}}), LD, 400, "needs a 'source'"),
    (json.dumps({"@context": CTX, "type": "Annotation", "target": 7}), LD, 400, "must be a URL"),
    (json.dumps({"@context": CTX, "type": "Annotation", "target": {"source": "http://localhost/articles/999"}}),
     LD, 400, "no article 999"),
    ("TARGET", LD, 400, "no selector"),
    ("P9", LD, 400, "no paragraph 9"),
    ("OUTSIDE", LD, 400, "outside paragraph"),
    ("LONGNOTE", LD, 400, "too long"),
    ("MOTIVE", LD, 400, "Unknown motivation"),
    ("MOTIVE_INT", LD, 400, "must be a string"),
    ("VIA", LD, 400, "'via' must be an IRI"),
])
def test_bad_posts_store_nothing(client, db, art, body, content_type, code, message):
    docs = {"TARGET": anno(art), "P9": anno(art, **frag(9)),
            "OUTSIDE": anno(art, **frag(1, {"type": "TextPositionSelector", "start": 0, "end": 999})),
            "LONGNOTE": {**anno(art, **frag(1)), "bodyValue": "x" * 10_001},
            "MOTIVE": {**anno(art, **frag(1)), "motivation": "shouting"},
            "MOTIVE_INT": {**anno(art, **frag(1)), "motivation": 7},
            "VIA": {**anno(art, **frag(1)), "via": 10**30}}
    if body in docs:
        body = json.dumps(docs[body])
    r = post(client, body, content_type)
    assert r.status_code == code and message in r.get_json(force=True)["message"]
    assert stored(db) == 0


def test_get_head_options_on_annotation(client, db, art):
    a = highlights.create(db, art, 1, 4, 8, "Hund")
    url = f"/annotations/{a['id']}"
    g = client.get(url)
    assert g.headers["ETag"] and g.headers["Link"] == '<http://www.w3.org/ns/ldp#Resource>; rel="type"'
    assert set(g.headers["Allow"].replace(" ", "").split(",")) == {"GET", "HEAD", "OPTIONS", "PUT", "DELETE"}
    h = client.head(url)
    assert h.status_code == 200 and h.data == b"" and h.headers["ETag"] == g.headers["ETag"]
    assert client.options(url).status_code == 200
    assert client.get(url, headers={"If-None-Match": g.headers["ETag"]}).status_code == 304


def put_doc(client, url, color):
    doc = client.get(url).get_json(force=True)
    doc["target"]["styleClass"] = color
    return doc


@pytest.mark.parametrize("if_match, code", [(None, 200), ('"stale"', 412), ("CURRENT", 200)])
def test_put_with_or_without_if_match(client, db, art, if_match, code):
    a = highlights.create(db, art, 1, 4, 8, "Hund")
    url = f"/annotations/{a['id']}"
    etag = client.get(url).headers["ETag"]
    headers = {} if if_match is None else {"If-Match": etag if if_match == "CURRENT" else if_match}
    r = client.put(url, data=json.dumps(put_doc(client, url, "red")), content_type=LD, headers=headers)
    assert r.status_code == code
    color = highlights.get(db, a["id"])["color"]
    assert color == ("red" if code == 200 else "yellow")
    if code == 200:
        assert r.headers["ETag"] != etag and r.get_json(force=True)["created"] == a["created"]


def test_put_invalid_changes_nothing(client, db, art):
    a = highlights.create(db, art, 1, 4, 8, "Hund")
    url = f"/annotations/{a['id']}"
    etag = client.get(url).headers["ETag"]
    doc = put_doc(client, url, "red")
    doc["target"]["selector"]["value"] = "p-42"
    r = client.put(url, data=json.dumps(doc), content_type=LD, headers={"If-Match": etag})
    assert r.status_code == 400 and highlights.get(db, a["id"]) == a


@pytest.mark.parametrize("if_match, code", [(None, 204), ('"stale"', 412)])
def test_delete(client, db, art, if_match, code):
    a = highlights.create(db, art, 1, 4, 8, "Hund")
    headers = {"If-Match": if_match} if if_match else {}
    r = client.delete(f"/annotations/{a['id']}", headers=headers)
    assert r.status_code == code
    assert (highlights.get(db, a["id"]) is None) == (code == 204)
    if code == 204:
        assert client.get(f"/annotations/{a['id']}").status_code == 404


def test_not_acceptable(client):
    r = client.get("/annotations/", headers={"Accept": "text/turtle"})
    assert r.status_code == 406
