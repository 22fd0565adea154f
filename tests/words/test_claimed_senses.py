"""A sense found only in the English that another word of the sentence renders is not the word's.

Each case is a real sentence and its translation; the Ding lines are copied from the dictionary.
"""
import pytest
from words_lookup import meaning


DING = """\
Schüssel {f}; Becken {n}; Schale {f} | Schüsseln {pl}; Schalen {pl} | Brotschale {f} | Eisschale {f} | Kristallschale {f} | Obstschale {f} <Fruchtschale> :: bowl | bowls | bread bowl | ice cream bowl | crystal bowl | fruit bowl
(große) Tasse {f} (ohne Untertasse); Pott {m} [Norddt.] [Ostdt.]; Becher {m} [Norddt.] [Westdt.]; Dippel {m} [Ostdt.]; Humpen {m} [Pfalz]; Haferl {n} [Bayr.] [Ös.]; Häferl {n} [Ös.]; Schale {f} [Tirol] [cook.] | Tassen {pl}; Pötte {pl}; Becher {pl}; Dippel {pl}; Humpen {pl}; Haferle {pl}; Häferle {pl}; Schalen {pl} :: mug | mugs
Teilnehmer {m}; Teilnehmerin {f} | Teilnehmer {pl}; Teilnehmerinnen {pl} :: participant | participants
Strafe {f} [jur.] | Strafen {pl} :: penalty | penalties
Strafe {f} :: retribution; requital
bestrafen; strafen; abstrafen; ahnden {vt} (für) | bestrafend; strafend; abstrafend; ahndend | bestraft; gestraft; abgestraft; geahndet :: to punish (for) | punishing | punished
saftig {adj} | saftiger | am saftigsten :: juicy | juicier | juiciest
"""


@pytest.fixture
def ding_db(load_ding):
    return load_ding(DING)


def test_a_sense_whose_english_renders_another_word_comes_after_one_that_does_not(ding_db):
    # Ding lists "Schale" under "mug" too, and the translation has "mugs": but that is Becher's.
    sentence = "Die Teilnehmer formen an der Drehscheibe Schalen und Becher, die anschließend im Brennofen gebrannt werden."
    english = "The participants shape bowls and mugs on the potter's wheel, which are then fired in the kiln."
    assert meaning(ding_db, sentence, "Schalen", english) == "bowls"
    assert meaning(ding_db, sentence, "Becher", english) == "mug"


def test_a_ruled_out_sense_found_only_in_another_words_english_is_not_named(ding_db):
    # "Strafen" after "saftigen" is a noun; the verb sense "to punish" is in the translation,
    # but as the rendering of "ahnden": the translation names no sense of the noun.
    sentence = "Die Kölner Stadtreinigung will achtlos weggeworfene Zigarettenkippen mit saftigen Strafen ahnden."
    english = "Cologne's municipal cleaning service wants to punish carelessly discarded cigarette butts with hefty fines."
    assert "punish" not in meaning(ding_db, sentence, "Strafen", english)
