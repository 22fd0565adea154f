"""Import Debian's German–English dictionaries (Ding, FreeDict) into SQLite (command line: words/cli.py).

The GPL dictionaries are read from the system at run time and never copied into the repo.
An import writes a new generation of rows in batches (so the app can keep writing while it
runs) and then switches the source to it in one tiny transaction: readers see either the old
dictionary or the new one, never a mix, and a re-import replaces instead of duplicating.
"""
import logging
import os
import threading

from .. import activity
from ..common import now
from ..sqlite import connect
from . import object_phrases
from .formats import KEYS_VERSION, DictFormatError, head_key, parse_ding, parse_freedict

log = logging.getLogger(__name__)

BATCH = 5_000  # rows per transaction: ~0.2 s of the write lock, so readers' writes barely wait
RETRY_WAITS = (60, 600)  # seconds before a failed background import's 2nd and 3rd attempt
YIELD_EVERY = 500  # entries parsed between looks at the requests in flight (a few ms of work)
_threads = {}  # database path -> the background import thread started for it (per process)
_wakes = {}  # database path -> Event that ends the wait before the next attempt early
_attempts = {}  # database path -> Semaphore released when an attempt ends
_finished = set()  # database paths whose thread has made its last attempt (it may still be closing)
_lock = threading.Lock()


# --- import ------------------------------------------------------------------------

def _ding_reader(path, progress):
    size = os.path.getsize(path) or 1

    def lines():
        with open(path, "rb") as f:
            for i, raw in enumerate(f):
                if progress and i % 5000 == 0:
                    progress(f.tell() / size)
                yield raw.decode("utf-8", "replace")
    return parse_ding(lines())


def _file_stat(source, path):
    target = path + ".index" if source == "freedict" else path
    st = os.stat(target)
    return st.st_size, st.st_mtime


def is_current(db, source, path):
    """Say whether source was already imported from this very file."""
    rows = list(db.query("SELECT * FROM dict_sources WHERE source = ?", [source]))
    if not rows:
        return False
    try:
        size, mtime = _file_stat(source, path)
    except OSError:
        return True  # the file is gone; keep what was imported
    r = rows[0]
    # A database imported under older key rules is upgraded by importing again.
    return (r["path"] == path and r["size"] == size and r["mtime"] == mtime
            and r.get("keys") == KEYS_VERSION)


def import_dictionary(db, source, path):
    """Import one dictionary file (source 'ding' or 'freedict') and return its entry count."""
    if source not in ("ding", "freedict"):
        raise ValueError(f"unknown dictionary source {source!r}")
    size, mtime = _file_stat(source, path)  # OSError if missing: the caller says so
    with db.atomic():
        run = db["dict_imports"].insert({"source": source, "path": path, "state": "running",
                                         "progress": 0, "started": now()}).last_pk
        generation = run
    _delete_generations(db, source, keep=_active_generation(db, source))
    state = {"pct": -1}

    def progress(fraction):
        pct = min(99, int(fraction * 100))
        state["pct"] = pct
        state["dirty"] = True

    try:
        rows = _ding_reader(path, progress) if source == "ding" else parse_freedict(path, progress)
        entries = forms = 0
        batch_e, batch_f = [], []
        for i, (sub, german, english, fs) in enumerate(rows):
            if i % YIELD_EVERY == 0:
                activity.yield_to_requests()
            batch_f.extend((len(batch_e), *f) for f in fs)  # entry by its place in the batch
            batch_e.append((generation, source, sub, german, english))
            if len(batch_e) >= BATCH:
                _flush(db, batch_e, batch_f, run, state)
                entries += len(batch_e)
                forms += len(batch_f)
                batch_e, batch_f = [], []
        _flush(db, batch_e, batch_f, run, state)
        entries += len(batch_e)
        forms += len(batch_f)
        if not entries:
            raise DictFormatError(f"{path}: no dictionary entries found")
        if source == "ding":
            forms += _file_heads(db, generation)
        old = _active_generation(db, source)
        with db.atomic():  # the switch: one small transaction
            db["dict_sources"].upsert({
                "source": source, "generation": generation, "path": path, "size": size,
                "mtime": mtime, "entries": entries, "forms": forms, "imported": now(),
                "keys": KEYS_VERSION}, pk="source")
            db["dict_imports"].update(run, {"state": "done", "progress": 100, "finished": now(),
                                            "message": f"{entries:,} entries"})
        if old is not None:
            _delete_generations(db, source, keep=generation)
        return entries
    except BaseException as e:
        db.conn.rollback()
        with db.atomic():
            db["dict_imports"].update(run, {"state": "failed", "finished": now(), "message": str(e)[:500]})
        _delete_generations(db, source, keep=_active_generation(db, source))
        raise


def reversed_key(key, pos):
    """Return a one-word noun's key reversed, for dictionary.suffixed; else None."""
    return key[::-1] if pos == "noun" and " " not in key else None


def _flush(db, batch_e, batch_f, run, state):
    """Insert a batch of entries and their forms in one transaction, with the progress."""
    if not batch_e:
        return
    with db.batch():
        # Ids come from SQLite inside the transaction (max(rowid) + 1 for each row, so they
        # are consecutive while we hold the write lock): safe beside another importer.
        db.conn.executemany(
            "INSERT INTO dict_entries (generation, source, sub, german, english) VALUES (?, ?, ?, ?, ?)",
            batch_e)
        first = db.conn.execute("SELECT last_insert_rowid()").fetchone()[0] - len(batch_e) + 1
        db.conn.executemany(
            "INSERT INTO dict_forms (entry_id, key, headword, gender, pos, plural, subs, rkey) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            sorted(((first + i, *rest, reversed_key(rest[0], rest[3])) for i, *rest in batch_f), key=lambda f: f[1]))
        if state.get("dirty"):
            db.conn.execute("UPDATE dict_imports SET progress = ? WHERE id = ?", [state["pct"], run])
            state["dirty"] = False


def _file_heads(db, generation):
    """File qualified phrases under the word they qualify where it has no entry of its own; return how many."""
    # After the whole file is in: only then is it known that "friedhof" has no line of its own.
    rows = db.execute(
        """SELECT f.entry_id, f.key, f.headword, f.gender, f.pos, f.plural, f.subs FROM dict_forms f
           JOIN dict_entries e ON e.id = f.entry_id
           WHERE e.generation = ? AND f.key LIKE '% %' AND f.pos IN ('noun', 'verb')""", [generation]).fetchall()
    heads = [(entry_id, head, *rest) for entry_id, key, *rest in rows
             if (head := head_key(key, rest[0], rest[2]))]
    wanted, known = sorted({row[1] for row in heads}), set()
    for i in range(0, len(wanted), 500):  # SQLite's limit on bound values, with room to spare
        chunk = wanted[i:i + 500]
        # A line about one object ("ein Medium absuchen") is no entry of the word's own either.
        known.update(key for key, headword in db.execute(
            f"""SELECT DISTINCT f.key, f.headword FROM dict_forms f JOIN dict_entries e ON e.id = f.entry_id
                WHERE e.generation = ? AND f.key IN ({", ".join("?" * len(chunk))})""", [generation, *chunk])
            if object_phrases.object_verb(headword) != key)
    new = [row for row in heads if row[1] not in known]
    with db.atomic():
        db.conn.executemany(
            "INSERT INTO dict_forms (entry_id, key, headword, gender, pos, plural, subs, rkey) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(*row, reversed_key(row[1], row[4])) for row in new])
    return len(new)


def _active_generation(db, source):
    row = db.execute("SELECT generation FROM dict_sources WHERE source = ?", [source]).fetchone()
    return row[0] if row else None


def _delete_generations(db, source, keep):
    """Delete rows of source's generations other than keep, in small transactions."""
    while True:
        with db.batch():
            ids = [r[0] for r in db.execute(
                "SELECT id FROM dict_entries WHERE source = ? AND generation IS NOT ? LIMIT ?",
                [source, keep, BATCH])]
            if not ids:
                return
            marks = ",".join("?" * len(ids))
            db.execute(f"DELETE FROM dict_forms WHERE entry_id IN ({marks})", ids)
            db.execute(f"DELETE FROM dict_entries WHERE id IN ({marks})", ids)


def installed_sources(ding_path, freedict_path):
    """Return [(source, path)] of the given dictionaries that are present on this machine."""
    found = []
    if ding_path and os.path.isfile(ding_path):
        found.append(("ding", ding_path))
    if freedict_path and os.path.isfile(freedict_path + ".index") and os.path.isfile(freedict_path + ".dict.dz"):
        found.append(("freedict", freedict_path))
    return found


def import_first(db, sources):
    """Import the first of [(source, path)] unless it is already imported; return its source."""
    # FreeDict's German–English is built from Ding: importing both would list every sense twice.
    for source, path in sources[:1]:
        if not is_current(db, source, path):
            import_dictionary(db, source, path)
        return source
    return None


def start_background(path, sources):
    """Import the first of sources into database path, in a thread that steps aside for requests.

    A failed import (a locked database, a damaged file) is tried again after RETRY_WAITS, and
    at every start until it succeeds; the failed run's message says so in the UI. The
    lemmatiser is not warmed here: it is half the process's memory, and a reader who never
    looks a word up never needs it (words/lemmas.py loads it on the first lookup).
    """
    with _lock:
        running = _threads.get(path)
        if (running is not None and running.is_alive() and path not in _finished) or not sources:
            return
        _finished.discard(path)
        _wakes[path] = threading.Event()
        _attempts[path] = threading.Semaphore(0)
        wake = _wakes[path]

    def run():
        db = connect(path)
        try:
            _mark_stale_runs(db)
            waits = list(RETRY_WAITS)
            while True:
                try:
                    import_first(db, sources)
                    # The import leaves hundreds of MB of write-ahead log; if the app is stopped
                    # before SQLite folds it in, the next start reads it all before the first page.
                    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                    return
                except Exception:  # noqa: BLE001 (logged, recorded for the UI, and tried again)
                    log.exception("dictionary import failed")
                    _note_retry(db, waits[0] if waits else None)
                finally:
                    _attempts[path].release()
                if waits:
                    wake.wait(waits.pop(0))
                else:
                    # The last attempt: unless "Try again now" came while it ran, this thread is
                    # done, and a later click starts a new one (retry() decides under the same lock).
                    with _lock:
                        if not wake.is_set():
                            _finished.add(path)
                            return
                wake.clear()
        finally:
            with _lock:
                if _wakes.get(path) is wake:  # not a newer thread's, started while this one closes
                    _finished.add(path)
            db.close()

    thread = _threads[path] = threading.Thread(target=run, name="dict-import", daemon=True)
    thread.start()


def _note_retry(db, wait):
    """Say in the failed run's message when Randnotiz tries again."""
    when = f"in {max(1, round(wait / 60))} min and at every start" if wait is not None else "at the next start"
    with db.atomic():
        db.execute("UPDATE dict_imports SET message = COALESCE(message, '') || ? "
                   "WHERE id = (SELECT MAX(id) FROM dict_imports) AND state = 'failed'",
                   [f" (Randnotiz tries again {when}.)"])


def retry_now(path):
    """Cut the wait before the next attempt of database path's failed import short."""
    wake = _wakes.get(path)
    if wake is not None:
        wake.set()


def retry(path, sources):
    """Try database path's failed import again now: wake its waiting thread, or start a new one."""
    with _lock:
        thread = _threads.get(path)
        if thread is not None and thread.is_alive() and path not in _finished:
            retry_now(path)
            return
    start_background(path, sources)


def attempted(path, timeout=None):
    """Block until an import attempt for database path has ended (this process); say whether one did."""
    attempts = _attempts.get(path)
    return attempts is not None and attempts.acquire(timeout=timeout)


def background_thread(path):
    """Return the background import thread started for database path, or None."""
    return _threads.get(path)


def _mark_stale_runs(db):
    """A run still 'running' at start-up was cut short by a previous exit."""
    with db.atomic():
        db.execute("UPDATE dict_imports SET state = 'failed', message = 'interrupted' WHERE state = 'running'")
