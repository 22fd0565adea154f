"""A German past participle by its spelling: which infinitives may be behind it."""
import re

from . import compounds
from .dictionary import PARTICLES

# "entfernt", "beseitigt", "zerstört": a participle of an inseparable verb, without "ge-". The
# prefixes that are never separable: be-, ent-, er-, miss-, ver-, zer-. Not emp-: its verbs are
# strong ("empfohlen", "empfunden") but "empören", whose "empört" a 3-letter stem never matched. Not über-,
# unter-, durch-, um-, wider-, wieder-: separable or not by verb ("übersetzt", "übergesetzt"),
# so a word opening with one may as well be an adjective or the verb's present.
_INSEPARABLE_PARTICIPLE = re.compile(r"^(?P<particle>be|ent|er|miss|ver|zer)(?P<stem>\w{3,}?)(?:e?t)$")
_PARTICIPLE = re.compile(r"^(?P<particle>" + "|".join(sorted(PARTICLES, key=len, reverse=True))
                         + r")?ge(?P<stem>\w{2,}?)(?:e?t)$")


def participle_infinitives(word, inseparable=False):
    """Return the infinitives that may be behind a weak participle ("ausgebaut" → "ausbauen"), or None.

    Two where the stem ends in -er or -el ("gespielt": "spieln" or "spielen", see compounds.infinitives).

    inseparable: also one of a verb with an inseparable prefix, which takes no "ge-"
    ("entfernt" → "entfernen"). It is spelt as the verb's present ("er entfernt"), and beside
    "sein" alone often an adjective ("weit entfernt"): ask only where "werden" makes it a
    passive ("ist entfernt worden").
    """
    m = _PARTICIPLE.match(word.lower()) or (inseparable and _INSEPARABLE_PARTICIPLE.match(word.lower()))
    if not m:
        return None
    return compounds.infinitives((m.group("particle") or "") + m.group("stem"))


# A strong verb's participle: "geschrieben", "abgeschlossen", "verboten".
_STRONG_PARTICIPLE = re.compile(r"^(?:(?:" + "|".join(sorted(PARTICLES, key=len, reverse=True))
                                + r")?ge\w{2,}|(?:be|ent|er|miss|ver|zer)\w{3,})en$")


def past_participle(word):
    """Say whether word is spelt as a German past participle: "geöffnet", "abgesagt", "saniert", "geschrieben".

    The spelling only: "verkauft" is a present too, "erhalten" an infinitive; "liegt" is neither.
    """
    word = word.lower()
    return bool(participle_infinitives(word, inseparable=True) or word.endswith("iert")
                or _STRONG_PARTICIPLE.match(word))
