"""Nouns in the spelling before 1996 ("Schloß", "Paß") are the nouns Ding lists in today's."""
import pytest
from words_lookup import look

DING = """\
Schloss {n} | Schlösser {pl} :: castle | castles
schließen {vt} | schließend | geschlossen :: to close | closing | closed
Schließen {n} :: closing
Pass {m} | Pässe {pl} :: passport | passports
passen {vi} | passend | gepasst :: to fit | fitting | fitted
Maß {n} | Maße {pl} :: measure | measures
Masse {f} | Massen {pl} :: mass | masses
"""


@pytest.fixture
def ding_db(load_ding):
    return load_ding(DING)


def first_entry(db, sentence, word):
    entry = look(db, sentence, word)["entries"][0]
    return entry["headword"], entry["glosses"][0]


@pytest.mark.parametrize(("sentence", "word", "entry"), [
    # simplemma takes the old spellings for schließen and passen: not "closing", not "to fit".
    ("Am Sonntag besuchten wir das Schloß über der Stadt.", "Schloß", ("Schloss", "castle")),
    ("An der Grenze zeigte er seinen Paß vor.", "Paß", ("Pass", "passport")),
    # Where Ding has the word with its ß, that is the word: Maße are measures, not masses.
    ("Die Maße des Zimmers stimmen nicht.", "Maße", ("Maß", "measure")),
    # A verb in the old spelling stays the verb.
    ("Er schloß leise die Tür.", "schloß", ("schließen", "to close")),
])
def test_an_old_spelling_is_looked_up_as_the_word_it_spells(ding_db, sentence, word, entry):
    assert first_entry(ding_db, sentence, word) == entry
