"""One word, one status: the popover, Save, a rename and the painted text agree on a word's key."""
import json
import re

import pytest

from annotations.common import word_tokens
from annotations.learning import marking, review, status, transfer
from annotations.notes import backup
from annotations.notes.anchoring import cp_to_utf16
from annotations.reading import articles
from annotations.words import importer, lemmas, synonyms, vocab

DING = """Soldat {m} | Soldaten {pl} :: soldier | soldiers
Verbündeter {m} | Verbündeten {pl} :: ally | allies
zusammenrücken {vi} | zusammenrückend | zusammengerückt :: to move together | moving together | moved together
mitteilen {vt} | mitteilend | mitgeteilt | teilt mit | teilte mit :: to communicate | communicating | communicated
teilen {vt} | teilend | geteilt | teilt | teilte :: to share | sharing | shared | shares | shared
"""
TEXT = ("Die Ukraine und ihre Verbündeten beschuldigen Teheran. Ein Verbündeter schweigt.\n\n"
        "Russland und der Iran rücken noch näher zusammen.\n\n"
        "Die Botschaft 🇮🇷 teilte das im Onlinedienst mit. Die Soldaten teilen das Brot mit den Kindern.\n\n"
        "Der Soldat wartet.")
HX = {"HX-Request": "true"}


@pytest.fixture(autouse=True)
def no_system_wordnet(monkeypatch, tmp_path_factory):
    """Rank without the machine's WordNet, as tests/words do."""
    empty = synonyms.WordNet(str(tmp_path_factory.mktemp("no-wordnet")))
    monkeypatch.setattr(synonyms, "system", lambda: empty)


@pytest.fixture
def article(db, tmp_path, lemmatiser):
    (tmp_path / "de-en").write_text(DING, encoding="utf-8")
    importer.import_dictionary(db, "ding", str(tmp_path / "de-en"))
    return articles.create_article(db, TEXT, title="Keys")


def u16(text, word, occurrence=0):
    """Return the browser's (UTF-16) start and end of the occurrence-th word in text."""
    at = [m.start() for m in re.finditer(re.escape(word), text)][occurrence]
    return cp_to_utf16(text, at), cp_to_utf16(text, at + len(word))


def form(db, article, n, word, occurrence=0, **extra):
    start, end = u16(articles.get_block(db, article, n)["text"], word, occurrence)
    return {"article": article, "n": n, "start": start, "end": end} | extra


def popover_status(client, db, article, n, word, occurrence=0):
    """Return (word the status buttons send, status label) the popover shows for a word."""
    q = form(db, article, n, word, occurrence)
    page = client.get("/words/lookup", query_string=q).get_data(as_text=True)
    sent = page.split('<input type="hidden" name="word" value="', 1)[1].split('"', 1)[0]
    label = page.split('class="status-label', 1)[1].split(">", 1)[1].split("<", 1)[0]
    return sent, label


def painted(client, db, article):
    """Return {(block n, word as written, occurrence): class or None} of every word as the page paints it."""
    data = client.get(f"/articles/{article}/word-status.json").get_json()
    classes, places = data["classes"], {int(n): {int(at): c for at, c in p.items()}
                                        for n, p in data.get("places", {}).items()}
    out = {}
    for b in articles.get_blocks(db, article):
        seen = {}
        for start, _, word in word_tokens(b["text"]):
            at = len(b["text"][:start].encode("utf-16-le")) // 2
            here = places.get(b["n"], {})
            cls = here[at] if at in here else classes.get(word.lower())
            out[b["n"], word, seen.setdefault(word, 0)] = cls or None
            seen[word] += 1
    return out


def test_a_saved_adjectival_noun_is_painted_and_shown_with_its_status(client, db, article):
    # The headword Ding gives, lemmatised again, is another key than the text's word ("verbündete").
    assert status.key_of("Verbündeter") != status.key_of("Verbündeten")
    client.post("/vocabulary", data=form(db, article, 1, "Verbündeten", gloss="ally"), headers=HX)
    assert vocab.find(db, "Verbündeter")
    assert popover_status(client, db, article, 1, "Verbündeten")[1] == "learning 1"
    assert painted(client, db, article)[(1, "Verbündeten", 0)] == "ws-l1"
    # "4" from the popover changes that one status; a review grade does too: one key throughout.
    word, _ = popover_status(client, db, article, 1, "Verbündeten")
    client.post("/words/status", data={"word": word, "status": "4", "article": article}, headers=HX)
    assert painted(client, db, article)[(1, "Verbündeten", 0)] == "ws-l4"
    review.grade(db, "Verbündeter", 1)
    assert popover_status(client, db, article, 1, "Verbündeten")[1] == "learning 1"
    assert painted(client, db, article)[(1, "Verbündeten", 0)] == "ws-l1"
    assert db["word_status"].count == 1


def test_noun_inflections_share_the_saved_word_s_status(client, db, article):
    client.post("/vocabulary", data=form(db, article, 3, "Soldaten", gloss="soldier"), headers=HX)
    marks = painted(client, db, article)
    assert marks[(3, "Soldaten", 0)] == marks[(4, "Soldat", 0)] == "ws-l1"
    assert popover_status(client, db, article, 4, "Soldat")[1] == "learning 1"
    assert [r["key"] for r in db.query("SELECT key FROM word_status")] == [status.key_of("Soldaten")]


def test_a_renamed_word_keeps_its_one_status(client, db, article):
    client.post("/vocabulary", data=form(db, article, 1, "Verbündeten", gloss="ally"), headers=HX)
    word = vocab.find(db, "Verbündeter")
    client.post("/words/status", data={"word": "Verbündeten", "status": "3", "article": article}, headers=HX)
    # Another spelling of the same word: no second key, no second level.
    assert status.key_of("Verbündete") != word["status_key"]
    assert client.post(f"/vocabulary/{word['id']}", data={"lemma": "Verbündete"}, headers=HX).status_code == 200
    assert vocab.get(db, word["id"])["status_key"] == word["status_key"]
    review.grade(db, "Verbündete", 1)  # Again: learning 1 (Easy's interval is fuzzed, its level may be 3)
    graded = status.get(db, word["status_key"])
    assert graded != {"status": "learning", "level": 3}
    assert db["word_status"].count == 1
    assert painted(client, db, article)[(1, "Verbündeten", 0)] == marking.CLASSES.get((graded["status"], graded["level"]))
    assert popover_status(client, db, article, 1, "Verbündeten")[1] == status.label(graded["status"], graded["level"])


def test_a_word_renamed_to_another_word_takes_that_word_s_key(client, db, article):
    client.post("/vocabulary", data=form(db, article, 3, "teilte", lemma="teilen", gloss="share"), headers=HX)
    word = vocab.find(db, "teilen")
    client.post(f"/vocabulary/{word['id']}", data={"lemma": "mitteilen"}, headers=HX)
    assert popover_status(client, db, article, 3, "teilte")[1] == "learning 1"
    assert painted(client, db, article)[(3, "mit", 0)] == "ws-l1"
    assert vocab.get(db, word["id"])["status_key"] == status.key_of("mitteilen")


def test_both_halves_of_a_separable_verb_take_the_verb_s_status(client, db, article):
    resp = client.post("/vocabulary", data=form(db, article, 2, "rücken", gloss="move together"), headers=HX)
    assert json.loads(resp.headers["HX-Trigger"])["randnotiz:words-changed"]["blocks"] == [2]
    marks = painted(client, db, article)
    assert marks[(2, "rücken", 0)] == marks[(2, "zusammen", 0)] == "ws-l1"
    assert popover_status(client, db, article, 2, "zusammen")[1] == "learning 1"
    assert vocab.find(db, "zusammenrücken")["status_key"] == "zusammenrücken"

    # Known on "teilte" (the popover: mitteilen) is mitteilen's, and paints "mit" too; the
    # preposition "mit" and "teilen" elsewhere keep their own status.
    word, _ = popover_status(client, db, article, 3, "teilte")
    assert word == "mitteilen"
    client.post("/words/status", data={"word": word, "status": "known", "article": article}, headers=HX)
    assert status.get(db, "mitteilen")["status"] == "known" and status.get(db, "teilen")["status"] == "new"
    marks = painted(client, db, article)
    assert marks[(3, "teilte", 0)] is None and marks[(3, "mit", 0)] is None
    assert marks[(3, "teilen", 0)] == marks[(3, "mit", 1)] == "ws-new"
    assert popover_status(client, db, article, 3, "mit")[1] == "known"
    assert popover_status(client, db, article, 3, "mit", 1)[1] == "new"


def test_marking_an_article_known_covers_its_separable_verbs(client, db, article):
    new = marking.new_words(db, article)
    assert "zusammenrücken" in new and "mitteilen" in new
    status.set_many(db, new, "known", article_id=article)
    assert not any(painted(client, db, article).values())
    assert marking.article_counts(db, article)["percent_known"] == 100


def save_the_old_way(db, article):
    """Save "Verbündeter" from paragraph 1 as a word saved before status keys is: without a key."""
    text = articles.get_block(db, article, 1)["text"]
    start = text.index("Verbündeten")
    vocab.save(db, lemma="Verbündeter", surface="Verbündeten", gloss="ally", sentence="", translation="",
               article_id=article, block_n=1, start=start, end=start + len("Verbündeten"), sentence_start=0)


def test_statuses_kept_under_a_saved_word_s_old_key_are_carried_over(client, db, article):
    # A word saved before status keys: its status under its headword's key, which the text never paints.
    save_the_old_way(db, article)
    status.set_status(db, "Verbündeter", "learning", 3)
    assert vocab.find(db, "Verbündeter")["status_key"] == ""  # saved without a key, as before status keys
    assert painted(client, db, article)[(1, "Verbündeten", 0)] == "ws-new"

    assert review.adopt_keys(db) == 1
    assert vocab.find(db, "Verbündeter")["status_key"] == status.key_of("Verbündeten")
    assert painted(client, db, article)[(1, "Verbündeten", 0)] == "ws-l3"
    assert status.with_status(db, vocab.all_words(db))[0]["status"] == "learning 3"
    assert review.adopt_keys(db) == 0


def test_an_update_of_a_word_without_a_key_keeps_its_status(client, db, article):
    # Saved before status keys (or restored from such a backup after adopt_keys ran): its status
    # is under its headword's key. Saving it again from the text must carry that status over.
    text = articles.get_block(db, article, 1)["text"]
    start = text.index("Verbündeter")
    vocab.save(db, lemma="Verbündeter", surface="Verbündeter", gloss="ally", sentence="", translation="",
               article_id=article, block_n=1, start=start, end=start + len("Verbündeter"), sentence_start=0)
    review.ensure_cards(db)
    status.set_status(db, "Verbündeter", "learning", 4)
    assert vocab.find(db, "Verbündeter")["status_key"] == ""  # saved without a key, as before status keys
    resp = client.post("/vocabulary", data=form(db, article, 1, "Verbündeten", gloss="ally"), headers=HX)
    assert resp.status_code == 200 and db["vocab"].count == 1
    assert vocab.find(db, "Verbündeter")["status_key"] == status.key_of("Verbündeten")
    assert popover_status(client, db, article, 1, "Verbündeten")[1] == "learning 4"
    assert painted(client, db, article)[(1, "Verbündeten", 0)] == "ws-l4"
    assert status.with_status(db, vocab.all_words(db))[0]["status"] == "learning 4"


def test_a_word_renamed_away_and_back_takes_its_text_s_key_again(client, db, article):
    client.post("/vocabulary", data=form(db, article, 1, "Verbündeten", gloss="ally"), headers=HX)
    word = vocab.find(db, "Verbündeter")
    client.post("/words/status", data={"word": "Verbündeten", "status": "3", "article": article}, headers=HX)
    client.post(f"/vocabulary/{word['id']}", data={"lemma": "Soldat"}, headers=HX)
    client.post(f"/vocabulary/{word['id']}", data={"lemma": "Verbündeter"}, headers=HX)
    # The key the text paints "Verbündeten" by, not the headword's ("verbündete").
    assert vocab.get(db, word["id"])["status_key"] == word["status_key"] == status.key_of("Verbündeten")
    assert popover_status(client, db, article, 1, "Verbündeten")[1] == "learning 3"
    review.grade(db, "Verbündeter", 1)
    assert popover_status(client, db, article, 1, "Verbündeten")[1] == "learning 1"
    assert painted(client, db, article)[(1, "Verbündeten", 0)] == "ws-l1"


def test_a_word_saved_before_the_lemmatiser_has_loaded_gets_its_key_later(client, db, article, monkeypatch):
    with monkeypatch.context() as m:
        m.setattr(lemmas, "ready", lambda: False)
        client.post("/vocabulary", data=form(db, article, 3, "Soldaten", gloss="soldier"), headers=HX)
        assert review.adopt_keys(db) == 0
    # The word as written ("soldaten") is no key: the lemmatiser names it once loaded.
    review.adopt_keys(db)
    [word] = vocab.all_words(db)
    assert word["status_key"] == status.key_of("Soldaten") == "soldat"
    assert popover_status(client, db, article, 3, "Soldaten")[1] == "learning 1"
    assert painted(client, db, article)[(3, "Soldaten", 0)] == "ws-l1"


def test_an_import_gives_saved_words_without_a_key_theirs(client, db, article):
    # An export made before status keys, imported after the server adopted keys at its start.
    save_the_old_way(db, article)
    status.set_status(db, "Verbündeter", "learning", 4)
    learning = transfer.dump(db)
    for row in learning["vocabulary"]:
        del row["status_key"]
    db.execute("DELETE FROM vocab")
    db.execute("DELETE FROM word_status")
    backup.import_export(db, {"type": "AnnotationCollection", "items": [], "randnotiz": {"learning": learning}},
                         "http://localhost")
    assert vocab.find(db, "Verbündeter")["status_key"] == status.key_of("Verbündeten")
    assert popover_status(client, db, article, 1, "Verbündeten")[1] == "learning 4"


def test_the_start_up_pass_leaves_words_saved_after_the_start_to_their_own_save(db, article):
    # The pass runs in a thread once the lemmatiser has loaded; a word saved meanwhile is keyed by
    # its own save or update, not changed under the request that is saving it.
    save_the_old_way(db, article)
    created = vocab.find(db, "Verbündeter")["created"]
    assert review.adopt_keys(db, created_before=created) == 0  # saved at the start or after it
    assert vocab.find(db, "Verbündeter")["status_key"] == ""
    assert review.adopt_keys(db, created_before="9999-12-31T00:00:00Z") == 1  # saved before it


@pytest.mark.parametrize("a, b, same", [
    ("Verbündeten", "Verbündete", True),  # simplemma: Verbündeten -> Verbündeter -> Verbündete
    ("Verbündete", status.cased("verbündeter", "Verbündeten"), True),  # a key, in its word's case
    ("Soldat", status.cased("soldat", "Soldaten"), True),
    # The chain never crosses from the noun to the verb: Verbündete -> verbündet -> verbünden.
    ("Verbündete", "verbünden", False),
    ("verbünden", status.cased("verbündeter", "Verbündeten"), False),
])
def test_two_spellings_are_one_word_only_as_the_same_part_of_speech(lemmatiser, a, b, same):
    assert status.same_word(a, b) is same


def test_a_carded_word_without_a_key_saved_again_before_the_lemmatiser_loads_keeps_its_status(db, article,
                                                                                                 monkeypatch):
    # Its status is under a key only the lemmatiser can name; until it has loaded, nothing is
    # started over: learning 1 under the word as written would cover up its learning 4.
    save_the_old_way(db, article)
    status.set_status(db, "Verbündeter", "learning", 4)
    old_key = status.key_of("Verbündeter")
    review.ensure_cards(db)
    assert review.get_card(db, "Verbündeter") is not None
    before = {row["key"]: (row["status"], row["level"]) for row in db.query("SELECT * FROM word_status")}
    monkeypatch.setattr(lemmas, "ready", lambda: False)
    review.start(db, "Verbündeter")
    after = {row["key"]: (row["status"], row["level"]) for row in db.query("SELECT * FROM word_status")}
    assert after == before and after[old_key] == ("learning", 4)
