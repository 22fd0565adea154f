"""Agent nouns Ding lacks, read through their verb: "Einrahmer(in)" is one who frames (einrahmen).

German makes a noun for whoever does a thing from its verb's stem and -er ("paddeln" →
"Paddler", "einrahmen" → "Einrahmer"), feminine -erin; English does the same with -er
("paddle" → "paddler", "frame" → "framer"). Where Ding lists the verb, not the noun, the
English agent noun of a leading sense of the verb's lines is the meaning, where English has it
as a person's name (WordNet files it under noun.person): "toner" is a substance, not one who tones.
"""
import re

from . import senses, synonyms
from .dictionary import has_key, lookup

# WordNet's lexicographer file of nouns naming people.
NOUN_PERSON = 18
# Dative plural and genitive of a masculine in -er ("den Paddlern", "des Paddlers"), the feminine ("-in", "-innen").
_ENDINGS = ("erinnen", "erin", "ern", "ers", "er")
_CVC = re.compile(r"[^aeiou][aeiou][bdgmnprt]$")


def agent_noun(db, word, wordnet=None):
    """Return {"verb": the infinitive Ding has, "english": the agent noun, "lemma", "gender", "plural"}, or None.

    lemma, gender, plural: the noun's own, to save ("die Einrahmerin, -nen", "der Paddler, -").
    """
    if not word[:1].isupper() or not word.isalpha():
        return None
    ending = next((e for e in _ENDINGS if word.endswith(e) and len(word) - len(e) >= 3), None)
    if not ending:
        return None
    stem = word[:-len(ending)].lower()
    wordnet = wordnet or synonyms.system()
    for verb in _infinitives(stem):
        if not has_key(db, verb, "verb"):
            continue
        entries = [e for e in lookup(db, [verb], want=senses.Want(verb=True)) if e["pos"] == "verb" and e["key"] == verb]
        for english in _agents(entries, wordnet):
            if english:
                masculine = word[:len(word) - len(ending)] + "er"
                if ending.startswith("erin"):
                    return {"verb": verb, "english": english, "lemma": masculine + "in", "gender": "f",
                            "plural": masculine + "innen"}
                return {"verb": verb, "english": english, "lemma": masculine, "gender": "m", "plural": masculine}
    return None


def _agents(entries, wordnet):
    """Yield the English agent nouns of the verb's lines, leading senses first."""
    # Each line's leading sense only: "trimmen :: to trim; to train" makes "Trimmer" no
    # "trainer", a sense further down a line being a rarer use of the verb ("trimmer" is a tool).
    # Where English makes no noun of any leading sense ("to toboggan", "to sledge"), the line's
    # other words for it do: "rodeln :: to sledge; to sled" makes "Rodler" a "sledder".
    leading = [senses.gloss_core(e["glosses"][0]) for e in entries if e["glosses"]]
    for verb in leading:
        yield _agent(verb, wordnet)
    if any(wordnet.lexicographer_file(_agent_form(verb)) is not None for verb in leading):
        return
    for e in entries:
        for gloss in e["glosses"][1:]:
            yield _agent(senses.gloss_core(gloss), wordnet)


def _infinitives(stem):
    """Return the infinitives an agent noun's stem may come from ("paddl": paddeln; "einrahm": einrahmen)."""
    out = [stem + "en", stem + "n"]
    if stem.endswith(("l", "r")) and len(stem) > 3 and stem[-2] not in "aeiouäöü":
        out.append(stem[:-1] + "e" + stem[-1] + "n")  # the -el/-er verbs drop their e: "Bastler", basteln
    return out


def _agent(verb, wordnet):
    """Return English's agent noun of a one-word verb ("frame": framer, "run": runner), where a person's, or ""."""
    if not senses.one_word_senses([verb]) or "-" in verb:
        return ""
    form = _agent_form(verb)
    return form if wordnet.lexicographer_file(form) == NOUN_PERSON and wordnet.common_word(form) else ""


def _agent_form(verb):
    """Return the -er noun English makes of a verb ("frame": framer, "run": runner, "carry": carrier)."""
    if verb.endswith("e"):
        return verb + "r"
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        return verb[:-1] + "ier"
    if _CVC.search(verb) and len(verb) <= 4:
        return verb + verb[-1] + "er"
    return verb + "er"
