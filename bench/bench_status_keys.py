"""Benchmark word-status.json with status keys (separable verbs keyed as one word) beside its yardsticks.

One article of 10,330 words (bench/data/heldout10..29 concatenated), the Ding dictionary imported,
the lemmatiser loaded. Printed side by side, from the same run:
  - GET word-status.json, first request (nothing cached) and median, as it is now;
  - the same request with the keys of the first status-key change (old_token_keys, kept below:
    every word tokenised its clause afresh, the dictionary asked per word, nothing cached);
  - a plain SELECT of the article's blocks, the least any paint costs;
  - marking.blocks_with (after every status click), now and as it was.
Both algorithms' answers are compared first: the figures are of the same result.
Run: python bench/bench_status_keys.py [--db PATH]   (PATH keeps the imported dictionary between runs)
"""
import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timing import median_p90  # noqa: E402
from annotations import create_app  # noqa: E402
from annotations.common import word_tokens  # noqa: E402
from annotations.learning import marking, status  # noqa: E402
from annotations.reading import articles  # noqa: E402
from annotations.sqlite import connect  # noqa: E402
from annotations.translation import sentences  # noqa: E402
from annotations.words import context, importer, lemmas  # noqa: E402
from annotations.words.dictionary import PARTICLES  # noqa: E402

DING = "/usr/share/trans/de-en"
RUNS = 20


# --- the algorithm as the first status-key change had it ---------------------------------------

def old_separable_verbs(db, text):
    out = {}
    for s_start, s_end in sentences.sentence_spans(text):
        sentence = text[s_start:s_end]
        tokens = word_tokens(sentence)
        if not any(w in PARTICLES for _, _, w in tokens):
            continue
        for at, end, first in tokens:
            c_start, c_end = context._clause(sentence, at, end)
            clause = word_tokens(sentence[c_start:c_end])
            if not clause or clause[-1][2] not in PARTICLES:
                continue
            verb = context._separable_here(db, first, at, clause, c_start, context._sentence_initial(sentence[:at]))
            if verb:
                out[s_start + at] = verb
    return out


def old_token_keys(db, text, keys=None):
    keys = keys or marking.Keys()
    split = old_separable_verbs(db, text)
    return [(start, end, word, keys(split[start]) if start in split else keys(word))
            for start, end, word in word_tokens(text)]


def with_old_keys(fn):
    """Return fn run with marking's token_keys swapped for the old one (painting and lookups alike)."""
    def run(*args):
        kept, marking.token_keys = marking.token_keys, old_token_keys
        try:
            return fn(*args)
        finally:
            marking.token_keys = kept
    return run


# --- the run --------------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", help="database file to keep (the dictionary import takes a while)")
    args = parser.parse_args()
    path = args.db or str(Path(tempfile.mkdtemp()) / "bench.db")
    app = create_app({"DATABASE": path, "BACKGROUND_TASKS": False})
    db = connect(path)
    if not db["dict_sources"].count:
        t = time.perf_counter()
        importer.import_dictionary(db, "ding", DING)
        print(f"Ding imported in {time.perf_counter() - t:.0f} s")
    if not lemmas.wait(120):
        sys.exit("the lemmatiser did not load")
    text = "\n\n".join(Path(ROOT / "bench/data" / f"heldout{i}_de.txt").read_text(encoding="utf-8").strip()
                       for i in range(10, 30))
    article = articles.create_article(db, text, title="Bench")
    blocks = [b for b in articles.get_blocks(db, article) if b["kind"] != "boilerplate"]
    words = sum(len(word_tokens(b["text"])) for b in blocks)
    print(f"{len(blocks)} paragraphs, {words:,} words")
    status.set_status(db, "Stromkabel", "learning", 2)

    new = marking.paint(db, article)
    if new != with_old_keys(marking.paint)(db, article):
        sys.exit("the new paint differs from the old one")
    print(f"{sum(len(p) for p in new[1].values())} places keyed otherwise (separable verbs' halves)")

    client = app.test_client()
    url = f"/articles/{article}/word-status.json"

    def request():
        resp = client.get(url)
        assert resp.status_code == 200

    def first(fn):
        marking._blocks.clear()
        t = time.perf_counter()
        fn()
        return (time.perf_counter() - t) * 1000

    rows = [
        ("word-status.json, first request: now", first(request)),
        ("word-status.json, first request: as it was", first(with_old_keys(request))),
    ]
    for name, fn in (("word-status.json, median: now", request),
                     ("word-status.json, median: as it was", with_old_keys(request)),
                     ("yardstick: SELECT the article's blocks", lambda: articles.get_blocks(db, article)),
                     ("blocks_with after a status click: now",
                      lambda: marking.blocks_with(db, article, "stromkabel")),
                     ("blocks_with after a status click: as it was",
                      lambda: with_old_keys(marking.blocks_with)(db, article, "stromkabel"))):
        fn()
        rows.append((name, median_p90(fn, RUNS)[0]))
    for name, ms in rows:
        print(f"{name:50} {ms:8.1f} ms")


if __name__ == "__main__":
    main()
