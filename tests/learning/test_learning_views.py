"""The learning pages: status from the popover, bulk known with Undo, counts, review, import, exports."""
import csv
import io
import json

import pytest

from annotations.learning import status
from annotations.reading import articles
from annotations.sqlite import connect

TEXT = "Der Soldat sieht die Soldaten.\n\nDie Soldaten schlafen. Der Hund sieht die Häuser."
HX = {"HX-Request": "true"}


@pytest.fixture
def article(app, db, lemmatiser):
    return articles.create_article(db, TEXT)


def statuses(db_path):
    conn = connect(db_path)
    try:
        return status.all_statuses(conn)
    finally:
        conn.close()


def test_popover_shows_the_status_buttons(client, article):
    html = client.get(f"/words/lookup?article={article}&n=1&start=4&end=10").get_data(as_text=True)
    assert 'id="word-status"' in html and 'data-status-key="k"' in html and "new</b>" in html


def test_setting_a_status_refreshes_the_paragraphs_with_the_lemma(client, article, db_path):
    resp = client.post("/words/status", data={"word": "Soldaten", "status": "2", "article": article}, headers=HX)
    assert resp.status_code == 200 and "learning 2" in resp.get_data(as_text=True)
    assert json.loads(resp.headers["HX-Trigger"])["randnotiz:words-changed"]["blocks"] == [1, 2]
    assert statuses(db_path) == {"soldat": ("learning", 2)}
    classes = client.get(f"/articles/{article}/word-status.json").get_json()["classes"]
    assert classes["soldaten"] == classes["soldat"] == "ws-l2" and classes["hund"] == "ws-new"


def test_the_text_itself_carries_no_status_markup(client, article):
    # Status is painted over the text (CSS highlights): the paragraph HTML is as before.
    html = client.get(f"/articles/{article}/p/2").get_data(as_text=True)
    assert "ws-" not in html and "Die Soldaten schlafen." in html


@pytest.mark.parametrize("form, message", [
    ({"word": "Soldat", "status": "9"}, "is not a word status"),
    ({"word": "Soldat", "status": "known", "article": "x"}, "whole number"),
    ({"word": "   ", "status": "known"}, "no word"),
    ({"word": "Soldat" * 30, "status": "known"}, "too long"),
])
def test_bad_status_requests_are_refused_and_change_nothing(client, article, db_path, form, message):
    resp = client.post("/words/status", data=form)
    assert resp.status_code == 400 and message in resp.get_data(as_text=True)
    assert statuses(db_path) == {}


def test_mark_all_new_words_known_then_undo(client, article, db_path):
    client.post("/words/status", data={"word": "Hund", "status": "3"})
    resp = client.post(f"/articles/{article}/known")
    assert resp.status_code == 303
    assert set(statuses(db_path).values()) == {("known", None), ("learning", 3)}
    counts = client.get(f"/articles/{article}/counts").get_data(as_text=True)
    assert "0 new" in counts and 'id="undo-known"' in counts
    batch = status.last_batch(connect(db_path), article)["id"]
    assert client.post(f"/learning/undo/{batch}").status_code == 303
    assert statuses(db_path) == {"hund": ("learning", 3)}
    assert client.post(f"/learning/undo/{batch}").status_code == 409
    assert client.post("/learning/undo/999").status_code == 404


def test_fresh_counts_bring_the_folded_summary_line_along_but_not_to_the_library(client, article):
    counts = client.get(f"/articles/{article}/counts").get_data(as_text=True)
    assert '<span id="learning-summary" hx-swap-oob="true">6 new · 0.0 % known' in counts
    assert "learning-summary" not in client.get(f"/articles/{article}/counts?compact=1").get_data(as_text=True)


def test_library_and_reading_page_show_counts(client, article):
    counts = client.get(f"/articles/{article}/counts").get_data(as_text=True)
    assert "13 words" in counts and "6 lemmas" in counts and "0.0 % known" in counts
    library = client.get("/articles").get_data(as_text=True)
    assert "13 words · 6 lemmas · 6 new" in library  # counted by the request above: shown at once
    assert 'id="article-counts"' in client.get(f"/articles/{article}").get_data(as_text=True)


def save_word(client, article, n, start, end):
    return client.post("/vocabulary", data={"article": article, "n": n, "start": start, "end": end}, headers=HX)


def test_saved_words_start_at_learning_1_and_come_to_review(client, article, db_path):
    assert save_word(client, article, 1, 4, 10).status_code == 200  # "Soldat"
    assert statuses(db_path) == {"soldat": ("learning", 1)}
    assert ">1 due<" in client.get("/review/count").get_data(as_text=True)
    page = client.get("/review").get_data(as_text=True)
    assert 'class="cloze"' in page and "Der <span class=\"cloze-gap\"" in page


def test_review_grade_flow_and_bad_grades(client, article, db_path):
    save_word(client, article, 1, 4, 10)
    since = "2020-01-01T00:00:00Z"
    for bad in ("5", "0", "", "gut"):
        resp = client.post("/review/grade", data={"lemma": "Soldat", "grade": bad, "since": since}, headers=HX)
        assert resp.status_code == 400 and "is not a grade" in resp.get_data(as_text=True)
    assert client.post("/review/grade", data={"lemma": "Soldat", "grade": "3", "since": "yesterday"}).status_code == 400
    assert connect(db_path)["reviews"].count == 0
    resp = client.post("/review/grade", data={"lemma": "Soldat", "grade": "4", "since": since}, headers=HX)
    html = resp.get_data(as_text=True)
    assert "Session done" in html and "Easy 1" in html and resp.headers["HX-Trigger"] == "randnotiz:review-changed"
    resp = client.post("/review/undo", data={"since": since}, headers=HX)
    assert "Undid the last grade" in resp.get_data(as_text=True) and 'class="cloze"' in resp.get_data(as_text=True)
    assert client.post("/review/undo", data={"since": since}).status_code == 409


def test_import_a_plain_list_and_a_lute_csv(client, lemmatiser, db_path):
    resp = client.post("/learning/import", data={"words": "Häuser\n\n# a comment\nHund\n"})
    assert resp.status_code == 200 and "Imported 2 words" in resp.get_data(as_text=True)
    assert statuses(db_path) == {"haus": ("known", None), "hund": ("known", None)}
    lute = ("term,parent,translation,language,tags,added,status,link_status,pronunciation\n"
            "Soldaten,Soldat,soldiers,German,,2024-01-01,3,,\n"
            "Berlin,,,German,,2024-01-01,I,,\n"
            "Hund,,,German,,2024-01-01,W,,\n"
            "perro,,,Spanish,,2024-01-01,W,,\n")
    resp = client.post("/learning/import", data={"file": (io.BytesIO(lute.encode()), "terms.csv")})
    assert resp.status_code == 200
    assert statuses(db_path) == {"haus": ("known", None), "hund": ("known", None), "soldat": ("learning", 3),
                                 "berlin": ("ignored", None)}


@pytest.mark.parametrize("body, message", [
    ({"words": "Hund\n12345\nKatze"}, "line 2"),
    ({"words": "Hund\n" + "x" * 200}, "line 2"),
    ({"words": ""}, "no words"),
    ({"file": (io.BytesIO(b"term,status\nHund,7\n"), "t.csv")}, "not a LUTE status"),
    ({"file": (io.BytesIO(b"term,status\nHund,W,extra\n"), "t.csv")}, "more cells"),
    ({"file": (io.BytesIO(b"\xff\xfeH\x00"), "t.txt")}, "not UTF-8"),
])
def test_malformed_imports_are_refused_and_change_nothing(client, lemmatiser, db_path, body, message):
    resp = client.post("/learning/import", data=body)
    assert resp.status_code == 400 and message in resp.get_data(as_text=True)
    assert statuses(db_path) == {}


def test_anki_exports_carry_the_status(client, article):
    save_word(client, article, 1, 4, 10)
    client.post("/words/status", data={"word": "Soldat", "status": "known"})
    rows = list(csv.DictReader(io.StringIO(client.get("/vocabulary/export.csv").get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0]["status"] == "known"
    tsv = client.get("/vocabulary/export.tsv").get_data(as_text=True)
    assert tsv.rstrip("\n").split("\n")[-1].endswith("randnotiz randnotiz::known")


def test_stats_page_draws_svg_charts(client, article):
    client.post("/words/status", data={"word": "Hund", "status": "known"})
    html = client.get("/stats").get_data(as_text=True)
    assert html.count("<svg") == 2 and "<polyline" in html and "1</b> known" in html
