"""Load: simulated readers (locust, headless) against the production server, then durability.

1. 50 and 200 readers, 1–3 s thinking between actions (read the page, translate a paragraph
   through the loopback fake provider, look up a word, write a highlight), each for DURATION s:
   throughput, p50/p95/p99 per action, errors, of the requests sent in the steady state: after
   every reader has arrived (users/5 a second) and thought once more (3 s). Counting by when a
   request was sent, not when it completed, keeps the arrival burst's slow answers out of the
   steady state; the ramp gets a line of its own (--arrivals counts everything in the table).
   Then every acknowledged highlight is looked up in the database.
   Beside each table: the server's CPU time per request, and the yardsticks of the machine's own
   noise in the same seconds: the cores other programs kept busy, and how late a thread of this
   (idle) bench process woke from a 5 ms sleep. A shared machine's tail is theirs too.
2. Peak requests/s of the reading page (closed loop, no thinking) beside the same waitress
   serving the same bytes as a static file: the yardstick.
3. kill -9 durability: writers post highlights, the server is killed mid-stream, restarted;
   every acknowledged write must be there (ROUNDS rounds).
Everything on 127.0.0.1. Run: python bench/load.py [--duration 60] [--users 50,200] [--arrivals] [--peak-only]
"""
import argparse
import csv
import http.client
import json
import logging
import os
import signal
import statistics
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import psutil  # noqa: E402
from fake_providers import FakeProvider  # noqa: E402

from annotations import schema  # noqa: E402
from annotations.reading import articles  # noqa: E402
from annotations.sqlite import connect  # noqa: E402
from timing import percentile  # noqa: E402

SENTENCES = [
    "Russland und der Iran rücken noch näher zusammen.",
    "Wie der Kreml am Montag angekündigt hat, werden die Präsidenten am Freitag ein Abkommen unterzeichnen.",
    "Das betrifft die wirtschaftliche Zusammenarbeit und Fragen der Sicherheit.",
    "Die Regierung wollte sich dazu zunächst nicht äußern, hieß es aus Moskau.",
]
DING = "\n".join(f"{w} {{n}} :: {w.lower()}-en" for w in
                 ["Russland", "Iran", "Kreml", "Montag", "Präsidenten", "Abkommen", "Zusammenarbeit",
                  "Sicherheit", "Regierung", "Moskau", "Freitag", "Fragen"]) + "\n"
PEAK_SECONDS = 8
ARRIVAL_SECONDS = 5  # readers arrive over this many seconds
SETTLE_SECONDS = 3  # then every reader has thought once more (the longest think) before counting starts
PEAK_CLIENTS = 8
ROUNDS = 5


def fetch(port, path, timeout=30):
    """GET path on a connection of its own, closed at once: no idle socket holds one of the server's slots."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        return conn.getresponse().read()
    finally:
        conn.close()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


ARTICLES = 5


def prepare(tmp):
    """Return {article id: [[n, text], ...]}: a library of ARTICLES articles of 60 distinct paragraphs."""
    db = connect(tmp / "load.db")
    schema.prepare(db)
    library = {}
    for a in range(ARTICLES):
        text = "\n\n".join(f"Absatz {a}.{i}: " + " ".join(SENTENCES[(i + k) % 4] for k in range(3)) for i in range(60))
        article_id = articles.create_article(db, f"Russland und Iran, Teil {a}\n\n" + text)
        library[article_id] = [[b["n"], b["text"]] for b in articles.get_blocks(db, article_id)
                               if b["kind"] == "paragraph"]
    db.close()
    (tmp / "de-en").write_text(DING, encoding="utf-8")
    return library


class Server:
    """python app.py in a subprocess: the production server with its limits."""

    def __init__(self, tmp, fake):
        self.port = free_port()
        self.env = {**os.environ, "DING_PATH": str(tmp / "de-en"), "FREEDICT_PATH": "/nonexistent",
                    **{k: str(v) for k, v in fake.config("google").items()}}
        self.cmd = [sys.executable, "app.py", "--port", str(self.port), "--db", str(tmp / "load.db")]
        self.start()

    def start(self):
        self.proc = subprocess.Popen(self.cmd, cwd=ROOT, env=self.env, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, text=True)
        line = self.proc.stdout.readline()
        while line and "Open http://" not in line:
            line = self.proc.stdout.readline()
        threading.Thread(target=self.proc.stdout.read, daemon=True).start()  # keep the pipe drained

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)

    def stop(self):
        self.proc.terminate()
        self.proc.wait(10)


class WakeLateness:
    """A thread of this process sleeping 5 ms again and again, noting how late it wakes (ms).

    The bench process is idle while locust runs, so lateness here is the machine's: other
    programs (and the server and locust) keeping both cores busy. A server thread cannot be
    served faster than the scheduler lets it run.
    """

    SLEEP = 0.005

    def __init__(self):
        self.late, self._stop = [], threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self):
        while not self._stop.is_set():
            t = time.perf_counter()
            time.sleep(self.SLEEP)
            self.late.append((time.perf_counter() - t - self.SLEEP) * 1000)

    def stop(self):
        """Stop and return (p99, max) lateness in ms."""
        self._stop.set()
        self._thread.join()
        late = sorted(self.late)
        return statistics.quantiles(late, n=100)[98], late[-1]


def busy_cpu_seconds():
    """Return the CPU time every program on the machine has used since boot (not idle, not waiting on I/O)."""
    t = psutil.cpu_times()
    # Linux counts guest time inside user time as well: not twice.
    return sum(t) - t.idle - sum(getattr(t, f, 0.0) for f in ("iowait", "guest", "guest_nice"))


def own_cpu_seconds():
    """Return this process's CPU time and its finished children's (locust)."""
    return sum(os.times()[:4])


class CpuSampler:
    """The server's CPU seconds, sampled four times a second, to read off any window later."""

    def __init__(self, pid):
        self.samples, self._stop = [], threading.Event()
        self._process = psutil.Process(pid)
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self):
        while True:
            self.samples.append((time.time(), sum(self._process.cpu_times()[:2])))
            if self._stop.wait(0.25):
                return

    def stop(self):
        self._stop.set()
        self._thread.join()

    def between(self, start, end):
        """Return the CPU seconds used between two wall-clock times (to the nearest sample)."""
        at = lambda t: min(self.samples, key=lambda s: abs(s[0] - t))[1]  # noqa: E731
        return at(end) - at(start)


def run_locust(server, users, duration, library, tmp, arrivals=False):
    """Run `users` readers; return their requests as (sent, ms, action, failed), when the last arrived, and the checks."""
    acks, log = tmp / f"acks-{users}.json", tmp / f"requests-{users}.tsv"
    env = {**os.environ, "LOAD_ARTICLES": json.dumps(library), "LOAD_ACKS": str(acks), "LOAD_LOG": str(log)}
    cpu = CpuSampler(server.proc.pid)
    lateness = WakeLateness()
    machine, own, server_all, t0 = busy_cpu_seconds(), own_cpu_seconds(), cpu.samples[0][1], time.monotonic()
    # Readers arrive at users/5 per second, then settle for one longest think; `duration` is the
    # steady state after that, which the table counts (--arrivals: everything).
    subprocess.run([sys.executable, "-m", "locust", "-f", str(ROOT / "bench" / "locustfile.py"), "--headless",
                    "-u", str(users), "-r", str(max(1, users // ARRIVAL_SECONDS)),
                    "-t", f"{duration + ARRIVAL_SECONDS + SETTLE_SECONDS}s",
                    "--host", f"http://127.0.0.1:{server.port}", "--only-summary",
                    "--loglevel", "ERROR", "--stop-timeout", "10"],
                   env=env, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=duration + 120)
    late = lateness.stop()
    cpu.stop()
    server_now = cpu.samples[-1][1]
    # Everything busy on the machine, less this bench, locust and the server: other programs.
    others = (busy_cpu_seconds() - machine - (own_cpu_seconds() - own) - (server_now - server_all)) / (
        time.monotonic() - t0)
    requests, arrived = [], None
    with open(log) as f:
        for sent, ms, action, failed in csv.reader(f, delimiter="\t"):
            if ms == "arrived":
                arrived = float(sent)
            else:
                requests.append((float(sent), float(ms), action, failed == "1"))
    if arrived is None:
        sys.exit(f"locust never reported all {users} readers arrived: see {log}")
    acknowledged = json.loads(acks.read_text())
    db = connect(tmp / "load.db")
    stored = {r[0] for r in db.execute("SELECT note FROM highlights WHERE note LIKE 'load-%'")}
    db.close()
    missing = [a for a in acknowledged if a not in stored]
    steady = requests if arrivals else [r for r in requests if r[0] >= arrived + SETTLE_SECONDS]
    window = (min(r[0] for r in steady), max(r[0] for r in steady))
    cpu_ms = cpu.between(*window) * 1000 / len(steady)
    return requests, steady, arrived, len(acknowledged), len(missing), cpu_ms, late, max(0.0, others)


def print_locust(users, duration, requests, steady, arrived, acknowledged, missing, cpu_ms, late, others,
                 arrivals=False):
    counted = ("arrivals included" if arrivals else
               f"requests sent once all had arrived and thought once more ({SETTLE_SECONDS} s)")
    print(f"\n{users} readers, 1–3 s thinking, {duration} s, {counted} (locust FastHttpUser, headless; ms)")
    print(f"{'action':<22} {'requests':>8} {'req/s':>7} {'errors':>6} {'p50':>6} {'p95':>6} {'p99':>6} {'max':>7}")
    seconds = max(r[0] for r in steady) - min(r[0] for r in steady)
    actions = sorted({r[2] for r in steady})
    for name, rows in [(a, [r for r in steady if r[2] == a]) for a in actions] + [("all actions", steady)]:
        ms = [r[1] for r in rows]
        print(f"{name:<22} {len(rows):>8} {len(rows) / seconds:>7.1f} {sum(r[3] for r in rows):>6} "
              f"{percentile(ms, 50):>6.0f} {percentile(ms, 95):>6.0f} {percentile(ms, 99):>6.0f} {max(ms):>7.0f}")
    if not arrivals:
        # Not hidden: the ramp (a new connection per reader, every page rendered a first time).
        ramp = [r for r in requests if r[0] < arrived + SETTLE_SECONDS]
        ms = [r[1] for r in ramp]
        print(f"while arriving and settling: {len(ramp)} requests, {sum(r[3] for r in ramp)} errors, "
              f"p95 {percentile(ms, 95):.0f}, p99 {percentile(ms, 99):.0f}, max {max(ms):.0f}")
    print(f"acknowledged highlights: {acknowledged}, missing from the database: {missing}; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"server CPU time per request {cpu_ms:.1f} ms; yardsticks of the machine's noise: other programs kept "
          f"{others:.1f} of {os.cpu_count()} cores busy; a 5 ms sleep in an idle process woke late by "
          f"p99 {late[0]:.0f} ms, max {late[1]:.0f} ms")


def peak(port, path, seconds=PEAK_SECONDS, clients=PEAK_CLIENTS):
    """Return requests/s of a closed loop of `clients` keep-alive connections for `seconds`."""
    stop_at = time.monotonic() + seconds
    counts, errors = [0] * clients, [0] * clients

    def loop(i):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < stop_at:
            conn.request("GET", path)
            r = conn.getresponse()
            r.read()
            if r.status == 200:
                counts[i] += 1
            else:
                errors[i] += 1
        conn.close()

    threads = [threading.Thread(target=loop, args=(i,)) for i in range(clients)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(counts) / (time.monotonic() - t0), sum(errors)


def static_server(body):
    """waitress (same version, same thread count) serving body as a static file: the yardstick."""
    import waitress

    import app as app_module

    def wsgi(environ, start_response):
        start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))])
        return [body]

    logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # "Task queue depth" is the point here
    server = waitress.create_server(wsgi, host="127.0.0.1", port=0, threads=app_module.THREADS)
    threading.Thread(target=server.run, daemon=True).start()
    return server


def durability(server, article_id, paragraphs, tmp, rounds=ROUNDS):
    """Kill -9 the server while writers post; return (acknowledged, stored) over all rounds."""
    acknowledged = []
    for rnd in range(rounds):
        stop = threading.Event()
        lock = threading.Lock()

        def writer(w):
            conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
            i = 0
            while not stop.is_set() and i < 2000:
                i += 1
                n, text = paragraphs[(w + i) % len(paragraphs)]
                word = text.split(" ")[0]
                note = f"kill-{rnd}-{w}-{i}"
                body = f"block={n}&start=0&end={len(word)}&exact={word}&note={note}"
                try:
                    conn.request("POST", f"/articles/{article_id}/highlights", body,
                                 {"Content-Type": "application/x-www-form-urlencoded", "HX-Request": "true"})
                    r = conn.getresponse()
                    r.read()
                except (OSError, http.client.HTTPException):
                    return  # the server died: this write was never acknowledged
                if r.status == 200:
                    with lock:
                        acknowledged.append(note)

        threads = [threading.Thread(target=writer, args=(w,)) for w in range(4)]
        for t in threads:
            t.start()
        target = len(acknowledged) + 150 + 40 * rnd
        while len(acknowledged) < target and any(t.is_alive() for t in threads):
            threads[0].join(0.05)  # a bounded wait for writes to pile up, then the kill
        server.kill()
        stop.set()
        for t in threads:
            t.join(15)
        server.start()
    db = connect(tmp / "load.db")
    stored = {r[0] for r in db.execute("SELECT note FROM highlights WHERE note LIKE 'kill-%'")}
    db.close()
    return len(acknowledged), sum(1 for a in acknowledged if a in stored)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=60, help="seconds per load level (default 60)")
    parser.add_argument("--users", default="50,200", help="reader counts (default 50,200)")
    parser.add_argument("--arrivals", action="store_true",
                        help="count the readers' arrival (users/5 per second) in the table too")
    parser.add_argument("--peak-only", action="store_true",
                        help="measure only the reading page's peak throughput beside the static yardstick")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="randnotiz-load-"))
    fake = FakeProvider()
    library = prepare(tmp)
    article_id, paragraphs = next(iter(library.items()))
    server = Server(tmp, fake)
    try:
        # Wait for the dictionary import of the start (a few words) to be done before loading.
        for _ in range(100):
            if b"dict-progress" not in fetch(server.port, "/dictionary/status", timeout=10):
                break
            time.sleep(0.1)
        # One lookup first: the lemmatiser loads in the background at start (~2 s, once).
        # (Its connection closed: waitress's 200 sockets are all the 200 readers' then.)
        n, text = paragraphs[0]
        fetch(server.port, f"/words/lookup?article={article_id}&n={n}&start=0&end={len(text.split(' ')[0])}", timeout=60)
        # With the lemmatiser loaded, the search index adds every paragraph's lemmas in the
        # background: a few seconds of one core that would otherwise land in the first measurement.
        check = connect(tmp / "load.db")
        for _ in range(600):
            if not check.execute("SELECT count(*) FROM search_queue").fetchone()[0]:
                break
            time.sleep(0.1)
        check.close()
        print(f"Randnotiz load benchmark: python app.py (waitress) on 127.0.0.1, {os.cpu_count()} cores, "
              f"{len(library)} articles of {len(paragraphs)} paragraphs, load average {os.getloadavg()[0]:.1f}, translations by the loopback fake provider")
        for users in [] if args.peak_only else [int(u) for u in args.users.split(",")]:
            print_locust(users, args.duration, *run_locust(server, users, args.duration, library, tmp, args.arrivals),
                         arrivals=args.arrivals)

        path = f"/articles/{article_id}"
        page = fetch(server.port, path)
        static = static_server(page)
        app_rps, app_errors = peak(server.port, path)
        static_rps, static_errors = peak(static.effective_port, "/")
        highlights_now = sum(1 for _ in connect(tmp / "load.db").execute(
            "SELECT 1 FROM highlights WHERE article_id = ? AND deleted IS NULL", [article_id]))
        print(f"\npeak throughput, {PEAK_CLIENTS} keep-alive clients, no thinking, {PEAK_SECONDS} s each "
              f"(page of {len(page) / 1024:.0f} KiB with {highlights_now} highlights, {len(fake.calls)} translations made so far)")
        print(f"reading page (app)               {app_rps:8.0f} req/s  errors {app_errors}")
        print(f"same bytes as a static file      {static_rps:8.0f} req/s  errors {static_errors}")
        print(f"ratio app / static               {app_rps / static_rps:8.2f}")
        if args.peak_only:
            return

        acknowledged, stored = durability(server, article_id, paragraphs, tmp)
        print(f"\nkill -9 durability, {ROUNDS} rounds of 4 writers: acknowledged {acknowledged}, "
              f"stored {stored}, lost {acknowledged - stored}")
    finally:
        server.stop()
        fake.close()


if __name__ == "__main__":
    main()
