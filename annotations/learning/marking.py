"""Word status in the text and counts per article.

The text itself carries no status markup: the page asks for {word as written: class} of its new
and learning words (known ones are left out) and paints them with the CSS Custom Highlight API.
A span per word would cut every highlight's <mark> into one piece per word and double the page.
"""
import threading
from collections import OrderedDict

from sqlite_utils import Migrations

from ..common import word_tokens
from ..notes import anchoring
from ..reading import articles
from ..words import context, dictionary, lemmas
from . import status

migrations = Migrations("randnotiz.learning.marking")

# One class per status; known and ignored words are left out (the cheap common case).
CLASSES = {("new", None): "ws-new", **{("learning", n): f"ws-l{n}" for n in status.LEVELS}}

# Share of running words known, and what reading at that coverage is like (Hu & Nation 2000:
# ~98 % for unassisted reading, ~95 % with some help).
DIFFICULTY = [(0.98, "easy"), (0.95, "comfortable"), (0.90, "challenging"), (0.80, "hard"), (0.0, "very hard")]


@migrations()
def m001_article_words(db):
    # How often each lemma occurs in an article, so the library counts are one query.
    db.execute("""CREATE TABLE article_words (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        key TEXT NOT NULL, lemma TEXT NOT NULL, tokens INTEGER NOT NULL,
        PRIMARY KEY (article_id, key)) WITHOUT ROWID""")
    db.execute("CREATE INDEX article_words_key ON article_words(key)")
    # Counts are up to date while this row exists; `lemmatised`: whether lemmas were ready.
    db.execute("""CREATE TABLE article_words_meta (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        modified TEXT NOT NULL, lemmatised INTEGER NOT NULL)""")
    # Any change to an article's text makes its counts stale, whoever changes it (edit, restore).
    for event, row in (("INSERT", "NEW"), ("DELETE", "OLD"), ("UPDATE", "NEW")):
        db.execute(f"""CREATE TRIGGER IF NOT EXISTS article_words_stale_{event.lower()} AFTER {event} ON blocks
                       BEGIN DELETE FROM article_words_meta WHERE article_id = {row}.article_id; END""")


class Keys:
    """Status key of each word, memoised for one render (an article repeats its words a lot)."""

    def __init__(self):
        # Never wait in a page render: until the lemmatiser has loaded, words are keyed as written.
        self.ready = lemmas.ready()
        self.dictionary = None  # dictionary.import_state, asked once per render
        self._memo = {}

    def __call__(self, word):
        key = self._memo.get(word)
        if key is None:
            key = self._memo[word] = ((lemmas.lemma(word, timeout=0) if self.ready else None) or word).lower()
        return key


def token_keys(db, text, keys=None):
    """Return [(start, end, word, key)]: the status key of each word of a text in its sentence.

    The one place a word in a text gets its key, for painting, counts and the popover alike: its
    lemma's (status.key_of), except both halves of a separable verb a lookup finds ("teilte …
    mit"), which take the verb's ("mitteilen"). No lemmatiser is loaded or waited for here.
    """
    keys = keys or Keys()
    if keys.dictionary is None:
        keys.dictionary = dictionary.import_state(db) or ""
    # A paragraph's keys change only with its text, the lemmatiser's loading or an import; the
    # page asks for them at every paint and after every status click.
    memo = (text, keys.ready, keys.dictionary)
    with _blocks_lock:
        found = _blocks.get(memo)
        if found is not None:
            _blocks.move_to_end(memo)
            return found
    # A separable verb needs lemmas: until they have loaded (never on a page's account), none.
    split = context.separable_verbs(db, text) if keys.ready else {}
    found = tuple((start, end, word, keys(split[start]) if start in split else keys(word))
                  for start, end, word in word_tokens(text))
    with _blocks_lock:
        _blocks[memo] = found
        if len(_blocks) > CACHED_BLOCKS:
            _blocks.popitem(last=False)
    return found


CACHED_BLOCKS = 2048  # paragraphs' keys kept (token_keys), all databases together
_blocks = OrderedDict()  # (text, lemmatised, dictionary.import_state) -> token_keys' answer; oldest first
_blocks_lock = threading.Lock()


def key_at(db, text, start):
    """Return the status key of the word of text starting at start (code points), or None."""
    return next((key for s, _, _, key in token_keys(db, text) if s == start), None)


def _text_blocks(blocks):
    return [b for b in blocks if b["kind"] != "boilerplate"]


def paint(db, article_id):
    """Return ({word as written, lowercased: class}, {block n: {UTF-16 start: class}}) of the text.

    The first part paints a word wherever it is written; the second, only the words keyed
    otherwise in their sentence (a separable verb's halves), each at its place. Its class ""
    means known: not painted, though the same word elsewhere is.
    """
    known = status.all_statuses(db)
    keys = Keys()
    out, seen, places = {}, set(), {}
    for b in _text_blocks(articles.get_blocks(db, article_id)):
        for start, _, word, key in token_keys(db, b["text"], keys):
            low = word.lower()
            cls = CLASSES.get(known.get(key, ("new", None)), "")
            if key != keys(word):
                # Only a separable verb's halves: the page counts UTF-16 units.
                places.setdefault(b["n"], {})[anchoring.cp_to_utf16(b["text"], start)] = cls
                continue
            if low in seen:
                continue
            seen.add(low)
            if cls:
                out[low] = cls
    return out, places


def blocks_with(db, article_id, key):
    """Return the numbers of the article's blocks where a word with this key occurs."""
    keys = Keys()
    return [b["n"] for b in _text_blocks(articles.get_blocks(db, article_id))
            if any(k == key for _, _, _, k in token_keys(db, b["text"], keys))]


def article_lemmas(db, article_id):
    """Return {key: lemma as first written} for every word of the article."""
    keys = Keys()
    out = {}
    for b in _text_blocks(articles.get_blocks(db, article_id)):
        for _, _, w, k in token_keys(db, b["text"], keys):
            out.setdefault(k, w)
    return out


# --- counts ------------------------------------------------------------------------

# article_words_meta.lemmatised: 0 keyed as written, 1 by lemma, 2 by lemma with separable verbs
# as one word (the keys the text is painted by). Counts of an older kind are made again.
KEYED = 2


def stale(db):
    """Return ids of articles whose word counts are missing or out of date."""
    ready = KEYED if lemmas.ready() else 0
    return [r[0] for r in db.execute(
        """SELECT a.id FROM articles a LEFT JOIN article_words_meta m ON m.article_id = a.id
           WHERE m.article_id IS NULL OR m.lemmatised < ?""", [ready])]


def index(db, article_id):
    """Count the article's words per lemma and store the counts (replacing older ones)."""
    article = articles.get_article(db, article_id)
    if article is None:
        return
    keys = Keys()
    counts = {}
    for b in _text_blocks(articles.get_blocks(db, article_id)):
        for _, _, w, k in token_keys(db, b["text"], keys):
            if k in counts:
                counts[k][1] += 1
            elif k != keys(w):  # a separable verb's half: counted as the verb
                counts[k] = [k, 1]
            else:
                counts[k] = [(lemmas.lemma(w, timeout=0) if keys.ready else None) or w, 1]
    with db.atomic():
        db.execute("DELETE FROM article_words WHERE article_id = ?", [article_id])
        db.conn.executemany("INSERT INTO article_words (article_id, key, lemma, tokens) VALUES (?, ?, ?, ?)",
                       [(article_id, k, w, n) for k, (w, n) in counts.items()])
        db.execute("INSERT OR REPLACE INTO article_words_meta (article_id, modified, lemmatised) VALUES (?, ?, ?)",
                   [article_id, article["modified"], KEYED if keys.ready else 0])


def _difficulty(coverage):
    return next(name for floor, name in DIFFICULTY if coverage >= floor)


def counts(db, article_ids=None):
    """Return {article_id: counts} from the stored word counts (index() them first)."""
    sql = """SELECT aw.article_id AS id, sum(aw.tokens) AS words, count(*) AS lemmas,
               sum(CASE WHEN ws.status IS NULL THEN 1 ELSE 0 END) AS new,
               sum(CASE WHEN ws.status = 'learning' THEN 1 ELSE 0 END) AS learning,
               sum(CASE WHEN ws.status = 'known' THEN 1 ELSE 0 END) AS known,
               sum(CASE WHEN ws.status = 'ignored' THEN 1 ELSE 0 END) AS ignored,
               sum(CASE WHEN ws.status IN ('known', 'ignored') THEN aw.tokens ELSE 0 END) AS known_tokens,
               sum(CASE WHEN ws.status IS NULL THEN aw.tokens ELSE 0 END) AS new_tokens
             FROM article_words aw LEFT JOIN word_status ws ON ws.key = aw.key"""
    params = []
    if article_ids is not None:
        sql += f" WHERE aw.article_id IN ({', '.join('?' * len(article_ids))})"
        params = list(article_ids)
    out = {}
    for row in db.query(sql + " GROUP BY aw.article_id", params):
        # Ignored words (names, numbers, foreign words) need no learning: they count as known.
        coverage = row["known_tokens"] / row["words"] if row["words"] else 1.0
        out[row["id"]] = {**row, "percent_known": int(coverage * 1000) / 10, "difficulty": _difficulty(coverage)}
    return out


def article_counts(db, article_id):
    """Return the counts of one article, indexing it first when needed."""
    if article_id in stale(db):
        index(db, article_id)
    return counts(db, [article_id]).get(article_id) or {
        "id": article_id, "words": 0, "lemmas": 0, "new": 0, "learning": 0, "known": 0, "ignored": 0,
        "known_tokens": 0, "new_tokens": 0, "percent_known": 100.0, "difficulty": _difficulty(1.0)}


def new_words(db, article_id):
    """Return {key: lemma} of the article's words that have no status yet."""
    if article_id in stale(db):
        index(db, article_id)
    return {k: lemma for k, lemma in db.execute(
        "SELECT aw.key, aw.lemma FROM article_words aw LEFT JOIN word_status ws ON ws.key = aw.key "
        "WHERE aw.article_id = ? AND ws.key IS NULL", [article_id])}


def library_counts(db):
    """Return {article_id: counts} of every article whose stored counts are up to date."""
    out_of_date = set(stale(db))
    return {k: v for k, v in counts(db).items() if k not in out_of_date}
