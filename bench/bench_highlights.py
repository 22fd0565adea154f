"""Benchmark highlights: creating one, and rendering a 1,000-paragraph article with 1,000 highlights.

Real HTTP over loopback (werkzeug's threaded server in this process, http.client as the client),
each figure next to a yardstick measured in the same run:
  - create via the W3C protocol (POST /annotations/) vs a plain GET of one annotation and vs a
    tiny write (POST /articles/<id>/position); create via the store vs a no-op write (meta upsert);
  - GET /articles/<id> of a 1,000-paragraph article with 1,000 highlights vs the same page without.
Run: python bench/bench_highlights.py
"""
import http.client
import logging
import json
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from werkzeug.serving import make_server  # noqa: E402

from timing import samples  # noqa: E402
from annotations import create_app  # noqa: E402
from annotations.notes import highlights  # noqa: E402
from annotations.reading import articles  # noqa: E402
from annotations.sqlite import connect  # noqa: E402

PARAGRAPH = ("Der Präsident der Russischen Föderation hat am Freitag in Moskau mit dem iranischen "
             "Staatschef ein Abkommen über eine umfassende strategische Partnerschaft unterzeichnet, "
             "das die Zusammenarbeit in Wirtschaft, Verteidigung und Sicherheit vertiefen soll.")


def timed(fn, n):
    out = samples(fn, n)
    return statistics.median(out), out[0]


def main():
    tmp = tempfile.mkdtemp()
    app = create_app({"DATABASE": f"{tmp}/bench.db", "BACKGROUND_TASKS": False,
                      "DING_PATH": f"{tmp}/x", "FREEDICT_PATH": f"{tmp}/x"})
    db = connect(f"{tmp}/bench.db")
    big_plain = articles.create_article(db, "\n\n".join(f"{i}. {PARAGRAPH}" for i in range(1000)), title="Ohne")
    big_marked = articles.create_article(db, "\n\n".join(f"{i}. {PARAGRAPH}" for i in range(1000)), title="Mit")
    for b in articles.get_blocks(db, big_marked):
        i = b["text"].index("Moskau")
        highlights.create(db, big_marked, b["n"], i, i + 6, "Moskau", color="green", note=f"Stadt *{b['n']}*")
    small = articles.create_article(db, PARAGRAPH + "\n\n" + PARAGRAPH, title="Klein")

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no per-request log lines
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    conn = http.client.HTTPConnection("127.0.0.1", server.server_port)

    def request(method, path, body=None, headers=None):
        conn.request(method, path, body=body, headers=headers or {})
        r = conn.getresponse()
        data = r.read()
        assert r.status < 400, (r.status, data[:300])
        return r, data

    start = PARAGRAPH.index("Moskau")
    doc = {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation",
           "target": {"source": f"http://127.0.0.1/articles/{small}",
                      "selector": {"type": "FragmentSelector", "value": "p-1", "refinedBy": [
                          {"type": "TextQuoteSelector", "exact": "Moskau"},
                          {"type": "TextPositionSelector", "start": start, "end": start + 6}]},
                      "styleClass": "blue"}}
    body = json.dumps(doc)
    _, created = request("POST", "/annotations/", body, {"Content-Type": "application/ld+json"})
    one = json.loads(created)["id"].split("/annotations/")[1]

    n = 200
    rows = [
        ("HTTP POST /annotations/ (create a highlight)",
         timed(lambda: request("POST", "/annotations/", body, {"Content-Type": "application/ld+json"}), n)),
        ("  yardstick: HTTP GET /annotations/<id>", timed(lambda: request("GET", f"/annotations/{one}"), n)),
        ("  yardstick: HTTP POST /articles/<id>/position (tiny write)",
         timed(lambda: request("POST", f"/articles/{small}/position", "n=1",
                               {"Content-Type": "application/x-www-form-urlencoded"}), n)),
        ("store highlights.create()",
         timed(lambda: highlights.create(db, small, 2, start, start + 6, "Moskau"), n)),
        ("  yardstick: store no-op write (meta upsert)",
         timed(lambda: db["meta"].upsert({"key": "bench", "value": "x"}, pk="key"), n)),
    ]
    reps = 15
    request("GET", f"/articles/{big_marked}")  # warm templates
    plain = timed(lambda: request("GET", f"/articles/{big_plain}"), reps)
    marked = timed(lambda: request("GET", f"/articles/{big_marked}"), reps)
    blocks = articles.get_blocks(db, big_marked)
    rows += [
        ("GET 1,000-paragraph article, 1,000 highlights", marked),
        ("  yardstick: same article without highlights", plain),
        ("  of which highlights.spans() (1,000 marks)", timed(lambda: highlights.spans(db, big_marked, blocks), reps)),
        ("  of which highlights.list_for_article() (1,000 dicts)",
         timed(lambda: highlights.list_for_article(db, big_marked), reps)),
    ]
    _, page = request("GET", f"/articles/{big_marked}")
    assert page.count(b"<mark") >= 1000
    # Re-anchoring 1,000 highlights after an edit: one paragraph added on top, one changed mid-way.
    text = articles.article_text(db, big_marked)
    edited = "Neuer erster Absatz.\n\n" + text.replace("500. Der Präsident", "500. Der russische Präsident")
    t = time.perf_counter()
    highlights.edit_text(db, big_marked, edited)
    rows.append(("replace_text + re-anchor 1,000 highlights (1 edit, 1 insert)",
                 ((time.perf_counter() - t) * 1000,) * 2))
    t = time.perf_counter()
    articles.replace_text(db, big_plain, edited)
    rows.append(("  yardstick: replace_text of the article without highlights",
                 ((time.perf_counter() - t) * 1000,) * 2))
    print(f"{'measurement':62} {'median ms':>10} {'min ms':>8}")
    for label, (med, low) in rows:
        print(f"{label:62} {med:10.2f} {low:8.2f}")
    print(f"highlighted page / plain page: {marked[0] / plain[0]:.2f}x;"
          f" protocol create / GET: {rows[0][1][0] / rows[1][1][0]:.2f}x")
    server.shutdown()
    db.close()


if __name__ == "__main__":
    main()
