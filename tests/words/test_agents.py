"""Agent nouns Ding lacks, read through the verb they are made from ("Einrahmerin": one who frames)."""
import pytest

from annotations.words import agents, synonyms
from words_lookup import look, popover_page, write_wordnet

# The verbs as Ding lists them; "Einrahmer(in)" and "Paddler" it lacks.
VERBS = """\
etw. umrahmen; einrahmen {vt} | umrahmend; einrahmend | umrahmt; eingerahmt :: to frame sth. (surround) | framing | framed
einrahmen; umrahmen {vt} :: to rim
paddeln; rudern {vi} | paddelnd; rudernd | gepaddelt; gerudert :: to paddle | paddling | paddled
tonen {vt} | tonend | getont :: to tone | toning | toned
"""


@pytest.fixture
def wordnet(tmp_path, monkeypatch):
    # "toner" is a substance, "framer" and "paddler" people.
    found = write_wordnet(tmp_path, {"noun": [["framer"], ["paddler"], ["toner"]]}, files={"framer": 18, "paddler": 18})
    monkeypatch.setattr(synonyms, "system", lambda: found)
    return found


@pytest.mark.parametrize("sentence, word, english, lemma", [
    ("Eine Einrahmerin in der Altstadt fertigt Bilderrahmen nach Maß.", "Einrahmerin", "framer", "Einrahmerin"),
    ("Vor der Abfahrt erhalten alle Paddler Schwimmwesten und eine kurze Einweisung.", "Paddler", "paddler", "Paddler"),
])
def test_an_agent_noun_ding_lacks_means_the_english_agent_of_its_verb(load_ding, wordnet, sentence, word, english, lemma):
    agent = look(load_ding(VERBS), sentence, word)["agent"]
    assert agent and agent["english"] == english and agent["lemma"] == lemma


def test_an_english_agent_noun_that_names_no_person_is_none(load_ding, wordnet):
    assert agents.agent_noun(load_ding(VERBS), "Toner") is None


def test_the_popover_prefills_the_agent_noun_and_shows_the_verbs_senses(client, load_ding, wordnet):
    db = load_ding(VERBS)
    page = popover_page(client, db, "Eine Einrahmerin in der Altstadt fertigt Bilderrahmen nach Maß.", "Einrahmerin")
    assert '<input name="gloss" value="framer"' in page
    assert 'Who does what <b lang="de">einrahmen</b> means' in page
    assert '<span class="word-article">die</span> Einrahmerin, -nen' in page


@pytest.mark.parametrize("sentence, word", [
    # A surname mid-sentence, no determiner before it: a name, however like "paddeln" it looks.
    ("Im Finale schlug Paddler die Titelverteidigerin knapp.", "Paddler"),
    ("Trainer Paddler lobte die Abwehr nach dem Spiel.", "Paddler"),
    ("Paddler sagte, die Entscheidung sei gefallen.", "Paddler"),  # at the sentence's start too
])
def test_a_surname_is_no_agent_noun(load_ding, wordnet, sentence, word):
    assert look(load_ding(VERBS), sentence, word)["agent"] is None


def test_an_agent_noun_is_made_from_a_lines_leading_sense_only(load_ding, tmp_path, monkeypatch):
    # "trimmen" is "to trim" first; "trainer", from further down its line, is no "Trimmer".
    found = write_wordnet(tmp_path, {"noun": [["trimmer"], ["trainer"]]}, files={"trainer": 18, "trimmer": 6})
    monkeypatch.setattr(synonyms, "system", lambda: found)
    db = load_ding("trimmen {vt} | trimmend | getrimmt :: to trim; to train | trimming; training | trimmed; trained\n")
    assert look(db, "Mit dem Trimmer lassen sich die Rasenkanten schneiden.", "Trimmer")["agent"] is None


def test_the_feminine_plural_is_read_as_an_agent_not_split(load_ding, wordnet):
    # "Einrahmerinnen", not "Einrahme|rinnen" (to frame + chutes).
    db = load_ding(VERBS + "Rinne {f} | Rinnen {pl} :: chute | chutes\n")
    found = look(db, "Zwei Einrahmerinnen fertigen Bilderrahmen nach Maß.", "Einrahmerinnen")
    assert found["agent"]["english"] == "framer" and found["split"] is None


def test_where_english_has_no_noun_of_a_leading_sense_another_word_of_the_line_gives_it(load_ding, tmp_path, monkeypatch):
    # No "tobogganer" or "sledger" in English; "to sled", the line's other word for sledging, makes a "sledder".
    found = write_wordnet(tmp_path, {"noun": [["sledder"]]}, files={"sledder": 18})
    monkeypatch.setattr(synonyms, "system", lambda: found)
    db = load_ding("rodeln {vi} | rodelnd | gerodelt :: to toboggan | tobogganing | tobogganed\n"
                   "rodeln {vi} :: to sledge; to sled [Am.]\n")
    agent = look(db, "Im Winter fahren die Rodler den Hang hinunter.", "Rodler")["agent"]
    assert agent and agent["verb"] == "rodeln" and agent["english"] == "sledder"
