"""Break near ties between a noun's senses by what its paragraph is about, as Ding's compounds say.

German names a kind of thing by setting what it belongs to in front ("Passagiermaschine",
"Bahnanschluss", "Hafenumschlag"), and Ding gives such compounds their English: "passenger
plane", "rail connection", "harbour transshipment". Where another noun of the paragraph makes
such a compound with the clicked noun, that compound's English names the sense the paragraph
speaks of: "Maschinen" beside "Passagiere" are planes, not machines; "Umschlag" beside "Hafen"
is the handling of goods, not an envelope. Only among senses the ranking (senses.score) holds
nearly equal, and only the compound with the noun last: its head carries the noun's own sense
("Ausgabejahr" is a year, whatever "Ausgabe" means in it).
"""
import re

from . import lemmas
from .dictionary import english_by_key, normalize
from .senses import gloss_core

# Senses scored this close to the first (senses.score's units) may be put before it.
MARGIN = 2.0
# How far down the ranking a sense may come from.
POOL = 8
# How many of the paragraph's nouns are asked (one indexed query holds them all).
MAX_NOUNS = 60
# The linking letters a German compound puts after its front noun ("Passagier|maschine",
# "Verwaltungs|aufwand", "Straßen|bahn", "Kranken|haus"), and a front that drops its -e ("Schul|hof").
_LINKS = ("", "s", "n", "en", "es")


def compound_keys(front, head):
    """Return the keys a compound of front and head may be filed under ("Passagier", "Maschine": "passagiermaschine")."""
    front, head = front.lower(), head.lower()
    fronts = {front + link for link in _LINKS} | ({front[:-1]} if front.endswith("e") else set())
    return {f + head for f in fronts if f}


def rerank(db, entries, nouns, written):
    """Return entries with a near-tied noun sense first where a compound with another noun of the paragraph names it.

    nouns: the paragraph's other nouns as written; written: the clicked noun.
    """
    if len(entries) < 2 or entries[0].get("score") is None or entries[0]["pos"] != "noun":
        return entries
    top = entries[0]["score"]
    close = [e for e in entries[1:POOL] if e["glosses"] and e.get("score") is not None and e["score"] - top <= MARGIN]
    if not close:
        return entries
    heads = {normalize(e["headword"]) for e in (entries[0], *close) if e["pos"] == "noun" and " " not in e["headword"]}
    heads.add(normalize(lemmas.lemma(written, timeout=0) or written))
    keys = {}
    for noun in list(dict.fromkeys(nouns))[:MAX_NOUNS]:
        front = lemmas.lemma(noun, timeout=0) or noun
        for head in heads:
            for key in compound_keys(front, head):
                keys.setdefault(key, noun)
    if not keys:
        return entries
    english = {}
    for key, sides in english_by_key(db, keys).items():
        english.setdefault(keys[key], []).extend(side.lower() for side in sides)
    if not english:
        return entries

    def support(entry):
        # How many of the paragraph's nouns make a compound whose English holds one of the sense's words.
        cores = [re.compile(r"\b" + re.escape(c) + r"\b") for c in map(gloss_core, entry["glosses"][:3]) if c]
        return sum(1 for sides in english.values() if any(c.search(s) for s in sides for c in cores))

    first = support(entries[0])
    best = max(close, key=support)
    if support(best) <= first:
        return entries
    return [best, *(e for e in entries if e is not best)]
