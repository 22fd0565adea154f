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
