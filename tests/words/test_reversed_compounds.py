"""A split compound English names head first, joined by "of the" or "the": the front's name runs on.

"Stadtrats|sitzung" is "meeting of the city council": the front part's English is the last of
the words, and may be more than one ("city council", "DIY store"). Ding lines copied from it.
"""
import pytest
from words_lookup import look

from annotations.words import align

DING = """\
Stadtrat {m}; Stadtverordnetenversammlung {f}; Rat {m} der Stadt (Gremium) :: town council; city council /CC/; municipal council
Versammlung {f}; Sitzung {f}; Besprechung {f} :: meeting
ausfallen {vi} | ausfallend | ausgefallen | fällt aus | fiel aus :: to be cancelled | being cancelled | been cancelled | is cancelled | was cancelled
Baumarkt {m}; Heimwerkermarkt {m}; Baucenter {n} [Schw.] :: DIY superstore; do-it-yourself store; home improvement store
Besuch {m} :: visit
sich lohnen {vr} | sich lohnend | sich gelohnt | lohnt sich | lohnte sich :: to pay off | paying off | paid off | pays off | paid off
Saison {f} | Saisons {pl} :: season | seasons
Auftakt {m} :: start
Verein {m} | Vereine {pl} :: club | clubs
Vorsitzende {m,f}; Vorsitzender :: chairman; chairwoman; chairperson
"""


@pytest.fixture
def ding_db(load_ding):
    return load_ding(DING)


@pytest.mark.parametrize("sentence, word, english, meaning", [
    ("Die Stadtratssitzung fiel aus.", "Stadtratssitzung", "The meeting of the city council was cancelled.",
     "meeting of the city council"),
    # Not a gloss as a whole, but each word the front part's; without the sentence's opening capital.
    ("Der Baumarktbesuch lohnte sich.", "Baumarktbesuch", "Visiting the DIY store paid off.", "visiting the DIY store"),
    # A one-word front ends where it is.
    ("Der Saisonauftakt war ein Erfolg.", "Saisonauftakt", "The start of the season was a success.", "start of the season"),
    ("Der Vereinsvorsitzende trat zurück.", "Vereinsvorsitzende", "The chairman of the club resigned.", "chairman of the club"),
])
def test_a_front_part_named_last_is_named_whole(ding_db, sentence, word, english, meaning):
    found = look(ding_db, sentence, word)
    assert found["split"], "the compound is split into its parts"
    assert align.meaning_in(ding_db, found, sentence, english, english)[0] == meaning
