"""Benchmark word-status marking, the next review card and the library counts, each beside a yardstick.

Real HTTP over loopback (waitress, as in production), lemmatiser loaded, 2,000 word statuses set:
  - a 9,000-word text and a 1,000-paragraph text: the reading page (its HTML carries no status
    markup, only the counts), the word-status.json the page asks for, each beside the same bytes as a static file,
    and the page as it was with status as a span provider (for comparison); then, in Chromium,
    the time learning.js takes to paint the statuses beside the page's own DOMContentLoaded;
  - the next review card (GET /review, 2,000 saved words due) beside the same page as a static
    file, and review.next_card() beside a plain SELECT of one saved word;
  - the library with 100 articles (counts stored) beside the same bytes as a static file, and
    the first visit's counting of all 100 articles.
Run: python bench/bench_learning.py
"""
import http.client
import itertools
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flask import send_from_directory  # noqa: E402
from waitress import create_server  # noqa: E402

from timing import median_p90  # noqa: E402
from annotations import create_app, paragraphs  # noqa: E402
from annotations.learning import marking, review, status  # noqa: E402
from annotations.common import word_tokens  # noqa: E402
from annotations.reading import articles  # noqa: E402
from annotations.reading.render import Span  # noqa: E402
from annotations.sqlite import connect  # noqa: E402
from annotations.words import lemmas, vocab  # noqa: E402

SENTENCES = [
    "Russland und der Iran rücken noch näher zusammen.",
    "Wie der Kreml am Montag angekündigt hat, werden die Präsidenten ein Abkommen unterzeichnen.",
    "Das betrifft die wirtschaftliche Zusammenarbeit und Fragen der Sicherheit.",
    "„Wir sind zufrieden“, sagte ein Sprecher in Moskau.",
]
# Made-up words from German syllables: a long text has thousands of distinct words, not forty.
SYLLABLES = ["ber", "gen", "kal", "mut", "ris", "sto", "lun", "wen", "dor", "fal", "hei", "ziv", "pam", "tek"]
INVENTED = ["".join(p) for p in itertools.product(SYLLABLES, repeat=3)]  # 2,744 words
RUNS = 20


def text_of(words_per_paragraph, paragraphs_n, offset=0):
    """Return a text of real sentences with invented words mixed in (one in four)."""
    out, k = [], offset
    for i in range(paragraphs_n):
        words = []
        while len(words) < words_per_paragraph:
            for w in SENTENCES[(i + len(words)) % len(SENTENCES)].split():
                words.append(w)
                if len(words) % 4 == 0:
                    words.append(INVENTED[k % len(INVENTED)])
                    k += 1
        out.append(" ".join(words[:words_per_paragraph]) + ".")
    return "\n\n".join(out)


def timed(fn, n=RUNS):
    return median_p90(fn, n)


def main():
    assert lemmas.wait(120), "simplemma could not be loaded"
    tmp = Path(tempfile.mkdtemp())
    static_dir = tmp / "static"
    static_dir.mkdir()
    app = create_app({"DATABASE": str(tmp / "bench.db"), "BACKGROUND_TASKS": False, "TRANSLATOR": "google",
                      "DING_PATH": str(tmp / "x"), "FREEDICT_PATH": str(tmp / "x")})
    app.add_url_rule("/bench-static/<path:name>", "bench_static", lambda name: send_from_directory(static_dir, name))
    db = connect(tmp / "bench.db")
    long_text = articles.create_article(db, text_of(100, 90), title="Neuntausend Wörter")
    thousand = articles.create_article(db, text_of(25, 1000, offset=3), title="Tausend Absätze")
    n_words = sum(len(word_tokens(b["text"])) for b in articles.get_blocks(db, long_text))

    # 2,000 statuses: every level and known, over the words these texts use.
    keys = {}
    for article_id in (long_text, thousand):
        keys.update(marking.article_lemmas(db, article_id))
    chosen = dict(list(keys.items())[:2000])
    assert len(chosen) == 2000, len(chosen)
    with db.atomic():
        for i, (key, lemma) in enumerate(chosen.items()):
            level = i % 6 + 1
            status._apply(db, [(key, lemma, "learning", level) if level <= 5 else (key, lemma, "known", None)])
    # 2,000 saved words, all due.
    with db.atomic():
        for lemma in INVENTED[:2000]:
            vocab.save(db, lemma=lemma, surface=lemma, gloss="g", sentence=f"Der {lemma} schläft.", translation="",
                       article_id=long_text, block_n=1, start=4, end=4 + len(lemma), sentence_start=0)
    review.ensure_cards(db)

    server = create_server(app, host="127.0.0.1", port=0, threads=4)
    threading.Thread(target=server.run, daemon=True).start()
    conn = http.client.HTTPConnection("127.0.0.1", server.effective_port)

    def request(path):
        conn.request("GET", path)
        r = conn.getresponse()
        body = r.read()
        assert r.status == 200, (path, r.status, body[:300])
        return body

    firsts = []

    def beside_static(label, path, runs=RUNS):
        t = time.perf_counter()
        page = request(path)
        firsts.append((label, (time.perf_counter() - t) * 1000))
        name = path.strip("/").replace("/", "-") + ".html"
        (static_dir / name).write_bytes(page)
        return (f"{label} ({len(page) / 1024:.0f} KiB)", timed(lambda: request(path), runs),
                timed(lambda: request(f"/bench-static/{name}"), runs))

    rows = []
    pages = ((f"{n_words:,}-word text, 90 paragraphs", long_text), ("1,000-paragraph text", thousand))
    for label, article_id in pages:
        rows.append(beside_static(f"reading page, {label}", f"/articles/{article_id}"))
        rows.append(beside_static(f"  its word-status.json", f"/articles/{article_id}/word-status.json"))
    paragraphs.SPAN_PROVIDERS.append(as_spans)
    for label, article_id in pages:
        rows.append(beside_static(f"  (rejected design: a status span per word) {label}", f"/articles/{article_id}", 5))
    paragraphs.SPAN_PROVIDERS.remove(as_spans)
    painting = paint_times(f"http://127.0.0.1:{server.effective_port}", pages)

    rows.append(beside_static("next review card, GET /review (2,000 words due)", "/review", 50))

    for i in range(98):
        articles.create_article(db, text_of(60, 10, offset=i), title=f"Artikel {i}")
    t = time.perf_counter()
    for article_id in marking.stale(db):
        request(f"/articles/{article_id}/counts?compact=1")
    first_visit = (time.perf_counter() - t) * 1000
    rows.append(beside_static("library, 100 articles with counts", "/articles"))

    in_process = [("review.next_card() (2,000 due)", timed(lambda: review.next_card(db), 200)),
                  ("plain SELECT * FROM vocab WHERE id = ?", timed(lambda: list(db.query("SELECT * FROM vocab WHERE id = ?", [1000])), 200)),
                  ("review.due_count() (2,000 saved words)", timed(lambda: review.due_count(db), 200))]

    print(f"Randnotiz learning benchmark (waitress on loopback, {RUNS}+ runs each; milliseconds; 2,000 statuses set)")
    print(f"{'what':<88} {'median':>8} {'p90':>8} | {'static median':>13} {'p90':>8} | ratio")
    for label, (med, p90), (smed, sp90) in rows:
        print(f"{label:<88} {med:8.2f} {p90:8.2f} | {smed:13.2f} {sp90:8.2f} | {med / smed:5.1f}x")
    for label, (med, p90) in in_process:
        print(f"{label:<88} {med:8.3f} {p90:8.3f}   (in process)")
    print(f"library first visit: counting 100 articles through their count requests: {first_visit:.0f} ms in all")
    for label, ms in firsts[:4]:
        print(f"first request (the article's words counted then), {label.strip()}: {ms:.0f} ms")
    for label, (paint, loaded, count) in painting:
        print(f"Chromium, {label}: painting {count:,} status highlights {paint:.1f} ms "
              f"(median of 5) | the page's own DOMContentLoaded {loaded:.1f} ms")


def as_spans(db, article_id, blocks):
    """The rejected design, for comparison: a span per new or learning word."""
    classes = marking.paint(db, article_id)[0]
    return {b["n"]: [Span(s, e, classes=(classes[w.lower()],)) for s, e, w in word_tokens(b["text"]) if w.lower() in classes]
            for b in blocks if b["kind"] != "boilerplate"}


def paint_times(base, pages):
    """Return [(label, (paint ms, DOMContentLoaded ms, words painted))] measured in Debian's Chromium."""
    from playwright.sync_api import sync_playwright

    out = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=["--no-sandbox"])
        page = browser.new_page()
        for label, article_id in pages:
            paints, loads, count = [], [], 0
            for _ in range(5):
                page.goto(f"{base}/articles/{article_id}")
                detail = page.evaluate("""() => new Promise((resolve) => {
                    const reader = document.getElementById('reader');
                    if (reader.dataset.statusPainted) { resolve(null); return; }
                    reader.addEventListener('status-painted', (e) => resolve(e.detail), { once: true });
                })""")
                if detail is None:  # painted before we listened: paint again to time it
                    detail = page.evaluate("""() => new Promise((resolve) => {
                        const reader = document.getElementById('reader');
                        reader.addEventListener('status-painted', (e) => resolve(e.detail), { once: true });
                        reader.dispatchEvent(new CustomEvent('words-marked'));
                    })""")
                paints.append(detail["ms"])
                count = detail["count"]
                loads.append(page.evaluate("performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"))
            out.append((label, (statistics.median(paints), statistics.median(loads), count)))
        browser.close()
    return out


if __name__ == "__main__":
    main()
