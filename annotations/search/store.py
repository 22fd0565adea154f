"""Full-text search (SQLite FTS5) over article text, translations, highlighted quotes, notes and saved words.

German-aware: text is folded before indexing (case, umlauts, ß -> ss), and each word's lemma
and its umlaut-free spelling are indexed beside it, so "Soldat" finds "Soldaten" and "Oel" finds "Öl". Triggers on the source tables only queue
what changed (no application code in SQL: any tool may write the database); refresh() indexes
the queue, each item in its own short transaction. Lemmas need simplemma, which is never
loaded on a page render: items indexed before it is ready are queued again for their lemmas.
"""
import functools
import json
import re
import unicodedata

from markupsafe import Markup, escape
from sqlite_utils import Migrations

from ..common import WORD
from ..reading import articles
from ..translation import translate
from ..words import lemmas

migrations = Migrations("randnotiz.search")

MAX_QUERY_CHARS = 200
MAX_TERMS = 12
MAX_RESULTS = 400
HITS_SHOWN = 5  # per article; the rest are counted
GROUPS_SHOWN = 30  # articles (best first); the rest are counted
SNIPPET_CHARS = 240
# A token as the index sees it: letters with marks, or digits.
_TOKEN = re.compile(r"[^\W_]+")
_PHRASE = re.compile(r'"([^"]*)"|„([^“”"]*)[“”"]')

# Which table change queues which item: (table, queue kind, key expression).
_WATCHED = [
    ("blocks", "article", "article_id"),
    ("articles", "article", "id"),
    ("highlights", "note", "id"),
    ("vocab", "word", "id"),
    ("translations", "translation", "text_hash"),
]


@migrations()
def m001_search(db):
    db.execute("""CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
        body, lemmas, tokenize = 'unicode61 remove_diacritics 2')""")
    db["search_docs"].create(
        {"id": int, "kind": str, "item": str, "article_id": int, "block_n": int, "label": str, "text": str},
        pk="id", not_null={"kind", "item", "text"}, if_not_exists=True)
    db["search_docs"].create_index(["kind", "item"], if_not_exists=True)
    db["search_docs"].create_index(["article_id"], if_not_exists=True)
    db["search_queue"].create({"kind": str, "item": str, "wait_lemmas": int}, pk=("kind", "item"),
                              not_null={"wait_lemmas"}, defaults={"wait_lemmas": 0}, if_not_exists=True)
    for table, kind, key in _WATCHED:
        for event, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
            db.execute(f"""CREATE TRIGGER IF NOT EXISTS search_{table}_{event.lower()} AFTER {event} ON [{table}]
                BEGIN INSERT OR REPLACE INTO search_queue (kind, item, wait_lemmas)
                VALUES ('{kind}', CAST({row}.[{key}] AS TEXT), 0); END""")
    # Everything already stored gets indexed.
    db.execute("INSERT OR IGNORE INTO search_queue (kind, item) SELECT 'article', CAST(id AS TEXT) FROM articles")
    db.execute("INSERT OR IGNORE INTO search_queue (kind, item) SELECT 'note', id FROM highlights")
    db.execute("INSERT OR IGNORE INTO search_queue (kind, item) SELECT 'word', CAST(id AS TEXT) FROM vocab")


# --- folding and lemmas -----------------------------------------------------------

def fold(text):
    """Return text as the index compares it: case-folded (ß -> ss), umlauts and accents stripped."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})


def transliterate(word):
    """Return the spelling of a word typed without umlauts ("Öl" -> "oel"), folded."""
    return fold(word.casefold().translate(_UMLAUTS))


@functools.lru_cache(maxsize=200_000)
def word_forms(word, with_lemma):
    """Return (folded, umlaut-free spelling, folded lemma or None) of one word; words repeat, so cached."""
    lemma = lemmas.lemma_if_ready(word) if with_lemma else None
    return fold(word), transliterate(word), fold(lemma) if lemma else None


def _other_forms(text, with_lemmas):
    """Return what else text's words are found by: their umlaut-free spelling ("oel"), their lemmas."""
    forms = set()
    for m in WORD.finditer(text):
        folded, spelled, lemma = word_forms(m.group(), with_lemmas)
        if spelled != folded:
            forms.add(spelled)
        if lemma and lemma != folded:
            forms.add(lemma)
    return " ".join(sorted(forms))


# --- indexing -----------------------------------------------------------------------

def _docs_for(db, kind, item):
    """Return the search documents (dicts) an item stands for now (none if it is gone)."""
    if kind == "article":
        article = articles.get_article(db, int(item)) if item.isdigit() else None
        if article is None:
            return []
        blocks = [b for b in articles.get_blocks(db, article["id"]) if b["kind"] != "boilerplate"]
        docs = [{"kind": "title", "block_n": None, "label": "Title", "text": article["title"]}]
        docs += [{"kind": "text", "block_n": b["n"], "label": b["kind"], "text": b["text"]} for b in blocks]
        docs += [{"kind": "translation", "block_n": n, "label": "Translation", "text": t}
                 for n, t in _translations(db, blocks)]
        return [{**d, "article_id": article["id"]} for d in docs]
    if kind == "note":
        rows = list(db.query("SELECT * FROM highlights WHERE id = ? AND deleted IS NULL", [item]))
        if not rows:
            return []
        row = rows[0]
        text = " · ".join(p for p in (row["exact"] if row["scope"] == "text" else "", row["note"] or "",
                                      " ".join(json.loads(row["tags"] or "[]"))) if p)
        return [{"kind": "note", "article_id": row["article_id"], "block_n": row["block_n"],
                 "label": "Note" if row["note"] else "Highlight", "text": text}] if text else []
    if kind == "word":
        rows = list(db.query("SELECT * FROM vocab WHERE id = ?", [int(item)])) if item.isdigit() else []
        if not rows:
            return []
        row = rows[0]
        text = " · ".join(p for p in (row["lemma"], row["gloss"], row["sentence"]) if p)
        return [{"kind": "word", "article_id": row["from_article"], "block_n": row["from_block"],
                 "label": "Saved word", "text": text}]
    return []


def _translations(db, blocks):
    """Return [(block n, translation)] of every cached translation of these blocks, any provider."""
    by_hash = {translate.text_hash(b["text"]): b["n"] for b in blocks}
    hashes, out = list(by_hash), []
    for i in range(0, len(hashes), 500):
        chunk = hashes[i:i + 500]
        for row in db.query(f"SELECT text_hash, translation FROM translations WHERE text_hash IN "
                            f"({', '.join('?' * len(chunk))})", chunk):
            out.append((by_hash[row["text_hash"]], row["translation"]))
    return out


def _reindex(db, kind, item, with_lemmas):
    if kind == "translation":
        # A new translation belongs to whichever articles hold that paragraph text.
        rows = db.execute("SELECT text FROM translations WHERE text_hash = ? LIMIT 1", [item]).fetchone()
        ids = {r[0] for r in db.execute("SELECT DISTINCT article_id FROM blocks WHERE text = ?", [rows[0]])} \
            if rows else set()
        for article_id in ids:
            _reindex(db, "article", str(article_id), with_lemmas)
        return
    doc_kinds = ("title", "text", "translation") if kind == "article" else (kind,)
    where = "article_id = ?" if kind == "article" else "item = ?"
    key = int(item) if kind == "article" and item.isdigit() else item
    marks = ", ".join("?" * len(doc_kinds))
    db.execute(f"DELETE FROM search_fts WHERE rowid IN (SELECT id FROM search_docs WHERE kind IN ({marks}) "
               f"AND {where})", [*doc_kinds, key])
    db.execute(f"DELETE FROM search_docs WHERE kind IN ({marks}) AND {where}", [*doc_kinds, key])
    for doc in _docs_for(db, kind, item):
        doc_id = db["search_docs"].insert({**doc, "item": item}).last_pk
        db.execute("INSERT INTO search_fts (rowid, body, lemmas) VALUES (?, ?, ?)",
                   [doc_id, fold(doc["text"]), _other_forms(doc["text"], with_lemmas)])


def refresh(db, *, limit=None):
    """Index what changed since the last refresh; return how many items were indexed."""
    done = 0
    while limit is None or done < limit:
        with_lemmas = lemmas.ready()
        with db.atomic():
            row = db.execute("SELECT kind, item FROM search_queue WHERE wait_lemmas <= ? LIMIT 1",
                             [1 if with_lemmas else 0]).fetchone()
            if row is None:
                return done
            kind, item = row
            db.execute("DELETE FROM search_queue WHERE kind = ? AND item = ?", [kind, item])
            _reindex(db, kind, item, with_lemmas)
            if not with_lemmas:
                db.execute("INSERT OR IGNORE INTO search_queue (kind, item, wait_lemmas) VALUES (?, ?, 1)",
                           [kind, item])
        done += 1
    return done


def start_background(path, wait=None):
    """Once the lemmatiser is loaded, index every queued item's lemmas in a thread (once per database).

    The thread does not load it: it is half the process's memory, so it loads when a reader
    first looks a word up or searches (words/lemmas.py), and the lemmas are indexed then.
    """
    lemmas.when_loaded(path, "search-index", refresh, wait)


def pending(db):
    """Return how many changed items wait to be indexed (for lemmas or at all)."""
    return db["search_queue"].count


# --- querying -----------------------------------------------------------------------

def parse_query(q):
    """Return (phrases, terms) of what the reader typed: quoted phrases, and single words.

    Only words reach FTS5, each one quoted, so nothing typed (quotes, AND, NEAR, *, :, -) is syntax.
    """
    q = (q or "")[:MAX_QUERY_CHARS]
    phrases = []
    for m in _PHRASE.finditer(q):
        words = _TOKEN.findall(m.group(1) if m.group(1) is not None else m.group(2))
        if len(words) > 1:
            phrases.append(words)
    rest = _PHRASE.sub(lambda m: " ".join(_TOKEN.findall(m.group(1) or m.group(2) or ""))
                       if len(_TOKEN.findall(m.group(1) or m.group(2) or "")) == 1 else " ", q)
    terms = []
    for word in _TOKEN.findall(rest):
        if word not in terms:
            terms.append(word)
    return phrases[:MAX_TERMS], terms[:MAX_TERMS]


def _quoted(text):
    return '"' + text.replace('"', '""') + '"'


def match_expression(phrases, terms):
    """Return the FTS5 MATCH expression for parsed phrases and terms (None when there is nothing)."""
    parts = []
    for words in phrases:
        parts.append("body : " + _quoted(" ".join(fold(w) for w in words)))
    for word in terms:
        options = ["{body lemmas} : " + f"{_quoted(fold(word))}*"]
        lemma = lemmas.lemma_if_ready(word)
        if lemma:
            options.append("{body lemmas} : " + _quoted(fold(lemma)))
        parts.append("(" + " OR ".join(options) + ")")
    return " AND ".join(parts) if parts else None


def search(db, q, *, limit=MAX_RESULTS):
    """Return {"groups": [...], "total": n, "query": q} for what the reader typed, best article first."""
    phrases, terms = parse_query(q)
    expression = match_expression(phrases, terms)
    if expression is None:
        return {"groups": [], "total": 0, "more_groups": 0, "terms": []}
    rows = db.execute(
        """SELECT d.kind, d.article_id, d.block_n, d.label, d.text, bm25(search_fts, 1.0, 0.5) AS rank
           FROM search_fts JOIN search_docs d ON d.id = search_fts.rowid
           WHERE search_fts MATCH ? ORDER BY rank LIMIT ?""", [expression, limit]).fetchall()
    marker = _Marker(phrases, terms)
    groups = {}
    for kind, article_id, block_n, label, text, rank in rows:
        if article_id not in groups and len(groups) >= GROUPS_SHOWN:
            continue
        group = groups.setdefault(article_id, {"article_id": article_id, "rank": rank, "hits": [], "more": 0})
        if len(group["hits"]) < HITS_SHOWN:
            # Only what is shown gets its marks: the best hits of each article.
            group["hits"].append({"kind": kind, "block_n": block_n, "label": label, "html": marker.snippet(text)})
        else:
            group["more"] += 1
    titles = {a: articles.get_article(db, a) for a in groups if a is not None}
    out = []
    for article_id, group in groups.items():
        article = titles.get(article_id)
        group["title"] = article["title"] if article else None
        group["hits"].sort(key=lambda h: (h["block_n"] is None and h["kind"] != "title", h["block_n"] or 0))
        out.append(group)
    # Best first; what belongs to no article (saved words, other pages) last.
    out.sort(key=lambda g: (g["article_id"] is None, g["rank"]))
    hidden = len({r[1] for r in rows} - set(groups))
    return {"groups": out, "total": len(rows), "more_groups": hidden,
            "terms": [" ".join(p) for p in phrases] + terms}


class _Marker:
    """Mark the words of a text that the query matched (the same folding and lemmas as the index)."""

    def __init__(self, phrases, terms):
        prefixes = [fold(t) for t in terms] + [fold(w) for p in phrases for w in p]
        self.prefix = re.compile("|".join(re.escape(p) for p in prefixes)) if prefixes else None
        self.lemmas = {fold(lem) for lem in (lemmas.lemma_if_ready(t) for t in terms) if lem}

    def _hit(self, word):
        folded, spelled, lemma = word_forms(word, bool(self.lemmas))
        if self.prefix is not None and (self.prefix.match(folded) or self.prefix.match(spelled)):
            return True
        return lemma is not None and lemma in self.lemmas

    def snippet(self, text):
        hits = [(m.start(), m.end()) for m in _TOKEN.finditer(text) if self._hit(m.group())]
        start, end = 0, len(text)
        if len(text) > SNIPPET_CHARS:
            first = hits[0][0] if hits else 0
            start = max(0, first - SNIPPET_CHARS // 3)
            end = min(len(text), start + SNIPPET_CHARS)
        out, pos = ["…" if start else ""], start
        for a, b in hits:
            if a < start or b > end:
                continue
            out.append(str(escape(text[pos:a])))
            out.append(f"<mark>{escape(text[a:b])}</mark>")
            pos = b
        out.append(str(escape(text[pos:end])))
        out.append("…" if end < len(text) else "")
        return Markup("".join(out))
