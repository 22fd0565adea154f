"""A clicked word in its sentence: which part of speech it is, which keys to look up, its grammar.

The sentence decides more than the word: "Mitteln" mid-sentence is the noun, "geschickt …
worden" the verb "schicken", "werfen den Rasenmäher an" has "anwerfen" but never "anden".
"""
import dataclasses
import re

import regex

from ..common import WORD_PATTERN, word_tokens
from ..translation import sentences
from . import agents, compounds, english_roles, lemmas, objects, senses, topic, unlisted
from .attributive_participle import as_participles, attributive_participle, predicative_participle
from .participles import participle_infinitives, past_participle
from .grammar import ARTICLES, counted, determiner_genders, determiner_key, number_follows, relative_pronoun
from .dictionary import MAX_RESULTS, PARTICLES, cached, english_by_key, fields_of, has_key, lookup, sentence_around

# Words that are never the verb of a separable verb ("sondern … ab" is not "absondern").
FUNCTION_WORDS = frozenset("""
    der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner
    ich du er sie es wir ihr ihn ihm ihnen mich dich sich uns euch mir dir man
    mein meine dein deine sein seine seinen seinem seiner unser unsere euer eure
    und oder aber sondern denn doch nicht noch auch schon nur sehr so wie als dass ob wenn weil
    da dann hier dort jetzt nun immer nie ja nein wer was wo wann warum dies diese dieser dieses
    jener jene alle allem allen aller alles viel viele mehr etwas nichts
    in im am um ins vom zum zur beim unter über gegen ohne für von bei seit bis
""".split())
_SEIN = frozenset("ist sind bin bist seid war waren warst sein gewesen".split())
_WERDEN = frozenset("wird werden wirst werdet wurde wurden würde würden".split())
AUXILIARIES = _SEIN | _WERDEN | frozenset("hat habe hast haben hatte hatten hattest hattet habt worden".split())
# The auxiliaries of a German passive: "werden" ("wurde abgesagt", "ist … worden") and "sein" ("ist geöffnet").
PASSIVE_AUXILIARIES = _WERDEN | _SEIN | frozenset({"worden"})
# Verbs that make a bare adjective predicative ("ist scharf") rather than adverbial.
COPULAS = _SEIN | _WERDEN | frozenset("""
    wart sei seien wäre wären geworden
    bleibt bleiben bleibe bleibst blieb blieben geblieben scheint scheinen schien schienen
""".split())
# "gilt als unwahrscheinlich" (is considered unlikely): with "als", "gelten" links its adjective
# as a copula does.
_GELTEN = frozenset("gilt gelten gelte giltst galt galten gälte gegolten".split())
# A clause ends at punctuation or before a coordinating conjunction ("schiebt … auf und …").
_CLAUSE_BREAK = re.compile(r"[,;:–—()„“\"]|\s(?=(?:und|oder|aber|sondern|denn)\s)")
_REFLEXIVE = frozenset("sich mich dich uns euch".split())
_PRONOMINAL = re.compile(r"^(?:dar|da|wor|wo)(?=(?:" + "|".join(sorted(senses.PREPOSITIONS)) + r")$)")
_ADJ_SUFFIXES = ("em", "en", "er", "es", "e", "n", "r", "s", "m")


# "und"/"oder" between two nouns joins them, not two clauses: "lenken sie von Spritzen und
# Schmerzen ab" keeps its particle. Not where a verb follows the second noun: "lenken den
# Wagen und Peter steigt ab" is two clauses (a name or "Sie" begins the second).
# A word, then und/oder, then a capital: two nouns if the word has a capital ("eBay" too). Matched
# from a word's start only and its capital checked after: a pattern free to start at any capital
# was retried from each capital of a long word ("AbAbAb…", 20,000 letters: 4 s), quadratic.
_NOUN_PAIR = re.compile(r"(?<![\w-])([\w-]+)(\s+)(?:und|oder)\s+(?=[A-ZÄÖÜ])")
_CAPITAL = re.compile(r"[A-ZÄÖÜ]")


def _joins_nouns(sentence, pair, next_break):
    """Say whether the und/oder of pair joins two nouns: no finite verb follows before the clause ends."""
    after = [w for _, _, w in word_tokens(sentence[pair.end():next_break])][1:]  # after the second noun
    return not any(_finite(w) for w in after
                   if not (w[0].isupper() or w.lower() in FUNCTION_WORDS or w.lower() in PARTICLES))


def _finite(word):
    """Say whether a lower-case word may be a finite verb, which a clause of its own needs.

    "sind Säle und Fotografen oft schon ausgebucht": an adverb ("oft", its own lemma) or a
    participle closing the clause ("ausgebucht") belongs to the verb before "und". A form in
    -en may be finite ("und wir steigen ab"); not knowing the lemma yet, count any as one.
    """
    if participle_infinitives(word):
        return False
    lemma = lemmas.lemma(word, timeout=0)
    return not lemma or lemma.lower() != word.lower() or word.endswith("en")


def _clause_breaks(sentence):
    """Return the offsets where sentence's clauses end (not an und/oder joining two nouns)."""
    found = [m.start() for m in _CLAUSE_BREAK.finditer(sentence)]
    pairs = set()
    for pair in _NOUN_PAIR.finditer(sentence):
        if not _CAPITAL.search(pair.group(1)):
            continue
        later = [b for b in found if b > pair.end()]
        if _joins_nouns(sentence, pair, min(later, default=len(sentence))):
            pairs.add(pair.start(2))
    return [b for b in found if b not in pairs]


def _clause(sentence, at, end, breaks=None):
    """Return the (start, end) of the clause of sentence around [at, end); breaks: _clause_breaks's, if known."""
    breaks = _clause_breaks(sentence) if breaks is None else breaks
    a = max([b + 1 for b in breaks if b < at], default=0)
    b = min([b for b in breaks if b >= end], default=len(sentence))
    return a, b


def _verbish(word, sentence_initial):
    low = word.lower()
    return ((word[0].islower() or sentence_initial) and low not in FUNCTION_WORDS
            and low not in PARTICLES and low not in compounds.CONTRACTIONS)


def _separable_verb(db, particle, words):
    """Return particle+verb when one of words is its verb and the dictionary knows it as a verb."""
    for word in words:
        for base in dict.fromkeys(x for x in (lemmas.lemma(word, timeout=0), word) if x):
            candidate = particle.lower() + base.lower()
            if has_key(db, candidate, pos="verb"):
                return candidate
    return None


def _separable_here(db, first, at, clause, c_start, initial, verb_of=_separable_verb):
    """Return the separable verb the word at sentence offset at belongs to in its clause, or None.

    verb_of: _separable_verb, or one remembering its answers (separable_verbs asks it often).
    """
    # "Wir rücken zusammen.": the clause's last word, a lower-case particle, may belong here.
    last = clause[-1][2] if clause else ""
    if (last != first and last in PARTICLES and clause and clause[-1][0] + c_start > at
            and _verbish(first, initial)):
        return verb_of(db, last, [first])
    if first in PARTICLES and clause and clause[-1][0] + c_start == at:
        # The particle itself clicked: its verb stands earlier in the clause.
        verbs = [w for s, _, w in clause if s + c_start < at and _verbish(w, s + c_start == 0)]
        return verb_of(db, first, verbs)
    return None


def _sentence_initial(before):
    """Say whether nothing but opening quotes and brackets stands before a word in its sentence."""
    return before.strip(" „“\"'‚‘»«([") == ""


def separable_verbs(db, text):
    """Return {token start: separable verb} for both halves of every split verb a lookup finds in text.

    The same test as in_context's for one clicked word, so the text and the popover agree on
    which "teilte … mit" is "mitteilen". Only clauses ending in a particle ask the dictionary.
    """
    out, answers = {}, {}

    def verb_of(db, particle, words):
        # A text repeats its words: ask the dictionary once per particle and word.
        key = (particle, tuple(words))
        if key not in answers:
            answers[key] = _separable_verb(db, particle, words)
        return answers[key]

    for s_start, s_end in sentences.sentence_spans(text):
        sentence = text[s_start:s_end]
        tokens = word_tokens(sentence)
        if not any(w in PARTICLES for _, _, w in tokens):
            continue
        # Each clause found and tokenised once, not once per word of the sentence.
        breaks, clauses = _clause_breaks(sentence), {}
        for at, end, first in tokens:
            c_start, c_end = span = _clause(sentence, at, end, breaks)
            if span not in clauses:
                clause = word_tokens(sentence[c_start:c_end])
                clauses[span] = clause if clause and clause[-1][2] in PARTICLES else None
            clause = clauses[span]
            if clause is None:
                continue
            # Only the first word can have nothing but quotes and brackets before it.
            initial = at == tokens[0][0] and _sentence_initial(sentence[:at])
            verb = _separable_here(db, first, at, clause, c_start, initial, verb_of)
            if verb:
                out[s_start + at] = verb
    return out


def _inseparable_participle_here(db, word, clause_words):
    """Say whether word, spelt as an inseparable verb's participle, may be one in its clause.

    "werden" also links an adjective ("Wie am Montag bekannt wurde": became known), but only
    where Ding has that phrase itself ("bekannt werden"); otherwise an adjective's spelling
    beside "werden" is still the passive ("wird morgen entfernt": removed, not distant).
    "worden" no adjective takes ("ist entfernt worden").
    """
    words = {w.lower() for w in clause_words}
    # Only a passive auxiliary asks the question (see _want): no lookups elsewhere.
    if "worden" in words or not words & _WERDEN:
        return True
    return not (has_key(db, word, pos="adjective") and has_key(db, f"{word.lower()} werden"))


def _present_participle(word, lemma):
    """Return the adjective ending of a present participle ("" for "zunehmend", "e" for "zunehmende"), or None."""
    low, verb = word.lower(), (lemma or "").lower()
    if not word[:1].islower() or not verb.endswith("n") or not low.startswith(verb + "d"):
        return None
    ending = low[len(verb) + 1:]
    return ending if ending in ("", *_ADJ_SUFFIXES) else None


def _adjective_stem(db, word):
    """Return the adjective an inflected form comes from ("vergangene" → "vergangen"), or None.

    A present participle is one too: Ding gives "röhrend" (howling) a row of its verb's line,
    with no part of speech, and the lemmatiser may not know "röhrende" (else split: tubes + end).
    """
    low = word.lower()
    for suffix in _ADJ_SUFFIXES:
        stem = low[:-len(suffix)]
        if low.endswith(suffix) and len(stem) >= 3 and (
                has_key(db, stem, pos="adjective") or stem.endswith("end") and has_key(db, stem)):
            return stem
    return None


def _comparative_forms(word):
    """Return the forms of word that could be an adjective's comparative ("geringeren" → "geringer")."""
    low = word.lower()
    stems = {low} | {low[:-len(s)] for s in _ADJ_SUFFIXES if low.endswith(s)}
    return frozenset(s for s in stems if len(s) > 4 and s.endswith("er"))


def _superlative_forms(word):
    """Return the row Ding gives a superlative under ("größte", "tiefsten" → "am größten", "am tiefsten")."""
    low = word.lower()
    stems = {low} | {low[:-len(s)] for s in _ADJ_SUFFIXES if low.endswith(s)}
    return frozenset(f"am {s}en" for s in stems if len(s) >= 4 and s.endswith(("st", "ßt")))


def _counts_as(before):
    """Say whether the text before a word ends in "gelten … als" ("gilt aber als unwahrscheinlich"), which links an adjective."""
    # Only in the word's own clause: "gilt nur heute, und es ist teurer als gedacht" compares.
    words = [w.lower() for _, _, w in word_tokens(re.split(r"[,;:–—]", before)[-1])]
    return bool(words) and words[-1] == "als" and not _GELTEN.isdisjoint(words)


def _want(word, lemma, sentence_initial, clause_words, adjective, inseparable=True):
    """Return the senses.Want a word's form and place say.

    inseparable: word may be an inseparable verb's participle (see _inseparable_participle_here).
    """
    if sentence_initial or not word[:1].isalpha():
        noun = None
    else:
        noun = word[0].isupper()
    lem = (lemma or word).lower()
    auxiliaries = {w.lower() for w in clause_words if w != word} & AUXILIARIES
    passive_auxiliary = bool(auxiliaries & (_WERDEN | {"worden"}))
    verb = bool(noun is not True and not adjective and auxiliaries
                and (participle_infinitives(word, inseparable=passive_auxiliary and inseparable) or lem.endswith("n")))
    # "Die Säle sind ausgebucht": with "sein" alone (no "haben", no "werden"), a participle
    # Ding lists as an adjective of its own names the state, as in "die ausgebuchten Säle".
    state = verb and auxiliaries <= _SEIN and bool(participle_infinitives(word))
    reflexive = any(w.lower() in _REFLEXIVE for w in clause_words)
    # "die im Ofen gebrannt werden", "ist gesprengt worden": a participle beside "werden" is
    # a passive, which only a transitive verb has ("etw. brennen": to fire, not "brennen {vi}").
    # A weak participle ("gebrannt", "gestutzt"), not the infinitive of a future ("wird brennen").
    passive = bool(verb and passive_auxiliary and word.lower().endswith("t")
                   and (word.lower() != lem or participle_infinitives(word, inseparable=inseparable)))
    # "damit", "darauf", "womit": a preposition with its object as a pronoun; "am", "zum":
    # one with its article ("am Ausfliegen gehindert" is "an etw. hindern").
    prepositions = senses.PREPOSITIONS.intersection(
        (compounds.contraction(w) or (_PRONOMINAL.sub("", w.lower()),))[0] for w in clause_words)
    return senses.Want(noun=noun, adjective=bool(adjective), verb=verb, reflexive=reflexive,
                       prepositions=prepositions, state=state, passive=passive)


def in_context(db, text, start, end, limit=MAX_RESULTS):
    """Look up the word or phrase text[start:end] (code points) within its sentence.

    limit: how many entries to return, best first (a caller matching them against a
    translation asks for more, so the sense the translation uses is found even when ranked low).
    """
    words = word_tokens(text[start:end])
    if not words:
        return None
    s_start, s_end = sentence_around(text, start, end)
    sentence = text[s_start:s_end]
    at = start + words[0][0] - s_start
    surface = text[start + words[0][0]:start + words[-1][1]]
    first = words[0][2]
    ready = lemmas.wait(3.0)
    separable = contraction = split = past = None
    comparatives = superlatives = frozenset()
    want = senses.Want()
    if len(words) == 1:
        c_start, c_end = _clause(sentence, at, at + len(first))
        clause = word_tokens(sentence[c_start:c_end])
        clause_words = [w for _, _, w in clause]
        initial = _sentence_initial(sentence[:at])
        lemma = lemmas.lemma(first, timeout=0) or first
        if first[0].islower() and len(lemma) > len(first) and lemma.lower().endswith(first.lower()):
            lemma = first  # no inflection drops a prefix: "färben" is not "schönfärben"
        # An inflected adjective stands before its noun ("vergangene Woche"); "begründete den
        # Schritt" is the verb. A bare word before a verb or adjective modifies it: an adverb.
        after = word_tokens(sentence[at + len(first):c_end])
        before_noun = bool(after) and after[0][2][0].isupper()
        adjective = past = None
        if (first[0].islower() or initial) and before_noun:
            adjective = _adjective_stem(db, first)
            # Not a Ding adjective: maybe a verb's participle ("markierten": marked), a row of its line.
            past = None if adjective else attributive_participle(db, first, sentence[:at])
        elif predicative_participle(first, clause_words, sentence[:at], lambda w: lemmas.lemma(w, timeout=0)):
            # "fühlen sich gestört" (disturbed): a state, as before a noun.
            past = first.lower() if has_key(db, first) else None
        want = _want(first, lemma, initial, clause_words, adjective or past,
                     _inseparable_participle_here(db, first, clause_words))
        determiner = _determiner(first, sentence[:at], after)
        if determiner:
            # "sein Amtskollege" is his, not "to be"; "den Präsidenten" the, not "who".
            want = dataclasses.replace(want, noun=False, adjective=False, verb=False, adverb=False, determiner=True)
        if past and before_noun:
            # The clause's "sich" and prepositions are its finite verb's: a participle before its
            # noun is no reflexive ("hinter aufgeschichtetem Brennholz": stacked, not stratified).
            want = dataclasses.replace(want, reflexive=False, prepositions=frozenset())
        elif past:
            # "fühlen sich gestört": the "sich" is "fühlen"'s; a preposition may be the
            # participle's own ("durch Lärm gestört").
            want = dataclasses.replace(want, reflexive=False)
        others = frozenset(w.lower() for _, _, w in word_tokens(sentence) if w.lower() != first.lower())
        want = dataclasses.replace(want, sentence=others, fields=_sentence_fields(db, sentence, first),
                                   number=(first[0].islower() or initial) and number_follows(sentence[at + len(first):]),
                                   genders=determiner_genders(sentence[:at]) if first[0].isupper() else frozenset(),
                                   national=first[0].isupper() and not initial and _national_before(db, sentence[:at]))
        verb_at = next((n for n, (s, _, _) in enumerate(clause) if s + c_start == at), None)
        if verb_at is not None and (first[0].islower() or initial) and not (adjective or past):
            # "ruft Fahrzeuge zurück" recalls things: not "jdn. zurückrufen" (see objects)
            want = dataclasses.replace(want, object=objects.object_kind(db, clause_words, verb_at, want.passive))
        comparatives = _comparative_forms(first) if first[0].islower() else frozenset()
        superlatives = _superlative_forms(first) if first[0].islower() else frozenset()
        # An uninflected adjective form is an adverb unless a copula makes it predicative:
        # "kritisierte den Plan scharf" (sharply), but "der Plan ist scharf".
        # A present participle ("überraschend", "zunehmende") is used as an adjective or,
        # bare, as an adverb: never as its verb's infinitive ("to surprise sb.").
        participle = _present_participle(first, lemma)
        if (first[0].islower() and (first == lemma or participle == "") and not before_noun
                and not want.verb and (after or (COPULAS.isdisjoint(w.lower() for w in clause_words)
                                                 and not _counts_as(sentence[:at])))):
            want = dataclasses.replace(want, noun=False, adjective=False, verb=False, adverb=True)
        if participle is not None:
            want = dataclasses.replace(want, verb=False, participle=True)
        # Second opinions where simplemma stumbles: "Geplante" (an adjective as a noun),
        # "Hat" at the start of a question, a participle it calls an adjective.
        keys = [determiner, first, lemma, adjective or past, lemmas.greedy_lemma(first), *sorted(comparatives),
                *sorted(superlatives)]
        if first[0].isupper():
            keys.extend([lemmas.lemma(first.lower(), timeout=0), adjective or _adjective_stem(db, first)])
        modern = unlisted.reformed_noun(db, first, initial)
        if modern:
            keys = [modern, lemmas.lemma(modern, timeout=0)]
        if want.verb or not want.noun:
            keys.append(next((i for i in participle_infinitives(first, inseparable=want.passive) or ()
                              if has_key(db, i)), None))
        pair = compounds.contraction(first)
        if pair:
            contraction = " ".join(pair)
            keys.append(pair[0])
        separable = _separable_here(db, first, at, clause, c_start, initial)
        if separable:
            lemma = separable
            want = dataclasses.replace(want, noun=False, adjective=False, verb=True, adverb=False)
    else:
        phrase = " ".join(w for _, _, w in words)
        lemma = phrase
        keys = [phrase]
        last = words[-1][2]
        if last in PARTICLES:
            separable = _separable_verb(db, last, [first])
            if separable:
                lemma = separable
                want = senses.Want(noun=False, verb=True)
        if not separable:
            keys.append(" ".join(lemmas.lemma(w, timeout=0) or w for _, _, w in words))
    if separable:
        keys.insert(0, separable)
    keys = [k for k in keys if k]
    # A participle before its noun: enough of its verb's lines that their rows are among them.
    entries = lookup(db, keys, limit=4 * limit if past else limit, want=want)
    # A prefix whose English is a prefix too ("un…": un…) says nothing of a word written alone:
    # "Kim Jong Un" is a name. One with a meaning stays ("Bio…": organic).
    entries = [e for e in entries if not (e["glosses"] and all(g.strip().endswith("…") for g in e["glosses"]))]
    if past:
        entries = as_participles(entries, past)[:limit]
    # A verb's object names its sense ("Berufung einlegen" is to appeal, not to insert); a
    # noun has a sense of its own ("an Wert verlieren": Wert is still value) unless it lives
    # only in the phrase ("Erliegen", a noun here, is one only in "zum Erliegen kommen").
    if (len(words) == 1 and not separable and not contraction
            and (first[0].islower() or not entries or entries[0]["misfit"]
                 or not any(e["pos"] == "noun" for e in entries))):
        entries = _with_collocation(db, entries, clause, c_start, at, lemma, limit)
    if len(words) == 1 and first[0].isupper():
        entries = _with_name(db, entries, clause, c_start, at, limit)
    if len(words) == 1 and want.adjective and not separable:
        entries = _attributive_sense(db, entries, clause, c_start, at)
    if separable:
        # "sagte … ab" is "absagen": the bare verb's senses ("to say") follow, however common.
        entries.sort(key=lambda e: e["key"] != separable)
    elif comparatives or superlatives:
        # "höheren" is "höher" (higher), the comparative row of "hoch"'s line, not "hoch" (high);
        # "größte" is that of "am größten" (biggest), the superlative row of "groß". Looked up
        # on their own: a word of many lines ("groß") would push the rows past the limit.
        rows = [e for e in lookup(db, sorted(comparatives | superlatives), limit=limit, want=want) if e["sub"] > 0 and (
            e["key"] in comparatives and senses.comparative(e["glosses"])
            or e["key"] in superlatives and senses.superlative(e["glosses"]))]
        ids = {e["id"] for e in rows}
        entries = (rows + [e for e in entries if e["id"] not in ids])[:limit]
    if len(words) == 1 and entries and not separable:
        # What the paragraph is about, where the ranking holds senses nearly equal: its nouns'
        # compounds with this one, else the senses' definitions against its words' English.
        first_sense = entries[0]
        fronts = cached(db, ("paragraph nouns", text), lambda: topic.noun_fronts(text, FUNCTION_WORDS))
        entries = topic.by_compounds(db, entries, fronts, first)
        if entries[0] is first_sense:
            entries = topic.by_definitions(db, entries, text, _content_words(text), first)
    if len(words) == 1 and entries and entries[0]["pos"] == "noun":
        entries = unlisted.literal_first(db, entries)
    if len(words) == 1 and want.noun:
        entries = english_roles.as_noun_first(entries)  # "einen Verdächtigen": a suspect
    # Capitalised mid-sentence: most likely a name, even where it is an English word too ("Trump"),
    # unless a determiner or a number stands before it: "eine Website", "im Carsharing",
    # "zwölf Biker" are nouns, which names seldom are. Not a relative pronoun ("die Rede, die
    # Trump hielt"), nor the article of a hyphenated word it opens ("der Trump-Regierung").
    before = sentence[:at]
    counted_noun = ((determiner_genders(before) and not relative_pronoun(before)) or counted(before)) and not (
        sentence[at + len(surface):].startswith("-"))
    base_of = agent = None
    if not entries and len(words) == 1:
        base_of = unlisted.noun_base(db, first)
        # "Einrahmerin", which Ding lacks, is one who does what "einrahmen" means; before a
        # split, which would read "Einrahme|rinnen". Never a surname ("Trainer Stemmer", "Lehner
        # sagte"): only after a determiner or number, or feminine.
        if not base_of and (counted_noun or first.endswith(("erin", "erinnen"))):
            agent = agents.agent_noun(db, first)
        if base_of:
            # "Astronautin", "Bergleute", which Ding lacks, mean what "Astronaut", "Bergmann" mean.
            entries = lookup(db, [base_of["base"]], limit=limit, want=senses.Want(noun=True))
        elif agent:
            entries = lookup(db, [agent["verb"]], limit=limit, want=senses.Want(verb=True))
        else:
            entries, split = unlisted.fallback(db, first, want)
    # One word, perhaps hyphenated ("Start-up", which the tokeniser reads as two), in no
    # dictionary, whole or split: a name or a loanword (see loanword()).
    unknown = (not entries and not split and not base_of
               and (len(words) == 1 or bool(_HYPHENATED.fullmatch(surface))))
    name = unknown and surface[:1].isupper() and before.strip(" „“\"'‚‘»«([") != "" and not counted_noun
    return {
        "surface": surface, "lemma": lemma, "lemma_ready": ready, "separable": separable,
        "multiword": len(words) > 1, "entries": entries, "contraction": contraction, "split": split,
        "name": name, "base_of": base_of, "agent": agent, "unknown": unknown,
        "sentence": sentence, "sentence_start": s_start, "sentence_end": s_end,
        "start": start + words[0][0], "end": start + words[-1][1],
    }


def _content_words(text):
    """Return the words of a text that carry content: no function words, auxiliaries or numbers."""
    return [w for _, _, w in word_tokens(text) if len(w) > 2 and w.lower() not in FUNCTION_WORDS
            and w.lower() not in AUXILIARIES and not w.isdigit()]


# A nationality's adjective, inflected: "iranische", "deutschen", "US-amerikanischer" (its last part).
_NATIONAL = re.compile(r"(?:^|[\s-])([a-zäöü]+(?:isch|deutsch))(?:e|en|er|es|em)?\s+$")


def _national_before(db, before):
    """Say whether a nationality's adjective stands right before a word ("die iranische |Botschaft").

    Ding labels it [geogr.] and its English is capitalised ("Iranian", "German"): not "practical",
    nor "Catholic" or "Jewish" ([relig.]), which say nothing of a state.
    """
    match = _NATIONAL.search(before)
    if not match:
        return False
    adjective = match.group(1)
    if "geogr." not in fields_of(db, {adjective: [adjective]})[adjective]:
        return False
    lines = english_by_key(db, [adjective], own=True, most=3).values()
    return any(english[:1].isupper() for found in lines for english in found)


def _determiner(word, before, after):
    """Return the key of the article or possessive a word is, where it opens a noun phrase; else None.

    before: the sentence up to the word; after: the clause's tokens after it. "der Kreml", "sein
    iranischer Amtskollege": a noun follows, or an adjective and a noun. Not "Das ist …" (a
    pronoun), ", der am Montag …" (a relative pronoun) or "wird sein." (the verb).
    """
    base = determiner_key(word)
    if not base or not after or before.rstrip().endswith(","):
        return None
    following = [w for _, _, w in after[:2]]
    if following[0][:1].isupper():
        return base
    adjective_then_noun = (len(following) == 2 and following[1][:1].isupper()
                           and following[0].lower() not in FUNCTION_WORDS)
    return base if adjective_then_noun else None


def _sentence_fields(db, sentence, word):
    """Return the subject fields ("cook.", "pol.") Ding labels the sentence's other words with."""
    others = {w: [w, lemmas.lemma(w, timeout=0)] for _, _, w in word_tokens(sentence)
              if w.lower() != word.lower() and len(w) > 2 and w.lower() not in FUNCTION_WORDS
              and not w.isdigit()}
    return frozenset(f for found in fields_of(db, others).values() for f in found)


def collocation_keys(clause_words, i, lemma):
    """Return the phrases the clause may hold its i-th word in, as Ding writes them.

    Ding lists a noun with its verb ("zum Erliegen kommen", "Berufung einlegen"): the
    preposition or article before the noun, the noun, the verb's infinitive last. The clause
    "kommt der Nahverkehr zum Erliegen" holds all three, so that is the sense it means.
    """
    low = [w.lower() for w in clause_words]
    lem = [(lemmas.lemma(w, timeout=0) or w).lower() for w in clause_words]
    word = clause_words[i]

    def before(j):
        return {"", low[j - 1] if j > 0 else "", " ".join(low[max(0, j - 2):j]) if j > 1 else ""}

    def phrases(j, verb):
        return {" ".join(f"{b} {n} {verb}".split()) for n in {low[j], lem[j]} for b in before(j)}

    keys = set()
    if word[:1].isupper():
        # "im Voraus", "im Grünen": a noun Ding has only after its preposition is that phrase.
        keys |= {" ".join(f"{b} {n}".split()) for n in {low[i], lem[i]} for b in before(i)}
        for j, w in enumerate(clause_words):
            if j != i and w[:1].islower() and low[j] not in FUNCTION_WORDS:
                keys |= {k.replace(f" {lem[i]} ", f" {lemma.lower()} ") for k in phrases(i, lem[j])}
    elif word[:1].islower():
        for j, w in enumerate(clause_words):
            if j != i and w[:1].isupper():
                keys |= phrases(j, lemma.lower())
    return sorted(k for k in keys if " " in k)


# A sentence ends in its stop, a phrase may end in an object's placeholder ("… gegen etw.").
_SENTENCE_END = re.compile(r"(?<!\betw)(?<!\bjdn)(?<!\bjdm)(?<!\bjds)[.!?]$")


# An adjective's endings, for the names Ding lists in the nominative ("Rotes Kreuz" for "vom Roten Kreuz").
_ADJECTIVE_ENDINGS = ("e", "en", "em", "er", "es")


def name_keys(clause_words, i):
    """Return the two-word names a capitalised word may be part of ("Brandenburger Tor", "Rotes Kreuz")."""
    low = [w.lower() for w in clause_words]

    def forms(word):
        stem = next((word[:-len(e)] for e in sorted(_ADJECTIVE_ENDINGS, key=len, reverse=True)
                     if word.endswith(e) and len(word) > len(e) + 2), None)
        return {word} | ({stem + e for e in _ADJECTIVE_ENDINGS} if stem else set())

    keys = set()
    # Not an article the sentence's start capitalised: "Die Gemeinde" is no "die Gemeinde :: the congregation".
    if i + 1 < len(clause_words) and clause_words[i + 1][:1].isupper() and low[i] not in FUNCTION_WORDS:
        keys |= {f"{f} {low[i + 1]}" for f in forms(low[i])}
    if i > 0 and clause_words[i - 1][:1].isupper() and low[i - 1] not in FUNCTION_WORDS:
        keys |= {f"{f} {low[i]}" for f in forms(low[i - 1])}
    return sorted(keys)


def _place(clause, c_start, at):
    """Return the index of the clause's word at `at` (in the sentence), or None."""
    return next((n for n, (s, _, _) in enumerate(clause) if s + c_start == at), None)


def _led_by(found, entries, limit):
    """Return entries with found first (once each), within limit."""
    ids = {e["id"] for e in found}
    return (found + [e for e in entries if e["id"] not in ids])[:limit]


def _with_name(db, entries, clause, c_start, at, limit):
    """Return entries with those of a two-word name the clause holds the word in first ("Brandenburger Tor")."""
    i = _place(clause, c_start, at)
    if i is None:
        return entries
    # A name's English is a name too ("Brandenburg Gate", "Red Cross"): "Heiße Luft" at a sentence's
    # start is no "hot air [fig.]", nor "Vielen Dank" a "thanks a lot".
    found = [e for e in lookup(db, name_keys([w for _, _, w in clause], i), limit=2)
             if e["sub"] == 0 and e["glosses"] and e["glosses"][0][:1].isupper()
             and not _SENTENCE_END.search(e["headword"].strip()) and not _SENTENCE_END.search(e["glosses"][0].strip())]
    return _led_by(found, entries, limit) if found else entries


def _with_collocation(db, entries, clause, c_start, at, lemma, limit):
    """Return entries with those of a phrase the clause holds the word in first."""
    i = _place(clause, c_start, at)
    if i is None:
        return entries
    keys = collocation_keys([w for _, _, w in clause], i, lemma)
    # Ding's example sentences ("Die Preise steigen. :: Prices are rising.") have a phrase's key,
    # but their English is a sentence, no meaning to save.
    # Nor a noun with its article ("das Sein", found for "Das ist gut" as "das" + "sein"): a phrase
    # of a noun and its verb says what the noun means, an article before a noun nothing.
    found = [e for e in (lookup(db, keys, limit=3) if keys else []) if not _SENTENCE_END.search(e["headword"].strip())
             and not (e["pos"] == "noun" and e["key"].split()[0] in ARTICLES and len(e["key"].split()) == 2)]
    found.sort(key=lambda e: -len(e["key"].split()))  # the longer phrase says more
    return _led_by(found, entries, limit) if found else entries


def _attributive_sense(db, entries, clause, c_start, at):
    """Return entries with the adjective's sense that Ding's phrase of it and its noun uses first.

    "auf unbestimmte Zeit" is "indefinitely", "gedeckte Farben" are "muted colours": of
    "unbestimmt"'s senses (vague, indefinite …) and "gedeckt"'s (covered, muted …), the one
    whose English the phrase's English holds is the one the adjective has before that noun.
    The phrase itself is not shown: its English is often another word ("junge Leute":
    youths), not what the adjective means.
    """
    i = _place(clause, c_start, at)
    if i is None or i + 1 >= len(clause):
        return entries
    low = [w.lower() for _, _, w in clause]
    nouns = {low[i + 1], (lemmas.lemma(clause[i + 1][2], timeout=0) or clause[i + 1][2]).lower()}
    keys = {" ".join(f"{b} {low[i]} {n}".split()) for n in nouns
            for b in ("", " ".join(low[max(0, i - 1):i]), " ".join(low[max(0, i - 2):i]))}
    english = {w for e in lookup(db, sorted(keys), limit=3) for g in e["glosses"]
               for w in re.findall(r"[a-z]+(?:-[a-z]+)*", senses.gloss_core(g))}
    for n, e in enumerate(entries):
        core = senses.gloss_core(e["glosses"][0]) if e["glosses"] and " " not in e["key"] else ""
        if core and " " not in core and any(w == core or len(core) >= 5 and w.startswith(core) for w in english):
            return [e, *entries[:n], *entries[n + 1:]]
    return entries


_HYPHENATED = regex.compile(rf"{WORD_PATTERN}(?:-{WORD_PATTERN})+")


def loanword(result):
    """Return the English word a looked-up word (in_context's result) borrows ("Website", "Caterer"), or None.

    Only for a word no dictionary has, whole or split (ask only where one is installed: without
    one, "Gift" would be "gift"). It must be a common English word, not
    only a name (WordNet has "website" in lower case, "Paris" capitalised), and not clearly
    rarer in English than in German (half a step of the Zipf scale): "Handy" (a mobile phone)
    and "Chef" (a boss) are German words.
    """
    if not result["unknown"]:
        return None
    written = result["surface"].lower()
    for form in dict.fromkeys([written, written.replace("-", "")]):
        for base in (form, form[:-1] if form.endswith("s") else ""):
            if base and unlisted.english_word(base, margin=0.5):
                return base
    return None


def grammar(result, entries):
    """Return what to save beside the lemma: {"lemma", "gender", "plural", "form"}.

    Nouns keep their gender and plural ("der Soldat, -en"); verbs their reflexive or
    phrase form ("sich beteiligen"); a split compound takes the gender of its last part.
    """
    lemma = result["separable"] or result["lemma"]
    out = {"lemma": lemma, "gender": "", "plural": "", "form": ""}
    if base_of := result.get("base_of") or result.get("agent"):
        return {**out, "lemma": base_of["lemma"], "gender": base_of["gender"], "plural": base_of["plural"]}
    if result["split"]:
        last = result["split"][-1]["entries"]
        noun = next((e for e in last if e["gender"] in ("m", "f", "n")), None)
        if noun and result["surface"][:1].isupper():
            out.update(lemma=result["surface"], gender=noun["gender"])
        return out
    top = entries[0] if entries else None
    if top is None:
        return out
    if top["gender"] in ("m", "f", "n") and " " not in top["headword"]:
        # Ding gives the plural on some lines of a noun only: the sense ranked first may lack it
        # ("Staat: state, nation" has none, "Staat: state, country" has "Staaten").
        plural = next((e["plural"] for e in entries if e["plural"] and e["headword"] == top["headword"]
                       and e["gender"] == top["gender"]), "")
        out.update(lemma=top["headword"], gender=top["gender"], plural=plural)
    elif top["pos"] == "verb" and not result["multiword"]:
        head = top["headword"].split()
        if "sich" in head and head[-1].lower() == lemma.lower():
            out["form"] = "sich " + head[-1]
    return out


def plural_note(headword, plural):
    """Return the plural as a dictionary writes it beside the singular: "-en", "Bäume", "-"."""
    if not plural:
        return ""
    if plural == headword:
        return "-"
    if plural.startswith(headword):
        return "-" + plural[len(headword):]
    return plural
