"""The reading page, its fragments and the remembered reading position, through Flask's test client."""
import io
import re

import pytest
from fake_providers import closed_port_url

from annotations.reading import articles


def test_root_opens_the_bundled_article(client):
    r = client.get("/")
    assert r.status_code == 302 and r.location.endswith("/articles/1")
    page = client.get("/articles/1").get_data(as_text=True)
    assert "<h1 id=\"article-title\" lang=\"de\">Russland und der Iran rücken noch näher zusammen</h1>" in page
    assert "krone.at" in page
    assert page.count('class="block block-paragraph"') == 6
    assert page.count('class="block block-boilerplate"') == 3
    assert re.search(r"<h2 class=\"ptext\" id=\"p-3-text\" lang=\"de\">Massive Unterstützung durch Nordkorea</h2>", page)
    assert "Paragraph <span id=\"progress-n\">1</span> of 6" in page


def test_site_chrome_is_behind_a_reveal(client):
    page = client.get("/articles/1").get_data(as_text=True)
    chrome = page[page.index('<details class="chrome"'):]
    body = page[:page.index('<details class="chrome"')]
    assert "Netiquette" in chrome and "Netiquette" not in body
    assert "Kommentare" in chrome


def test_paragraph_fragment_is_the_partial_alone(client):
    r = client.get("/articles/1/p/2")
    html = r.get_data(as_text=True)
    assert r.status_code == 200
    assert html.lstrip().startswith('<section id="p-2"')
    assert "<html" not in html
    assert "Kim Jong Un" in html


@pytest.mark.parametrize("n, ordinal", [(1, "1"), (4, "3"), (8, "6")])
def test_a_fragment_keeps_its_paragraph_number(client, n, ordinal):
    # Re-rendered paragraphs (after a highlight, say) drive "Paragraph n of N".
    html = client.get(f"/articles/1/p/{n}").get_data(as_text=True)
    assert f'data-ordinal="{ordinal}"' in html


def test_paragraph_text_is_escaped(client, db):
    article_id = articles.create_article(db, "Titel\n\n<script>alert(1)</script> & mehr.")
    html = client.get(f"/articles/{article_id}/p/1").get_data(as_text=True)
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; mehr." in html


@pytest.mark.parametrize("url, status, message", [
    ("/articles/99", 404, "no article 99"),
    ("/articles/1/p/99", 404, "no paragraph 99"),
    ("/articles/abc", 404, ""),
])
def test_missing_things_are_clear_404s(client, url, status, message):
    r = client.get(url)
    assert r.status_code == status
    assert message in r.get_data(as_text=True)


def test_position_is_remembered_across_restarts(app, client):
    assert client.post("/articles/1/position", data={"n": "5"}).status_code == 204
    from annotations import create_app

    again = create_app({"TESTING": True, "DATABASE": app.config["DATABASE"],
                        "BACKGROUND_TASKS": False}).test_client()
    page = again.get("/articles/1").get_data(as_text=True)
    assert 'data-position="5"' in page


@pytest.mark.parametrize("value, message", [
    ("", "paragraph number"), ("x", "paragraph number"), ("-1", "paragraph number"), ("999", "no paragraph 999"),
])
def test_bad_positions_are_refused(client, db, value, message):
    r = client.post("/articles/1/position", data={"n": value})
    assert r.status_code == 400 and message in r.get_data(as_text=True)
    assert db["reading_positions"].count == 0


def test_paste_a_new_article(client, db):
    r = client.post("/articles", data={"title": "Mein Text", "text": "Erster Absatz.\n\nZweiter Absatz."})
    assert r.status_code == 303
    page = client.get(r.location).get_data(as_text=True)
    assert "Mein Text" in page and "Zweiter Absatz." in page


def test_upload_a_text_file(client):
    data = {"file": (io.BytesIO("Hochgeladen.\r\nMit CRLF.".encode("utf-8")), "text.txt")}
    r = client.post("/articles", data=data, content_type="multipart/form-data")
    assert r.status_code == 303
    assert "Mit CRLF." in client.get(r.location).get_data(as_text=True)


BRUSSELS = ("Ein Treffen in Brüssel\n\nDie Minister trafen sich am Montag. Sie sprachen lange.\n\n"
            "Danach gab es ein Essen.\n\nAm Abend fuhren alle nach Hause.")


def blocks_of(db, location):
    article_id = int(location.rsplit("/", 1)[1])
    blocks = [(b["kind"], b["text"]) for b in articles.get_blocks(db, article_id)]
    return articles.get_article(db, article_id)["title"], blocks


def upload(name, text):
    return {"file": (io.BytesIO(text.encode("utf-8")), name)}


@pytest.mark.parametrize("data", [
    {"text": BRUSSELS},
    {"text": "# " + BRUSSELS},  # pasted Markdown
    {"text": BRUSSELS.replace("\n\n", "\n", 1)},  # the heading right above the first paragraph
    upload("treffen.txt", BRUSSELS),
    upload("treffen.md", "# " + BRUSSELS),
], ids=["text", "markdown", "no-blank-line", "txt-file", "md-file"])
def test_a_typed_title_keeps_the_texts_first_line_in_the_article(client, db, data):
    r = client.post("/articles", data={"title": "Brüssel-Test", **data}, content_type="multipart/form-data")
    assert r.status_code == 303
    title, blocks = blocks_of(db, r.location)
    assert title == "Brüssel-Test"
    assert blocks[0] == ("heading", "Ein Treffen in Brüssel") and len(blocks) == 4
    page = client.get(r.location).get_data(as_text=True)
    assert '<h1 id="article-title" lang="de">Brüssel-Test</h1>' in page
    assert re.search(r'<h2 class="ptext" id="p-1-text" lang="de">Ein Treffen in Brüssel</h2>', page)


@pytest.mark.parametrize("title", ["", "   ", "Ein  Treffen in Brüssel"])
def test_without_a_typed_title_the_first_line_is_the_title(client, db, title):
    r = client.post("/articles", data={"title": title, "text": BRUSSELS})
    assert r.status_code == 303
    title, blocks = blocks_of(db, r.location)
    # Taken off the text as the title, shown once, as the page's heading.
    assert title == "Ein Treffen in Brüssel"
    assert [kind for kind, _text in blocks] == ["paragraph"] * 3
    page = client.get(r.location).get_data(as_text=True)
    assert '<h1 id="article-title" lang="de">Ein Treffen in Brüssel</h1>' in page
    assert page.count("Ein Treffen in Brüssel</h") == 1


@pytest.mark.parametrize("data, message", [
    ({"text": "   "}, "empty"),
    ({"file": (io.BytesIO(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), "x.txt")}, "not text"),
])
def test_bad_new_articles_are_refused(client, db, data, message):
    r = client.post("/articles", data=data, content_type="multipart/form-data")
    assert r.status_code == 400 and message in r.get_data(as_text=True)
    assert db["articles"].count == 1


def test_errors_answer_json_to_json_clients(client):
    r = client.get("/articles/42", headers={"Accept": "application/json"})
    assert r.status_code == 404 and "no article 42" in r.get_json()["message"]


def test_library_lists_articles(client):
    page = client.get("/articles").get_data(as_text=True)
    assert "Russland und der Iran" in page and "6 paragraphs" in page


def test_an_oversized_request_is_a_clear_413(client, db):
    r = client.post("/articles", data={"text": "x" * (9 * 1024 * 1024)})
    assert r.status_code == 413 and "too large" in r.get_data(as_text=True).lower()
    assert db["articles"].count == 1


@pytest.mark.parametrize("url, data", [
    ("/articles/1/position", {"n": "²"}),
    ("/articles/1/position", {"n": "9" * 5000}),
    ("/articles/1/position", {"n": "99999999999999999999"}),
])
def test_numbers_that_only_look_like_numbers_are_refused(client, url, data):
    assert client.post(url, data=data).status_code == 400


@pytest.mark.parametrize("url", [
    "/annotations/?page=²", "/annotations/?article=" + "9" * 5000, "/articles/1/translate-all?after=³",
    "/words/lookup?article=1&n=²&start=0&end=1",
])
def test_query_numbers_that_only_look_like_numbers_are_refused(client, url):
    r = client.get(url)
    assert r.status_code == 400, r.get_data(as_text=True)[:300]


def test_paragraph_links_are_named_by_what_they_show_and_count_as_the_reader_does(client):
    page = client.get("/articles/1").get_data(as_text=True)
    # Block 4 follows a heading: it is the third paragraph. The one toolbar's ¶ link takes that
    # number as its name ("¶ 3", reader.js; test_paragraph_tools_browser.py checks it in Chromium).
    assert re.search(r'<section id="p-4" class="block block-paragraph" data-n="4" data-ordinal="3"', page)
    assert re.search(r'<a class="anchor" href="#" data-action="link">¶</a>', page)
    assert 'aria-label="Link to paragraph' not in page


def test_the_word_popover_is_a_dialog_not_a_live_region(client):
    page = client.get("/articles/1").get_data(as_text=True)
    popover = page[page.index('<div id="word-popover"'):]
    popover = popover[:popover.index("</div>\n</div>") if "</div>\n</div>" in popover else 800]
    assert 'role="dialog"' in popover and "aria-live" not in popover
    assert 'id="announcer" class="visually-hidden" aria-live="polite"' in page
    assert 'aria-live="assertive"' not in page


def test_pasted_text_wins_over_a_web_address_which_becomes_its_source(client, db):
    # Nothing listens there: fetched (offline, say), the learner's pasted text would be lost.
    url = closed_port_url() + "/nachrichten/artikel"
    r = client.post("/articles", data={"text": "Erster Absatz.\n\nZweiter Absatz.", "url": url})
    assert r.status_code == 303
    page = client.get(r.location).get_data(as_text=True)
    assert "Zweiter Absatz." in page
    assert f'Source: <a href="{url}" rel="noopener noreferrer">127.0.0.1</a>' in page


def form_of(page):
    found = re.search(r'<form id="new-article".*?</form>', page, re.DOTALL)
    assert found, "no form to add a text"
    return found.group(0)


@pytest.mark.parametrize("data, message", [
    ({}, "The text is empty"),
    ({"title": "Mein Titel", "text": "Ein Absatz.", "url": "ftp://example.org/x"}, "http:// or https://"),
    ({"title": "Mein Titel", "url": "URL"}, "inside this computer"),
])
def test_a_text_that_cannot_be_added_is_refused_on_the_form_with_the_input_kept(client, db, data, message):
    data = {k: v.replace("URL", closed_port_url()) for k, v in data.items()}
    kept = [v for v in data.values() if v]
    # htmx swaps the form's partial with the reason, as a 4xx: nothing typed is lost.
    r = client.post("/articles", data=data, headers={"HX-Request": "true"})
    assert r.status_code == 400
    form = form_of(r.get_data(as_text=True))
    assert '<p class="error-message" role="alert"' in form and message in form
    assert all(value in form for value in kept), form
    # Without a script: the library page, the same form with the reason and the input.
    r = client.post("/articles", data=data)
    assert r.status_code == 400
    page = r.get_data(as_text=True)
    assert "<h1>Library</h1>" in page and "Something is not right" not in page
    form = form_of(page)
    assert message in form and all(value in form for value in kept)
    assert db["articles"].count == 1  # the bundled article alone
