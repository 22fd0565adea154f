"""Highlight and note views through the Flask client: offsets, fragments, bad input, undo, panel."""
import re

import pytest

from annotations.notes import highlights
from annotations.reading import articles

TEXT = ("Titel\n\n"
        "Ein 😀 Emoji vor dem Wort Haus. Noch ein Satz.\n\n"
        "Zweiter Absatz mit Text und Haus.")
HX = {"HX-Request": "true"}


def u16(s):
    """Length of s in UTF-16 code units, as the browser counts."""
    return len(s.encode("utf-16-le")) // 2


@pytest.fixture
def aid(db):
    return articles.create_article(db, TEXT)


def text_of(db, aid, n):
    return articles.get_block(db, aid, n)["text"]


def sel(db, aid, n, quote, occurrence=0):
    """Form fields for selecting `quote` in block n, with UTF-16 offsets like the browser's."""
    text = text_of(db, aid, n)
    i = -1
    for _ in range(occurrence + 1):
        i = text.index(quote, i + 1)
    return {"block": str(n), "start": str(u16(text[:i])), "end": str(u16(text[:i + len(quote)])), "exact": quote}


def post_hl(client, aid, fields, headers=HX, **extra):
    return client.post(f"/articles/{aid}/highlights", data={**fields, **extra}, headers=headers)


def marks(html):
    """[(classes, highlight ids, text)] of the <mark> elements in html."""
    out = []
    for m in re.finditer(r"<mark ([^>]*)>([^<]*)</mark>", html):
        attrs = dict(re.findall(r'([\w-]+)="([^"]*)"', m.group(1)))
        out.append((set(attrs.get("class", "").split()), set(attrs.get("data-hl", "").split()), m.group(2)))
    return out


def test_create_after_emoji_marks_the_right_words(client, db, aid):
    r = post_hl(client, aid, sel(db, aid, 1, "Haus"), color="green")
    assert r.status_code == 200
    assert r.headers["HX-Trigger"] == "annotations-changed"
    (a,) = highlights.list_for_article(db, aid)
    text = text_of(db, aid, 1)
    assert text[a["start"]:a["end"]] == "Haus" and a["color"] == "green"
    assert 'id="p-1"' in r.text and 'hx-swap-oob="true"' in r.text
    assert [(m[1], m[2]) for m in marks(r.text) if "hl-green" in m[0]] == [({a["id"]}, "Haus")]
    # A reload (the paragraph fragment and the whole page) shows the same mark.
    assert marks(client.get(f"/articles/{aid}/p/1").text) == marks(r.text)
    assert any(m[2] == "Haus" and "hl-green" in m[0] for m in marks(client.get(f"/articles/{aid}").text))


def test_overlapping_highlights_share_segments(client, db, aid):
    post_hl(client, aid, sel(db, aid, 1, "Emoji vor dem"), color="yellow")
    r = post_hl(client, aid, sel(db, aid, 1, "dem Wort"), color="blue")
    yellow, blue = sorted(highlights.list_for_article(db, aid), key=lambda a: a["start"])
    got = [(m[2], m[1], {"hl-yellow", "hl-blue"} & m[0]) for m in marks(r.text)]
    assert got == [
        ("Emoji vor ", {yellow["id"]}, {"hl-yellow"}),
        ("dem", {yellow["id"], blue["id"]}, {"hl-yellow", "hl-blue"}),
        (" Wort", {blue["id"]}, {"hl-blue"}),
    ]
    menu = client.get(f"/articles/{aid}/highlights/menu", query_string={"ids": f"{yellow['id']} {blue['id']}"},
                      headers=HX)
    assert menu.status_code == 200
    assert menu.text.count('class="hl-menu-item"') == 2 and "2 highlights here" in menu.text


def test_selection_across_paragraphs_is_split_atomically(client, db, aid):
    first, second = sel(db, aid, 1, "Noch ein Satz."), sel(db, aid, 2, "Zweiter")
    data = {k: [first[k], second[k]] for k in first}
    r = client.post(f"/articles/{aid}/highlights", data=data, headers=HX)
    assert r.status_code == 200
    got = [(a["block_n"], a["exact"]) for a in highlights.list_for_article(db, aid)]
    assert got == [(1, "Noch ein Satz."), (2, "Zweiter")]
    assert 'id="p-1"' in r.text and 'id="p-2"' in r.text


def bad_cases():
    yield "offset past the end", lambda f: {**f, "end": "999"}, "not inside paragraph"
    yield "start after end", lambda f: {**f, "start": f["end"], "end": f["start"]}, "not inside paragraph"
    yield "offset inside the emoji", lambda f: {**f, "block": "1", "start": "5", "end": "9", "exact": "x"}, "inside a character"
    yield "not a number", lambda f: {**f, "start": "drei"}, "whole number"
    yield "negative", lambda f: {**f, "start": "-1"}, "whole number"
    yield "quote mismatch", lambda f: {**f, "exact": "Hund"}, "does not match"
    yield "unknown colour", lambda f: {**f, "color": "pink"}, "Unknown colour"
    yield "note too long", lambda f: {**f, "note": "x" * (highlights.MAX_NOTE_CHARS + 1)}, "too long"
    yield "unknown paragraph", lambda f: {**f, "block": "99"}, "no paragraph 99"
    yield "nothing selected", lambda f: {"color": "yellow"}, "Select some text"
    yield "fields missing", lambda f: {k: v for k, v in f.items() if k != "exact"}, "needs a block"
    # A quote that runs on into the next paragraph cannot be stored against one paragraph.
    yield "crosses a paragraph", lambda f: {**f, "exact": "Satz.\n\nZweiter", "end": "999"}, "not inside paragraph"
    # Split selection whose second part is bad: the first part is not stored either.
    yield "second part bad", lambda f: {k: [f[k], {"block": "2", "start": "0", "end": "7", "exact": "Dritter"}[k]]
                                        for k in ("block", "start", "end", "exact")}, "does not match"


@pytest.mark.parametrize("headers", [HX, {}], ids=["htmx", "plain"])
@pytest.mark.parametrize("name, change, message", list(bad_cases()), ids=[c[0] for c in bad_cases()])
def test_bad_highlight_is_refused_and_nothing_stored(client, db, aid, headers, name, change, message):
    r = client.post(f"/articles/{aid}/highlights", data=change(sel(db, aid, 1, "Noch ein Satz.")), headers=headers)
    assert r.status_code == 400
    assert message in r.text
    assert highlights.list_for_article(db, aid) == []


def test_plain_form_post_redirects_to_the_paragraph(client, db, aid):
    r = post_hl(client, aid, sel(db, aid, 2, "Absatz"), headers={})
    assert r.status_code == 303 and r.headers["Location"].endswith(f"/articles/{aid}#p-2")


def test_note_and_tags_render_sanitised_markdown(client, db, aid):
    r = post_hl(client, aid, sel(db, aid, 1, "Haus"), note="**Haus** <script>alert(1)</script>",
                tags="Nomen, wichtig ,")
    assert r.status_code == 200
    (a,) = highlights.list_for_article(db, aid)
    assert a["tags"] == ["Nomen", "wichtig"]
    assert any("hl-note" in m[0] for m in marks(r.text))
    panel = client.get(f"/articles/{aid}/annotations/panel", headers=HX).text
    assert "<strong>Haus</strong>" in panel and "<script>" not in panel
    assert "<li>Nomen</li>" in panel and "<li>wichtig</li>" in panel


def test_update_colour_note_and_tags(client, db, aid):
    post_hl(client, aid, sel(db, aid, 1, "Haus"))
    (a,) = highlights.list_for_article(db, aid)
    r = client.post(f"/highlights/{a['id']}", data={"color": "red"}, headers=HX)
    assert r.status_code == 200 and any("hl-red" in m[0] for m in marks(r.text))
    r = client.post(f"/highlights/{a['id']}", data={"note": "neu", "tags": "x"}, headers=HX)
    assert r.status_code == 200
    a = highlights.get(db, a["id"])
    assert (a["color"], a["note"], a["tags"]) == ("red", "neu", ["x"])
    assert client.post(f"/highlights/{a['id']}", data={"color": "pink"}, headers=HX).status_code == 400
    assert client.post(f"/highlights/{a['id']}", data={}, headers=HX).status_code == 400
    assert highlights.get(db, a["id"])["color"] == "red"
    form = client.get(f"/highlights/{a['id']}/edit", headers=HX).text
    assert 'name="tags" value="x"' in form and ">\nneu</textarea>" in form


def test_delete_then_undo(client, db, aid):
    post_hl(client, aid, sel(db, aid, 1, "Haus"), note="merken")
    (a,) = highlights.list_for_article(db, aid)
    r = client.post(f"/highlights/{a['id']}/delete", headers=HX)
    assert r.status_code == 200 and marks(r.text) == []
    assert f'hx-post="/highlights/{a["id"]}/restore"' in r.text and "Undo" in r.text
    assert highlights.list_for_article(db, aid) == []
    assert "merken" not in client.get(f"/articles/{aid}/annotations/panel", headers=HX).text
    r = client.post(f"/highlights/{a['id']}/restore", headers=HX)
    assert r.status_code == 200 and [m[2] for m in marks(r.text)] == ["Haus"]
    assert highlights.get(db, a["id"])["note"] == "merken"


@pytest.mark.parametrize("method, path", [
    ("post", "/highlights/{}"), ("post", "/highlights/{}/delete"), ("post", "/highlights/{}/restore"),
    ("post", "/highlights/{}/confirm"), ("get", "/highlights/{}/edit"),
])
def test_unknown_annotation_is_404(client, method, path):
    r = getattr(client, method)(path.format("nope"), data={"color": "red"}, headers=HX)
    assert r.status_code == 404 and "does not exist" in r.text


def test_paragraph_note(client, db, aid):
    form = client.get(f"/articles/{aid}/p/2/note", headers=HX)
    assert form.status_code == 200 and f'hx-post="/articles/{aid}/p/2/note"' in form.text
    r = client.post(f"/articles/{aid}/p/2/note", data={"note": "Ein *ganzer* Absatz", "tags": "Grammatik"},
                    headers=HX)
    assert r.status_code == 200 and "<em>ganzer</em>" in r.text and 'id="p-2"' in r.text
    (a,) = highlights.list_for_article(db, aid)
    assert (a["scope"], a["block_n"], a["tags"]) == ("paragraph", 2, ["Grammatik"])
    assert "<em>ganzer</em>" in client.get(f"/articles/{aid}").text
    assert client.post(f"/articles/{aid}/p/2/note", data={"note": " "}, headers=HX).status_code == 400
    assert client.post(f"/articles/{aid}/p/9/note", data={"note": "x"}, headers=HX).status_code == 404
    assert len(highlights.list_for_article(db, aid)) == 1


def quotes(html):
    return re.findall(r'<q lang="de">([^<]*)</q>', html)


def test_empty_panel_says_how_to_start_and_the_filter_comes_with_the_first_highlight(client, db, aid):
    panel = lambda: client.get(f"/articles/{aid}/annotations/panel", headers=HX).text
    assert "Nothing yet" in panel() and 'id="hl-filter"' not in panel() and "in this article" not in panel()
    post_hl(client, aid, sel(db, aid, 1, "Emoji"), color="green")
    assert 'id="hl-filter"' in panel() and "1 in this article" in panel()


def test_panel_lists_in_reading_order_and_filters(client, db, aid):
    post_hl(client, aid, sel(db, aid, 2, "Text"), color="green", tags="Nomen")
    post_hl(client, aid, sel(db, aid, 1, "Emoji"), color="yellow", tags="Nomen, Wort")
    post_hl(client, aid, sel(db, aid, 1, "Noch"), color="green")
    panel = lambda **q: client.get(f"/articles/{aid}/annotations/panel", query_string=q, headers=HX)
    assert quotes(panel().text) == ["Emoji", "Noch", "Text"]
    assert quotes(panel(color="green").text) == ["Noch", "Text"]
    assert quotes(panel(tag="Nomen").text) == ["Emoji", "Text"]
    assert quotes(panel(color="green", tag="Nomen").text) == ["Text"]
    assert "Nothing matches" in panel(tag="Verb").text
    assert quotes(client.get(f"/articles/{aid}/annotations/panel?color=green").text) == ["Noch", "Text"]


@pytest.mark.parametrize("query, message", [
    ({"color": "pink"}, "Unknown colour"),
    ({"tag": "x" * 101}, "too long"),
])
def test_panel_bad_filter_is_400(client, aid, query, message):
    r = client.get(f"/articles/{aid}/annotations/panel", query_string=query, headers=HX)
    assert r.status_code == 400 and message in r.text


def test_fuzzy_is_flagged_and_confirmed_orphans_listed_apart(client, db, aid):
    post_hl(client, aid, sel(db, aid, 1, "Emoji vor dem Wort Haus"))
    post_hl(client, aid, sel(db, aid, 2, "Zweiter"))
    highlights.edit_text(db, aid, "Titel\n\nEin 😀 Emoji vor einem Wort Haus. Noch ein Satz.\n\n"
                                   "Ganz anderer Absatz.")
    html = client.get(f"/articles/{aid}/annotations/panel", headers=HX).text
    fuzzy, orphan = highlights.list_for_article(db, aid)
    assert (fuzzy["status"], orphan["status"]) == ("fuzzy", "orphan")
    assert f'/highlights/{fuzzy["id"]}/confirm' in html
    orphans = html[html.index('id="hl-orphans"'):]
    assert quotes(orphans) == ["Zweiter"]
    assert any("hl-fuzzy" in m[0] for m in marks(client.get(f"/articles/{aid}/p/1").text))
    r = client.post(f"/highlights/{fuzzy['id']}/confirm", headers=HX)
    assert r.status_code == 200 and not any("hl-fuzzy" in m[0] for m in marks(r.text))
    assert highlights.get(db, fuzzy["id"])["status"] == "anchored"
    assert client.post(f"/highlights/{orphan['id']}/confirm", headers=HX).status_code == 400


def test_forms_and_panel_work_as_pages_without_htmx(client, db, aid):
    post_hl(client, aid, sel(db, aid, 1, "Haus"), note="merken")
    (a,) = highlights.list_for_article(db, aid)
    for path in (f"/highlights/{a['id']}/edit", f"/articles/{aid}/p/1/note",
                 f"/articles/{aid}/annotations/panel?color=yellow",
                 f"/articles/{aid}/highlights/new?block=1&start=0&end=3&exact=Ein&color=green"):
        r = client.get(path)
        assert r.status_code == 200 and "<html" in r.text and f'href="/articles/{aid}"' in r.text
    r = client.post(f"/highlights/{a['id']}/delete")
    assert r.status_code == 303 and highlights.list_for_article(db, aid) == []


def many_notes(db, aid, count):
    """Highlight the article's first word count times, each with a note of its own."""
    text = text_of(db, aid, 1)
    word = text.split()[0]
    for i in range(count):
        highlights.create(db, aid, 1, 0, len(word), word, note=f"Notiz {i}")


def test_a_long_notes_panel_loads_after_the_page_and_lists_everything(client, db, aid):
    from annotations.reading.views import PANEL_INLINE_MAX

    many_notes(db, aid, PANEL_INLINE_MAX + 1)
    page = client.get(f"/articles/{aid}").get_data(as_text=True)
    assert "Notiz 0" not in page and f"Loading {PANEL_INLINE_MAX + 1} highlights and notes" in page
    assert 'hx-trigger="load, annotations-changed from:body"' in page
    panel = client.get(f"/articles/{aid}/annotations/panel", headers=HX).get_data(as_text=True)
    assert all(f"Notiz {i}<" in panel for i in range(PANEL_INLINE_MAX + 1))


def test_a_short_notes_panel_comes_with_the_page(client, db, aid):
    many_notes(db, aid, 3)
    page = client.get(f"/articles/{aid}").get_data(as_text=True)
    assert all(f"Notiz {i}<" in page for i in range(3)) and "Loading" not in page
