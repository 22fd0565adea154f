"""A noun's near-tied senses, told apart by Ding's compounds of it with another noun of its paragraph.

Real sentences; the Ding lines are cut down from the dictionary's own.
"""
import pytest
from words_lookup import look

from annotations.words import senses, topic

DING = """\
Maschine {f} | Maschinen {pl} :: machine | machines
Flugzeug {n}; Flieger {m} [ugs.]; Maschine {f} [ugs.] [aviat.] | Flugzeuge {pl}; Flieger {pl}; Maschinen {pl} :: aeroplane [Br.]; airplane [Am.]; plane | aeroplanes; airplanes; planes
Passagier {m}; Passagierin {f} | Passagiere {pl}; Passagierinnen {pl} :: passenger | passengers
Verspätung {f} | Verspätungen {pl} :: delay | delays
"""
# Ding's compound of the paragraph's "Passagiere" with "Maschine": its English says which sense.
COMPOUND = "Passagierflugzeug {n}; Passagiermaschine {f} [aviat.] :: passenger plane; passenger aircraft\n"
# A compound with "Maschine" in front is another thing ("Maschinenpassagier" is made up here):
# its English says nothing of what "Maschine" means in it.
FRONT = "Maschinenpassagier {m} :: plane passenger\n"
SENTENCE = "Hunderte Passagiere standen stundenlang an, mehrere Maschinen hoben mit Verspätung ab."


def first_meaning(db, sentence, word):
    return senses.best_gloss(look(db, sentence, word)["entries"][0])


def test_without_a_compound_the_ranking_stands(load_ding):
    db = load_ding(DING)
    assert first_meaning(db, SENTENCE, "Maschinen") == "machine"


def test_a_compound_with_another_noun_of_the_paragraph_names_the_sense(load_ding):
    db = load_ding(DING + COMPOUND)
    assert first_meaning(db, SENTENCE, "Maschinen") == "aeroplane [Br.]"


def test_only_where_that_noun_is_in_the_paragraph(load_ding):
    db = load_ding(DING + COMPOUND)
    assert first_meaning(db, "Mehrere Maschinen hoben mit Verspätung ab.", "Maschinen") == "machine"


def test_a_compound_with_the_noun_in_front_says_nothing(load_ding):
    db = load_ding(DING + FRONT)
    assert first_meaning(db, SENTENCE, "Maschinen") == "machine"


def test_a_sense_ranked_far_below_is_not_raised(load_ding, monkeypatch):
    db = load_ding(DING + COMPOUND)
    monkeypatch.setattr(topic, "MARGIN", 0.0)
    assert first_meaning(db, SENTENCE, "Maschinen") == "machine"


@pytest.mark.parametrize("front, head, key", [
    ("Passagier", "Maschine", "passagiermaschine"),
    ("Verwaltung", "Aufwand", "verwaltungsaufwand"),
    ("Straße", "Bahn", "straßenbahn"),
    ("Schule", "Hof", "schulhof"),
])
def test_compound_keys_join_with_german_linking_letters(front, head, key):
    assert key in topic.compound_keys(front, head)
