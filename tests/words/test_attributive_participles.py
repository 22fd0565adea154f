"""A verb's past participle inflected before its noun means its participle row, in the sense its verb's lines rank first."""
import pytest
from words_lookup import look

from annotations.words import senses

MARKIEREN = """\
Markieren {n} :: marking
etw. kennzeichnen; markieren {vt} | kennzeichnend; markierend | gekennzeichnet; markiert | kennzeichnet; markiert | kennzeichnete; markierte :: to mark sth. | marking | marked | marks | marked
markieren {vt} | markierend | markiert | er/sie markiert | ich/er/sie markierte :: to tag | tagging | tagged | he/she tags | I/he/she tagged
"""

AUFSCHICHTEN = """\
Schichten bilden {vt}; sich aufschichten {vr} | Schichten bildend; sich aufschichtend | Schichten gebildet; sich aufgeschichtet :: to stratify | stratifying | stratified
etw. übereinanderlegen; aufhäufen; aufschichten {vt} | übereinanderlegend; aufhäufend; aufschichtend | übereinandergelegt; aufgehäuft; aufgeschichtet :: to pile sth.; to pile up <> sth. | piling; piling up | piled; piled up
"""


def test_a_participle_before_its_noun_is_its_row_not_the_infinitive(load_ding):
    # "markierten" is no Ding adjective: its verb's row "markiert" (marked) is, not "to mark sth.".
    db = load_ding(MARKIEREN)
    found = look(db, "Geschossen wird nur von markierten Pflöcken aus.", "markierten")
    assert senses.best_gloss(found["entries"][0]) == "marked"


def test_a_verbs_past_before_a_bare_plural_stays_the_verb(load_ding):
    # No determiner or preposition before it, no "ge-": "markierten" is the verb's past here.
    db = load_ding(MARKIEREN)
    found = look(db, "Die Förster markierten Bäume für den Winter.", "markierten")
    assert senses.best_gloss(found["entries"][0]) == "to mark sth."


def test_the_clauses_sich_is_not_the_participles(load_ding):
    # "sich" is "verkrochen"'s: "aufgeschichtetem" is piled, not the reflexive's "stratified".
    db = load_ding(AUFSCHICHTEN)
    found = look(db, "Das Tier hatte sich hinter aufgeschichtetem Brennholz verkrochen.", "aufgeschichtetem")
    assert senses.best_gloss(found["entries"][0]) == "piled"


STOEREN = """\
sich an etw. stören {vr} | sich an etw. störend | sich an etw. gestört :: to resent sth. | resenting | resented
jdn./etw. stören {vt} | störend | gestört :: to disturb sb./sth. | disturbing | disturbed
"""


@pytest.mark.parametrize("sentence, meaning", [
    # "sich fühlen" links a state: its "sich" is no reflexive of "stören" (to resent).
    ("Ein zugezogenes Ehepaar fühlte sich jeden Morgen im Schlaf gestört.", "disturbed"),
    # With a perfect's auxiliary the participle is the verb.
    ("Das Ehepaar hat sich an dem Lärm gestört.", "to resent sth."),
])
def test_a_participle_after_a_linking_verb_names_a_state(load_ding, sentence, meaning):
    found = look(load_ding(STOEREN), sentence, "gestört")
    assert senses.best_gloss(found["entries"][0]) == meaning


STOSSEN = """\
auf jdn./etw. stoßen {vi} | auf stoßend | auf gestoßen :: to come across sb./sth. | coming across | come across
jdn./etw. stoßen {vt} | stoßend | gestoßen :: to knock sb./sth. | knocking | knocked
"""

ERWARTEN = """\
erwartet {adj} :: due
etw. erwarten {vt} | erwartend | erwartet :: to expect sth. | expecting | expected
"""


@pytest.mark.parametrize("lines, sentence, word, meaning", [
    # "sei" is reported speech's perfect here, not a linking verb: "stoßen auf" (came across).
    (STOSSEN, "Der Zeuge sagte, er sei auf eine Ölspur gestoßen.", "gestoßen", "to come across sb./sth."),
    # "als" after a comparative compares ("than expected"): no state, no "due".
    (ERWARTEN, "Mehr Besucher als erwartet kamen zum Fest.", "erwartet", "to expect sth."),
    # After "gelten als" it is one.
    (STOEREN, "Die Nachbarn galten als gestört.", "gestört", "disturbed"),
])
def test_only_a_linking_verb_makes_a_participle_a_state(load_ding, lines, sentence, word, meaning):
    found = look(load_ding(lines), sentence, word)
    assert senses.best_gloss(found["entries"][0]) == meaning


GEHOEREN = """\
jdm. gehören {vi} | gehörend | gehört | es gehört | es gehörte :: to belong to sb. | belonging | belonged | it belongs | it belonged
etw. hören {vt} | hörend | gehört | hört | hörte :: to hear sth. | hearing | heard | hears | heard
"""


def test_the_past_of_a_verb_beginning_with_ge_is_no_participle(load_ding):
    # "gehörten" is "gehören"'s past ("belonged"), not "heard" read from a "ge-" it only seems to have.
    found = look(load_ding(GEHOEREN), "Die Felder gehörten Bauern aus dem Dorf.", "gehörten")
    assert senses.best_gloss(found["entries"][0]) == "to belong to sb."
