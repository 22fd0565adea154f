"""A saved word's grammar in the popover and on the vocabulary page: kept, found again, written out."""
import re

import pytest

from annotations.learning import review
from annotations.notes.anchoring import cp_to_utf16
from annotations.reading import articles
from annotations.words import context, formats, vocab

HX = {"HX-Request": "true"}
# Real Ding lines; "Kampf" as its line of a sense without a plural, and "beteiligen" without its "sich".
DING = """\
Kampf {m}; Ringen {m} (um etw.) [übtr.] :: fight (for sth.) [fig.]
beteiligen {vt} :: to involve
Alliierte {m,f}; Alliierter; Verbündete {m,f}; Verbündeter | die Alliierten {pl}; die Verbündeten {pl} :: ally | the Allies
Staat {m} | Staaten {pl} | die Mercosur-Staaten :: country; nation | countries; states | the Mercosur countries
"""
TEXT = ("Nordkoreanische Soldaten beteiligen auch andere am Kampf Russlands. "
        "Die Ukraine und ihre Verbündeten beschuldigen Teheran. Der Gipfel eines Staates endet.")


@pytest.fixture
def article(load_ding):
    db = load_ding(DING)
    return articles.create_article(db, TEXT)


def form(article, word, **extra):
    """Return the popover's save form for word in TEXT, as the browser sends it."""
    at = TEXT.index(word)
    return {"article": article, "n": 1, "start": cp_to_utf16(TEXT, at), "end": cp_to_utf16(TEXT, at + len(word))} | extra


def popover(client, article, word):
    f = form(article, word)
    return client.get(f"/words/lookup?article={f['article']}&n=1&start={f['start']}&end={f['end']}").get_data(as_text=True)


def button(page):
    return re.search(r'data-action="save-word">(\w+)<', page).group(1)


def test_an_update_from_the_popover_keeps_the_grammar_fixed_on_the_vocabulary_page(client, db, article):
    for word in ("Kampf", "beteiligen"):
        assert client.post("/vocabulary", data=form(article, word, gloss="x"), headers=HX).status_code == 200
    kampf, verb = vocab.find(db, "Kampf"), vocab.find(db, "beteiligen")
    assert (kampf["gender"], kampf["plural"], verb["form"]) == ("m", "", "")
    # The learner completes the grammar in the rows of the vocabulary page.
    client.post(f"/vocabulary/{kampf['id']}", data={"lemma": "Kampf", "gloss": "x", "gender": "m", "plural": "Kämpfe", "form": ""})
    client.post(f"/vocabulary/{verb['id']}", data={"lemma": "beteiligen", "gloss": "x", "gender": "", "plural": "",
                                                  "form": "sich beteiligen"})
    # The popover shows the word as saved, not as the dictionary has it.
    page = popover(client, article, "Kampf")
    assert '<p class="word-grammar" lang="de"><span class="word-article">der</span> Kampf, Kämpfe</p>' in page
    assert 'Verb: <b lang="de">sich beteiligen</b>' in popover(client, article, "beteiligen")
    # Update from the popover: the meaning changes, the grammar stays.
    client.post("/vocabulary", data=form(article, "Kampf", lemma="Kampf", gloss="struggle"), headers=HX)
    client.post("/vocabulary", data=form(article, "beteiligen", lemma="beteiligen", gloss="to take part"), headers=HX)
    kampf, verb = vocab.find(db, "Kampf"), vocab.find(db, "beteiligen")
    assert (kampf["gloss"], kampf["gender"], kampf["plural"]) == ("struggle", "m", "Kämpfe")
    assert (verb["gloss"], verb["form"]) == ("to take part", "sich beteiligen")
    assert "der Kampf, die Kämpfe" in client.get("/vocabulary").get_data(as_text=True)


def test_a_new_word_takes_the_dictionarys_grammar(client, db, article):
    client.post("/vocabulary", data=form(article, "Staates", gloss="state"))
    assert (vocab.find(db, "Staat")["gender"], vocab.find(db, "Staat")["plural"]) == ("m", "Staaten")


def test_a_word_renamed_on_the_vocabulary_page_is_still_found_and_never_saved_twice(client, db, article):
    client.post("/vocabulary", data=form(article, "Verbündeten", gloss="ally"))
    word = vocab.find(db, "Verbündeter")
    review.edit_word(db, word["id"], lemma="Verbündete")
    page = popover(client, article, "Verbündeten")
    assert button(page) == "Update" and "In your <a" in page
    assert 'name="lemma" value="Verbündete"' in page and 'name="gloss" value="ally"' in page
    assert 'data-lemma="Verbündete"' in page
    # Saved again: from the popover as it is now, or from one opened before the rename.
    for lemma in ("Verbündete", "Verbündeter"):
        client.post("/vocabulary", data=form(article, "Verbündeten", lemma=lemma, gloss="allies"), headers=HX)
        assert vocab.count(db) == 1 and vocab.get(db, word["id"])["gloss"] == "allies"
    assert vocab.get(db, word["id"])["lemma"] == "Verbündete"


def test_a_saved_word_is_found_by_its_place_or_its_key_and_only_where_that_is_unambiguous(db):
    def save(lemma, surface, start, key=""):
        vocab.save(db, lemma=lemma, surface=surface, gloss="", sentence="", translation="", article_id=None,
                   block_n=1, start=start, end=start + len(surface), sentence_start=0, status_key=key)
    save("Verbündete", "Verbündeten", 10, key="verbündeter")
    assert vocab.find_looked_up(db, ["Verbündete"])["lemma"] == "Verbündete"  # the lemma itself
    assert vocab.find_looked_up(db, ["Verbündeter"], place=(None, 1, 10))["lemma"] == "Verbündete"  # its place
    assert vocab.find_looked_up(db, ["Verbündeter"], key="verbündeter")["lemma"] == "Verbündete"  # its key
    assert vocab.find_looked_up(db, ["Verbündeter"], place=(None, 1, 99)) is None  # not the place, no key
    # A noun's key is no verb's: "essen" (to eat) is not the saved "Essen" (a meal).
    save("Essen", "Essen", 30, key="essen")
    assert vocab.find_looked_up(db, ["essen"], key="essen") is None
    # Two saved words with one key: neither is meant.
    save("Bündnispartner", "Verbündeten", 50, key="verbündeter")
    assert vocab.find_looked_up(db, ["Verbündeter"], key="verbündeter") is None


def test_a_word_saved_from_one_sentence_is_not_the_same_spelling_in_another(client, load_ding):
    db = load_ding("ankommen {vi} :: to arrive\nkommen {vi} :: to come\nZug {m} :: train\n")
    text = "Der Zug kommt pünktlich an. Morgen kommt mein Bruder."
    article_id = articles.create_article(db, text)
    first, second = text.index("kommt"), text.rindex("kommt")
    where = {"article": article_id, "n": 1, "start": cp_to_utf16(text, first), "end": cp_to_utf16(text, first + 5)}
    assert client.post("/vocabulary", data={**where, "gloss": "to arrive"}, headers=HX).status_code == 200
    assert vocab.find(db, "ankommen")
    # "Morgen kommt mein Bruder": kommen, not the saved ankommen; nothing to update.
    page = client.get(f"/words/lookup?article={article_id}&n=1&start={cp_to_utf16(text, second)}"
                      f"&end={cp_to_utf16(text, second + 5)}").get_data(as_text=True)
    assert button(page) == "Save" and 'value="to arrive"' not in page


@pytest.mark.parametrize("headers", [HX, {}])
def test_a_refused_save_shows_the_reason_in_the_popover_and_keeps_what_was_typed(client, db, article, headers):
    answer = client.post("/vocabulary", data=form(article, "Kampf", lemma="😀", gloss="my own meaning"), headers=headers)
    assert answer.status_code == 400
    page = answer.get_data(as_text=True)
    saving = re.search(r'<form class="word-save".*?</form>', page, re.DOTALL).group(0)
    assert '<p class="error-message" role="alert">The word to save has no letters in it.</p>' in saving
    assert 'name="lemma" value="😀"' in saving and 'name="gloss" value="my own meaning"' in saving
    assert 'id="word-popover-title" class="word-title" lang="de">Kampf<' in page  # the rest of the popover too
    assert ("<html" in page) == (not headers)  # without htmx, a page of its own
    assert vocab.count(db) == 0


def test_the_plural_comes_from_the_first_line_of_the_same_noun_that_has_one():
    # As Ding's "Staat" ranks for "Staates": its first line has no plural, a later one has.
    entries = [{"headword": "Staat", "gender": "m", "plural": "", "pos": "noun"},
               {"headword": "Land", "gender": "n", "plural": "Länder", "pos": "noun"},
               {"headword": "Staat", "gender": "f", "plural": "Staaten", "pos": "noun"}]
    result = {"separable": None, "lemma": "Staat", "split": None, "multiword": False, "surface": "Staat"}
    assert context.grammar(result, entries)["plural"] == ""
    entries.append({"headword": "Staat", "gender": "m", "plural": "Staaten", "pos": "noun"})
    assert context.grammar(result, entries)["plural"] == "Staaten"


@pytest.mark.parametrize("line, plurals", [
    # Fewer plurals than singulars: each goes to the singular it is the plural of.
    ("Hauptstadt {f}; Kapitale {f} [veraltet] [pol.] | Hauptstädte {pl}", ["Hauptstädte", ""]),
    ("Land {n}; Staat {m} (in der Staatengemeinschaft) [pol.] | Länder {pl}; Lande {pl} [poet.]; Staaten {pl}",
     ["Länder", "Staaten"]),
    ("Soldat {m}; Kriegsknecht {m} | Soldaten {pl}; Kriegsknechte {pl}", ["Soldaten", "Kriegsknechte"]),
    ("Kampf {m}; Ringen {n} | der Kampf gegen den Krebs", []),
])
def test_dings_plurals_are_paired_with_their_singulars(line, plurals):
    assert formats._plurals(line.split(" | ")) == plurals


@pytest.mark.parametrize("lemma, typed, stored", [
    ("Staat", "-en", "Staaten"), ("Gipfel", "-", "Gipfel"), ("Kampf", "¨-e", "Kämpfe"),
    ("Hauptstadt", "¨-e", "Hauptstädte"), ("Haus", "¨-er", "Häuser"), ("Mutter", "¨", "Mütter"),
    ("Name", "– n", "Namen"), ("Kampf", "die Kämpfe", "Kämpfe"), ("Start-up", "Start-ups", "Start-ups"),
])
def test_the_plural_field_takes_the_dictionarys_notation_and_stores_the_whole_word(client, db, lemma, typed, stored):
    vocab.save(db, lemma=lemma, surface=lemma, gloss="", sentence="", translation="", article_id=None,
               block_n=1, start=0, end=1, sentence_start=0)
    word = vocab.find(db, lemma)
    answer = client.post(f"/vocabulary/{word['id']}", data={"gender": "m", "plural": typed}, headers=HX)
    assert answer.status_code == 200
    assert vocab.get(db, word["id"])["plural"] == stored
    assert f"der {lemma}, die {stored}" in answer.get_data(as_text=True)


@pytest.mark.parametrize("lemma, typed, message", [
    ("Fisch", "¨-e", "has no a, o or u"), ("Vereinte Nation", "-en", "Write the whole plural"),
])
def test_a_plural_notation_that_cannot_apply_is_refused_and_nothing_changes(client, db, lemma, typed, message):
    vocab.save(db, lemma=lemma, surface=lemma, gloss="", sentence="", translation="", article_id=None,
               block_n=1, start=0, end=1, sentence_start=0)
    word = vocab.find(db, lemma)
    answer = client.post(f"/vocabulary/{word['id']}", data={"gender": "m", "plural": typed}, headers=HX)
    assert answer.status_code == 400 and message in answer.get_data(as_text=True)
    assert vocab.get(db, word["id"]) == word


def test_saving_a_saved_word_again_keeps_its_grammar(db):
    def save(**grammar):
        return vocab.save(db, lemma="Kampf", surface="Kampf", gloss="fight", sentence="", translation="",
                          article_id=None, block_n=1, start=0, end=1, sentence_start=0, **grammar)
    word_id = save(gender="m", plural="Kämpfe")
    assert save(gender="", plural="", form="") == word_id
    assert (vocab.get(db, word_id)["gender"], vocab.get(db, word_id)["plural"]) == ("m", "Kämpfe")
