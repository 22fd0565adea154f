"""A split compound's whole English in a translation that writes its front part otherwise than Ding."""
import pytest

from words_lookup import meaning

PARTS = """\
Kinderbuch {n} | Kinderbücher {pl} :: children’s book | children’s books
Verlag {m} | Verlage {pl} :: publisher | publishers
Minigolf {n} :: miniature golf; minigolf; crazy golf
Anlage {f} | Anlagen {pl} :: facility; installation | facilities; installations
"""


@pytest.mark.parametrize("sentence, word, english, found", [
    # Ding's typographic apostrophe, the translation's plain one.
    ("Für Hörspiele bucht ein Kinderbuchverlag den Regieraum tageweise.", "Kinderbuchverlag",
     "For radio plays, a children's book publisher books the control room by the day.",
     "children's book publisher"),
    # Ding writes "minigolf" as one word, the translation as two.
    ("Die Minigolfanlage im Kurpark hat nach der Winterpause wieder geöffnet.", "Minigolfanlage",
     "The mini golf course in the spa gardens has reopened after the winter break.", "mini golf course"),
])
def test_the_front_parts_english_is_found_whole_however_written(load_ding, sentence, word, english, found):
    assert meaning(load_ding(PARTS), sentence, word, english) == found


OWN_PARTS = """\
Drachenflieger {m} | Drachenflieger {pl} :: hang-glider | hang-gliders
Drachen {m} | Drachen {pl} :: kite; dragon | kites; dragons
Lenkdrachen {m} | Lenkdrachen {pl} :: stunt kite | stunt kites
Flieger {m} | Flieger {pl} :: pilot; aviator | pilots; aviators
Dänemark {n} :: Denmark
Vorführung {f} | Vorführungen {pl} :: demonstration | demonstrations
Sonnenlicht {n} :: sunlight
empfehlen {vt} | empfehlend | empfohlen | empfiehlt :: to recommend | recommending | recommended | recommends
Glas {n} | Gläser {pl} :: glass | glasses
"""


@pytest.mark.parametrize("sentence, word, english, found", [
    # "kite" renders "Lenkdrachen" (stunt kites) too, but stands with "flyer", which no other word renders.
    ("Ein Drachenflieger aus Dänemark zeigt eine Vorführung mit zwölf gekoppelten Lenkdrachen.", "Drachenflieger",
     "A kite flyer from Denmark gives a demonstration with twelve stacked stunt kites.", "kite flyer"),
    # "UV" is written in the German word itself.
    ("Gegen Sonnenlicht empfiehlt sie entspiegeltes Glas mit UV-Schutz.", "UV-Schutz",
     "Against sunlight she recommends anti-reflective glass with UV protection.", "UV protection"),
])
def test_the_words_rendering_takes_in_the_words_next_to_it_that_render_its_own_parts(
        load_ding, sentence, word, english, found):
    assert meaning(load_ding(OWN_PARTS), sentence, word, english) == found


HYPHENATED = """\
gegen {prp; +Akk.} :: against
Zoll {m} | Zölle {pl} :: customs duty; tariff | customs duties; tariffs
"""


def test_a_hyphenated_english_compound_on_the_heads_word_renders_the_compound(load_ding):
    # "Gegen|zölle": Ding's "against" is nowhere, but "counter-" is English's own front for it.
    db = load_ding(HYPHENATED)
    assert meaning(db, "Im Handelsstreit mit Washington hat die EU Gegenzölle auf amerikanische Waren angekündigt.",
                   "Gegenzölle", "In the trade dispute with Washington, the EU has announced counter-tariffs on "
                   "American goods.") == "counter-tariffs"
