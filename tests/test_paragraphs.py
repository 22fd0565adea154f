"""Paragraph markup: text and an id only, cached per block, and fresh after anything it shows changes."""
import re

import pytest

from annotations import paragraphs
from annotations.notes import highlights
from annotations.reading import articles
from annotations.translation import translate
from annotations.words import vocab

TEXT = "Der Hund schläft im Garten.\n\nDie Katze wacht auf dem Dach.\n\nDer Vogel singt."
HX = {"HX-Request": "true"}


@pytest.fixture
def aid(db):
    return articles.create_article(db, TEXT, title="Tiere")


@pytest.fixture
def rendered(monkeypatch):
    """Count the blocks composed afresh (a cache miss), through the real span providers."""
    paragraphs.clear_cache()
    seen = []
    real = paragraphs.block_views

    def counting(db, article_id, blocks, ts):
        seen.extend(b["n"] for b in blocks)
        return real(db, article_id, blocks, ts)

    monkeypatch.setattr(paragraphs, "block_views", counting)
    yield seen
    paragraphs.clear_cache()


def page(client, aid):
    return client.get(f"/articles/{aid}").get_data(as_text=True)


def section(html, n):
    return re.search(rf'<section id="p-{n}".*?</section>', html, re.S).group(0)


def test_a_paragraph_is_its_text_and_an_id(client, aid):
    html = section(page(client, aid), 1)
    assert "<button" not in html and "hx-" not in html
    assert html.startswith('<section id="p-1" class="block block-paragraph" data-n="1" data-ordinal="1" tabindex="-1">')
    assert 'id="p-1-text" lang="de"' in html
    # One toolbar for the page, with the labels a screen reader reads.
    full = page(client, aid)
    assert full.count('id="paragraph-tools"') == 1 and 'data-action="translate"' in full


def test_a_repeat_view_composes_nothing(client, aid, rendered):
    first = page(client, aid)
    assert sorted(rendered) == [1, 2, 3]
    assert page(client, aid) == first
    assert sorted(rendered) == [1, 2, 3]


def test_a_new_highlight_rerenders_only_its_paragraph(client, db, aid, rendered):
    page(client, aid)
    highlights.create(db, aid, 2, 4, 9, "Katze")
    html = page(client, aid)
    assert re.search(r'<mark class="[^"]*hl[^"]*"[^>]*>Katze</mark>', section(html, 2))
    assert sorted(rendered) == [1, 2, 2, 3]


def test_a_deleted_highlight_and_a_paragraph_note_show_at_once(client, db, aid):
    a = highlights.create(db, aid, 1, 4, 8, "Hund")
    assert "<mark" in section(page(client, aid), 1)
    highlights.delete(db, a["id"])
    assert "<mark" not in section(page(client, aid), 1)
    highlights.create_paragraph_note(db, aid, 3, "Ein *Vogel*")
    html = section(page(client, aid), 3)
    assert "<em>Vogel</em>" in html and 'hx-post="/highlights/' in html


def test_a_saved_word_is_marked_on_the_next_view(client, db, aid):
    page(client, aid)
    vocab.save(db, lemma="Garten", surface="Garten", gloss="garden", sentence="", translation=None,
               article_id=aid, block_n=1, start=21, end=27, sentence_start=0)
    assert re.search(r'class="[^"]*saved-word[^"]*"[^>]*>Garten<', section(page(client, aid), 1))


def test_a_cached_translation_appears_on_the_next_view(client, db, aid, translator):
    page(client, aid)
    text = articles.get_block(db, aid, 3)["text"]
    ts = client.application.extensions["randnotiz.settings"].translator
    db["translations"].insert({"provider": ts.provider, "source_lang": ts.source, "target_lang": ts.target,
                               "text_hash": translate.text_hash(text), "text": text,
                               "translation": "The bird sings.", "created": "2026-01-01"})
    assert 'id="p-3-en" lang="en" hidden' in section(page(client, aid), 3)


def test_a_new_translation_rerenders_the_paragraphs_with_its_text_only(client, db, aid, rendered):
    other = articles.create_article(db, "Ganz anders.\n\nDer Vogel singt.", title="Vogel")
    page(client, aid), page(client, other)
    rendered.clear()
    assert client.post(f"/articles/{aid}/p/3/translation", headers=HX).status_code == 200
    page(client, aid), page(client, other)
    # Paragraph 3 ("Der Vogel singt.") here, and paragraph 2 of the other article, with the same text.
    assert 'id="p-2-en"' in section(page(client, other), 2)
    assert sorted(rendered) == [2, 3]


def test_a_new_text_replaces_the_cached_paragraphs(client, db, aid):
    page(client, aid)
    articles.replace_text(db, aid, "Ganz neuer Text.\n\nMit zwei Absätzen.")
    html = page(client, aid)
    assert "Ganz neuer Text." in html and "Hund" not in html and '<section id="p-3"' not in html


def test_invalidate_rerenders_an_article_or_everything(client, db, aid, rendered):
    page(client, aid)
    paragraphs.invalidate(db, aid, 2)
    page(client, aid)
    assert sorted(rendered) == [1, 2, 2, 3]
    paragraphs.invalidate(db, aid)
    page(client, aid)
    paragraphs.invalidate(db)
    page(client, aid)
    assert sorted(rendered) == [1, 1, 1, 2, 2, 2, 2, 3, 3, 3]


def test_triggers_survive_a_table_rebuild(db):
    # sqlite.cascade_delete rebuilds tables, which drops their triggers; start-up puts them back.
    db.execute("DROP TRIGGER render_vocab_insert")
    paragraphs.ensure_triggers(db)
    names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert {"render_vocab_insert", "render_highlights_update", "render_blocks_delete",
            "render_translations_insert"} <= names


def test_a_highlight_answer_swaps_its_paragraph_out_of_band(client, db, aid):
    r = client.post(f"/articles/{aid}/highlights", data={"block": "1", "start": "4", "end": "8", "exact": "Hund"},
                    headers=HX)
    html = r.get_data(as_text=True)
    assert '<section hx-swap-oob="true" id="p-1"' in html
    assert re.search(r"<mark [^>]*>Hund</mark>", html)


def test_one_paragraph_fragment_is_the_same_markup_as_in_the_page(client, aid):
    fragment = client.get(f"/articles/{aid}/p/2").get_data(as_text=True)
    assert fragment == section(page(client, aid), 2)


def test_a_very_long_text_streams_whole_and_in_order_then_comes_from_the_cache(client, db, monkeypatch):
    monkeypatch.setattr(paragraphs, "STREAM_AFTER", 50)
    monkeypatch.setattr(paragraphs, "STREAM_CHUNK", 16)
    paragraphs.clear_cache()
    text = "\n\n".join(f"Absatz Nummer {i} mit etwas Text." for i in range(1, 121))
    aid = articles.create_article(db, text, title="Lang")
    first = client.get(f"/articles/{aid}")
    assert "Content-Length" not in first.headers  # streamed: sent while it renders
    html = first.get_data(as_text=True)
    numbers = [int(m) for m in re.findall(r'<section id="p-(\d+)"', html)]
    assert numbers == sorted(numbers) and len(numbers) == len(articles.get_blocks(db, aid))
    assert "Absatz Nummer 120 mit" in html and 'data-total="120"' in html and html.rstrip().endswith("</html>")
    again = client.get(f"/articles/{aid}")
    assert again.headers["Content-Length"] and again.get_data(as_text=True) == html  # one concatenation
