"""Annotations from any standard client: other pages kept, the original page of an article found, Hypothesis."""
import json

import pytest

from annotations.notes import highlights, webanno
from annotations.reading import articles
from tests.reading.test_fetch import ROUTES, site  # noqa: F401 (the loopback web server)

LD = "application/ld+json"
CTX = "http://www.w3.org/ns/anno.jsonld"
ORIGINAL = "https://www.zeitung.example/wissen/erdoel-123.html"
TEXT = "Was ist Erdöl?\n\nErdöl ist ein Gemisch aus Kohlenwasserstoffen.\n\nEs entsteht aus Plankton im Meer."


@pytest.fixture
def imported(db):
    return articles.create_article(db, TEXT, source="zeitung.example", source_url=ORIGINAL)


def post(client, doc, **headers):
    return client.post("/annotations/", data=json.dumps(doc), content_type=LD, headers=headers)


def test_an_annotation_on_another_page_lives_through_the_whole_protocol(client, db, imported):
    # The W3C protocol test suite's basic annotation: a bare IRI target on someone else's page.
    doc = {"@context": CTX, "type": "Annotation",
           "body": {"type": "TextualBody", "value": "I like this page!"},
           "target": "http://www.example.com/index.html"}
    r = post(client, doc)
    assert r.status_code == 201, r.get_json(force=True)
    url = r.headers["Location"]
    got = client.get(url)
    assert got.get_json(force=True)["target"] == "http://www.example.com/index.html"
    assert got.get_json(force=True)["body"]["value"] == "I like this page!"
    listed = client.get("/annotations/").get_json(force=True)
    assert url in [item["id"] for item in listed["first"]["items"]]
    linked = client.get("/annotations/", headers={"Prefer": 'return=representation;include="http://www.w3.org/ns/oa#PreferContainedIRIs"'})
    assert url in linked.get_json(force=True)["first"]["items"]
    # PUT without If-Match is accepted (clients SHOULD send it); a stale one is refused.
    changed = {**got.get_json(force=True), "target": {"source": "http://www.example.com/other.html",
                                                      "selector": {"type": "CssSelector", "value": "#x"}}}
    assert client.put(url, data=json.dumps(changed), content_type=LD, headers={"If-Match": '"stale"'}).status_code == 412
    put = client.put(url, data=json.dumps(changed), content_type=LD)
    assert put.status_code == 200
    assert client.get(url).get_json(force=True)["target"]["selector"]["value"] == "#x"
    # Never on an article: the reader of the imported article does not show it.
    assert "I like this page" not in client.get(f"/articles/{imported}").get_data(as_text=True)
    page = client.get("/other-pages").get_data(as_text=True)
    assert 'href="http://www.example.com/other.html"' in page and "I like this page!" in page
    assert client.delete(url).status_code == 204
    assert client.get(url).status_code == 404
    assert "I like this page" not in client.get("/other-pages").get_data(as_text=True)


def test_other_pages_survive_export_and_import(client, db, make_app, tmp_path):
    post(client, {"@context": CTX, "type": "Annotation", "bodyValue": "Merken",
                  "target": {"source": "https://example.org/a", "selector": {
                      "type": "TextQuoteSelector", "exact": "wichtig", "prefix": "sehr ", "suffix": "!"}}})
    export = client.get("/export/annotations.jsonld").get_json(force=True)
    fresh = make_app(DATABASE=str(tmp_path / "fresh.db")).test_client()
    r = fresh.post("/import", data=json.dumps(export), content_type=LD)
    assert r.status_code == 200 and r.get_json()["annotations"] == 1
    again = fresh.get("/export/annotations.jsonld").get_json(force=True)
    [item] = again["first"]["items"]
    assert item["target"]["selector"]["exact"] == "wichtig" and item["bodyValue" if "bodyValue" in item else "body"]


def test_a_javascript_target_is_listed_but_never_linked(client):
    post(client, {"@context": CTX, "type": "Annotation", "target": "javascript:alert(1)"})
    page = client.get("/other-pages").get_data(as_text=True)
    assert "javascript:alert" not in page and "without a web address" in page


@pytest.mark.parametrize("source", [
    ORIGINAL,
    "http://zeitung.example/wissen/erdoel-123.html#kommentare",
    "https://www.zeitung.example/wissen/erdoel-123.html?utm_source=newsletter&utm_medium=mail",
])
def test_an_annotation_on_the_original_page_anchors_to_the_article(client, db, imported, source):
    r = post(client, {"@context": CTX, "type": "Annotation", "bodyValue": "aus Plankton!",
                      "target": {"source": source, "selector": [
                          {"type": "TextPositionSelector", "start": 912, "end": 920},
                          {"type": "TextQuoteSelector", "exact": "Plankton", "prefix": "aus ", "suffix": " im"}]}})
    assert r.status_code == 201, r.get_json(force=True)
    a = highlights.get(db, r.headers["Location"].rsplit("/", 1)[1])
    block = articles.get_block(db, imported, a["block_n"])
    assert a["article_id"] == imported and block["text"][a["start"]:a["end"]] == "Plankton"
    assert a["status"] in ("anchored", "moved")
    assert "aus Plankton!" in client.get(f"/articles/{imported}").get_data(as_text=True)


def test_another_site_with_the_same_path_is_another_page(client, db, imported):
    r = post(client, {"@context": CTX, "type": "Annotation",
                      "target": {"source": "https://other.example/wissen/erdoel-123.html",
                                 "selector": {"type": "TextQuoteSelector", "exact": "Plankton"}}})
    a = highlights.get(db, r.headers["Location"].rsplit("/", 1)[1])
    assert a["article_id"] is None


HYPOTHESIS = {"total": 2, "rows": [
    {"id": "Zq3x9H2kEe-abc", "uri": ORIGINAL, "user": "acct:lena@hypothes.is",
     "created": "2026-03-01T10:00:00.000000+00:00", "updated": "2026-03-02T10:00:00.000000+00:00",
     "text": "Wie lange dauert das?", "tags": ["Geologie"],
     "target": [{"source": ORIGINAL, "selector": [
         {"type": "RangeSelector", "startContainer": "/main[1]/p[2]", "startOffset": 20,
          "endContainer": "/main[1]/p[2]", "endOffset": 28},
         {"type": "TextPositionSelector", "start": 4051, "end": 4059},
         {"type": "TextQuoteSelector", "exact": "Gemisch", "prefix": "Erdöl ist ein ", "suffix": " aus"}]}],
     "document": {"title": ["Was ist Erdöl?"]}},
    {"id": "Yy1aa", "uri": "https://blog.example/post", "text": "Anderswo", "tags": [],
     "created": "2026-03-03T10:00:00+00:00", "updated": "2026-03-03T10:00:00+00:00",
     "target": [{"source": "https://blog.example/post"}]},
]}


def test_a_hypothesis_export_imports_onto_the_article_and_only_once(client, db, imported):
    r = client.post("/import", data=json.dumps(HYPOTHESIS), content_type=LD)
    assert r.status_code == 200, r.get_json(force=True)
    [on_article] = highlights.list_for_article(db, imported)
    assert (on_article["exact"], on_article["note"], on_article["tags"]) == ("Gemisch", "Wie lange dauert das?",
                                                                            ["Geologie"])
    assert on_article["created"] == "2026-03-01T10:00:00Z"
    assert [a["note"] for a in highlights.list_elsewhere(db)] == ["Anderswo"]
    assert client.post("/import", data=json.dumps(HYPOTHESIS["rows"]), content_type=LD).get_json()["skipped"] == 2
    assert db["highlights"].count == 2


def test_the_migration_keeps_every_highlight(db_path):
    from annotations import schema
    from annotations.notes.highlights import migrations
    from annotations.sqlite import connect

    conn = connect(db_path)
    for m in schema.MIGRATIONS:
        m.apply(conn, stop_before="m003_foreign_targets") if m is migrations else m.apply(conn)
    articles.seed_default(conn)
    art = articles.last_read_article(conn)
    kept = highlights.create(conn, art, 2, 0, 3, articles.get_block(conn, art, 2)["text"][:3], note="bleibt")
    schema.migrate(conn)
    assert highlights.get(conn, kept["id"])["note"] == "bleibt"
    articles.delete_article(conn, art)
    assert highlights.get(conn, kept["id"], include_deleted=True) is None  # the cascade survived the rebuild
    conn.close()


def test_notes_made_before_the_article_was_imported_find_it(client, db, site):  # noqa: F811
    original = site + "/erdoel"
    ROUTES["/erdoel"] = (200, "text/plain; charset=utf-8", TEXT.encode())
    rows = json.loads(json.dumps(HYPOTHESIS).replace(ORIGINAL, original.replace("http://", "https://") + "#x"))
    assert client.post("/import", data=json.dumps(rows), content_type=LD).status_code == 200
    assert len(highlights.list_elsewhere(db)) == 2
    assert client.post("/articles", data={"url": original}).status_code == 303
    article_id = max(a["id"] for a in articles.list_articles(db))
    [a] = highlights.list_for_article(db, article_id)
    assert (a["exact"], a["note"], a["via"]) == ("Gemisch", "Wie lange dauert das?", "https://hypothes.is/a/Zq3x9H2kEe-abc")
    assert [x["note"] for x in highlights.list_elsewhere(db)] == ["Anderswo"]
    assert webanno.adopt(db, article_id, "http://localhost") == 0  # adopted once, never twice


def test_bodies_that_are_no_text_are_kept(client):
    doc = {"@context": CTX, "type": "Annotation", "target": "http://www.example.com/index.html",
           "body": ["http://example.org/post1", {"id": "http://example.org/img.jpg", "type": "Image"},
                    {"type": "TextualBody", "value": "Text"}]}
    url = post(client, doc).headers["Location"]
    bodies = client.get(url).get_json(force=True)["body"]
    assert "http://example.org/post1" in bodies and {"id": "http://example.org/img.jpg", "type": "Image"} in bodies
    assert any(isinstance(b, dict) and b.get("value") == "Text" for b in bodies)
