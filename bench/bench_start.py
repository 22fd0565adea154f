"""Start-up and memory: time to the first page after `python app.py`, and resident memory (VmRSS).

Starts the real command line twice on a fresh database with Debian's Ding dictionary (needs
`trans-de-en`; without it the import rows are skipped):
  1. fresh database: time to the first page, RSS right after it, RSS once the dictionary import
     has finished (polled through /dictionary/status), and how long a page takes while it runs;
  2. restart on the same database: time to the first page, idle RSS (after the first page and
     5 s of quiet), RSS after one word lookup (the lemmatiser loaded).
Yardstick: a bare `python -c "import flask"` process's RSS and its start time, in the same run.
Run: python bench/bench_start.py
"""
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DING = "/usr/share/trans/de-en"


def rss_mb(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url):
    with urllib.request.urlopen(url, timeout=60) as r:
        return r.read().decode()


def start(db, ding):
    """Start app.py; return (process, base url, seconds until the first page was served)."""
    port = free_port()
    env = {**os.environ, "READER_DB": db, "DING_PATH": ding, "FREEDICT_PATH": "/nonexistent"}
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "app.py", "--port", str(port)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    while True:  # a benchmark may poll; a test may not
        try:
            get(base + "/")
            return proc, base, time.perf_counter() - t
        except OSError:
            if proc.poll() is not None:
                raise SystemExit("app.py exited")
            time.sleep(0.01)


def stop(proc):
    proc.terminate()
    proc.wait()


def timed_page(base, n=5):
    out = []
    for _ in range(n):
        t = time.perf_counter()
        get(base + "/articles/1")
        out.append((time.perf_counter() - t) * 1000)
    return statistics.median(out)


def main():
    tmp = Path(tempfile.mkdtemp())
    db = str(tmp / "start.db")
    ding = DING if os.path.isfile(DING) else "/nonexistent"

    t = time.perf_counter()
    bare = subprocess.Popen([sys.executable, "-c", "import flask, sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    time.sleep(1.0)
    bare_rss = rss_mb(bare.pid)
    bare.communicate(b"")
    bare_start = time.perf_counter() - t - 1.0

    print("Randnotiz start-up and memory (python app.py, waitress; RSS in MB)")
    print(f"yardstick: bare python + flask process RSS {bare_rss:.0f} MB")
    proc, base, first = start(db, ding)
    print(f"fresh database: first page {first * 1000:.0f} ms after start; RSS {rss_mb(proc.pid):.0f} MB")
    if ding != "/nonexistent":
        during = timed_page(base)
        t = time.perf_counter()
        while "dict-sources" not in get(base + "/dictionary/status"):
            time.sleep(0.5)
        print(f"reading page while the dictionary imports: median {during:.1f} ms; "
              f"import finished {time.perf_counter() - t:.0f} s later; RSS after the import {rss_mb(proc.pid):.0f} MB")
    stop(proc)

    proc, base, first = start(db, ding)
    print(f"restart: first page {first * 1000:.0f} ms after start; quiet page median {timed_page(base):.1f} ms")
    time.sleep(5)
    print(f"idle RSS (first page served, 5 s quiet): {rss_mb(proc.pid):.0f} MB  (goal <= 80 MB)")
    get(base + "/words/lookup?article=1&n=1&start=3&end=3")
    time.sleep(4)  # the lemmatiser loads in the background after the first lookup
    get(base + "/words/lookup?article=1&n=1&start=3&end=3")
    print(f"RSS after a word lookup (lemmatiser loaded): {rss_mb(proc.pid):.0f} MB")
    stop(proc)


if __name__ == "__main__":
    main()
