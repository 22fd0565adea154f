"""Offline German–English dictionary: tables, lookup keys, and lookups by surface form and lemma."""
import json
import re
import unicodedata

from sqlite_utils import Migrations

from ..translation import sentences
from . import lemmas, object_phrases, senses

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


@migrations()
def m002_plurals_and_key_version(db):
    # A noun's plural (from Ding's next sub-entry), the size of the line a form comes from (a
    # ranking signal), and the version of the key rules a source was imported with: an import
    # under older rules is redone (importer.is_current).
    if "plural" not in db["dict_forms"].columns_dict:
        db["dict_forms"].add_column("plural", str)
    if "subs" not in db["dict_forms"].columns_dict:
        db["dict_forms"].add_column("subs", int)
    if "keys" not in db["dict_sources"].columns_dict:
        db["dict_sources"].add_column("keys", int)


@migrations()
def m003_reversed_keys(db):
    # A one-word noun's key reversed, indexed: the nouns ending in a word ("…kuppel") are then
    # a range of that index, as those beginning with one are of the key's. Only such nouns
    # have one (half the forms), which keeps the import as fast as before. Rows imported
    # before it have none, and the key version they were imported under makes the next start
    # import them again (where the dictionary file is still there; until then nothing ends in
    # anything).
    if "rkey" not in db["dict_forms"].columns_dict:
        db["dict_forms"].add_column("rkey", str)
    db.execute("CREATE INDEX IF NOT EXISTS idx_dict_forms_rkey ON dict_forms (rkey) WHERE rkey IS NOT NULL")


# --- keys --------------------------------------------------------------------

_BRACKETS = re.compile(r"\{[^}]*\}|\[[^\]]*\]|\([^)]*\)|<[^>]*>|\s/[^/\s][^/]*/")
# Object placeholders in headwords: "jdm. etw. geben" is found under "geben",
# "jdn./etw. loben" (a person or a thing) as well.
_PLACEHOLDERS = re.compile(r"^(?:(?:jd|jdn|jdm|jds|etw|sb|sth)\.[\s/]*|sich\s+)+", re.IGNORECASE)
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

# Keys and their entries, of each dictionary's current import only.
_CURRENT = """
FROM dict_forms f
JOIN dict_entries e ON e.id = f.entry_id
JOIN dict_sources s ON s.source = e.source AND s.generation = e.generation
"""
# The entries filed under some keys.
_FILED_UNDER = _CURRENT + "WHERE f.key IN ({marks})\n"
_LOOKUP_SQL = """
SELECT f.key, f.headword, f.gender, f.pos, f.plural, f.subs, e.id, e.source, e.sub, e.german, e.english
""" + _FILED_UNDER + """
ORDER BY e.sub > 0, e.id
LIMIT 400
"""
_ENGLISH_SQL = "SELECT f.key, f.headword, e.english" + _FILED_UNDER + "LIMIT 300"
_TAGS = re.compile(r"\{[^}]*\}")


def lookup(db, keys, limit=MAX_RESULTS, want=senses.Want()):
    """Return dictionary entries for keys, best first for a word in the context want.

    Every key's entries are ranked together before the limit applies (the surface form's
    entries never crowd out the lemma's); senses.score weighs part of speech, phrase or word,
    the matched alternative's labels and how common the English is; an earlier key wins ties.
    """
    raw = [" ".join((k or "").split()) for k in keys]
    keys = [k for k in dict.fromkeys(normalize(k) for k in raw) if k]
    if not keys:
        return []
    rank_of_key = {k: i for i, k in enumerate(keys)}
    phrase_asked = any(" " in k for k in keys)
    rows = db.execute(_LOOKUP_SQL.format(marks=", ".join("?" * len(keys))), keys).fetchall()
    found = []
    for key, headword, gender, pos, plural, subs, entry_id, source, sub, german, english in rows:
        alternatives = alternatives_of(german)
        alt = senses.matched_alternative(alternatives, headword)
        labels, comments = senses.labels_of(alt)
        entry = {
            "id": entry_id, "key": key, "headword": headword, "gender": gender or "", "pos": pos or "",
            "plural": plural or "", "article": GENDER_ARTICLE.get(gender or "", ""), "source": source,
            "sub": sub, "subs": subs or 1, "german": german, "english": english, "glosses": split_glosses(english),
            "labels": labels, "comments": comments,
            # Whole words: "kein" (a ‹kein› hint) is in "keine …" as text, not as a word of it.
            "indirect": not set(key.split()) <= set(normalize(headword).split()),
            "also": [" ".join(_TAGS.sub(" ", a).split()) for a in alternatives if a is not alt],
            "alternative": alt,
            # "ein Gebäude abreißen" reached by "abreißen" (see object_phrases.py).
            "object_phrase": object_phrases.object_verb(headword) == key,
        }
        found.append(entry)
    unique = {e["id"]: e for e in found}.values()
    # A line about one concrete object ("die Kupplung ausrücken": to disengage the clutch)
    # says nothing of which sense the verb's own lines share.
    voters = [e for e in unique if not e["object_phrase"]]
    support = senses.consensus(voters)
    synonym_support = senses.synonym_consensus(voters)
    for e in found:
        e["synonym_support"] = synonym_support.get(e["id"], 0)
    # Lines whose own inflection rows hold the word as written ("Hinweise {pl}" in the line of
    # "Hinweis: sign", not in that of "Hinweis: lead"): that sense is used in this very form,
    # and the English of that row says how common the sense is in it: "health insurance funds"
    # (Krankenkassen, the companies) is common, "health insurances" (the scheme) is not.
    inflected, form_weight = set(), {}
    for e in found:
        if e["sub"] > 0 and e["key"] == keys[0]:
            line = e["id"] - e["sub"]
            inflected.add(line)
            if e["glosses"]:
                form_weight[line] = max(form_weight.get(line, -5.0), senses.gloss_weight(e["glosses"][0]))
    for e in found:
        e["form_in_line"] = e["sub"] == 0 and e["id"] in inflected
        e["form_weight"] = form_weight.get(e["id"]) if e["sub"] == 0 else None
    if want.state:
        # "ist geöffnet": Ding's adjective "geöffnet" (open) is the state its verb's own sense
        # leads to ("to open"); "gebannt" (transfixed) is another sense than "to avert (a danger)".
        verb_stems = {st for e in found if e["pos"] == "verb" and e["sub"] == 0 and not senses.fields(e["labels"])
                      for g in e["glosses"] for st in senses.content_stems(g)}
        for e in found:
            e["state_of_verb"] = e["pos"] == "adjective" and bool(
                verb_stems & {st for g in e["glosses"] for st in senses.content_stems(g)})
    _mark_other_nouns(found, raw[0], keys[0])
    _mark_disagreeing(found, raw[0], want.genders)
    if want.passive:
        _mark_participle_rows(db, found)
    reflexive_line = any(e["pos"] == "verb" and e["sub"] == 0 and re.search(r"\bsich\b", e["headword"])
                         for e in found)
    best = {}
    for entry in found:
        entry_id = entry["id"]
        rank = (senses.score(entry, want, rank_of_key[entry["key"]], phrase_asked, support.get(entry_id, 0),
                             reflexive_line), entry_id)
        if entry_id not in best or rank < best[entry_id][0]:
            best[entry_id] = (rank, entry)
    ranked = [e for _, e in sorted(best.values(), key=lambda r: r[0])]
    for e in ranked:
        e["misfit"] = senses.misfit(e, want)
        # How sure the order is: topic.py reorders only senses scored nearly alike.
        e["score"] = best[e["id"]][0][0]
    return ranked[:limit]


def _mark_participle_rows(db, found):
    """Flag the past participle rows of transitive verbs' lines (e["participle_row"]), which a passive means.

    Ding gives a verb's forms as the rows of its line, present participle first ("bepflanzend;
    begrünend", then "bepflanzt; begrünt"), each alternative's in its place; a line of examples
    only ("Kratzer entfernen") has none. A verb tagged {vi} or {vr} has no passive: "gefällt;
    Anklang gefunden" is the row of "gefallen {vi}" (appealed), no sense of "wird gefällt".
    """
    rows = [e for e in found if e["sub"] == senses.PARTICIPLE_ROW and not e["pos"]
            and e["headword"].lower() == e["key"]]
    if not rows:
        return
    lines = {e["id"] - e["sub"] for e in rows}
    ids = sorted(lines | {line + 1 for line in lines})
    german = dict(db.execute(f"SELECT id, german FROM dict_entries WHERE id IN ({', '.join('?' * len(ids))})",
                             ids).fetchall())
    for e in rows:
        line = e["id"] - e["sub"]
        present = german.get(line + 1, "").split(";")[0].split()
        place = alternatives_of(e["german"]).index(e["alternative"]) if e["alternative"] else 0
        verbs = alternatives_of(german.get(line, ""))
        e["participle_row"] = bool(
            verbs and present and present[-1].endswith("nd")
            and not senses.intransitive({"german": german[line], "alternative": verbs[min(place, len(verbs) - 1)]}))


def _mark_other_nouns(found, written, key):
    """Flag nouns of another headword (e["other_noun"]) where Ding lists the written noun itself.

    "Besitzer" is a noun Ding lists as written, in the singular: "Besitz", found by another key
    (a lemma, an adjective stem), is another noun, not its base, unless the written word is its
    plural too ("Schnitte"; "Ernten {n}", a verb as a noun, stands for a plural in -en as well).
    """
    own_noun = written[:1].isupper() and any(
        e["sub"] == 0 and e["pos"] == "noun" and e["headword"] == written and e["gender"] in ("m", "f", "n")
        and not (e["gender"] == "n" and written.endswith("en")) for e in found)
    for e in found:
        e["other_noun"] = (own_noun and e["pos"] == "noun" and e["headword"] != written and e["key"] != key
                           and e["plural"] != written)


def _mark_disagreeing(found, written, genders):
    """Flag nouns (e["disagrees"]) whose gender the determiner rules out, where another agrees.

    "die Plane": die is feminine or plural, so "der Plan" (plural "Pläne") is not the word,
    and "die Plane" {f} is. A written plural ("den Gehältern", a dative in -n) agrees only as
    the plural of a noun. Nothing is flagged where no noun agrees, nor where a plural follows a
    determiner that allows none ("das Programm, das Bands fördert": a pronoun, misread).
    """
    nouns = {id(e): e for e in found if e["pos"] == "noun" and e["gender"] in ("m", "f", "n", "pl")}

    def plural_of(e):
        # Its plural as Ding gives it, with a dative -n, or its line's rows hold the written form.
        return (e["gender"] == "pl" or bool(e["plural"]) and written in (e["plural"], e["plural"] + "n")
                or e["form_in_line"])

    plural = any(plural_of(e) for e in nouns.values()) and not any(
        e["headword"] == written and e["gender"] != "pl" for e in nouns.values())

    def agrees(e):
        if plural:
            return "pl" in genders and plural_of(e)
        return e["gender"] in genders or "pl" in genders and plural_of(e)

    ok = bool(genders) and not (plural and "pl" not in genders) and any(agrees(e) for e in nouns.values())
    for e in found:
        e["disagrees"] = ok and id(e) in nouns and not agrees(e)


def english_of(db, keys):
    """Return the English sides of the entries filed under keys (normalised), unranked."""
    if not keys:
        return []
    # Not a verb's lines about one object: "den Tod finden" (to meet one's death) gives "finden"
    # no claim on "death" in a translation.
    return [english for key, headword, english in db.execute(_ENGLISH_SQL.format(marks=", ".join("?" * len(keys))), keys)
            if object_phrases.object_verb(headword) != key]


_PREFIXED_SQL = "SELECT DISTINCT f.key, e.english" + _CURRENT + """WHERE f.key > ? AND f.key < ? AND f.key NOT LIKE '% %' AND f.pos = 'noun' AND e.sub = 0
  AND EXISTS (SELECT 1 FROM dict_forms g WHERE g.key = substr(f.key, ?))
LIMIT 1000
"""


# Results kept on a connection (see cached), beyond which it starts afresh.
CACHE_SIZE = 4096


def import_state(db):
    """Return a value that changes whenever a dictionary is imported, again or anew, or removed.

    With the file imported, so that two databases (a test's, a restored copy) tell apart what
    they hold as well as the numbers of their imports allow.
    """
    return db.execute("SELECT group_concat(source || ':' || generation || ':' || path || ':' || ifnull(size, '') "
                      "|| ':' || ifnull(mtime, ''), '|') FROM "
                      "(SELECT * FROM dict_sources ORDER BY source)").fetchone()[0]


def cached(db, key, compute):
    """Return compute(), kept on the connection under key until a dictionary is imported again.

    A pooled connection (sqlite.borrow) serves lookup after lookup: what one derives from many
    rows, such as a compound's front's senses, is worth keeping for the next word with that front.
    Ranking uses lemmas and word frequencies, which load in the background: what was computed
    without them is dropped once they are there.
    """
    state = (import_state(db), lemmas.ready())
    store = getattr(db, "_dictionary_cache", None)
    if store is None or store[0] != state or len(store[1]) > CACHE_SIZE:
        store = db._dictionary_cache = (state, {})
    if key not in store[1]:
        store[1][key] = compute()
    return store[1][key]


def english_of_prefixed(db, front):
    """Return the English sides of the one-word nouns that are front + another headword.

    Its rest must be a headword: "Mais" opens "Maisfeld" (field) but not "Maische" (mash).
    """
    low = normalize(front)
    if not low:
        return []
    # A range on the key index ("stamm" < key < "stamn"), not LIKE, which cannot use it.
    return [english for _key, english in db.execute(_PREFIXED_SQL, [*_starting_with(low), len(low) + 1])]


# Only one-word nouns have a reversed key (importer.reversed_key).
_SUFFIXED_SQL = "SELECT DISTINCT f.key, e.english" + _CURRENT + """WHERE f.rkey > ? AND f.rkey < ? AND length(f.key) > ? AND e.sub = 0
LIMIT 1000
"""


def suffixed(db, last):
    """Return (key, English side) of the one-word nouns that end in last ("Glaskuppel" for "Kuppel")."""
    low = normalize(last)
    if not low:
        return []
    # A range on the reversed keys' index ("lepppuk" < rkey < "lepppul"): LIKE '%kuppel' reads every row.
    return db.execute(_SUFFIXED_SQL, [*_starting_with(low[::-1]), len(low) + 1]).fetchall()


def english_of_compounds(db, rows, last):
    """Return the English of those suffixed() rows whose front is a headword too.

    "Kriegsverbrechen" ends in "brechen" but is no war + breaking: its front "Kriegsver" is no word.
    """
    low = normalize(last)
    # The front may end in a linking letter ("Ordnung|s|amt"). Asked in one query: a
    # correlated EXISTS made SQLite scan (31 s for "zeit").
    fronts = {k[:-len(low)] for k, _ in rows} | {k[:-len(low) - 1] for k, _ in rows}
    known = {k for (k,) in db.execute(
        "SELECT DISTINCT key FROM dict_forms WHERE key IN (SELECT value FROM json_each(?))",
        [json.dumps(sorted(fronts))])}
    return [e for k, e in rows if k[:-len(low)] in known or k[:-len(low) - 1] in known]


def _starting_with(text):
    """Return the bounds (exclusive) of the strings longer than text that start with it: ("stamm", "stamn")."""
    return text, text[:-1] + chr(ord(text[-1]) + 1)


_FIELDS_SQL = "SELECT f.key, e.german" + _FILED_UNDER + "AND e.sub = 0 LIMIT 2000"


def fields_of(db, words):
    """Return {word: the subject fields ("pol.", "sport") Ding labels any of its lines with}.

    words: {word: [its keys]} (the word as written, its lemma).
    """
    keys = {normalize(k): w for w, ks in words.items() for k in ks if k and normalize(k)}
    found = {w: set() for w in words}
    if not keys:
        return found
    for key, german in db.execute(_FIELDS_SQL.format(marks=", ".join("?" * len(keys))), list(keys)):
        found[keys[key]].update(senses.fields(senses.labels_in(german)))
    return found


_LINES_SQL = "SELECT f.key, f.headword, e.english" + _FILED_UNDER + "AND e.sub = 0 LIMIT 2000"


def english_by_key(db, keys, own=False, most=None):
    """Return {key: the English sides of the lines filed under it} for normalised keys (not their inflection rows).

    own: only the lines of the word itself, not of phrases filed under it ("die Regierung bilden");
    most: at most so many lines per key.
    """
    found = {}
    if keys:
        for key, headword, english in db.execute(_LINES_SQL.format(marks=", ".join("?" * len(keys))), list(keys)):
            lines = found.setdefault(key, [])
            if (most is None or len(lines) < most) and (not own or normalize(headword) == key):
                lines.append(english)
    return {key: lines for key, lines in found.items() if lines}


def has_key(db, key, pos=None):
    """Say whether any imported dictionary has an entry for key (of part of speech pos)."""
    row = db.execute(
        """SELECT 1 FROM dict_forms f JOIN dict_entries e ON e.id = f.entry_id
           JOIN dict_sources s ON s.source = e.source AND s.generation = e.generation
           WHERE f.key = ? AND (? IS NULL OR f.pos = ?) LIMIT 1""", [normalize(key), pos, pos]).fetchone()
    return row is not None


# An English abbreviation between slashes, its spellings parted by "; " ("government /Gov.; Govt./").
_SLASHED_ENGLISH = re.compile(r"\s/[^/\s]+(?:; [^/\s]+)+/")


def split_glosses(english):
    """Split an English side into its alternatives, without comments or braces (never inside /…; …/)."""
    out = []
    protected = _SLASHED_ENGLISH.sub(lambda m: m.group().replace("; ", "\x1f"), english)
    for part in split_top(protected, "; "):
        part = part.replace("\x1f", "; ")
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


_SLASHED = re.compile(r"\s/[^/\s][^/]*/")


def alternatives_of(german):
    """Split a Ding German side at its "; ", but never inside an abbreviation's /…; …/."""
    protected = _SLASHED.sub(lambda m: m.group().replace("; ", "\x1f"), german)
    return [a.replace("\x1f", "; ") for a in split_top(protected, "; ")]


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
