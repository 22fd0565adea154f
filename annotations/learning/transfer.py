"""Bring and take what the reader knows: known-word lists, LUTE's term CSV, and the backup's "learning" part."""
import csv
import io
import re

import fsrs

from .. import validation
from . import status

MAX_LINES = 200_000
LUTE_STATUS = {"w": ("known", None), "99": ("known", None), "i": ("ignored", None), "98": ("ignored", None),
               **{str(n): ("learning", n) for n in status.LEVELS}}
GERMAN = {"", "german", "deutsch", "de"}


class TransferError(ValueError):
    """Raised for a file that cannot be imported; nothing was stored. The message is for the reader."""


def _problems(errors):
    shown = "; ".join(errors[:5])
    more = f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""
    return TransferError(f"Nothing was imported. {shown}{more}.")


def _word(raw, where, errors):
    word = " ".join(raw.replace("\u200b", "").split())
    try:
        return status.check_lemma(word)
    except status.StatusError as e:
        errors.append(f"{where}: {e}".rstrip("."))
        return None


def parse(text):
    """Return [(word, status, level)] from a plain list (one known word a line) or LUTE's term CSV."""
    text = text.lstrip("\ufeff")
    lines = text.splitlines()
    if len(lines) > MAX_LINES:
        raise TransferError(f"Nothing was imported: the file has more than {MAX_LINES} lines.")
    first = next((ln for ln in lines if ln.strip()), "")
    header = [c.strip().lower() for c in next(csv.reader([first]), [])] if first else []
    return _parse_lute(text) if "term" in header and len(header) > 1 else _parse_list(lines)


def _parse_list(lines):
    out, errors = [], []
    for i, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        word = _word(line, f"line {i}", errors)
        if word:
            out.append((word, "known", None))
    if errors:
        raise _problems(errors)
    if not out:
        raise TransferError("Nothing was imported: the list has no words (one word a line).")
    return out


def _parse_lute(text):
    out, errors = [], []
    reader = csv.DictReader(io.StringIO(text))
    reader.fieldnames = [f.strip().lower() for f in reader.fieldnames or []]
    try:
        for row in reader:
            where = f"line {reader.line_num}"
            if None in row:
                errors.append(f"{where}: more cells than the header has")
                continue
            if (row.get("language") or "").strip().lower() not in GERMAN:
                continue  # LUTE exports every language; only German words are ours
            raw_status = (row.get("status") or "w").strip().lower()
            if raw_status == "0":
                continue  # LUTE's "unknown": the word stays new
            if raw_status not in LUTE_STATUS:
                errors.append(f"{where}: “{raw_status[:20]}” is not a LUTE status (1–5, W, I)")
                continue
            word = _word(row.get("term") or "", where, errors)
            if word:
                out.append((word, *LUTE_STATUS[raw_status]))
    except csv.Error as e:
        errors.append(f"line {reader.line_num}: {e}")
    if errors:
        raise _problems(errors)
    if not out:
        raise TransferError("Nothing was imported: the CSV has no German terms.")
    return out


def import_words(db, rows):
    """Store imported statuses as one undoable batch; return how many words changed."""
    changes = {status.key_of(word): (word, st, level) for word, st, level in rows}
    _batch, changed = status.apply_batch(db, changes, kind="import")
    return changed


# --- backup ------------------------------------------------------------------------------

TABLES = {  # backup member -> (table, primary key)
    "statuses": ("word_status", "key"),
    "changes": ("status_changes", "id"),
    "batches": ("status_batches", "id"),
    "cards": ("cards", "lemma"),
    "reviews": ("reviews", "id"),
    "vocabulary": ("vocab", "lemma"),
}
_REQUIRED = {"statuses": ("key", "lemma", "status"), "changes": ("id", "key", "new_status", "at"),
             "batches": ("id", "kind", "at"), "cards": ("lemma", "state", "due"),
             "reviews": ("id", "lemma", "rating", "at", "before"), "vocabulary": ("lemma", "surface")}
MAX_ROWS = 1_000_000
# Time stamps as common.now() writes them: due cards are found by comparing these as text, and
# the charts read their first ten characters as a date.
TIME_COLUMNS = ("modified", "at", "due", "last_review", "created")
_STAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?Z")
CARD_STATES = {int(s) for s in fsrs.State}


def dump(db):
    """Return every status, status change, card, review and saved word (the backup's "learning")."""
    return {name: [dict(r) for r in db.query(f"SELECT * FROM [{table}] ORDER BY rowid")]
            for name, (table, _pk) in TABLES.items()}


def _clean_value(value, where):
    if value is None or isinstance(value, (int, float)) and not isinstance(value, bool):
        if isinstance(value, int) and not -2**63 <= value < 2**63:
            raise TransferError(f"{where}: a number too large to store.")
        return value
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise TransferError(f"{where}: text that is not valid Unicode.") from None
        return value
    raise TransferError(f"{where}: values must be text or numbers.")


def _check(doc, columns):
    """Return {member: [rows with known columns only]} or raise TransferError.

    columns: {table: {"names": every column, "required": NOT NULL ones, "defaulted": NOT NULL with a default}}.
    """
    if doc is None:
        return {}
    if not isinstance(doc, dict):
        raise TransferError("The backup's 'learning' member must be an object.")
    out = {}
    for name, (table, _pk) in TABLES.items():
        rows = doc.get(name, [])
        if not isinstance(rows, list) or len(rows) > MAX_ROWS:
            raise TransferError(f"The backup's learning '{name}' must be a list.")
        clean = []
        for i, row in enumerate(rows, start=1):
            where = f"learning {name} {i}"
            if not isinstance(row, dict) or any(row.get(k) in (None, "") for k in _REQUIRED[name]):
                raise TransferError(f"{where} lacks one of {', '.join(_REQUIRED[name])}.")
            known = columns[table]
            row = {k: _clean_value(v, where) for k, v in row.items() if k in known["names"]}
            # A NULL where the table has a default takes the default; where it has none, it is refused.
            row = {k: v for k, v in row.items() if v is not None or k not in known["defaulted"]}
            clean.append(row)
        out[name] = clean
    for i, row in enumerate(out.get("statuses", []), start=1):
        if row["status"] not in ("learning", "known", "ignored") or \
                (row["status"] == "learning") != (row.get("level") in status.LEVELS):
            raise TransferError(f"learning statuses {i}: “{row['status']}” is not a word status.")
    for i, row in enumerate(out.get("reviews", []), start=1):
        if row["rating"] not in (1, 2, 3, 4):
            raise TransferError(f"learning reviews {i}: the grade must be 1–4.")
        if not _undoable(row["before"]):
            raise TransferError(f"learning reviews {i}: 'before' is not the card and status the grade replaced.")
    for i, row in enumerate(out.get("cards", []), start=1):
        if row["state"] not in CARD_STATES or any(
                not (row.get(k) is None or isinstance(row[k], (int, float))) for k in ("step", "stability", "difficulty")):
            raise TransferError(f"learning cards {i}: not a review card (state {str(row['state'])[:10]}).")
    for name, rows in out.items():
        for i, row in enumerate(rows, start=1):
            missing = [k for k in columns[TABLES[name][0]]["required"] if row.get(k) is None]
            if missing:
                raise TransferError(f"learning {name} {i} lacks its {', '.join(missing)}.")
            for key in TIME_COLUMNS:
                if row.get(key) is not None and not _is_stamp(row[key]):
                    raise TransferError(f"learning {name} {i}: '{key}' is not a UTC time such as 2026-01-31T12:00:00Z.")
    return out


def _is_stamp(value):
    if not isinstance(value, str) or not _STAMP.fullmatch(value):
        return False
    try:
        validation.timestamp(value, "time")  # 2026-02-30 has the shape, not the date
    except validation.InvalidInput:
        return False
    return True


def _undoable(before):
    """Say whether a review's 'before' holds what Undo puts back (the card and the word's status)."""
    try:
        doc = validation.parse_json(before) if isinstance(before, str) else None
    except validation.InvalidInput:
        return False
    card = doc.get("card") if isinstance(doc, dict) else None
    old = doc.get("status") if isinstance(doc, dict) else None
    return isinstance(card, dict) and isinstance(old, dict) and isinstance(doc.get("key"), str) \
        and all(k in card for k in ("id", "state", "step", "stability", "difficulty", "due", "last_review")) \
        and "status" in old and "level" in old


def check(db, doc):
    """Return the backup's "learning" member as {member: rows}, every row checked; raise TransferError."""
    columns = {}
    for table, pk in TABLES.values():
        found = db[table].columns
        # NOT NULL columns: without a default a row must have them (or the insert fails late).
        columns[table] = {
            "names": {c.name for c in found},
            "required": [c.name for c in found if c.notnull and c.default_value is None and c.name not in (pk, "id")],
            "defaulted": {c.name for c in found if c.notnull and c.default_value is not None}}
    return _check(doc, columns)


def restore(db, doc):
    """Restore the backup's "learning" member (inside the caller's transaction); return counts."""
    return write(db, check(db, doc))


BATCH = 500  # rows per transaction when the caller passes one (a long import)


def write(db, members, *, transaction=None, written=None):
    """Write checked members (from check()); return counts per member.

    Statuses and cards take the backup's state; logged changes, batches and reviews keep their
    ids and are skipped when already here, so importing twice changes nothing. Without
    `transaction` it all happens in one db.atomic(); with one (a long import's pausing batch)
    BATCH rows at a time. `written`, a list, gets (table, key column, key, the row replaced or
    None) for every row written, so take_back() can undo the restore.
    """
    # Statuses are written here directly, not through status._apply: a restore replaces rows
    # exactly (timestamps included) and logs nothing. A cache of rendered paragraphs must be
    # cleared after a restore as a whole (its articles' blocks may have changed too).
    counts = {name: 0 for name in members}
    rows = [(name, row) for name, member in members.items() for row in member]
    step = BATCH if transaction else max(1, len(rows))
    for i in range(0, len(rows), step):
        with (transaction or db.atomic)():
            for name, row in rows[i:i + step]:
                counts[name] += _write_row(db, name, row, written)
    return counts


def _write_row(db, name, row, written):
    table, pk = TABLES[name]
    found = list(db.query(f"SELECT * FROM [{table}] WHERE [{pk}] = ?", [row[pk]]))
    if found and name in ("changes", "batches", "reviews", "vocabulary"):
        return 0  # already here (or, for a saved word, the reader's own newer one)
    if "id" in row and pk != "id" and db.execute(
            f"SELECT 1 FROM [{table}] WHERE id = ? AND [{pk}] != ?", [row["id"], row[pk]]).fetchone():
        row = {k: v for k, v in row.items() if k != "id"}  # the id is taken: take a new one
    if found:
        db.execute(f"DELETE FROM [{table}] WHERE [{pk}] = ?", [row[pk]])
    db[table].insert(row)
    if written is not None:
        written.append((table, pk, row[pk], found[0] if found else None))
    return 1


def take_back(db, written):
    """Undo what write() noted in written, newest first, in short transactions."""
    for i in range(len(written), 0, -BATCH):
        with db.atomic():
            for table, pk, key, old in reversed(written[max(0, i - BATCH):i]):
                db.execute(f"DELETE FROM [{table}] WHERE [{pk}] = ?", [key])
                if old is not None:
                    db[table].insert(old)
