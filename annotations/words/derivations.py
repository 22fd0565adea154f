"""The meaning of an adjective or adverb that German derives from a noun with a suffix Ding lacks a line for.

"kiloweise" is no kilogram that is wise: "-weise" after a noun of a measure makes an adverb of
how much at a time, which English says "by the kilogram" ("tonnenweise": by the ton). "-reich"
after a noun makes an adjective of having much of it: "zuckerreich" is "rich in sugar".
"""

# Suffix: how English says it, around the noun's word.
_PATTERNS = {"weise": "by the {}", "reich": "rich in {}"}


def meaning(split, written):
    """Return the meaning of a split lower-case word noun + suffix ("kilo|weise": by the kilogram), or None."""
    if not split or len(split) != 2 or not written[:1].islower():
        return None
    front, last = split
    pattern = _PATTERNS.get(last["written"].lower()) or _PATTERNS.get(last["headword"].lower())
    entries = front["entries"]
    if not pattern or not entries or entries[0]["pos"] != "noun" or not front["gloss"]:
        return None
    return pattern.format(front["gloss"])
