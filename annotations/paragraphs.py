"""A paragraph as the reader sees it: its text with every feature's spans, its number, its translation.

Each block's HTML is cached in this process and reused until something it shows changes, so a
repeat view of a long text is a concatenation. What changes a block is counted in SQLite, in
`render_versions`, by triggers (see ensure_triggers): a highlight or paragraph note bumps its
block, a new text bumps its article, a cached translation bumps the blocks with its text, a
saved word bumps everything. Triggers catch every writer (views, background jobs, the command
line, another process). A feature whose data changes paragraphs adds a trigger there, or calls
`invalidate()`. The same counters, and PAGE counters for what the reading page shows around
its paragraphs, let the reading view keep whole pages (page_stamp()).
"""
from collections import namedtuple

from markupsafe import Markup
from sqlite_utils import Migrations

from . import paragraph_html
from .common import SizedCache
from .notes import highlights
from .reading import articles, render
from .translation import sentences, translate
from .words import lemmas, vocab

# Each is called as fn(db, article_id, blocks) and returns {block_n: [Span, ...]}.
# Word status is not one: learning.js paints it (CSS Custom Highlight API) without markup.
SPAN_PROVIDERS = [sentences.spans, highlights.spans, vocab.spans]

migrations = Migrations("randnotiz.paragraphs")

EVERYTHING = (0, 0)  # (article_id, n) of the counter every block depends on
WHOLE_ARTICLE = -1  # n of an article's own counter
# n of the counter of what an article's reading page shows around its paragraphs (position,
# Translate all, word counts, undo); article 0's PAGE counter: what every page shows.
PAGE = -2


@migrations()
def m001_render_versions(db):
    db.execute("""CREATE TABLE IF NOT EXISTS render_versions (
        article_id INTEGER NOT NULL, n INTEGER NOT NULL, version INTEGER NOT NULL,
        PRIMARY KEY (article_id, n)) WITHOUT ROWID""")


def _bump(article, n):
    # No article, nothing to re-render: an annotation on another page (article_id NULL).
    return (f"INSERT INTO render_versions (article_id, n, version) SELECT {article}, {n}, 1 "
            f"WHERE {article} IS NOT NULL ON CONFLICT (article_id, n) DO UPDATE SET version = version + 1;")


def _bump_text(row):
    return (f"INSERT INTO render_versions (article_id, n, version) SELECT article_id, n, 1 FROM blocks "
            f"WHERE text = {row}.text ON CONFLICT (article_id, n) DO UPDATE SET version = version + 1;")


def _on_rows(bump):
    """Return {event: statements} bumping what bump(row) names for the new row, the old one, or both."""
    return {"INSERT": bump("NEW"), "UPDATE": bump("OLD") + bump("NEW"), "DELETE": bump("OLD")}


def _on_any(statements):
    """Return {event: statements} running the same statements on every change to a table."""
    return {event: statements for event in ("INSERT", "UPDATE", "DELETE")}


# table -> {event: statements}; NEW/OLD as SQLite gives them.
_TRIGGERS = {
    "highlights": _on_rows(lambda row: _bump(f"{row}.article_id", f"coalesce({row}.block_n, {WHOLE_ARTICLE})")),
    "blocks": _on_rows(lambda row: _bump(f"{row}.article_id", WHOLE_ARTICLE)),
    # Only the blocks with that text (in any article): a new translation is no reason to render
    # every paragraph again, and Translate all adds one per paragraph. A scan of `blocks`, once
    # per new translation: ~7 ms for 50,000 paragraphs.
    "translations": _on_rows(_bump_text),
    "vocab": _on_any(_bump(*EVERYTHING)),
}


def _page_of(column):
    return _on_rows(lambda row: _bump(f"{row}.{column}", PAGE))


# What the reading page shows besides paragraphs (its whole-page cache, page_stamp()). A table
# that no page shows is listed in tests/test_page_cache.py, so a new table needs a decision.
_TRIGGERS.update({
    "articles": _page_of("id"),
    "reading_positions": _page_of("article_id"),
    "translate_jobs": _page_of("article_id"),
    "translate_job_items": _page_of("article_id"),
    "article_words_meta": _page_of("article_id"),
    # Word status counts on every page; the undo offer holds while no other status changed.
    **{table: _on_any(_bump(0, PAGE)) for table in ("word_status", "status_batches", "status_changes")},
})


def ensure_triggers(db):
    """Create the triggers that count changes to what paragraphs show (safe to re-run).

    Run at every start, not once: rebuilding a table (sqlite.cascade_delete) drops its triggers.
    """
    for table, events in _TRIGGERS.items():
        if not db[table].exists():
            continue
        for event, body in events.items():
            name = f"render_{table}_{event.lower()}"
            sql = f"CREATE TRIGGER {name} AFTER {event} ON {table} BEGIN {body} END"
            found = db.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", [name]).fetchone()
            if found and found[0] == sql:
                continue
            # A trigger from an older version of this module is replaced, not kept.
            with db.atomic():
                db.execute(f"DROP TRIGGER IF EXISTS {name}")
                db.execute(sql)


def invalidate(db, article_id=None, n=None):
    """Make paragraphs render afresh: block n of an article, a whole article, or (None) every article."""
    if article_id is None:
        article_id, n = EVERYTHING
    db.execute(_bump(":article", ":n"), {"article": article_id, "n": WHOLE_ARTICLE if n is None else n})
    if not db.conn.in_transaction:
        db.conn.commit()


def _versions(db, article_id):
    return {(a, n): v for a, n, v in db.execute(
        f"SELECT article_id, n, version FROM render_versions WHERE article_id IN (0, ?) AND n != {PAGE}",
        [article_id])}


def page_stamp(db, article_id):
    """Return a value that changes whenever anything the article's reading page shows changes.

    Counters only ever grow, so their sum moves with every bump. The schema version moves when
    a backup is restored into the file (SQLite's backup raises it), which resets the counters.
    """
    return _stamp(db, "article_id IN (0, ?)", [article_id])


def frame_stamp(db, article_id):
    """Return a value that changes whenever the reading page's frame may change.

    The frame is the page without its paragraphs, site chrome and notes panel: it shows the
    article, its blocks' count, and what PAGE counters watch, none of which a new highlight or
    translation (a paragraph's own counter) touches. Counters as in page_stamp().
    """
    return _stamp(db, "(article_id = ? AND n IN (?, ?)) OR (article_id = 0 AND n IN (?, ?))",
                  [article_id, WHOLE_ARTICLE, PAGE, EVERYTHING[1], PAGE])


def _stamp(db, where, params):
    """Return (schema version, sum, count) of the render counters matching where."""
    return db.execute("SELECT (SELECT schema_version FROM pragma_schema_version), total(version), count(*) "
                      f"FROM render_versions WHERE {where}", params).fetchone()


# A reading page's paragraphs: body and site chrome (Markup), chrome_count, total paragraphs, and
# the body already encoded (bytes; None while streamed): a long page is then copied once, not thrice.
ArticleMarkup = namedtuple("ArticleMarkup", "body chrome chrome_count total body_utf8")
ArticleMarkup.__len__ = lambda self: 2 * len(self.body) + len(self.chrome)  # its size in the cache


# --- the cache ---------------------------------------------------------------------------

CACHE_BYTES = 16 * 1024 * 1024  # a few long texts; memory stays small
_cache = SizedCache(CACHE_BYTES)  # (db file, article_id, n or "article") -> html, with its stamp


def clear_cache():
    """Forget every cached paragraph and page of this process."""
    _cache.clear()
    _pages.clear()


# A whole reading page: its bytes and their ETag, kept by the view under page_stamp().
Page = namedtuple("Page", "body etag")
Page.__len__ = lambda self: len(self.body)
_pages = SizedCache(CACHE_BYTES)


def cached_page(key, stamp):
    """Return the Page kept for key while page_stamp() is still stamp, else None."""
    return _pages.get(key, stamp)


def keep_page(key, stamp, page):
    """Keep a rendered Page for key until page_stamp() moves on from stamp."""
    _pages.put(key, page, stamp)


# A reading page's frame: its bytes around the slots for what changes more often, in order
# (parts alternate bytes and slot names), and their size in bytes.
Frame = namedtuple("Frame", "parts size")
Frame.__len__ = lambda self: self.size


def cached_frame(key, stamp):
    """Return the Frame kept for key while frame_stamp() is still stamp, else None."""
    return _pages.get(("frame", key), stamp)


def keep_frame(key, stamp, frame):
    """Keep a rendered Frame for key until frame_stamp() moves on from stamp."""
    _pages.put(("frame", key), frame, stamp)


# --- composing ---------------------------------------------------------------------------

def block_views(db, article_id, blocks, ts):
    """Return what a paragraph's markup needs per block: text HTML, ordinal, cached translation, notes."""
    spans = {}
    for provider in SPAN_PROVIDERS:
        for n, found in provider(db, article_id, blocks).items():
            spans.setdefault(n, []).extend(found)
    cached = translate.cached_translations(db, [b["text"] for b in blocks], ts)
    # Counted over the whole article: a single re-rendered paragraph keeps its number.
    ordinals = articles.paragraph_ordinals(db, article_id)
    notes = highlights.paragraph_notes(db, article_id)
    return [{
        **b,
        "article_id": article_id,
        "ordinal": ordinals.get(b["n"]),
        "html": render.render_text(b["text"], spans.get(b["n"], [])),
        "translation": cached.get(b["text"]),
        "notes": notes.get(b["n"], []),
    } for b in blocks]


def sections(db, db_file, article_id, blocks, ts, links):
    """Return each block's <section> markup (Markup), from the cache where nothing changed."""
    versions = _versions(db, article_id)
    common = (versions.get(EVERYTHING, 0), versions.get((article_id, WHOLE_ARTICLE), 0),
              lemmas.ready(), ts, links)
    out, missing = {}, []
    for b in blocks:
        stamp = (*common, versions.get((article_id, b["n"]), 0), b["text"], b["kind"])
        html = _cache.get((db_file, article_id, b["n"]), stamp)
        if html is None:
            missing.append((b, stamp))
        else:
            out[b["n"]] = html
    if missing:
        views = block_views(db, article_id, [b for b, _ in missing], ts)
        for (b, stamp), view in zip(missing, views):
            html = out[b["n"]] = paragraph_html.section(view, links)
            _cache.put((db_file, article_id, b["n"]), html, stamp)
    return [out[b["n"]] for b in blocks]


STREAM_CHUNK = 500  # blocks rendered between two pieces of a streamed page
STREAM_AFTER = 2000  # blocks: a longer text not in the cache is streamed


def _article_stamp(db, article_id, ts, links):
    return (tuple(sorted(_versions(db, article_id).items())), lemmas.ready(), ts, links)


def cached_article(db, db_file, article_id, ts, links):
    """Return the article's ArticleMarkup if nothing in it changed since it was cached, else None."""
    return _cache.get((db_file, article_id, "article"), _article_stamp(db, article_id, ts, links))


def article_sections(db, db_file, article_id, ts, links):
    """Return the article's ArticleMarkup, cached whole while nothing in it changed.

    Every change to a block bumps a counter (blocks' own triggers included), so an unchanged set
    of counters means unchanged markup: a repeat view reads the counters and nothing else.
    """
    stamp = _article_stamp(db, article_id, ts, links)
    hit = _cache.get((db_file, article_id, "article"), stamp)
    if hit is not None:
        return hit
    blocks = articles.get_blocks(db, article_id)
    page = _assemble(blocks, sections(db, db_file, article_id, blocks, ts, links))
    _cache.put((db_file, article_id, "article"), page, stamp)
    return page


def _assemble(blocks, html):
    body = Markup("".join(h for b, h in zip(blocks, html) if b["kind"] != "boilerplate"))
    chrome = [h for b, h in zip(blocks, html) if b["kind"] == "boilerplate"]
    return ArticleMarkup(body, Markup("".join(chrome)), len(chrome),
                         sum(1 for b in blocks if b["kind"] in articles.TEXT_KINDS), body.encode())


def streamed_article(db, open_db, db_file, article_id, ts, links, blocks):
    """Return an ArticleMarkup whose body and chrome are iterators rendering STREAM_CHUNK blocks at a time.

    For texts of thousands of paragraphs: the first screen is sent while the rest renders.
    open_db() gives the connection to render with while the page is sent (the request's own
    may be closed by then). Once the whole text has been sent, it is cached like article_sections().
    """
    stamp = _article_stamp(db, article_id, ts, links)
    html = []

    def pieces(kind_wanted):
        chosen = [b for b in blocks if (b["kind"] == "boilerplate") == kind_wanted]
        for i in range(0, len(chosen), STREAM_CHUNK):
            part = sections(open_db(), db_file, article_id, chosen[i:i + STREAM_CHUNK], ts, links)
            html.extend(zip(chosen[i:i + STREAM_CHUNK], part))
            yield Markup("".join(part))
        if kind_wanted or not chrome_count:  # the last piece: everything has been rendered
            order = {b["n"]: h for b, h in html}
            _cache.put((db_file, article_id, "article"), _assemble(blocks, [order[b["n"]] for b in blocks]), stamp)

    chrome_count = sum(1 for b in blocks if b["kind"] == "boilerplate")
    return ArticleMarkup(pieces(False), pieces(True), chrome_count,
                         sum(1 for b in blocks if b["kind"] in articles.TEXT_KINDS), None)
