"""Exports (JSON-LD, Markdown, CSV) per article and for everything, and restoring from JSON-LD."""
import csv
import io
import json

import pytest

from annotations import create_app
from annotations.notes import highlights
from annotations.reading import articles
from annotations.sqlite import connect

TEXT = "Der Hund 😀 bellt laut.\n\nZweiter Absatz über Wien und die Straße."


@pytest.fixture
def art(db):
    return articles.create_article(db, TEXT, title="Hundeleben", source="test")


def read_csv(client, url):
    r = client.get(url)
    assert r.headers["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(r.data.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize("url, filename", [
    ("/articles/{art}/export.jsonld", "randnotiz-article-{art}.jsonld"),
    ("/articles/{art}/export.md", "randnotiz-article-{art}.md"),
    ("/articles/{art}/export.csv", "randnotiz-article-{art}.csv"),
    ("/export/annotations.jsonld", "randnotiz-annotations.jsonld"),
    ("/export/annotations.md", "randnotiz-annotations.md"),
    ("/export/annotations.csv", "randnotiz-annotations.csv"),
])
def test_downloads_are_attachments(client, art, url, filename):
    r = client.get(url.format(art=art))
    assert r.status_code == 200
    assert r.headers["Content-Disposition"] == f'attachment; filename="{filename.format(art=art)}"'


@pytest.mark.parametrize("url, code", [("/articles/999/export.csv", 404), ("/articles/{art}/export.pdf", 404),
                                       ("/export/annotations.exe", 404)])
def test_bad_export_urls(client, art, url, code):
    assert client.get(url.format(art=art)).status_code == code


@pytest.mark.parametrize("note, cell", [
    ("=HYPERLINK(\"http://evil\")", "'=HYPERLINK(\"http://evil\")"),
    ("+1+1", "'+1+1"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tTab", "'\tTab"), ("harmlos = gut", "harmlos = gut"),
])
def test_csv_neutralises_formulas(client, db, art, note, cell, mark):
    mark(art, 1, "Hund", note=note)
    (row,) = read_csv(client, f"/articles/{art}/export.csv")
    assert row["note"] == cell


def test_csv_is_rfc4180(client, db, art, mark):
    mark(art, 2, "Straße", note='Zeile 1\n"zitiert", Komma', tags=["a", "b"])
    raw = client.get(f"/articles/{art}/export.csv").data.decode("utf-8-sig")
    assert raw.count("\r\n") == 2  # header and row end in CRLF; the note's own newline stays quoted
    (row,) = read_csv(client, f"/articles/{art}/export.csv")
    assert (row["quote"], row["note"], row["tags"], row["paragraph"]) == \
        ("Straße", 'Zeile 1\n"zitiert", Komma', "a, b", "2")


def test_markdown_study_notes(client, db, art, mark):
    mark(art, 1, "Hund", note="*bellen*: to bark", tags=["Tiere"])
    highlights.create_paragraph_note(db, art, 2, "Über Wien")
    md = client.get(f"/articles/{art}/export.md").get_data(as_text=True)
    assert md.startswith("# Hundeleben\n")
    assert "## Paragraph 1\n\n> Hund\n\n*bellen*: to bark\n\n*tags: #Tiere · colour: yellow*" in md
    assert "## Paragraph 2 — whole paragraph\n\n> Zweiter Absatz über Wien und die Straße.\n\nÜber Wien" in md


def test_markdown_escapes_quoted_html(client, db):
    art = articles.create_article(db, "Text mit <script>alert(1)</script> darin.")
    text = articles.get_block(db, art, 1)["text"]
    highlights.create(db, art, 1, 0, len(text), text)
    assert "<script>" not in client.get(f"/articles/{art}/export.md").get_data(as_text=True)


def populate(db, art, mark):
    mark(art, 1, "Hund", color="green", note="**n**", tags=["x", "y"])
    mark(art, 2, "Wien", color="red")
    highlights.create_paragraph_note(db, art, 2, "Absatz", tags=["p"])
    fuzzy = mark(art, 2, "Straße")
    db["highlights"].update(fuzzy["id"], {"status": "fuzzy"})
    orphan = mark(art, 2, "die")
    db["highlights"].update(orphan["id"], {"block_n": None, "start_cp": None, "end_cp": None,
                                           "status": "orphan", "exact": "verlorener Text"})
    gone = mark(art, 1, "bellt")
    highlights.delete(db, gone["id"])


def fresh_client(tmp_path, name):
    app = create_app({"TESTING": True, "DATABASE": str(tmp_path / name), "BACKGROUND_TASKS": False,
                      "DING_PATH": str(tmp_path / "x"), "FREEDICT_PATH": str(tmp_path / "x")})
    return app, app.test_client()


def test_export_import_export_is_identical(client, db, art, tmp_path, mark):
    populate(db, art, mark)
    # One made by another client through the protocol, with members Randnotiz does not model.
    foreign = {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "id": "urn:x:1",
               "creator": {"type": "Person", "name": "Ana"}, "canonical": "urn:uuid:c",
               "target": {"source": f"http://localhost/articles/{art}",
                          "selector": {"type": "TextQuoteSelector", "exact": "bellt"}}}
    assert client.post("/annotations/", data=json.dumps(foreign), content_type="application/ld+json").status_code == 201
    first = client.get("/export/annotations.jsonld").data
    assert b'"name": "Ana"' in first
    app2, client2 = fresh_client(tmp_path, "restored.db")
    r = client2.post("/import", data=first, content_type="application/ld+json")
    assert r.status_code == 200 and r.get_json()["annotations"] == 6
    assert client2.get("/export/annotations.jsonld").data == first
    for fmt in ("md", "csv"):
        assert client2.get(f"/export/annotations.{fmt}").data == client.get(f"/export/annotations.{fmt}").data
    # Importing the same file again changes nothing.
    assert client2.post("/import", data=first, content_type="application/ld+json").get_json()["skipped"] == 6
    assert client2.get("/export/annotations.jsonld").data == first


def test_import_form_upload(client, db, art, tmp_path, mark):
    populate(db, art, mark)
    data = client.get(f"/articles/{art}/export.jsonld").data
    _, client2 = fresh_client(tmp_path, "form.db")
    r = client2.post("/import", data={"file": (io.BytesIO(data), "backup.jsonld")},
                     content_type="multipart/form-data")
    assert r.status_code == 200 and "Imported 1 article and 5 annotations" in r.get_data(as_text=True)


def broken(doc, what):
    doc = json.loads(json.dumps(doc))
    if what == "block":
        doc["randnotiz"]["articles"][-1]["blocks"][0]["kind"] = "poem"
    elif what == "selector":
        doc["first"]["items"][0]["target"]["selector"]["value"] = "p-77"
    elif what == "type":
        doc["type"] = "Something"
        del doc["first"]
    elif what == "color":
        doc["first"]["items"][0]["target"]["selector"] = "nonsense"
    return json.dumps(doc)


@pytest.mark.parametrize("what, message", [
    ("block", "malformed"), ("selector", "no paragraph 77"), ("type", "not an AnnotationCollection"),
    ("color", "no selector"), ("json", "not valid UTF-8 JSON"),
])
def test_bad_import_is_atomic(client, db, art, tmp_path, what, message, mark):
    populate(db, art, mark)
    doc = client.get("/export/annotations.jsonld").get_json(force=True)
    body = "{nope" if what == "json" else broken(doc, what)
    app2, client2 = fresh_client(tmp_path, "bad.db")
    before = client2.get("/export/annotations.jsonld").data
    r = client2.post("/import", data=body, content_type="application/ld+json")
    assert r.status_code == 400 and message in r.get_json()["message"]
    assert client2.get("/export/annotations.jsonld").data == before


def test_import_without_file_is_refused(client):
    r = client.post("/import", data={}, content_type="multipart/form-data")
    assert r.status_code == 400 and "Choose" in r.get_data(as_text=True)


def test_import_moves_an_article_whose_id_is_taken(client, db, art, tmp_path, mark):
    mark(art, 1, "Hund", note="bellen")
    data = client.get(f"/articles/{art}/export.jsonld").data
    app2, client2 = fresh_client(tmp_path, "busy.db")
    db2 = connect(app2.config["DATABASE"])
    taken = articles.create_article(db2, "Ein ganz anderer Text.")
    assert taken == art
    assert client2.post("/import", data=data, content_type="application/ld+json").status_code == 200
    (a,) = highlights.list_all(db2)
    assert a["article_id"] != art and articles.get_article(db2, a["article_id"])["title"] == "Hundeleben"
    assert articles.article_text(db2, art) == "Ein ganz anderer Text."
    assert (a["exact"], a["note"]) == ("Hund", "bellen")
    db2.close()


def test_import_brings_back_an_annotation_deleted_since_the_backup(client, db, art, mark):
    a = mark(art, 1, "Hund", note="bellen")
    data = client.get("/export/annotations.jsonld").data
    highlights.delete(db, a["id"])
    r = client.post("/import", data=data, content_type="application/ld+json")
    assert r.get_json()["annotations"] == 1
    assert highlights.get(db, a["id"]) == a


def test_restoring_onto_the_same_bundled_text_restores_its_dates(client, tmp_path):
    backup = client.get("/export/annotations.jsonld").get_json()
    bundled = backup["randnotiz"]["articles"][0]
    bundled["created"] = bundled["modified"] = "2020-01-02T03:04:05Z"
    _, client2 = fresh_client(tmp_path, "dated.db")
    assert client2.post("/import", data=json.dumps(backup), content_type="application/ld+json").status_code == 200
    again = client2.get("/export/annotations.jsonld").get_json()["randnotiz"]["articles"][0]
    assert (again["created"], again["modified"]) == ("2020-01-02T03:04:05Z", "2020-01-02T03:04:05Z")


def test_exports_number_paragraphs_as_the_reader_does(client, db, mark):
    # Block 2 is a heading, so block 3 is what the reader calls "paragraph 2 of 2".
    art = articles.create_article(db, "Erster Absatz ist hier.\n\nZwischentitel\n\nDer Hund bellt laut.",
                                  title="Mit Titel")
    assert articles.get_block(db, art, 2)["kind"] == "heading"
    mark(art, 3, "Hund")
    mark(art, 2, "Zwischentitel")
    md = client.get(f"/articles/{art}/export.md").get_data(as_text=True)
    assert "## Paragraph 2\n\n> Hund" in md
    assert "## Heading\n\n> Zwischentitel" in md
    assert "Paragraph 3" not in md
    rows = {r["quote"]: r for r in read_csv(client, f"/articles/{art}/export.csv")}
    assert (rows["Hund"]["paragraph"], rows["Hund"]["block"]) == ("2", "3")
    assert rows["Zwischentitel"]["paragraph"] == ""
