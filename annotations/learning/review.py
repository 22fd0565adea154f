"""Review saved words with FSRS (the `fsrs` package): one card per saved word, a log of every grade."""
import json
from datetime import datetime, timedelta, timezone

import fsrs
from sqlite_utils import Migrations

from ..common import now, parse_time
from ..reading import articles
from ..words import anki, lemmas, vocab
from . import marking, status


migrations = Migrations("randnotiz.learning.review")

GRADES = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
# Issue 9's vocab columns (gender m/f/n, plural, form) when present; older databases lack them.
ARTICLES = {"m": "der", "f": "die", "n": "das"}
MATURE_DAYS = 21  # Anki's "mature": an interval of three weeks or more means the word is known
SCHEDULER = fsrs.Scheduler()


class ReviewError(ValueError):
    """Raised for a grade or card that cannot be used; the message is for the reader."""


@migrations()
def m001_cards(db):
    # A card belongs to a saved word (vocab.lemma); it stays when the word is deleted, so that
    # saving it again resumes its schedule, and the review history stays whole.
    db["cards"].create(
        {"id": int, "lemma": str, "state": int, "step": int, "stability": float, "difficulty": float,
         "due": str, "last_review": str, "created": str},
        pk="id", not_null={"lemma", "state", "due", "created"},
    )
    db["cards"].create_index(["lemma"], unique=True)
    db["cards"].create_index(["due"])
    db["reviews"].create(
        {"id": int, "lemma": str, "rating": int, "at": str, "duration_ms": int, "before": str,
         "state": int, "due": str},
        pk="id", not_null={"lemma", "rating", "at", "before"},
    )
    db["reviews"].create_index(["at"])


def _utc(at):
    return at or datetime.now(timezone.utc)


def ensure_cards(db, at=None):
    """Give every saved word without one a card, due now; return how many were added."""
    missing = db.execute("SELECT count(*) FROM vocab WHERE lemma NOT IN (SELECT lemma FROM cards)").fetchone()[0]
    if not missing:
        return 0  # the common case writes nothing, so a page view never takes the write lock
    stamp = now(at=_utc(at))
    with db.atomic():
        cur = db.execute("INSERT INTO cards (lemma, state, step, due, created) SELECT lemma, ?, 0, ?, ? FROM vocab "
                         "WHERE lemma NOT IN (SELECT lemma FROM cards)", [int(fsrs.State.Learning), stamp, stamp])
    return cur.rowcount


def due_count(db, at=None):
    """Return how many saved words are due for review."""
    return db.execute("SELECT count(*) FROM vocab v LEFT JOIN cards c ON c.lemma = v.lemma "
                      "WHERE c.due IS NULL OR c.due <= ?", [now(at=_utc(at))]).fetchone()[0]


def next_card(db, at=None):
    """Return the saved word due first (with its card), or None when nothing is due."""
    rows = list(db.query(
        "SELECT v.*, c.id AS card_id, c.state, c.due, c.last_review FROM cards c JOIN vocab v ON v.lemma = c.lemma "
        "WHERE c.due <= ? ORDER BY c.due, c.id LIMIT 1", [now(at=_utc(at))]))
    return rows[0] if rows else None


def word_card(db, lemma):
    """Return a saved word with its card (to show again after Undo), or None."""
    rows = list(db.query(
        "SELECT v.*, c.id AS card_id, c.state, c.due, c.last_review FROM cards c JOIN vocab v ON v.lemma = c.lemma "
        "WHERE c.lemma = ?", [lemma]))
    return rows[0] if rows else None


def card_view(word):
    """Return what a review card shows: the cloze front and the answer."""
    before, found, after = anki.sentence_parts(word)
    if not found:  # the word is not in its sentence (edited meaning): ask for the word itself
        before, found, after = "", word["surface"] or word["lemma"], ""
    return {"lemma": word["lemma"], "before": before, "answer": found, "after": after,
            "sentence": word["sentence"] or word["surface"], "translation": word.get("translation") or "",
            "gloss": word.get("gloss") or "", "gender": ARTICLES.get(word.get("gender") or "", ""),
            "plural": word.get("plural") or "", "form": word.get("form") or "",
            "from_article": word.get("from_article"), "card_id": word.get("card_id"), "due": word.get("due")}


def _card(row):
    return fsrs.Card(card_id=row["id"], state=fsrs.State(row["state"]), step=row["step"],
                     stability=row["stability"], difficulty=row["difficulty"], due=parse_time(row["due"]),
                     last_review=parse_time(row["last_review"]) if row["last_review"] else None)


def get_card(db, lemma):
    """Return the card row of a saved word, or None."""
    rows = list(db.query("SELECT * FROM cards WHERE lemma = ?", [lemma]))
    return rows[0] if rows else None


def status_for(card):
    """Return the (status, level) a card's schedule means: a mature card is known."""
    if card.state != fsrs.State.Review or card.last_review is None:
        return "learning", 1
    days = (card.due - card.last_review) / timedelta(days=1)
    if days >= MATURE_DAYS:
        return "known", None
    return "learning", 2 if days < 3 else 3 if days < 7 else 4 if days < 14 else 5


def parse_grade(raw):
    """Return the grade 1–4 from a form value, or raise ReviewError."""
    raw = (raw or "").strip()
    if not (raw.isascii() and raw.isdigit() and len(raw) == 1 and int(raw) in GRADES):
        raise ReviewError(f"“{raw[:20]}” is not a grade: use 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy).")
    return int(raw)


class AlreadyGraded(ReviewError):
    """Raised when the card shown was graded meanwhile (a double click, another tab)."""


def grade(db, lemma, rating, *, at=None, duration_ms=None, shown_due=None, scheduler=SCHEDULER):
    """Grade a saved word's card, reschedule it and update the word's status; return the new card row.

    shown_due: the card's due time as the reader saw it; when it has moved, the grade is refused.
    """
    if rating not in GRADES:
        raise ReviewError(f"{rating!r} is not a grade: use 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy).")
    at = _utc(at)
    with db.atomic():
        ensure_cards(db, at)
        row = get_card(db, lemma)
        if row is None or db.execute("SELECT 1 FROM vocab WHERE lemma = ?", [lemma]).fetchone() is None:
            raise ReviewError(f"There is no saved word “{lemma[:60]}” to review. It may have been deleted.")
        if shown_due and shown_due != row["due"]:
            raise AlreadyGraded(f"“{lemma[:60]}” was graded already; here is the next card.")
        key = word_key(db, lemma)
        old_status = status.get(db, key)
        card, _log = scheduler.review_card(_card(row), fsrs.Rating(rating), review_datetime=at)
        fresh = {"state": int(card.state), "step": card.step, "stability": card.stability,
                 "difficulty": card.difficulty, "due": now(at=card.due), "last_review": now(at=card.last_review)}
        db["cards"].update(row["id"], fresh)
        db["reviews"].insert({"lemma": lemma, "rating": rating, "at": now(at=at), "duration_ms": duration_ms,
                              "before": json.dumps({"card": row, "status": old_status, "key": key}),
                              "state": fresh["state"], "due": fresh["due"]})
        new_status, level = status_for(card)
        status.restore(db, key, lemma, new_status, level, at=at)
    return get_card(db, lemma)


def undo_last(db, since=None, *, at=None):
    """Undo the latest grade (made at or after since): restore card and status; return its lemma."""
    with db.atomic():
        rows = list(db.query("SELECT * FROM reviews ORDER BY id DESC LIMIT 1"))
        if not rows or (since and rows[0]["at"] < since):
            raise ReviewError("There is no grade to undo.")
        before = json.loads(rows[0]["before"])
        card = before["card"]
        db["cards"].update(card["id"], {k: card[k] for k in
                                        ("state", "step", "stability", "difficulty", "due", "last_review")})
        st = before["status"]
        status.restore(db, before["key"], rows[0]["lemma"], st["status"], st["level"], at=at)
        db.execute("DELETE FROM reviews WHERE id = ?", [rows[0]["id"]])
    return rows[0]["lemma"]


def summary(db, since):
    """Return the grades given since a time stamp: total, per grade, and the words."""
    rows = list(db.query("SELECT lemma, rating FROM reviews WHERE at >= ? ORDER BY id", [since]))
    per = {name: sum(1 for r in rows if r["rating"] == n) for n, name in GRADES.items()}
    return {"total": len(rows), "per_grade": per, "words": len({r["lemma"] for r in rows}),
            "again": sorted({r["lemma"] for r in rows if r["rating"] == 1})}


def has_reviews_since(db, since):
    """Say whether a grade was given at or after since (so Undo has something to undo)."""
    return db.execute("SELECT 1 FROM reviews WHERE at >= ? LIMIT 1", [since]).fetchone() is not None


def word_key(db, lemma):
    """Return the status key of a saved word: the one it was saved under, else its lemma's."""
    word = vocab.find(db, lemma)
    return status.saved_key_of(word) if word else status.key_of(lemma)


def saved_key(db, word):
    """Return the status key a saved word row has in the text it was saved from."""
    block = word["from_article"] is not None and articles.get_block(db, word["from_article"], word["from_block"])
    if block and word["start"] is not None and block["text"][word["start"]:word["end"]] == word["surface"]:
        key = marking.key_at(db, block["text"], word["start"])
        if key:
            return key
    # The text has changed or gone: the word as written, if it is a form of the saved word.
    surface = word["surface"] or ""
    return status.key_for(word["lemma"], status.key_of(surface) if surface else "", surface)


def adopt_keys(db, at=None, created_before=None):
    """Give saved words from before status keys their key, carrying each status over; return how many.

    Their status was kept under their lemma's key ("Verbündeter": "verbündete"), which the text
    never paints. Needs the lemmatiser loaded (else does nothing): keys are lemmas.
    created_before: only words saved before then (the start-up pass leaves later saves to the
    request that makes them).
    """
    if not lemmas.ready():
        return 0
    sql, params = "SELECT * FROM vocab WHERE status_key = ''", []
    if created_before:
        sql, params = sql + " AND created < ?", [created_before]
    words = list(db.query(sql, params))
    for word in words:
        adopt(db, word["id"], at=at)
    return len(words)


def adopt(db, word_id, at=None):
    """Give one saved word without a status key its key in its text, carrying its status over; return the key.

    Its status is under its lemma's key (saved before status keys), or under the lemma as
    written (saved before the lemmatiser had loaded). Needs the lemmatiser loaded.
    """
    with db.atomic():
        word = vocab.get(db, word_id)
        if word is None or word["status_key"]:
            return word and word["status_key"]
        key = saved_key(db, word)
        for old_key in dict.fromkeys((status.key_of(word["lemma"]), word["lemma"].lower())):
            progress = status.get(db, old_key)
            if progress["status"] != "new":
                if status.get(db, key)["status"] == "new":
                    status.restore(db, key, word["lemma"], progress["status"], progress["level"], at=at)
                break
        db.execute("UPDATE vocab SET status_key = ? WHERE id = ?", [key, word_id])
    return key


def start_background(path, wait=None):
    """Once the lemmatiser is loaded, adopt_keys in a thread (once per database and process)."""
    # The words saved before this start: the ones from before status keys. A word saved while
    # the lemmatiser loads gets its key from its own save or update (review.start).
    started = now()
    lemmas.when_loaded(path, "status-keys", lambda db: adopt_keys(db, created_before=started), wait)


def edit_word(db, word_id, **changes):
    """Edit a saved word (vocab.update, which may raise VocabError); say whether it existed.

    A renamed word keeps its review card, its history and its status: a rename is mostly a
    correction (a typo, the lemma a lookup missed), and the learner's progress is with the word
    they reviewed. Renamed to a spelling of the same word ("Verbündeter" to "Verbündete") it keeps
    its status key too, so the text still shows its status. Renamed to another word, a new word
    that has a card or a status of its own already keeps those; one without either starts at
    learning 1, as a saved word does. The old word keeps its status.
    """
    with db.atomic():
        before = vocab.get(db, word_id)
        after = before and vocab.update(db, word_id, **changes)
        if not after:
            return False
        old, new = before["lemma"], after["lemma"]
        if new != old:
            old_key = status.saved_key_of(before)
            if status.same_word(new, old) or status.same_word(new, status.cased(old_key, old)):
                new_key = old_key
            else:
                # Back to the word of its text ("Soldat" to "Verbündeter" again): the key the text
                # paints it by ("verbündeter"), not its headword's ("verbündete").
                new_key = status.key_for(new, saved_key(db, after), after["surface"] or new)
            progress = status.get(db, old_key)
            if old_key != new_key and progress["status"] != "new" and status.get(db, new_key)["status"] == "new":
                status.restore(db, new_key, new, progress["status"], progress["level"])
            vocab.update(db, word_id, status_key=new_key)
            if get_card(db, new) is None:
                db.execute("UPDATE cards SET lemma = ? WHERE lemma = ?", [new, old])
                db.execute("UPDATE reviews SET lemma = ? WHERE lemma = ?", [new, old])
            start(db, new, key=new_key)
    return True


def save_word(db, **fields):
    """Save a word (vocab.save, which may raise VocabError) and start learning it, in one transaction; return it."""
    with db.atomic():
        word_id = vocab.save(db, **fields)
        start(db, vocab.get(db, word_id)["lemma"])
        return vocab.get(db, word_id)


def start(db, lemma, key=None, at=None):
    """Start learning a just-saved word: learning 1 (unless it has a status) and a card due now.

    A saved word without a status key (saved before them, or before the lemmatiser had loaded)
    gets its key here, its status carried over, so that learning 1 never covers it up.
    """
    word = vocab.find(db, lemma) if key is None else None
    if word and not word["status_key"]:
        if lemmas.ready():
            key = adopt(db, word["id"], at=at)
        elif get_card(db, word["lemma"]) is not None:
            # Started before: its status is under a key only the lemmatiser can name, and
            # adopt_keys carries it over once that has loaded.
            return
    status.start_learning(db, lemma, key=key or (status.saved_key_of(word) if word else status.key_of(lemma)), at=at)
    ensure_cards(db, at)
