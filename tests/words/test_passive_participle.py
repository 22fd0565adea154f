"""An inseparable verb's participle beside "werden" is that verb, in the passive, not an adjective or adverb.

"entfernt" takes no "ge-" (as "ausgebaut" does) and looks like the present ("er entfernt"), so
the lemmatiser calls it the adverb "entfernt" (distant); "ist entfernt worden" is "entfernen".
Each case is a real sentence; the Ding lines are copied from the dictionary behind it.
"""
import pytest
from words_lookup import look

from annotations.words import senses

DING = """\
abstehend; entfernt {adj} :: distant
etw. entfernen; etw. zum Verschwinden bringen; etw. wegbekommen [ugs.] {vt} | entfernend; zum Verschwinden bringend; wegbekommend | entfernt; zum Verschwinden gebracht; wegbekommen | Kratzer entfernen | Mit modernen Waschmitteln lassen sich die meisten Flecken entfernen. / bekommt man die meisten Flecken weg. :: to remove sth.; to do away with sth.; to shift sth. [Br.] [coll.] | removing; doing away; shifting | removed; done away; shifted | to remove/do away with scratches | Modern detergents will shift most stains.
entfernt; fern; vage {adv} :: remotely
entfernt; weg {adv} | Er ist zwei Kilometer entfernt. :: away | He is two kilometers away.
eine Fläche bebauen; bepflanzen; bestellen [poet.] {vt} [agr.] | eine Fläche bebauend; bepflanzend; bestellend | eine Fläche bebaut; bepflanzt; bestellt | den Boden bestellen :: to crop; to cultivate an area | croping; cultivating an area | cropped; cultivated an area | to cultivate land
eine Fläche (mit etw.) bepflanzen; begrünen {vt} [envir.] | bepflanzend; begrünend | bepflanzt; begrünt | bepflanzt; begrünt | bepflanzte; begrünte | nicht bepflanzt | ein Stück Boden mit etw. neu bepflanzen {vt} :: to plant; to vegetate an area (with sth.) | planting; vegetating | planted; vegetated | plants; vegetates | planted; vegetated | unplanted | to replant an area of land with sth.
"""


@pytest.fixture
def ding_db(load_ding):
    return load_ding(DING)


@pytest.mark.parametrize("sentence, word, meaning", [
    ("Die letzte Telefonzelle eines Dorfes im Hunsrück ist entfernt worden.", "entfernt", "to remove sth."),
    # Beside "werden" alone too: Ding has no "entfernt werden" that would make it an adjective's phrase.
    ("Der Müll wird morgen früh von der Stadtreinigung entfernt.", "entfernt", "to remove sth."),
    ("Die Graffiti wurden über Nacht entfernt.", "entfernt", "to remove sth."),
    # The participle's own row of the line Ding has under a phrase ("eine Fläche … bepflanzen").
    ("Die Vereinssatzung schreibt vor, dass ein Drittel des Grundstücks mit Obstbäumen und Gemüsebeeten "
     "bepflanzt wird.", "bepflanzt", "planted"),
])
def test_a_passive_participle_is_its_verb(ding_db, sentence, word, meaning):
    assert senses.best_gloss(look(ding_db, sentence, word)["entries"][0]) == meaning


def test_beside_sein_alone_it_stays_the_adverb(ding_db):
    entries = look(ding_db, "Der Flughafen ist etwa 20 Kilometer entfernt.", "entfernt")["entries"]
    assert senses.best_gloss(entries[0]) == "away"
