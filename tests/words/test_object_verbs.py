"""A verb Ding heads with a concrete object ("ein Gebäude abreißen") is found under the bare verb."""
import pytest

from annotations.words import dictionary, formats, importer
from words_lookup import look


def keys_of(line):
    return {f[0] for _, _, _, forms in formats.parse_ding([line]) for f in forms}


@pytest.mark.parametrize("line, verb", [
    ("ein Tier entwurmen {vt} [med.] :: to worm; to deworm [formal] an animal", "entwurmen"),
    # A comment between the object and the verb; objects joined by a slash; a possessive.
    ("eine Fläche (mit etw.) bepflanzen; begrünen {vt} [envir.] :: to plant; to vegetate an area (with sth.)",
     "bepflanzen"),
    ("ein Gebäude/Fahrzeug klimatisieren {vt} [techn.] :: to air-condition a building/vehicle", "klimatisieren"),
    ("seine Fäuste heben; seine Fäuste hochnehmen {v} (um sich auf einen Faustkampf vorzubereiten) :: "
     "to put up one’s dukes [slang] [Br.] (to prepare for a fist fight)", "heben"),
])
def test_an_object_phrase_is_filed_under_its_verb_and_as_itself(line, verb):
    phrase = dictionary.normalize(line.split(";")[0].split(" :: ")[0])
    assert {phrase, verb} <= keys_of(line)


@pytest.mark.parametrize("line, word", [
    # A copula's noun is no object; a line that is no verb's keeps its phrase alone.
    ("ein Opfer werden {vi} :: to fall victim", "werden"),
    ("eine Zeit lang {adv} :: for a while", "lang"),
    # A verb's forms in the rows after its infinitive stay phrases.
    ("ein Tier entwurmen {vt} | ein Tier entwurmt :: to worm an animal | wormed an animal", "entwurmt"),
    # Idioms: with a definite article, reflexive, or labelled figurative or colloquial.
    ("den Bach runtergehen {vi} [ugs.] :: to go down the tubes; to go down the pan [Br.] [coll.]", "runtergehen"),
    ("grübeln; sich einen Kopf machen [Dt.] {vr} (wegen jdm./einer Sache) :: to fret about/over sb./sth.", "machen"),
    ("jdm. einen Bären aufbinden {v} [übtr.] :: to pull sb.’s leg", "aufbinden"),
])
def test_only_a_verb_s_object_phrase_is_filed_under_its_last_word(line, word):
    assert word not in keys_of(line)


def test_a_verb_ding_has_only_with_an_object_is_found_in_a_sentence(load_ding):
    db = load_ding("ein Tier entwurmen {vt} [med.] | ein Tier entwurmend | ein Tier entwurmt :: "
                   "to worm; to deworm [formal] an animal | worming; deworming an animal | wormed; dewormed an animal\n")
    found = look(db, "Die Tiere werden oft zu früh von der Hündin getrennt und sind weder entwurmt noch geimpft.",
                 "entwurmt")
    assert found["entries"][0]["english"].startswith("to worm")


# Real Ding lines of "abreißen".
ABREISSEN = """\
abreißen {vi} (aufhören) [übtr.] | abreißend | abgerissen | Die Arbeit reißt nicht ab. :: to break off; to snap; to come off | breaking off; snapping; coming off | broken off; snapped; come off | There is no end of work.
abreißen; wegreißen; fortreißen {vt} | abreißend; wegreißend; fortreißend | abgerissen; weggerissen; fortgerissen :: to tear off; to tear away | tearing off; tearing away | torn off; torn away
abreißen; herunterreißen {vt} | abreißend; herunterreißend | abgerissen; heruntergerissen :: to rip down | ripping down | ripped down
ein Gebäude abreißen; abtragen; abbrechen; niederreißen; schleifen {vt} [constr.] | abreißend; abtragend; abbrechend; niederreißend; schleifend | abgerissen; abgetragen; abgebrochen; niedergerissen; geschleift :: to tear down; to pull down; to demolish a building | tearing down; pulling down; demolishing | torn down; pulled down; demolished
etw. abreißen {vt} :: to rip off <> sth.
"""


def test_an_object_phrase_comes_after_the_verb_s_own_lines(load_ding):
    db = load_ding(ABREISSEN)
    found = look(db, "Die Gemeinde will das alte Schwimmbad sanieren, statt es abzureißen.", "abzureißen")
    headwords = [e["headword"] for e in found["entries"]]
    assert headwords[-1] == "ein Gebäude abreißen"  # offered, as the phrase it is


# Real Ding lines of "ausrücken": one about the clutch, whose English "disengage" is another's;
# and of "pendeln", whose label [electr.] makes the electrical sense of "ausrücken" a near thing.
AUSRUECKEN = """\
Pendeln {n}; periodische Instabilität {f} [electr.] :: squegging; squagging
auskuppeln; entkuppeln {vi}; die Kupplung ausrücken {vt} [auto] | auskuppelnd; entkuppelnd; die Kupplung ausrückend | ausgekuppelt; entkuppelt; die Kupplung ausgerückt :: to release/disengage/let out the clutch; to declutch | releasing/disengaging/letting out the clutch; declutching | released/disengaged/let out the clutch; declutched
ausrücken {vi} (Feuerwehr) | ausrückend | ausgerückt :: to be called out | being called out | been called out
ausrücken {vi} [mil.] | ausrückend | ausgerückt :: to move off | moving off | moved off
ausrücken; abmarschieren {vi} | ausrückend; abmarschierend | ausgerückt; abmarschiert | rückt aus; marschiert ab | rückte aus; marschierte ab :: to march out | marching out | marched out | marches out | marched out
ausrücken {vt} (Typogafie) | ausrückend | ausgerückt :: to move out | moving out | moved out
ausrücken {vt} (Textverarbeitung) [comp.] | ausrückend | ausgerückt :: to outdent (word processing) | outdenting | outdented
Abkoppeln {n}; Ausklinken {n}; Ausrücken {n}; Auslösen {n}; Trennen {n} (einer mechanischen Verbindung) [techn.] :: disconnection; disengagement (of a mechanical linkage)
etw. trennen; etw. auslösen; etw. ausrücken {vt} [electr.] | trennend; auslösend; ausrückend | getrennt; ausgelöst; ausgerückt | Ziehe den Stecker heraus! :: to disengage sth.; to disconnect sth. | disengaging; disconnecting | disengaged; disconnected | Disconnect the plug!
"""


def test_a_line_about_one_object_does_not_vote_for_the_verb_s_core_sense(load_ding):
    db = load_ding(AUSRUECKEN)
    found = look(db, "Unter der Woche pendeln viele Kameraden in die Stadt und können dann nicht ausrücken.",
                 "ausrücken")
    assert "disengage" not in found["entries"][0]["english"]


def test_a_line_about_one_object_leaves_a_word_ding_has_only_in_qualified_phrases_so(db, write_ding):
    importer.import_dictionary(db, "ding", write_ding(
        "ein Medium absuchen; abgrasen; durchkämmen {vi} (nach etw.) :: to troll a medium (for sth.)\n"
        "etw. durchkämmen; etw. genau absuchen {vt} (nach jdm./etw.) :: to comb sth. (for sb./sth.)\n"))
    assert {e["headword"] for e in dictionary.lookup(db, ["absuchen"])} == {"ein Medium absuchen", "etw. genau absuchen"}


def test_a_line_about_one_object_claims_no_words_of_a_translation_for_the_verb(db, write_ding):
    # Elimination gives a translation's words to the sentence's other words: "findet" is not
    # rendered by "death" or "life" ("den Tod finden": to meet your death, in a line of "umkommen").
    importer.import_dictionary(db, "ding", write_ding(
        "finden; vorfinden; auffinden {vt} :: to find {found; found}\n"
        "ums Leben kommen; umkommen; zu Tode kommen [geh.]; den Tod finden; sein Leben lassen {vi} :: "
        "to meet your death; to lay down your life; to perish [poet.]\n"))
    assert "den Tod finden" not in [e["headword"] for e in dictionary.lookup(db, ["finden"])]
    assert dictionary.english_of(db, ["finden"]) == ["to find {found; found}"]


# Real Ding lines of "vorbeugen": the reflexive's, and the one with its typical dative object.
VORBEUGEN = """\
sich bücken; sich vorbeugen {vr} | sich bückend; sich vorbeugend | sich gebückt; sich vorgebeugt :: to stoop; to stoop down | stooping; stooping down | stooped; stooped down
ein Ereignis verhindern; verhüten; vermeiden {vt}; einem Ereignis vorbeugen {vi} | verhindernd; verhütend; vermeidend; vorbeugend | verhindert; verhütet; vermeidet; vorgebeugt | um zu verhindern | einer Krankheit/Gefahr vorbeugen | Der Unfall hätte verhindert/vermieden werden können. :: to prevent an event (from happening) | preventing | prevented | in order to prevent | to prevent an illness/danger | The accident could have been prevented.
sich vorbeugen {vr} | sich vorbeugend | sich vorgebeugt :: to bend forward; to lean forward | bending forward; leaning forward | bent forward; leaned forward; lent forward
sich vorbeugen {vr} | sich vorbeugend | sich vorgebeugt :: to crane forward | craning forward | craned forward
"""


def test_a_verb_with_its_typical_object_beats_a_reflexive_the_clause_lacks(load_ding):
    # No "sich" here: not "to bend forward", but "einem Ereignis vorbeugen" (to prevent).
    found = look(load_ding(VORBEUGEN), "Die Stadt fördert das Projekt, weil es Schlägereien auf der Straße "
                 "vorbeugen soll.", "vorbeugen")
    assert found["entries"][0]["headword"] == "einem Ereignis vorbeugen"


def test_ding_s_placeholder_for_a_thing_is_no_object(db, write_ding):
    # "einer Sache" is Ding's "sth.": the line is the verb's own, with its vote and its English.
    importer.import_dictionary(db, "ding", write_ding(
        "einer Sache {Dat.} entsprechen {v} :: to correspond to sth.\n"
        "einer Sache entsprechen {vt} :: to be in accordance with sth.\n"))
    assert "to correspond to sth." in dictionary.english_of(db, ["entsprechen"])
    assert not any(e["object_phrase"] for e in dictionary.lookup(db, ["entsprechen"]))
