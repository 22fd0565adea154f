"""The command line's work: import a file or web page, export everything, back up and restore the database.

Backups use SQLite's online backup API: a consistent copy even while the server writes (WAL).
"""
import json
import os
import sqlite3
from pathlib import Path

from . import schema, validation
from .learning import review
from .notes import backup as notes_backup
from .notes import exports, webanno
from .notes.highlights import AnnotationError
from .reading import articles, fetch, formats
from .sqlite import connect
from .words import lemmas

EXPORT_BASE = "http://127.0.0.1:5000"
SQLITE_MAGIC = b"SQLite format 3\x00"


class CommandError(Exception):
    """Raised when a command cannot do its work; the message is for the person at the terminal."""


def open_database(path):
    """Open (creating and migrating if need be) the database at path."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    db = connect(path)
    schema.prepare(db)
    return db


def import_source(db, source, *, allow_private=False):
    """Import a file (.txt, .md, .html, .epub) or a web address as a new article; return (id, title).

    A web address is fetched as the server fetches one: public addresses only unless allow_private.
    """
    try:
        if source.startswith(("http://", "https://")):
            source = fetch.clean_url(source)  # no user:password@ kept in the article's source
            structured, host = fetch.structured_from_url(source, allow_private=allow_private)
            article_id = articles.store_article(db, structured, source=host, source_url=source)
            webanno.adopt(db, article_id, EXPORT_BASE)
        else:
            path = Path(source)
            if not path.is_file():
                raise CommandError(f"There is no file {source}.")
            structured = formats.from_file(path.name, path.read_bytes())
            article_id = articles.store_article(db, structured, source=path.name)
    except articles.ArticleError as e:
        raise CommandError(f"{source}: {e}") from None
    return article_id, articles.get_article(db, article_id)["title"]


def export(db, path, base=EXPORT_BASE):
    """Write the full JSON-LD export (articles and annotations) to path; return its counts."""
    doc = exports.jsonld_export(db, base)
    _write_atomically(path, json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"))
    return {"articles": len(doc["randnotiz"]["articles"]), "annotations": doc["total"]}


def backup(db_path, dest):
    """Copy the live database to dest with SQLite's online backup API; return dest's size in bytes."""
    if not Path(db_path).is_file():
        raise CommandError(f"There is no database at {db_path}.")
    part = f"{dest}.part"
    source = sqlite3.connect(db_path, timeout=30)
    try:
        target = sqlite3.connect(part)
        try:
            # One step: the copy is a single consistent snapshot; WAL lets writers go on meanwhile.
            source.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        finally:
            target.close()
    except sqlite3.Error as e:
        Path(part).unlink(missing_ok=True)
        raise CommandError(f"The backup failed: {e}.") from None
    finally:
        source.close()
    os.replace(part, dest)
    return Path(dest).stat().st_size


def restore(db_path, src):
    """Replace the database's contents with a backup file (SQLite) or import an export (.jsonld)."""
    path = Path(src)
    if not path.is_file():
        raise CommandError(f"There is no file {src}.")
    with path.open("rb") as f:
        head = f.read(16)
    result = _restore_export(db_path, path) if head != SQLITE_MAGIC else _restore_backup(db_path, path)
    _adopt_keys(db_path)
    return result


def _restore_backup(db_path, path):
    """Copy a SQLite backup over the database; return its counts."""
    _check_backup(path)
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        target = sqlite3.connect(db_path, timeout=30)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()
    db = open_database(db_path)  # a backup from an older version gets its missing migrations
    try:
        return {"articles": db["articles"].count, "annotations": db["highlights"].count}
    finally:
        db.close()


LEMMATISER_WAIT = 120  # seconds; loading takes a few


def _adopt_keys(db_path):
    """Give restored saved words without a status key theirs, status carried over (a running server adopts only at its start)."""
    if not lemmas.wait(LEMMATISER_WAIT):
        return
    db = open_database(db_path)
    try:
        review.adopt_keys(db)
    finally:
        db.close()


def _check_backup(path):
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.Error as e:
        raise CommandError(f"{path} is not a readable SQLite database: {e}.") from None
    if ok != "ok":
        raise CommandError(f"{path} is damaged ({ok}); nothing was restored.")
    if not {"articles", "blocks"} <= tables:
        raise CommandError(f"{path} is not a Randnotiz backup (it has no articles); nothing was restored.")


def _restore_export(db_path, path):
    try:
        # The one JSON boundary: bounded nesting, nothing SQLite cannot store.
        doc = validation.parse_json(path.read_bytes())
    except validation.InvalidInput as e:
        raise CommandError(f"{path} is neither a Randnotiz backup nor a JSON-LD export ({e})") from None
    db = open_database(db_path)
    try:
        return notes_backup.import_export(db, doc, EXPORT_BASE)
    except AnnotationError as e:
        raise CommandError(f"Nothing was imported: {e}") from None
    finally:
        db.close()


def _write_atomically(path, data):
    part = f"{path}.part"
    with open(part, "wb") as f:
        f.write(data)
    os.replace(part, path)
