"""Ding's verbs headed by a concrete object ("ein Gebäude abreißen"), filed under the bare verb too.

Ding often gives a verb's everyday sense only with a typical object, an article or possessive
and a noun before the infinitive ("ein Gebäude abreißen: to tear down a building", "ein Tier
entwurmen: to worm an animal"). The importer files such a line under the bare verb too; the
ranking keeps it below the verb's own lines as a phrase (senses.score), and it has no vote on
which sense the verb's own lines share, nor a claim on a translation's words.
"""
import re

_DETERMINERS = ("ein eine einen einem einer eines der die das den dem des "
                "sein seine seinen seinem seiner seines ihr ihre ihren ihrem ihrer ihres").split()
# "ein Gebäude abreißen", "ein Gebäude/Fahrzeug klimatisieren"; Ding's comments are already
# gone from a headword ("eine Fläche (mit etw.) bepflanzen" is "eine Fläche bepflanzen").
_OBJECT_VERB = re.compile(r"^(?:" + "|".join(_DETERMINERS) + r") ([A-ZÄÖÜ][\w-]*(?:/[A-ZÄÖÜ][\w-]*)*) "
                          r"([a-zäöüß]+(?:en|ern|eln))$")
# A copula's noun is its complement, not an object: "ein Opfer werden" is no sense of "werden".
_COPULAS = frozenset("werden bleiben heißen".split())
_PLACEHOLDERS = frozenset("jd jdn jdm jds etw sich".split())


def object_verb(headword):
    """Return the infinitive a verb headword with a concrete object ends in ("ein Gebäude abreißen" → "abreißen"), or None."""
    words = [w for w in headword.split() if w.rstrip(".").lower() not in _PLACEHOLDERS]
    m = _OBJECT_VERB.match(" ".join(words))
    return m.group(2) if m and m.group(2) not in _COPULAS else None
