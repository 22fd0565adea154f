"""Articles: turn plain text into headings, paragraphs and trailing site chrome, and store them."""
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Migrations

from ..common import now
from ..sqlite import cascade_delete

migrations = Migrations("randnotiz.articles")

DEFAULT_ARTICLE = Path(__file__).parent / "data" / "krone-russland-iran.txt"
DEFAULT_SOURCE = "krone.at"
MAX_TEXT_CHARS = 2_000_000

KINDS = ("heading", "paragraph", "boilerplate")


class ArticleError(ValueError):
    """Raised when a text cannot become an article; the message is for the reader."""


@dataclass(frozen=True)
class Block:
    kind: str
    text: str


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


# --- structuring -----------------------------------------------------------

_SENTENCE_END = ".!?…:;,"
_CLOSERS = "\"'“”„‘’»«)]›‹"
_MD_HEADING = re.compile(r"^#{1,6}\s+")
# Headings that open a site's comment section / related-links area: everything after is chrome.
_CHROME_HEADINGS = re.compile(
    r"^(kommentare|leserkommentare|kommentieren|diskussion|forum|comments|"
    r"weitere artikel|mehr zum thema|das könnte sie auch interessieren|"
    r"lesen sie auch|newsletter|related articles|share this article|teilen)\s*:?$",
    re.IGNORECASE,
)
# Words that mark community rules, legal notes and newsletters rather than journalism.
_CHROME_WORDS = [
    r"netiquette", r"\bAGB\b", r"nutzungsbedingungen", r"datenschutz", r"cookies?\b",
    r"community", r"forum", r"user-beiträge", r"kommentar", r"alle rechte vorbehalten",
    r"copyright", r"©", r"newsletter", r"abonnier", r"melde- und abhilfestelle",
    r"impressum", r"betreiber", r"terms of (use|service)", r"privacy policy",
]
_CHROME_RES = [re.compile(w, re.IGNORECASE) for w in _CHROME_WORDS]


def _clean(line):
    return re.sub(r"\s+", " ", line).strip()


def _looks_like_heading(line):
    """Short line with no closing punctuation: a sub-heading, not prose."""
    if _MD_HEADING.match(line):
        return True
    words = line.split()
    if not words or len(words) > 14 or len(line) > 110:
        return False
    core = line.rstrip(_CLOSERS + " ")
    if not core or core[-1] in _SENTENCE_END:
        return False
    # Headings start with a capital, a digit or an opening quote, never mid-sentence.
    return not line[0].islower()


def _chrome_score(text):
    return sum(1 for r in _CHROME_RES if r.search(text))


def _split_blocks(text):
    """Yield (raw_block_lines) groups: blank-line paragraphs, else one line each."""
    lines = text.split("\n")
    if re.search(r"\n[ \t\u00a0]*\n", text):
        group = []
        for line in lines:
            if line.strip():
                group.append(_clean(line))
            elif group:
                yield group
                group = []
        if group:
            yield group
    else:
        for line in lines:
            if line.strip():
                yield [_clean(line)]


def structure(text):
    """Split text into a title and Blocks (heading, paragraph, boilerplate)."""
    if text is None or not text.strip():
        raise ArticleError("The text is empty: paste or upload some German text to read.")
    if len(text) > MAX_TEXT_CHARS:
        raise ArticleError(f"The text is too long ({len(text):,} characters; the limit is {MAX_TEXT_CHARS:,}).")
    text = unicodedata.normalize("NFC", text.replace("\ufeff", ""))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():  # only byte-order marks: as empty as it looks
        raise ArticleError("The text is empty: paste or upload some German text to read.")
    blocks = []
    for group in _split_blocks(text):
        # A heading line directly above its paragraph (single newline) is still a heading.
        # (A lowercase next line means a hard-wrapped sentence, not a heading.)
        while len(group) > 1 and _looks_like_heading(group[0]) and not group[1][0].islower():
            blocks.append(Block("heading", _MD_HEADING.sub("", group.pop(0))))
        joined = " ".join(group)
        kind = "heading" if _looks_like_heading(joined) else "paragraph"
        blocks.append(Block(kind, _MD_HEADING.sub("", joined) if kind == "heading" else joined))
    if not any(b.kind == "paragraph" for b in blocks):
        # Only short lines (a list, a poem): read them as paragraphs, not as headings.
        blocks = [Block("paragraph", b.text) for b in blocks]
    blocks = _mark_trailing_chrome(blocks)
    # A heading with nothing but chrome after it is chrome too (or a stray last line).
    title = None
    if blocks[0].kind == "heading" and len(blocks) > 1:
        title = blocks.pop(0).text
    if title is None:
        title = _title_from(next(b.text for b in blocks if b.kind != "boilerplate"))
    return title, blocks


def _mark_trailing_chrome(blocks):
    """Mark the run of site chrome (comment sections, legal notes) at the end of the text."""
    body_end = len(blocks)
    i = len(blocks) - 1
    while i > 0:
        b = blocks[i]
        if b.kind == "heading" and _CHROME_HEADINGS.match(b.text):
            body_end = i
        elif _chrome_score(b.text) >= 2:
            body_end = i
        else:
            break
        i -= 1
    # Never let chrome swallow the whole text; at least one real paragraph must stay.
    if not any(b.kind == "paragraph" for b in blocks[:body_end]):
        return blocks
    return blocks[:body_end] + [Block("boilerplate", b.text) for b in blocks[body_end:]]


def _title_from(paragraph):
    """Make a title from the first sentence of the first paragraph."""
    m = re.match(r"(.+?[.!?])(\s|$)", paragraph)
    sentence = m.group(1) if m else paragraph
    if len(sentence) <= 100:
        return sentence.rstrip(".")
    words = sentence[:90].rsplit(" ", 1)[0]
    return words + " …"


# --- storage ---------------------------------------------------------------

def create_article(db, text, *, title=None, source=None, source_url=None):
    """Structure text and store it as a new article; return its id."""
    auto_title, blocks = structure(text)
    title = _clean(title or "") or auto_title
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


def get_article(db, article_id):
    """Return the article row as a dict, or None."""
    rows = list(db.query("SELECT * FROM articles WHERE id = ?", [article_id]))
    return rows[0] if rows else None


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
        "SELECT n FROM blocks WHERE article_id = ? AND kind = 'paragraph' ORDER BY n", [article_id])
    return {n: i for i, (n,) in enumerate(rows, start=1)}


def list_articles(db):
    """Return all articles with their paragraph counts, newest first."""
    return list(db.query(
        """SELECT a.*, (SELECT count(*) FROM blocks b WHERE b.article_id = a.id
                        AND b.kind = 'paragraph') AS paragraphs
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
