"""Which of a verb's Ding lines leads, from whether the clause's object is a person or a thing.

Each case is a real sentence; the Ding lines are copied from the dictionary behind it.
"""
import pytest
from words_lookup import look, write_wordnet

from annotations.words import objects, placeholders, senses, synonyms

DING = """\
etw. anfordern {vt} [adm.] :: to request sth.
jdn. einschalten; rufen; anfordern; sich holen [ugs.] {vt} :: to call in <> sb.
Wahlschein {m}; Wahlkarte {f} [Ös.] [pol.] :: postal ballot [Br.]; postal ballot paper [Br.]
Briefwähler {m} [pol.] :: postal voter
"""
SENTENCE = "Briefwähler können die Wahlscheine ab Montag im Bürgerbüro anfordern."


@pytest.fixture
def ding_db(load_ding):
    return load_ding(DING)


@pytest.fixture
def wordnet(tmp_path, monkeypatch):
    # WordNet files "voter" under noun.person (18), "ballot" under noun.act.
    found = write_wordnet(tmp_path, {"noun": [["voter", "elector"], ["ballot"]]}, files={"voter": 18, "ballot": 4})
    monkeypatch.setattr(synonyms, "system", lambda: found)
    return found


def test_a_thing_as_object_passes_over_a_line_for_a_person(ding_db, wordnet):
    # "anfordern :: to call in <> sb." names a person; the clause asks for ballot papers.
    assert senses.best_gloss(look(ding_db, SENTENCE, "anfordern")["entries"][0]) == "to request sth."


def test_the_object_is_the_noun_phrase_after_the_subject(ding_db, wordnet):
    words = SENTENCE.rstrip(".").split()
    assert objects.object_nouns(words, len(words) - 1) == ["Wahlscheine"]
    assert objects.kind_of(ding_db, "Wahlscheine") == "thing"
    assert objects.kind_of(ding_db, "Briefwähler") == "person"


@pytest.mark.parametrize("clause, verb, nouns", [
    ("Der Verein hat seinen Trainer nach nur vier Monaten entlassen", "entlassen", ["Trainer"]),
    ("Er hatte sich am Telefon als Polizist ausgegeben", "ausgegeben", []),
    ("Finanzminister Jörg Kukies begründete den Schritt am Dienstag", "begründete", ["Schritt"]),
    ("die die Feuer seit Jahrzehnten ausrichten", "ausrichten", ["Feuer"]),
    ("die Innenstadt für Autos weitgehend zu sperren", "sperren", ["Innenstadt"]),
    # "Einen" is the accusative article (not the number): that phrase is no subject.
    ("Einen Verdächtigen hat die Polizei festgenommen", "festgenommen", ["Verdächtigen"]),
])
def test_the_direct_object_among_the_clauses_nouns(clause, verb, nouns):
    words = clause.split()
    assert objects.object_nouns(words, words.index(verb)) == nouns


def test_a_passives_subject_is_its_object():
    words = "ist der Fährverkehr zu den Nordseeinseln eingestellt worden".split()
    assert objects.object_nouns(words, words.index("eingestellt"), passive=True) == ["Fährverkehr"]


@pytest.mark.parametrize("text, english, kinds", [
    ("jdn./etw. aus etw. verbannen", False, {"person", "thing"}),
    ("den Auftrag an jdn. vergeben", False, set()),
    ("jdm./etw. ausweichen", False, set()),
    ("to call in <> sb.", True, {"person"}),
    ("to deliver sth. (to sb.)", True, {"thing"}),
    ("to look after sb.", True, set()),
])
def test_the_placeholder_of_the_direct_object(text, english, kinds):
    assert placeholders.direct_objects(text, english=english) == kinds
