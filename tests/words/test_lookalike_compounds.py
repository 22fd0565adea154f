"""Words that only look like compounds: a verb's past ("kam") opens none, a participle is one word."""
import pytest
from words_lookup import look

# Real Ding lines: "kommen" (with "kam" among its forms), "Elle" (ells), "brauen", "Meister";
# "heulen; röhren" (with "röhrend", howling), "Röhre" (tubes), "Ende", "Auspuffanlage".
DING = """\
kommen {vi} | kommend | gekommen | ich komme | du kommst | er/sie/es kommt | ich/er/sie kam | ich kam | du kamst | er/sie/es kam | wir kamen | ihr kamt | sie kamen | er/sie ist/war gekommen | ich/er/sie käme | Komm in den Garten. | Komm mit! | Komme sofort! | Ich komme schon! | Ich komme ja schon! | Nun kommt sie. | Er kommt sofort. | Sie kam um drei (Uhr). | zu etw. kommen | wie gerufen kommen | wenn es um Arbeit geht | komme was (da) wolle; mag (da) kommen, was will | Und jetzt kommt’s: | Wie bist du zu dieser Information gekommen? | Woher kommst du?; Ich komme aus … | Es wäre schön, wenn sie wieder zu uns zurückkommen würde / zurückkäme [geh.]. | Wie hören Sie mich, kommen? (Funkjargon) [telco.] | Klar und verständlich, kommen. (Funkjargon) [telco.] :: to come {came; come} | coming | come | I come | you come | he/she/it comes; he/she/it cometh [obs.] | I/he/she came | I came | you came | he/she/it came | we came | you came | they came | he/she has/had come | I/he/she would come | Come into the garden. | Come along! | Coming! | I’m coming! | I’m coming, I’m coming! | Now she comes. | He’s coming right away. | She came at three (o’clock). | to come across sth. | come in the nick of time | when it comes to work | come what may | And get ready for this:; And now, get this: | How did you come across this information? | Where are you from?; I’m from … | If only she would come back to us. | Are you reading me, over? (radio jargon) | Reading you fivers, over. (radio jargon)
Elle {f} (natürliches Längenmaß) [phys.] | Ellen {pl} :: ell; cubit (natural length measure) | ells; cubits
Elle {f} (Unterarmknochen) [anat.] | Ellen {pl} :: ulna | ulnas
etw. brauen {vt} | brauend | gebraut | braut | braute | Bier brauen :: to brew sth. | brewing | brewed | brews | brewed | to brew beer
Meister {m}; Handwerksmeister {m} | Bäckermeister {m} | seinen Meister machen | Meister (Industriemeister; Handwerksmeister) :: master; master craftman | master baker | to take one’s master craftman’s diploma | State Certified Master Craftsman [Am.]
heulen; flennen [Mitteldt.]; plärren [Süddt.] [Ös.]; greinen [Mitteldt.] [Schw.]; röhren [Ös.]; brüllen [Schw.]; tränzen [Bayr.] [Ös.] [veraltet] {vi} [ugs.] (laut weinen) | heulend; flennend; plärrend; greinend; röhrend; brüllend; tränzend | geheult; geflennt; geplärrt; gegreint; geröhrt; gebrüllt; getränzt | heult; flennt; plärrt; greint; röhrt; brüllt; tränzt | heulte; flennte; plärrte; greinte; röhrte; brüllte; tränzte | ein heulender Wolf | Es ist zum Heulen! | Ich hätte heulen können. :: to bawl; to howl; to squall; to waul [Sc.] (weep noisily) | bawling; howling; squalling; wauling | bawled; howled; squalled; wauled | bawls; howls; squalls; wauls | bawled; howled; squalled; wauled | a howling wolf | It’s enough to make you weep!; It’s enough to make you cry! | I could have cried.
Röhre {f} | Röhren {pl} | Geißlersche Röhre {f} :: tube | tubes | Geissler tube
Ende {n} (äußerstes Stück) | von einem Ende zum anderen :: end (furthest part) | from end to end
Ende {n} :: ending
Auspuffanlage {f}; Auspuff {m} [ugs.] [auto] | Auspuffanlagen {pl}; Auspuffe {pl} :: exhaust system; exhaust | exhaust systems; exhausts
"""


@pytest.fixture
def dictionary_db(load_ding):
    return load_ding(DING)


def test_a_verb_s_past_opens_no_compound(dictionary_db):
    # "Kamellen" are carnival sweets, not "kam" + "Ellen" (came + ells).
    found = look(dictionary_db, "Beim Rosenmontagszug flogen Kamellen in die Menge.", "Kamellen")
    assert found["split"] is None


def test_a_verb_s_stem_still_opens_one(dictionary_db):
    found = look(dictionary_db, "Der Braumeister prüft jeden Morgen die Würze.", "Braumeister")
    assert [(p["headword"], p["gloss"]) for p in found["split"]] == [("brau", "to brew"), ("meister", "master")]


@pytest.mark.parametrize("sentence, word", [
    ("Anwohner klagen über röhrende Auspuffanlagen.", "röhrende"),
    ("Die röhrenden Motoren weckten das ganze Dorf.", "röhrenden"),
])
def test_an_inflected_present_participle_is_its_verb_s_not_a_compound(dictionary_db, sentence, word):
    # Not "Röhr|ende" (tubes + end): Ding's "röhrend" row, howling.
    found = look(dictionary_db, sentence, word)
    assert found["split"] is None
    assert found["entries"][0]["headword"] == "röhrend"
    assert "howling" in found["entries"][0]["glosses"]
