"""A German noun's gloss is not the translation's verb of that spelling, nor a verb's its noun.

The sentence is real; the Ding lines are copied from the dictionary.
"""
import pytest
from words_lookup import look

from annotations.words import align, english_roles, translated

DING = """\
Wachdienst {m}; Wache {f}; Postenstehen {n} [mil.] :: guard duty; sentry duty
Wachdienst {m}; Wache {f} (Schiff) [naut.] :: watch; watch duty
beaufsichtigen {vt} (Prüfung) :: to invigilate
beaufsichtigend; überwachend; betreuend :: supervising; overseeing; superintending; overlooking
Bibliothekarin {f} | Bibliothekarinnen {pl} :: librarian | librarians
Regal {n} | Regale {pl} :: shelf | shelves
Arbeitsplatz {m} | Arbeitsplätze {pl} :: workstation | workstations
statt {prp; +Gen.} :: instead of
dann {adv} :: then
"""
SENTENCE = "Statt Bibliothekarinnen beaufsichtigt dann ein Wachdienst die Regale und Arbeitsplätze."
ENGLISH = "Instead of librarians, a security firm will then watch over the shelves and workstations."


@pytest.fixture
def ding_db(load_ding):
    return load_ding(DING)


def test_a_nouns_gloss_names_no_sense_where_the_translation_uses_it_as_a_verb(ding_db):
    # "will then watch over": a modal opens a verb, so the noun "watch" (a ship's watch) is not there.
    assert translated.mark_in_translation(look(ding_db, SENTENCE, "Wachdienst")["entries"], ENGLISH) != "watch"


def test_a_nouns_english_claims_no_verb_of_that_spelling(ding_db):
    # "watch" is no rendering of the noun "Wachdienst" here, so it is not claimed: the verb
    # "beaufsichtigt" is not left with the subject "security firm".
    at = SENTENCE.index("beaufsichtigt")
    span = align.rendering(ding_db, SENTENCE, at, at + len("beaufsichtigt"), ENGLISH, ["to invigilate"], "verb")
    assert (ENGLISH[slice(*span)] if span else "") != "security firm"


@pytest.mark.parametrize("pos, english, word, other", [
    ("noun", "a security firm will then watch over the shelves", "watch", True),
    ("noun", "a security firm keeps watch over the shelves", "watch", False),
    ("verb", "the rise in prices", "rise", True),
    # A participle after a determiner is still the verb's ("a registered letter").
    ("verb", "for a registered letter", "registered", False),
    # "to" is a preposition as often as the infinitive's: "more support to families".
    ("noun", "to give more support to families", "families", False),
])
def test_the_word_before_says_whether_an_english_word_stands_as_a_verb_or_a_noun(pos, english, word, other):
    words = english.split()
    assert english_roles.other_part(pos, words, words.index(word)) is other
