"""Benchmark Translate all: 100 paragraphs against a loopback provider that answers in 200 ms.

The provider is the loopback fake Google server (tests/fake_providers.py) spoken to through
deep-translator's real code. Each figure stands next to yardsticks from the same run:
  - the sequential sum the issue names (100 x 200 ms = 20 s), and
  - a measured sequential loop of translate() over 100 other paragraphs (one call at a time).
Translate all is timed from the POST that starts it to the job's end, for 3 (the default) and
6 workers, each on fresh text so nothing comes from the cache. Run: python bench/bench_translate.py
"""
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from fake_providers import FakeProvider  # noqa: E402

from annotations import create_app  # noqa: E402
from annotations.reading import articles  # noqa: E402
from annotations.translation import jobs, translate  # noqa: E402
from annotations.sqlite import connect  # noqa: E402

N, DELAY = 100, 0.2


def article_text(tag):
    return "\n\n".join(f"Absatz {i} ({tag}): Russland und der Iran rücken noch näher zusammen. "
                       f"Der Kreml hat es am Montag angekündigt." for i in range(N))


def main():
    fake = FakeProvider()
    fake.delay = DELAY
    tmp = Path(tempfile.mkdtemp())
    def make_app(**config):
        return create_app({"DATABASE": str(tmp / "bench.db"), "BACKGROUND_TASKS": False, "DING_PATH": str(tmp / "x"),
                           "FREEDICT_PATH": str(tmp / "x"), **fake.config("google", **config)})

    make_app()
    db = connect(tmp / "bench.db")
    ts = fake.settings("google")

    seq_blocks = articles.get_blocks(db, articles.create_article(db, article_text("seq"), title="Seq"))
    assert len(seq_blocks) == N
    t = time.perf_counter()
    for b in seq_blocks:
        translate.translate(db, b["text"], ts)
    sequential = time.perf_counter() - t

    rows = []
    for workers in (3, 6):
        client = make_app(TRANSLATE_WORKERS=workers).test_client()
        article_id = articles.create_article(db, article_text(f"w{workers}"), title=f"W{workers}")
        calls = fake.count()
        t = time.perf_counter()
        r = client.post(f"/articles/{article_id}/translate-all", headers={"HX-Request": "true"})
        assert r.status_code == 202
        job = list(db.query("SELECT id FROM translate_jobs WHERE article_id = ?", [article_id]))[0]["id"]
        assert jobs.wait(job, 120)
        elapsed = time.perf_counter() - t
        state = jobs.job_state(db, article_id, ts)
        assert state["done"] == N and fake.count() - calls == N, state
        rows.append((workers, elapsed))
    fake.close()

    print(f"Translate all of {N} paragraphs, loopback provider answering in {DELAY * 1000:.0f} ms")
    print(f"  {'yardstick: sequential sum ' + f'{N} x {DELAY * 1000:.0f} ms':<46}{N * DELAY:7.2f} s")
    print(f"  {'yardstick: measured sequential translate() loop':<46}{sequential:7.2f} s")
    for workers, elapsed in rows:
        label = f"Translate all, {workers} workers" + (" (default)" if workers == 3 else "")
        print(f"  {label:<46}{elapsed:7.2f} s  = {N * DELAY / elapsed:4.1f}x faster than the sequential sum")

if __name__ == "__main__":
    main()
