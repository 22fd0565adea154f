"""A participle beside "werden" is a passive: the verb's transitive sense, not one Ding tags {vi}.

Each case is a real sentence; the Ding lines are copied from the dictionary behind it.
"""
import pytest
from words_lookup import look

from annotations.words import senses

DING = """\
stutzen {vi} | stutzend | gestutzt | Sie stutzte beim Anblick des zerwühlten Bettes. :: to stop short (in surprise); to suddenly stop short | stoping short; suddenly stopping short | stopped short; suddenly stopped short | She stopped short at the sight of the rumpled bed.
beschneiden; schneiden; stutzen; kürzen; kappen {vt} | beschneidend; schneidend; stutzend; kürzend; kappend | beschnitten; geschnitten; gestutzt; gekürzt; gekappt | beschneidet; schneidet; stutzt; kürzt; kappt | beschnitt; schnitt; stutzte; kürzte; kappte :: to clip | cliping | clipped | clips | clipped
brennen {vi} | brennend | gebrannt | er/sie/es brennt | ich/er/sie/es brannte | er/sie hat/hatte gebrannt | ein brennendes Haus | Das Lagerfeuer brennt immer noch. :: to burn {burnt, burned; burnt, burned} | burning | burnt; burned | he/she/it burns | I/he/she/it burnt; I/he/she/it burned | he/she/it has/had burnt; he/she/it has/had burned | a burning house | The campfire is still burning.
etw. brennen {vt} (Ziegel; Keramik) | brennend | gebrannt | brennt | brannte | nochmal brennen :: to bake sth.; to fire sth. (bricks, pottery) | baking; firing | baked; fired | bakes; fires | baked; fired | to refire
"""


@pytest.fixture
def ding_db(load_ding):
    return load_ding(DING)


@pytest.mark.parametrize("sentence, word, meaning", [
    ("Die Hecke darf höchstens zwei Meter hoch sein und muss bis Ende März gestutzt werden.", "gestutzt", "to clip"),
    ("Die Teilnehmer formen an der Drehscheibe Schalen und Becher, die anschließend im Brennofen gebrannt werden.",
     "gebrannt", "to bake sth."),
])
def test_a_passive_participle_takes_the_transitive_verb(ding_db, sentence, word, meaning):
    assert senses.best_gloss(look(ding_db, sentence, word)["entries"][0]) == meaning


@pytest.mark.parametrize("sentence, word, meaning", [
    # No "werden": the intransitive verb is a sense like any other.
    ("Die Kerze hat die ganze Nacht gebrannt.", "gebrannt", "to burn"),
    # "werden" with an infinitive is a future, not a passive.
    ("Die Kerzen werden die ganze Nacht brennen.", "brennen", "to burn"),
])
def test_without_a_passive_the_intransitive_verb_may_lead(ding_db, sentence, word, meaning):
    assert senses.best_gloss(look(ding_db, sentence, word)["entries"][0]) == meaning
