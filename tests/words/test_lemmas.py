"""Lemmas: simplemma loads once in the background; tokens are counted in code points."""
import subprocess
import sys
from pathlib import Path

import pytest

from annotations.common import word_tokens
from annotations.words import lemmas

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("word, lemma", [("Bäume", "Baum"), ("ging", "gehen"), ("Häuser", "Haus"),
                                         ("hatten", "haben")])
def test_lemma_of_inflected_forms(word, lemma):
    assert lemmas.wait(120)
    assert lemmas.lemma(word) == lemma


def test_warm_up_returns_at_once_and_loads_only_once(monkeypatch):
    assert lemmas.wait(120)
    calls = []
    monkeypatch.setattr(lemmas.threading, "Thread", lambda *a, **k: calls.append(k) or pytest.fail("second load"))
    lemmas.warm_up()  # already started by the app or an earlier test: no new thread
    assert calls == []


def test_tokens_are_letters_only_in_code_points():
    text = "Das 😀 Größte, 2024er-Jahr!"
    assert word_tokens(text) == [(0, 3, "Das"), (6, 12, "Größte"), (18, 20, "er"), (21, 25, "Jahr")]


def test_a_combining_mark_stays_in_its_word_as_in_the_browser():
    # "Café" typed as e + U+0301: one word for Python as for words.js's /[\p{L}\p{M}]+/u.
    assert word_tokens("Ein Cafe\u0301 hier") == [(0, 3, "Ein"), (4, 9, "Cafe\u0301"), (10, 14, "hier")]


# In a fresh interpreter: how many objects the collector walks before and after the warm-up.
FULL_COLLECTION_WORK = """
import gc
from annotations.words import lemmas
before = len(gc.get_objects())
assert lemmas.wait(120)
print(before, len(gc.get_objects()))
"""


def test_after_the_warm_up_full_collections_do_not_walk_its_tables():
    # The lemmatiser's and word frequencies' tables live as long as the server; a full collection
    # walking them stopped every request in flight for ~170 ms.
    out = subprocess.run([sys.executable, "-c", FULL_COLLECTION_WORK], capture_output=True, text=True,
                         cwd=ROOT, check=True, timeout=180).stdout.split()
    before, after = map(int, out)
    assert after < before  # everything loaded so far is out of the collector's way
