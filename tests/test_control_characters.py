"""A NUL (or a lone surrogate) in any form field or annotation is refused with a 400 that says so,
and nothing is stored; other control characters pass, because the article itself may hold them
(a text pasted from a PDF) and what the reader takes from it goes back to the server as it is."""
import json

import pytest

from annotations.notes import highlights
from annotations.reading import articles
from annotations.words import vocab

HX = {"HX-Request": "true"}
TEXT = "Titel\n\nDie Bäume sind grün. Ein Haus steht dort."


@pytest.fixture
def aid(db):
    return articles.create_article(db, TEXT)


def save_form(db, aid, word, **extra):
    text = articles.get_block(db, aid, 1)["text"]
    i = text.index(word)
    return {"article": aid, "n": 1, "start": i, "end": i + len(word)} | extra


@pytest.mark.parametrize("field", ["lemma", "gloss"])
def test_a_nul_in_a_saved_word_is_refused(client, db, aid, field):
    resp = client.post("/vocabulary", data=save_form(db, aid, "Bäume", **{field: "Baum\x00"}), headers=HX)
    assert resp.status_code == 400
    assert "NUL" in resp.get_data(as_text=True)
    assert vocab.count(db) == 0


def test_a_nul_in_an_edited_word_leaves_it_as_it_was(client, db, aid):
    assert client.post("/vocabulary", data=save_form(db, aid, "Bäume", lemma="Baum", gloss="tree")).status_code == 303
    word = vocab.find(db, "Baum")
    for change in ({"gloss": "tree\x00"}, {"lemma": "Baum\x00"}):
        resp = client.post(f"/vocabulary/{word['id']}", data=change, headers=HX)
        assert resp.status_code == 400 and "NUL" in resp.get_data(as_text=True)
    assert (vocab.get(db, word["id"])["lemma"], vocab.get(db, word["id"])["gloss"]) == ("Baum", "tree")


def sel(db, aid, quote, n=1):
    text = articles.get_block(db, aid, n)["text"]
    i = text.index(quote)
    return {"block": str(n), "start": str(i), "end": str(i + len(quote)), "exact": quote}


@pytest.mark.parametrize("field, bad", [("note", "gut\x00"), ("tags", "wald\x00, baum")])
def test_a_nul_in_a_note_or_tag_is_refused(client, db, aid, field, bad):
    resp = client.post(f"/articles/{aid}/highlights", data={**sel(db, aid, "Haus"), field: bad}, headers=HX)
    assert resp.status_code == 400 and "NUL" in resp.get_data(as_text=True)
    resp = client.post(f"/articles/{aid}/p/1/note", data={"note": "x", field: bad}, headers=HX)
    assert resp.status_code == 400
    assert highlights.list_for_article(db, aid) == []


def test_an_edited_note_with_a_nul_keeps_the_old_note(client, db, aid):
    client.post(f"/articles/{aid}/highlights", data={**sel(db, aid, "Haus"), "note": "alt"}, headers=HX)
    (a,) = highlights.list_for_article(db, aid)
    assert client.post(f"/highlights/{a['id']}", data={"note": "neu\x00"}, headers=HX).status_code == 400
    assert highlights.get(db, a["id"])["note"] == "alt"


def test_tabs_and_line_breaks_in_a_note_are_kept(client, db, aid):
    resp = client.post(f"/articles/{aid}/highlights", data={**sel(db, aid, "Haus"), "note": "eins\r\n\tzwei"},
                       headers=HX)
    assert resp.status_code == 200
    assert highlights.list_for_article(db, aid)[0]["note"] == "eins\n\tzwei"


def test_a_passage_and_a_title_holding_the_articles_own_control_character_can_be_used(client, db):
    # Pasted from a PDF: a control character stays in the text, the title and the passage taken
    # from it, and highlighting that passage or saving the title back must work.
    aid = articles.create_article(db, "Bericht\x02 aus Wien\n\nDer Hund\x02 läuft über die Wiese.")
    resp = client.post(f"/articles/{aid}/highlights", data=sel(db, aid, "Hund\x02 läuft"), headers=HX)
    assert resp.status_code == 200, resp.get_data(as_text=True)[:300]
    assert highlights.list_for_article(db, aid)[0]["exact"] == "Hund\x02 läuft"
    title = articles.get_article(db, aid)["title"]
    assert "\x02" in title
    resp = client.post(f"/articles/{aid}/edit", data={"title": title, "text": articles.editable_text(db, aid)})
    assert resp.status_code < 400, resp.get_data(as_text=True)[:300]


def test_a_nul_in_a_note_sent_by_an_annotation_client_is_refused(client, db, aid):
    client.post(f"/articles/{aid}/highlights", data={**sel(db, aid, "Haus"), "note": "alt"}, headers=HX)
    (a,) = highlights.list_for_article(db, aid)
    url = f"/annotations/{a['id']}"
    doc = client.get(url, headers={"Accept": "application/ld+json"}).get_json()
    doc["body"] = [{"type": "TextualBody", "value": "neu\u0000", "purpose": "commenting"}]
    resp = client.put(url, data=json.dumps(doc), content_type="application/ld+json")
    assert resp.status_code == 400
    assert highlights.get(db, a["id"])["note"] == "alt"


def test_a_restored_note_with_a_control_character_can_be_saved_again_by_its_client(client, db, aid):
    # A backup keeps "Seite\x0czwei" (a form feed pasted long ago); its annotation client sends it back.
    text = articles.get_block(db, aid, 1)["text"]
    i = text.index("Haus")
    a = highlights.create(db, aid, 1, i, i + 4, "Haus", note="Seite\x0czwei")
    url = f"/annotations/{a['id']}"
    doc = client.get(url, headers={"Accept": "application/ld+json"}).get_json()
    resp = client.put(url, data=json.dumps(doc), content_type="application/ld+json")
    assert resp.status_code < 400, resp.get_data(as_text=True)[:300]
    assert highlights.get(db, a["id"])["note"] == "Seite\x0czwei"


def test_an_export_holding_a_note_with_a_control_character_restores_it_as_it_was(client, db, aid):
    text = articles.get_block(db, aid, 1)["text"]
    i = text.index("Haus")
    highlights.create(db, aid, 1, i, i + 4, "Haus", note="Seite\x0czwei")
    export = client.get("/export/annotations.jsonld").get_data()
    articles.delete_article(db, aid)
    resp = client.post("/import", data=export, content_type="application/ld+json")
    assert resp.status_code < 400, resp.get_data(as_text=True)[:300]
    article = articles.list_articles(db)[0]  # newest first: the one restored
    assert [a["note"] for a in highlights.list_for_article(db, article["id"])] == ["Seite\x0czwei"]
