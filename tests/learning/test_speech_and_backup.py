"""Listening through the server's espeak-ng (and without it), and backup -> restore of what the reader knows."""
import io
import json
from datetime import datetime, timezone

import pytest

from annotations.learning import review, transfer
from annotations.reading import articles
from annotations.sqlite import connect
from annotations.words import vocab

TEXT = "Der Soldat sieht die Soldaten.\n\nDie Soldaten schlafen. Der Hund sieht die Häuser."


def test_the_server_speaks_german_with_espeak_ng_and_caches_it(make_app, db_path):
    client = make_app().test_client()
    resp = client.get("/speech.wav", query_string={"text": "Guten Tag, wie geht es Ihnen?"})
    assert resp.status_code == 200 and resp.mimetype == "audio/wav"
    assert resp.data[:4] == b"RIFF" and resp.data[8:12] == b"WAVE" and len(resp.data) > 10_000
    assert connect(db_path)["speech_cache"].count == 1
    # Cached per text: served again even when espeak-ng has gone since.
    gone = make_app(ESPEAK="/nonexistent/espeak-ng").test_client()
    assert gone.get("/speech.wav", query_string={"text": "Guten  Tag, wie geht es Ihnen?"}).data == resp.data


@pytest.mark.parametrize("text, message", [("", "nothing to read"), ("a" * 1001, "too long")])
def test_bad_speech_requests_get_a_400(client, text, message):
    resp = client.get("/speech.wav", query_string={"text": text})
    assert resp.status_code == 400 and message in resp.get_data(as_text=True)


def test_without_espeak_ng_the_listen_buttons_are_disabled_and_say_why(make_app, db, lemmatiser):
    article = articles.create_article(db, TEXT)
    client = make_app(ESPEAK="/nonexistent/espeak-ng").test_client()
    html = client.get(f"/words/lookup?article={article}&n=1&start=4&end=10").get_data(as_text=True)
    assert 'class="speak"' in html and "disabled" in html and "data-speech-url" not in html
    assert "“/nonexistent/espeak-ng” is not installed" in html
    resp = client.get("/speech.wav", query_string={"text": "Hallo"})
    assert resp.status_code == 404 and "is not installed" in resp.get_data(as_text=True)


def test_with_espeak_ng_the_buttons_point_at_the_server(client, db, lemmatiser):
    article = articles.create_article(db, TEXT)
    html = client.get(f"/words/lookup?article={article}&n=1&start=4&end=10").get_data(as_text=True)
    assert 'data-speech-url="/speech.wav"' in html and "is not installed" not in html


def test_backup_restore_round_trip_keeps_statuses_and_reviews(make_app, tmp_path, lemmatiser):
    client = make_app().test_client()
    article = client.post("/articles", data={"text": TEXT}).headers["Location"].rsplit("/", 1)[-1]
    client.post("/vocabulary", data={"article": article, "n": 1, "start": 4, "end": 10})
    client.post("/words/status", data={"word": "Hund", "status": "4"})
    client.post("/words/status", data={"word": "Berlin", "status": "ignored"})
    client.post(f"/articles/{article}/known")
    client.post("/review/grade", data={"lemma": "Soldat", "grade": "3"})
    backup = client.get("/export/annotations.jsonld").get_data(as_text=True)
    before = json.loads(backup)["randnotiz"]["learning"]
    assert before["reviews"] and len(before["statuses"]) > 5 and before["vocabulary"]

    fresh = make_app(DATABASE=str(tmp_path / "fresh.db")).test_client()
    resp = fresh.post("/import", data={"file": (io.BytesIO(backup.encode()), "backup.jsonld")})
    assert resp.status_code == 200
    after = json.loads(fresh.get("/export/annotations.jsonld").get_data(as_text=True))["randnotiz"]["learning"]
    assert after == before
    # Importing the same file again changes nothing.
    fresh.post("/import", data={"file": (io.BytesIO(backup.encode()), "backup.jsonld")})
    assert json.loads(fresh.get("/export/annotations.jsonld").get_data(as_text=True))["randnotiz"]["learning"] == before


@pytest.mark.parametrize("learning, message", [
    ({"statuses": [{"key": "hund", "lemma": "Hund", "status": "clever"}]}, "not a word status"),
    ({"statuses": [{"key": "hund", "lemma": "Hund", "status": "learning", "level": 9}]}, "not a word status"),
    ({"reviews": [{"id": 1, "lemma": "Hund", "rating": 7, "at": "2026-01-01T00:00:00Z", "before": "{}"}]}, "1–4"),
    ({"cards": "many"}, "must be a list"),
    ({"statuses": [{"key": "hund", "lemma": "Hund\ud800", "status": "known"}]}, "not valid Unicode"),
    ({"changes": [{"id": 10**30, "key": "k", "new_status": "known", "at": "x"}]}, "too large"),
])
def test_a_malformed_learning_backup_imports_nothing(client, db_path, learning, message):
    doc = {"type": "AnnotationCollection", "first": {"type": "AnnotationPage", "items": []},
           "randnotiz": {"format": 1, "articles": [], "learning": learning}}
    resp = client.post("/import", json=doc)
    assert resp.status_code == 400 and message in resp.get_json()["message"]
    conn = connect(db_path)
    assert conn["word_status"].count == 0 and conn["reviews"].count == 0 and conn["status_changes"].count == 0


def test_restore_keeps_the_schedule(db, lemmatiser):
    at = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
    vocab.save(db, lemma="Hund", surface="Hund", gloss="dog", sentence="Der Hund bellt.", translation="",
               article_id=1, block_n=1, start=4, end=8, sentence_start=0)
    review.start(db, "Hund", at=at)
    review.grade(db, "Hund", 3, at=at)
    dumped = transfer.dump(db)
    db.execute("DELETE FROM cards")
    transfer.restore(db, dumped)
    assert transfer.dump(db) == dumped
