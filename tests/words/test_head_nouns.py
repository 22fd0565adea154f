"""The translation's noun after a noun's one-word gloss: the gloss is its modifier there."""
import pytest
from words_lookup import meaning, write_wordnet

from annotations.words import synonyms

DING = """\
Messingtafel {f} | Messingtafeln {pl} :: brass | brasses
Gehweg {m} | Gehwege {pl} :: pavement [Br.]; sidewalk [Am.] | pavements; sidewalks
erinnern {vt} | erinnernd | erinnert :: to commemorate | commemorating | commemorated
klein {adj} :: small
alteingesessen {adj} :: old-established; long-established (family; business; institution)
Gedränge {n} :: crush
Haustür {f} | Haustüren {pl} :: front door | front doors
ärgern {vr} | ärgernd | geärgert :: to be annoyed | being annoyed | annoyed
groß {adj} :: large
Teil {m} | Teile {pl} :: part | parts
"""


@pytest.fixture
def ding_db(load_ding, tmp_path, monkeypatch):
    wordnet = write_wordnet(tmp_path, {"noun": [["plaque"], ["resident"], ["part"], ["pavement"]]})
    monkeypatch.setattr(synonyms, "system", lambda: wordnet)
    return load_ding(DING)


def test_the_noun_a_gloss_modifies_in_the_translation_is_part_of_the_rendering(ding_db):
    sentence = "Die kleinen Messingtafeln im Gehweg erinnern an jüdische Familien."
    english = "The small brass plaques in the pavement commemorate Jewish families."
    assert meaning(ding_db, sentence, "Messingtafeln", english) == "brass plaques"
    # A noun another word renders is that word's: "brass pavement" would not be the plaque's.
    assert meaning(ding_db, sentence, "Messingtafeln", "The small brass pavement commemorates Jewish families.") == "brass"


def test_an_adjective_standing_as_a_noun_takes_the_translations_noun(ding_db):
    sentence = "Alteingesessene ärgern sich über das Gedränge vor ihren Haustüren."
    english = "Long-established residents are annoyed by the crush in front of their front doors."
    # In the gloss's own case, not with the translation's capital at the sentence's start.
    assert meaning(ding_db, sentence, "Alteingesessene", english) == "long-established residents"
    # Before a noun of its own the capitalised adjective is that noun's: "large parts" is not "groß"'s.
    sentence = "Große Teile sind alt."
    assert meaning(ding_db, sentence, "Große", "Large parts are old.") == "large"


SUBJECTS = """\
Tourist {m} | Touristen {pl} :: tourist | tourists
strömen {vi} | strömend | geströmt :: to stream | streaming | streamed
Altstadt {f} :: old town
Uhr {f} | Uhren {pl} :: clock | clocks
Bahnhof {m} :: station
gehen {vi} | gehend | gegangen | geht :: to go; to walk | going; walking | gone; walked | goes; walks
Buch {n} | Bücher {pl} :: book | books
lesen {vt} | lesend | gelesen | liest :: to read | reading | read | reads
spannend {adj} :: exciting
Hund {m} | Hunde {pl} :: dog | dogs
Nachbar {m} | Nachbarn {pl} :: neighbour | neighbours
bellen {vi} | bellend | gebellt | bellt :: to bark | barking | barked | barks
nachts {adv} :: at night
Eltern {pl} :: parents
Haus {n} | Häuser {pl} :: house | houses
alt {adj} :: old
"""


@pytest.fixture
def subjects_db(load_ding, tmp_path, monkeypatch):
    # WordNet knows each of these words as a noun; "flock" and "run" are verbs too.
    wordnet = write_wordnet(tmp_path, {"noun": [["tourist"], ["flock"], ["clock"], ["run"], ["anna"], ["pooch"],
                                                ["neighbour"], ["book"], ["place"], ["nowadays"]],
                                       "verb": [["flock"], ["run"]]})
    monkeypatch.setattr(synonyms, "system", lambda: wordnet)
    return load_ding(SUBJECTS)


def test_the_verb_after_a_subject_is_no_head_noun(subjects_db):
    # A plural is the subject of the verb after it: English modifiers are singular ("tourist guide").
    assert meaning(subjects_db, "Die Touristen strömen in die Altstadt.", "Touristen",
                   "Tourists flock to the old town.") == "tourists"
    # "runs" is a noun too, but "geht" has no English in the translation: "runs" is its verb.
    assert meaning(subjects_db, "Die Uhr am Bahnhof geht vor.", "Uhr", "The station clock runs fast.") == "clock"
    # A capitalised word mid-sentence is a name, the subject of the relative clause.
    assert meaning(subjects_db, "Das Buch, das Anna liest, ist spannend.", "Buch",
                   "The book Anna is reading is exciting.") == "book"


def test_a_plural_gloss_takes_no_noun_after_it_though_every_verb_has_its_english(subjects_db):
    # "stream" renders "strömen", so no German verb lacks its English: only the plural keeps
    # "nowadays", a noun no word renders, from being the tourists' head.
    assert meaning(subjects_db, "Die Touristen strömen in die Altstadt.", "Touristen",
                   "Tourists nowadays stream into the old town.") == "tourists"


def test_a_possessor_does_not_take_the_thing_it_owns(subjects_db):
    assert meaning(subjects_db, "Der Hund meines Nachbarn bellt nachts.", "Nachbarn",
                   "My neighbour's pooch barks at night.") == "neighbour"
    # A plural's possessive apostrophe too: "place" is the house's English.
    assert meaning(subjects_db, "Das Haus meiner Eltern ist alt.", "Eltern", "My parents' place is old.") == "parents"
