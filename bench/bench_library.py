"""Benchmark the open library: importing a long text and a novel-sized EPUB, and searching.

Each figure next to a yardstick measured in the same run:
  - import of a 50,000-word .txt (decode, structure, store, index for search) vs writing the same
    paragraphs with one plain executemany into a bare table;
  - import of a novel-sized EPUB built here (40 chapters, ~100,000 words) vs only unzipping and
    reading its chapter files;
  - search (store.search, lemmas loaded) p50/p99 over 100 articles with notes vs a plain indexed
    SELECT of one paragraph, and vs a LIKE scan of all paragraph texts.
Run: python bench/bench_library.py
"""
import random
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ebooklib import epub  # noqa: E402

from annotations import schema  # noqa: E402
from annotations.notes import highlights  # noqa: E402
from annotations.reading import articles, formats  # noqa: E402
from annotations.search import store  # noqa: E402
from annotations.sqlite import connect  # noqa: E402
from annotations.words import lemmas  # noqa: E402

WORDS = ("Soldat Soldaten Regierung Straße Öl Winter Haus Stadt Grenze Vertrag Kanzlerin Bürger Wahl "
         "Abkommen Wirtschaft Sicherheit Zukunft Geschichte Bahnhof Lehrerin Kinder Schule Arbeit "
         "gingen sprach fand kamen wurde hatte gegen über durch nach während wegen und aber denn "
         "schnell langsam wichtig neue alte große kleine deutsche europäische schwierige").split()
random.seed(12)


def sentence(n=14):
    words = [random.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def paragraph(sentences=5):
    return " ".join(sentence() for _ in range(sentences))


def text_of(words):
    out, count = [], 0
    while count < words:
        if len(out) % 12 == 0:
            out.append(f"Abschnitt {len(out) // 12 + 1}")
        p = paragraph()
        out.append(p)
        count += len(p.split())
    return "Ein langer Text\n\n" + "\n\n".join(out)


def make_epub(path, chapters=40, words=2500):
    book = epub.EpubBook()
    book.set_identifier("bench")
    book.set_title("Ein Roman")
    book.set_language("de")
    items = []
    for i in range(chapters):
        item = epub.EpubHtml(title=f"Kapitel {i + 1}", file_name=f"k{i}.xhtml", lang="de")
        paras, count = [], 0
        while count < words:
            p = paragraph()
            paras.append(f"<p>{p}</p>")
            count += len(p.split())
        item.content = f"<html><body><h1>Kapitel {i + 1}</h1>{''.join(paras)}</body></html>"
        book.add_item(item)
        items.append(item)
    book.toc = items
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = items
    epub.write_epub(str(path), book)


def best_of(fn, n=3):
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def percentiles(samples):
    samples = sorted(samples)
    return statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.99))]


def main():
    tmp = Path(tempfile.mkdtemp())
    db = connect(tmp / "bench.db")
    schema.prepare(db)
    lemmas.wait(120)

    # --- a 50,000-word text ---
    raw = text_of(50_000).encode("utf-8")
    words = len(raw.decode().split())

    def import_txt():
        article_id = articles.store_article(db, formats.from_file("lang.txt", raw))
        store.refresh(db)
        return article_id

    t_import = best_of(import_txt)
    paras = [p for p in raw.decode().split("\n\n")]
    db.execute("CREATE TABLE plain (id INTEGER PRIMARY KEY, n INTEGER, text TEXT)")

    def plain_write():
        with db.atomic():
            db.conn.executemany("INSERT INTO plain (n, text) VALUES (?, ?)", list(enumerate(paras)))

    t_plain = best_of(plain_write)
    t_structure = best_of(lambda: formats.from_file("lang.txt", raw))
    print(f"import .txt, {words:,} words, {len(paras):,} blocks: {t_import * 1000:8.0f} ms "
          f"(structuring alone {t_structure * 1000:.0f} ms) | yardstick plain executemany of the same "
          f"paragraphs: {t_plain * 1000:.0f} ms")

    # --- a novel-sized EPUB ---
    book = tmp / "roman.epub"
    make_epub(book)
    epub_raw = book.read_bytes()

    def import_epub():
        article_id = articles.store_article(db, formats.from_file("roman.epub", epub_raw))
        store.refresh(db)
        return article_id

    t_epub = best_of(import_epub)
    novel = articles.get_blocks(db, articles.list_articles(db)[0]["id"])
    novel_words = sum(len(b["text"].split()) for b in novel)

    def unzip_only():
        with zipfile.ZipFile(book) as z:
            return sum(len(z.read(name)) for name in z.namelist() if name.endswith(".xhtml"))

    t_unzip = best_of(unzip_only)
    print(f"import .epub, {novel_words:,} words, {len(novel):,} blocks, {len(epub_raw) // 1024:,} KB: "
          f"{t_epub * 1000:8.0f} ms | yardstick unzip and read its chapters: {t_unzip * 1000:.0f} ms")

    # --- search over 100 articles with notes ---
    db2 = connect(tmp / "search.db")
    schema.prepare(db2)
    ids = []
    for i in range(100):
        article_id = articles.create_article(db2, f"Artikel {i}\n\n" + "\n\n".join(paragraph() for _ in range(20)))
        ids.append(article_id)
        blocks = articles.get_blocks(db2, article_id)
        for b in blocks[:10]:
            highlights.create(db2, article_id, b["n"], 0, 10, b["text"][:10],
                              note=f"Notiz {i}: {sentence(6)}", tags=["bench"])
    store.refresh(db2)
    docs = db2["search_docs"].count
    queries = ["Soldat", "strasse", "Oel", "Regierung Wahl", '"deutsche Schule"', "gehen", "Kanzlerin",
               "Zukunft", "Notiz", "europäisch", "Grenze Vertrag", "kommen"]
    samples = []
    for _ in range(20):
        for q in queries:
            t = time.perf_counter()
            store.search(db2, q)
            samples.append((time.perf_counter() - t) * 1000)
    p50, p99 = percentiles(samples)
    plain = []
    for i in range(len(samples)):
        t = time.perf_counter()
        list(db2.query("SELECT id, n, kind, text FROM blocks WHERE article_id = ? AND n = ?",
                       [ids[i % 100], 1 + i % 20]))
        plain.append((time.perf_counter() - t) * 1000)
    q50, q99 = percentiles(plain)
    like = []
    for i in range(40):
        t = time.perf_counter()
        list(db2.query("SELECT article_id, n FROM blocks WHERE text LIKE ?", [f"%{queries[i % 8]}%"]))
        like.append((time.perf_counter() - t) * 1000)
    l50, l99 = percentiles(like)
    print(f"search over 100 articles (2,000 paragraphs, 1,000 notes, {docs:,} indexed documents), "
          f"{len(samples)} queries: p50 {p50:.2f} ms, p99 {p99:.2f} ms | yardstick plain indexed SELECT of one "
          f"paragraph: p50 {q50:.3f} ms, p99 {q99:.3f} ms; LIKE scan of all paragraphs: p50 {l50:.2f} ms, "
          f"p99 {l99:.2f} ms")


if __name__ == "__main__":
    main()
