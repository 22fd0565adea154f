"""The gloss of a compound Ding has that names its parts ("Sommerreifen": summer tyre).

Ding may open a compound's line with a name English gives it from another angle ("Sommerreifen":
standard tyre; summer tyre), where a later gloss says it part by part as German does. Where
English names the thing by a compound too, the one of its parts' words is the plain one.
"""
from . import senses


def literal_gloss(glosses, parts_senses):
    """Return the gloss among a compound's first ones that is its front's word before its last part's, or "".

    glosses: the compound's, in Ding's order; parts_senses(): the one-word senses of its front
    and of its last part (two lists), or None where it is no compound. Only where the first
    gloss is itself an English compound: a one-word English name ("Handschuh": glove) is the
    thing's own word, not a calque to correct.
    """
    if len(glosses) < 2 or len(senses.gloss_core(glosses[0]).split()) < 2:
        return ""
    found = parts_senses()
    if not found:
        return ""
    fronts, heads = ({senses.stem(w) for w in words} for words in found)

    def names_parts(gloss):
        words = senses.gloss_core(gloss).split()
        return len(words) == 2 and senses.stem(words[0]) in fronts and senses.stem(words[1]) in heads

    if names_parts(glosses[0]):
        return ""
    return next((g for g in glosses[1:4] if names_parts(g)), "")
