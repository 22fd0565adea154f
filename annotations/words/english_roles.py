"""Tell from its English neighbours whether a word of a translation stands as a verb or a noun.

Many English words are both ("watch", "guard", "rise"): a German noun's gloss "watch" is not
what "a security firm will watch over the shelves" renders, nor a verb's "to rise" what "the
rise in prices" does. The word before says which: a modal or a subject pronoun opens a
verb; a determiner opens a noun. Not "to", which is a preposition as often ("support to
families").
"""
from . import synonyms
from .senses import STOPWORDS, one_word_senses

# What stands before an English verb: a modal, a subject pronoun.
_BEFORE_VERB = frozenset("will would can could shall should may might must i he she we they".split())
# What stands before an English noun (or its adjective): articles, possessives, demonstratives.
_BEFORE_NOUN = frozenset("the a an his its their our my your these those every each".split())
# What opens an English noun phrase: an article, a possessive, a demonstrative or quantifier.
DETERMINERS = frozenset("the a an his her its their our my your this that these those every each some any no".split())
# Adverbs English puts between a modal and its verb ("will then watch", "can also see").
_BETWEEN = frozenset("then also not now still never always soon just already only even often again".split())
# Words before which "may" is the month, not the modal ("In May prices rose", "since May").
_BEFORE_MONTH = frozenset("in since until till by of from during last next early late mid".split())


def _adverb(word, wordnet):
    """Say whether word is an adverb standing between a modal and its verb ("will quickly see").

    Not every word ending in "-ly": "fly", "supply", "apply" are verbs ("they fly kites").
    """
    if word in _BETWEEN:
        return True
    return (word.endswith("ly") and wordnet.available and wordnet.knows(word, ("adv",))
            and not wordnet.knows(word, ("verb", "noun", "adj")))


def _before(words, i, wordnet=None):
    """Return the index of the word before words[i], past adverbs standing between a modal and its verb, or -1."""
    wordnet = wordnet or synonyms.system()
    j = i - 1
    while j >= 0 and _adverb(words[j], wordnet):
        j -= 1
    return j


def _opens_verb(words, j):
    """Say whether words[j] opens a verb: a modal or a subject pronoun, not the month ("In May prices rose")."""
    if j < 0 or words[j] not in _BEFORE_VERB:
        return False
    return not (words[j] == "may" and j > 0 and words[j - 1] in _BEFORE_MONTH)


def other_part(pos, words, i):
    """Say whether words[i] of a translation stands as another part of speech than pos ("noun" or "verb")."""
    if pos == "noun":
        return _opens_verb(words, _before(words, i))
    if pos == "verb":
        # "a registered letter", "the rising prices": a participle after a determiner is still the verb's.
        return i > 0 and words[i - 1] in _BEFORE_NOUN and not words[i].endswith(("ed", "ing"))
    return False


# Prepositions that make an English verb's sense with it ("goes with", "watch over", "kept … from doing").
_VERB_PREPOSITIONS = frozenset("with over after for into from".split())
# The most words an object standing between a verb and its preposition takes ("talked the elderly woman into").
_MAX_OBJECT = 4
# Object pronouns: somebody ("kept them from leaving").
_OBJECT_PRONOUNS = frozenset("him her them me us you".split())
# WordNet's lexicographer files of somebody: noun.animal, noun.group, noun.person.
_BEINGS = frozenset({5, 14, 18})


def _somebody(word, wordnet):
    """Say whether an object ending in word is somebody, Ding's "sb." ("the bees", "the elderly woman", "them").

    "makes her living from cleaning": "her living" is the verb's own object ("make a living"),
    not somebody kept from something.
    """
    return word in _OBJECT_PRONOUNS or wordnet.lexicographer_file(word) in _BEINGS


def preposition_after(words, i, wordnet):
    """Return (the preposition English verb words[i] takes for its sense, whether its object precedes it), or None.

    "goes with her": WordNet lists "go with" (accompany) as a verb of its own. "kept the bees
    from flying", "talked the woman into giving": a preposition before a gerund, after the
    verb's object, is the verb's ("keep sb. from", "talk sb. into"), whatever WordNet lists, where
    that object is somebody ("She makes her living from cleaning" is no "make sb. from").
    """
    nxt = words[i + 1] if i + 1 < len(words) else ""
    base = wordnet.verb_base(words[i]) or words[i]
    if nxt in _VERB_PREPOSITIONS and wordnet.knows(f"{base} {nxt}", ("verb",)):
        return nxt, False
    for j in range(i + 2, min(len(words) - 1, i + 2 + _MAX_OBJECT)):
        if words[j] in ("from", "into") and words[j + 1].endswith("ing"):
            return (words[j], True) if _somebody(words[j - 1], wordnet) else None
        if words[j] in _VERB_PREPOSITIONS:
            return None
    return None


def opens_noun_phrase(words, i, wordnet):
    """Say whether the word before words[i] is a determiner or an adjective, so that words[i] stands in a noun phrase."""
    if i == 0:
        return False
    before = words[i - 1].lower()
    return before in DETERMINERS or (before not in STOPWORDS and wordnet.knows(before, ("adj",))
                                     and not wordnet.knows(before, ("verb",)))


def as_noun_first(entries, wordnet=None):
    """Return entries with an adjective's first gloss English also has as a noun leading, where it stands as a noun.

    "einen Verdächtigen festgenommen": Ding has "verdächtig" (suspicious; suspect) and no noun;
    German makes a noun of any adjective, English of few, so the one that is an English noun
    too ("suspect") names the person. Where none is, the adjective's order stands.
    """
    if not entries or entries[0]["pos"] != "adjective" or any(e["pos"] == "noun" for e in entries):
        return entries
    wordnet = wordnet or synonyms.system()
    top = entries[0]
    noun = next((g for g in top["glosses"] if _plain_word(g) and wordnet.knows(_plain_word(g), ("noun",))), None)
    if noun is None or noun == top["glosses"][0]:
        return entries
    return [{**top, "glosses": [noun, *(g for g in top["glosses"] if g != noun)]}, *entries[1:]]


def _plain_word(gloss):
    """Return a gloss that is one bare English word ("suspect"), else ""."""
    word = gloss.strip().lower()
    return word if one_word_senses([gloss]) == [word] else ""
