"""A past participle inflected before its noun ("von markierten Pflöcken"): an adjective made of its verb.

Ding gives such a participle no line of its own, only the past participle row of its verb's line
("markieren; markierend; markiert :: to mark sth.; marking; marked"): that row's English
("marked") is what the word means there, not the verb's infinitive ("to mark sth."). So is a
participle naming a state after a linking verb ("fühlen sich gestört": disturbed).
"""
import re

from . import compounds, senses
from .dictionary import PARTICLES, has_key
from .grammar import determiner_genders
from .participles import past_participle

# The endings of an adjective before its noun that no finite verb has: "markiertem", "markiertes".
_ONLY_ADJECTIVE = ("em", "er", "es")
_ENDINGS = ("en", "e", *_ONLY_ADJECTIVE)
# "ge-" after a separable particle or none: "gesperrt", "abgebrannt", "gerissen"; no past has
# it, but for the verbs that begin with it ("gehörten", "gestalteten": see _ge_verb_past).
_GE = re.compile(r"^(?:" + "|".join(sorted(PARTICLES, key=len, reverse=True)) + r")?ge\w{2,}(?:t|en)$")


def attributive_participle(db, word, before):
    """Return the past participle a word inflected before its noun is ("markierten" → "markiert"), or None.

    before: the sentence before the word. "markierten", "verstörte" are spelt as a weak verb's
    past too ("Sie markierten Bäume"): read as a participle only after a determiner or a
    preposition ("von markierten Pflöcken", "das verstörte Tier"), or with "ge-", which no past has.
    """
    low = word.lower()
    after_article = bool(determiner_genders(before)) or _previous(before) in senses.PREPOSITIONS
    for ending in _ENDINGS:
        stem = low[:-len(ending)]
        if not low.endswith(ending) or len(stem) < 5 or not past_participle(stem):
            continue
        unambiguous = (ending in _ONLY_ADJECTIVE or (_GE.match(stem) and not _ge_verb_past(db, stem))
                       or after_article)
        if unambiguous and has_key(db, stem):
            return stem
    return None


def _previous(before):
    """Return the last word of the text before, in lower case, or ""."""
    return (before.split() or [""])[-1].lower()


def _ge_verb_past(db, stem):
    """Say whether stem is also the past of a verb that begins with "ge-": "gehört" (gehören), "gestaltet"."""
    base = stem[:-2] if stem.endswith("et") else stem[:-1] if stem.endswith("t") else None
    return bool(base) and any(has_key(db, v, pos="verb") for v in compounds.infinitives(base))


# Verbs that, with "sich", take a participle as their complement: "fühlen sich abgehängt" (left behind).
_SICH_COPULAS = frozenset("fühlen zeigen sehen".split())
# "bleiben" links a state as "sein" does ("blieb gesperrt": closed). Not "sei", "wäre": in the
# news they are mostly the auxiliaries of a perfect ("er sei auf eine Ölspur gestoßen").
_LINKING = frozenset("""bleibt bleiben bleibe bleibst blieb blieben""".split())
# "als" names a state after these ("galt als vermisst"), not after a comparative ("mehr als erwartet").
_AS_COPULAS = frozenset("gelten erweisen herausstellen bezeichnen".split())
# Auxiliaries of a perfect or a passive: with one, a participle is the verb ("hat … gesperrt").
_TENSE = frozenset("""hat habe hast haben hatte hatten hattest hattet habt hätte hätten
    wird werden wirst werdet wurde wurden würde würden worden""".split())


def predicative_participle(word, clause_words, before, lemma_of):
    """Say whether a past participle, not before a noun, names a state: "blieb gesperrt", "fühlen sich abgehängt".

    Beside "bleiben", "sich fühlen/zeigen/sehen" or "als" after gelten, erweisen, herausstellen
    or bezeichnen, with no auxiliary of a tense or passive. Not beside "ist" alone: "sind auf
    Mauern gestoßen" is a perfect (of "stoßen auf", came across), however transitive the verb's first line.
    """
    low = {w.lower() for w in clause_words if w != word}
    if not word[:1].islower() or not past_participle(word) or low & _TENSE:
        return False
    previous = _previous(before)
    their_lemmas = {lemma_of(w) for w in low}
    return bool(previous == "als" and their_lemmas & _AS_COPULAS or low & _LINKING
                or "sich" in low and their_lemmas & _SICH_COPULAS)


def as_participles(entries, participle):
    """Return entries with the verb lines that have the participle as a row first, each as that row.

    The verb's senses keep the order the clause gives them (its object, its usual sense);
    the row only says that sense as a participle ("to mark sth." → "marked"). A row whose line
    ranks lower, or none of whose lines was ranked, follows them.
    """
    rows = {e["id"]: e for e in entries if e["sub"] == senses.PARTICIPLE_ROW and e["key"] == participle}
    lines = [e for e in entries if e["pos"] == "verb" and e["sub"] == 0 and e["id"] + senses.PARTICIPLE_ROW in rows]
    shown = [rows[e["id"] + senses.PARTICIPLE_ROW] for e in lines]
    ids = {e["id"] for e in lines + shown}
    # Its line's other rows are not the word either ("markiert: marks", a present).
    return shown + [e for e in entries if e["id"] not in ids and e["id"] - e["sub"] not in ids]
