"""The gloss of a compound Ding has that names its parts ("Sommerreifen": summer tyre).

Ding may open a compound's line with a name English gives it from another angle ("Sommerreifen":
standard tyre; summer tyre), where a later gloss says it part by part as German does. Where
English names the thing by a compound too, the one of its parts' words is the plain one.
"""
from . import senses

# How far down a compound's glosses one naming its parts may stand.
LATER = 3


def literal_gloss(glosses, heads, fronts, modifier=lambda: "", rough_heads=None):
    """Return the gloss among a compound's first ones that is its front's word before its last part's, or "".

    glosses: the compound's, in Ding's order. heads(), fronts(): the one-word senses of its last
    part and of its front, or None where it is no compound; modifier(): the front's sense in
    compounds (see senses.modifier_sense); rough_heads(), where given, more words than heads()
    at less cost. Each is asked only where the glosses still leave the answer open, the cheap
    ones first: a lookup runs this for every compound noun. Only where
    the first gloss is itself an English compound: a one-word English name ("Handschuh": glove)
    is the thing's own word, not a calque to correct.
    """
    # By place, not by identity: a later gloss spelt as the first (an equal string) is no other name.
    two_words = [i for i, g in enumerate(glosses[:LATER + 1]) if i and g != glosses[0]
                 and len(senses.gloss_core(g).split()) == 2]
    if not two_words or len(senses.gloss_core(glosses[0]).split()) < 2:
        return ""
    # Only a gloss whose last word is the last part's may name the parts: the dearer senses
    # are asked only while one may.
    ending = [0, *two_words]
    for senses_of in ([rough_heads] if rough_heads else []) + [heads]:
        last_words = senses_of()
        if not last_words:
            return ""
        ends = {senses.stem(w) for w in last_words}
        ending = [i for i in ending if senses.stem(_words(glosses[i])[-1]) in ends]
        if not any(i > 0 for i in ending):
            return ""
    front_words = fronts()
    if not front_words:
        return ""
    opens = {senses.stem(w) for w in front_words}
    modifier_stem = []

    def names_parts(i):
        words = _words(glosses[i])
        if len(words) != 2 or i not in ending:
            return False
        if senses.stem(words[0]) in opens:
            return True
        if not modifier_stem:
            modifier_stem.append(senses.stem(modifier() or "") or None)
        return senses.stem(words[0]) == modifier_stem[0]

    if names_parts(0):
        return ""
    return next((glosses[i] for i in two_words if names_parts(i)), "")


def _words(gloss):
    return senses.gloss_core(gloss).split()
