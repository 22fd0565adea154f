"""Adjectives and adverbs German derives from a noun with "-weise" or "-reich", which Ding lacks."""
import pytest
from words_lookup import popover_page

# Real Ding lines: the parts of "kiloweise" and "zuckerreich", none of the words themselves.
DING = """\
Kilogramm {n}; Kilo {n} /kg/ | ein 200 Kilo-Betonblock | 3 Kilo Reis :: kilogram; kilogramme [Br.]; kilo /kg/ | a 200 kilo block of concrete | 3 kilos of rice
weise; klug; verständig {adj} | weiser; klüger; verständiger | am weisesten; am klügsten; am verständigsten :: wise | wiser | wisest
Art und Weise {f}; Art {f}; Weise {f} :: way; manner; fashion; style; wise [archaic]
Zucker {m} | brauner Zucker :: sugar | brown sugar
reich (an); reichhaltig; reichlich {adj} | reicher; reichhaltiger; reichlicher | am reichsten; am reichhaltigsten; am reichlichsten :: rich (in) | richer | richest
Handlung {f} | Handlungen {pl} :: action | actions
fähig {adj} :: able; capable
Plastik {n} :: plastic
frei {adj} | freier | am freiesten :: free; available | freer | freest
"""


@pytest.mark.parametrize("sentence, word, meaning", [
    # "-weise" after a noun of a measure: how much at a time, not a wise kilogram
    ("Die Inhaberin kauft die Kleidung kiloweise bei Haushaltsauflösungen.", "kiloweise", "by the kilogram"),
    # "-reich" after a noun: having much of it
    ("Wegen der Dürre sind die Beeren klein, aber sehr zuckerreich.", "zuckerreich", "rich in sugar"),
    # "-fähig": able to do or have it; inflected before its noun too.
    ("Der Ministerpräsident will bis Ostern eine handlungsfähige Regierung bilden.", "handlungsfähige",
     "capable of action"),
    # "-frei": without it, as English makes "-free" ("available plastic" is another "frei").
    ("Der Laden verkauft nur plastikfreie Waren.", "plastikfreie", "plastic-free"),
])
def test_a_noun_with_a_derivational_suffix_reads_as_english_says_it(client, load_ding, sentence, word, meaning):
    page = popover_page(client, load_ding(DING), sentence, word)
    assert f'value="{meaning}"' in page
