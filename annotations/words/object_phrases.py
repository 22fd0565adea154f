"""Ding's verbs headed by a concrete object ("ein Gebäude abreißen"), filed under the bare verb too.

Ding often gives a verb's everyday sense only with a typical object, an indefinite article or
possessive and a noun before the infinitive ("ein Gebäude abreißen: to tear down a building",
"ein Tier entwurmen: to worm an animal"). The importer files such a line under the bare verb
too; the ranking keeps it below the verb's own lines as a phrase (senses.score), and it has no
vote on which sense the verb's own lines share, nor a claim on a translation's words.
"""
import re

# Only an indefinite article or a possessive opens a typical object: "den Bach runtergehen"
# (to go down the drain) is an idiom, one fixed thing, no sense of "runtergehen".
_DETERMINERS = ("ein eine einen einem einer eines "
                "sein seine seinen seinem seiner seines ihr ihre ihren ihrem ihrer ihres").split()
# "ein Gebäude abreißen", "ein Gebäude/Fahrzeug klimatisieren"; Ding's comments are already
# gone from a headword ("eine Fläche (mit etw.) bepflanzen" is "eine Fläche bepflanzen").
_OBJECT_VERB = re.compile(r"^(?:" + "|".join(_DETERMINERS) + r") ([A-ZÄÖÜ][\w-]*(?:/[A-ZÄÖÜ][\w-]*)*) "
                          r"([a-zäöüß]+(?:en|ern|eln))$")
# A copula's noun is its complement, not an object: "ein Opfer werden" is no sense of "werden".
_COPULAS = frozenset("werden bleiben heißen".split())
_PLACEHOLDERS = frozenset("jd jdn jdm jds etw".split())
# Ding's placeholder for a thing as a noun: "einer Sache entsprechen" is the verb's own line (to correspond to sth.).
_PLACEHOLDER_NOUN = "Sache"
# Labels of a figurative or colloquial line: an idiom ("jdm. einen Bären aufbinden"), not the verb's sense.
_IDIOM_LABEL = re.compile(r"\[(?:fig|übtr|coll|ugs|humor)\.\]|\[slang\]")


def object_verb(headword):
    """Return the infinitive a verb headword with a concrete object ends in ("ein Gebäude abreißen" → "abreißen"), or None."""
    words = headword.split()
    if "sich" in words:
        return None  # "sich einen Kopf machen": a reflexive idiom
    m = _OBJECT_VERB.match(" ".join(w for w in words if w.rstrip(".").lower() not in _PLACEHOLDERS))
    return m.group(2) if m and m.group(2) not in _COPULAS and m.group(1) != _PLACEHOLDER_NOUN else None


def idiom(alternative):
    """Say whether a German alternative of a Ding line is labelled figurative or colloquial."""
    return bool(_IDIOM_LABEL.search(alternative))
