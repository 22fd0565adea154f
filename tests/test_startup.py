"""Start-up stays light: what only some requests need loads when they come; background work steps aside."""
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from annotations import activity, paragraphs
from annotations.learning import status
from annotations.reading import articles
from annotations.words import lemmas, vocab

ROOT = Path(__file__).resolve().parent.parent

CHECK = """
import sys
from annotations import create_app
app = create_app({"DATABASE": sys.argv[1], "BACKGROUND_TASKS": True, "DING_PATH": "/nonexistent", "FREEDICT_PATH": "/nonexistent"})
client = app.test_client()
assert client.get("/articles/1").status_code == 200
assert client.get("/articles").status_code == 200
print(" ".join(m for m in ("trafilatura", "deep_translator", "genanki", "simplemma") if m in sys.modules))
"""


def test_serving_pages_loads_no_fetcher_translator_exporter_or_lemmatiser(tmp_path):
    out = subprocess.run([sys.executable, "-c", CHECK, str(tmp_path / "x.db")], cwd=ROOT,
                         capture_output=True, text=True, check=True)
    assert out.stdout.split() == []


def test_the_lazy_modules_still_work_when_needed(client, fake):
    r = client.post("/articles/1/p/2/translation", headers={"HX-Request": "true"})
    assert r.status_code == 200 and "EN: " in r.get_data(as_text=True)
    assert client.get("/vocabulary/export.apkg").status_code == 200


def test_the_page_of_a_reader_without_saved_words_does_not_load_the_lemmatiser(client, monkeypatch):
    started = []
    monkeypatch.setattr(lemmas, "ready", lambda: False)
    monkeypatch.setattr(lemmas, "warm_up", lambda: started.append(True))
    r = client.get("/articles/1")
    r.close()
    assert started == []


@pytest.mark.parametrize("mark", ["saved word", "word status"])
def test_with_saved_words_or_word_status_the_lemmatiser_loads_after_the_page_is_sent(client, db, monkeypatch, mark):
    if mark == "saved word":
        vocab.save(db, lemma="Kreml", surface="Kreml", gloss="Kremlin", sentence="", translation=None,
                   article_id=1, block_n=1, start=0, end=5, sentence_start=0)
    else:
        status.set_status(db, "Kreml", "known")  # painted per lemma on the page (learning.js)
    started = []
    monkeypatch.setattr(lemmas, "ready", lambda: False)
    monkeypatch.setattr(lemmas, "warm_up", lambda: started.append(True))
    r = client.get("/articles/1")
    assert r.status_code == 200 and started == []  # not while the page is being answered
    r.close()
    assert started == [True]


def test_background_work_waits_while_a_request_is_answered():
    assert activity.yield_to_requests(max_wait=0) is True  # nothing in flight: no wait
    activity.request_started()
    try:
        assert activity.yield_to_requests(max_wait=0) is False
        result = {}
        worker = threading.Thread(target=lambda: result.setdefault("quiet", activity.yield_to_requests(max_wait=60)))
        worker.start()
    finally:
        activity.request_finished()
    worker.join()
    assert result["quiet"] is True


def test_a_very_long_text_sent_while_it_renders_has_its_notes_panel(client, db, monkeypatch):
    monkeypatch.setattr(paragraphs, "STREAM_AFTER", 50)
    paragraphs.clear_cache()
    aid = articles.create_article(db, "\n\n".join(f"Absatz {i}." for i in range(1, 61)), title="Lang")
    client.post(f"/articles/{aid}/p/2/note", data={"note": "Eine Randnotiz"})
    r = client.get(f"/articles/{aid}")
    html = r.get_data(as_text=True)
    r.close()
    assert "Content-Length" not in r.headers  # streamed
    assert 'id="annotation-panel"' in html and html.index("Absatz 60.") < html.index('id="annotation-panel"')
    assert "Eine Randnotiz" in html[html.index('id="annotation-panel"'):]


def test_a_very_long_text_sent_while_it_renders_also_loads_the_lemmatiser_after_it(client, db, monkeypatch):
    # A book streams (paragraphs.STREAM_AFTER): its saved words need the lemmatiser as much.
    monkeypatch.setattr(paragraphs, "STREAM_AFTER", 50)
    paragraphs.clear_cache()
    aid = articles.create_article(db, "\n\n".join(f"Der Kreml, Absatz {i}." for i in range(1, 61)), title="Lang")
    vocab.save(db, lemma="Kreml", surface="Kreml", gloss="Kremlin", sentence="", translation=None,
               article_id=aid, block_n=1, start=4, end=9, sentence_start=0)
    started = []
    monkeypatch.setattr(lemmas, "ready", lambda: False)
    monkeypatch.setattr(lemmas, "warm_up", lambda: started.append(True))
    r = client.get(f"/articles/{aid}")
    assert "Content-Length" not in r.headers and "Absatz 60." in r.get_data(as_text=True)  # streamed, whole
    r.close()
    assert started == [True]
