"""Benchmark word lookups, dictionary imports and the lemmatiser's memory, each next to a yardstick.

Uses the real Debian dictionaries installed on this machine (trans-de-en, dict-freedict-deu-eng);
they are read at run time, never copied.
  - import: time, database size and peak RSS per dictionary (each in a child process);
    yardstick: reading + gunzipping the same file without parsing or storing;
  - memory: RSS before and after simplemma's German data loads, and its load time;
  - lookup latency over every word of the bundled article: the popover's whole lookup
    (lemma, separable-verb check, SQL) and the full HTTP fragment, vs a trivial indexed SELECT
    on the same database as the yardstick.
Run: python bench/bench_words.py [--ding PATH] [--freedict PATH]
"""
import argparse
import gzip
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotations import create_app  # noqa: E402
from annotations.common import word_tokens  # noqa: E402
from annotations.reading import articles  # noqa: E402
from annotations.words import context, dictionary, importer, lemmas  # noqa: E402
from annotations.sqlite import connect  # noqa: E402


def rss_mb(field="VmRSS"):
    """Return this process's resident memory (VmRSS) or its peak (VmHWM) in MB."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def stats(ms):
    ms = sorted(ms)
    return (f"median {statistics.median(ms):7.3f} ms  p90 {ms[int(len(ms) * .9)]:7.3f}  "
            f"p99 {ms[int(len(ms) * .99)]:7.3f}  max {ms[-1]:7.3f}")


def _import_child(source, path, dbpath, queue):
    app = create_app({"DATABASE": dbpath, "BACKGROUND_TASKS": False})
    db = connect(app.config["DATABASE"])
    t = time.perf_counter()
    n = importer.import_dictionary(db, source, path)
    seconds = time.perf_counter() - t
    forms = db["dict_forms"].count
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent across fork + exec.
    queue.put((n, forms, seconds, rss_mb("VmHWM")))


def _read_child(source, path, queue):
    t = time.perf_counter()
    if source == "ding":
        with open(path, encoding="utf-8") as f:
            lines = sum(1 for _ in f)
    else:
        with gzip.open(path + ".dict.dz") as f:
            while f.read(1 << 20):
                pass
        with open(path + ".index", encoding="utf-8") as f:
            lines = sum(1 for _ in f)
    queue.put((lines, time.perf_counter() - t))


def run_child(target, *args):
    # spawn, not fork: the child must not inherit this process's memory (simplemma) in its RSS.
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    p = ctx.Process(target=target, args=(*args, queue))
    p.start()
    result = queue.get()
    p.join()
    return result


def bench_import(source, path, tmp):
    dbpath = str(tmp / f"{source}.db")
    lines, read_s = run_child(_read_child, source, path)
    n, forms, seconds, peak = run_child(_import_child, source, path, dbpath)
    size = os.path.getsize(dbpath) / 1e6
    print(f"import {source:8}: {n:,} entries, {forms:,} forms in {seconds:5.1f} s "
          f"({n / seconds:,.0f} entries/s), DB {size:.0f} MB, peak RSS {peak:.0f} MB")
    print(f"   yardstick: just reading{' + gunzipping' if source == 'freedict' else ''} the file "
          f"({lines:,} lines): {read_s:.2f} s")
    return dbpath


def bench_lookups(dbpath):
    app = create_app({"DATABASE": dbpath, "BACKGROUND_TASKS": False})
    db = connect(dbpath)
    article_id = articles.last_read_article(db)
    blocks = articles.get_blocks(db, article_id)
    distinct = [(b, s, e) for b in blocks for s, e, _ in word_tokens(b["text"])]
    # The bundled article has ~410 words: cycle through them to 1,000 lookups.
    words = (distinct * (1000 // len(distinct) + 1))[:1000]
    words_only = [b["text"][s:e] for b, s, e in words]
    # Warm both paths once (page cache, statement cache), then measure.
    for b, s, e in words[:50]:
        context.in_context(db, b["text"], s, e)

    yard, lookup_ms, context_ms, found = [], [], [], 0
    for w in words_only:
        t = time.perf_counter()
        db.execute("SELECT entry_id FROM dict_forms WHERE key = ? LIMIT 1", [w.lower()]).fetchall()
        yard.append((time.perf_counter() - t) * 1000)
    for w in words_only:
        t = time.perf_counter()
        dictionary.lookup(db, [w, lemmas.lemma(w)])
        lookup_ms.append((time.perf_counter() - t) * 1000)
    for b, s, e in words:
        t = time.perf_counter()
        r = context.in_context(db, b["text"], s, e)
        context_ms.append((time.perf_counter() - t) * 1000)
        found += bool(r["entries"])
    client = app.test_client()
    http_ms = []
    for b, s, e in words:
        t = time.perf_counter()
        resp = client.get(f"/words/lookup?article={article_id}&n={b['n']}&start={s}&end={s}")
        http_ms.append((time.perf_counter() - t) * 1000)
        assert resp.status_code == 200, resp.get_data(as_text=True)[:300]
    print(f"{len(words)} lookups cycling over the {len(distinct)} words of the bundled article "
          f"({found} found dictionary entries):")
    print(f"   yardstick, indexed SELECT   {stats(yard)}")
    print(f"   dictionary.lookup(form, lemma) {stats(lookup_ms)}")
    print(f"   in context (+ sentence, separable) {stats(context_ms)}")
    print(f"   GET /words/lookup (HTTP fragment) {stats(http_ms)}")
    db.close()


def bench_marking(tmp):
    """Time vocab.spans (saved words marked by lemma) over a 1,000-paragraph article."""
    from annotations.translation import sentences
    from annotations.words import vocab

    dbpath = str(tmp / "marks.db")
    create_app({"DATABASE": dbpath, "BACKGROUND_TASKS": False})
    db = connect(dbpath)
    text = articles.DEFAULT_ARTICLE.read_text(encoding="utf-8")
    paras = [b.text for b in articles.structure(text)[1] if b.kind == "paragraph"]
    big = "\n\n".join(paras[i % len(paras)] + f" Absatz {i}." for i in range(1000))
    article_id = articles.create_article(db, big)
    blocks = articles.get_blocks(db, article_id)
    tokens = sum(len(word_tokens(b["text"])) for b in blocks)
    for lemma in ["Russland", "Abkommen", "Präsident", "unterzeichnen", "haben", "nach wie vor",
                  "Partnerschaft", "Krieg", "Iran", "Zusammenarbeit"]:
        vocab.save(db, lemma=lemma, surface=lemma, gloss="x", sentence="", translation="",
                   article_id=article_id, block_n=1, start=0, end=1, sentence_start=0)

    def timed(fn, runs=5):
        out = []
        for _ in range(runs):
            t = time.perf_counter()
            fn(db, article_id, blocks)
            out.append((time.perf_counter() - t) * 1000)
        return statistics.median(out)

    marks = sum(len(v) for v in vocab.spans(db, article_id, blocks).values())
    print(f"marking 10 saved words in a 1,000-paragraph article ({tokens:,} words, {marks:,} marks):")
    print(f"   yardstick, sentences.spans  median {timed(sentences.spans):7.1f} ms")
    print(f"   vocab.spans (lemma per word) median {timed(vocab.spans):7.1f} ms")
    db.close()


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--ding", default="/usr/share/trans/de-en")
    parser.add_argument("--freedict", default="/usr/share/dictd/freedict-deu-eng")
    args = parser.parse_args(argv)
    tmp = Path(tempfile.mkdtemp())
    print(f"CPUs {os.cpu_count()}, load average {os.getloadavg()[0]:.1f}")

    before = rss_mb()
    t = time.perf_counter()
    assert lemmas.wait(120)
    loaded = time.perf_counter() - t
    print(f"simplemma German: RSS {before:.0f} MB before, {rss_mb():.0f} MB after "
          f"(+{rss_mb() - before:.0f} MB), loaded in {loaded:.1f} s (in a background thread)")

    bench_marking(tmp)
    dbs = {}
    if os.path.isfile(args.ding):
        dbs["ding"] = bench_import("ding", args.ding, tmp)
    if os.path.isfile(args.freedict + ".index"):
        dbs["freedict"] = bench_import("freedict", args.freedict, tmp)
    for source, dbpath in dbs.items():
        print(f"--- {source}")
        bench_lookups(dbpath)


if __name__ == "__main__":
    main()
