"""A compound Ding has, whose first gloss names it from another angle than its parts."""
import pytest

from annotations.words import lemmas, literal, senses, unlisted
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
    assert literal.literal_gloss(["glove", "hand shoe"], lambda: ["shoe"], lambda: ["hand"]) == ""


def test_the_front_s_senses_are_asked_only_where_a_later_gloss_ends_in_the_last_part_s():
    # "Rathaus": town hall; townhall; city hall. "hall" is no sense of "Haus" (house): no gloss
    # can name the parts, so the front's senses (a scan of Ding's "Rat…" nouns) are not needed.
    def fronts():
        raise AssertionError("the front's senses were asked")

    assert literal.literal_gloss(["town hall", "townhall", "city hall [Am.]"], lambda: ["house", "home"], fronts) == ""


def test_a_later_gloss_spelt_as_the_first_is_no_other_name():
    # "Rathaus": "town hall" twice (as merged lines may give it), two equal strings, not one object.
    def fronts():
        raise AssertionError("the front's senses were asked")

    first = "town hall"
    again = " ".join(["town", "hall"])
    assert again is not first
    assert literal.literal_gloss([first, again], lambda: ["hall", "house"], fronts) == ""


MAIN_STATION = """\
Hauptbahnhof {m} /Hbf./ :: main station; main-station; central station
Haupt {n} :: head
Bahnhof {m} /Bf./ :: station; railway station
Hauptstadt {f} :: capital; main city
Hauptstraße {f} :: main street; main road
Straße {f} :: street; road
"""


@pytest.fixture
def front_calls(monkeypatch):
    """Return the fronts whose compounds' senses (a scan of Ding's nouns opening with them) were asked."""
    calls = []
    prefixed = unlisted.english_of_prefixed
    monkeypatch.setattr(unlisted, "english_of_prefixed", lambda db, front: calls.append(front) or prefixed(db, front))
    return calls


def test_a_front_s_senses_are_found_once_for_the_compounds_sharing_it(load_ding, front_calls):
    db = load_ding(MAIN_STATION)
    assert senses.best_gloss(look(db, "Der Zug aus München kommt um acht Uhr am Hauptbahnhof an.",
                                  "Hauptbahnhof")["entries"][0]) == "main station"
    assert senses.best_gloss(look(db, "Die Bäckerei an der Hauptstraße hat ab Montag wieder geöffnet.",
                                  "Hauptstraße")["entries"][0]) == "main street"
    assert front_calls == ["Haupt"]


def test_a_front_s_senses_found_before_the_lemmas_loaded_are_found_again_after(load_ding, front_calls, monkeypatch):
    # Ranking without lemmas and word frequencies is rougher: it must not stay for the process's life.
    db = load_ding(MAIN_STATION)
    sentence = "Der Zug aus München kommt um acht Uhr am Hauptbahnhof an."
    monkeypatch.setattr(lemmas, "ready", lambda: False)
    look(db, sentence, "Hauptbahnhof")
    monkeypatch.setattr(lemmas, "ready", lambda: True)
    assert senses.best_gloss(look(db, sentence, "Hauptbahnhof")["entries"][0]) == "main station"
    assert front_calls == ["Haupt", "Haupt"]
