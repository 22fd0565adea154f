"""Word status per lemma: new (no row), learning 1–5, known, ignored; every change logged for Undo and charts."""
from sqlite_utils import Migrations

from ..common import WORD, now
from ..words import lemmas

migrations = Migrations("randnotiz.learning.status")

STATUSES = ("new", "learning", "known", "ignored")
LEVELS = range(1, 6)
MAX_LEMMA = 100
MAX_BULK = 100_000


class StatusError(ValueError):
    """Raised for a status or word that cannot be stored; the message is for the reader."""


@migrations()
def m001_status(db):
    # key: the lowercased lemma every inflection shares ("Soldaten", "Soldat" -> "soldat").
    db["word_status"].create(
        {"key": str, "lemma": str, "status": str, "level": int, "modified": str},
        pk="key", not_null={"lemma", "status", "modified"},
    )
    # One row per change: Undo of a bulk action, and "known words over time".
    db["status_changes"].create(
        {"id": int, "batch": int, "key": str, "lemma": str, "old_status": str, "old_level": int,
         "new_status": str, "new_level": int, "at": str},
        pk="id", not_null={"key", "new_status", "at"},
    )
    db["status_changes"].create_index(["batch"])
    db["status_changes"].create_index(["at"])
    db["status_batches"].create(
        {"id": int, "article_id": int, "kind": str, "words": int, "at": str, "undone": int},
        pk="id", not_null={"kind", "words", "at"}, defaults={"undone": 0},
    )


def key_of(word):
    """Return the status key of a word or lemma: its lemma (once loaded), lowercased."""
    return ((lemmas.lemma(word, timeout=0) if lemmas.ready() else None) or word).lower()


def same_word(a, b):
    """Say whether two spellings are one word: their lemma chains meet ("Verbündeter", "verbündete").

    simplemma's lemma of a lemma may differ ("Verbündeten" -> "Verbündeter" -> "Verbündete"), so
    one step is not enough; several steps are too many for keys (they would make "schicken"
    "schick"), but right for saying that a renamed word is still the one it was. A chain never
    crosses from a noun to a verb or adjective ("Verbündete" -> "verbündet" -> "verbünden"): pass
    a key (lower case) in the case of the word it is of (cased).
    """
    return bool(_chain(a) & _chain(b))


def _chain(word, steps=4):
    out = {word.lower()}
    if not lemmas.ready():
        return out
    for _ in range(steps):
        lemma = lemmas.lemma(word, timeout=0) or word
        if lemma[:1].isupper() != word[:1].isupper() or lemma.lower() in out:
            break
        word = lemma
        out.add(word.lower())
    return out


def cased(key, written):
    """Return a status key in the case of the word it is the key of ("verbündeter", "Verbündeten": "Verbündeter")."""
    return key[:1].upper() + key[1:] if written[:1].isupper() else key


def key_for(lemma, key, written):
    """Return a saved lemma's status key: key (the written word's in the text) if lemma is that word, else its own."""
    return key if key and same_word(lemma, cased(key, written)) else key_of(lemma)


def parse(raw):
    """Return (status, level) from "1".."5", "learning-3", "known", "ignored", "new"; raise StatusError."""
    raw = (raw or "").strip().lower()
    if raw.isascii() and raw.isdigit() and len(raw) == 1 and int(raw) in LEVELS:
        return "learning", int(raw)
    if raw.startswith("learning-") and raw[9:] in {str(n) for n in LEVELS}:
        return "learning", int(raw[9:])
    if raw in ("known", "ignored", "new"):
        return raw, None
    raise StatusError(f"“{raw[:30]}” is not a word status: use 1–5 (learning), known, ignored or new.")


def label(status, level=None):
    """Return a status as the reader reads it."""
    return f"learning {level}" if status == "learning" else status


def check_lemma(lemma):
    """Return the cleaned lemma or raise StatusError."""
    lemma = " ".join((lemma or "").split())
    if not lemma or not WORD.search(lemma):
        raise StatusError("There is no word to set a status for.")
    if len(lemma) > MAX_LEMMA:
        raise StatusError(f"The word is too long ({len(lemma)} characters; the limit is {MAX_LEMMA}).")
    return lemma


def get(db, key):
    """Return {"status", "level"} of a key ("new" when unset)."""
    row = db.execute("SELECT status, level FROM word_status WHERE key = ?", [key]).fetchone()
    return {"status": row[0], "level": row[1]} if row else {"status": "new", "level": None}


def any_marked(db):
    """Say whether the reader has given any word a status."""
    return db.execute("SELECT 1 FROM word_status LIMIT 1").fetchone() is not None


def all_statuses(db):
    """Return {key: (status, level)} for every word with a status."""
    return {k: (s, lv) for k, s, lv in db.execute("SELECT key, status, level FROM word_status")}


def _apply(db, changes, batch=None, at=None):
    """Write [(key, lemma, status, level)] and log each real change; return how many changed.

    Every status write passes here: a cache of rendered paragraphs (issue 11) invalidates here.
    """
    stamp = now(at=at)
    changed = 0
    for key, lemma, status, level in changes:
        old = get(db, key)
        if (old["status"], old["level"]) == (status, level):
            continue
        if status == "new":
            db.execute("DELETE FROM word_status WHERE key = ?", [key])
        else:
            db.execute("INSERT INTO word_status (key, lemma, status, level, modified) VALUES (?, ?, ?, ?, ?) "
                       "ON CONFLICT(key) DO UPDATE SET lemma = excluded.lemma, status = excluded.status, "
                       "level = excluded.level, modified = excluded.modified",
                       [key, lemma, status, level, stamp])
        db.execute("INSERT INTO status_changes (batch, key, lemma, old_status, old_level, new_status, new_level, at) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   [batch, key, lemma, old["status"], old["level"], status, level, stamp])
        changed += 1
    return changed


def set_status(db, lemma, status, level=None, *, at=None):
    """Set the status of a word or lemma (level 1–5 for learning); return its key."""
    word = check_lemma(lemma)
    if status not in STATUSES or (status == "learning") != (level in LEVELS):
        raise StatusError(f"“{label(status, level)}” is not a word status.")
    key = key_of(word)
    lemma = (lemmas.lemma(word, timeout=0) if lemmas.ready() and " " not in word else None) or word
    with db.atomic():
        _apply(db, [(key, lemma, status, level if status == "learning" else None)], at=at)
    return key


def start_learning(db, lemma, *, key=None, at=None):
    """Put a newly saved word at learning 1 unless it already has a status; return its key.

    key: the word's key in the text it was saved from (marking.token_keys), when known.
    """
    key = key or key_of(check_lemma(lemma))
    with db.atomic():
        if get(db, key)["status"] == "new":
            _apply(db, [(key, lemma, "learning", 1)], at=at)
    return key


def set_many(db, words, status="known", *, kind="bulk", article_id=None, only_new=True, at=None):
    """Set many {key: lemma} to one status as one undoable batch; return (batch id, words changed)."""
    return apply_batch(db, {k: (lemma, status, None) for k, lemma in words.items()},
                       kind=kind, article_id=article_id, only_new=only_new, at=at)


def apply_batch(db, changes, *, kind, article_id=None, only_new=False, at=None):
    """Apply {key: (lemma, status, level)} as one undoable batch; return (batch id, words changed)."""
    if len(changes) > MAX_BULK:
        raise StatusError(f"At most {MAX_BULK} words can be set at once.")
    with db.atomic():
        current = all_statuses(db) if only_new else {}
        todo = [(k, *v) for k, v in changes.items() if k not in current]
        batch = db["status_batches"].insert(
            {"article_id": article_id, "kind": kind, "words": len(todo), "at": now(at=at)}).last_pk
        changed = _apply(db, todo, batch=batch, at=at)
        db["status_batches"].update(batch, {"words": changed})
    return batch, changed


def last_batch(db, article_id=None, kind="bulk"):
    """Return the latest batch (of an article), if it is still the latest change and not undone."""
    sql = "SELECT * FROM status_batches WHERE undone = 0 AND kind = ?"
    params = [kind]
    if article_id is not None:
        sql += " AND article_id = ?"
        params.append(article_id)
    rows = list(db.query(sql + " ORDER BY id DESC LIMIT 1", params))
    if not rows or not rows[0]["words"]:
        return None
    newer = db.execute("SELECT count(*) FROM status_changes WHERE id > (SELECT max(id) FROM status_changes "
                       "WHERE batch = ?) AND (batch IS NULL OR batch != ?)", [rows[0]["id"], rows[0]["id"]]).fetchone()[0]
    return None if newer else rows[0]


def undo_batch(db, batch_id, *, at=None):
    """Put every word of a batch back to its status before it; return how many; raise StatusError."""
    with db.atomic():
        rows = list(db.query("SELECT * FROM status_batches WHERE id = ?", [batch_id]))
        if not rows:
            raise StatusError(f"There is no bulk change {batch_id} to undo.")
        if rows[0]["undone"]:
            raise StatusError("That change was already undone.")
        back = [(r["key"], r["lemma"], r["old_status"], r["old_level"])
                for r in db.query("SELECT * FROM status_changes WHERE batch = ? ORDER BY id DESC", [batch_id])]
        changed = _apply(db, back, at=at)
        db["status_batches"].update(batch_id, {"undone": 1})
    return changed


def restore(db, key, lemma, status, level, *, at=None):
    """Set a key's status exactly (used by review's Undo); log it."""
    _apply(db, [(key, lemma, status, level)], at=at)


def totals(db):
    """Return {"learning", "known", "ignored"} counts of words with a status."""
    out = {"learning": 0, "known": 0, "ignored": 0}
    for s, n in db.execute("SELECT status, count(*) FROM word_status GROUP BY status"):
        out[s] = n
    return out


def saved_key_of(word):
    """Return a saved word's status key (a vocab row): the one it was saved under, else its lemma's."""
    return word.get("status_key") or key_of(word["lemma"])


def with_status(db, words):
    """Return saved words (dicts with "lemma") each with its "status" label, for exports."""
    known = all_statuses(db)
    return [{**w, "status": label(*known.get(saved_key_of(w), ("new", None)))}
            for w in words]
