"""Every malformed input is a 4xx with a clear message and nothing stored (defects 4 and 6)."""
import json

import pytest

from annotations import validation
from annotations.reading import articles

CTX = "http://www.w3.org/ns/anno.jsonld"
LD = "application/ld+json"
HUGE = str(2**63)  # one above SQLite's largest integer
TEXT = "Überschrift\n\nDer Hund bellt laut. Die Katze schläft.\n\nZweiter Absatz über Wien."


@pytest.fixture
def art(db):
    return articles.create_article(db, TEXT)


def anno(source, selector=None):
    return {"@context": CTX, "type": "Annotation", "bodyValue": "Notiz",
            "target": {"source": source, "selector": selector or {"type": "FragmentSelector", "value": "p-1"}}}


def counts(db):
    return db["articles"].count, db["highlights"].count


def nested(depth):
    return "[" * depth + "]" * depth


@pytest.mark.parametrize("url", [
    f"/articles/{HUGE}", f"/articles/{HUGE}/p/1", f"/articles/1/p/{HUGE}", f"/articles/{HUGE}/edit",
    f"/articles/{HUGE}/export.jsonld", f"/annotations/?article={HUGE}", f"/articles/{HUGE}/translate-all",
])
def test_ids_beyond_sqlite_are_not_found(client, url):
    assert client.get(url).status_code in (400, 404, 405)


@pytest.mark.parametrize("url", [f"/articles/{HUGE}/position", f"/articles/{HUGE}/highlights",
                                 f"/articles/{HUGE}/delete", f"/articles/1/p/{HUGE}/note"])
def test_writes_to_ids_beyond_sqlite_are_not_found(client, db, url):
    before = counts(db)
    assert client.post(url, data={"n": "1", "confirm": "yes", "note": "x"}).status_code in (404, 405)
    assert counts(db) == before


def test_annotation_targets_beyond_sqlite_are_refused(client, db, art):
    for doc in (anno(f"http://localhost/articles/{HUGE}"),
                anno(f"http://localhost/articles/{art}", {"type": "FragmentSelector", "value": f"p-{HUGE}"}),
                anno(f"http://localhost/articles/{art}", {"type": "TextPositionSelector", "start": 0, "end": 2**64})):
        r = client.post("/annotations/", data=json.dumps(doc), content_type=LD)
        assert r.status_code == 400, r.get_data(as_text=True)
    assert db["highlights"].count == 0


@pytest.mark.parametrize("url", ["/annotations/", "/import"])
@pytest.mark.parametrize("body, words", [
    (nested(100_000), "nested too deeply"),
    (nested(100), "nested too deeply"),
    ('{"@context": "%s", "type": "Annotation", "bodyValue": "\\ud800"}' % CTX, "surrogate"),
    ('{"@context": "%s", "type": "Annotation", "bodyValue": "a\\u0000b"}' % CTX, "NUL"),
    ('{"@context": "%s", "type": "Annotation", "x": NaN}' % CTX, "JSON has no NaN"),
    ('{"@context": "%s", "type": "Annotation", "x": %s}' % (CTX, "9" * 30), "too large"),
    ('{"id": "x", "items": [' + "1," * 10 + "1]}", ""),
])
def test_hostile_json_is_a_400(client, db, art, url, body, words):
    before = counts(db)
    r = client.post(url, data=body, content_type=LD)
    assert r.status_code == 400 and words in r.get_json()["message"]
    assert counts(db) == before


def export_with(client, **article_changes):
    doc = client.get("/export/annotations.jsonld").get_json(force=True)
    rec = doc["randnotiz"]["articles"][0]
    rec.update(article_changes)
    rec["id"] = rec["id"].replace("/articles/1", "/articles/77")
    rec["title"] = "Neu importiert"
    return doc


@pytest.mark.parametrize("changes, words", [
    ({"source_url": "javascript:alert(1)"}, "http://"),
    ({"source_url": "data:text/html,<script>alert(1)</script>"}, "http://"),
    ({"source_url": "//evil.example/x"}, "http://"),
    ({"created": "yesterday"}, "date-time"),
    ({"modified": "9999-12-31T23:59:59-05:00"}, "date-time"),
    ({"language": "<b>klingonisch</b>"}, "language tag"),
    ({"id": f"http://localhost/articles/{HUGE}"}, "too large"),
])
def test_imported_articles_are_not_trusted(client, db, changes, words):
    doc = export_with(client)
    doc["randnotiz"]["articles"][0].update(changes)
    before = counts(db)
    r = client.post("/import", data=json.dumps(doc), content_type=LD)
    assert r.status_code == 400 and words in r.get_json()["message"]
    assert counts(db) == before


def test_imported_credentials_are_dropped(client, db):
    doc = export_with(client, source_url="https://anna:geheim@zeitung.example/artikel?id=3")
    r = client.post("/import", data=json.dumps(doc), content_type=LD)
    assert r.status_code == 200, r.get_data(as_text=True)
    urls = [row["source_url"] for row in db.query("SELECT source_url FROM articles")]
    assert "https://zeitung.example/artikel?id=3" in urls and not any("geheim" in (u or "") for u in urls)


def test_a_failure_late_in_a_long_import_takes_back_every_batch(client, db, art):
    from annotations.notes import highlights
    for i in range(130):  # three batches' worth
        highlights.create(db, art, 1, 4, 8, "Hund", note=f"n{i}")
    doc = client.get("/export/annotations.jsonld").get_json(force=True)
    doc["first"]["items"][-1]["target"]["selector"]["value"] = "p-99"
    with_deleted = doc["first"]["items"][0]["id"].rsplit("/", 1)[1]
    highlights.delete(db, with_deleted)  # a deleted annotation the import would bring back
    db.execute("DELETE FROM highlights WHERE id != ?", [with_deleted])
    db.conn.commit()
    r = client.post("/import", data=json.dumps(doc), content_type=LD)
    assert r.status_code == 400 and "annotation 130" in r.get_json()["message"]
    rows = list(db.query("SELECT id, deleted FROM highlights"))
    assert len(rows) == 1 and rows[0]["id"] == with_deleted and rows[0]["deleted"]


# --- the boundary module itself ---------------------------------------------------------------

@pytest.mark.parametrize("raw, ok", [("0", True), (" 12 ", True), (str(2**63 - 1), True), (HUGE, False),
                                     ("²", False), ("-1", False), ("1e3", False), ("", False), (True, False)])
def test_bounded_int(raw, ok):
    if ok:
        assert validation.bounded_int(raw, "id") == int(raw)
    else:
        with pytest.raises(validation.InvalidInput):
            validation.bounded_int(raw, "id")


@pytest.mark.parametrize("url, out", [
    ("https://zeitung.example/a", "https://zeitung.example/a"),
    ("HTTP://user:pw@Zeitung.example:8080/a?b#c", "http://Zeitung.example:8080/a?b#c"),
    ("http://[::1]/", "http://[::1]/"),
])
def test_web_url_keeps_http_and_strips_credentials(url, out):
    assert validation.web_url(url) == out


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:,x", "//host/x", "ftp://h/", "http://", "http://h:99999/",
                                 "http://exa mple/", "http://h/\x00"])
def test_web_url_refuses_the_rest(url):
    with pytest.raises(validation.InvalidInput):
        validation.web_url(url)


@pytest.mark.parametrize("tag, ok", [("de", True), ("en-GB", True), ("gsw", True), ("zh-Hant-TW", True),
                                     ("", False), ("deutsch", False), ("de_DE", False), ("<b>", False)])
def test_language(tag, ok):
    if ok:
        assert validation.language(tag) == tag
    else:
        with pytest.raises(validation.InvalidInput):
            validation.language(tag)
