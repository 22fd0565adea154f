"""Structuring plain text into headings, paragraphs and hidden site chrome."""
import pytest

from annotations.reading import articles
from annotations.reading.articles import ArticleError, structure

SEED = articles.DEFAULT_ARTICLE.read_text(encoding="utf-8")


def kinds(blocks):
    return [b.kind for b in blocks]


def test_seed_structure():
    title, blocks = structure(SEED)
    assert title == "Russland und der Iran rücken noch näher zusammen"
    body = [b for b in blocks if b.kind != "boilerplate"]
    assert [b.text for b in body if b.kind == "heading"] == [
        "Massive Unterstützung durch Nordkorea",
        "„Wirtschaft und Fragen der Verteidigung und Sicherheit“",
    ]
    assert kinds(body).count("paragraph") == 6
    chrome = [b.text for b in blocks if b.kind == "boilerplate"]
    assert chrome[0] == "Kommentare"
    assert len(chrome) == 3 and "Netiquette" in chrome[1]
    # Chrome only ever trails the article.
    assert kinds(blocks)[-3:] == ["boilerplate"] * 3


@pytest.mark.parametrize("text, expected_title, expected_kinds", [
    # Blank-line paragraphs with a heading on top that becomes the title.
    ("Der Titel\n\nErster Absatz. Mit zwei Sätzen.\n\nZweiter Absatz hier.",
     "Der Titel", ["paragraph", "paragraph"]),
    # CRLF, hard-wrapped lines inside blank-line paragraphs are joined.
    ("Ein Satz, der umbricht\r\nund weitergeht.\r\n\r\nZwischentitel\r\n\r\nNoch ein Absatz.\r\n",
     "Ein Satz, der umbricht und weitergeht", ["paragraph", "heading", "paragraph"]),
    # A heading sitting directly on top of its paragraph (single newline) in blank-line mode.
    ("Erster Absatz endet hier.\n\nNeue Lage\nDer Absatz darunter erklärt sie.\n",
     "Erster Absatz endet hier", ["paragraph", "heading", "paragraph"]),
    # Markdown headings.
    ("# Überschrift\n\nText des Artikels.\n\n## Teil zwei\n\nMehr Text.",
     "Überschrift", ["paragraph", "heading", "paragraph"]),
    # Only short lines (a poem): paragraphs, not headings.
    ("Über allen Gipfeln\nIst Ruh\nIn allen Wipfeln\nSpürest du",
     "Über allen Gipfeln",
     ["paragraph"] * 4),
    # Trailing site chrome in English with a marker heading.
    ("Ein Absatz.\nNoch ein Absatz.\nComments\nPlease respect our community rules and privacy policy.",
     "Ein Absatz", ["paragraph", "paragraph", "boilerplate", "boilerplate"]),
    # A closing quote after the full stop does not make a heading.
    ("Er sagte: „Wir kommen.“\nDanach ging er.", "Er sagte: „Wir kommen.“",
     ["paragraph", "paragraph"]),
])
def test_structure_shapes(text, expected_title, expected_kinds):
    title, blocks = structure(text)
    assert title == expected_title
    assert kinds(blocks) == expected_kinds


def test_single_mention_of_privacy_is_not_chrome():
    _, blocks = structure("Die Behörde prüft den Datenschutz.\nDas dauert Wochen.")
    assert kinds(blocks) == ["paragraph", "paragraph"]


def test_whitespace_and_bom_are_normalised():
    _, blocks = structure("\ufeffEin   Satz\u00a0mit  Lücken.\n")
    assert blocks[0].text == "Ein Satz mit Lücken."


@pytest.mark.parametrize("text", ["", "   \n\n\t", None])
def test_empty_input_is_refused(text):
    with pytest.raises(ArticleError, match="empty"):
        structure(text)


def test_create_and_replace_article(db):
    article_id = articles.create_article(db, "Titel\n\nEins.\n\nZwei.", source="test")
    assert articles.get_article(db, article_id)["title"] == "Titel"
    assert [b["text"] for b in articles.get_blocks(db, article_id)] == ["Eins.", "Zwei."]
    articles.replace_text(db, article_id, "Eins.\n\nDrei.")
    assert [b["text"] for b in articles.get_blocks(db, article_id)] == ["Eins.", "Drei."]


def test_seeded_once_and_migrations_rerun(app, db):
    from annotations.schema import migrate

    migrate(db)
    articles.seed_default(db)
    assert db["articles"].count == 1
    assert db["articles"].get(1)["source"] == "krone.at"
