"""Where a compound is cut when the dictionary knows more than one reading of it."""
import pytest

from annotations.words import compounds, lemmas
from words_lookup import look

# Headwords a dictionary might know: each compound below has two readings made of them.
KNOWN = {"straße", "straßen", "ecken", "necken", "grund", "grunds", "steuer", "teuer",
         "gemüse", "gemüses", "sorten", "orten", "jahre", "jahres", "sende", "ende"}


@pytest.mark.parametrize("word, parts", [
    ("Straßenecken", ["Straßen", "ecken"]),  # street corners, not "Straße" + necken (to tease)
    ("Jahresende", ["Jahres", "ende"]),  # end of the year, not "Jahre" + sende (I send)
    ("Grundsteuer", ["Grund", "steuer"]),  # property tax, not "Grunds" + teuer (expensive)
    ("Gemüsesorten", ["Gemüse", "sorten"]),  # vegetable varieties, not "Gemüses" + orten (to locate)
])
def test_of_two_readings_the_one_whose_rarer_part_is_commoner_wins(lemmatiser, word, parts):
    found = compounds.split(word, KNOWN.__contains__, common=lemmas.german_zipf)
    assert [written for written, _ in found] == parts


def test_without_word_frequencies_the_longest_last_part_wins():
    assert [w for w, _ in compounds.split("Straßenecken", KNOWN.__contains__)] == ["Straße", "necken"]


@pytest.mark.parametrize("sentence, word", [
    ("Der Hund wird zweimal im Jahr entwurmt.", "entwurmt"),  # not "Enten" (ducks) + wurmen (to annoy)
    ("Der Staat hat die Bauern enteignet.", "enteignet"),  # not ducks + eignen
    ("Die neue Umgehungsstraße entlastet die Innenstadt.", "entlastet"),  # not ducks + lasten
])
def test_an_inseparable_prefix_is_no_front_part(sentence, word):
    known = {"enten", "ente", "wurmt", "eignet", "lastet"}.__contains__
    assert word in sentence
    assert compounds.split(word, known) is None


def test_a_word_that_only_looks_like_the_prefix_still_is_a_front_part():
    # "Enten|braten": roast duck, in "Zum Fest gab es Entenbraten."
    known = {"enten", "ente", "braten"}.__contains__
    assert [w for w, _ in compounds.split("Entenbraten", known)] == ["Enten", "braten"]


# Real Ding lines: "Nordsee", its parts, and "Seeküste", which the longest last part would take.
NORDSEE = """\
Norden {m}; Nord /N/ :: north /N/
See {f} :: sea; ocean
Nordsee {f} [geogr.] :: North Sea
Seeküste {f}; Küste {f} :: seacoast; sea coast; sea shore; seaboard
Küste {f} :: coast; shore
"""


def test_a_front_the_dictionary_has_as_one_word_with_the_next_part_is_the_front(load_ding):
    # "[Nord|see]|küste" is the North Sea's coast, not "north" + "seaboard".
    db = load_ding(NORDSEE)
    found = look(db, "Die Krabbenfischer an der Nordseeküste leiden unter niedrigen Preisen.", "Nordseeküste")
    assert [(p["written"], p["headword"]) for p in found["split"]] == [("Nordsee", "nordsee"), ("küste", "küste")]


def test_without_word_frequencies_the_compound_front_stays_the_front(load_ding, monkeypatch):
    # Before wordfreq's data loads, or for compounds it lacks, every word is equally (un)common:
    # no grouping is commoner, so the default, "[Nord|see]|küste", holds.
    monkeypatch.setattr(lemmas, "german_zipf", lambda text: 0.0)
    db = load_ding(NORDSEE)
    found = look(db, "Die Krabbenfischer an der Nordseeküste leiden unter niedrigen Preisen.", "Nordseeküste")
    assert [(p["written"], p["headword"]) for p in found["split"]] == [("Nordsee", "nordsee"), ("küste", "küste")]


# Real Ding lines: each compound below has a front that is a headword with the next part
# ("Kinderspiel", "Atomkraft") and a last part that is one with the part before it.
RIGHT_BRANCHING = """\
Kind {n} | Kinder {pl} :: child | children
Kinderspiel {n}; ein Leichtes {n} [übtr.] :: child’s play
Spiel {n} :: game
Spielplatz {m} :: playground; children’s playground; children’s play area
Platz {m} :: place; square
Atom {n} [phys.] :: atom
Atomenergie {f}; Atomkraft {f}; Kernenergie {f} [geh.]; Kernkraft {f} [geh.] :: nuclear energy; nuclear power; atomic energy; atomic power
Kraft {f} :: force; power
Kraftwerk {n} [electr.] :: power plant; power station [Br.]
Werk {n} :: works; plant
"""


@pytest.mark.parametrize("sentence, word, parts", [
    # "Kinder|[spielplatz]": a playground for children, not a place of child's play.
    ("Die Gemeinde baut neben der Grundschule einen neuen Kinderspielplatz.", "Kinderspielplatz",
     [("Kinder", "kinder"), ("spielplatz", "spielplatz")]),
    # "Atom|[kraftwerk]": a nuclear power station, not a works of nuclear power.
    ("Das letzte Atomkraftwerk des Landes ist im April vom Netz gegangen.", "Atomkraftwerk",
     [("Atom", "atom"), ("kraftwerk", "kraftwerk")]),
])
def test_a_last_part_that_is_the_commoner_compound_keeps_its_front_part(load_ding, sentence, word, parts):
    db = load_ding(RIGHT_BRANCHING)
    assert [(p["written"], p["headword"]) for p in look(db, sentence, word)["split"]] == parts


# A farm, a box, the "-bar" of adjectives: Ding has "Bar" (a bar) as a noun as well.
SHORT_HEADS = """\
Ziege {f} | Ziegen {pl} :: goat | goats
Hof {m}; Bauernhof {m} | Höfe {pl} :: farm | farms
Transport {m} | Transporte {pl} :: transport | transports
Box {f} | Boxen {pl} :: box | boxes
Bar {f} | Bars {pl} :: bar | bars
jdm. etw. zumuten {vt} :: to expect sth. of sb.
"""


@pytest.mark.parametrize("sentence, word, parts", [
    ("Auf einem Ziegenhof im Allgäu leben rund achtzig Milchziegen.", "Ziegenhof", [("Ziegen", "ziegen"), ("hof", "hof")]),
    ("Sie lockte den Vogel mit Walnüssen in eine Transportbox.", "Transportbox",
     [("Transport", "transport"), ("box", "box")]),
])
def test_a_noun_may_end_in_a_common_three_letter_noun(load_ding, lemmatiser, sentence, word, parts):
    found = look(load_ding(SHORT_HEADS), sentence, word)
    assert [(p["written"], p["headword"]) for p in found["split"]] == parts
    assert found["split"][-1]["gloss"] in {"farm", "box"}


def test_an_adjective_does_not_end_in_a_noun_it_only_spells(load_ding, lemmatiser):
    # "zumutbar" (reasonable) is "zumuten" + the suffix "-bar", not a bar where one expects sth.
    found = look(load_ding(SHORT_HEADS), "Die Wartezeit ist für die Kunden zumutbar.", "zumutbar")
    assert found["split"] is None


def test_a_noun_in_ung_takes_its_linking_s(lemmatiser):
    # "Verhandlung|s|tage" (days of hearings), not "Verhandlung" + "Stage" (a stay), though
    # "verhandlungs" is no word of its own and "Stage" is one.
    known = {"verhandlung", "stage", "tage", "tag"}.__contains__
    found = compounds.split("Verhandlungstage", known, common=lemmas.german_zipf)
    assert [(w, h) for w, h in found] == [("Verhandlungs", "verhandlung"), ("tage", "tage")]



def test_the_linking_s_gives_way_where_the_part_with_the_s_is_the_commoner_word(lemmatiser):
    # "Heizung|steuerung" (heating control), not "Heizungs|teuerung" (heating + inflation).
    known = {"heizung", "steuerung", "teuerung"}.__contains__
    found = compounds.split("Heizungsteuerung", known, common=lemmas.german_zipf)
    assert [(w, h) for w, h in found] == [("Heizung", "heizung"), ("steuerung", "steuerung")]


def test_a_names_genitive_is_the_name_not_a_compound(load_ding, lemmatiser):
    # "Russlands" is Russland's; Ding has "Russ" (soot) and "Land", and no genitive of a name.
    db = load_ding("Russland {n} [geogr.] :: Russia\nRuß {m}; Russ {m} :: soot\nLand {n} | Länder {pl} :: country | countries\n")
    found = look(db, "Zuletzt ging es um den Kampf Russlands gegen die Ukraine.", "Russlands")
    assert found["split"] is None and found["entries"][0]["glosses"] == ["Russia"]


def test_a_common_english_word_whole_is_not_split(load_ding, lemmatiser, tmp_path, monkeypatch):
    # "Telegram" (the messaging service, an English word) is no "Tele|gram" (tele-lens + grief).
    from annotations.words import synonyms
    from words_lookup import write_wordnet
    found_wordnet = write_wordnet(tmp_path, {"noun": [["telegram"]]})
    monkeypatch.setattr(synonyms, "system", lambda: found_wordnet)
    db = load_ding("Tele {n} :: tele-lens\nGram {m} :: grief\n")
    found = look(db, "Das teilte die Botschaft im Onlinedienst Telegram mit.", "Telegram")
    assert found["split"] is None


# Ding's two "Bank"s differ in their plural only: Banken are banks, Bänke benches.
BANKS = """\
Holz {n} :: wood
Bankinstitut {n}; Bank {f} [fin.] | Bankinstitute {pl}; Banken {pl} :: bank | banks
Sitzbank {f}; Bank {f} | Sitzbänke {pl}; Bänke {pl} :: bench | benches
Bank {f} [geol.] :: bank; massive bed
"""


@pytest.mark.parametrize("sentence, word", [
    ("Wir saßen auf den Holzbänken im Garten.", "Holzbänken"),
    ("Die Holzbänke im Park wurden gestrichen.", "Holzbänke"),
])
def test_a_plural_last_part_takes_the_sense_whose_plural_it_is(load_ding, lemmatiser, sentence, word):
    last = look(load_ding(BANKS), sentence, word)["split"][-1]
    assert last["gloss"] == "bench"
    assert "banks" not in last["glosses"] and "bank" not in last["entries"][0]["glosses"]


def test_a_singular_last_part_keeps_every_sense(load_ding, lemmatiser):
    # "Holz|bank" may be either: the singular says nothing of which.
    last = look(load_ding(BANKS), "Er setzte sich auf die Holzbank.", "Holzbank")["split"][-1]
    assert {"bank", "bench"} <= set(last["glosses"])


@pytest.mark.parametrize("word, known", [
    # A lake's name: "wann" (when) opens no compound, nor "wan" (WAN) + a linking n.
    ("Wannsee", {"wann", "wan", "see"}),
    ("Wieland", {"wie", "land"}),
])
def test_a_question_word_or_conjunction_is_no_front_part(word, known):
    # short_head: "see" may end a compound, as the real lookup lets a common three-letter noun.
    assert compounds.split(word, known.__contains__, short_head=lambda part: True) is None
