"""Offline German–English dictionary: tables, lookup keys, and lookups by surface form and lemma."""
import re
import unicodedata

from sqlite_utils import Migrations

from ..common import word_tokens
from ..translation import sentences
from . import lemmas

migrations = Migrations("randnotiz.dictionary")

GENDER_ARTICLE = {"m": "der", "f": "die", "n": "das", "pl": "die (pl.)"}
MAX_RESULTS = 12


@migrations()
def m001_dictionary(db):
    # One row per aligned sub-entry ("Baum {m} :: tree"); `generation` lets a re-import load
    # new rows beside the old ones and switch over in one tiny transaction (see dict_import).
    db["dict_entries"].create(
        {"id": int, "generation": int, "source": str, "sub": int, "german": str, "english": str},
        pk="id", not_null={"generation", "source", "sub", "german", "english"},
    )
    db["dict_entries"].create_index(["generation"])
    # One row per German alternative of a sub-entry: what a lookup matches on.
    db["dict_forms"].create(
        {"entry_id": int, "key": str, "headword": str, "gender": str, "pos": str},
        not_null={"entry_id", "key", "headword"},
    )
    db["dict_forms"].create_index(["key"])
    db["dict_forms"].create_index(["entry_id"])
    # The generation each source currently serves; absent = not imported.
    db["dict_sources"].create(
        {"source": str, "generation": int, "path": str, "size": int, "mtime": float,
         "entries": int, "forms": int, "imported": str},
        pk="source", not_null={"generation", "path"},
    )
    # Every import run, with its progress, for the UI ("Dictionary import 42 %").
    db["dict_imports"].create(
        {"id": int, "source": str, "path": str, "state": str, "progress": int,
         "message": str, "started": str, "finished": str},
        pk="id", not_null={"source", "path", "state", "progress", "started"},
    )


# --- keys --------------------------------------------------------------------

_BRACKETS = re.compile(r"\{[^}]*\}|\[[^\]]*\]|\([^)]*\)|<[^>]*>|\s/[^/\s][^/]*/")
# Object placeholders in headwords: "jdm. etw. geben" is found under "geben".
_PLACEHOLDERS = re.compile(r"^(?:(?:jd|jdn|jdm|jds|etw|sb|sth)\.\s*|sich\s+)+", re.IGNORECASE)
_PUNCT = re.compile(r"[…!?.,:;„“”\"'‚‘’»«]+")


def normalize(text):
    """Return the lookup key of a word or phrase: no annotations, placeholders or case."""
    text = text or ""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text = " ".join(_BRACKETS.sub(" ", text).split())
    text = _PLACEHOLDERS.sub("", text)
    # lower(), not casefold(): casefold turns ß into ss and would merge Maße with Masse.
    return " ".join(_PUNCT.sub(" ", text).split()).lower()


# --- lookup ------------------------------------------------------------------

_LOOKUP_SQL = """
SELECT f.key, f.headword, f.gender, f.pos, e.id, e.source, e.sub, e.german, e.english
FROM dict_forms f
JOIN dict_entries e ON e.id = f.entry_id
JOIN dict_sources s ON s.source = e.source AND s.generation = e.generation
WHERE f.key IN ({marks})
ORDER BY e.sub > 0, e.id
LIMIT 200
"""
_TAGS = re.compile(r"\{[^}]*\}")
_LABELS = re.compile(r"\[([^\]]*)\]|\(([^)]*)\)")


def lookup(db, keys, limit=MAX_RESULTS):
    """Return dictionary entries for keys, best first.

    Ranking: earlier keys first (the surface form before the lemma), then headwords written
    exactly as asked (the noun "Abkommen" before the verb "abkommen"), main entries before
    their sub-entries, compound stems ("Präsidenten…") last, plain senses before ones
    qualified by subject labels and comments, then dictionary order.
    """
    raw = [" ".join((k or "").split()) for k in keys]
    keys = [k for k in dict.fromkeys(normalize(k) for k in raw) if k]
    if not keys:
        return []
    rank_of_key = {k: i for i, k in enumerate(keys)}
    exact = set(raw)
    rows = db.execute(_LOOKUP_SQL.format(marks=", ".join("?" * len(keys))), keys).fetchall()
    seen, results = set(), []
    for key, headword, gender, pos, entry_id, source, sub, german, english in rows:
        if entry_id in seen:
            continue
        seen.add(entry_id)
        labels = [a or b for a, b in _LABELS.findall(german)]
        rank = (rank_of_key[key], headword not in exact, sub > 0, headword.endswith("…"), len(labels), entry_id)
        results.append((rank, {
            "key": key, "headword": headword, "gender": gender or "", "pos": pos or "",
            "article": GENDER_ARTICLE.get(gender or "", ""), "source": source,
            "german": german, "english": english, "glosses": split_glosses(english),
            "labels": labels, "also": [" ".join(_TAGS.sub(" ", a).split())
                                        for a in split_top(german, "; ") if normalize(a) != key],
        }))
    results.sort(key=lambda r: r[0])
    return [r for _, r in results[:limit]]


def has_key(db, key):
    """Say whether any imported dictionary has an entry for key."""
    row = db.execute(
        """SELECT 1 FROM dict_forms f JOIN dict_entries e ON e.id = f.entry_id
           JOIN dict_sources s ON s.source = e.source AND s.generation = e.generation
           WHERE f.key = ? LIMIT 1""", [normalize(key)]).fetchone()
    return row is not None


def split_glosses(english):
    """Split an English side into its alternatives, without comments or braces."""
    out = []
    for part in split_top(english, "; "):
        clean = " ".join(re.sub(r"\{[^}]*\}", " ", part).split())
        if clean and clean not in out:
            out.append(clean)
    return out


_BRACKET_CHARS = frozenset("()[]{}<>")
_SPLITTERS = {}


def split_top(text, sep):
    """Split text on sep where it is outside (), [], {} and <>."""
    if sep not in text:
        return [text.strip()] if text.strip() else []
    if _BRACKET_CHARS.isdisjoint(text):  # the common case, and 5x faster
        return [p.strip() for p in text.split(sep) if p.strip()]
    splitter = _SPLITTERS.get(sep) or _SPLITTERS.setdefault(sep, re.compile(r"[(\[{<]|[)\]}>]|" + re.escape(sep)))
    parts, depth, start = [], 0, 0
    for m in splitter.finditer(text):
        c = m.group()
        if c in "([{<":
            depth += 1
        elif c in ")]}>":
            depth = max(0, depth - 1)
        elif depth == 0:
            parts.append(text[start:m.start()])
            start = m.end()
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def is_installed(db):
    """Say whether at least one dictionary has been imported."""
    return db["dict_sources"].count > 0


def sources(db):
    """Return the imported dictionaries."""
    return list(db.query("SELECT * FROM dict_sources ORDER BY source"))


def running_import(db):
    """Return the import in progress, or None."""
    rows = list(db.query(
        "SELECT * FROM dict_imports WHERE state = 'running' ORDER BY id DESC LIMIT 1"))
    return rows[0] if rows else None


def last_import(db):
    """Return the most recent import run, or None."""
    rows = list(db.query("SELECT * FROM dict_imports ORDER BY id DESC LIMIT 1"))
    return rows[0] if rows else None


# --- a word in its sentence --------------------------------------------------------

# Separable-verb particles: "rücken … zusammen" is looked up as "zusammenrücken".
PARTICLES = frozenset("""
    ab an auf aus bei dabei daher dahin daran darauf davon dazu dazwischen durch ein empor
    entgegen entlang fort gegenüber heim her herab heran herauf heraus herbei herein herüber
    herum herunter hervor hin hinab hinauf hinaus hinein hinterher hinüber hinunter los mit
    nach nieder statt teil umher vor voran voraus vorbei vorher vorüber weg weiter wieder
    zu zurecht zurück zusammen
""".split())


def sentence_around(text, start, end):
    """Return the (start, end) span of the sentence of text containing [start, end)."""
    for a, b in sentences.sentence_spans(text):
        if a <= start < b or (a < end <= b):
            return a, b
    return 0, len(text)


def _separable(db, verb, lemma, particle):
    """Return the separable verb particle+lemma (or +verb) when the dictionary knows it."""
    for base in dict.fromkeys(x for x in (lemma, verb) if x):
        candidate = particle.lower() + base.lower()
        if has_key(db, candidate):
            return candidate
    return None


def in_context(db, text, start, end):
    """Look up the word or phrase text[start:end] (code points) within its sentence."""
    words = word_tokens(text[start:end])
    if not words:
        return None
    s_start, s_end = sentence_around(text, start, end)
    sentence = text[s_start:s_end]
    surface = text[start + words[0][0]:start + words[-1][1]]
    first = words[0][2]
    ready = lemmas.wait(3.0)
    keys, separable = [], None
    if len(words) == 1:
        lemma = lemmas.lemma(first, timeout=0) or first
        # The greedy lemma finds more adjectives ("nordkoreanische"); it ranks last.
        keys = [first, lemma, lemmas.greedy_lemma(first)]
        # "Wir rücken zusammen.": a verb whose clause ends in a particle may be separable.
        rest = re.split(r"[,;:–—(]", sentence[start + words[0][1] - s_start:])[0]
        clause_words = word_tokens(rest)
        # Verbs are lower-case except first in a sentence; "Die Leute kommen mit" has no "mitleute".
        maybe_verb = first[0].islower() or start + words[0][0] == s_start
        if (maybe_verb and clause_words and first.lower() not in PARTICLES
                and clause_words[-1][2].lower() in PARTICLES):
            separable = _separable(db, first, lemma, clause_words[-1][2])
    else:
        phrase = " ".join(w for _, _, w in words)
        lemma = phrase
        keys = [phrase]
        last = words[-1][2]
        if last.lower() in PARTICLES and len(words) >= 2:
            verb_lemma = lemmas.lemma(first, timeout=0) or first
            separable = _separable(db, first, verb_lemma, last)
            if separable:
                lemma = separable
        if not separable:
            lemma_phrase = " ".join(lemmas.lemma(w, timeout=0) or w for _, _, w in words)
            keys.append(lemma_phrase)
    if separable:
        keys.insert(0, separable)
    entries = lookup(db, keys)
    return {
        "surface": surface, "lemma": lemma, "lemma_ready": ready, "separable": separable,
        "multiword": len(words) > 1, "entries": entries,
        "sentence": sentence, "sentence_start": s_start, "sentence_end": s_end,
        "start": start + words[0][0], "end": start + words[-1][1],
    }


def _gloss_core(gloss):
    g = re.sub(r"\([^)]*\)|\[[^\]]*\]|<[^>]*>", " ", gloss)
    g = re.sub(r"^\s*to\s+", "", g)
    return " ".join(g.split()).lower()


def mark_in_translation(entries, translation):
    """Flag glosses that occur in the English translation; return the best gloss or ''."""
    best = ""
    low = " " + " ".join(re.findall(r"[\w’'-]+", (translation or "").lower())) + " "
    for entry in entries:
        entry["in_context"] = []
        for g in entry["glosses"]:
            core = " ".join(re.findall(r"[\w’'-]+", _gloss_core(g)))
            if translation and core and f" {core} " in low:
                entry["in_context"].append(g)
                best = best or g
    entries.sort(key=lambda e: not e["in_context"])  # stable: otherwise dictionary order
    return best
