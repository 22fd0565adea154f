"""A word's near-tied senses, told apart by what its paragraph is about: Ding's compounds of it
with another noun of the paragraph, and the senses' definitions against the paragraph's English.

Real sentences; the Ding lines are cut down from the dictionary's own, the WordNet's from WordNet.
"""
import pytest
from words_lookup import first_meaning, look, write_wordnet

from annotations.words import synonyms, topic

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


# "Gussform" is a die or a cast; the paragraph casts metal ("Gießen": moulding; "flüssige": liquid).
CASTING = """\
Gussform {f}; Gießform {f}; Form {f} (zur Herstellung von Gussstücken aus Metall) (Gießerei) [techn.] :: die; die-set (foundry)
Abguss {m}; Gussform {f} [techn.] :: cast; impression
Formen {n}; Gießen {n} :: moulding; molding [Am.]
flüssig {adj} (Aggregatzustand) [phys.] :: liquid (aggregate state)
"""
FOUNDRY = ("Eine Glockengießerei in Passau baut die Gussform für eine Bronzeglocke aus Lehm und Wachs. "
           "Beim Gießen rinnt das flüssige Metall in eine Grube vor der Werkhalle.")


@pytest.fixture
def foundry_wordnet(tmp_path, monkeypatch):
    wordnet = write_wordnet(tmp_path, {"noun": [["cast", "mold", "mould"], ["die"]]}, definitions={
        "cast": "container into which liquid is poured to create a given shape when it hardens",
        "die": "a device used for shaping metal"})
    monkeypatch.setattr(synonyms, "system", lambda: wordnet)
    return wordnet


def test_the_sense_whose_definition_shares_words_with_more_of_the_paragraph_leads(load_ding, foundry_wordnet):
    db = load_ding(CASTING)
    # Its synonym "mould" (as "Gießen" is moulding) and its definition's "liquid" (as "flüssige" is):
    # two words of the paragraph behind it.
    assert first_meaning(db, FOUNDRY, "Gussform") == "cast"


def test_one_word_of_the_paragraph_is_not_enough(load_ding, foundry_wordnet):
    db = load_ding(CASTING)
    # "Gießen" alone speaks for "cast": one shared word is as often chance.
    assert first_meaning(db, FOUNDRY.replace("flüssige ", ""), "Gussform") == "die"


def test_without_wordnet_the_ranking_stands(load_ding):
    db = load_ding(CASTING)
    assert first_meaning(db, FOUNDRY, "Gussform") == "die"


def test_the_sentence_alone_does_not_say_it(load_ding, foundry_wordnet):
    db = load_ding(CASTING)
    assert first_meaning(db, FOUNDRY.split(". ")[0] + ".", "Gussform") == "die"


# Leiter: a manager or a ladder. Ding's "Erfolgsleiter" (ladder of success) is rare German, and a
# museum's director beside "Erfolg" is no ladder.
LEITER = """\
Leiter {m}; Leiterin {f} | Leiter {pl}; Leiterinnen {pl} :: manager; head | managers; heads
Leiter {f} | Leitern {pl} :: ladder | ladders
Erfolg {m} | Erfolge {pl} :: success | successes
Erfolgsleiter {f} :: ladder of success
"""
MUSEUM = "Das Museum zeigt eine neue Ausstellung. Der Leiter des Hauses sprach von einem großen Erfolg."


def test_a_rare_compound_says_nothing_of_the_paragraph(load_ding):
    db = load_ding(LEITER)
    assert first_meaning(db, MUSEUM, "Leiter") == "manager"


# Ruf: a reputation or a summons. "Auf" opens a sentence, capitalised as any first word is: it is
# no noun of the paragraph, and "Aufruf" (an appeal, a summons) no compound of one.
RUF = """\
Ruf {m}; Ansehen {n} | Rufe {pl} :: reputation | reputations
Ruf {m} (Aufforderung) | Rufe {pl} :: summons | summonses
Aufruf {m} | Aufrufe {pl} :: summons; appeal | summonses; appeals
"""
MEETING = "Auf der Versammlung sprach der Vorstand lange. Danach ging es um den Ruf der Firma."


def test_a_sentences_first_word_is_no_noun_of_the_paragraph(load_ding):
    db = load_ding(RUF)
    assert first_meaning(db, MEETING, "Ruf") == "reputation"
    assert "Auf" not in topic.noun_fronts(MEETING, frozenset())
    assert list(topic.noun_fronts(MEETING, frozenset())) == ["Versammlung", "Vorstand", "Ruf", "Firma"]
