"""What the words beside a clicked word say about it: the genders its determiner allows, a number before or after it.

"die Plane" is feminine or plural (not "der Plan"); "rund 3000" is about, not round.
"""
import re

from . import compounds

# A number after the word, in figures or in words ("rund 3000", "knapp fünf", "fast siebzig").
# Whole number words only: "gut eingelebt" and "rund eingefasst" have none.
_UNIT = "(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)"
_NUMBER = re.compile(r"\s*(?:\d|(?:eine[nmr]?|zehn|elf|zwölf|(?:drei|vier|fünf|sech|sieb|acht|neun)zehn"
                     rf"|(?:{_UNIT}und)?(?:(?:zwan|vier|fünf|sech|sieb|acht|neun)zig|dreißig)"
                     rf"|{_UNIT}?(?:hundert|tausend)\w*|{_UNIT})(?!\w))", re.IGNORECASE)
# The genders (and "pl") a determiner allows its noun, by its ending; "der" is also feminine
# (dative, genitive) and plural (genitive), so it rules out only the neuter.
_ARTICLES = {"der": "m f pl", "die": "f pl", "das": "n", "den": "m pl", "dem": "m n", "des": "m n",
             "ein": "m n", "eine": "f", "einen": "m", "einem": "m n", "einer": "f", "eines": "m n"}
# The article inside a preposition (compounds.CONTRACTIONS) stands in the dative ("am See" is
# "an dem See": the lake, not the sea; "zur" is "zu der", feminine) or the accusative ("ins").
_FUSED = {"dem": "m n", "der": "f", "das": "n"}
_EIN_WORD = re.compile(r"(?:kein|mein|dein|sein|ihr|unser|eur|euer)(e[mnrs]?)?")
_EIN_ENDINGS = {None: "m n", "e": "f pl", "en": "m pl", "em": "m n", "er": "f pl", "es": "m n"}
_DER_WORD = re.compile(r"(?:dies|jen|jed|welch|manch)(e[mnrs]?)")
_DER_ENDINGS = {"er": "m f pl", "e": "f pl", "es": "m n", "en": "m pl", "em": "m n"}
# "der", "die", "das" … after a comma, alone or after a preposition, open a relative clause.
_RELATIVE = re.compile(r",\s*(?:\w+\s+)?(?:der|die|das|den|dem|deren|dessen)\s*$", re.IGNORECASE)
# Counts before a noun besides numbers ("Hunderte Biker", "mehrere Caterer").
_QUANTIFIERS = frozenset("hunderte tausende dutzende mehrere viele einige wenige zahlreiche etliche beide alle".split())
_ADJECTIVE_FORM = re.compile(r"[a-zäöüß]+e[mnrs]?")


def number_follows(text):
    """Say whether text begins with a number, in figures or in words ("3000", "zwölf", "eine Million")."""
    return bool(_NUMBER.match(text))


def counted(before):
    """Say whether a number ends the text before a word ("zwölf Biker", "Hunderte Biker", "120 Biker")."""
    words = before.split()
    return bool(words) and (number_follows(words[-1]) or words[-1].lower() in _QUANTIFIERS)


def relative_pronoun(before):
    """Say whether the text before a word ends in a relative pronoun: "die Rede, die", "das Land, in dem"."""
    return bool(_RELATIVE.search(before))


# The articles, as written in a sentence.
ARTICLES = frozenset(_ARTICLES)


def determiner_key(word):
    """Return the key Ding files an article or possessive under ("des": "der", "seinem": "sein"), or None."""
    low = word.lower()
    if low in ARTICLES:
        return "ein" if low.startswith("ein") else "der"
    match = _EIN_WORD.fullmatch(low)
    if not match:
        return None
    stem = low[:match.start(1)] if match.group(1) else low
    return "euer" if stem in ("eur", "euer") else stem


def determiner_genders(before):
    """Return the genders ("m", "f", "n", "pl") allowed by the determiner just before a noun.

    Up to three inflected adjectives may stand between ("die alte Plane"); punctuation may not.
    """
    words = before.split()
    for word in reversed(words[-4:]):
        found = _genders_of(word.lower())
        if found:
            return found
        if not _ADJECTIVE_FORM.fullmatch(word):
            break
    return frozenset()


def _genders_of(word):
    """Return the genders a determiner allows, or nothing for another word."""
    if word in _ARTICLES:
        return frozenset(_ARTICLES[word].split())
    if pair := compounds.contraction(word):
        return frozenset(_FUSED[pair[1]].split())
    for pattern, endings in ((_EIN_WORD, _EIN_ENDINGS), (_DER_WORD, _DER_ENDINGS)):
        if found := pattern.fullmatch(word):
            return frozenset(endings[found.group(1)].split())
    return frozenset()
