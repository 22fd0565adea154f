"""SQLite connections with the pragmas every connection needs, and a safe table rebuild."""
import contextlib
import os
import re
import sqlite3
import threading
import time
from collections import OrderedDict

import sqlite_utils


_writers = {}  # database file -> the RLock its transactions queue on in this process
_writers_lock = threading.Lock()
MAX_PAUSE = 0.2  # seconds a long job's batch waits after committing, at most


def _writer_lock(path):
    key = os.path.realpath(str(path))
    with _writers_lock:
        return _writers.setdefault(key, threading.RLock())


class Database(sqlite_utils.Database):
    """sqlite-utils' Database whose outermost atomic() takes the write lock up front."""

    writer = None  # set by connect(): this file's in-process queue of writers

    @contextlib.contextmanager
    def atomic(self):
        """Run the block in one transaction (BEGIN IMMEDIATE; nested blocks are savepoints)."""
        if self.conn.in_transaction:
            with super().atomic():
                yield self
            return
        # SQLite's busy wait is polling, not a queue: beside a job committing batch after
        # batch, a waiting request can miss every gap until its timeout. This process's
        # writers therefore queue on a lock first, which hands over as soon as it is free.
        with self.writer or contextlib.nullcontext():
            # A plain BEGIN reads first and upgrades to a write later; in WAL mode that upgrade
            # fails at once with "database is locked" if another connection wrote meanwhile,
            # whatever the busy timeout. IMMEDIATE waits for the lock instead.
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self
            except BaseException:
                self.conn.rollback()
                raise
            else:
                self.conn.execute("COMMIT")

    @contextlib.contextmanager
    def batch(self):
        """Run one batch of a long job atomically, then pause as long as it held the lock (≤ 0.2 s).

        The pause leaves the lock free at least half the time, so writers outside this
        process's queue (other processes, plain sqlite-utils writes) get their turn too.
        """
        start = time.monotonic()
        with self.atomic():
            yield self
        time.sleep(min(MAX_PAUSE, time.monotonic() - start))


def connect(path):
    """Open a Database at path with the pragmas every connection needs."""
    conn = sqlite3.connect(str(path), timeout=10, check_same_thread=False)
    db = Database(conn)
    db.writer = _writer_lock(path)
    # sqlite-utils finds out whether upserts work by creating and dropping a table on the first
    # upsert of each connection: a schema change that makes every other connection re-read the
    # schema. SQLite has had INSERT ... ON CONFLICT since 3.24 (2018).
    db._supports_on_conflict = sqlite3.sqlite_version_info >= (3, 24, 0)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA busy_timeout = 10000")
    db.execute("PRAGMA synchronous = NORMAL")
    return db


# --- connections kept between requests -------------------------------------------------
# Opening a connection costs more than most requests: SQLite parses the whole schema on its
# first statement (~1 ms here), and the last connection to close checkpoints and deletes the WAL.

POOL_SIZE = 16  # idle connections kept, all database files together (waitress runs 8 threads)
_idle = OrderedDict()  # (path, device, inode) -> [Database]; oldest file first
_idle_lock = threading.Lock()


def _file_key(path):
    # By inode, not name: a file deleted and created again (a test, a restore by copy) is another
    # database; an open connection keeps its old inode alive, so the number cannot be reused.
    st = os.stat(path)
    return (str(path), st.st_dev, st.st_ino)


def borrow(path):
    """Return an open Database for path: one given back earlier, else a new connection."""
    try:
        key = _file_key(path)
    except OSError:
        key = None  # not created yet: connect() creates it
    with _idle_lock:
        kept = _idle.get(key)
        if kept:
            db = kept.pop()
            if not kept:
                del _idle[key]
            return db
    db = connect(path)
    db.pool_key = _file_key(path)
    return db


def give_back(db):
    """Keep a borrowed Database for the next borrow() of its file: its transaction ended, what it cached kept."""
    try:
        if db.conn.in_transaction:
            db.conn.rollback()  # what closing it would have done with an unfinished write
    except sqlite3.Error:
        db.close()
        return
    with _idle_lock:
        _idle.setdefault(db.pool_key, []).append(db)
        _idle.move_to_end(db.pool_key)
        surplus = []
        while sum(len(kept) for kept in _idle.values()) > POOL_SIZE:
            key, kept = next(iter(_idle.items()))
            surplus.append(kept.pop(0))
            if not kept:
                del _idle[key]
    for old in surplus:
        old.close()


_REFERENCES = re.compile(r'REFERENCES\s+[\["]?(\w+)[\]"]?\s*\(\s*[\["]?\w+[\]"]?\s*\)(?:\s+ON\s+DELETE\s+CASCADE)?', re.I)
_CREATE = re.compile(r"^CREATE TABLE\s+(\[[^\]]+\]|\"[^\"]+\"|\S+)", re.I)


def cascade_delete(db, table, column, parent="articles"):
    """Rebuild table so its rows go with their parent row (ON DELETE CASCADE on column).

    Run it inside a migration's transaction, so it happens whole or not at all.
    """
    reference = f"REFERENCES [{parent}]([id]) ON DELETE CASCADE"

    def add_cascade(sql):
        if any(m.group(1) == parent for m in _REFERENCES.finditer(sql)):
            return _REFERENCES.sub(lambda m: reference if m.group(1) == parent else m.group(0), sql)
        return sql.rstrip().removesuffix(")") + f",\n   FOREIGN KEY([{column}]) {reference}\n)"

    # Rows whose parent is already gone could not satisfy the key: they were dead data.
    db.execute(f"DELETE FROM [{table}] WHERE [{column}] NOT IN (SELECT id FROM [{parent}])")
    rebuild(db, table, add_cascade)


def rebuild(db, table, edit):
    """Rebuild table from its CREATE TABLE statement changed by edit(sql), keeping every row and index.

    SQLite cannot alter a column's constraints in place; this is its documented rebuild: create
    the new table, copy every row, drop the old one, rename, recreate the indexes.
    """
    sql = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]).fetchone()[0]
    indexes = [row[0] for row in db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL", [table])]
    temp = f"_{table}_rebuild"
    db.execute(_CREATE.sub(f"CREATE TABLE [{temp}]", edit(sql), count=1))
    columns = ", ".join(f"[{c}]" for c in db[table].columns_dict)
    db.execute(f"INSERT INTO [{temp}] ({columns}) SELECT {columns} FROM [{table}]")
    db.execute(f"DROP TABLE [{table}]")
    db.execute(f"ALTER TABLE [{temp}] RENAME TO [{table}]")
    for index_sql in indexes:
        db.execute(index_sql)
