"""The highlights store: every write validated and atomic, undo after delete, reading order, spans."""
import re

import pytest

from annotations.notes import highlights
from annotations.reading import articles
from annotations.notes.highlights import AnnotationError, AnnotationNotFound

TEXT = "Erster Absatz über Moskau und Teheran.\n\nZweiter 😀 Absatz: Straße, Größe, Moskau.\n\nDritter Absatz."


@pytest.fixture
def art(db):
    return articles.create_article(db, TEXT, title="Test")


def block(db, art, n):
    return articles.get_block(db, art, n)["text"]


def hl(db, art, n, quote, **kw):
    text = block(db, art, n)
    start = text.index(quote)
    return highlights.create(db, art, n, start, start + len(quote), quote, **kw)


def count(db):
    return db["highlights"].count


def test_create_returns_full_annotation(db, art):
    a = hl(db, art, 2, "Straße", color="green", note="**wichtig**", tags=["Wort", " Wort ", "B1"])
    text = block(db, art, 2)
    assert a["start"] == text.index("Straße") and a["exact"] == "Straße"
    assert a["prefix"] == text[:a["start"]] and a["suffix"] == text[a["end"]:]
    assert a["color"] == "green" and a["tags"] == ["Wort", "B1"]
    assert a["note_html"] == "<p><strong>wichtig</strong></p>"
    assert a["status"] == "anchored" and a["motivation"] == "commenting"
    assert a["created"].endswith("Z") and a["modified"] == a["created"]
    assert highlights.get(db, a["id"]) == a


def test_prefix_and_suffix_are_32_characters(db):
    art = articles.create_article(db, "a" * 50 + "MITTE" + "b" * 50)
    a = highlights.create(db, art, 1, 50, 55, "MITTE")
    assert a["prefix"] == "a" * 32 and a["suffix"] == "b" * 32


@pytest.mark.parametrize("args, kw, message", [
    ((99, 0, 3, "Ers"), {}, "no paragraph 99"),
    ((1, 0, 3, "Ers"), {"color": "pink"}, "Unknown colour"),
    ((1, 3, 3, ""), {}, "not inside paragraph"),
    ((1, -1, 3, "Ers"), {}, "not inside paragraph"),
    ((1, 0, 999, "Ers"), {}, "not inside paragraph"),
    ((1, 0, 3, "XYZ"), {}, "does not match"),
    ((1, "0", 3, "Ers"), {}, "whole number"),
    ((1, 0, 3, "Ers"), {"note": "x" * 10_001}, "too long"),
    ((1, 0, 3, "Ers"), {"note": 5}, "must be text"),
    ((1, 0, 3, "Ers"), {"tags": ["t"] * 1 + [f"t{i}" for i in range(25)]}, "Too many tags"),
    ((1, 0, 3, "Ers"), {"tags": ["x" * 51]}, "too long"),
    ((1, 0, 3, "Ers"), {"tags": [1, 2]}, "list of words"),
    (("1", 0, 3, "Ers"), {}, "whole number"),
])
def test_bad_create_is_refused_and_nothing_stored(db, art, args, kw, message):
    with pytest.raises(AnnotationError, match=message):
        highlights.create(db, art, *args, **kw)
    assert count(db) == 0


def test_unknown_article_is_not_found(db):
    with pytest.raises(AnnotationNotFound):
        highlights.create(db, 12345, 1, 0, 1, "E")


def test_offsets_after_an_emoji_are_code_points(db, art):
    a = hl(db, art, 2, "Absatz")
    assert block(db, art, 2)[a["start"]:a["end"]] == "Absatz"


@pytest.mark.parametrize("kw, expected", [
    ({"color": "red"}, {"color": "red"}),
    ({"note": "neu"}, {"note": "neu", "motivation": "commenting"}),
    ({"note": "   "}, {"note": None, "motivation": "highlighting"}),
    ({"tags": "a, b ,a"}, {"tags": ["a", "b"], "motivation": "tagging"}),
])
def test_update(db, art, kw, expected):
    a = hl(db, art, 1, "Moskau")
    b = highlights.update(db, a["id"], **kw)
    assert {k: b[k] for k in expected} == expected
    assert b["start"] == a["start"] and b["created"] == a["created"]


@pytest.mark.parametrize("kw", [{"color": "black"}, {"note": "x" * 10_001}, {"tags": ["y" * 60]}])
def test_bad_update_changes_nothing(db, art, kw):
    a = hl(db, art, 1, "Moskau", note="alt")
    with pytest.raises(AnnotationError):
        highlights.update(db, a["id"], **kw)
    assert highlights.get(db, a["id"]) == a


def test_delete_and_restore_bring_back_exactly(db, art):
    a = hl(db, art, 1, "Moskau", color="blue", note="n", tags=["t"])
    highlights.delete(db, a["id"])
    assert highlights.get(db, a["id"]) is None
    assert highlights.list_for_article(db, art) == []
    assert highlights.restore(db, a["id"]) == a


@pytest.mark.parametrize("fn", [highlights.delete, highlights.confirm, highlights.restore,
                                lambda db, i: highlights.update(db, i, color="red")])
def test_missing_annotation_is_not_found(db, art, fn):
    with pytest.raises(AnnotationNotFound):
        fn(db, "nope")


def test_list_in_reading_order_with_filters(db, art):
    c = hl(db, art, 2, "Moskau", color="red", tags=["Stadt"])
    b = hl(db, art, 1, "Teheran", tags=["Stadt"])
    a = hl(db, art, 1, "Erster")
    db["highlights"].update(b["id"], {"block_n": None, "start_cp": None, "end_cp": None, "status": "orphan"})
    ids = [x["id"] for x in highlights.list_for_article(db, art)]
    assert ids == [a["id"], c["id"], b["id"]]  # orphans last
    assert [x["id"] for x in highlights.list_for_article(db, art, color="red")] == [c["id"]]
    assert [x["id"] for x in highlights.list_for_article(db, art, tag="Stadt")] == [c["id"], b["id"]]


def test_paragraph_note(db, art):
    p = highlights.create_paragraph_note(db, art, 3, "Zusammenfassung", tags=["x"])
    assert p["scope"] == "paragraph" and p["exact"] == block(db, art, 3) and p["motivation"] == "commenting"
    with pytest.raises(AnnotationError, match="needs some text"):
        highlights.create_paragraph_note(db, art, 3, "  ")
    assert highlights.spans(db, art, articles.get_blocks(db, art)) == {}


def test_spans_mark_highlights_with_classes(db, art):
    a = hl(db, art, 1, "Moskau", color="purple", note="n")
    b = hl(db, art, 2, "Größe")
    db["highlights"].update(b["id"], {"status": "fuzzy"})
    spans = highlights.spans(db, art, articles.get_blocks(db, art))
    (sa,), (sb,) = spans[1], spans[2]
    assert (sa.start, sa.end, sa.mark, sa.data) == (a["start"], a["end"], True, (("hl", a["id"]),))
    assert sa.classes == ("hl", "hl-purple", "hl-note")
    assert sb.classes == ("hl", "hl-yellow", "hl-fuzzy")


def test_confirm_fuzzy(db, art):
    a = hl(db, art, 1, "Moskau")
    db["highlights"].update(a["id"], {"status": "fuzzy"})
    assert highlights.confirm(db, a["id"])["status"] == "anchored"


def test_deleting_article_deletes_its_annotations(db, art):
    hl(db, art, 1, "Moskau")
    articles.delete_article(db, art)
    assert count(db) == 0


def test_rendered_paragraph_has_marks(client, db, art):
    a = hl(db, art, 1, "Moskau", color="green")
    html = client.get(f"/articles/{art}/p/1").get_data(as_text=True)
    marks = re.findall(r'<mark class="([^"]*)"[^>]*data-hl="([^"]*)"[^>]*>([^<]*)</mark>', html)
    assert len(marks) == 1 and "hl-green" in marks[0][0].split()
    assert marks[0][1:] == (a["id"], "Moskau")
