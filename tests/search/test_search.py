"""Search over everything: German folding, lemmas, phrases, any typed input, grouping and links."""
import pytest

from annotations.notes import highlights
from annotations.reading import articles
from annotations.search import store
from annotations.translation import translate
from annotations.words import lemmas, vocab

TEXT = ("Die Lage an der Front\n\nDie Soldaten marschierten durch die Straße. Das Öl wurde knapp.\n\n"
        "Im Winter froren alle. Niemand hatte genug zu essen.")


@pytest.fixture
def art(db):
    return articles.create_article(db, TEXT, source="test")


def found(db, q):
    store.refresh(db)
    return [(g["article_id"], h["kind"], h["block_n"]) for g in store.search(db, q)["groups"] for h in g["hits"]]


@pytest.mark.parametrize("q", ["Strasse", "STRASSE", "straße", "Öl", "Ol", "Oel", "marschierten"])
def test_umlauts_sharp_s_and_case_are_folded(db, art, q):
    assert (art, "text", 1) in found(db, q)


def test_other_words_are_not_found(db, art):
    assert found(db, "Panzer") == []


def test_inflected_forms_are_found_through_lemmas(db, art):
    assert lemmas.wait(120), "simplemma must load for this test"
    # Indexed before or after the lemmatiser loaded: a refresh completes the lemmas either way.
    assert (art, "text", 1) in found(db, "Soldat")
    assert (art, "text", 1) in found(db, "marschieren")
    assert (art, "text", 2) in found(db, "frieren")


def test_a_phrase_in_quotes_finds_only_the_words_together(db, art):
    assert found(db, '"durch die Strasse"') == [(art, "text", 1)]
    assert found(db, '"die durch Strasse"') == []


@pytest.mark.parametrize("q", ['"', '""', 'Öl AND', 'NEAR(Öl', "*", "Öl*", "a:b", "-Öl", '"unclosed Öl',
                               "^Öl", "(", "}", "{body}: x", "Öl OR", "NOT", "😀", "' OR 1=1 --", "x" * 500])
def test_no_typed_input_is_fts_syntax(client, art, q):
    r = client.get("/search", query_string={"q": q})
    assert r.status_code == 200


def test_results_are_grouped_by_article_marked_and_linked(client, db, art):
    other = articles.create_article(db, "Ein anderer Text.\n\nAuch hier fehlt das Öl im Winter.")
    page = client.get("/search", query_string={"q": "oel"}).get_data(as_text=True)
    assert page.count('class="result-group"') == 2
    assert f'href="/articles/{art}#p-1"' in page and f'href="/articles/{other}#p-2"' in page
    assert "<mark>Öl</mark>" in page


def test_translations_notes_and_saved_words_are_searched(db, art):
    block = articles.get_block(db, art, 2)
    db["translations"].insert({"provider": "google", "source_lang": "de", "target_lang": "en",
                               "text_hash": translate.text_hash(block["text"]), "text": block["text"],
                               "translation": "In winter everyone froze.", "created": "2026-01-01T00:00:00Z"})
    assert (art, "translation", 2) in found(db, "everyone")
    note = highlights.create(db, art, 1, 4, 12, "Soldaten", note="Mehrzahl von *Kamerad*", tags=["Militär"])
    assert (art, "note", 1) in found(db, "Kamerad")
    assert (art, "note", 1) in found(db, "Militar")
    highlights.delete(db, note["id"])
    assert (art, "note", 1) not in found(db, "Kamerad")
    vocab.save(db, lemma="knapp", surface="knapp", gloss="scarce", sentence="Das Öl wurde knapp.",
               translation=None, article_id=art, block_n=1, start=0, end=5, sentence_start=0)
    assert (art, "word", 1) in found(db, "scarce")


def test_edits_and_deletions_reach_the_index(db, art):
    highlights.edit_text(db, art, "# Die Lage an der Front\n\nDie Panzer rollten.")
    assert [hit for hit in found(db, "Soldaten") if hit[0] == art] == []
    assert (art, "text", 1) in found(db, "Panzer")
    articles.delete_article(db, art)
    assert found(db, "Panzer") == []


def test_search_box_in_every_page(client, art):
    assert 'action="/search"' in client.get("/articles").get_data(as_text=True)
    assert 'action="/search"' in client.get(f"/articles/{art}").get_data(as_text=True)


def test_a_search_starts_loading_the_lemmatiser_the_start_does_not(client, monkeypatch):
    started = []
    monkeypatch.setattr(lemmas, "warm_up", lambda: started.append(True))
    client.get("/articles")
    assert started == []  # half the process's memory: only when inflected forms are wanted
    assert client.get("/search", query_string={"q": "Iran"}).status_code == 200
    assert started == [True]
