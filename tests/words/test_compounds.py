"""Where a compound is cut when the dictionary knows more than one reading of it."""
import pytest

from annotations.words import compounds, lemmas

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
