"""Signals the ranking and the translation match use, from short copies of real Ding lines."""
import pytest
from words_lookup import look, write_wordnet

from annotations.words import synonyms, translated

DING = """\
Baggerschiff {n}; Baggerboot {n}; Schwimmbagger {m}; Nassbagger {m}; Bagger {m} [constr.] | Baggerschiffe {pl}; Baggerboote {pl}; Schwimmbagger {pl}; Nassbagger {pl}; Bagger {pl} :: dredger | dredgers
Trockenbagger {m}; Bagger {m} [constr.] | Trockenbagger {pl}; Bagger {pl} :: digger; excavator | diggers; excavators
ausverkauft {adj} (Theater; Kino; Stadion) :: full house
etw. ausverkaufen {vt} | ausverkaufend | ausverkauft :: to sell sth. off | selling off | sold off
ausgebucht; ausverkauft {adj} | ausgebucht sein; ausverkauft sein :: booked up; sold out; full up | to be booked up; to be sold out
"""


@pytest.fixture
def ding_db(load_ding):
    return load_ding(DING)


def test_labels_belong_to_the_alternative_that_is_the_word_not_one_containing_it(ding_db):
    # "Bagger" is the line's last alternative, labelled [constr.] as in the excavator's line;
    # "Baggerschiff", which opens the line, only contains it. Both lines weigh the same label.
    found = look(ding_db, "Bei Bauarbeiten hat ein Bagger ein Kabel durchtrennt.", "Bagger")
    by_english = {e["glosses"][0]: e["labels"] for e in found["entries"] if e["sub"] == 0}
    assert by_english["dredger"] == by_english["digger"] == ["constr."]


@pytest.mark.parametrize("english", [
    # English hyphenates the dictionary's "sold out" before a noun.
    "Thousands watched the final in the sold-out arena.",
    "Thousands followed the final in a sold-out stadium.",
])
def test_a_gloss_is_found_in_a_translation_that_hyphenates_it(ding_db, english):
    sentence = "Tausende verfolgten das Finale in der ausverkauften Arena."
    found = look(ding_db, sentence, "ausverkauften")
    at = sentence.index("ausverkauften") / len(sentence)
    assert translated.mark_in_translation(found["entries"], english, at) == "sold out"


def test_wordnet_gives_the_words_of_a_words_commonest_senses(tmp_path):
    wordnet = write_wordnet(tmp_path, {"verb": [["abide", "bear"], ["bear", "carry"], ["bear", "give birth"],
                                                ["bear", "behave"], ["zap", "nuke"]]})
    assert wordnet.synonyms("bear", senses=3) == {"abide", "carry", "give birth"}  # not its 4th sense
    assert wordnet.synonyms("Give  Birth") == {"bear"}  # phrases as WordNet writes them, any case
    assert wordnet.synonyms("abide") == {"bear"}  # the index's first entry, right after its header
    assert wordnet.synonyms("zap") == {"nuke"} and wordnet.synonyms("unknown") == frozenset()
    assert synonyms.WordNet(str(tmp_path / "none")).synonyms("bear") == frozenset()  # not installed: none
    assert wordnet.synonyms("") == wordnet.synonyms("  ") == frozenset()  # not the licence header line


def test_wordnet_knows_a_words_inflected_forms_by_part_of_speech(tmp_path):
    wordnet = write_wordnet(tmp_path, {"noun": [["keeper"], ["city"]], "verb": [["wrap"], ["make"], ["run"]],
                                       "adj": [["big"]]})
    (tmp_path / "verb.exc").write_text("ran run\nwove weave\n", encoding="utf-8")  # irregular forms
    for word, parts in [("keepers", ("noun",)), ("cities", ("noun",)), ("wrapped", ("verb",)),
                        ("making", ("verb",)), ("ran", ("verb",)), ("biggest", ("adj",)), ("Keeper", ("noun",))]:
        assert wordnet.knows(word, parts), word
    assert not wordnet.knows("keepers", ("verb",)) and not wordnet.knows("beforehand", ("noun", "verb"))
    assert not synonyms.WordNet(str(tmp_path / "none")).knows("keeper", ("noun",))  # not installed


def test_wordnet_says_a_word_is_a_plural_where_it_has_the_singular_and_not_the_word(tmp_path):
    # "news" and "glasses" WordNet lists themselves: no plurals of another noun here.
    wordnet = write_wordnet(tmp_path, {"noun": [["tourist"], ["city"], ["child"], ["news"], ["glasses"], ["glass"]],
                                       "verb": [["run"]]})
    (tmp_path / "noun.exc").write_text("children child\n", encoding="utf-8")  # irregular plurals
    for word in ("tourists", "cities", "children", "Tourists"):
        assert wordnet.plural(word), word
    for word in ("tourist", "news", "glasses", "runs", "beforehand", ""):
        assert not wordnet.plural(word), word
    assert not synonyms.WordNet(str(tmp_path / "none")).plural("tourists")  # not installed


@pytest.mark.skipif(not synonyms.WordNet().available, reason="Debian's wordnet-base is not installed")
def test_the_system_wordnet_is_read_in_its_real_format():
    # Real index lines carry pointer counts, and adjectives a position marker ("galore(ip)").
    wordnet = synonyms.WordNet()
    assert {"extravagant", "inordinate"} <= wordnet.synonyms("excessive", pos="adjective")
    assert wordnet.synonyms("abounding", pos="adjective") == {"galore"}  # "galore(ip)" in the file
    assert wordnet.knows("ran", ("verb",)) and wordnet.knows("keepers", ("noun",))  # its exceptions file, -s


SYNONYM_DING = """\
etw. überziehen {vt} | überziehend | überzogen :: to cover sth. | covering | covered
überzogen {adj} :: extravagant (exceeding what is reasonable or appropriate)
Grundmauer {f} | Grundmauern {pl} :: foundation wall | foundation walls
Unterbau {m}; Grundmauern {pl} :: substructure
beheben {vt} | behebend | behoben :: to relieve sth. | relieving | relieved
"""
SYNSETS = {"adj": [["extravagant", "excessive", "exorbitant"]], "noun": [["substructure", "foundation"]],
           "verb": [["relieve", "free"]]}


@pytest.mark.parametrize("sentence, word, english, meaning", [
    # The translation words the sense with a synonym Ding does not list for the word.
    ("Die Arbeitgeber nannten die Forderungen überzogen.", "überzogen",
     "The employers described the demands as excessive.",
     "extravagant (exceeding what is reasonable or appropriate)"),
    # A word as common as "free" has too many senses to say which one is meant.
    ("Die Werkstatt kann den Fehler kostenlos beheben.", "beheben",
     "The garage can fix the fault free of charge.", ""),
    # The sense ranked first already shares a word with the translation: it stays.
    ("Archäologen stießen auf die Grundmauern eines römischen Gutshofs.", "Grundmauern",
     "Archaeologists came across the foundations of a Roman estate.", ""),
])
def test_a_sense_the_translation_words_by_a_synonym_is_found(load_ding, tmp_path, sentence, word, english, meaning):
    db = load_ding(SYNONYM_DING)
    wordnet = write_wordnet(tmp_path, SYNSETS)
    found = look(db, sentence, word)
    assert translated.mark_in_translation(found["entries"], english, wordnet=wordnet) == meaning


DAME = """\
Dame {f} | Damen {pl} :: lady | ladies
Dame {f} (Adelsprädikat) | Damen {pl} :: dame | dames
Dame {f} | Damen {pl} :: madam | madams
Dame {f} (Schachfigur) | Damen {pl} :: queen (chessman) | queens
Dame {f} (Spielkarte) | Damen {pl} :: queen (playing card) | queens
"""


def test_lines_naming_one_sense_in_other_words_make_it_the_core_sense(load_ding, tmp_path, monkeypatch):
    # Two lines say "queen"; "lady", "dame" and "madam" say one sense in three words.
    db = load_ding(DAME)
    wordnet = write_wordnet(tmp_path, {"noun": [["dame", "madam", "ma'am", "lady", "gentlewoman"],
                                                ["queen", "queen regnant", "female monarch"]]})
    monkeypatch.setattr(synonyms, "system", lambda: wordnet)
    found = look(db, "Die Damen stricken Mützen und Schals für Obdachlose.", "Damen")
    assert found["entries"][0]["glosses"][0] == "lady"
