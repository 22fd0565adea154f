"""Editing an article's text re-anchors its annotations; deleting asks first and says what goes."""
import pytest

from annotations.notes import highlights
from annotations.reading import articles

TEXT = "Erster Absatz mit dem Hund.\n\nZweiter Absatz über Wien."


@pytest.fixture
def art(db):
    return articles.create_article(db, TEXT, title="Mein Titel")


def mark(db, art, n, quote):
    start = articles.get_block(db, art, n)["text"].index(quote)
    return highlights.create(db, art, n, start, start + len(quote), quote)


def test_edit_form_shows_text_and_title(client, art):
    html = client.get(f"/articles/{art}/edit").get_data(as_text=True)
    assert "Erster Absatz mit dem Hund.\n\nZweiter Absatz über Wien.</textarea>" in html
    assert 'value="Mein Titel"' in html


def test_edit_reports_reanchoring(client, db, art):
    mark(db, art, 1, "dem Hund")
    mark(db, art, 2, "über Wien")
    new = "Ganz neu vorne.\n\nErster Absatz mit dem Hund.\n\nZweiter Absatz in Graz."
    r = client.post(f"/articles/{art}/edit", data={"title": "Neuer Titel", "text": new})
    html = r.get_data(as_text=True)
    assert r.status_code == 200
    for status, n in [("anchored", 1), ("moved", 0), ("fuzzy", 0), ("orphan", 1)]:
        assert f'<span id="count-{status}">{n}</span>' in html
    assert articles.article_text(db, art) == new
    assert articles.get_article(db, art)["title"] == "Neuer Titel"
    assert [a["block_n"] for a in highlights.list_for_article(db, art)] == [2, None]


def test_a_first_subheading_stays_a_block(client, db, art):
    new = "Zwischentitel\n\nErster Absatz mit dem Hund."
    client.post(f"/articles/{art}/edit", data={"title": "Mein Titel", "text": new})
    assert [b["kind"] for b in articles.get_blocks(db, art)] == ["heading", "paragraph"]


@pytest.mark.parametrize("form, code, message", [
    ({"title": "T", "text": "   "}, 400, "The text is empty"),
    ({"title": "T" * 301, "text": "Etwas."}, 400, "title is too long"),
    ({"title": "T", "text": "x" * 2_000_001}, 400, "The text is too long"),
])
def test_bad_edit_is_refused_and_text_kept(client, db, art, form, code, message):
    a = mark(db, art, 1, "Hund")
    r = client.post(f"/articles/{art}/edit", data=form)
    assert r.status_code == code and message in r.get_data(as_text=True)
    assert articles.article_text(db, art) == TEXT and highlights.get(db, a["id"]) == a


@pytest.mark.parametrize("n, expected", [(0, "It has no annotations"), (1, "1 annotation</strong>"),
                                         (2, "2 annotations</strong>")])
def test_delete_confirmation_counts_annotations(client, db, art, n, expected):
    for quote in ["Erster", "Hund"][:n]:
        mark(db, art, 1, quote)
    assert expected in client.get(f"/articles/{art}/delete").get_data(as_text=True)


def test_delete_needs_confirmation_then_removes_everything(client, db, art):
    mark(db, art, 1, "Hund")
    assert client.post(f"/articles/{art}/delete").status_code == 400
    assert articles.get_article(db, art) is not None
    r = client.post(f"/articles/{art}/delete", data={"confirm": "yes"})
    assert r.status_code == 303 and r.headers["Location"].endswith("/articles")
    assert articles.get_article(db, art) is None and db["highlights"].count == 0


@pytest.mark.parametrize("url", ["/articles/999/edit", "/articles/999/delete"])
def test_unknown_article(client, url):
    assert client.get(url).status_code == 404


def test_reader_toolbar_links(client, art):
    html = client.get(f"/articles/{art}").get_data(as_text=True)
    for href in [f"/articles/{art}/edit", f"/articles/{art}/delete", f"/articles/{art}/export.jsonld",
                 f"/articles/{art}/export.md", f"/articles/{art}/export.csv"]:
        assert f'href="{href}"' in html
