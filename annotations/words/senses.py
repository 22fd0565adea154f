"""Rank a word's dictionary senses for the place it stands in (translated.py finds the one a translation uses).

A learner takes the first meaning shown on trust, so the order weighs (in this order of
strength): the part of speech the sentence wants, whether the headword is the word itself or a
phrase around it, the labels of the very alternative that matched (not of the whole Ding line),
and how common the English gloss is (wordfreq), so "government" comes before "regimen" — in
the form the text uses where the line has it ("crippled" for "lahmgelegt").
"""
import collections
import functools
import math
import re
from dataclasses import dataclass

from . import lemmas, placeholders, synonyms

# Labels that mark a sense a reader of today's news rarely means: weight per label.
_RARE = {
    "obs.": 1.5, "veraltet": 1.5, "veraltend": 1.0, "archaic": 1.5, "selten": 1.5, "rare": 1.5,
    "poet.": 1.5, "hist.": 1.0, "vulg.": 1.5, "slang": 1.5, "dialect": 1.5, "regional": 1.0,
    "Schw.": 1.0, "Ös.": 1.0, "Süddt.": 1.0, "Norddt.": 1.0, "Mittelwestdt.": 1.0, "Bayr.": 1.0,
    "BW": 1.0, "Lie.": 1.0, "Lux.": 1.0, "ugs.": 0.5, "coll.": 0.5, "übtr.": 0.5, "fig.": 0.5,
    "geh.": 0.5, "formal": 0.5, "humor.": 0.5, "pej.": 0.5, "Jargon": 0.5, "Sprw.": 1.0,
    "adm.": 0.5, "Br.": 0.2, "Am.": 0.2, "techn.": 0.5, "med.": 0.5, "biol.": 0.5, "bot.": 0.5, "zool.": 0.5,
    "chem.": 0.5, "phys.": 0.5, "math.": 0.5, "ling.": 0.5, "relig.": 0.5, "geol.": 0.5,
    "min.": 0.5, "mach.": 0.5, "electr.": 0.5, "constr.": 0.5, "textil.": 0.5, "agr.": 0.5,
    "naut.": 0.5, "aviat.": 0.5, "comp.": 0.3, "sport": 0.3, "mus.": 0.5, "art": 0.5,
    "photo.": 0.5, "print": 0.5, "cook.": 0.5, "hunt.": 0.5, "astron.": 0.5, "anat.": 0.5,
    "altertümlich": 1.5, "altertümelnd": 1.0, "derb": 1.5, "Kindersprache": 1.0, "Jugendsprache": 0.5,
    "euphem.": 0.5, "iron.": 0.5, "Jägersprache": 0.5,
    # The subject fields Ding uses most besides those above; news speaks of armies and fighting
    # every day, so "mil." is as light as "sport".
    "jur.": 0.5, "mil.": 0.3, "ornith.": 0.5, "psych.": 0.5, "telco.": 0.5, "auto": 0.5, "envir.": 0.5,
    "transp.": 0.5, "pharm.": 0.5, "phil.": 0.5, "lit.": 0.5, "biochem.": 0.5, "geogr.": 0.5, "arch.": 0.5,
    "meteo.": 0.5, "statist.": 0.5, "stud.": 0.5, "school": 0.5, "sci.": 0.5, "myc.": 0.5, "astrol.": 0.5,
}
# Ding names many regions besides those above ("knacken [Westdt.]": to sleep, only in the
# west): a word said so in one region only is not the sense a reader of standard German
# meets. "[Dt.]" alone is Germany's standard usage beside Austria's and Switzerland's.
_REGION = re.compile(r"^(?:\w+(?:dt|ös|schw)\.|Südtirol|Tirol|Vorarlberg|Wien|Sachsen|Berlin|Franken|Pfalz|Baden|"
                     r"Württemberg|Westfalen)$")
SATURATION = 5.0  # Zipf value past which a gloss's frequency says nothing more (see sense_weight)
_LABEL = re.compile(r"\[([^\]]*)\]")
_COMMENT = re.compile(r"\(([^)]*)\)")
# An abbreviation between slashes ("/TBA/") has no space after its first slash; "to be /
# become / get annoyed" is three alternatives (see _ALTERNATIVES), not an abbreviation.
_NOISE = re.compile(r"\([^)]*\)|\[[^\]]*\]|\{[^}]*\}|<[^>]*>|\s/[^/\s][^/]*/")
# One English word, hyphens allowed ("dome", "take-off"; not "tent pole").
_ONE_WORD = re.compile(r"[a-zà-öø-ÿ]+(?:-[a-zà-öø-ÿ]+)*")  # "café", "façade" are one word
_ALTERNATIVES = re.compile(r"(\S+)(?:\s+/\s+\S+)+")
PREPOSITIONS = frozenset("an auf aus bei durch für gegen in mit nach über um unter von vor zu zwischen".split())
_PREP_ALT = "|".join(sorted(PREPOSITIONS))
_OBJECTS = re.compile(r"\b(?:jd|jdn|jdm|jds|etw|sich)\.?(?=[\s/]|$)|/|\b(?:" + _PREP_ALT
                      + r")\s+(?=(?:jd|jdn|jdm|jds|etw)\.)")
_PREP_OBJECT = re.compile(r"\b(" + _PREP_ALT + r")\s+(?:jd|jdn|jdm|jds|etw)\.")
# "aus einer Institution austreten", "aus einem Land ausreisen": an indefinite object after the
# preposition a separable verb's particle repeats is a placeholder, as "aus etw. austreten".
_GENERIC_OBJECT = re.compile(r"^(" + _PREP_ALT + r") (?:ein|eine|einen|einem|einer|eines) \S+ (?=(\S+)$)",
                             re.IGNORECASE)


def generic_object(phrase, placeholder="etw."):
    """Return phrase with an indefinite object before its particle verb as "etw." ("aus etw. austreten")."""
    m = _GENERIC_OBJECT.match(phrase)
    if not m:
        return phrase
    prep, verb = m.group(1).lower(), m.group(2).lower()
    if len(verb) > len(prep) + 2 and verb.startswith(prep):
        return f"{m.group(1)} {placeholder} {m.group(2)}"
    return phrase


# A verb's object frame ("with sth.", "to sb.", "sb./sth."): its arguments, not words of the expression.
_FRAME = re.compile(r"\s(?:(?:about|against|at|by|for|from|in|into|of|on|over|to|with)\s+)?"
                    r"(?:sb\.?/sth\.|sb\.|sth\.|sb's|one's|oneself)", re.IGNORECASE)
# Ding writes the possessive "sb.’s" (curly): the whole of it is the placeholder, not "sb." alone.
_PLACEHOLDER = re.compile(r"\b(?:sb|sth)\.?[’']s\b|\b(?:sb|sth|sb's|one[’']s|oneself)\b\.?|\bso\.(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class Want:
    """What the sentence says about the clicked word's part of speech (None: no opinion)."""
    noun: bool | None = None      # capitalised mid-sentence: a noun; lower-case: not one
    adjective: bool = False       # an inflected adjective ("herkömmlichen"): not an adverb
    verb: bool = False            # a participle beside an auxiliary ("ist … geschickt worden")
    adverb: bool = False          # a bare word before a verb ("leicht gestiegen", "erneut aussetzen")
    reflexive: bool | None = None  # the clause has a reflexive pronoun ("beteiligen sich")
    prepositions: frozenset = frozenset()  # the clause's prepositions ("rechnen … mit")
    sentence: frozenset = frozenset()  # the sentence's other words, lower case ("landtagswahl")
    participle: bool = False      # a present participle ("zunehmend"): not the verb's infinitive
    number: bool = False          # a number follows ("rund 3000", "knapp fünf Prozent")
    state: bool = False           # a participle beside "sein" alone ("sind ausgebucht"): maybe a state
    passive: bool = False         # a participle beside "werden" ("gebrannt werden"): a transitive verb
    genders: frozenset = frozenset()  # what the determiner before a noun allows ("die": f, pl)
    fields: frozenset = frozenset()  # subject fields another word of the sentence has in Ding ("cook.")
    object: str | None = None     # the verb's direct object is a "person" or a "thing" (objects.py)
    national: bool = False        # a nationality's adjective stands before the noun ("die iranische Botschaft")
    determiner: bool = False      # an article or possessive before its noun ("sein Amtskollege", "den Präsidenten")


# Ding's notes on the English's forms: "<>" where the object may stand ("to call up <> sb.": also
# "to call sb. up"), "<delt>" an irregular past; and an abbreviation between slashes ("married /mar./").
_FORM_NOTE = re.compile(r"\s*<[^<>]*>|\s+/[^/\s][^/]*/(?=\s|$|[;,)])")


def readable(gloss):
    """Return a gloss as a learner reads it, without Ding's notes on English forms ("to call up sb.")."""
    return " ".join(_FORM_NOTE.sub("", gloss).split()) or gloss


def gloss_core(gloss):
    """Return the bare English of a gloss: no comments, labels, "to" or sb./sth."""
    g = _PLACEHOLDER.sub(" ", _NOISE.sub(" ", " " + gloss))
    g = _ALTERNATIVES.sub(r"\1", g)  # "to be / become / get annoyed": "to be annoyed"
    g = re.sub(r"^\s*to\s+", "", " ".join(g.split()))
    return g.strip(" .;,").lower()


def object_pieces(gloss):
    """Return a gloss's bare English in the pieces its objects part ("to advise sb. against sth.": advise, against)."""
    return [p for p in (gloss_core(piece) for piece in _PLACEHOLDER.split(_NOISE.sub(" ", gloss))) if p]


def fields(labels):
    """Return the subject fields among Ding labels ("pol.", "mus."), not registers, regions or spellings."""
    out = set()
    for text in labels:
        for label in text.split(", "):
            label = label.strip()
            if (label and label not in _REGISTER and label not in _NOT_FIELDS and not _REGION.match(label)
                    and _RARE.get(label, 0.5) <= 0.5):
                out.add(label)
    return out


def rarity(labels):
    """Return how strongly the labels say "not the everyday sense"."""
    return min(3.0, sum(_RARE.get(label.strip(), 1.0 if _REGION.match(label.strip()) else 0.0)
                        for text in labels for label in text.split(", ")))


def gloss_weight(gloss):
    """Return how common a gloss is in English, less for its own labels ("[formal]")."""
    core = gloss_core(gloss)
    return lemmas.zipf(core) - rarity(_LABEL.findall(gloss)) if core else -5.0


def sense_weight(gloss):
    """Return how common the sense a gloss names is, by its English frequency.

    wordfreq estimates a phrase from its words, close to its rarest one: "soon-to-be" comes out
    as common as "future", "to be lost" as "lost". Each further word of a fixed expression makes
    it rarer, by about a factor of ten (one step of the Zipf scale); the infinitive's "to" and
    the object frame ("to reckon with sth.") are no words of the expression. And past Zipf 5
    (once in 100,000 words) a word's frequency counts its many senses and uses ("great",
    "work", "post"), not how common the one sense is: the signal stops growing there.
    """
    core = gloss_core(gloss)
    if not core:
        return -5.0
    words = re.findall(r"[a-z]+", _FRAME.sub(" ", " " + _ALTERNATIVES.sub(r"\1", _NOISE.sub(" ", gloss))).lower())
    return (min(SATURATION, lemmas.zipf(core)) - rarity(_LABEL.findall(gloss))
            - max(0, len(words) - 1 - words[:1].count("to")))


def matched_alternative(alternatives, headword):
    """Return the German alternative whose headword matched (labels belong to it alone)."""
    if headword:
        # As a whole word: "Bagger" is not the "Baggerschiff" that opens its line.
        whole = re.compile(r"(?<!\w)" + re.escape(headword) + r"(?!\w)")
        for alt in alternatives:
            if whole.search(alt):
                return alt
    for alt in alternatives:
        if headword and headword in alt:
            return alt
    return alternatives[0] if alternatives else ""


def labels_in(text):
    """Return the [labels] of a text (a Ding line's German side, say)."""
    return _LABEL.findall(text)


def labels_of(alternative):
    """Return the [labels] and (comments) of one German alternative."""
    return _LABEL.findall(alternative), _COMMENT.findall(alternative)


# Spellings German and English write differently in the same borrowed word ("Kommission", "fragil").
_LATIN = str.maketrans({"k": "c", "z": "c", "ä": "a", "ö": "o", "ü": "u", "ß": "s"})


def shared_start(german, english):
    """Return how many letters a German and an English word share from their start, as each spells a borrowing."""
    a, b = german.lower().translate(_LATIN), english.lower().translate(_LATIN)
    return next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))


def cognate(german, gloss):
    """Say whether a gloss is the German word's cognate ("kritisieren" → "criticize").

    Where the English has the same word, that is nearly always the sense a text means.
    """
    return shared_start(german, gloss_core(gloss)) >= 5  # shorter shared starts are chance ("Land" is rarely "land")


STOPWORDS = frozenset("""a an the to of in on at for with by from up out off into about over as and or
    not no be is are was were been being have has had do does did get got one's oneself sb sth
    sb's sth's s it its more most less least very""".split())


def stem(word):
    """Return a crude English stem, the same for a word's inflections ("checked", "checks" → "check")."""
    w = word.lower().strip("'’")
    w = re.sub(r"['’]s$", "", w)
    w = _IRREGULAR_BASE.get(w, w)
    if len(w) > 4:
        for suffix, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
            if w.endswith(suffix) and not (suffix == "s" and w.endswith("ss")):
                w = w[:-len(suffix)] + repl
                if suffix in ("ing", "ed") and len(w) > 3 and w[-1] == w[-2] and w[-1] not in "ls":
                    w = w[:-1]  # "stopped", "planning"
                break
    return w[:-1] if len(w) > 3 and w.endswith("e") else w


def content_stems(gloss):
    """Return the stems of a gloss's content words ("to check up on sb." → {"check"})."""
    return {stem(w) for w in re.findall(r"[a-z][a-z’'-]*", gloss_core(gloss)) if w not in STOPWORDS}


def consensus(entries):
    """Return {entry id: support}: how many other Ding lines for the word share its English.

    The meaning many lines agree on ("check" in "to check out", "to check (for)", "to check
    up on") is the word's core; a sense one line alone has ("to pick over") is a corner.
    """
    lines = {}
    for e in entries:
        lines.setdefault(e["id"] - e["sub"], set()).update(
            st for g in e["glosses"] for st in content_stems(g))
    count = {}
    for stems in lines.values():
        for st in stems:
            count[st] = count.get(st, 0) + 1
    return {e["id"]: max((count[st] - 1 for st in content_stems(e["glosses"][0])), default=0)
            if e["glosses"] else 0 for e in entries}


def synonym_consensus(entries, wordnet=None):
    """Return {entry id: support}: how many other Ding lines for the word name its sense in other English words.

    "lady" has no word in common with "dame" or "madam", but WordNet puts the three in one
    synset: three lines agree on the sense, where "queen (chessman)" and "queen (playing
    card)" are two. Only a line's first three glosses and words of Zipf 5 or less count (past
    that a word has too many senses to say which one two lines share). Verbs get none.
    """
    wordnet = wordnet or synonyms.system()
    support = {e["id"]: 0 for e in entries}
    if not wordnet.available or not lemmas.ready():
        return support  # no synonyms, or no frequencies yet to keep rare ones out
    lines = {}
    for e in entries:
        # WordNet's verb synsets are fine-grained and loose ("to grow", "to develop", "to
        # expand"): shared verb synonyms say little about which sense is the core one.
        if e["sub"] == 0 and e["pos"] != "verb":
            lines.setdefault(e["id"], set()).update(
                w for g in e["glosses"][:3] for w in _words_of_sense(g, e["pos"], wordnet))
    stems = {}
    for e in entries:
        stems.setdefault(e["id"] - e["sub"], set()).update(st for g in e["glosses"] for st in content_stems(g))
    for e in entries:
        if not e["glosses"] or e["pos"] == "verb":
            continue
        mine = _words_of_sense(e["glosses"][0], e["pos"], wordnet) - {gloss_core(e["glosses"][0])}
        own = content_stems(e["glosses"][0])
        # Lines sharing a word with it already count in consensus(): these agree in other words.
        support[e["id"]] = sum(1 for line, words in lines.items()
                               if line != e["id"] - e["sub"] and mine & words and not own & stems.get(line, set()))
    return support


def telling_synonyms(word, wordnet, pos=None):
    """Return word's WordNet synonyms that say which sense is meant: those of Zipf 5 or less."""
    # Past Zipf 5 a word has too many senses to say which one two words share ("just", "free").
    return frozenset(w for w in wordnet.synonyms(word, pos=pos) if lemmas.zipf(w) <= SATURATION)


@functools.lru_cache(maxsize=50_000)
def _words_of_sense(gloss, pos, wordnet):
    """Return a gloss's bare English and its telling WordNet synonyms (in its part of speech)."""
    core = gloss_core(gloss)
    if not core:
        return frozenset()
    return frozenset({core}) | telling_synonyms(core, wordnet, pos)


def participle(gloss):
    """Say whether an English gloss is a participle ("armed", "broken", "sent", "growing")."""
    words = gloss_core(gloss).split()
    return bool(words) and (words[-1].endswith(("ed", "en", "ing")) or words[-1] in _PARTICIPLES)


def comparative(glosses):
    """Say whether the first English gloss is a comparative ("higher", "more punctual")."""
    words = gloss_core(glosses[0]).split() if glosses else []
    return len(words) == 1 and words[0].endswith("er") or len(words) == 2 and words[0] in ("more", "less")


def superlative(glosses):
    """Say whether the first English gloss is a superlative ("biggest", "most punctual")."""
    words = gloss_core(glosses[0]).split() if glosses else []
    return len(words) == 1 and words[0].endswith("est") or len(words) == 2 and words[0] in ("most", "least")


def topic_in(comments, sentence):
    """Say whether a noun of a comment telling the senses apart ("Hilfe leisten (Hilfe)") stands in the sentence.

    The word Ding names to tell a sense from the others is there, alone or as the last part
    of a compound ("Militärhilfe"), so that sense is meant.
    """
    names = {c.lower() for text in comments for c in re.findall(r"\b[A-ZÄÖÜ][a-zäöüß]{3,}\b", text)}
    return any(w.endswith(n) for n in names for w in sentence)


# Ding's note that a sense is the one used with numbers: "(bei Zahlenangaben)", "(vor Zahlen)",
# "(used with numerical figures)".
_FIGURES = re.compile(r"Zahl|\bnumber|\bnumerical|\bfigures?\b")


def with_figures(entry):
    """Say whether Ding notes an entry as the sense a word has before or with a number."""
    notes = _COMMENT.findall(entry["german"]) + [c for g in entry["glosses"] for c in _COMMENT.findall(g)]
    return entry["pos"] != "noun" and any(_FIGURES.search(n) for n in notes)


_IN_COMPOUNDS = re.compile(r"\bin (?:Zusammensetzungen|compounds)\b")


def in_compounds(entry):
    """Say whether Ding marks the German word as used so inside compounds ("Bewohner {m} (meist in Zusammensetzungen)").

    "…bewohner" in "Bergbewohner" is a dweller; the word standing alone is an inhabitant.
    """
    # Of a verb, Ding says so of a sense it has beside an adverb ("etw. offen halten"): a phrase.
    return entry["pos"] == "noun" and any(_IN_COMPOUNDS.search(t) for t in (*entry["labels"], *entry["comments"]))


def misfit(entry, want):
    """Say whether the sentence rules the entry out (a noun for a lower-case word mid-sentence).

    "Erhöhen {n}: raising" is no meaning of "erhöhen" in "Die Kassen erhöhen ihre Beiträge".
    """
    head = entry["headword"]
    return want.noun is not None and head[:1].isalpha() and head[0].isupper() != want.noun


# How far a noun of another headword falls behind where Ding lists the written noun itself.
OTHER_NOUN = 3.0


# How far an article or possessive before its noun brings its own entry forward ("sein": his, not to be).
DETERMINER = 3.0
# How far a nationality's adjective before a noun brings its political sense forward.
NATIONAL = 3.0
# WordNet's lexicographer files of an institution: noun.artifact (an embassy, a consulate: the
# building) and noun.group (a government, a party, a parliament). Not noun.act ("vote",
# "leadership"), nor noun.location ("district"): "eine russische Stimme" is a voice.
_INSTITUTION = frozenset({6, 14})


def institution(entry):
    """Say whether an entry's first gloss names an institution (an embassy, a government), by WordNet."""
    words = gloss_core(entry["glosses"][0]).split() if entry["glosses"] else []
    return bool(words) and synonyms.system().lexicographer_file(words[-1]) in _INSTITUTION


def score(entry, want, key_rank, phrase_asked, support=0, reflexive_line=False):
    """Return a sort key for an entry (lower first) in the context described by want.

    reflexive_line: the word has a reflexive headword ("sich ärgern") among its entries.
    """
    head = generic_object(entry["headword"])
    s = 0.2 * key_rank
    if misfit(entry, want):
        s += 4.0
    pos = entry["pos"]
    if want.adjective:
        s += {"adverb": 2.0, "verb": 1.5, "adjective": -0.5}.get(pos, 0.0)
        if entry["sub"] > 0 and entry["glosses"] and not participle(entry["glosses"][0]):
            s += 1.0  # a verb's finite form ("bewaffnet": arms), where a participle stands as adjective
    if want.adverb:
        s += {"adverb": -1.0, "adjective": 1.0}.get(pos, 0.0)
    if want.determiner:
        # The article itself first ("der": the), then a pronoun of that form (a possessive's "his").
        s += {"article": -2 * DETERMINER, "pronoun": -DETERMINER}.get(pos, DETERMINER)
        if "{ppron}" in (entry.get("alternative") or ""):
            s += 2 * DETERMINER  # "ihre Zusammenarbeit" is their (a possessive), not "ihr {ppron}" (you)
    if want.participle and pos == "verb":
        s += 2.0
    if want.verb:
        s += {"verb": -1.0, "adjective": 1.0, "adverb": 1.0}.get(pos, 0.0)
        if want.state and pos == "adjective" and entry["sub"] == 0 and head.lower() == entry["key"]:
            # Ding's adjective "ausgebucht" (booked up), not the verb "ausbuchen" (to write off).
            s -= STATE_ADJECTIVE if entry.get("state_of_verb") else OTHER_STATE_ADJECTIVE
    if want.passive and pos == "verb" and entry["sub"] == 0 and intransitive(entry):
        s += PASSIVE_INTRANSITIVE
    if want.object and pos == "verb" and (kinds := placeholders.line_objects(entry)):
        # "jdn. zurückrufen" (to call sb. back) for "ruft Fahrzeuge zurück"
        s += 0.0 if want.object in kinds else OBJECT_MISMATCH
    if want.passive and entry.get("participle_row"):
        s -= 2.0  # the participle row of a verb's line ("bepflanzt: planted") is that verb, as written
    if entry["sub"] > 0:
        s += 1.0
    if pos == "verb" and not want.reflexive and entry["sub"] == 0 and _DIRECT.match(entry["headword"]):
        s -= DIRECT_BONUS  # see _DIRECT
    if entry.get("form_in_line"):
        s -= 0.5  # its line lists the word as written among its forms
    if entry["indirect"]:
        s += 2.0  # reached through a <hint> or abbreviation, not as a headword
    if head.endswith("…") or head.startswith("…"):
        s += 4.0  # a compound stem ("Präsidenten…"), not the word itself
    elif not phrase_asked and len(_OBJECTS.sub(" ", head).split()) > 1:
        # "kein Geheimnis aus etw. machen" under "machen": the phrase, not the word.
        s += OBJECT_PHRASE if entry.get("object_phrase") else 1.5
    elif not phrase_asked and (prep := _PREP_OBJECT.search(head)):
        # "mit etw. rechnen" (to expect) where the clause has "mit"; otherwise the plain verb
        # is the commoner sense ("an etw. aussetzen" for "die Schuldenbremse aussetzen").
        # Ding's concrete object ("zu einem Ort zurückkommen") names a narrower
        # sense than "etw.": without its preposition it is a phrase like any other.
        # A reflexive line's preposition is no sign of it where the clause has no "sich": "vom Amt
        # abwenden" (to avert sth. from the office) is no "sich von jdm. abwenden" (to desert sb.).
        # The sentence's, not only the clause's: "hat sich, so heißt es, von ihm getrennt" ("sich"
        # only: "uns" or "dich" may be an object, "er hat uns getrennt").
        unreflexive = want.reflexive is False and re.search(r"\bsich\b", head) and "sich" not in want.sentence
        s += (-1.5 if prep.group(1) in want.prepositions and not unreflexive
              else 1.5 if head != entry["headword"] else 0.5)
    if want.reflexive is not None and re.search(r"\bsich\b", head):
        s += -0.5 if want.reflexive else 1.5
    elif want.reflexive and reflexive_line and entry["pos"] == "verb":
        # "weil sie sich über … ärgern": the reflexive verb (to be annoyed) is another verb
        # than "jdn. ärgern" (to annoy sb.), as much as it is not meant without the pronoun.
        s += 1.5
    s += rarity(entry["labels"])
    # A field label says "a specialist's sense": not where the sentence is in that field
    # ("Kantine [cook.]": staff restaurant, beside "Gerichte [cook.]", not the army's mess).
    s -= rarity(fields(entry["labels"]) & want.fields)
    if want.number and with_figures(entry):
        s -= 1.5  # "rund 3000": the sense Ding gives for use with numbers ("about"), not "round"
    if want.national and "pol." in fields(entry["labels"]) and institution(entry):
        # A country's embassy, government, parliament: its adjective asks for the institution.
        s -= NATIONAL
    if topic_in(entry["comments"], want.sentence):
        s -= 1.5
    elif corner(entry):
        s += CORNER
    if entry.get("other_noun"):
        # More than a long line's weight: "Toner" is toner, though "Ton" (clay) has 29 rows.
        s += OTHER_NOUN
    if entry.get("disagrees"):
        s += 3.0  # "die Plane" is the tarpaulin, not "der Plan" the simplemma lemma points to
    if in_compounds(entry):
        s += 1.5
    s -= 0.8 * math.log2(1 + entry["subs"])
    if cognates(entry):
        s -= 1.0
    # How common the sense is: the English of the word's own form where its line has that row.
    weight = entry.get("form_weight")
    if weight is None and entry["glosses"]:
        weight = sense_weight(entry["glosses"][0])
    if weight is not None:
        s -= 0.5 * weight
    s -= 0.5 * math.log2(1 + support)
    s -= 0.3 * math.log2(1 + entry.get("synonym_support", 0))
    return s


# What Ding's adjective of a participle gains beside "sein" alone ("ist geöffnet": open, the
# state): more than a long verb line's rows of forms and uses give that line (see score), where it
# names the state the verb's own sense leads to (lookup's "state_of_verb"); less where it is a
# sense of its own ("gebannt": transfixed, beside "bannen": to avert a danger).
STATE_ADJECTIVE = 6.0
OTHER_STATE_ADJECTIVE = 2.5
# What a verb's line with its typical object ("ein Gebäude abreißen", object_phrases.py) costs under
# the bare verb: less than an idiom's phrase, so it follows the verb's own lines that fit the
# clause, but comes before those that do not ("sich vorbeugen" where the clause has no "sich").
OBJECT_PHRASE = 1.0
# A passive of a verb Ding tags intransitive or reflexive is no sense of it ("brennen {vi}": to
# burn, in "die im Ofen gebrannt werden"; "etw. brennen {vt}": to fire).
PASSIVE_INTRANSITIVE = 1.0
# A line for a person as the object where the clause's object is a thing, or the reverse.
OBJECT_MISMATCH = 1.5
# Ding gives a verb's forms as the sub-entries of its line: present participle, past participle, …
PARTICIPLE_ROW = 2
_VERB_TAG = re.compile(r"\{(v[tir]?)\}")


def intransitive(entry):
    """Say whether Ding tags the matched alternative's verb intransitive or reflexive ({vi}, {vr}).

    An alternative without a tag of its own has the line's, written once after the last
    ("besitzen; innehaben; haben {vt}").
    """
    own = _VERB_TAG.findall(entry.get("alternative", ""))
    tags = own or _VERB_TAG.findall(entry["german"])[-1:]
    return bool(tags) and tags[0] in ("vi", "vr")


# A comment narrowing a sense to a corner weighs like a label of a specialist's sense.
CORNER = 1.0
# A verb Ding heads with its direct object ("etw. einsammeln": to collect sth.) names the
# transitive sense a clause with an object uses; a bare alternative ("einsammeln": to scavenge,
# "abtragen (Kleidung)": to wear) is often a narrower one whose English word is merely common.
# Not where a reflexive pronoun is the object ("sich ärgern" is not "jdn. ärgern").
DIRECT_BONUS = 0.3
_DIRECT = re.compile(r"^(?:etw|jdn|jdn\./etw)\. \S+$")


def corner(entry):
    """Say whether a German comment (not on grammar) narrows the entry, and its first gloss to a place.

    "Laufsteg {m} (am Kran) :: platform (on a crane)" is a catwalk only on a crane.
    """
    german = [c for c in entry["comments"] if not _GERMAN_FRAME.search(c)]
    english = _COMMENT.findall(entry["glosses"][0]) if entry["glosses"] else []
    return bool(german) and any(_CORNER_EN.match(c) for c in english)


# "(an etw.)", "(sich)": a comment on the word's grammar, not on where it is used.
_GERMAN_FRAME = re.compile(r"\b(?:etw|jd[nmsr]|sich)\b")
# "(on a crane)", "(in a theatre)": the place the English narrows the sense to ("(of a system)"
# names what the thing belongs to: the everyday sense, of one thing).
_CORNER_EN = re.compile(r"(?:on|in|at) (?:a|an|the) (?!(?:thing|person|place)\b)[a-z]+$")


def cognates(entry):
    """Return the entry's glosses that are the German word's cognates, without a label.

    One further down the line counts too ("Dialyse": … haemodialysis; dialysis), unless, from
    the fifth gloss on, a comment narrows it to a corner ("panzer (German military)" beside "tank").
    """
    german = _OBJECTS.sub(" ", entry["headword"]).split()
    return [g for i, g in enumerate(entry["glosses"]) if german and cognate(german[-1], g)
            and not rarity(_LABEL.findall(g)) and (i < 4 or not _COMMENT.search(g))]


def best_gloss(entry):
    """Return the gloss to pre-fill from an entry: Ding's first, unless a later one is far commoner."""
    glosses = entry["glosses"][:4]
    if not glosses:
        return ""
    same = cognates(entry)
    if same:
        return same[0]
    first = gloss_weight(glosses[0])
    # A gloss narrowed by a comment ("to want sth. (of a person or thing)") is a corner of a
    # common English word, not the common word's sense: it does not outrank the first.
    plain = [g for g in glosses[1:] if not _COMMENT.search(g)]
    best = max(plain, key=gloss_weight, default=glosses[0])
    # Two steps of the Zipf scale (a hundred times commoner): a short English word's frequency
    # counts all its senses and names ("trump", "dip"), so ten times commoner than "trumpet" or
    # "pickpocket" says little about the sense; "guinea pig" over "cavy" still leads.
    return best if gloss_weight(best) > first + 2.0 else glosses[0]


# Irregular English forms (a translation's "sent" where the dictionary has "to send").
IRREGULAR = {
    "send": "sent", "rise": "rose risen", "fall": "fell fallen", "take": "took taken",
    "give": "gave given", "make": "made", "hold": "held", "lead": "led", "seek": "sought",
    "bring": "brought", "buy": "bought", "build": "built", "choose": "chose chosen",
    "come": "came", "do": "did done", "draw": "drew drawn", "drive": "drove driven",
    "find": "found", "fight": "fought", "get": "got gotten", "go": "went gone", "grow": "grew grown",
    "have": "had has", "hit": "hit", "keep": "kept", "know": "knew known", "leave": "left",
    "lose": "lost", "meet": "met", "pay": "paid", "put": "put", "say": "said", "see": "saw seen",
    "sell": "sold", "set": "set", "show": "shown showed", "sink": "sank sunk", "speak": "spoke spoken",
    "spend": "spent", "stand": "stood", "strike": "struck", "take part": "took part taken part",
    "tell": "told", "think": "thought", "win": "won", "write": "wrote written", "be": "is are was were been",
    "cut": "cut", "shut": "shut", "hurt": "hurt", "lay": "laid", "begin": "began begun",
    "break": "broke broken", "feel": "felt", "hear": "heard", "mean": "meant", "run": "ran",
    "understand": "understood", "withdraw": "withdrew withdrawn", "forbid": "forbade forbidden",
}


_PARTICIPLES = frozenset(f for forms in IRREGULAR.values() for f in forms.split()) - {"has", "is", "are", "was", "were"}
_IRREGULAR_BASE = {form: base for base, forms in IRREGULAR.items() if " " not in base
                   for form in forms.split()}  # "sent" -> "send"


# --- the parts of a split compound --------------------------------------------------------

def plain_gloss(entries):
    """Return a compound part's meaning: its everyday sense, without labels or sb./sth.

    "Kampf" in "Kampfjets" is "fight", not "fight (for sth.) [fig.]": a part stands for its
    plain, common sense, so a gloss labelled figurative, dated or colloquial gives way to the
    next entry's.
    """
    with_glosses = [e for e in entries if e["glosses"]]
    if not with_glosses:
        return ""
    entry = next((e for e in with_glosses if not _register(_LABEL.findall(best_gloss(e)))), with_glosses[0])
    gloss = best_gloss(entry)
    # An English compound names its parts by their bare nouns ("card payment", "tomato seed"):
    # of the sense's glosses, a one-word one ("card", not "playing card") says the part.
    # The German word itself in English ("Jet [coll.]": jet) is plain, whatever its German register.
    single = [g for g in entry["glosses"][:4]
              if _ONE_WORD.fullmatch(gloss_core(g))
              and (not _register(_LABEL.findall(g)) or gloss_core(g) == entry["headword"].lower())]
    if single and len(gloss_core(gloss).split()) > 1:
        gloss = max(single, key=gloss_weight)
    g = _ALTERNATIVES.sub(r"\1", _PLACEHOLDER.sub(" ", _NOISE.sub(" ", " " + gloss)))
    return " ".join(g.split()).strip(" .;,") or gloss


# How many of the dictionary's own compounds must open their English with one word, and how far
# ahead of the next word, for that word to be what the front part means in a compound.
MODIFIER_MIN = 4
MODIFIER_LEAD = 2
# Fewer suffice where the word is one of the part's own senses, not any word at all.
OWN_MODIFIER_MIN = 2


def modifier_sense(english_sides):
    """Return what a compound's front part means, from the dictionary's compounds that begin with it.

    A part's commonest sense alone is not its sense in front of another noun: "Kampf" is "fight",
    but Ding's "Kampf…" nouns are "combat aircraft", "combat troops": an English name of two
    words opens with the front part's word. The word that opens most of them (counting
    "pack", "packing" as one) wins, where clearly ahead; else "" (Ding's "Stamm…" nouns are as
    often "stem cell" as "regular customer").
    """
    forms = _openings(english_sides)
    ranked = sorted(forms.values(), key=lambda c: -c.total())
    if not _leads([c.total() for c in ranked]):
        return ""
    return ranked[0].most_common(1)[0][0]


def own_modifier_sense(english_sides, words):
    """Return which of a front part's own one-word senses (words) opens most of its compounds, or "".

    Where no word clearly leads all the compounds' English, the part's own senses may still
    settle it: Ding's "Fest…" nouns open as often with "festive", "solid", "hard" as with
    "fixed", but of "Fest"'s own senses (festival, firm, fixed) "fixed" opens most by far.
    """
    forms = _openings(english_sides)
    ranked = sorted((forms[s] for s in dict.fromkeys(map(stem, words)) if s in forms), key=lambda c: -c.total())
    if not _leads([c.total() for c in ranked], OWN_MODIFIER_MIN):
        return ""
    return ranked[0].most_common(1)[0][0]


def _openings(english_sides):
    """Return {stem: {word as written: how many}} of the words opening two-word English names."""
    forms = collections.defaultdict(collections.Counter)
    # One English name given to several spellings ("Lebendverbau", "Lebendbauweise": "soil
    # bioengineering technique") is one piece of evidence, not several.
    for english in dict.fromkeys(english_sides):
        words = _first_name(english)
        if len(words) >= 2 and _ONE_WORD.fullmatch(words[0]) and words[0] not in STOPWORDS:
            forms[stem(words[0])][words[0]] += 1
    return forms


def _first_name(english):
    """Return the words of the first English name on a Ding line's side, without comments or labels."""
    return _NOISE.sub(" ", " " + re.split(r";\s*", english, maxsplit=1)[0]).split()


def _leads(counts, least=MODIFIER_MIN):
    """Say whether the first of counts (highest first) is enough and clearly ahead of the next."""
    return bool(counts) and counts[0] >= least and (len(counts) < 2 or counts[0] >= MODIFIER_LEAD * counts[1])


def one_word_senses(glosses):
    """Return the one-word English of glosses ("dome", "bubble"; not "tent pole"), in their order."""
    cores = (gloss_core(g) for g in glosses)
    return list(dict.fromkeys(c for c in cores if _ONE_WORD.fullmatch(c)))


# How many of the dictionary's compounds must end their English in one of a last part's words.
HEAD_MIN = 3


def head_sense(english_sides, words):
    """Return what a compound's last part means, from the dictionary's compounds that end in it.

    A part's first-ranked sense alone is not its sense at the end of a compound: "Kuppel" is
    a cupola or a bubble, but Ding's "Glaskuppel", "Reaktorkuppel", "Zirkuskuppel" are domes,
    so "Zeltkuppel" is a tent dome. Of the part's own one-word senses (words), the one that
    ends most of those compounds' English names wins, where clearly ahead; else "".
    """
    counts = _endings(english_sides)
    ranked = collections.Counter({w: counts[w] for w in words if counts[w]}).most_common(2)
    return ranked[0][0] if _leads([n for _, n in ranked], HEAD_MIN) else ""


def common_head(english_sides, words):
    """Return the word that ends most of the dictionary's compounds ending in a part, where none of its own does; else "".

    A part's own senses may all miss its sense at the end of a compound: "Macher" is a doer,
    but Ding's "Uhrmacher", "Hutmacher", "Geigenmacher" are makers, so "Glasmacher" is a glass
    maker. Where even one compound ends in one of the part's own senses (words), that sense
    is alive in compounds, and other words ending them are kinds of their own ("Fischer" is a
    fisherman; "Eisvogel … kingfisher" says nothing of "Küstenfischer"). Held to the front
    part's bar (MODIFIER_MIN, MODIFIER_LEAD).
    """
    counts = _endings(english_sides)
    if any(counts[w.lower()] for w in words):
        return ""
    ranked = counts.most_common(2)
    return ranked[0][0] if _leads([n for _, n in ranked]) else ""


def _endings(english_sides):
    """Return how many English names (the first on each side, once each) end in each one-word noun."""
    counts = collections.Counter()
    for english in dict.fromkeys(english_sides):
        last = [w.lower() for w in _first_name(english)[-1:]]
        if last and _ONE_WORD.fullmatch(last[0]) and last[0] not in STOPWORDS:
            counts[last[0]] += 1
    return counts


def split_meaning(glosses, noun):
    """Return the meaning to pre-fill for a split compound from its parts' ("Honig|ernte": honey harvest).

    English names a thing by one noun before another ("honey harvest", "computer failure"),
    as German joins them into one word: a noun whose parts each mean one English word reads
    so. A front part may mean an English compound itself: it stands before the last part as
    a whole ("Modellbahn|club": model railway club, "Kinderbuch|verlag": children's book publisher).
    Where the last part's meaning is a phrase, a part's is missing, or the word is no noun,
    the parts stay apart ("fight + jet aircraft", "three + for…days").
    """
    if (noun and glosses and _ONE_WORD.fullmatch(glosses[-1] or "")
            and all(_noun_name(g) for g in glosses[:-1])):
        return " ".join(glosses)
    return " + ".join(g or "?" for g in glosses)


# A noun or a compound noun of two: "railway", "children’s book" (not "in own right", a phrase).
_NOUN_NAME = re.compile(r"[a-z][a-z’']*(?:-[a-z]+)*(?: [a-z][a-z’']*(?:-[a-z]+)*)?")


def _noun_name(gloss):
    """Say whether a part's meaning is an English noun, or two that name one thing, without function words."""
    return bool(_NOUN_NAME.fullmatch(gloss or "")) and not any(w in STOPWORDS for w in gloss.split())


# Labels of a way of speaking (figurative, dated, colloquial), not of a field ("[zool.]").
_REGISTER = frozenset("""fig. übtr. obs. veraltet veraltend archaic selten rare poet. vulg. slang ugs.
    coll. humor. pej. Jargon geh. formal dialect regional Sprw.""".split())


# Labels that say where or how a word is used, not what it is about.
# (Registers, _REGISTER, are left out by fields() already.)
_NOT_FIELDS = frozenset("""Br. Am. Dt. Schw. Ös. Süddt. Norddt. Mittelwestdt. Bayr. BW Lie. Lux. Kindersprache
    Jugendsprache euphem. iron. derb altertümlich altertümelnd""".split())


def marked_register(gloss):
    """Say whether an English gloss carries a register label of its own ("con [coll.]", "ablaze [fig.]")."""
    return _register(re.findall(r"\[([^\]]*)\]", gloss))


def _register(labels):
    return any(label.strip() in _REGISTER for text in labels for label in text.split(", "))
