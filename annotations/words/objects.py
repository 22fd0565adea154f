"""A verb's direct object in its clause, and whether it is a person or a thing.

"ruft 300.000 Fahrzeuge zurück" recalls things (etw. zurückrufen), "ruft den Kunden zurück"
calls a person back (jdn. zurückrufen): the object says which of Ding's lines is meant
(placeholders.py reads the lines). The object is a noun phrase of the clause that no
preposition governs and that is not its subject; of a passive ("… ist eingestellt worden")
it is the subject. Whether it names a person: the lexicographer file WordNet has the noun's
English under (noun.person), where Ding's first sense of the noun gives that English.
"""
from . import compounds, dictionary, grammar, lemmas, senses, synonyms
from .placeholders import PERSON, THING

_NOMINATIVE_OR_ACCUSATIVE = frozenset("""die das ein eine kein keine mein meine dein deine sein seine ihr ihre
    unser unsere euer eure diese dieses jene jenes jede jedes welche manche alle beide""".split())
_ACCUSATIVE = frozenset("den einen keinen meinen deinen seinen ihren unseren euren diesen jenen jeden".split())
_NOMINATIVE = frozenset("der dieser jener jeder".split())  # "der" also dative, genitive: never accusative
_DATIVE_OR_GENITIVE = frozenset("""dem des einem eines keinem keines meinem meines deinem deines seinem seines
    ihrem ihres unserem unseres eurem eures diesem dieses jenem jedem jedes
    einer keiner meiner deiner seiner ihrer unserer eurer""".split()) - _NOMINATIVE_OR_ACCUSATIVE
_DETERMINERS = _NOMINATIVE_OR_ACCUSATIVE | _ACCUSATIVE | _NOMINATIVE | _DATIVE_OR_GENITIVE
# Words that govern the noun phrase after them: it is no subject or direct object ("als Polizist").
_GOVERNING = senses.PREPOSITIONS | frozenset("""wegen trotz während seit bis ohne dank laut statt anstatt mithilfe
    innerhalb außerhalb neben hinter ab samt außer gegenüber per pro je als wie""".split())
_SUBJECT_PRONOUNS = frozenset("ich du er wir ihr man".split())
_AMBIGUOUS_PRONOUNS = frozenset("sie es".split())  # nominative or accusative
_CONJUNCTIONS = frozenset("""dass weil ob wenn als da damit nachdem obwohl bevor während sobald seit seitdem
    falls indem sodass und oder aber denn""".split())
_COORDINATORS = frozenset("und oder sowie".split())
# Words between a preposition and its noun phrase ("nach nur vier Monaten").
_FOCUS = frozenset("nur fast rund knapp etwa ungefähr gut mehr weniger".split())
# WordNet's lexicographer files: noun.person; noun.Tops ("person" itself), noun.group (a
# herd, a government) and noun.location (a country) are neither clearly a person nor clearly
# a thing to Ding's "jdn." and "etw.". Nor is an animal: Ding's "jdn." lines take animals too
# ("jdn. an etw. hindern" for "hat die Bienen am Ausfliegen gehindert").
_PERSON_FILE = 18
_ANIMAL_FILE = 5
_NEITHER_FILES = frozenset({3, 14, 15})
ANIMAL = "animal"
# Ding's senses of the object noun asked (its lines, best first): a noun with one sense for a
# person and one for a thing ("Blindgänger": a dud bomb, a dud) is neither.
_SENSES = 3


def _modifier(word):
    """Say whether a word may stand between a noun and its determiner ("neue", "300", "zwölf")."""
    low = word.lower()
    if low in _DETERMINERS or low in _GOVERNING:
        return False  # "einen" is an article here, not the number
    return word[:1].isdigit() or grammar.number_follows(word) or (
        word[:1].islower() and low.endswith(("e", "en", "em", "er", "es")))


def _phrases(words, verb):
    """Return the clause's noun phrases as (noun index, determiner, governed), in order."""
    found = []
    for k, word in enumerate(words):
        low = word.lower()
        if k == verb or not word[:1].isupper() or low in _DETERMINERS or low in _GOVERNING \
                or low in compounds.CONTRACTIONS or low in _SUBJECT_PRONOUNS | _AMBIGUOUS_PRONOUNS \
                or grammar.number_follows(word):
            continue
        if k == 0 and not (lemmas.lemma(word, timeout=0) or "")[:1].isupper():
            continue  # "Immer mehr Bäckereien …": capitalised as the sentence's first word only
        if found and found[-1][0] == k - 1:
            found[-1] = (k, *found[-1][1:])  # "Finanzminister Jörg Kukies", "Pariser Modewoche": one phrase
            continue
        j = k
        while j > 0 and _modifier(words[j - 1]):
            j -= 1
        determiner = words[j - 1].lower() if j > 0 and words[j - 1].lower() in _DETERMINERS else ""
        start = j - 1 if determiner else j
        while start > 1 and words[start - 1].lower() in _FOCUS:
            start -= 1
        before = words[start - 1].lower() if start > 0 else ""
        if before in _COORDINATORS and found and found[-1][0] == start - 2:
            governed = found[-1][2]  # "von Spritzen und Schmerzen": both after "von"
        else:
            governed = before in _GOVERNING or bool(compounds.contraction(before))
        found.append((k, determiner, governed))
    return found


def object_nouns(words, verb, passive=False):
    """Return the nouns of a clause's words that may be the direct object of the verb at index verb.

    In a passive the subject is that object. Elsewhere the subject is the first noun phrase
    that may be nominative, unless a subject pronoun comes first; an infinitive with "zu" has none.
    """
    phrases = [p for p in _phrases(words, verb) if not p[2] and p[1] not in _DATIVE_OR_GENITIVE]
    if passive:
        return [words[k] for k, _, _ in phrases[:1]]
    candidates = [p for p in phrases if p[1] not in _NOMINATIVE]
    if not _infinitive_clause(words, verb):
        first_pronoun = next((n for n, w in enumerate(words) if _subject_pronoun(words, n)), len(words))
        subject = next((p for p in phrases if p[1] not in _ACCUSATIVE), None)
        if subject and subject[0] < first_pronoun:
            candidates = [p for p in candidates if p is not subject]
    return [words[k] for k, _, _ in candidates]


def _subject_pronoun(words, n):
    """Say whether words[n] is a pronoun subject ("er", or "sie" opening the clause or after a conjunction)."""
    low = words[n].lower()
    if low in _SUBJECT_PRONOUNS:
        return True
    if low in _AMBIGUOUS_PRONOUNS or low in ("der", "die", "das", "welche", "welcher"):
        # "die" alone, not a noun's article: a relative pronoun ("Vereine, die die Feuer ausrichten").
        alone = low in _AMBIGUOUS_PRONOUNS or n + 1 >= len(words) or not (
            words[n + 1][:1].isupper() or _modifier(words[n + 1]))
        return alone and (n == 0 or words[n - 1].lower() in _CONJUNCTIONS)
    return False


def _infinitive_clause(words, verb):
    """Say whether the verb is an infinitive with "zu" ("zu sperren", "abzureißen"), which has no subject."""
    word = words[verb].lower()
    if verb > 0 and words[verb - 1].lower() == "zu":
        return True
    return any(word.startswith(p + "zu") and len(word) > len(p) + 4 for p in dictionary.PARTICLES)


def kind_of(db, noun, wordnet=None):
    """Return "person" or "thing" for a noun by Ding's first English for it and WordNet's class; None if unsure."""
    wordnet = wordnet or synonyms.system()
    keys = [noun, lemmas.lemma(noun, timeout=0)]
    votes = [_kind_of_english(senses.gloss_core(e["glosses"][0]), wordnet)
             for e in dictionary.lookup(db, keys, limit=_SENSES, want=senses.Want(noun=True))
             if e["pos"] == "noun" and e["glosses"]]
    people, things = votes.count(PERSON), votes.count(THING)
    if ANIMAL in votes:
        return None
    return PERSON if people > things else THING if things > people else None


def _kind_of_english(core, wordnet):
    """Return "person" or "thing" for an English noun phrase ("driver of a vehicle": a driver), or None."""
    head = core.split(" of ")[0].split()
    found = wordnet.lexicographer_file(" ".join(head)) if head else None
    if found is None and len(head) > 1:
        found = wordnet.lexicographer_file(head[-1])
    if found is None or found in _NEITHER_FILES:
        return None
    return {_PERSON_FILE: PERSON, _ANIMAL_FILE: ANIMAL}.get(found, THING)


def object_kind(db, words, verb, passive=False):
    """Return "person" or "thing" where the verb's object nouns in the clause are all one of these, else None."""
    kinds = {kind_of(db, noun) for noun in object_nouns(words, verb, passive)}
    return next(iter(kinds)) if len(kinds) == 1 else None
