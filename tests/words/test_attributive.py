"""An adjective before its noun takes the sense Ding's phrase of the two uses."""
import pytest
from words_lookup import look

UNBESTIMMT = """\
unbestimmt {adv} :: indecisively
unbestimmt {adj} :: indefinite
unbestimmt {adj} | unbestimmter | am unbestimmtesten :: indeterminate | more indeterminate | most indeterminate
unbestimmt; nicht erklärt {adj} :: undefined
undeutlich; unklar; vage; unkonkret; unbestimmt; entfernt {adj} | undeutlicher | am undeutlichsten :: vague | vaguer | vaguest
unsicher; ungewiss; unbestimmt {adj}; ohne Gewissheit | sich über jdn./etw. im Unklaren sein | Ich bin etwas unsicher. :: uncertain | to be uncertain about sb./sth. | I’m a bit uncertain.
auf unbestimmte Zeit {adv} | auf unbestimmte/unbegrenzte Zeit in Kraft bleiben [jur.] :: indefinitely | to remain/continue in force/effect indefinitely
"""


@pytest.mark.parametrize("sentence, meaning", [
    # Ding's "auf unbestimmte Zeit" is "indefinitely": "unbestimmt" is indefinite there, not vague.
    ("Der Gemeinderat von Lüneburg hat den Umbau der Stadthalle auf unbestimmte Zeit vertagt.", "indefinite"),
    # Before a noun Ding has no phrase with, the commonest English leads, as before.
    ("Er gab eine unbestimmte Antwort.", "uncertain"),
])
def test_an_adjective_takes_the_sense_of_dings_phrase_with_its_noun(load_ding, sentence, meaning):
    db = load_ding(UNBESTIMMT)
    assert look(db, sentence, "unbestimmte")["entries"][0]["glosses"][0] == meaning


def test_the_phrase_itself_is_not_shown_for_the_adjective(load_ding):
    # "auf unbestimmte Zeit" would read "indefinitely", an adverb, for one word of the phrase.
    db = load_ding(UNBESTIMMT)
    found = look(db, "Das Museum bleibt auf unbestimmte Zeit geschlossen.", "unbestimmte")
    assert found["entries"][0]["headword"] == "unbestimmt"
