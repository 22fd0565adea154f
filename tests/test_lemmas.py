"""Lemmas: simplemma loads once in the background; tokens are counted in code points."""
import pytest

from annotations import lemmas


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
    assert lemmas.tokens(text) == [(0, 3, "Das"), (6, 12, "Größte"), (18, 20, "er"), (21, 25, "Jahr")]
