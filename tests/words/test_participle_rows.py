"""What a participle beside "werden" is: a passive, a row of its verb's line, or an adjective linked by "werden".

Each case is a real sentence; the Ding lines are copied from the dictionary behind it.
"""
import pytest
from words_lookup import look

from annotations.words import participles, senses

DING = """\
bekannt {adj} | am bekanntesten | weit bekannt; weitbekannt | bekannt als | bekannt sein (als) | bekannt werden :: known | most known | widely known | known as | to be known (as) | to become known; to come to be known
etw. gestehen; eingestehen; bekennen; zugeben {vt} | gestehend; eingestehend; bekennend; zugebend | gestanden; eingestanden; bekannt; zugegeben | gesteht; gesteht ein; bekennt; gibt zu | gestand; gestand ein; bekannte; gab zu :: to confess to sth. | confessing | confessed | confesses | confessed
bekannt werden; verlauten {vi} | bekannt werdend; verlautend | bekannt geworden; verlautet :: to be reported | being reported | been reported
gefallen; Anklang finden (bei); zusagen {vi} | gefallend; Anklang findend; zusagend | gefällt; Anklang gefunden; zugesagt :: to appeal (to) | appealing | appealed
etw. schlagen; fällen {vt} [agr.] | schlagend; fällend | geschlagen; gefällt :: to hew sth. {hewed; hewed, hewn} | hewing | hewed
"""


@pytest.fixture
def ding_db(load_ding):
    return load_ding(DING)


@pytest.mark.parametrize("sentence", [
    "Wie am Montag bekannt wurde, schließt die Bäckerei am Marktplatz zum Jahresende.",
    "Es wurde bekannt, dass der Bürgermeister bei der nächsten Wahl nicht mehr antritt.",
])
def test_werden_linking_an_adjective_is_no_passive(ding_db, sentence):
    # "bekannt" is Ding's adjective: "bekannt werden" is to become known, not "bekennen" (confessed).
    assert senses.best_gloss(look(ding_db, sentence, "bekannt")["entries"][0]) == "known"


@pytest.mark.parametrize("sentence", [
    "Der alte Baum vor dem Rathaus ist am Morgen gefällt worden.",
    "Das Urteil wird nach Angaben des Gerichts am Freitag gefällt.",
])
def test_the_participle_row_of_an_intransitive_line_is_no_passive(ding_db, sentence):
    # "gefällt; Anklang gefunden" is a row of "gefallen {vi}" (appealed): a {vi} verb has no passive.
    assert senses.best_gloss(look(ding_db, sentence, "gefällt")["entries"][0]) == "hewed"


ER_EL = """\
etw. fördern {vt} | fördernd | gefördert :: to support sth. | supporting | supported
etw. sammeln {vt} | sammelnd | gesammelt :: to gather sth.; to collect sth. | gathering | gathered
etw. spielen {vt} | spielend | gespielt :: to play sth. | playing | played
leeren; ausleeren; entleeren {vt} | leerend | geleert :: to deplete | depleting | depleted
"""


@pytest.mark.parametrize("sentence, word, infinitive, meaning", [
    # -er, -el of a suffix: "-n" alone
    ("Das Projekt wird vom Land mit zwei Millionen Euro gefördert.", "gefördert", "fördern", "to support sth."),
    ("Die Spenden werden bis Ende Mai im Rathaus gesammelt.", "gesammelt", "sammeln", "to gather sth."),
    # -el, -er of the root: "-en" ("spieln", "leern" are no words)
    ("Das Stück wurde vor ausverkauftem Haus gespielt.", "gespielt", "spielen", "to play sth."),
    ("Die Mülleimer im Park werden zweimal pro Woche geleert.", "geleert", "leeren", "to deplete"),
])
def test_a_stem_in_er_or_el_takes_the_ending_the_dictionary_knows(load_ding, sentence, word, infinitive, meaning):
    assert infinitive in participles.participle_infinitives(word)
    assert senses.best_gloss(look(load_ding(ER_EL), sentence, word)["entries"][0]) == meaning


def test_an_inseparable_prefix_covers_only_the_prefixes_never_separable():
    # "empört": "emp-" is not among them; "übersetzt" may be "über|setzen" (separable).
    assert participles.participle_infinitives("zerstört", inseparable=True) == ("zerstören",)
    assert participles.participle_infinitives("empört", inseparable=True) is None
    assert participles.participle_infinitives("übersetzt", inseparable=True) is None
