"""Simulated readers for bench/load.py: read, translate, look words up, highlight; 1–3 s of thought between.

Run through bench/load.py (it prepares the database, the server and the loopback translator).
Every highlight the server acknowledged is written to $LOAD_ACKS at the end, to be checked.
Every request (when it was sent, how long it took, its action, whether it failed) is written to
$LOAD_LOG as it completes, and so is the moment the last reader has arrived: load.py counts the
requests sent in the steady state from it.
"""
import itertools
import json
import os
import random
import time

from locust import between, events, task
from locust.contrib.fasthttp import FastHttpUser

ARTICLES = {int(k): v for k, v in json.loads(os.environ["LOAD_ARTICLES"]).items()}  # id -> [[n, text], ...]
HX = {"HX-Request": "true"}
_acks = []
_counter = itertools.count()
_log = open(os.environ["LOAD_LOG"], "w", buffering=1)


def _word(text):
    words = [(i, w) for i, w in enumerate(text.split(" ")) if len(w) > 3 and w.isalpha()]
    i, w = random.choice(words)
    start = len(" ".join(text.split(" ")[:i])) + (1 if i else 0)
    return start, start + len(w), w  # no astral characters in the bench text: UTF-16 = code points


class Reader(FastHttpUser):
    # FastHttpUser (geventhttpclient), not HttpUser (requests): the same requests at about a
    # quarter of the client's CPU, which shares the 2 cores with the server being measured.
    # Response times still run from sending to the whole body received.
    wait_time = between(1, 3)

    def on_start(self):
        # Each reader reads one article of the library; the pages stay small enough to be typical.
        self.article = random.choice(list(ARTICLES))
        self.paragraphs = ARTICLES[self.article]

    @task(3)
    def read(self):
        self.client.get(f"/articles/{self.article}", name="read page")

    @task(2)
    def translate(self):
        n, _text = random.choice(self.paragraphs)
        self.client.post(f"/articles/{self.article}/p/{n}/translation", headers=HX, name="translate paragraph")

    @task(2)
    def look_up(self):
        n, text = random.choice(self.paragraphs)
        start, end, _w = _word(text)
        self.client.get(f"/words/lookup?article={self.article}&n={n}&start={start}&end={end}", headers=HX,
                        name="look up word")

    @task(2)
    def highlight(self):
        n, text = random.choice(self.paragraphs)
        start, end, word = _word(text)
        note = f"load-{os.getpid()}-{next(_counter)}"
        with self.client.post(f"/articles/{self.article}/highlights", headers=HX, name="write highlight",
                              data={"block": n, "start": start, "end": end, "exact": word, "note": note},
                              catch_response=True) as r:
            if r.status_code == 200:
                _acks.append(note)
                r.success()
            else:
                r.failure(f"HTTP {r.status_code}")


@events.request.add_listener
def _note_request(name, response_time, exception, start_time=None, **_kw):
    # Locust's own table counts a request when it completes; a steady-state table must count
    # it by when it was sent, or the arrival burst's slow answers land in it.
    sent = start_time if start_time is not None else time.time() - response_time / 1000
    _log.write(f"{sent:.4f}\t{response_time:.2f}\t{name}\t{int(exception is not None)}\n")


@events.spawning_complete.add_listener
def _note_arrived(user_count, **_kw):
    _log.write(f"{time.time():.4f}\tarrived\t{user_count}\t0\n")


@events.quitting.add_listener
def _save_acks(environment, **_kw):
    with open(os.environ["LOAD_ACKS"], "w") as f:
        json.dump(_acks, f)
