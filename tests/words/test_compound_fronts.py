"""A split compound whose front part means an English compound itself ("Modellbahn": model railway)."""
import pytest

from annotations.words import senses
from words_lookup import look

# Fronts Ding knows as compounds whose English is two words; heads of one word.
FRONTS = """\
Modellbahn {f} | Modellbahnen {pl} :: model railway [Br.]; model railroad [Am.] | model railways; model railroads
Club {m} | Clubs {pl} :: club | clubs
Kinderbuch {n} | Kinderbücher {pl} :: children’s book | children’s books
Verlag {m} | Verlage {pl} :: publisher | publishers
"""


@pytest.mark.parametrize("sentence, word, meaning", [
    ("Ein Modellbahnclub hat im Keller eines Gemeindehauses eine Miniaturlandschaft errichtet.", "Modellbahnclub",
     "model railway club"),
    ("Für Hörspiele bucht ein Kinderbuchverlag den Regieraum tageweise.", "Kinderbuchverlag",
     "children’s book publisher"),
])
def test_a_front_meaning_an_english_compound_stands_whole_before_the_last_part(load_ding, sentence, word, meaning):
    split = look(load_ding(FRONTS), sentence, word)["split"]
    assert senses.split_meaning([p["gloss"] for p in split], True) == meaning


@pytest.mark.parametrize("parts, meaning", [
    (["in own right", "cutting"], "in own right + cutting"),  # a phrase, not a noun's name
    (["fight", "jet aircraft"], "fight + jet aircraft"),  # the last part's: where would the parts meet?
])
def test_a_front_phrase_or_a_last_parts_compound_keeps_the_parts_apart(parts, meaning):
    assert senses.split_meaning(parts, True) == meaning
