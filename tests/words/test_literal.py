"""A compound Ding has, whose first gloss names it from another angle than its parts."""
from annotations.words import literal, senses
from words_lookup import look

# Real Ding lines: "Sommerreifen" opens with "standard tyre"; its parts "Sommer" and "Reifen".
DING = """\
Sommerreifen {m} <Sommerräder> | Sommerreifen {pl} :: standard tyre; summer tyre; summer tire [Am.]; normal tyre | standard tyres; summer tyres; summer tires; normal tyres
Sommer {m} | Sommer {pl} :: summer | summers
Reifen {m} [auto] | Reifen {pl} :: tyre [Br.]; tire [Am.] | tyres; tires
"""


def test_the_gloss_naming_a_compound_s_parts_comes_before_one_naming_it_otherwise(load_ding):
    found = look(load_ding(DING), "Viele lassen die Winterreifen aufziehen und die Sommerreifen gegen Gebühr einlagern.",
                 "Sommerreifen")
    assert senses.best_gloss(found["entries"][0]) == "summer tyre"


def test_a_one_word_english_name_stays_first():
    # English has its own word for the thing: no calque ranks before it.
    assert literal.literal_gloss(["glove", "hand shoe"], lambda: (["hand"], ["shoe"])) == ""
