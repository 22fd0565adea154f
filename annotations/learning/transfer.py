"""Bring and take what the reader knows: known-word lists, LUTE's term CSV, and the backup's "learning" part."""
import csv
import io

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
    """Return {member: [rows with known columns only]} or raise TransferError."""
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
            clean.append({k: _clean_value(v, where) for k, v in row.items() if k in columns[table]})
        out[name] = clean
    for i, row in enumerate(out.get("statuses", []), start=1):
        if row["status"] not in ("learning", "known", "ignored") or \
                (row["status"] == "learning") != (row.get("level") in status.LEVELS):
            raise TransferError(f"learning statuses {i}: “{row['status']}” is not a word status.")
    for i, row in enumerate(out.get("reviews", []), start=1):
        if row["rating"] not in (1, 2, 3, 4):
            raise TransferError(f"learning reviews {i}: the grade must be 1–4.")
    return out


def restore(db, doc):
    """Restore the backup's "learning" member (inside the caller's transaction); return counts.

    Statuses and cards take the backup's state; logged changes, batches and reviews keep their
    ids and are skipped when already here, so importing twice changes nothing.
    """
    # Statuses are written here directly, not through status._apply: a restore replaces rows
    # exactly (timestamps included) and logs nothing. A cache of rendered paragraphs must be
    # cleared after a restore as a whole (its articles' blocks may have changed too).
    columns = {table: set(db[table].columns_dict) for table, _pk in TABLES.values()}
    members = _check(doc, columns)
    counts = {}
    with db.atomic():
        for name, rows in members.items():
            table, pk = TABLES[name]
            added = 0
            for row in rows:
                exists = db.execute(f"SELECT 1 FROM [{table}] WHERE [{pk}] = ?", [row[pk]]).fetchone()
                if exists and name in ("changes", "batches", "reviews", "vocabulary"):
                    continue  # already here (or, for a saved word, the reader's own newer one)
                if "id" in row and pk != "id" and db.execute(
                        f"SELECT 1 FROM [{table}] WHERE id = ? AND [{pk}] != ?", [row["id"], row[pk]]).fetchone():
                    row = {k: v for k, v in row.items() if k != "id"}  # the id is taken: take a new one
                if exists:
                    db.execute(f"DELETE FROM [{table}] WHERE [{pk}] = ?", [row[pk]])
                db[table].insert(row)
                added += 1
            counts[name] = added
    return counts

