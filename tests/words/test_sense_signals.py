"""Signals the ranking and the translation match use, from short copies of real Ding lines."""
import pytest

from annotations.words import context, importer, senses, translated

DING = """\
Baggerschiff {n}; Baggerboot {n}; Schwimmbagger {m}; Nassbagger {m}; Bagger {m} [constr.] | Baggerschiffe {pl}; Baggerboote {pl}; Schwimmbagger {pl}; Nassbagger {pl}; Bagger {pl} :: dredger | dredgers
Trockenbagger {m}; Bagger {m} [constr.] | Trockenbagger {pl}; Bagger {pl} :: digger; excavator | diggers; excavators
ausverkauft {adj} (Theater; Kino; Stadion) :: full house
etw. ausverkaufen {vt} | ausverkaufend | ausverkauft :: to sell sth. off | selling off | sold off
ausgebucht; ausverkauft {adj} | ausgebucht sein; ausverkauft sein :: booked up; sold out; full up | to be booked up; to be sold out
"""


@pytest.fixture
def ding_db(db, write_ding, lemmatiser):
    importer.import_dictionary(db, "ding", write_ding(DING))
    return db


def look(db, sentence, word):
    at = sentence.index(word)
    return context.in_context(db, sentence, at, at + len(word))


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
