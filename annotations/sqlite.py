"""SQLite connections with the pragmas every connection needs, and a safe table rebuild."""
import contextlib
import re
import sqlite3

import sqlite_utils


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
