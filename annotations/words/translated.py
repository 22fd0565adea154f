"""Find the meaning a cached English translation uses among a word's dictionary senses.

A translation of the sentence says which sense is meant: the gloss it has as written or
inflected ("sent" for "to send"), else one it names by an English synonym ("uses" for "to
utilize"), else the one sharing its words; a split compound's parts rendered together
("fighter jets" for "Kampf|jets").
"""
import functools
import re
import unicodedata

from . import english_roles, lemmas, synonyms
from .senses import IRREGULAR, STOPWORDS, best_gloss, content_stems, gloss_core, marked_register, object_pieces, stem, telling_synonyms

# English verbs that link a state to its subject: "to feel relieved" means "relieved".
_ENGLISH_COPULAS = frozenset("be feel become get seem".split())
# A word of a translation, hyphenated ones whole ("large-scale"); then its parts ("three", "day").
_WORD = r"[\w’'-]+"
_WORD_PART = r"[\w’']+"
# The most words an object standing between a verb and its particle takes ("advises people in love against").
_MAX_OBJECT = 4
# The adverbial particles of English phrasal verbs ("seal off", "give up", "left behind"):
# function words, yet the meaning.
ENGLISH_PARTICLES = frozenset("up off out down away back behind".split())
# Particles that are prepositions too: "worked in Berlin" is "to work", so one of these is a
# particle only where its clause ends or "to" follows ("passing … bills on to their customers").
_PREPOSITION_PARTICLES = frozenset("in on over through along around".split())
# Both kinds: a phrasal verb's gloss names its sense only where the translation has its particle
# ("to give in" is not "giving up", nor "to take over" "taking in"), whichever kind it is
# (_other_particle). _particle_sense tells them apart, this asks only whether one is there.
_ALL_PARTICLES = ENGLISH_PARTICLES | _PREPOSITION_PARTICLES
# What ends a clause after a word of a translation.
_CLAUSE_END = re.compile(r"\s*(?:[,.;:!?]|$)")
# What English puts between the two parts of a compound it renders in their own words: "cases of
# abuse" (Missbrauchs|fälle), "start of the season" (Saison|auftakt), "break the fast" (Fasten|brechen).
_JOINS = frozenset({"of", "of the", "the"})
# What may stand between the words of one English name: a space, or the hyphen of "three-day".
_GAP = re.compile(r"\s+|-")


# A possessive ending a word, with a plain or a typographic apostrophe: "city's", "Mother’s".
_POSSESSIVE = re.compile(r"['’]s$")


def bare_word(word):
    """Return a translation's word in lower case without a possessive ("city's": "city")."""
    return _POSSESSIVE.sub("", word.lower())


def english_forms(word):
    """Return English forms of word a translation may use (sanctions, supplied, supplying)."""
    forms = {word, word + "s", word + "es", word + "ed", word + "d", word + "ing"}
    if word.endswith("e"):
        forms.add(word[:-1] + "ing")
    if word.endswith("y") and len(word) > 2:
        forms.update({word[:-1] + "ied", word[:-1] + "ies"})
    if re.search(r"[^aeiou][aeiou][bdgmnprt]$", word):
        forms.update({word + word[-1] + "ed", word + word[-1] + "ing"})
    forms.update(IRREGULAR.get(word, "").split())
    forms.update(_adverb_forms(word))
    return forms


def _degrees(word):
    """Return the comparative and superlative of an English adjective ("lower", "lowest", "bigger")."""
    if word.endswith("e"):
        return {word + "r", word + "st"}
    if word.endswith("y") and len(word) > 2:
        return {word[:-1] + "ier", word[:-1] + "iest"}
    if re.search(r"[^aeiou][aeiou][bdgmnpt]$", word):
        return {word + word[-1] + "er", word + word[-1] + "est"}
    return {word + "er", word + "est"}


def _adverb_forms(word):
    """Return the adverb of an adjective and the adjective of an adverb (secret, secretly).

    A translation says "considerably" where the dictionary has "considerable": the same sense
    in the part of speech English wants there. Short words are left alone ("ear" is not "early").
    """
    if word.endswith("ly"):
        base = word[:-3] + "le" if word.endswith("bly") else word[:-3] + "y" if word.endswith("ily") else word[:-2]
        return {base} if len(base) >= 5 else set()
    if len(word) < 5:
        return set()
    if word.endswith("le"):
        return {word[:-1] + "y"}
    if word.endswith("y"):
        return {word[:-1] + "ily"}
    if word.endswith("ic"):
        return {word + "ally"}
    return {word + "ly"}


def _occurrence(gloss, translation_words, adjective=False, pos=None):
    """Return (2 as written / 1 inflected / 0, how many of the translation's words it covers, where).

    adjective: the gloss is an adjective's, so its comparative and superlative are its forms
    too ("low" where the translation says "lowest" for "tiefsten"). where: the index of the
    translation's word it starts at (None where it does not occur). pos: the gloss's part of
    speech; a one-word gloss standing as another there is not it ("a firm will watch over"
    has no noun "watch").
    """
    # Without a possessive, as the translation's words are (bare_word): Ding's "Mother’s Day" is "Mother's Day".
    words = [bare_word(w) for w in re.findall(_WORD, gloss_core(gloss))]
    if not words or not translation_words:
        return 0, 0, None
    n, text = len(words), translation_words
    at = next((i for i in range(len(text) - n + 1) if text[i:i + n] == words
               and not (n == 1 and english_roles.other_part(pos, text, i))), None)
    if at is not None:
        return 2, n, at
    if n == 1:
        forms = english_forms(words[0]) | (_degrees(words[0]) if adjective else set())
        at = next((i for i, w in enumerate(text) if w in forms and not english_roles.other_part(pos, text, i)), None)
        return int(at is not None), 1, at
    if n == 2 and words[0] in _ENGLISH_COPULAS and words[1] not in STOPWORDS and len(words[1]) > 3:
        # "to feel relieved" where the translation says "were relieved": the state is the sense.
        how, _, at = _occurrence(words[1], text)
        return min(1, how), 1, at
    # A phrase: its first word inflected ("took part"), the rest as written.
    firsts = english_forms(" ".join(words)) | {f + " " + " ".join(words[1:]) for f in english_forms(words[0])}
    at = next((i for i in range(len(text) - n + 1) if " ".join(text[i:i + n]) in firsts), None)
    if at is None:
        at = _around_object(object_pieces(gloss), text)
    return int(at is not None), n, at


def _around_object(pieces, text):
    """Return where a translation has a gloss's words around its object ("advises people in love against"), or None.

    pieces: the gloss's words between its objects ("to advise sb. against sth.": advise, against).
    English puts the object of a verb with a preposition or particle between the two.
    """
    if len(pieces) < 2:
        return None
    pieces = [p.split() for p in pieces]
    for i in range(len(text)):
        end = _piece_at(pieces[0], text, i)
        for piece in pieces[1:]:
            if end is None:
                break
            end = next((e for j in range(end + 1, end + 1 + _MAX_OBJECT)
                        if (e := _piece_at(piece, text, j)) is not None), None)
        if end is not None:
            return i
    return None


def _piece_at(piece, text, i):
    """Return where piece ends if text has it at i, its first word in any form ("minds off"), else None."""
    n = len(piece)
    if text[i:i + 1] and text[i] in english_forms(piece[0]) and text[i + 1:i + n] == piece[1:]:
        return i + n
    return None


def _english(gloss):
    """Return a gloss without the pronouns of Ding's conjugation rows ("he/she falls": "falls")."""
    return re.sub(r"^\s*(?:I/)?(?:he/she|you|we|they)(?:/it)?\s+(?:has/had\s+|have/had\s+|would\s+)?", "", gloss)


def _far(where, words, at):
    """Return how far (in thirds of the sentence) a match stands from the German word's place.

    A translation keeps roughly the order of its sentence: where two senses each find a word
    ("fällt" … "sinken": "snow will fall …, temperatures will drop"), the one standing where
    the German word stands is its rendering. at: the word's place in its sentence, 0 to 1.
    """
    if at is None or where is None or not words:
        return 0
    return round(abs(where / len(words) - at) * 3)


def mark_in_translation(entries, translation, at=None, wordnet=None, claimed=None):
    """Flag glosses that occur in the English translation; return the best such gloss or ''.

    The entries keep their order, except that those whose meaning the translation uses lead.
    A gloss the translation has as written wins over an inflected one, unless the sentence
    rules its entry out (entry["misfit"], set by the lookup); failing both, a gloss whose
    content words all occur in it, in any form, then one it renders by a synonym. at: the
    word's place in the sentence the translation renders (0 at its start, 1 at its end), to
    tell apart matches of two senses. wordnet: a synonyms.WordNet (the system's by default).
    claimed: a function of the translation's words returning the stems of those another word
    of the sentence renders; a sense found only in those comes after the others found.
    """
    # "the city administration's computers": the possessive is no part of the word.
    lower = (translation or "").lower()
    matches = list(re.finditer(_WORD, lower))
    words = [bare_word(m.group()) for m in matches]
    # Asked once, and only where a sense the sentence rules out or two senses are found: it looks up every word.
    taken = functools.cache(lambda: claimed(words) if claimed else set())
    # (ruled out by the sentence, words of the translation covered, 2 as written / 1 inflected,
    # place, gloss): "tax return" is the translation's word for "Steuererklärung", and "return"
    # only a part of it, however the two are ranked.
    found = _without_others(entries, _as_written(entries, words, at), taken)
    if translation and not found:
        # "the sold-out arena": English joins a compound with a hyphen where the dictionary
        # writes a space ("sold out"), and the other way round.
        found = _without_others(entries, _as_written(entries, [p for w in words for p in w.split("-") if p], at,
                                                     hyphens=False), taken)
    # A noun's gloss names nothing by the translation's verb of that spelling ("will then watch").
    stems_as = functools.cache(lambda pos: {stem(w) for k, w in enumerate(words)
                                            if not english_roles.other_part(pos, words, k)})
    if found and all(misfit for misfit, *_ in found):
        # "für ein Einschreiben" / "for a registered letter": "to register" is there as written,
        # but the sentence wants the noun, and its "registered mail" shares the word.
        found = _allowed_first(entries, stems_as, max(-span for _, span, *_ in found)) or found
    own_words = {}
    if translation and not found:
        # Nothing as written or inflected: a gloss all of whose content words the translation
        # has in some form and order ("to reach for sth." where it says "reaches") is used there.
        for i, entry in enumerate(entries):
            for g in entry["glosses"]:
                mine = content_stems(_english(g))
                if mine and mine <= stems_as(entry["pos"]) and not _other_particle(g, words):
                    entry["in_context"].append(g)
                    # A noun's name only: a verb's words in another order are its object and tense.
                    if (len(mine) > 1 and entry["pos"] == "noun"
                            and (run := _words_in_a_row(mine, words, matches, translation))):
                        own_words.setdefault(g, run)
                    where = next((k for k, w in enumerate(words) if stem(w) in mine), None)
                    found.append((entry.get("misfit", False), 0, 0, _far(where, words, at), i, g))
        found = _without_others(entries, found, taken)
    if translation and not found and not _first_shares(entries, stems_as):
        found = _synonym_in(entries, words, at, wordnet or synonyms.system())
        if found and all(misfit for misfit, *_ in found):
            # A synonym names only a sense the sentence rules out: "Der Bau", "Work … progressed",
            # "progress" being a synonym of the verb "build", says nothing of the noun.
            for entry in entries:
                entry["in_context"] = [g for g in entry["in_context"] if all(g != f[-1] for f in found)]
            found = []
    if translation and not found:
        found = _partly_in(entries, stems_as)
    if claimed and len({g for misfit, *_, g in found if not misfit}) > 1:
        found = _claimed_last(found, taken())
    # "Die Ausleihe …", "Borrowing is done …": where only a verb the sentence rules out is found,
    # English names the noun by that verb's gerund.
    gerund = _gerund(entries, min(found)[-1], words) if found and min(found)[0] else ""
    best = gerund or (_english(min(found)[-1]) if found else "")
    # The sense's words the translation names one thing by in its own order and forms: "the
    # story of sb.'s life" is "life stories", "boats for hire" a "boat hire" firm.
    best = own_words.get(min(found)[-1], best) if found and not gerund else best
    ends = {i for i, m in enumerate(matches) if _CLAUSE_END.match(lower, m.end())}
    if best and best != gerund and (phrasal := _particle_sense(entries, best, words, ends)):
        entries[phrasal[0]]["in_context"].append(phrasal[1])
        best = _english(phrasal[1])
    entries.sort(key=lambda e: not e["in_context"])  # stable: otherwise the ranked order
    return best


def _words_in_a_row(stems, words, matches, translation):
    """Return the translation's content words that are stems, each once, side by side, as written there, or "".

    Not a run ending in a possessive: "the public prosecutor's office" names the office, and
    "public prosecutor" would be another thing. A capital only the sentence's start gave is lost.
    """
    lower = translation.lower()
    for k in range(len(words) - len(stems) + 1):
        row = range(k, k + len(stems))
        if ({stem(words[j]) for j in row} == stems and not any(words[j] in STOPWORDS for j in row)
                and all(_GAP.fullmatch(lower[matches[j].end():matches[j + 1].start()]) for j in row[:-1])):
            start, end = matches[k].start(), matches[row[-1]].end()
            run = translation[start:end]
            if _POSSESSIVE.search(run):
                return ""
            return run[:1].lower() + run[1:] if opening_capital(translation, start, run) else run
    return ""


def _particle_sense(entries, gloss, words, ends):
    """Return (entry index, gloss) of the sense with the particle a one-word verb gloss has after it in words, or None.

    "sealed off" where "to seal sth." is found: the particle makes a phrasal verb, another
    meaning than the plain one, and the sense carrying that particle ("to cordon off") is it;
    one with the same verb first. The particle follows the verb, or its object where "to" or
    the clause's end (ends: indexes of words a clause ends after) comes next ("passing higher
    bills on to their customers": "to pass on"). A particle that is a preposition too names
    only a sense of the same verb: "worked in Berlin" is no sign of "to be in work".
    """
    core = gloss_core(gloss).split()
    if len(core) != 1:
        return None
    forms = english_forms(core[0])

    def closing(j):
        return j in ends or words[j + 1:j + 2] in ([], ["to"])

    at = next((j for k, w in enumerate(words) if w in forms for j in range(k + 1, k + 2 + _MAX_OBJECT)
               if j < len(words) and ((words[j] in ENGLISH_PARTICLES and (j == k + 1 or closing(j)))
                                      or (words[j] in _PREPOSITION_PARTICLES and closing(j)))), None)
    if at is None:
        return None
    particle, carrying = words[at], []
    for i, entry in enumerate(entries):
        for g in [] if entry.get("misfit") or entry["pos"] != "verb" else entry["glosses"]:
            mine = gloss_core(_english(g)).split()
            if len(mine) >= 2 and mine[1] == particle and (particle in ENGLISH_PARTICLES or mine[0] == core[0]):
                carrying.append((mine[0] != core[0], i, g))
    return min(carrying)[1:] if carrying else None


def _gerund(entries, gloss, words):
    """Return the translation's gerund of a one-word verb gloss ("borrowing" for "to borrow sth."), or ""."""
    core = gloss_core(_english(gloss)).split()
    if len(core) != 1 or not any(e["pos"] == "verb" and gloss in e["glosses"] for e in entries):
        return ""
    return next((w for w in words if w.endswith("ing") and w in english_forms(core[0])), "")


def _other_particle(gloss, words):
    """Say whether a phrasal verb's gloss has a particle the translation lacks ("to give in" where it says "giving up").

    The particle makes the meaning: "give in" and "give up" share their verb, not their sense.
    """
    core = gloss_core(_english(gloss)).split()
    return len(core) >= 2 and core[1] in _ALL_PARTICLES and core[1] not in words


def _taken(gloss, taken):
    """Say whether all a gloss's content words are in taken (stems of words another word renders)."""
    mine = content_stems(_english(gloss))
    return bool(mine) and mine <= taken


def _without_others(entries, found, taken):
    """Return found without the senses the sentence rules out that only another word's English has, unmarked.

    "mit saftigen Strafen ahnden", "… punish … with hefty fines": the verb sense of "Strafen"
    is ruled out, and "punish" renders "ahnden"; it says nothing of the noun.
    """
    if not found or not all(misfit for misfit, *_ in found):
        return found  # an allowed sense found comes first anyway
    out = [f for f in found if not (f[0] and _taken(f[-1], taken()))]
    for entry in entries:
        entry["in_context"] = [g for g in entry["in_context"] if any(f[-1] == g for f in out)]
    return out


def _claimed_last(found, taken):
    """Return found with each gloss keyed behind the others where its words are all in taken (stems).

    "Die Teilnehmer formen … Schalen und Becher": the translation's "mugs" is Becher's, so of
    the two senses of "Schalen" it has ("bowls", "mugs"), "bowls" is the one it uses.
    """
    keyed = [(misfit, _taken(rest[-1], taken), *rest) for misfit, *rest in found]
    # Where every sense found is another word's, none is set behind.
    return keyed if not all(k[1] for k in keyed if not k[0]) else [(k[0], False, *k[2:]) for k in keyed]


def _as_written(entries, words, at, hyphens=True):
    """Mark the glosses occurring in a translation's words (as written or inflected); return [(…, gloss)].

    hyphens: a gloss's hyphenated word is one word ("large-scale"); else its parts.
    """
    found = []
    for i, entry in enumerate(entries):
        adjective = entry["pos"] in ("adjective", "adverb")
        hits = [(*_occurrence(_english(g) if hyphens else _english(g).replace("-", " "), words, adjective, entry["pos"]), g)
                for g in entry["glosses"]]
        entry["in_context"] = [g for how, _, _, g in hits if how]
        found.extend((entry.get("misfit", False), -span, -how, _far(where, words, at), i, g)
                     for how, span, where, g in hits if how)
    return found


def _shared(gloss, stems):
    """Return the content words (3 letters or more) a gloss shares with a translation's stems."""
    return {st for st in content_stems(gloss) & stems if len(st) >= 3}


def _first_shares(entries, stems_as):
    """Say whether the first of the senses the sentence allows shares a word with the translation.

    "tax on land and buildings" for "property tax": it is already the one meant, in other words.
    stems_as: a function of a part of speech returning the stems of the translation's words that may be one.
    """
    first = next((e for e in entries if not e.get("misfit")), None)
    return bool(first and first["glosses"] and _shared(best_gloss(first), stems_as(first["pos"])))


def _allowed_first(entries, stems_as, least):
    """Return [(…, gloss)] for the first sense the sentence allows, marked, where it shares least words with the translation.

    Where only senses the sentence rules out are found, each covering at most least words, the
    allowed sense sharing as many is the one meant: "für ein Einschreiben" (a noun), "for a
    registered letter": "registered mail", not the verb "to register". "seinen Hochzeitstag",
    "their wedding anniversary": "sb.'s wedding anniversary" covers more than "wedding day" shares.
    """
    i, first = next(((i, e) for i, e in enumerate(entries) if not e.get("misfit")), (None, None))
    gloss = best_gloss(first) if first and first["glosses"] else ""
    if not gloss or len(_shared(gloss, stems_as(first["pos"]))) < least:
        return []
    first["in_context"].append(gloss)
    return [(False, 0, 0, 0, i, gloss)]


def _synonym_in(entries, words, at, wordnet):
    """Mark the glosses a translation renders by an English synonym; return [(…, gloss)].

    "uses" for "to utilize", "former" for "erstwhile", "excessive" for "extravagant": the
    translation names the dictionary's sense in another word of the same WordNet synset.
    """
    found = []
    if not lemmas.ready():
        return found  # without frequencies, "just" or "free" would count as synonyms
    for i, entry in enumerate(entries):
        adjective = entry["pos"] in ("adjective", "adverb")
        for j, g in enumerate(entry["glosses"]):
            # WordNet puts a colloquial or figurative word in one synset with the plain one
            # ("con" with "inmate"): the plain word of a translation does not name that sense.
            core = "" if marked_register(g) else gloss_core(_english(g))
            for synonym in sorted(_telling_in_translation(core, wordnet, entry["pos"])) if core else ():
                if synonym in STOPWORDS or len(synonym) < 3:
                    continue
                how, span, where = _occurrence(synonym, words, adjective, entry["pos"])
                if how:
                    if g not in entry["in_context"]:
                        entry["in_context"].append(g)
                    # Of one entry's glosses, Ding's order: "car manufacturer" before "auto maker".
                    found.append((entry.get("misfit", False), -span, -how, _far(where, words, at), i, j, g))
    return found


# The entries whose "-ing"/"-ed" glosses are participles: verbs, adjectives, and a verb's
# participle rows ("röhrend", "nachgemacht"), which the lookup gives no part of speech ("").
_PARTICIPLE_PARTS = frozenset({"verb", "adjective", ""})


def _telling_in_translation(core, wordnet, pos=None):
    """Return the WordNet synonyms of a gloss's core that name its sense where a translation has them.

    Beside the rarer words (telling_synonyms), a phrasal verb: "give up" is common, but a
    translation's "giving up" names the sense of "to surrender" it shares a synset with, as
    "giving" alone would not. pos: the part of speech of the gloss's entry; only a verb's or an
    adjective's gloss is a participle ("howling"): a noun's is a thing ("building", "seed", "bed").
    """
    # Only the gloss's commonest sense: a phrasal verb is common and belongs to many synsets,
    # and "take off" (depart) or "set off" (trigger) beside a rarer sense names the wrong one.
    phrasal = {w for w in wordnet.synonyms(core, senses=1, pos="verb")
               if len(w.split()) == 2 and w.split()[1] in ENGLISH_PARTICLES}
    # A participle's verb: "roaring" names the sense of Ding's "howling", "roar" being a synonym of "howl".
    participle = pos in _PARTICIPLE_PARTS and core.endswith(("ing", "ed")) and " " not in core
    verb = wordnet.verb_base(core) if participle else None
    of_verb = telling_synonyms(verb, wordnet, "verb") if verb else frozenset()
    return telling_synonyms(core, wordnet) | phrasal | of_verb


def _partly_in(entries, stems_as):
    """Return [(…, gloss)] for the gloss sharing most content words with a translation, marked.

    "network operator" where the translation says "grid operator", "cargo handling" where it
    says "container handling": English renders one word of the compound another way, the
    other is the dictionary's, and that sense is meant. Short words say too little.
    """
    if _first_shares(entries, stems_as):
        return []
    best = None
    for i, entry in enumerate(entries):
        # A word shared with a sense the sentence rules out says nothing: "traffic" of the
        # noun "air traffic controllers" where "lotst" (a verb) is "guide … through the traffic".
        for g in [] if entry.get("misfit") else entry["glosses"]:
            mine, common = content_stems(g), _shared(g, stems_as(entry["pos"]))
            key = (entry.get("misfit", False), -len(common), len(mine) - len(common), i)
            if common and (best is None or key < best[0]):
                best = key, entry, g
    if best is None:
        return []
    best[1]["in_context"].append(best[2])
    return [(*best[0], best[2])]


def _part_matches(word, renderings):
    """Say whether a translation's word renders a part, given the content words of its glosses."""
    low, st = word.lower(), stem(word)
    # "fighter" is made from "fight", as the German part "Kampf" is from the verb "kämpfen".
    return any(low in english_forms(r) or r in english_forms(low) or st == stem(r) or (len(r) >= 4 and low.startswith(r))
               for r in renderings)


def compound_in_translation(parts, translation, wordnet=None):
    """Return the words of a translation that render a split compound as a whole, or "".

    parts: for each part, the glosses of its entries. "Kampf|jets" (fight + jet aircraft) is
    "fighter jets" in "… receive new fighter jets …", "Elefanten|baby" is "baby elephant":
    adjacent words, in any order, each rendering one part, or two parts' words joined by "of",
    "of the" or "the" ("cases of abuse", "start of the season", "break the fast").
    A hyphenated word is one word ("large-scale" for "groß") or, failing that, its parts
    ("three-day" for "drei|tägig"). wordnet: a synonyms.WordNet (the system's by default).
    """
    renderings = [{w for g in glosses for w in re.findall(r"[a-z][a-z’'-]*", gloss_core(g)) if w not in STOPWORDS}
                  for glosses in parts]
    if len(parts) < 2 or not all(renderings):
        return ""
    n = len(parts)
    for word in (_WORD, _WORD_PART):
        spans, tokens = _tokens(translation, word)
        for size in (n, n + 1, n + 2):
            for i in range(len(tokens) - size + 1):
                window = tokens[i:i + size]
                if size > n and (n != 2 or " ".join(window[1:-1]).lower() not in _JOINS):
                    continue
                words = [window[0], window[-1]] if size > n else window
                if _covers(words, renderings):
                    first, last = i, i + size - 1
                    if size > n and not (_part_matches(words[0], renderings[0]) and _part_matches(words[1], renderings[1])):
                        # "meeting of the city council" (Stadtrats|sitzung): English puts the head
                        # first, so the front's name runs on from the join's last word.
                        first, last = (_whole_front(parts[-1], tokens, first),
                                       _run_on(renderings[0], tokens, spans, translation, _whole_name(parts[0], tokens, last)))
                    else:
                        first, last = _whole_front(parts[0], tokens, first), _whole_name(parts[-1], tokens, last)
                    if found := _phrase(translation, spans, first, last):
                        return _own_case(found, spans[first][0], translation, parts)
    return (_modifier_and_head(renderings, translation, parts[0], wordnet)
            or _own_modifier(renderings, translation, parts[-1], wordnet))


def _run_on(renderings, tokens, spans, translation, last):
    """Return where a part's English name ends, from tokens[last] on over the words rendering it too.

    Ding has "DIY superstore" for "Baumarkt"; "visiting the DIY store" names it in two words,
    each one the part's, though not a gloss as a whole.
    """
    while (last + 1 < len(tokens) and _GAP.fullmatch(translation[spans[last][1]:spans[last + 1][0]])
           and tokens[last + 1].lower() not in STOPWORDS and _part_matches(tokens[last + 1], renderings)):
        last += 1
    return last


def opening_capital(translation, start, words):
    """Say whether words, at start in translation, are capitalised only as its sentence's first: "Visiting", not "DIY"."""
    first = words.split()[0] if words.split() else ""
    return not translation[:start].strip(" \"'‘“„«»(") and first[:1].isupper() and not first.isupper()


def _own_case(found, start, translation, parts):
    """Return a translation's words for a compound without the capital of the sentence's start.

    "Visiting the DIY store" opens its sentence: the meaning is "visiting …". A word a gloss
    writes with its capital keeps it ("DIY", "German").
    """
    if not opening_capital(translation, start, found):
        return found
    first = found.split()[0]
    if any(re.search(rf"(?<!\w){re.escape(first)}(?!\w)", g) for glosses in parts for g in glosses):
        return found
    return found[:1].lower() + found[1:]


def _whole_name(glosses, tokens, last):
    """Return where the head part's English name ends, from its first word at tokens[last].

    "Tisch|tennisspielerin" (table + tennis player) is "table tennis player": where English
    names the head part in several words, the compound's rendering runs to the last of them.
    """
    for g in glosses:
        words = _name_words(g)
        n = len(words)
        if n > 1 and _plain(tokens[last:last + n]) in (words, words[:-1] + [w + "s" for w in words[-1:]]):
            return last + n - 1
    return last


def _whole_front(glosses, tokens, first):
    """Return where the front part's English name begins, from its last word at tokens[first].

    "Eis|macher" (ice cream + maker) is "ice cream maker", not "cream maker": where English
    names the front part in several words, the compound's rendering starts at the first of them.
    """
    for g in glosses:
        words = _name_words(g)
        n = len(words)
        if 1 < n <= first + 1 and _plain(tokens[first - n + 1:first + 1]) == words:
            return first - n + 1
    # English writes apart what a gloss writes as one word: "Minigolf|anlage" is a "mini golf course".
    if first and "".join(_plain(tokens[first - 1:first + 1])) in {"".join(_name_words(g)) for g in glosses}:
        return first - 1
    return first


def _name_words(gloss):
    """Return the words of a gloss's core as _plain gives them: Ding's "children’s book" is "children's book"."""
    return _plain([gloss_core(gloss)])


def _plain(words):
    """Return words in lower case with plain apostrophes, as a translation may write them."""
    return [w.lower().replace("’", "'") for w in " ".join(words).split()]


def _can_be_noun(word, wordnet):
    """Say whether an English word can be a noun ("retailer", not "against"); True where WordNet is not installed."""
    # WordNet writes loanwords without their accents: "café" is its "cafe".
    plain = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    return not wordnet.available or wordnet.knows(plain, ("noun",))


def _modifier_and_head(renderings, translation, front_glosses, wordnet=None):
    """Return the front parts' rendering and the word after it, where English names the head its own way.

    "Mode|händler" (fashion + trader) is "a fashion retailer": the modifier in the dictionary's
    words, then the head noun English uses, which the head part's glosses do not list. Only
    where no word of the translation renders the head part, and the word after can be a noun
    ("a chorus of car horns against app-based services" names no "horns against").
    """
    spans, tokens = _tokens(translation, _WORD)
    front, head = renderings[:-1], renderings[-1]
    wordnet = wordnet or synonyms.system()
    if any(_part_matches(t, head) for t in tokens):
        return ""
    n = len(front)
    for i in range(len(tokens) - n):
        nxt = tokens[i + n]
        if (_covers(tokens[i:i + n], front) and nxt.isalpha() and nxt.lower() not in STOPWORDS
                and not any(_part_matches(nxt, f) for f in front) and _can_be_noun(nxt, wordnet)
                and (found := _phrase(translation, spans, _whole_front(front_glosses, tokens, i), i + n))):
            return found
    return ""


def _own_modifier(renderings, translation, head_glosses, wordnet=None):
    """Return a noun before the head part's rendering (or hyphenated to it), where English names the front part its own way.

    "Stand|gebühren" (stand + fees) is "the pitch fees": the head in the dictionary's words, the
    modifier a noun English uses instead of the front part's. Only for two parts, where no
    word of the translation renders the front, and not an adjective ("the higher fees"). A noun
    that is a verb too needs a determiner or an adjective before it ("the pitch fees"): else it is
    the verb whose object the head is ("The vendors pay fees", "will increase fees").
    """
    if len(renderings) != 2:
        return ""
    spans, tokens = _tokens(translation, _WORD)
    front, head = renderings
    if any(_part_matches(t, front) for t in tokens):
        return ""
    # A hyphen makes one English compound of the head's word and the one before ("counter-tariffs"
    # for "Gegen|zölle"), whatever else that word may be: "counter" is an adjective too.
    parts_spans, parts = _tokens(translation, _WORD_PART)
    for i in range(1, len(parts)):
        if (translation[parts_spans[i - 1][1]:parts_spans[i][0]] == "-" and _part_matches(parts[i], head)
                and parts[i - 1].isalpha() and parts[i - 1].lower() not in STOPWORDS
                and not translation[parts_spans[i][1]:parts_spans[i][1] + 1] == "-"):
            return translation[parts_spans[i - 1][0]:parts_spans[i][1]]
    wordnet = wordnet or synonyms.system()
    if not wordnet.available:
        return ""
    for i in range(1, len(tokens)):
        before = tokens[i - 1]
        if (_part_matches(tokens[i], head) and before.isalpha() and before.lower() not in STOPWORDS
                and wordnet.knows(before, ("noun",)) and not wordnet.knows(before, ("adj",))
                and (not wordnet.knows(before, ("verb",)) or english_roles.opens_noun_phrase(tokens, i - 1, wordnet))
                and (found := _phrase(translation, spans, i - 1, _whole_name(head_glosses, tokens, i)))):
            return found
    return ""


def _tokens(translation, word):
    """Return the spans of a translation's words (by the pattern word) and the words themselves."""
    spans = [m.span() for m in re.finditer(word, translation or "")]
    return spans, [translation[a:b] for a, b in spans]


def _phrase(translation, spans, first, last):
    """Return the translation's words first..last as written, or "" where punctuation parts them."""
    # "poor German, but also": "German" and "but" are neighbours, not one name for one thing.
    gaps = (translation[spans[k][1]:spans[k + 1][0]] for k in range(first, last))
    return translation[spans[first][0]:spans[last][1]] if all(_GAP.fullmatch(g) for g in gaps) else ""


def _covers(words, renderings):
    """Say whether each word renders a different part (any order)."""
    def assign(i, free):
        if i == len(words):
            return True
        return any(_part_matches(words[i], renderings[j]) and assign(i + 1, free - {j}) for j in free)
    return len(words) == len(renderings) and assign(0, frozenset(range(len(renderings))))
