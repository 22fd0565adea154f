"""What a compound's front part means: its sense in the dictionary's own compounds that begin with it."""
import pytest
from words_lookup import look

from annotations.words import dictionary

DING = """\
Kreislauf {m} | Kreisläufe {pl} :: loop; cycle | loops; cycles
Kreislauf {m} [med.] :: circulation
Kreislaufstörung {f} :: circulatory disorder
Kreislaufversagen {n} :: circulatory failure
Kreislaufkollaps {m} :: circulatory collapse
Kreislaufmittel {n} :: circulatory stimulant
Störung {f} :: disorder
Versagen {n} :: failure
Kollaps {m} :: collapse
Mittel {n} :: means
Problem {n} | Probleme {pl} :: problem | problems
Mais {m} :: maize; corn
Maische {f} :: mash
Maischebottich {m} :: mash tun
Maischepumpe {f} :: mash pump
Maischefilter {m} :: mash filter
Maischekessel {m} :: mash copper
Bottich {m} :: tun
Pumpe {f} :: pump
Filter {m} :: filter
Kessel {m} :: copper
Feld {n} | Felder {pl} :: field | fields
Hupe {f} [auto] | Hupen {pl} | elektronische Hupe :: horn; hooter [Br.] | horns; hooters | electronic horn
die Hupe betätigen; hupen {vi} [auto] | die Hupe betätigend; hupend | die Hupe betätigt; gehupt | hupt | hupte :: to sound/honk/hoot [Br.] the horn; to honk; to hoot [Br.] | sounding the horn; honking; hooting | sounded the horn; honked; hooted | sounds the horn; honks; hoots | sounded the horn; honked; hooted
Hupen {n} :: honking; hooting; parp [coll.]
Hupen {n} :: toot
Signalhupe {f}; Signalhorn {n} [auto] <Hupe> | Signalhupen {pl}; Signalhörner {pl} :: signalling horn; signal horn; klaxon [tm] | signalling horns; signal horns; klaxons
Konzert {n} | Konzerte {pl} :: concert | concerts
lebend {adj} :: living; live
Lebendverbau {m}; Lebendbauweise {f}; Lebendverbauung {f}; Lebendbau {m} :: soil bioengineering technique
Lebendfutter {n} :: live food
Lebendgeburt {f} :: live birth
Bau {m}; Bauweise {f}; Verbau {m}; Verbauung {f} :: construction
Futter {n} :: feed
Geburt {f} :: birth
Falle {f} | Fallen {pl} :: trap | traps
"""


@pytest.fixture
def dictionary_db(load_ding):
    return load_ding(DING)


@pytest.mark.parametrize("sentence, word, parts", [
    # Ding's "Kreislauf…" nouns are all "circulatory …": not "loop problems".
    ("Bei der Hitze klagten viele Besucher über Kreislaufprobleme.", "Kreislaufprobleme", ["circulatory", "problem"]),
    # "Maische" (mash) begins with "Mais" but its rest is no word: it says nothing of "Mais…".
    ("Hinter dem Dorf liegt ein großes Maisfeld.", "Maisfeld", ["maize", "field"]),
    # "Hup|" is hupen's stem: not the plural of Hupe ("horns concert") but the honking.
    ("Nach dem Sieg gab es ein lautes Hupkonzert in der Innenstadt.", "Hupkonzert", ["honking", "concert"]),
    # Four spellings of one technique, all "soil bioengineering technique", are one name, not
    # four: they do not make "Lebend…" mean "soil". "live food", "live birth": a live trap.
    ("Der Jäger stellt Lebendfallen für Füchse auf.", "Lebendfallen", ["live", "trap"]),
])
def test_a_front_part_means_what_it_means_in_the_dictionary_s_compounds(dictionary_db, sentence, word, parts):
    assert [p["gloss"] for p in look(dictionary_db, sentence, word)["split"]] == parts


def test_the_nouns_ending_in_a_word_are_found_by_the_reversed_keys_index(dictionary_db):
    # "Versagen" ends "Kreislaufversagen"; the word itself and nouns merely containing it are not such nouns.
    assert [e for _, e in dictionary.suffixed(dictionary_db, "Versagen")] == ["circulatory failure"]
    assert [e for _, e in dictionary.suffixed(dictionary_db, "Kessel")] == ["mash copper"]
    plan = " ".join(row[3] for row in dictionary_db.execute(
        "EXPLAIN QUERY PLAN " + dictionary._SUFFIXED_SQL, ["negasrev", "negasrew", 9]))
    # A range of an index, not a scan of every row (LIKE '%versagen' read 600,000 rows: 0.1 s).
    assert "USING INDEX idx_dict_forms_rkey" in plan, plan


# Too few of Ding's "Box…" and "Pfand…" nouns for any word to lead them all, but they open with
# one of the part's own senses ("boxing glove", "deposit bottle").
OWN_SENSES = """\
Box {f} (Pferdebox) | Boxen {pl} :: box | boxes
Box {f} [sport] :: pit
Boxhandschuh {m} | Boxhandschuhe {pl} :: boxing glove | boxing gloves; mittens
Boxkampf {m} [sport] | Boxkämpfe {pl} :: boxing fight; boxing match; boxing contest | boxing fights; boxing matches; boxing contests
Boxpalette {f} | Boxpaletten {pl} :: box pallet | box pallets
Handschuh {m} | Handschuhe {pl} :: glove | gloves
Kampf {m} :: fighting
Palette {f}; Absetzbrett {n} [transp.] | Paletten {pl}; Absetzbretter {pl} :: pallet; stillage | pallets; stillages
Klub {m}; Club {m} | Klubs {pl}; Clubs {pl} | Jazzclub {m} | Leseclub {m} :: club | clubs | jazz club | reading club
Flaschenpfand {n}; Pfand {n}; Einsatz {m} [Ös.]; Flaschendepot {m} [Schw.] | für etw. Pfand zahlen :: bottle deposit; deposit | to pay a deposit on sth.
Pfand {n}; Versatzstück {n} [Ös.] | gegen ein Pfand Geld leihen :: security; pawn | to lend on pawn
Pfand {n} (im Spiel) :: forfeit
Pfand {n}; Verpfändung {f} :: mortgage
Pfandflasche {f}; Mehrwegflasche {f} | Pfandflaschen {pl}; Mehrwegflaschen {pl} :: deposit bottle; returnable bottle | deposit bottles; returnable bottles
Pfandsystem {n} | Pfandsysteme {pl} :: deposit system | deposit systems
Flasche {f} | Flaschen {pl} :: bottle | bottles
System {n} | Systeme {pl} :: system | systems
Pflicht {f} | Pflichten {pl} :: duty; obligation | duties
"""


@pytest.mark.parametrize("sentence, word, parts", [
    # Two "boxing …" and a "box pallet": the part's sense "box", written as its compounds write it.
    ("Der Boxclub im Viertel sucht neue Trainer.", "Boxclub", ["boxing", "club"]),
    # "deposit bottle", "deposit system": of "Pfand"'s own senses, "deposit", not the first-ranked.
    ("Seit 2003 gilt für Einwegdosen eine Pfandpflicht.", "Pfandpflicht", ["deposit", "duty"]),
])
def test_where_few_compounds_open_with_a_front_parts_own_sense_it_is_that_sense(load_ding, sentence, word, parts):
    assert [p["gloss"] for p in look(load_ding(OWN_SENSES), sentence, word)["split"]] == parts
