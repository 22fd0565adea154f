"""Articles and possessives: a learner clicks them too, and "sein Amtskollege" is his, not "to be".

The Ding lines are copied from the dictionary.
"""
import pytest
from words_lookup import first_meaning, look


DING = """\
das Sein {n} [phil.] | das absolute Sein | das Sein als Jetztzeit (Heidegger) | Das Sein als Weltzeit (Heidegger) | das Sein als reines Denken | das Sein als Ich-sein (Jaspers) | das Sein an sich; das Sein als solches; das Sein überhaupt | Gott als Einheit von Denken und Sein :: being | the absolute being | being as nowness (Heidegger) | being as worldtime (Heidegger) | being as pure thought | being-as-self (Jaspers) | being as such; being-itself | God as identity of thought and being
der {art} (des; dem; den) :: the
der; die; das; welche/r/s [selten] {pron} (Relativpronomen) | die Frau, der das Lokal gehört | das Gedicht, das er zuletzt geschrieben hat | das Gedicht, das aus acht Paarreimen besteht, handelt von … | das Jahr, in dem Fabian geboren wurde | ein Kinofilm, der mehrfach ausgezeichnet wurde | jeden, den ich kenne | die Leute, von denen du es bekommen hast | Ist das der Mann, den Sie gestern Abend gesehen haben? | Es ist eine Gesundheitskrise, auf die das Land völlig unvorbereitet ist. :: that (person or thing); who (person); which (thing) (relative pronoun) | the woman that / who owns the place | the poem that / which he wrote most recently; the poem he wrote most recently | The poem, which consists of eight rhyming couplets, is about … | the year that / in which Fabian was born | a cinema film, which won several awards | everyone that I know | the people you got it from | Is he the man (that) you saw last night? | It is a public health emergency for which the country is totally unprepared.
sein {vi} | seiend | gewesen | ich bin | ich bin nicht | du bist | du bist nicht | er/sie/es ist | er/sie/es ist nicht | es is nich [Norddt.] [Mitteldt.] [ugs.]; es is net [Bayr.] [Ös.] [ugs.]; s’ isch net [BW] [Tirol] [Schw.] [ugs.] | wir sind | ihr seid | sie sind | wir sind nicht / ihr seid nicht / sie sind nicht | ich/er/sie/es war; ich/er/sie/es war nicht | du warst | wir waren; wir waren nicht | ihr wart | sie waren | ich bin gewesen | ich bin nicht gewesen | ich war gewesen | du bist gewesen | du bist nicht gewesen | du warst gewesen | er/sie/es ist gewesen | er/sie/es ist nicht gewesen | er/sie/es war gewesen | wir sind / ihr seid / sie sind gewesen | wir sind / ihr seid / sie sind nicht gewesen | wir waren gewesen / ihr wart gewesen / sie waren gewesen | ich/er/sie/es wäre | sei!; seid! | sei so nett und …; seid so nett und … | für etw./jdn. sein | … und dann ist die Sache gelaufen. | Jim war viele Male in Boston. | Das Problem sind die Nachbarn.; Die Nachbarn sind das Problem. | Waren Sie / Warst du schon mal in Dresden? | Sein oder nicht sein, das ist hier die Frage (Hamlet) [lit.] :: to be {was, were; been} | being | been | I am; I’m | I am not; I’m not; I ain’t | you are; you’re | you are not; you aren’t; you ain’t | he/she/it is; he’s | he/she/it is not; he/she/it isn’t; he/she/it ain’t | ’tain’t [coll.]; tain’t [coll.] | we are; we’re | you are; you’re | they are | we/you/they aren’t; we/you/they ain’t | I/he/she was; I/he/she/it wasn’t | you were | we were; we were not; we weren’t | you were | they were | I have been; I’ve been | I have not been; I haven’t been; I’ve not been | I had been | you have been; you’ve been | you have not been; you haven’t been; you’ve not been | you had been | he/she/it has been; he’s/she’s/it’s been | he/she/it has not been; he/she/it hasn’t been | he/she/it had been | we/you/they have been; we’ve / you’ve / they’ve been | we/you/they have not been; we/you/they haven’t been; we’ve / you’ve / they’ve not been | we/you/they had been; we’d / you’d / they’d been | I/he/she/it would be | be! | be so kind as to … | to be for sth./sb.; to be in favour of sth./sb. | … and that will be that. | Jim has been to Boston many times. | The problem is the neighbours.; The neighbours are the problem. | Have you ever been to Dresden? | To be or not to be, that is the question. (Hamlet)
sein; seine {pron} (einem Mann gehörend) | Mein Vater vergaß sein Geschenk. :: his | My father forgot his present.
ihr {ppron} {pl} (euer; euch; euch) | ihr seid | ihr; ihr alle | Wie geht es euch (allen)? :: you; ye [obs.]  | you are; you’re | you-all; ya’ll; y’all [Am.] [coll.] | How are you-all/ya’ll/y’all?
ihr; ihre {pron} | ihr Kleid | Bestellen Sie ihr schöne Grüße von mir. :: her | her dress | Give her my regards.
ihr; ihre; ihrer; ihrs; ihres; ihrige; ihriger; ihriges {pron} | ein Freund von ihr | eines ihrer Lieblingsthemen | Hat jeder seinen Pass dabei? :: hers; their; theirs | a friend of hers | a favourite subject of theirs | Has everybody got their passport?
Kreml {m} :: Kremlin
Amtskollege {m} :: counterpart
Zusammenarbeit {f} :: cooperation
gut {adj} :: good
"""


@pytest.fixture
def ding_db(load_ding):
    return load_ding(DING)


@pytest.mark.parametrize("sentence, word, meaning", [
    # Before its noun, an article is the article and a possessive the possessive.
    ("Der Kreml hat angekündigt.", "Der", "the"),
    ("Wie der Kreml am Montag angekündigt hat.", "der", "the"),
    ("Putin und sein iranischer Amtskollege trafen sich.", "sein", "his"),
    ("Beide Länder haben ihre Zusammenarbeit ausgebaut.", "ihre", "her"),  # a possessive, not "ihr" (you)
    # Not before a noun: the verb, the relative pronoun, the pronoun.
    ("Das wird schwer sein.", "sein", "to be"),
    ("Der Mann, der am Montag kam, ist weg.", "der", "that (person or thing)"),
    ("Wo seid ihr heute?", "ihr", "you"),
])
def test_an_article_or_possessive_before_its_noun_means_itself(ding_db, lemmatiser, sentence, word, meaning):
    assert first_meaning(ding_db, sentence, word) == meaning


def test_an_article_and_a_verb_make_no_phrase_of_a_noun_with_its_article(ding_db, lemmatiser):
    # "Das ist gut": "das" + "sein" (ist's lemma) spell "das Sein" (being), which is no phrase of the clause.
    assert first_meaning(ding_db, "Das ist gut.", "Das") != "being"


PREFIXES = "un… :: un…\nBio… {adj} :: organic\nBio… :: bio…\n"


def test_a_prefix_whose_english_is_a_prefix_is_no_meaning_of_a_word_alone(load_ding, lemmatiser):
    db = load_ding(PREFIXES)
    # "Un" of "Kim Jong Un" is a name, not the prefix "un…".
    found = look(db, "Putin traf Kim Jong Un in Pjöngjang.", "Un")
    assert found["entries"] == [] and found["name"]
    # A prefix with a meaning of its own still gives it: "Bio" is organic.
    assert look(db, "Sie kauft nur Bio.", "Bio")["entries"][0]["glosses"] == ["organic"]
