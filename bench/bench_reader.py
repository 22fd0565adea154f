"""Benchmark the reading page and a cached translation, each next to a static-file yardstick.

Real HTTP over loopback: the app is served by waitress (the production server) in this process;
the same server also serves the very same bytes as a static file, which is the yardstick.
  - GET /articles/<id> of a 1,000-paragraph article (no translations cached, then all cached)
    vs the same HTML bytes as a static file;
  - POST /articles/<id>/p/<n>/translation answered from the cache vs the same fragment as a static file.
Run: python bench/bench_reader.py
"""
import http.client
import re
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from flask import send_from_directory  # noqa: E402
from waitress import create_server  # noqa: E402

from timing import median_p90  # noqa: E402
from annotations import create_app  # noqa: E402
from annotations.reading import articles  # noqa: E402
from annotations.reading.render import Span, render_text  # noqa: E402
from annotations.translation import translate  # noqa: E402
from markupsafe import escape  # noqa: E402
from annotations.sqlite import connect  # noqa: E402

SENTENCES = [
    "Russland und der Iran rücken noch näher zusammen.",
    "Wie der Kreml am Montag angekündigt hat, werden die Präsidenten am 4. Juni ein Abkommen unterzeichnen.",
    "Das betrifft z. B. die wirtschaftliche Zusammenarbeit bzw. Fragen der Sicherheit.",
    "„Wir sind zufrieden“, sagte ein Sprecher in Moskau.",
]
RUNS = 30


def paragraph(i):
    return f"Absatz {i}: " + " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(3))


def timed(fn, n=RUNS):
    return median_p90(fn, n)


def main():
    tmp = Path(tempfile.mkdtemp())
    static_dir = tmp / "static"
    static_dir.mkdir()
    app = create_app({"DATABASE": str(tmp / "bench.db"), "BACKGROUND_TASKS": False, "TRANSLATOR": "google",
                      "DING_PATH": str(tmp / "x"), "FREEDICT_PATH": str(tmp / "x")})
    # The yardstick: the same bytes served by the same app and server, as a static file.
    app.add_url_rule("/bench-static/<path:name>", "bench_static",
                     lambda name: send_from_directory(static_dir, name))
    db = connect(tmp / "bench.db")
    plain = articles.create_article(db, "\n\n".join(paragraph(i) for i in range(1000)), title="Tausend")
    cached = articles.create_article(db, "\n\n".join(paragraph(i) + " (b)" for i in range(1000)), title="Übersetzt")
    now = "2026-01-01T00:00:00"
    db["translations"].insert_all(
        {"provider": "google", "source_lang": "de", "target_lang": "en", "text_hash": translate.text_hash(b["text"]),
         "text": b["text"], "translation": "EN: " + b["text"], "created": now}
        for b in articles.get_blocks(db, cached))
    n_blocks = len(articles.get_blocks(db, plain))

    server = create_server(app, host="127.0.0.1", port=0, threads=4)
    threading.Thread(target=server.run, daemon=True).start()
    conn = http.client.HTTPConnection("127.0.0.1", server.effective_port)

    def request(method, path, headers=None):
        conn.request(method, path, headers=headers or {})
        r = conn.getresponse()
        body = r.read()
        assert r.status == 200, (path, r.status, body[:300])
        return body

    rows, cold = [], []
    for label, article_id in (("no translations cached", plain), ("all 1,000 translations cached", cached)):
        t = time.perf_counter()
        page = request("GET", f"/articles/{article_id}")
        cold.append((label, (time.perf_counter() - t) * 1000))
        name = f"page-{article_id}.html"
        (static_dir / name).write_bytes(page)
        assert request("GET", f"/bench-static/{name}") == page
        rows.append((f"reading page, {n_blocks} paragraphs, {label} ({len(page) / 1024:.0f} KiB)",
                     timed(lambda: request("GET", f"/articles/{article_id}")),
                     timed(lambda: request("GET", f"/bench-static/{name}"))))

    hx = {"HX-Request": "true", "Content-Length": "0"}
    url = f"/articles/{cached}/p/500/translation"
    fragment = request("POST", url, hx)
    (static_dir / "fragment.html").write_bytes(fragment)
    rows.append((f"cached translation fragment ({len(fragment)} bytes)",
                 timed(lambda: request("POST", url, hx), 200),
                 timed(lambda: request("GET", "/bench-static/fragment.html"), 200)))


    # One 200,000-character paragraph with sentence spans, a saved-word span on every word (an active
    # reader), overlapping highlights and one span over it all, against escaping the same text.
    long = ("Ein langer Satz über die Zeit. " * 7000)[:200_000]
    spans = [Span(a, a + 100, ("s",), (("s", a // 100),)) for a in range(0, 200_000, 100)]
    spans += [Span(m.start(), m.end(), ("saved-word",), (("lemma", m.group()),)) for m in re.finditer(r"\w+", long)]
    spans += [Span(a, a + 5000, ("hl",), (("hl", f"h{a}"),), mark=True) for a in range(0, 195_000, 2500)]
    spans.append(Span(0, 200_000, ("all",)))
    rows.append((f"render_text, one 200,000-char paragraph, {len(spans):,} spans (vs escape())",
                 timed(lambda: render_text(long, spans), 5), timed(lambda: str(escape(long)), 5)))

    print(f"Randnotiz reader benchmark (waitress on loopback, {RUNS}+ runs each; milliseconds)")
    print(f"{'what':<72} {'median':>8} {'p90':>8} | {'static median':>13} {'p90':>8} | ratio")
    for label, (med, p90), (smed, sp90) in rows:
        print(f"{label:<72} {med:8.2f} {p90:8.2f} | {smed:13.2f} {sp90:8.2f} | {med / smed:5.1f}x")
    for label, ms in cold:
        print(f"first render after start (sentence cache cold), {label}: {ms:.0f} ms")


if __name__ == "__main__":
    main()
