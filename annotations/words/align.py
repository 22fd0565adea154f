"""Find the meaning a cached translation gives a looked-up word: a dictionary sense it uses
(translated.py), with the noun it modifies there ("brass plaques" for Ding's "brass"), else its
own words for the word.

Its own words are found by elimination, as a reader would: every other word of the German
sentence claims the English words its dictionary entries give (a long word also its parts':
"Stadtverwaltung" is "city administration"), and names and numbers claim themselves. What the
translation has left is a run of content words; the one standing where the word stands, and
nearer to it than to any other German word whose English is missing, renders it ("Vlies" is
"fleece" in "wrapped the trees in fleece" where Ding lists only "nonwoven"). Where that is not
one clear run, or where the translation has any of the dictionary's own words for it, nothing
is said.
"""
import functools
import re

import regex

from ..common import WORD_PATTERN, word_tokens
from . import english_roles, lemmas, synonyms, translated
from .context import AUXILIARIES, FUNCTION_WORDS, PASSIVE_AUXILIARIES
from .grammar import ARTICLES
from .participles import past_participle
from .unlisted import compound_parts
from .dictionary import english_of, normalize, split_glosses
from .senses import STOPWORDS, gloss_core, participle, shared_start, stem

# English words that render grammar, not a content word of the German ("will", "their", "three").
ENGLISH_FUNCTION = STOPWORDS | frozenset("""that this these those which who whom whose what when where
    why how there here he she they them their theirs his her hers we us our you your i me my mine will
    would can could shall should may might must also even only just than then so but if because while
    after before since until all any some each every both either neither other another such own same
    many much few now still yet again already however therefore thus around across through during
    between among against without within under above below behind near next per via like unlike am
    one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred
    hundreds thousand thousands million millions billion billions percent cent several various number
    numbers half""".split())
# German verbs that carry another's meaning ("muss … umwickelt werden").
MODALS = frozenset("""kann kannst können konnte konnten muss musst müssen musste mussten soll sollen sollte
    sollten will willst wollen wollte wollten darf dürfen durfte durften mag möchte möchten""".split())
# German words that carry grammar: with no English word of their own, they leave none missing.
GERMAN_FUNCTION = FUNCTION_WORDS | AUXILIARIES | MODALS | frozenset("""an auf aus mit nach zu durch vor
    hinter neben ab außer statt laut gemäß je zwischen während wegen trotz sei dabei dazu damit davon daher
    deshalb etwa rund einige jeder jede jedes ihre ihren ihrem ihrer ihres seines unsere unseren eigen
    eigene eigenen eigener eigenes gibt gab geben null eins zwei drei vier fünf sechs sieben acht neun zehn
    hundert tausend""".split())
# How far (a share of the sentence) the run may stand from the word's own place.
WINDOW = 0.3
# Longer runs are the words around it too ("the repairing dilapidated"): the alignment abstains.
MAX_RUN = 3
# Longer "sentences" are lists or unpunctuated text, where shares of it place nothing; and each
# German word costs dictionary queries on the popover's request (2,000 words: seconds).
MAX_WORDS = 150
# Whole words in any script ("Özdemir", not "zdemir"; not "th" of "19th"), joined by apostrophes
# and hyphens ("city's", "x-ray") but not ending in one: a closing quote is not the word's ("‘fleece’").
_ENGLISH_WORD = regex.compile(rf"(?<!\w){WORD_PATTERN}(?:[’'-]{WORD_PATTERN})*")
# What English may render each German part of speech by: an adjective also by a participle.
_WORDNET_PARTS = {"noun": ("noun",), "verb": ("verb",), "adjective": ("adj", "adv", "verb"),
                  "adverb": ("adv", "adj")}
# A preposition that joins an English name's words ("high in sugar", "dispute between neighbours").
_PREPOSITION_GAP = re.compile(r"\s+(?:of|in|on|for|between|with|from)\s+", re.IGNORECASE)
# What joins the words of one English name: spaces and hyphens, after a plural's possessive
# apostrophe too ("citizens' office").
_JOINED = re.compile(r"(?<=s)['’] +|[ -]+")


def meaning_in(db, result, text, translation, context_translation, installed=True):
    """Return the meaning a cached translation gives a looked-up word ("" if none), and the span of
    the translation's own words for it (None where they are a dictionary sense's).

    result: context.in_context's for text; translation: its sentence's, context_translation:
    that or the paragraph's. The entries' glosses the translation uses are flagged, and lead.
    """
    # Where the word stands in the text the translation renders (its sentence, else the paragraph).
    a, b = (result["sentence_start"], result["sentence_end"]) if translation else (0, len(text))
    entries, split = result["entries"], result["split"]
    # The sentence's other words' English, asked once per request: claims and elimination both need it.
    renders = functools.cache(lambda word: _renderings(db, word))
    best = translated.mark_in_translation(entries, context_translation, (result["start"] - a) / max(1, b - a),
                                          claimed=lambda words: _claimed(renders, result, words) if translation else set())
    if split:
        # The translation's own words for the whole compound ("fighter jets"), else its parts'.
        # Each part's shown sense too: "maker" for "…macher" comes from Ding's compounds, not its glosses.
        best = translated.compound_in_translation([[p["gloss"], *p["glosses"]] for p in split], context_translation)
    if best and translation and installed and not split and (span := _with_head(
            best, entries, translation, lambda words: _claimed(renders, result, words), _as_noun(result),
            verb_missing=lambda: _verb_missing(db, result, translation, renders))):
        return _in_case_of(best, translation[slice(*span)]), span
    if best or not translation or not installed:
        # Elimination needs the dictionary's English for the sentence's other words.
        return best, None
    if not entries and not split and not result["name"] and (twin := cognate_in(result["surface"], translation)):
        return twin
    # No sense of the dictionary's is in the sentence's translation: its own word for this one.
    if split:
        own, pos = [g for p in split for g in p["glosses"]], "noun" if result["surface"][:1].isupper() else None
    else:
        own, pos = [g for e in entries for g in e["glosses"]], entries[0]["pos"] if entries else None
    span = rendering(db, result["sentence"], result["start"] - result["sentence_start"],
                     result["end"] - result["sentence_start"], translation, own, pos, renders=renders)
    if span and pos == "verb" and (around := _around_object(translation, span)):
        return around, None
    if not span:
        return "", None
    words = _without_opening_capital(translation, span)
    return (_base_form(words) if pos == "verb" else words), span


_AUXILIARIES = frozenset("""be is are was were been being am has have had having do does did will would
    can could shall should may might must""".split())


def _base_form(words, wordnet=None):
    """Return a verb's English as a dictionary gives it: its first word in the base form ("cutting back": "cut back")."""
    # A card says what "streichen" means ("cut"), not what one sentence's tense made of it.
    # Only a progressive or a third person: a participle may be the state the verb leaves ("the
    # seats are taken", "they are stuck indoors"), which the base form would not say.
    # And only a verb's own word: "is cutting" keeps its auxiliary rather than become "be cutting".
    first, _, rest = words.partition(" ")
    if first.lower() in _AUXILIARIES or not first.endswith(("ing", "s")):
        return words
    base = (wordnet or synonyms.system()).verb_base(first)
    return " ".join(filter(None, (base, rest))) if base and first.islower() else words


# How much of a word Ding lacks must open a word of the translation for the two to be one borrowing.
COGNATE_SHARE = 0.8
COGNATE_MIN = 5


def cognate_in(word, translation):
    """Return (the translation's word, its span) that is the same borrowing as a word Ding lacks, or None.

    "fragil" is "fragile" in "The ceasefire is considered fragile": one word of the translation
    opens with nearly all of it, as German and English spell it. Only one such word, or none.
    """
    if len(word) < COGNATE_MIN or not word.isalpha():
        return None
    found = [m for m in _ENGLISH_WORD.finditer(translation or "")
             if shared_start(word, m.group(0)) >= max(COGNATE_MIN, COGNATE_SHARE * len(word))]
    if len({m.group(0).lower() for m in found}) != 1:
        return None
    return _without_opening_capital(translation, found[0].span()), found[0].span()


def _without_opening_capital(translation, span, wordnet=None):
    """Return the translation's words at span, in lower case where only the sentence's start capitalised them.

    "Work on the bridge progressed well." renders "Bau": the meaning is "work"; "Anna", a name
    WordNet writes capitalised, and "DIY" keep their capitals.
    """
    words = translation[slice(*span)]
    if (not translated.opening_capital(translation, span[0], words)
            or not (wordnet or synonyms.system()).common_word(words.split()[0])):
        return words
    return words[:1].lower() + words[1:]


def _around_object(translation, span, wordnet=None):
    """Return a verb's English with the preposition it takes after its object, in Ding's way ("kept sb. from"), or "".

    "the wet spring kept the bees from flying out": "kept" alone is another sense than "keep
    sb. from", which renders "gehindert"; the object, the bees, is no part of the verb's meaning.
    """
    tokens = list(_ENGLISH_WORD.finditer(translation))
    i = next((k for k, m in enumerate(tokens) if m.start() == span[0] and m.end() == span[1]), None)
    if i is None:
        return ""
    after = english_roles.preposition_after([translated.bare_word(m.group(0)) for m in tokens], i,
                                            wordnet or synonyms.system())
    return f"{tokens[i].group(0)} sb. {after[0]}" if after and after[1] else ""


def _as_noun(result):
    """Say whether a capitalised word stands as a noun: mid-sentence, or first with no noun after it.

    "Alteingesessene ärgern sich": an adjective standing for people; "Große Teile": one before its noun.
    """
    if not result["surface"][:1].isupper():
        return False
    after = result["sentence"][result["end"] - result["sentence_start"]:].split()
    return result["start"] > result["sentence_start"] or not (after and after[0][:1].isupper())


def _with_head(best, entries, translation, claimed, as_noun=False, verb_missing=lambda: False):
    """Return the span of a noun's one-word gloss and the noun the translation puts after it, or None.

    Ding has "brass" for "Messingtafel"; "the small brass plaques" uses it as a modifier and
    names the thing by "plaques", a noun no other word of the sentence renders (claimed: the
    stems of the translation's words other words render, as _claimed gives them). as_noun: the
    word stands as a noun, so an adjective's gloss is one too ("Alteingesessene": "long-established
    residents"). verb_missing: a function saying whether a German verb of the sentence has no
    English in the translation, so that the word after the gloss may be that verb.

    The word after it must be a noun there, not only one WordNet knows: a possessive owns it
    ("neighbour's pooch"), a plural is the subject of a verb ("Tourists flock", "Children romp"),
    a capitalised word mid-sentence is a name ("The book Anna is reading"), and a word that is
    a verb too is the German verb's English where that has none ("The station clock runs fast").
    """
    core = gloss_core(best).lower()
    parts = ("noun", "adjective") if as_noun else ("noun",)
    if " " in core or not any(e["pos"] in parts and best in e["glosses"] for e in entries):
        return None
    tokens = [(m.start(), m.end(), translated.bare_word(m.group(0))) for m in _ENGLISH_WORD.finditer(translation)]
    k = next((i for i, t in enumerate(tokens[:-1]) if t[2] == core), None)
    if k is None or translation[tokens[k][1]:tokens[k + 1][0]] != " ":
        return None
    word, head = translation[tokens[k][0]:tokens[k][1]], tokens[k + 1][2]
    wordnet = synonyms.system()
    if (head in ENGLISH_FUNCTION or len(head) < 3 or not wordnet.available or not wordnet.knows(head, ("noun",))
            or claimed([head])):
        return None
    if (re.search(r"['’]s$", word) or translation[tokens[k + 1][0]:tokens[k + 1][0] + 1].isupper()
            or wordnet.plural(core)):
        # English modifiers are singular ("tourist guide"): after a plural the verb comes.
        return None
    noun = any(e["pos"] == "noun" and best in e["glosses"] for e in entries)
    if noun and wordnet.knows(head, ("verb",)) and verb_missing():
        # An adjective standing as a noun needs English's noun ("Die Alten": "old people"); a noun does not.
        return None
    return tokens[k][0], tokens[k + 1][1]


def _in_case_of(gloss, words):
    """Return words (a translation's, from the gloss on) in the case the gloss has, not a sentence's opening capital."""
    first = gloss_core(gloss)[:1]
    return words[:1].lower() + words[1:] if first.islower() and words[:1].isupper() else words


def _verb_missing(db, result, translation, renders):
    """Say whether a German verb of the sentence has none of its English in the translation.

    A verb is a word written in lower case that Ding has a verb's gloss for ("to stream").
    """
    sentence, at = result["sentence"], result["start"] - result["sentence_start"]
    end = result["end"] - result["sentence_start"]
    tokens = [(m.start(), m.end(), translated.bare_word(m.group(0))) for m in _ENGLISH_WORD.finditer(translation)]
    seen = _seen([(s, e, low, stem(low)) for s, e, low in tokens])
    for s, e, w in word_tokens(sentence):
        if (at <= s < max(end, at + 1) or not w[:1].islower() or w.lower() in GERMAN_FUNCTION
                or not _uses_verb(db, w) or _uses_any(seen, _expanded(renders(w)))):
            continue
        return True
    return False


def _uses_verb(db, word):
    """Say whether Ding has a verb's gloss ("to …") for a German word or its lemma."""
    keys = [k for k in dict.fromkeys(normalize(k) for k in (word, lemmas.lemma(word, timeout=0)) if k) if k]
    return any(re.search(r"(?:^|[;|]\s*)to \w", english) for english in english_of(db, keys))


def _claimed(renders, result, words):
    """Return the stems of a translation's words that another word of the sentence renders.

    renders: _renderings for one database; words: the translation's. Another form of the looked-up word ("Strafe" beside "Strafen")
    and words carrying grammar claim nothing.
    """
    sentence, at = result["sentence"], result["start"] - result["sentence_start"]
    end = result["end"] - result["sentence_start"]
    mine = {w.lower() for w in (result["surface"], result["lemma"]) if w}
    others = [w for s, e, w in word_tokens(sentence) if (e <= at or s >= max(end, at + 1))
              and w.lower() not in GERMAN_FUNCTION and w.lower() not in mine
              and (lemmas.lemma(w, timeout=0) or "").lower() not in mine]
    if len(others) > MAX_WORDS:
        return set()
    # Stems alone, not every English form of every word: this runs on the popover's request.
    stems = {stem(w) for word in dict.fromkeys(others) for w in renders(word)}
    return {st for w in words if w not in ENGLISH_FUNCTION and (st := stem(w)) in stems}


def rendering(db, sentence, at, end, translation, glosses, pos=None, wordnet=None, renders=None):
    """Return the (start, end) of the words of translation that render sentence[at:end], or None.

    glosses: every gloss of the word's own dictionary entries (none for a word Ding lacks).
    pos: the word's part of speech ("noun", "verb", "adjective", "adverb"), where known: the
    words found must be able to be one in English (WordNet's, the system's by default).
    renders: _renderings for db, where a caller has already asked some words.
    """
    tokens = [(m.start(), m.end(), translated.bare_word(m.group(0))) for m in _ENGLISH_WORD.finditer(translation or "")]
    # A phrase looked up is one word here: its other words claim nothing ("jungen Bäume").
    german = [(s, w) for s, e, w in word_tokens(sentence) if e <= at or s >= max(end, at + 1)]
    if not tokens or len(german) > MAX_WORDS or len(tokens) > 2 * MAX_WORDS:
        return None
    tokens = [(start, stop, low, stem(low)) for start, stop, low in tokens]  # stemmed once, not per German word
    lows = [low for _, _, low, _ in tokens]
    # "a security firm will then watch over": a German noun's English "watch" is not that verb.
    as_verb = {i for i in range(len(tokens)) if english_roles.other_part("noun", lows, i)}
    seen, as_noun_seen = _seen(tokens), _seen([t for i, t in enumerate(tokens) if i not in as_verb])
    own = _expanded(_content(glosses))
    written = {w.lower() for _, w in german}
    forms, stems, noun_forms, noun_stems, missing = set(), set(), set(), set(), []
    # Each word's English, in the forms a translation may use: "die" asks once.
    renders = renders or (lambda word: _renderings(db, word))
    known = {w: _expanded(renders(w)) for w in dict.fromkeys(w for _, w in german)}
    for s, word in german:
        english = known[word]
        noun = s > 0 and word[:1].isupper()
        (noun_forms if noun else forms).update(english[0])
        (noun_stems if noun else stems).update(english[1])
        if english[0] and word.lower() not in GERMAN_FUNCTION and not _uses_any(as_noun_seen if noun else seen, english):
            missing.append(s / max(1, len(sentence)))
    runs, run = [], []
    for i, (start, _end, low, st) in enumerate(tokens):
        free = (low not in ENGLISH_FUNCTION and len(low) > 2 and not set(low.split("-")) & written
                and low not in forms and st not in stems
                and (i in as_verb or (low not in noun_forms and st not in noun_stems)))
        if run and (not free or not _JOINED.fullmatch(translation, tokens[run[-1]][1], start)):
            runs.append(run)
            run = []
        if free:
            run.append(i)
    runs += [run] if run else []
    place = at / max(1, len(sentence))
    if _uses_any(as_noun_seen if pos == "noun" else seen, own):
        # The dictionary's own word is there, as part of the translation's longer name for it
        # ("stumbling stones" for "Stolpersteine", listed as "stumbling block"); else its sense.
        hit = [r for r in _joined(runs, tokens, translation) if _uses_any(_seen([tokens[i] for i in r]), own)]
        if len(hit) == 1 and 1 < len(hit[0]) <= MAX_RUN and abs(hit[0][0] / len(tokens) - place) <= WINDOW:
            run = _with_own_words(hit[0], tokens, translation, own)
            return tokens[run[0]][0], tokens[run[-1]][1]
        return None
    near = [r for r in runs if abs(r[0] / len(tokens) - place) <= WINDOW and not (pos == "noun" and r[-1] in as_verb)]
    if len(near) != 1:
        return None
    run = _with_own_parts(db, near[0], tokens, translation, sentence[at:end], renders)
    if len(run) > MAX_RUN:
        return None  # the words around it too: which of them are the word's is not clear
    where = run[0] / len(tokens)
    if any(abs(where - other) <= abs(where - place) for other in missing):
        return None  # as near another German word whose English is missing: it may be that word's
    if run[0] == 0 and any(w.lower() not in ARTICLES for s, w in german if s < at):
        # The translation opens with its subject; a German sentence may open with an object or a
        # place ("Auf eine Laube warten Bewerber": "Applicants wait for a hut"): the word standing
        # after others is not the one English puts first.
        return None
    wordnet = wordnet or synonyms.system()
    if pos == "noun":
        # English puts no plural before its noun: a plural ends the noun's words ("The grains
        # sprout quickly": the grains, then a verb whose German has no English found here).
        run = next((run[:k + 1] for k, i in enumerate(run[:-1]) if wordnet.plural(tokens[i][2])), run)
    if not _can_be(pos, [tokens[i][2] for i in run], wordnet):
        return None  # "job" is no rendering of "direkt", nor "beforehand" of "übermitteln"
    if (pos == "verb" and run[0] > 0 and tokens[run[0] - 1][2] in _ARTICLES and wordnet.available
            and not any(wordnet.knows(tokens[i][2], ("adj",)) for i in run)):
        return None  # after "the" a verb's English is a participle ("the distressed"), not "the con pack"
    last = run[-1] + _particle_after(tokens, run[-1], translation, wordnet)
    if last == run[-1] and pos == "verb" and len(run) == 1 and translation[tokens[last][1]:tokens[last][1] + 1] == " ":
        # "goes with her": the preposition makes the verb's sense ("to go with", accompany).
        after = english_roles.preposition_after(lows, last, wordnet)
        last += int(bool(after) and not after[1])
    be = 0 if _german_passive(sentence, at, end) else _passive_be(tokens, run[0], translation, pos)
    return tokens[run[0] - be][0], tokens[last][1]


def _with_own_words(run, tokens, translation, own):
    """Return run with the word joined after it (by a space, hyphen or possessive) that is the word's own English.

    "the lay assessors' court" renders "Schöffengericht" (mixed court of a judge and lay
    assessors), though "Prozess" (court case) claims "court": Ding's own gloss has the word.
    """
    last = run[-1]
    if (len(run) + 1 <= MAX_RUN and last + 1 < len(tokens)
            and _JOINED.fullmatch(translation, tokens[last][1], tokens[last + 1][0])
            and tokens[last + 1][2] not in ENGLISH_FUNCTION
            and (tokens[last + 1][2] in own[0] or tokens[last + 1][3] in own[1])):
        return [*run, last + 1]
    return run


def _with_own_parts(db, run, tokens, translation, word, renders):
    """Return run with the words next to it that render the word's own parts, though another word claims them.

    "Drachen|flieger" is a "kite flyer" where "Lenkdrachen" (stunt kites) claims "kite" too,
    "UV-Schutz" is "UV protection": the word before the run that renders a front part, or is
    written as in the German word, and the word after it that renders the last part, name one
    thing with it.
    """
    parts = compound_parts(db, word) if len(word) >= 8 and word.isalpha() else None
    pieces = {p.lower() for p in word.split("-")} if "-" in word else set()
    if not parts and not pieces:
        return run
    front = _expanded({w for _, headword in (parts or [])[:-1] for w in renders(headword)})
    head = _expanded(renders(parts[-1][1]) if parts else ())

    def own(i, english):
        low, st = tokens[i][2], tokens[i][3]
        return low not in ENGLISH_FUNCTION and (low in english[0] or st in english[1])

    first, last = run[0], run[-1]
    while (first > 0 and _JOINED.fullmatch(translation, tokens[first - 1][1], tokens[first][0])
           and (own(first - 1, front) or tokens[first - 1][2] in pieces)):
        first -= 1
    while (last + 1 < len(tokens) and _JOINED.fullmatch(translation, tokens[last][1], tokens[last + 1][0])
           and own(last + 1, head)):
        last += 1
    return list(range(first, last + 1))


def _passive_be(tokens, i, translation, pos):
    """Return 1 where tokens[i] is a verb's past participle after a form of "be" ("can be heard"), else 0.

    English may render a German active verb by a passive ("Die Orgel erklingt": "the organ can be
    heard"): "heard" alone is not the verb's meaning.
    """
    word = tokens[i][2]
    return int(pos == "verb" and i > 0 and tokens[i - 1][2] in _BE and translation[tokens[i - 1][1]:tokens[i][0]] == " "
               and participle(word) and not word.endswith("ing"))


def _german_passive(sentence, at, end):
    """Say whether sentence[at:end] is a participle with a passive's auxiliary in its clause ("wurde abgesagt").

    Then the German is a passive too, and English's "be" renders the auxiliary ("The event was
    scrapped"), not the verb. "sein" counts as well ("Die Tür ist geöffnet": "The door is opened");
    an infinitive beside "werden" is a future, active ("wird erklingen").
    """
    word = sentence[at:end]
    if not past_participle(word):
        return False  # "Sein Dorf liegt im Tal": "is nestled" renders "liegt" whole
    base = (lemmas.lemma(word, timeout=0) or "").lower()
    if word.lower() == base and word.endswith("n"):
        return False  # an infinitive
    before = max((m.end() for m in re.finditer(r"[,;:()]", sentence[:at])), default=0)
    after = re.search(r"[,;:()]", sentence[end:])
    clause = [w for _, _, w in word_tokens(sentence[before:end + after.start() if after else len(sentence)])]
    # "Sein Dorf", "sein Haus": before a noun "sein" is the possessive, no auxiliary.
    return any(w.lower() in PASSIVE_AUXILIARIES
               and not (w.lower() == "sein" and k + 1 < len(clause) and clause[k + 1][:1].isupper())
               for k, w in enumerate(clause))

# The forms of "be" that make an English passive.
_BE = frozenset("be is are was were been being".split())


_ARTICLES = frozenset("the a an".split())


# What opens a noun phrase: after one of these the "particle" is a preposition ("ran down the street").
_NOUN_PHRASE = english_roles.DETERMINERS | {"all", "of"}


def _particle_after(tokens, i, translation, wordnet):
    """Return 1 where tokens[i] is an English verb whose particle follows it ("sealed off"), else 0.

    A German particle verb ("abriegeln", "unterkommen") is often an English phrasal verb, and the
    particle, a function word, ends the run of content words found for it: "sealed" alone is
    another meaning than "sealed off". Not where a noun phrase follows ("crept away behind the wood").
    """
    if i + 1 >= len(tokens) or tokens[i + 1][2] not in translated.ENGLISH_PARTICLES or translation[tokens[i][1]:tokens[i + 1][0]] != " ":
        return 0
    if i + 2 < len(tokens) and tokens[i + 2][2] in _NOUN_PHRASE and not re.search(
            r"[,.;:!?]", translation[tokens[i + 1][1]:tokens[i + 2][0]]):
        return 0
    return 1 if wordnet.available and wordnet.knows(tokens[i][2], ("verb",)) else 0


def _can_be(pos, words, wordnet):
    """Say whether English words can render a German word of part of speech pos.

    A noun's English names it last ("municipal gardeners"); a verb's or an adjective's may
    be any of its words ("snapped", "high in sugar"). Unknown where WordNet is not installed.
    """
    parts = _WORDNET_PARTS.get(pos)
    if not parts or not wordnet.available:
        return True
    candidates = words[-1:] if pos == "noun" else words
    return any(wordnet.knows(w, parts) for w in candidates)


def _joined(runs, tokens, translation):
    """Return runs, those one preposition apart joined ("high in sugar", "freeze on admissions")."""
    out = []
    for run in runs:
        if out and run[0] - out[-1][-1] == 2 and _PREPOSITION_GAP.fullmatch(
                translation[tokens[out[-1][-1]][1]:tokens[run[0]][0]]):
            out[-1] = out[-1] + [run[0] - 1] + run
        else:
            out.append(list(run))
    return out


def _content(glosses):
    """Return the content words of English glosses."""
    # Letters of any script: "façade" is one word, not "fa" and "ade".
    return {w for g in glosses for w in regex.findall(r"\p{L}[\p{L}’'-]*", gloss_core(g).lower())
            if w not in ENGLISH_FUNCTION}


def _expanded(words):
    """Return the forms and stems English words may take in a translation."""
    forms = set()
    for w in words:
        forms |= translated.english_forms(w)
    return forms, {stem(w) for w in words}


def _seen(tokens):
    """Return the content words of a translation's tokens, and their stems."""
    content = [(low, st) for _, _, low, st in tokens if low not in ENGLISH_FUNCTION]
    return {low for low, _ in content}, {st for _, st in content}


def _uses_any(seen, english):
    """Say whether a translation's content words (as _seen gives them) hold any English words (as _expanded gives them)."""
    return bool(seen[0] & english[0] or seen[1] & english[1])


def _renderings(db, word):
    """Return the English content words the dictionary gives for a German word (and its parts)."""
    keys = [k for k in dict.fromkeys(normalize(k) for k in (word, lemmas.lemma(word, timeout=0)) if k) if k]
    if len(word) >= 8:
        # Cut as the lookup cuts it: "Straßen|ecken" claims "corners", not "Straße|necken" "tease".
        keys += [normalize(head) for _, head in compound_parts(db, word) or []]
    return _content(g for english in english_of(db, keys) for g in split_glosses(english))
