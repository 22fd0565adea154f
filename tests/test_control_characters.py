"""A NUL or another control character typed (or pasted) into a word, a meaning, a note or a tag is
refused with a 400 that says so, and nothing is stored; tabs and line breaks stay allowed."""
import json

import pytest

from annotations.notes import highlights
from annotations.reading import articles
from annotations.words import vocab

HX = {"HX-Request": "true"}
TEXT = "Titel\n\nDie Bäume sind grün. Ein Haus steht dort."
BAD = ["Baum\x00", "Baum\x07", "Ba\x1bum", "Baum\x7f", "Baum\x0c"]


@pytest.fixture
def aid(db):
    return articles.create_article(db, TEXT)


def save_form(db, aid, word, **extra):
    text = articles.get_block(db, aid, 1)["text"]
    i = text.index(word)
    return {"article": aid, "n": 1, "start": i, "end": i + len(word)} | extra


@pytest.mark.parametrize("bad", BAD)
@pytest.mark.parametrize("field", ["lemma", "gloss"])
def test_a_control_character_in_a_saved_word_is_refused(client, db, aid, field, bad):
    resp = client.post("/vocabulary", data=save_form(db, aid, "Bäume", **{field: bad}), headers=HX)
    assert resp.status_code == 400
    assert "control character" in resp.get_data(as_text=True)
    assert vocab.count(db) == 0


def test_a_control_character_in_an_edited_word_leaves_it_as_it_was(client, db, aid):
    assert client.post("/vocabulary", data=save_form(db, aid, "Bäume", lemma="Baum", gloss="tree")).status_code == 303
    word = vocab.find(db, "Baum")
    for change in ({"gloss": "tree\x00"}, {"lemma": "Baum\x01"}):
        resp = client.post(f"/vocabulary/{word['id']}", data=change, headers=HX)
        assert resp.status_code == 400 and "control character" in resp.get_data(as_text=True)
    assert (vocab.get(db, word["id"])["lemma"], vocab.get(db, word["id"])["gloss"]) == ("Baum", "tree")


def sel(db, aid, quote):
    text = articles.get_block(db, aid, 1)["text"]
    i = text.index(quote)
    return {"block": "1", "start": str(i), "end": str(i + len(quote)), "exact": quote}


@pytest.mark.parametrize("field, bad", [("note", "gut\x00"), ("note", "gut\x08"), ("tags", "wald\x00, baum")])
def test_a_control_character_in_a_note_or_tag_is_refused(client, db, aid, field, bad):
    resp = client.post(f"/articles/{aid}/highlights", data={**sel(db, aid, "Haus"), field: bad}, headers=HX)
    assert resp.status_code == 400 and "control character" in resp.get_data(as_text=True)
    resp = client.post(f"/articles/{aid}/p/1/note", data={"note": "x", field: bad}, headers=HX)
    assert resp.status_code == 400
    assert highlights.list_for_article(db, aid) == []


def test_an_edited_note_with_a_control_character_keeps_the_old_note(client, db, aid):
    client.post(f"/articles/{aid}/highlights", data={**sel(db, aid, "Haus"), "note": "alt"}, headers=HX)
    (a,) = highlights.list_for_article(db, aid)
    assert client.post(f"/highlights/{a['id']}", data={"note": "neu\x00"}, headers=HX).status_code == 400
    assert highlights.get(db, a["id"])["note"] == "alt"


def test_a_control_character_in_a_note_sent_by_an_annotation_client_is_refused(client, db, aid):
    doc = {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation",
           "body": {"type": "TextualBody", "value": "gut\u0007", "purpose": "commenting"},
           "target": {"source": f"http://localhost/articles/{aid}",
                      "selector": {"type": "TextQuoteSelector", "exact": "Haus"}}}
    resp = client.post("/annotations/", json=doc)
    assert resp.status_code == 400 and "control character" in resp.get_json()["message"]
    assert highlights.list_for_article(db, aid) == []


def test_tabs_and_line_breaks_in_a_note_are_kept(client, db, aid):
    resp = client.post(f"/articles/{aid}/highlights", data={**sel(db, aid, "Haus"), "note": "eins\r\n\tzwei"},
                       headers=HX)
    assert resp.status_code == 200
    assert highlights.list_for_article(db, aid)[0]["note"] == "eins\n\tzwei"


def test_a_note_replaced_by_an_annotation_client_with_a_control_character_is_refused(client, db, aid):
    client.post(f"/articles/{aid}/highlights", data={**sel(db, aid, "Haus"), "note": "alt"}, headers=HX)
    (a,) = highlights.list_for_article(db, aid)
    url = f"/annotations/{a['id']}"
    doc = client.get(url, headers={"Accept": "application/ld+json"}).get_json()
    doc["body"] = [{"type": "TextualBody", "value": "neu\u0000\u0001", "purpose": "commenting"}]
    resp = client.put(url, data=json.dumps(doc), content_type="application/ld+json")
    assert resp.status_code == 400
    assert highlights.get(db, a["id"])["note"] == "alt"


def test_an_export_holding_an_older_note_with_a_control_character_restores_it_as_it_was(client, db, aid):
    # Stored before control characters were refused: a backup of it must still restore, unchanged.
    text = articles.get_block(db, aid, 1)["text"]
    i = text.index("Haus")
    highlights.create(db, aid, 1, i, i + 4, "Haus", note="Seite\x0czwei")
    export = client.get("/export/annotations.jsonld").get_data()
    articles.delete_article(db, aid)
    resp = client.post("/import", data=export, content_type="application/ld+json")
    assert resp.status_code < 400, resp.get_data(as_text=True)[:300]
    article = articles.list_articles(db)[0]  # newest first: the one restored
    assert [a["note"] for a in highlights.list_for_article(db, article["id"])] == ["Seite\x0czwei"]
