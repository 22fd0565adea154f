"""Import Debian's German–English dictionaries (Ding, FreeDict) into SQLite.

    python -m annotations.dict_import [--ding PATH] [--freedict PATH] [--db PATH]

The GPL dictionaries are read from the system at run time and never copied into the repo.
An import writes a new generation of rows in batches (so the app can keep writing while it
runs) and then switches the source to it in one tiny transaction: readers see either the old
dictionary or the new one, never a mix, and a re-import replaces instead of duplicating.
"""
import argparse
import logging
import os
import sys
import threading
import time
from datetime import datetime, timezone

from . import lemmas
from .dict_formats import DictFormatError, parse_ding, parse_freedict

log = logging.getLogger(__name__)

BATCH = 20_000
_threads = {}  # database path -> the background import thread started for it (per process)
_lock = threading.Lock()


def _now():
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


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
    return r["path"] == path and r["size"] == size and r["mtime"] == mtime


def import_dictionary(db, source, path):
    """Import one dictionary file (source 'ding' or 'freedict') and return its entry count."""
    if source not in ("ding", "freedict"):
        raise ValueError(f"unknown dictionary source {source!r}")
    size, mtime = _file_stat(source, path)  # OSError if missing: the caller says so
    with db.atomic():
        run = db["dict_imports"].insert({"source": source, "path": path, "state": "running",
                                         "progress": 0, "started": _now()}).last_pk
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
        for sub, german, english, fs in rows:
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
        old = _active_generation(db, source)
        with db.atomic():  # the switch: one small transaction
            db["dict_sources"].upsert({
                "source": source, "generation": generation, "path": path, "size": size,
                "mtime": mtime, "entries": entries, "forms": forms, "imported": _now()}, pk="source")
            db["dict_imports"].update(run, {"state": "done", "progress": 100, "finished": _now(),
                                            "message": f"{entries:,} entries"})
        if old is not None:
            _delete_generations(db, source, keep=generation)
        return entries
    except BaseException as e:
        db.conn.rollback()
        with db.atomic():
            db["dict_imports"].update(run, {"state": "failed", "finished": _now(), "message": str(e)[:500]})
        _delete_generations(db, source, keep=_active_generation(db, source))
        raise


def _flush(db, batch_e, batch_f, run, state):
    """Insert a batch of entries and their forms in one transaction, with the progress."""
    if not batch_e:
        return
    with db.atomic():
        # Ids come from SQLite inside the transaction (max(rowid) + 1 for each row, so they
        # are consecutive while we hold the write lock): safe beside another importer.
        db.conn.executemany(
            "INSERT INTO dict_entries (generation, source, sub, german, english) VALUES (?, ?, ?, ?, ?)",
            batch_e)
        first = db.conn.execute("SELECT last_insert_rowid()").fetchone()[0] - len(batch_e) + 1
        db.conn.executemany(
            "INSERT INTO dict_forms (entry_id, key, headword, gender, pos) VALUES (?, ?, ?, ?, ?)",
            sorted(((first + i, *rest) for i, *rest in batch_f), key=lambda f: f[1]))
        if state.get("dirty"):
            db.conn.execute("UPDATE dict_imports SET progress = ? WHERE id = ?", [state["pct"], run])
            state["dirty"] = False


def _active_generation(db, source):
    row = db.execute("SELECT generation FROM dict_sources WHERE source = ?", [source]).fetchone()
    return row[0] if row else None


def _delete_generations(db, source, keep):
    """Delete rows of source's generations other than keep, in small transactions."""
    while True:
        with db.atomic():
            ids = [r[0] for r in db.execute(
                "SELECT id FROM dict_entries WHERE source = ? AND generation IS NOT ? LIMIT ?",
                [source, keep, BATCH])]
            if not ids:
                return
            marks = ",".join("?" * len(ids))
            db.execute(f"DELETE FROM dict_forms WHERE entry_id IN ({marks})", ids)
            db.execute(f"DELETE FROM dict_entries WHERE id IN ({marks})", ids)


def installed_sources(config):
    """Return [(source, path)] of the configured dictionaries present on this machine."""
    found = []
    if os.path.isfile(config.get("DING_PATH") or ""):
        found.append(("ding", config["DING_PATH"]))
    base = config.get("FREEDICT_PATH") or ""
    if os.path.isfile(base + ".index") and os.path.isfile(base + ".dict.dz"):
        found.append(("freedict", base))
    return found


def import_first(db, sources):
    """Import the first of [(source, path)] unless it is already imported; return its source."""
    # FreeDict's German–English is built from Ding: importing both would list every sense twice.
    for source, path in sources[:1]:
        if not is_current(db, source, path):
            import_dictionary(db, source, path)
        return source
    return None


def start_background(app):
    """Warm up the lemmatiser and import an installed dictionary, in threads; return at once."""
    lemmas.warm_up()
    path = app.config["DATABASE"]
    sources = installed_sources(app.config)
    with _lock:
        if path in _threads or not sources:
            return
    from .db import connect

    def run():
        db = connect(path)
        try:
            _mark_stale_runs(db)
            import_first(db, sources)
        except Exception:
            log.exception("dictionary import failed")
        finally:
            db.close()

    thread = _threads[path] = threading.Thread(target=run, name="dict-import", daemon=True)
    thread.start()


def background_thread(path):
    """Return the background import thread started for database path, or None."""
    return _threads.get(path)


def _mark_stale_runs(db):
    """A run still 'running' at start-up was cut short by a previous exit."""
    with db.atomic():
        db.execute("UPDATE dict_imports SET state = 'failed', message = 'interrupted' WHERE state = 'running'")


def main(argv=None):
    """Import dictionaries from the command line."""
    parser = argparse.ArgumentParser(description="Import German–English dictionaries into Randnotiz's database.")
    parser.add_argument("--ding", help="Ding file (e.g. /usr/share/trans/de-en)")
    parser.add_argument("--freedict", help="FreeDict base path without extension (e.g. /usr/share/dictd/freedict-deu-eng)")
    parser.add_argument("--db", default=os.environ.get("READER_DB"), help="SQLite database (default: the app's)")
    args = parser.parse_args(argv)
    from . import create_app
    from .db import connect

    app = create_app({"BACKGROUND_TASKS": False, **({"DATABASE": args.db} if args.db else {})})
    todo = [("ding", args.ding), ("freedict", args.freedict)]
    todo = [(s, p) for s, p in todo if p] or installed_sources(app.config)
    if not todo:
        parser.error("no dictionary given and none installed (apt-get install trans-de-en or dict-freedict-deu-eng)")
    db = connect(app.config["DATABASE"])
    try:
        for source, path in todo:
            t0 = time.perf_counter()
            try:
                n = import_dictionary(db, source, path)
            except (OSError, DictFormatError) as e:
                print(f"{source}: {e}", file=sys.stderr)
                return 1
            print(f"{source}: {n:,} entries from {path} in {time.perf_counter() - t0:.1f} s")
    finally:
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
