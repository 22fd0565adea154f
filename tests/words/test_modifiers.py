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
    # four: they do not make "Lebend…" mean "soil".
    ("Der Jäger stellt Lebendfallen für Füchse auf.", "Lebendfallen", ["living", "trap"]),
])
def test_a_front_part_means_what_it_means_in_the_dictionary_s_compounds(dictionary_db, sentence, word, parts):
    assert [p["gloss"] for p in look(dictionary_db, sentence, word)["split"]] == parts


def test_the_nouns_ending_in_a_word_are_found_by_the_reversed_keys_index(dictionary_db):
    # "Versagen" ends "Kreislaufversagen"; the word itself and nouns merely containing it are not such nouns.
    assert dictionary.english_of_suffixed(dictionary_db, "Versagen") == ["circulatory failure"]
    assert dictionary.english_of_suffixed(dictionary_db, "Kessel") == ["mash copper"]
    plan = " ".join(row[3] for row in dictionary_db.execute(
        "EXPLAIN QUERY PLAN " + dictionary._SUFFIXED_SQL, ["negasrev", "negasrew", 9]))
    # A range of an index, not a scan of every row (LIKE '%versagen' read 600,000 rows: 0.1 s).
    assert "USING INDEX idx_dict_forms_rkey" in plan, plan
