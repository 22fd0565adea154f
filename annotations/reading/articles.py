"""The article store: articles, their blocks (structured by structuring.py) and reading positions."""
from pathlib import Path

from sqlite_utils import Migrations

from ..common import now, same_page_key
from ..sqlite import cascade_delete
from .structuring import KINDS, MAX_TEXT_CHARS, TEXT_KINDS, ArticleError, Block, clean, structure  # noqa: F401

migrations = Migrations("randnotiz.articles")

DEFAULT_ARTICLE = Path(__file__).parent / "data" / "krone-russland-iran.txt"
DEFAULT_SOURCE = "krone.at"
# Block kinds numbered as the reader's paragraphs, in SQL.
_TEXT_KINDS_SQL = ", ".join(f"'{k}'" for k in TEXT_KINDS)


@migrations()
def m001_articles(db):
    db["articles"].create(
        {
            "id": int,
            "title": str,
            "source": str,
            "source_url": str,
            "language": str,
            "created": str,
            "modified": str,
        },
        pk="id",
        not_null={"title", "language", "created", "modified"},
        defaults={"language": "de"},
    )
    db["blocks"].create(
        {"id": int, "article_id": int, "n": int, "kind": str, "text": str},
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
        not_null={"article_id", "n", "kind", "text"},
    )
    db["blocks"].create_index(["article_id", "n"], unique=True)
    db["reading_positions"].create(
        {"article_id": int, "n": int, "updated": str},
        pk="article_id",
        foreign_keys=[("article_id", "articles", "id")],
        not_null={"n", "updated"},
    )
    db["meta"].create({"key": str, "value": str}, pk="key")


@migrations()
def m002_cascade(db):
    # A block and the reading position belong to their article and go with it.
    cascade_delete(db, "blocks", "article_id")
    cascade_delete(db, "reading_positions", "article_id")


# --- storage ---------------------------------------------------------------

def create_article(db, text, *, title=None, source=None, source_url=None):
    """Structure text and store it as a new article; return its id."""
    return store_article(db, structure(text, title), source=source, source_url=source_url)


def store_article(db, structured, *, source=None, source_url=None):
    """Store an already structured (title, blocks) pair as a new article; return its id.

    A title of the learner's own goes to the structuring (structure(text, title) and the like),
    not here: whether the text's opening heading is the title or stays in the text depends on it.
    """
    title, blocks = structured
    stamp = now()
    with db.atomic():
        article_id = db["articles"].insert(
            {"title": title[:300], "source": source, "source_url": source_url,
             "language": "de", "created": stamp, "modified": stamp}
        ).last_pk
        _insert_blocks(db, article_id, blocks)
    return article_id


def _insert_blocks(db, article_id, blocks):
    db["blocks"].insert_all(
        {"article_id": article_id, "n": n, "kind": b.kind, "text": b.text}
        for n, b in enumerate(blocks, start=1)
    )


def replace_text(db, article_id, text):
    """Re-structure an article from new text; return (old blocks, new blocks).

    Run it inside the caller's db.atomic() together with whatever must follow the text
    (the notes re-anchor their highlights), so readers never see one without the other.
    """
    _title, new_blocks = structure(text)
    with db.atomic():
        old = get_blocks(db, article_id)
        write_blocks(db, article_id, new_blocks)
        return old, get_blocks(db, article_id)


def write_blocks(db, article_id, blocks):
    """Replace an article's blocks with structured Blocks; run it inside the caller's transaction."""
    db.execute("DELETE FROM blocks WHERE article_id = ?", [article_id])
    _insert_blocks(db, article_id, blocks)
    db["articles"].update(article_id, {"modified": now()})


def article_text(db, article_id):
    """Return the article as plain text, blocks separated by blank lines."""
    return "\n\n".join(b["text"] for b in get_blocks(db, article_id))


def editable_text(db, article_id):
    """Return the article as text to edit: list items bulleted and quotes marked, so they stay so."""
    marks = {"list": "- ", "quote": "> "}
    out = []
    for b in get_blocks(db, article_id):
        mark = marks.get(b["kind"], "")
        # An ordered item carries its number already ("2. Russland").
        out.append(b["text"] if b["kind"] == "list" and b["text"][:1].isdigit() else mark + b["text"])
    return "\n\n".join(out)


def get_article(db, article_id):
    """Return the article row as a dict, or None."""
    rows = list(db.query("SELECT * FROM articles WHERE id = ?", [article_id]))
    return rows[0] if rows else None


def find_by_source_url(db, url):
    """Return the id of the article imported from url (same page, any scheme or tracking), or None."""
    key = same_page_key(url)
    if key is None:
        return None
    for row in db.query("SELECT id, source_url FROM articles WHERE source_url IS NOT NULL ORDER BY id DESC"):
        if same_page_key(row["source_url"]) == key:
            return row["id"]
    return None


def get_blocks(db, article_id):
    """Return the article's blocks in reading order."""
    return list(db.query(
        "SELECT id, n, kind, text FROM blocks WHERE article_id = ? ORDER BY n", [article_id]
    ))


def get_block(db, article_id, n):
    """Return one block, or None."""
    rows = list(db.query(
        "SELECT id, n, kind, text FROM blocks WHERE article_id = ? AND n = ?", [article_id, n]
    ))
    return rows[0] if rows else None


def paragraph_ordinals(db, article_id):
    """Return {block n: its number among the article's paragraphs} ("paragraph 3 of 6")."""
    rows = db.execute(
        f"SELECT n FROM blocks WHERE article_id = ? AND kind IN ({_TEXT_KINDS_SQL}) ORDER BY n", [article_id])
    return {n: i for i, (n,) in enumerate(rows, start=1)}


def list_articles(db):
    """Return all articles with their paragraph counts, newest first."""
    return list(db.query(
        f"""SELECT a.*, (SELECT count(*) FROM blocks b WHERE b.article_id = a.id
                         AND b.kind IN ({_TEXT_KINDS_SQL})) AS paragraphs
            FROM articles a ORDER BY a.id DESC"""
    ))


def delete_article(db, article_id):
    """Delete an article; its blocks, position, jobs and notes go with it (ON DELETE CASCADE)."""
    with db.atomic():
        db.execute("DELETE FROM articles WHERE id = ?", [article_id])


def get_position(db, article_id):
    """Return the block number the reader was last at (1 if never read)."""
    rows = list(db.query("SELECT n FROM reading_positions WHERE article_id = ?", [article_id]))
    return rows[0]["n"] if rows else 1


def set_position(db, article_id, n):
    """Remember the block the reader is at."""
    with db.atomic():
        db["reading_positions"].upsert(
            {"article_id": article_id, "n": n, "updated": now()}, pk="article_id"
        )


def last_read_article(db):
    """Return the id of the article read most recently, else the first one, else None."""
    rows = list(db.query(
        """SELECT a.id FROM articles a LEFT JOIN reading_positions r ON r.article_id = a.id
           ORDER BY r.updated IS NULL, r.updated DESC, a.id LIMIT 1"""
    ))
    return rows[0]["id"] if rows else None


def seed_default(db):
    """Store the bundled article once, on the very first start."""
    if db["meta"].count_where("key = 'seeded'"):
        return
    with db.atomic():
        create_article(
            db, DEFAULT_ARTICLE.read_text(encoding="utf-8"), source=DEFAULT_SOURCE,
            source_url="https://www.krone.at/",
        )
        db["meta"].insert({"key": "seeded", "value": now()})
