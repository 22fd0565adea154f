"""Which of a verb's Ding lines leads, from how the line names the verb's object.

Each case is a real sentence; the Ding lines are copied from the dictionary behind it.
"""
import pytest
from words_lookup import look

from annotations.words import senses

DING = """\
Einsammeln {n}; Einsammlung {f} :: collecting; collection
einsammeln; aufnehmen {vt} | einsammelnd; aufnehmend | eingesammelt; aufgenommen | die Abfalleimer plündern :: to scavenge | scavenging | scavenged | to scavenge in the bins
etw. zusammensammeln; etw. einsammeln {vt} :: to collect sth.; to gather sth.
Abtragen {n} von Material :: material removal
Abtragen {n} mit Laserstrahlen; Laserbearbeitung {f} [techn.] :: laser-beam machining /LBM/
Abtragen {n} mit Elektronenstrahlen [techn.] :: electron-beam machining /EBM/
etw. abnutzen; abnützen; verschleißen; abtragen (Kleidung) {vt} | abnutzend; abnützend; verschleißend; abtragend | abgenutzt; abgenützt; verschlissen; abgetragen | nutzt ab; verschleißt | nutzte ab; verschliss :: to wear {wore; worn}; to wear away; to wear down; to wear out <> sth. | wearing; wearing away; wearing down; wearing out | worn; worn away; worn down; worn out | wears | wore
ein Gebäude abreißen; abtragen; abbrechen; niederreißen; schleifen {vt} [constr.] | abreißend; abtragend; abbrechend; niederreißend; schleifend | abgerissen; abgetragen; abgebrochen; niedergerissen; geschleift | Es ist geplant, diese Gebäude abzureißen. :: to tear down; to pull down; to demolish a building | tearing down; pulling down; demolishing | torn down; pulled down; demolished | These buildings are scheduled for demolition.
etw. abtragen; abbrechen; abbauen; demontieren {vt} (Gerüst, Zelt usw.) | abtragend; abbrechend; abbauend; demontierend | abgetragen; abgebrochen; abgebaut; demontiert :: to take down <> sth. | taking down | taken down
etw. abtragen; beseitigen {vt} | abtragend; beseitigend | abgetragen; beseitigt :: to remove sth. | removing | removed
etw. abtragen {vt} [geol.] | abtragend | abgetragen :: to scour off <> sth. | scouring off | scoured off
den Boden/Gestein erodieren; abtragen; auswaschen {vi} (Wind, Wasser usw.) [geol.] | erodierend; abtragend; auswaschend | erodiert; abgetragen; ausgewaschen | erodiert | erodierte :: to erode the ground/rock (of wind, water etc.) | eroding | eroded | erodes | eroded
(Schuld) tilgen; abtragen {vt} | tilgend; abtragend | getilgt; abgetragen :: to pay off | paying off | paid off
"""


@pytest.fixture
def ding_db(load_ding):
    return load_ding(DING)


@pytest.mark.parametrize("sentence, word, meaning", [
    # "einsammeln: to scavenge" has all its forms, "etw. einsammeln: to collect sth." one row.
    ("Die Raumsonde ist nach einer siebenjährigen Reise erfolgreich auf dem Asteroiden gelandet und hat erste "
     "Bodenproben eingesammelt.", "eingesammelt", "to collect sth."),
    # "abtragen (Kleidung)", a bare alternative, is "to wear", a far commoner English word.
    ("Zimmerleute hatten jeden Balken nummeriert, bevor sie das Gebäude abtrugen.", "abtrugen",
     "to take down <> sth."),
])
def test_a_line_naming_the_verbs_object_leads_a_bare_line(ding_db, sentence, word, meaning):
    assert senses.best_gloss(look(ding_db, sentence, word)["entries"][0]) == meaning
