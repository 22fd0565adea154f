"""Break near ties between a word's senses by what its paragraph is about.

Two signals, each only among senses the ranking (senses.score) holds nearly equal:

- Ding's compounds (by_compounds). German names a kind of thing by setting what it belongs to
  in front ("Passagiermaschine", "Hafenumschlag"), and Ding gives such compounds their
  English: "passenger plane", "harbour transshipment". Where another noun of the paragraph
  makes such a compound with the clicked noun, its English names the sense the paragraph
  speaks of: "Maschinen" beside "Passagiere" are planes, not machines. Only the compound with
  the noun last: its head carries the noun's own sense ("Ausgabejahr" is a year).
- The senses' definitions (by_definitions, a simplified Lesk). A sense's English, with
  WordNet's definitions of it and the names of what it is a kind of, shares telling words
  with the English Ding gives the paragraph's other words where the paragraph speaks of it:
  "Gussform" beside "Gießen" (casting, to mould) is a cast, not a die. Such overlaps are
  often chance, so a sense needs two more of the paragraph's words behind it than the first.
"""
import functools
import re

from ..common import word_tokens
from . import lemmas, synonyms
from .dictionary import cached, english_by_key, normalize, split_glosses
from .senses import STOPWORDS, gloss_core, stem

# Senses scored this close to the first (senses.score's units) may be put before it.
MARGIN = 2.0
# How far down the ranking a sense may come from.
POOL = 8
# A compound says what the paragraph is about only if German uses it (Zipf: once in 10 million
# words): Ding also lists rare and figurative ones, "Erfolgsleiter" (ladder of success) beside
# "Erfolg" is no ladder in a museum's director; "Passagiermaschine" (2.3) is common enough.
COMMON_COMPOUND = 2.0
# How many of the paragraph's words are asked (one indexed query holds them all).
MAX_WORDS = 150
# The linking letters a German compound puts after its front noun ("Passagier|maschine",
# "Verwaltungs|aufwand", "Straßen|bahn", "Kranken|haus"), and a front that drops its -e ("Schul|hof").
_LINKS = ("", "s", "n", "en", "es")

# How many more of the paragraph's words a sense's definitions must share words with than the first's.
LESK_GAIN = 2
# Words commoner than this (Zipf: once in 30,000 words) are in every definition: "work", "area".
TELLING_ZIPF = 4.5
# WordNet's commonest senses of a gloss, a sense's first glosses, and Ding's first lines and
# glosses of a paragraph word, that count: further ones are rarer senses, and noise.
WORDNET_SENSES = 3
SENSE_GLOSSES = 3
WORD_LINES = 4
WORD_GLOSSES = 2
_ENGLISH_WORD = re.compile(r"[a-z][a-z-]+")
# WordNet's examples ("he sent a three-word message") are no part of what a sense is.
_EXAMPLE = re.compile(r';?\s*"[^"]*"')
_WORDNET_POS = {"noun": ("noun",), "verb": ("verb",), "adjective": ("adj",), "adverb": ("adv",)}
# Definitions' own words for a kind of anything.
_FILLER = frozenset("""that which who whom whose what when where this these those used use using usually
    especially something someone somebody person thing things other such some any make made
    having has one two part being become kind""".split())


def compound_keys(front, head):
    """Return the keys a compound of front and head may be filed under ("Passagier", "Maschine": "passagiermaschine")."""
    front, head = front.lower(), head.lower()
    fronts = {front + link for link in _LINKS} | ({front[:-1]} if front.endswith("e") else set())
    return {f + head for f in fronts if f}


def by_compounds(db, entries, fronts, written):
    """Return entries with a near-tied noun sense first where a compound with another noun of the paragraph names it.

    fronts: {the paragraph's nouns as written: their lemmas} (see noun_fronts); written: the clicked noun.
    """
    # Only nouns: a compound's English names a thing, never "to ask sb." for "Frage".
    close = [e for e in _close(entries) if e["pos"] == "noun"]
    if not close or entries[0]["pos"] != "noun":
        return entries
    heads = {normalize(e["headword"]) for e in (entries[0], *close) if " " not in e["headword"]}
    heads.add(normalize(lemmas.lemma(written, timeout=0) or written))
    keys = {}
    for noun, front in fronts.items():
        if noun.lower() == written.lower():
            continue
        for head in heads:
            for key in compound_keys(front, head):
                keys.setdefault(key, noun)
    english = {}
    for key, sides in english_by_key(db, keys).items():
        if lemmas.german_zipf(key) >= COMMON_COMPOUND:
            english.setdefault(keys[key], []).extend(side.lower() for side in sides)
    if not english:
        return entries

    def support(entry):
        # How many of the paragraph's nouns make a compound whose English holds one of the sense's words.
        cores = [re.compile(r"\b" + re.escape(c) + r"\b") for c in map(gloss_core, entry["glosses"][:3]) if c]
        return sum(1 for sides in english.values() if any(c.search(s) for s in sides for c in cores))

    return _promote(entries, close, support, 1)


def noun_fronts(paragraph, function_words):
    """Return {a paragraph's nouns as written: their lemmas}: capitalised words not first in their sentence."""
    # A sentence's first word is capitalised whatever it is: "Auf der Versammlung …" would
    # make "Aufruf" a compound of the paragraph's, and "Ruf" a telephone call.
    fronts = {}
    for at, _, word in word_tokens(paragraph):
        if (word[:1].isupper() and len(word) > 2 and word.lower() not in function_words
                and not _sentence_start(paragraph, at) and word not in fronts and len(fronts) < MAX_WORDS):
            fronts[word] = lemmas.lemma(word, timeout=0) or word
    return fronts


def _sentence_start(text, at):
    """Say whether the word at text[at] begins a sentence."""
    before = text[:at].rstrip(" \t\n„“\"'‚‘»«([")
    return not before or before[-1] in ".!?:"


def by_definitions(db, entries, paragraph, words, written, wordnet=None):
    """Return entries with a near-tied sense first whose definitions share telling words with more of the paragraph's.

    words: the paragraph's content words; written: the clicked word (its own English is no evidence).
    """
    close = _close(entries)
    wordnet = wordnet or synonyms.system()
    if not close or not wordnet.available:
        return entries
    # Kept per paragraph: a reader clicks one word of it after another (signatures per sense).
    found = cached(db, ("paragraph english", paragraph), lambda: _paragraph_english(db, words))
    found = [stems for word, stems in found.items() if word.lower() != written.lower()]

    def support(entry):
        mine = signature(entry, wordnet)
        return sum(1 for stems in found if stems & mine)

    return _promote(entries, close, support, LESK_GAIN)


def signature(entry, wordnet):
    """Return the telling stems of a sense's English, of WordNet's definitions of it and of what it is a kind of."""
    return _signature(tuple(entry["glosses"][:SENSE_GLOSSES]), entry["pos"], wordnet, lemmas.ready())


@functools.lru_cache(maxsize=20_000)
def _signature(glosses, pos, wordnet, _frequencies_ready):
    out = set()
    for g in glosses:
        core = gloss_core(g)
        out |= telling(core)
        for part in _WORDNET_POS.get(pos, ("noun", "verb", "adj")):
            for _lexfile, synset, definition, above in wordnet.senses_of(core, part, WORDNET_SENSES):
                out |= telling(" ".join([*synset, _EXAMPLE.sub("", definition), *above]))
    return frozenset(out)


def telling(text):
    """Return the stems of text's words that can tell a topic: no function words, none very common."""
    return _telling(text.lower(), lemmas.ready())


@functools.lru_cache(maxsize=50_000)
def _telling(text, _frequencies_ready):
    # Kept apart by whether word frequencies had loaded: before, every word looks rare.
    return frozenset(stem(w) for w in _ENGLISH_WORD.findall(text)
                     if w not in STOPWORDS and w not in _FILLER and len(w) > 2 and lemmas.zipf(w) <= TELLING_ZIPF)


def _paragraph_english(db, words):
    """Return {word: the telling stems of the English of its own first lines in Ding} for a paragraph's words."""
    keys = {}
    for w in list(dict.fromkeys(words))[:MAX_WORDS]:
        for k in (w, lemmas.lemma(w, timeout=0)):
            if k and normalize(k):
                keys.setdefault(normalize(k), w)
    found = {}
    for key, sides in english_by_key(db, keys, own=True, most=WORD_LINES).items():
        cores = [gloss_core(g) for english in sides for g in split_glosses(english)[:WORD_GLOSSES]]
        found.setdefault(keys[key], set()).update(st for c in cores for st in telling(c))
    return found


def _close(entries):
    """Return the senses ranked within MARGIN of the first (none where the ranking gave no scores)."""
    if len(entries) < 2 or entries[0].get("score") is None:
        return []
    top = entries[0]["score"]
    return [e for e in entries[1:POOL] if e["glosses"] and e.get("score") is not None and e["score"] - top <= MARGIN]


def _promote(entries, close, support, gain):
    """Return entries with the close sense of most support first, where it has gain more than the first."""
    best = max(close, key=support)
    if support(best) - support(entries[0]) < gain:
        return entries
    return [best, *(e for e in entries if e is not best)]
