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
