"""A German noun's gloss is not the translation's verb of that spelling, nor a verb's its noun.

The sentence is real; the Ding lines are copied from the dictionary.
"""
import pytest
from words_lookup import look, meaning, write_wordnet

from annotations.words import align, english_roles, translated

DING = """\
Wachdienst {m}; Wache {f}; Postenstehen {n} [mil.] :: guard duty; sentry duty
Wachdienst {m}; Wache {f} (Schiff) [naut.] :: watch; watch duty
beaufsichtigen {vt} (Prüfung) :: to invigilate
beaufsichtigend; überwachend; betreuend :: supervising; overseeing; superintending; overlooking
Bibliothekarin {f} | Bibliothekarinnen {pl} :: librarian | librarians
Regal {n} | Regale {pl} :: shelf | shelves
Arbeitsplatz {m} | Arbeitsplätze {pl} :: workstation | workstations
statt {prp; +Gen.} :: instead of
dann {adv} :: then
"""
SENTENCE = "Statt Bibliothekarinnen beaufsichtigt dann ein Wachdienst die Regale und Arbeitsplätze."
ENGLISH = "Instead of librarians, a security firm will then watch over the shelves and workstations."


@pytest.fixture
def ding_db(load_ding):
    return load_ding(DING)


def test_a_nouns_gloss_names_no_sense_where_the_translation_uses_it_as_a_verb(ding_db):
    # "will then watch over": a modal opens a verb, so the noun "watch" (a ship's watch) is not there.
    assert translated.mark_in_translation(look(ding_db, SENTENCE, "Wachdienst")["entries"], ENGLISH) != "watch"


def test_a_nouns_english_claims_no_verb_of_that_spelling(ding_db):
    # "watch" is no rendering of the noun "Wachdienst" here, so it is not claimed: the verb
    # "beaufsichtigt" is not left with the subject "security firm".
    at = SENTENCE.index("beaufsichtigt")
    span = align.rendering(ding_db, SENTENCE, at, at + len("beaufsichtigt"), ENGLISH, ["to invigilate"], "verb")
    assert (ENGLISH[slice(*span)] if span else "") != "security firm"


@pytest.mark.parametrize("pos, english, word, other", [
    ("noun", "a security firm will then watch over the shelves", "watch", True),
    ("noun", "a security firm keeps watch over the shelves", "watch", False),
    ("verb", "the rise in prices", "rise", True),
    # A participle after a determiner is still the verb's ("a registered letter").
    ("verb", "for a registered letter", "registered", False),
    # "to" is a preposition as often as the infinitive's: "more support to families".
    ("noun", "to give more support to families", "families", False),
])
def test_the_word_before_says_whether_an_english_word_stands_as_a_verb_or_a_noun(pos, english, word, other):
    words = english.split()
    assert english_roles.other_part(pos, words, words.index(word)) is other


ESCORT = """\
Enkel {m} | Enkel {pl} :: grandson | grandsons
Turnier {n} | Turniere {pl} :: tournament | tournaments
etw. notieren {vt} | notierend | notiert :: to note down sth. | noting down | noted down
Spielstand {m} | Spielstände {pl} :: score | scores
jeder; jede; jedes {pron} :: every
jdn. begleiten {vt} | begleitend | begleitet :: to accompany sb. | accompanying | accompanied
"""


def test_a_verbs_english_takes_the_preposition_it_makes_its_sense_with(load_ding, tmp_path):
    # "goes" alone is not "begleitet"; WordNet's "go with" (accompany) is.
    wordnet = write_wordnet(tmp_path, {"verb": [["go"], ["go with", "accompany"]]})
    db = load_ding(ESCORT)
    sentence = "Ihr Enkel begleitet sie zu jedem Turnier und notiert die Spielstände."
    english = "Her grandson goes with her to every tournament and notes down the scores."
    at = sentence.index("begleitet")
    span = align.rendering(db, sentence, at, at + len("begleitet"), english, [], "verb", wordnet)
    assert (english[slice(*span)] if span else "") == "goes with"


@pytest.mark.parametrize("english, word, after", [
    ("her grandson goes with her to every tournament", "goes", ("with", False)),
    # After the verb's object and before a gerund, the preposition is the verb's ("keep sb. from").
    ("the wet spring kept the bees from flying out", "kept", ("from", True)),
    ("they talked the woman into giving her pin", "talked", ("into", True)),
    # A place is no part of the verb's sense.
    ("she worked with friends in berlin", "worked", None),
    ("the wet spring kept the bees from the flowers", "kept", None),
    ("they kept them from leaving", "kept", ("from", True)),
    # An object that is nobody is the verb's own ("make a living"), not "make sb. from".
    ("she makes her living from cleaning", "makes", None),
])
def test_the_preposition_an_english_verb_takes_for_its_sense(tmp_path, english, word, after):
    wordnet = write_wordnet(tmp_path, {"verb": [["go"], ["go with", "accompany"], ["keep"], ["talk"], ["work"], ["make"]],
                                       "noun": [["bee"], ["woman"], ["living", "livelihood"]]},
                            files={"bee": 5, "woman": 18, "living": 21})
    words = english.split()
    assert english_roles.preposition_after(words, words.index(word), wordnet) == after


def test_a_verbs_english_with_the_preposition_after_its_object_is_given_in_dings_way(tmp_path):
    wordnet = write_wordnet(tmp_path, {"verb": [["keep"]], "noun": [["bee"]]}, files={"bee": 5})
    english = ("Beekeepers are expecting a meagre honey harvest this year because the wet spring kept the bees"
               " from flying out.")
    at = english.index("kept")
    assert align._around_object(english, (at, at + len("kept")), wordnet) == "kept sb. from"


VERBS_IN_LY = """\
Drache {m}; Drachen {m} | Drachen {pl} :: dragon | dragons
Drachen {m} | Drachen {pl} :: kite | kites
Herbst {m} | Herbste {pl} :: autumn | autumns
steigen {vi} | steigend | gestiegen :: to rise | rising | risen
Firma {f} | Firmen {pl} :: company | companies
liefern {vt} | liefernd | geliefert :: to deliver | delivering | delivered
Strom {m} (als Energiequelle) :: electricity
Strom {m} (Fließrichtung eines Wasserlaufs) :: stream
Mai {m} :: May
Preis {m} | Preise {pl} :: price | prices
Preis {m} (im Wettbewerb) | Preise {pl} :: prize | prizes
"""


@pytest.mark.parametrize("sentence, word, english, want", [
    # "fly" and "supply" end in "-ly" but are the verbs: the noun after them is the noun's.
    ("Im Herbst lassen sie Drachen steigen.", "Drachen", "In autumn they fly kites.", "kites"),
    ("Die Firma liefert Strom.", "Strom", "The company will supply electricity.", "electricity"),
    # After "In", "May" is the month, not the modal.
    ("Im Mai stiegen die Preise.", "Preise", "In May prices rose.", "prices"),
])
def test_a_noun_after_a_verb_in_ly_or_the_month_may_stays_a_noun(load_ding, sentence, word, english, want):
    db = load_ding(VERBS_IN_LY)
    assert meaning(db, sentence, word, english) == want


@pytest.mark.parametrize("english, word, other", [
    ("they fly kites", "kites", False),
    ("in may prices rose", "prices", False),
    ("prices may rise", "rise", True),
    ("they may watch", "watch", True),
])
def test_only_adverbs_and_the_modal_may_make_the_word_after_a_verb(english, word, other):
    words = english.split()
    assert english_roles.other_part("noun", words, words.index(word)) is other


def test_an_adverb_in_ly_stands_between_a_modal_and_its_verb(tmp_path, monkeypatch):
    wordnet = write_wordnet(tmp_path, {"adv": [["quickly"]], "verb": [["fly"], ["supply"]], "noun": [["fly"], ["supply"]]})
    monkeypatch.setattr(english_roles.synonyms, "system", lambda: wordnet)
    assert english_roles.other_part("noun", "they will quickly watch".split(), 3) is True
    assert english_roles.other_part("noun", "they will supply electricity".split(), 3) is False


LIVELIHOOD = """\
von etw. leben; mit etw. seinen Lebensunterhalt bestreiten {vi} :: to live on sth.; to subsist on sth.
Lebensunterhalt {m} :: living; livelihood
etw. bestreiten {vt} (leugnen) | bestreitend | bestritten :: to deny sth. | denying | denied
Putzen {n} :: cleaning
"""


def test_a_verbs_own_object_before_from_and_a_gerund_is_no_somebody(load_ding, tmp_path, monkeypatch):
    # "her living" renders "ihren Lebensunterhalt": "make" (the base form of "makes"), not "make sb. from".
    wordnet = write_wordnet(tmp_path, {"verb": [["make"], ["keep"]], "noun": [["living", "livelihood"], ["cleaning"]]},
                            files={"living": 21, "cleaning": 4})
    monkeypatch.setattr(english_roles.synonyms, "system", lambda: wordnet)
    db = load_ding(LIVELIHOOD)
    found = meaning(db, "Sie bestreitet ihren Lebensunterhalt mit Putzen.", "bestreitet",
                    "She makes her living from cleaning.")
    assert found == "make"


# Ding has the adjective, and no noun "Verdächtige".
SUSPECT = "verdächtig {adj} :: suspicious; suspect\nfestnehmen {vt} :: to arrest\n"


@pytest.mark.parametrize("sentence, meaning_first", [
    # An adjective standing as a noun (capitalised mid-sentence) names a person: English's noun.
    ("Die Polizei hat einen Verdächtigen festgenommen.", "suspect"),
    # As an adjective it keeps Ding's order.
    ("Die Polizei hat einen verdächtigen Mann festgenommen.", "suspicious"),
])
def test_an_adjective_used_as_a_noun_means_the_gloss_english_has_as_a_noun(load_ding, tmp_path, monkeypatch,
                                                                          sentence, meaning_first):
    from annotations.words import synonyms
    wordnet = write_wordnet(tmp_path, {"noun": [["suspect"]], "adj": [["suspicious"], ["suspect"]]})
    monkeypatch.setattr(synonyms, "system", lambda: wordnet)
    word = "Verdächtigen" if "Verdächtigen" in sentence else "verdächtigen"
    assert look(load_ding(SUSPECT), sentence, word)["entries"][0]["glosses"][0] == meaning_first
