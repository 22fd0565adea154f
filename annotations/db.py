"""SQLite access: one sqlite-utils Database per request (or per thread), and migrations."""
import contextlib
import importlib
import sqlite3

import sqlite_utils
from flask import current_app, g

# Every module that owns tables exposes `migrations = sqlite_utils.Migrations("...")`.
# Order matters only for foreign keys: articles first.
MIGRATION_MODULES = [
    "annotations.articles",
    "annotations.translate",
    "annotations.highlights",
    "annotations.dictionary",
    "annotations.vocab",
]


class Database(sqlite_utils.Database):
    """sqlite-utils' Database whose outermost atomic() takes the write lock up front."""

    @contextlib.contextmanager
    def atomic(self):
        """Run the block in one transaction (BEGIN IMMEDIATE; nested blocks are savepoints)."""
        if self.conn.in_transaction:
            with super().atomic():
                yield self
            return
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


def connect(path):
    """Open a Database at path with the pragmas every connection needs."""
    conn = sqlite3.connect(str(path), timeout=10, check_same_thread=False)
    db = Database(conn)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA busy_timeout = 10000")
    db.execute("PRAGMA synchronous = NORMAL")
    return db


def migrate(db):
    """Apply every pending migration of every module, in order."""
    # WAL lets the background translate/import threads write while pages read.
    db.execute("PRAGMA journal_mode = WAL")
    for name in MIGRATION_MODULES:
        module = importlib.import_module(name)
        module.migrations.apply(db)


def get_db():
    """Return this request's Database, opening it on first use."""
    if "db" not in g:
        g.db = connect(current_app.config["DATABASE"])
    return g.db


def close_db(exc=None):
    """Close this request's Database, if one was opened."""
    db = g.pop("db", None)
    if db is not None:
        db.close()


def init_app(app):
    """Create or upgrade the database and register per-request teardown."""
    app.teardown_appcontext(close_db)
    db = connect(app.config["DATABASE"])
    try:
        migrate(db)
        from . import articles

        articles.seed_default(db)
    finally:
        db.close()
