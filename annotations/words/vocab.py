"""Vocabulary: words saved with their sentence, marked wherever their lemma appears."""
import re

from sqlite_utils import Migrations

from ..common import WORD, now, word_tokens
from ..reading import articles
from ..reading.render import Span
from . import lemmas
from .dictionary import PARTICLES

migrations = Migrations("randnotiz.vocab")

MAX_LEMMA = 100
MAX_GLOSS = 500
PAGE_SIZE = 500


class VocabError(ValueError):
    """Raised for input that cannot be saved; the message is for the reader."""


@migrations()
def m001_vocab(db):
    # from_article / from_block, not article_id: a saved word is the learner's and outlives
    # the article it came from (articles.delete_article clears every `article_id` table).
    db["vocab"].create(
        {"id": int, "lemma": str, "surface": str, "gloss": str, "sentence": str,
         "translation": str, "from_article": int, "from_block": int, "start": int, "end": int,
         "sentence_start": int,
         "created": str, "modified": str},
        pk="id", not_null={"lemma", "surface", "gloss", "sentence", "created", "modified"},
        defaults={"gloss": "", "sentence": ""},
    )
    db["vocab"].create_index(["lemma"], unique=True)


@migrations()
def m002_grammar(db):
    # What a learner needs to use a word: a noun's gender and plural, a verb's full form
    # ("sich beteiligen"). Empty for words saved before; never guessed afterwards.
    for column in ("gender", "plural", "form"):
        if column not in db["vocab"].columns_dict:
            db["vocab"].add_column(column, str, not_null_default="")


@migrations()
def m003_status_key(db):
    # The status key of the word in the text it was saved from (learning.marking.token_keys):
    # "Verbündeten" is keyed "verbündeter", its headword "Verbündeter" alone would be "verbündete".
    # Empty for words saved before: learning.review.adopt_keys fills it once lemmas are loaded.
    if "status_key" not in db["vocab"].columns_dict:
        db["vocab"].add_column("status_key", str, not_null_default="")


@migrations()
def m004_lookup_indexes(db):
    # The popover asks for a saved word by its status key and by the place it was saved from,
    # for every word it shows: indexed, not a scan of the vocabulary.
    db["vocab"].create_index(["status_key"], if_not_exists=True)
    db["vocab"].create_index(["from_article", "from_block", "start"], if_not_exists=True)


GENDERS = {"": "", "m": "der", "f": "die", "n": "das"}
MAX_PLURAL = 100


def check_grammar(gender, plural, form, lemma=""):
    """Return cleaned (gender, plural, form) or raise VocabError; a plural in dictionary notation is written out."""
    gender = (gender or "").strip()
    if gender not in GENDERS:
        raise VocabError("The gender must be m, f or n (or empty).")
    plural, form = " ".join((plural or "").split()), " ".join((form or "").split())
    if len(plural) > MAX_PLURAL or len(form) > MAX_LEMMA:
        raise VocabError(f"The plural or the verb form is too long (the limit is {MAX_PLURAL} characters).")
    return gender, whole_plural(plural, lemma), form


# A plural as dictionaries write it beside the singular: "-en", "-" (unchanged), "¨-e", "¨-"
# (umlaut); the popover shows it so, and cards and exports need the word ("die Kämpfe", not "die -en").
_NOTATION = re.compile(r"(?:(¨)\s*[-–]?|[-–])\s*(\w*)")
_UMLAUT = {"au": "äu", "Au": "Äu", "aa": "ä", "Aa": "Ä", "oo": "ö", "Oo": "Ö", "a": "ä", "o": "ö", "u": "ü",
           "A": "Ä", "O": "Ö", "U": "Ü"}
_LAST_VOWEL = re.compile(r"(au|Au|aa|Aa|oo|Oo|[aouAOU])(?=[^aouäöüAOUÄÖÜ]*$)")


def whole_plural(plural, lemma):
    """Return a plural written out from dictionary notation ("-en" after "Staat": "Staaten"); others as given.

    "die Kämpfe" loses its article (cards add it). Raise VocabError where the notation cannot
    apply: to a phrase, or an umlaut to a word without a, o or u.
    """
    if plural.lower().startswith("die "):
        plural = plural[4:].lstrip()
    m = _NOTATION.fullmatch(plural)
    if not m:
        return plural
    umlaut, ending = bool(m.group(1)), m.group(2)
    lemma = " ".join((lemma or "").split())
    if not lemma or " " in lemma:
        raise VocabError(f"Write the whole plural: “{plural}” is short for the plural of a single word.")
    stem = lemma
    if umlaut:
        vowel = _LAST_VOWEL.search(lemma)
        if not vowel:
            raise VocabError(f"“{lemma}” has no a, o or u to take an umlaut: write the whole plural.")
        stem = lemma[:vowel.start()] + _UMLAUT[vowel.group(1)] + lemma[vowel.end():]
    return stem + ending


def with_article(word):
    """Return a saved word as a learner writes it down: "der Soldat, die Soldaten", "sich beteiligen"."""
    lemma = word.get("form") or word["lemma"]
    article = GENDERS.get(word.get("gender") or "", "")
    if not article:
        return lemma
    plural = word.get("plural") or ""
    return f"{article} {lemma}" + (f", die {plural}" if plural else "")


def form_fits(form, lemma):
    """Say whether a verb form belongs to a word: "sich befinden" to befinden, not to teilnehmen."""
    return set(lemma.casefold().split()) <= set(form.casefold().split())


def check_lemma(lemma):
    """Return the cleaned lemma or raise VocabError."""
    lemma = " ".join((lemma or "").split())
    if not lemma:
        raise VocabError("The word to save is empty.")
    if len(lemma) > MAX_LEMMA:
        raise VocabError(f"The word is too long ({len(lemma)} characters; the limit is {MAX_LEMMA}).")
    if not WORD.search(lemma):
        raise VocabError("The word to save has no letters in it.")
    return lemma


def check_gloss(gloss):
    """Return the cleaned gloss or raise VocabError."""
    gloss = " ".join((gloss or "").split())
    if len(gloss) > MAX_GLOSS:
        raise VocabError(f"The meaning is too long ({len(gloss)} characters; the limit is {MAX_GLOSS}).")
    return gloss


def save(db, *, lemma, surface, gloss, sentence, translation, article_id, block_n, start, end,
         sentence_start, gender="", plural="", form="", status_key=""):
    """Save a word (or update the one saved under the same lemma); return its id.

    The grammar given is the dictionary's, for a new word: a word saved already keeps its own,
    which the learner may have corrected on the vocabulary page. It keeps its status key too,
    an empty one included: its status stays where it is (learning.review.save_word gives a word
    without a key its key and carries the status over).
    """
    lemma, gloss = check_lemma(lemma), check_gloss(gloss)
    gender, plural, form = check_grammar(gender, plural, form, lemma)
    stamp = now()
    record = {"lemma": lemma, "surface": surface, "gloss": gloss, "sentence": sentence,
              "translation": translation, "from_article": article_id, "from_block": block_n,
              "start": start, "end": end, "sentence_start": sentence_start, "modified": stamp,
              "status_key": status_key}
    with db.atomic():
        existing = find(db, lemma)
        if existing:
            del record["status_key"]
            db["vocab"].update(existing["id"], record)
            return existing["id"]
        grammar = {"gender": gender, "plural": plural, "form": form}
        return db["vocab"].insert({**record, **grammar, "created": stamp}).last_pk


def find(db, lemma):
    """Return the saved word with this lemma, or None."""
    rows = list(db.query("SELECT * FROM vocab WHERE lemma = ?", [lemma]))
    return rows[0] if rows else None


def find_looked_up(db, lemmas, place=None, key=None):
    """Return the saved word a looked-up word is, or None: lemmas are its candidates, best first.

    A lemma saved exactly wins. Else the word saved from this very place (place: article, block
    and start, as saved), renamed since perhaps ("Verbündeter" to "Verbündete"). Else the one
    saved word with the status key the word has in its sentence (key), a noun for a noun and a
    verb for a verb: "essen" is no "Essen", though both are keyed "essen". Never a word saved
    only from the same spelling elsewhere: "kommt" is not "ankommen" in every sentence.
    """
    candidates = [c for c in dict.fromkeys(lemmas) if c]
    for lemma in candidates:
        if word := find(db, lemma):
            return word
    if place:
        rows = list(db.query("SELECT * FROM vocab WHERE from_article IS ? AND from_block = ? AND start = ?", list(place)))
        if len(rows) == 1:
            return rows[0]
    if key:
        noun = bool(candidates) and candidates[0][:1].isupper()
        rows = [r for r in db.query("SELECT * FROM vocab WHERE status_key = ?", [key]) if r["lemma"][:1].isupper() == noun]
        if len(rows) == 1:
            return rows[0]
    return None


def get(db, word_id):
    """Return one saved word, or None."""
    rows = list(db.query("SELECT * FROM vocab WHERE id = ?", [word_id]))
    return rows[0] if rows else None


def update_gloss(db, word_id, gloss):
    """Change the meaning kept for a saved word; return it as changed (None: no such word)."""
    return update(db, word_id, gloss=gloss)


def update(db, word_id, **changes):
    """Change a saved word's lemma, gloss, gender, plural or form; return it as changed (None: no such word).

    A new lemma must not be one already saved under another id (one entry per word). The verb
    form of the word it was ("sich befinden") goes with it, unless it was changed too or fits the
    new word: the form is what cards and exports show for the word.
    """
    word = get(db, word_id)
    if word is None:
        return None
    record = {}
    if "lemma" in changes:
        record["lemma"] = check_lemma(changes["lemma"])
    if "gloss" in changes:
        record["gloss"] = check_gloss(changes["gloss"])
    if "status_key" in changes:  # learning.review.edit_word's, never a form's
        record["status_key"] = changes["status_key"]
    grammar = {k: changes.get(k, word.get(k) or "") for k in ("gender", "plural", "form")}
    record.update(zip(("gender", "plural", "form"), check_grammar(**grammar, lemma=record.get("lemma", word["lemma"]))))
    renamed = record.get("lemma", word["lemma"]) != word["lemma"]
    if renamed and record["form"] == (word.get("form") or "") and not form_fits(record["form"], record["lemma"]):
        record["form"] = ""
    with db.atomic():
        if get(db, word_id) is None:
            return None
        other = find(db, record.get("lemma", word["lemma"]))
        if other and other["id"] != word_id:
            raise VocabError(f"“{other['lemma']}” is already in your vocabulary.")
        record["modified"] = now()
        db["vocab"].update(word_id, record)
    return {**word, **record}


def delete(db, word_id):
    """Delete a saved word; say whether it existed."""
    with db.atomic():
        cur = db.execute("DELETE FROM vocab WHERE id = ?", [word_id])
    return cur.rowcount > 0


def _like(q):
    return "%" + re.sub(r"([\\%_])", r"\\\1", q) + "%"


def search(db, q="", limit=PAGE_SIZE):
    """Return saved words, newest first, optionally those matching q anywhere."""
    q = " ".join((q or "").split())
    sql = _WITH_TITLE
    params = []
    if q:
        sql += """ WHERE v.lemma LIKE :q ESCAPE '\\' OR v.surface LIKE :q ESCAPE '\\'
                   OR v.gloss LIKE :q ESCAPE '\\' OR v.sentence LIKE :q ESCAPE '\\'"""
        params = {"q": _like(q)}
    sql += " ORDER BY v.modified DESC, v.id DESC LIMIT " + str(int(limit))
    return list(db.query(sql, params or {}))


def count(db):
    """Return how many words are saved."""
    return db["vocab"].count


_WITH_TITLE = "SELECT v.*, a.title AS article_title FROM vocab v LEFT JOIN articles a ON a.id = v.from_article"


def all_words(db):
    """Return every saved word with its article's title, oldest first (export order)."""
    return list(db.query(_WITH_TITLE + " ORDER BY v.id"))


def search_one(db, word_id):
    """Return one saved word with its article's title, or None."""
    rows = list(db.query(_WITH_TITLE + " WHERE v.id = ?", [word_id]))
    return rows[0] if rows else None


# --- marking saved words in the text ----------------------------------------------

def _matcher(db):
    """Return (single-word lemmas, phrase regexes, separable verbs by stem) of the saved words."""
    singles, phrases, separable = {}, [], {}
    for row in db.query("SELECT lemma, surface, gloss FROM vocab"):
        lemma, hit = row["lemma"], (row["lemma"], row["gloss"])
        if " " in lemma:
            words = [re.escape(w) for w in lemma.split()]
            phrases.append((re.compile(r"\b" + r"\s+".join(words) + r"\b", re.IGNORECASE), *hit))
            continue
        low, surface = lemma.lower(), row["surface"].lower()
        singles[low] = hit
        # "zusammenrücken" is also "rücken … zusammen": index it by its stem.
        split_from = [low[:n] for n in range(2, min(len(low) - 2, 12))
                      if low[:n] in PARTICLES and lemma[0].islower()]  # verbs, not "Mitarbeiter"
        for particle in split_from:
            separable.setdefault(low[len(particle):], []).append((particle, hit))
        # Without lemmas (still loading) the saved surface form at least is found, unless it
        # was the stem of a split verb ("rücken" alone is not "zusammenrücken").
        if not any(not surface.startswith(p) for p in split_from):
            singles.setdefault(surface, hit)
    return singles, phrases, separable


_CLAUSE_END = re.compile(r"[.!?;:]")


def spans(db, article_id, blocks):
    """Mark every token whose lemma (or phrase) is saved: class saved-word, data-lemma."""
    if not db["vocab"].count:
        return {}
    singles, phrases, separable = _matcher(db)
    # Never wait in a page render: until the lemmatiser has loaded (seconds after start),
    # saved words are matched by their surface form only.
    ready = lemmas.ready()
    lemma_of = {}  # word -> lowercased lemma; an article repeats its words a lot

    def lower_lemma(word):
        if word not in lemma_of:
            lemma_of[word] = (lemmas.lemma(word, timeout=0) if ready else word).lower()
        return lemma_of[word]

    out = {}
    for b in blocks:
        if b["kind"] == "boilerplate":
            continue
        text, found = b["text"], []
        tokens = word_tokens(text)
        for i, (start, end, word) in enumerate(tokens):
            hit = singles.get(word.lower()) or singles.get(lower_lemma(word))
            if hit:
                found.append(_span(start, end, *hit))
            for particle, sep_hit in separable.get(lower_lemma(word), ()):
                tail = _separated_particle(text, tokens, i, particle)
                if tail:
                    found.extend([_span(start, end, *sep_hit), _span(tail[0], tail[1], *sep_hit)])
        for regex, lemma, gloss in phrases:
            found.extend(_span(m.start(), m.end(), lemma, gloss) for m in regex.finditer(text))
        if found:
            out[b["n"]] = found
    return out


def _separated_particle(text, tokens, i, particle):
    """Return the span of particle closing the clause of tokens[i] ("rücken … zusammen."), or None."""
    m = _CLAUSE_END.search(text, tokens[i][1])
    clause_end = m.start() if m else len(text)
    last = None
    for start, end, word in tokens[i + 1:]:
        if start >= clause_end:
            break
        last = (start, end, word)
    if last and last[2].lower() == particle:
        return last[0], last[1]
    return None


def _span(start, end, lemma, gloss):
    return Span(start, end, classes=("saved-word",), data=(("lemma", lemma),),
                title=f"{lemma}: {gloss}" if gloss else lemma)


def blocks_with(db, article_id, lemma):
    """Return the numbers of the article's blocks where the saved lemma is marked."""
    blocks = articles.get_blocks(db, article_id)
    result = []
    for n, found in spans(db, article_id, blocks).items():
        if any(("lemma", lemma) in s.data for s in found):
            result.append(n)
    return sorted(result)
