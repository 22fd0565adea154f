"""The meaning of an adjective or adverb that German derives from a noun with a suffix Ding lacks a line for.

"kiloweise" is no kilogram that is wise: "-weise" after a noun of a measure makes an adverb of
how much at a time, which English says "by the kilogram" ("tonnenweise": by the ton). "-reich"
after a noun makes an adjective of having much of it: "zuckerreich" is "rich in sugar"; so do
"-fähig" (able to: "handlungsfähig", capable of action), "-bereit" (ready for), "-frei" (without:
"plastikfrei", plastic-free), "-arm" (having little: "fettarm", low in fat) and "-voll" (full of).
"""

# Suffix: how English says it, around the noun's word.
_PATTERNS = {"weise": "by the {}", "reich": "rich in {}", "fähig": "capable of {}", "bereit": "ready for {}",
             "frei": "{}-free", "arm": "low in {}", "voll": "full of {}"}


def meaning(split, written):
    """Return the meaning of a split lower-case word noun + suffix ("kilo|weise": by the kilogram), or None."""
    if not split or len(split) != 2 or not written[:1].islower():
        return None
    front, last = split
    pattern = next((_PATTERNS[k] for k in (_uninflected(last["written"]), _uninflected(last["headword"])) if k in _PATTERNS),
                   None)
    entries = front["entries"]
    if not pattern or not entries or entries[0]["pos"] != "noun" or not front["gloss"]:
        return None
    return pattern.format(front["gloss"])


_ENDINGS = ("em", "en", "er", "es", "e")


def _uninflected(part):
    """Return an adjective's part without its ending ("fähige": fähig), if it has a pattern so."""
    low = part.lower()
    return next((low[:-len(e)] for e in _ENDINGS if low.endswith(e) and low[:-len(e)] in _PATTERNS), low)
