"""Texts keep their structure on import: web pages, pasted pages, Markdown, EPUB, and any text encoding."""
import io

import pytest
from ebooklib import epub

from annotations.reading import articles, formats
from annotations.reading.structuring import structure
# app: imports from the loopback test site allowed (READER_ALLOW_PRIVATE_URLS), as in test_fetch.
from tests.reading.test_fetch import ROUTES, app, read_back, site  # noqa: F401 (the loopback web server)

NEWS = """<!doctype html><html><head><meta charset="windows-1252">
<title>Erdöl: Woher es kommt – Wissen | Beispielzeitung</title>
<meta property="og:title" content="Erdöl: Woher es kommt"></head><body>
<nav><ul><li><a href="/">Menü</a></li><li><a href="/p">Politik</a></li><li><a href="/w">Wissen</a></li></ul></nav>
<article><h1>Erdöl: Woher es kommt</h1>
<p>Erdöl ist ein Gemisch aus Kohlenwasserstoffen, das seit Jahrmillionen im Boden liegt. Es wird überall gefördert.</p>
<h2>Wie entsteht Erdöl?</h2>
<p>Vor Millionen von Jahren sanken abgestorbene Meereslebewesen auf den Grund der Meere und wurden bedeckt.</p>
<ul><li>Plankton sinkt zu Boden</li><li>Schlamm deckt es zu</li><li>Druck und Wärme wirken lange</li></ul>
<blockquote><p>„Das Öl ist ein endlicher Rohstoff“, sagt die Forscherin aus Bremen.</p></blockquote>
<h2>Wo wird es gefördert?</h2>
<p>Die größten Vorkommen liegen im Nahen Osten, in Russland und in Nordamerika, aber auch unter der Nordsee.</p>
<ol><li>Saudi-Arabien</li><li>Russland</li></ol>
</article><footer>Impressum · Datenschutz · © 2026</footer></body></html>"""
# Windows-1252 bytes, the charset named only in <meta>, the server saying nothing about it.
ROUTES["/cp1252"] = (200, "text/html", NEWS.encode("cp1252"))


def blocks_of(db, article_id):
    return [(b["kind"], b["text"]) for b in articles.get_blocks(db, article_id)]


def test_a_news_page_keeps_headings_questions_lists_and_quotes(client, db, site):  # noqa: F811
    page = read_back(client, client.post("/articles", data={"url": site + "/cp1252"}))
    article_id = max(a["id"] for a in articles.list_articles(db))
    art = articles.get_article(db, article_id)
    assert art["title"] == "Erdöl: Woher es kommt"
    got = blocks_of(db, article_id)
    assert [t for k, t in got if k == "heading"] == ["Wie entsteht Erdöl?", "Wo wird es gefördert?"]
    assert [t for k, t in got if k == "list"] == ["Plankton sinkt zu Boden", "Schlamm deckt es zu",
                                                  "Druck und Wärme wirken lange", "1. Saudi-Arabien", "2. Russland"]
    assert [k for k, t in got if t.startswith("„Das Öl")] == ["quote"]
    assert not any("Menü" in t or "Impressum" in t for _, t in got)
    assert '<ul class="list-item"><li class="ptext"' in page and "<blockquote>" in page


def test_a_title_differing_from_the_first_heading_keeps_the_heading():
    html = NEWS.replace("<h1>Erdöl: Woher es kommt</h1>", "<h2>Ein Überblick</h2>")
    title, blocks = formats.from_html(html)
    assert title == "Erdöl: Woher es kommt" and blocks[0] == articles.Block("heading", "Ein Überblick")



def test_a_typed_title_keeps_a_fetched_pages_headline_in_the_text(client, db, site):  # noqa: F811
    read_back(client, client.post("/articles", data={"url": site + "/cp1252", "title": "Mein Öl"}))
    article_id = max(a["id"] for a in articles.list_articles(db))
    assert articles.get_article(db, article_id)["title"] == "Mein Öl"
    assert blocks_of(db, article_id)[0] == ("heading", "Erdöl: Woher es kommt")

PASTED = """Zum Inhalt springen
Menü
Startseite
Politik
Wirtschaft
Sport
Anmelden
Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten. Alle akzeptieren
Suche
Streit um die Rente geht weiter
Berlin. Die Koalition ringt seit Wochen um die Zukunft der Rente, und ein Ende ist nicht in Sicht.
Wie geht es weiter?
Die Ministerin will bis zum Sommer einen Entwurf vorlegen, der alle Seiten zufriedenstellt.
- höhere Beiträge
- späterer Renteneintritt
Kommentare
Bitte beachten Sie unsere Netiquette und die Datenschutz-Hinweise der Community."""


def test_pasted_page_starts_after_its_navigation_and_never_takes_a_label_as_title():
    title, blocks = structure(PASTED)
    assert title == "Streit um die Rente geht weiter"
    body = [(b.kind, b.text) for b in blocks if b.kind != "boilerplate"]
    assert body[0] == ("paragraph", "Berlin. Die Koalition ringt seit Wochen um die Zukunft der Rente, "
                                    "und ein Ende ist nicht in Sicht.")
    assert ("heading", "Wie geht es weiter?") in body
    assert [t for k, t in body if k == "list"] == ["höhere Beiträge", "späterer Renteneintritt"]
    chrome = [b.text for b in blocks if b.kind == "boilerplate"]
    assert chrome[:2] == ["Zum Inhalt springen", "Menü"] and chrome[-1].startswith("Bitte beachten")


@pytest.mark.parametrize("title", ["Menü", "Zum Inhalt springen", "Anmelden"])
def test_a_navigation_label_is_never_the_title(title):
    got, _ = structure(f"{title}\n\nDie Ministerin will bis zum Sommer einen Entwurf vorlegen, der allen gefällt.")
    assert got != title


def test_hard_wrapped_lines_are_one_paragraph_not_a_heading():
    text = ("Erster Absatz endet hier.\n\nDie Regierung hat am Montag einen Plan\n"
            "Vorgelegt, der die Renten sichern soll und der\nBeiträge stabil hält.")
    _, blocks = structure(text)
    assert [b.kind for b in blocks] == ["paragraph", "paragraph"]


def test_markdown_file_keeps_its_structure(client, db):
    md = "# Mein Text\n\nEin **fetter** Absatz mit [Link](http://x.example).\n\n## Teil zwei\n\n- eins\n- zwei\n\n> Ein Zitat.\n"
    read_back(client, client.post("/articles", data={"file": (io.BytesIO(md.encode()), "notiz.md")},
                                  content_type="multipart/form-data"))
    article_id = max(a["id"] for a in articles.list_articles(db))
    assert articles.get_article(db, article_id)["title"] == "Mein Text"
    assert blocks_of(db, article_id) == [("paragraph", "Ein fetter Absatz mit Link."), ("heading", "Teil zwei"),
                                         ("list", "eins"), ("list", "zwei"), ("quote", "Ein Zitat.")]


TEXT = "Grüße aus der Straße\n\nDer Bär schläft. Öl und Ärger – „fünf“ Grüße."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252"])
def test_text_files_in_any_common_encoding(client, db, encoding):
    raw = TEXT.encode(encoding)
    read_back(client, client.post("/articles", data={"file": (io.BytesIO(raw), "text.txt")},
                                  content_type="multipart/form-data"))
    article_id = max(a["id"] for a in articles.list_articles(db))
    assert articles.get_article(db, article_id)["title"] == "Grüße aus der Straße"
    assert blocks_of(db, article_id) == [("paragraph", "Der Bär schläft. Öl und Ärger – „fünf“ Grüße.")]


def make_epub(path, chapters, spine_order):
    book = epub.EpubBook()
    book.set_identifier("randnotiz-test")
    book.set_title("Die Geschichte vom Soldaten")
    book.set_language("de")
    items = []
    for i, (heading, body) in enumerate(chapters):
        item = epub.EpubHtml(title=heading or f"Kapitel {i}", file_name=f"kap{i}.xhtml", lang="de")
        item.content = f"<html><body>{f'<h1>{heading}</h1>' if heading else ''}{body}</body></html>"
        book.add_item(item)
        items.append(item)
    book.toc = items
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = [items[i] for i in spine_order]
    epub.write_epub(str(path), book)
    return path.read_bytes()


def test_epub_chapters_become_headings_in_spine_order(client, db, tmp_path):
    raw = make_epub(tmp_path / "buch.epub", [
        ("Zweites Kapitel", "<p>Dann kam der Soldat nach Hause und fand niemanden mehr vor.</p>"),
        ("Erstes Kapitel", "<p>Es war einmal ein Soldat, der lange gedient hatte.</p><ul><li>ein Mantel</li></ul>"),
        (None, "<p>Ein Kapitel ohne Überschrift, dessen Name im Inhaltsverzeichnis steht.</p>"),
    ], spine_order=[1, 0, 2])
    read_back(client, client.post("/articles", data={"file": (io.BytesIO(raw), "buch.epub")},
                                  content_type="multipart/form-data"))
    article_id = max(a["id"] for a in articles.list_articles(db))
    assert articles.get_article(db, article_id)["title"] == "Die Geschichte vom Soldaten"
    assert blocks_of(db, article_id) == [
        ("heading", "Erstes Kapitel"), ("paragraph", "Es war einmal ein Soldat, der lange gedient hatte."),
        ("list", "ein Mantel"),
        ("heading", "Zweites Kapitel"), ("paragraph", "Dann kam der Soldat nach Hause und fand niemanden mehr vor."),
        ("heading", "Kapitel 2"), ("paragraph", "Ein Kapitel ohne Überschrift, dessen Name im Inhaltsverzeichnis steht."),
    ]


@pytest.mark.parametrize("name, raw, message", [
    ("kaputt.epub", b"PK\x03\x04 not really a zip", "not a readable EPUB"),
    ("bild.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", "not text"),
])
def test_broken_files_are_refused_clearly(client, db, name, raw, message):
    before = db["articles"].count
    r = client.post("/articles", data={"file": (io.BytesIO(raw), name)}, content_type="multipart/form-data")
    assert r.status_code == 400 and message in r.get_data(as_text=True)
    assert db["articles"].count == before


def test_list_items_are_read_translated_annotated_and_edited_like_paragraphs(client, db):
    article_id = articles.create_article(db, "Titel\n\nEin Absatz mit Text davor.\n\n- erster Punkt\n- zweiter Punkt")
    list_n = next(b["n"] for b in articles.get_blocks(db, article_id) if b["kind"] == "list")
    r = client.post(f"/articles/{article_id}/p/{list_n}/translation")
    assert r.status_code == 200 and "EN: erster Punkt" in r.get_data(as_text=True)
    r = client.post(f"/articles/{article_id}/p/{list_n}/note", data={"note": "Ein Punkt"})
    assert r.status_code == 303
    page = client.get(f"/articles/{article_id}").get_data(as_text=True)
    assert f'id="p-{list_n}-notes"' in page and "Ein Punkt" in page
    edit = client.get(f"/articles/{article_id}/edit").get_data(as_text=True)
    assert "- erster Punkt" in edit
    client.post(f"/articles/{article_id}/edit", data={"title": "Titel", "text": articles.editable_text(db, article_id)})
    assert [b["kind"] for b in articles.get_blocks(db, article_id)] == ["paragraph", "list", "list"]


def test_a_paragraph_opening_with_a_date_is_no_list_but_numbered_lines_are():
    _, blocks = structure("Titel\n\n3. Oktober 1990: Die Einheit kam, und alle feierten lange.\n\nNoch ein Absatz.")
    assert [b.kind for b in blocks] == ["paragraph", "paragraph"]
    _, blocks = structure("Titel\n\nDie Rangliste der Länder.\n\n1. Saudi-Arabien\n2. Russland")
    assert [(b.kind, b.text) for b in blocks][1:] == [("list", "1. Saudi-Arabien"), ("list", "2. Russland")]
