"""The reading page is kept whole while nothing it shows changes, and is never served stale."""
import gzip
import re
from datetime import datetime, timedelta, timezone

import brotli
import pytest
from flask import template_rendered

from annotations import commands, common, paragraphs, schema
from annotations.notes import highlights
from annotations.reading import articles
from annotations.sqlite import connect
from annotations.translation import jobs

TEXT = "Der Hund schläft im Garten.\n\nDie Katze wacht auf dem Dach.\n\nDer Vogel singt."
HX = {"HX-Request": "true"}

# Tables nothing on the reading page shows (other pages fetch them): a change there need not
# move the page's stamp. Every other table must be watched by paragraphs._TRIGGERS.
NOT_ON_THE_READING_PAGE = {
    "_sqlite_migrations", "meta",
    "render_versions",  # the counters themselves
    "article_words",  # rewritten together with article_words_meta, which is watched
    "cards", "reviews",  # review: its count loads after the page (hx-get)
    "dict_entries", "dict_forms", "dict_imports", "dict_sources",  # the popover, fetched per word
    "search_docs", "search_queue",  # search results page
    "speech_cache",
}


@pytest.fixture
def aid(lemmatiser, db, client):
    """An article already viewed once: its first view counts its words, a write that moves the stamp.

    The lemmatiser is loaded first: its readiness is part of the page's key, and must not change mid-test.
    """
    paragraphs.clear_cache()
    article_id = articles.create_article(db, TEXT, title="Tiere")
    client.get(f"/articles/{article_id}")
    return article_id


@pytest.fixture
def rendered(monkeypatch):
    """Count reading pages rendered afresh (not served from the page cache)."""
    from annotations.reading import views
    seen = []
    real = views._render

    def counting(db, article_id, key):
        seen.append(article_id)
        return real(db, article_id, key)

    monkeypatch.setattr(views, "_render", counting)
    return seen


@pytest.fixture
def frames(app):
    """Count renders of the reading page's own template: the frame around paragraphs and notes."""
    seen = []

    def note(sender, template, context, **extra):
        if template.name == "reading/reader.html":
            seen.append(context["article"]["id"])

    template_rendered.connect(note, app)
    yield seen
    template_rendered.disconnect(note, app)


def page(client, aid, **headers):
    return client.get(f"/articles/{aid}", headers=headers).get_data(as_text=True)


def test_a_repeat_view_is_the_kept_page(client, aid, rendered):
    first = page(client, aid)
    assert page(client, aid) == page(client, aid) == first and rendered == [aid]


def test_every_table_is_watched_or_known_to_be_off_the_page(db):
    tables = {name for (name,) in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_fts%'")}
    unwatched = tables - set(paragraphs._TRIGGERS) - NOT_ON_THE_READING_PAGE
    assert unwatched == set(), "does the reading page show these? add a trigger, or list them above"


def test_a_highlight_written_through_the_page_shows_on_the_next_view(client, aid):
    page(client, aid)
    r = client.post(f"/articles/{aid}/highlights", headers=HX,
                    data={"block": "2", "start": "4", "end": "9", "exact": "Katze", "note": "ein Tier"})
    assert r.status_code == 200
    html = page(client, aid)
    assert re.search(r"<mark [^>]*>Katze</mark>", html) and "ein Tier" in html  # in the text and the panel


def test_a_highlight_renders_its_paragraph_and_the_notes_panel_again_not_the_whole_page(client, aid, frames):
    page(client, aid)
    kept = len(frames)
    r = client.post(f"/articles/{aid}/highlights", headers=HX,
                    data={"block": "2", "start": "4", "end": "9", "exact": "Katze", "note": "ein Tier"})
    assert r.status_code == 200
    html = page(client, aid)
    assert re.search(r"<mark [^>]*>Katze</mark>", html) and "ein Tier" in html
    assert len(frames) == kept  # the page around them was kept
    # What the frame shows still moves it on.
    assert client.post(f"/articles/{aid}/position", data={"n": "3"}).status_code == 204
    assert 'data-position="3"' in page(client, aid) and len(frames) == kept + 1


def test_the_count_of_notes_loaded_after_a_kept_frame_follows_new_highlights(client, db, aid, monkeypatch):
    from annotations.reading import views
    monkeypatch.setattr(views, "PANEL_INLINE_MAX", 0)  # every list of notes loads after the page
    highlights.create(db, aid, 1, 4, 8, "Hund")
    assert "Loading 1 highlights and notes" in page(client, aid)
    highlights.create(db, aid, 2, 4, 9, "Katze")
    assert "Loading 2 highlights and notes" in page(client, aid)


def test_a_write_by_another_connection_shows_on_the_next_view(client, db, aid):
    # The command line, a background job or another process: the triggers see every writer.
    page(client, aid)
    highlights.create(db, aid, 1, 4, 8, "Hund", note="bellt")
    assert "bellt" in page(client, aid)
    db.execute("UPDATE articles SET title = 'Haustiere' WHERE id = ?", [aid])
    assert "<title>Haustiere · Randnotiz</title>" in page(client, aid)


def test_the_reading_position_shows_on_the_next_view(client, aid):
    assert 'data-position="3"' not in page(client, aid)
    assert client.post(f"/articles/{aid}/position", data={"n": "3"}).status_code == 204
    assert 'data-position="3"' in page(client, aid)


def test_an_edited_title_and_text_show_on_the_next_view(client, aid):
    page(client, aid)
    r = client.post(f"/articles/{aid}/edit", data={"title": "Neue Tiere", "text": "Die Maus piept.\n\nDer Hund bellt."})
    assert r.status_code == 200
    html = page(client, aid)
    assert "Neue Tiere" in html and "Die Maus piept." in html and "Katze" not in html


def test_a_deleted_article_is_gone_though_its_page_was_kept(client, aid):
    client.get(f"/articles/{aid}")  # kept now
    assert client.post(f"/articles/{aid}/delete", data={"confirm": "yes"}).status_code == 303
    assert client.get(f"/articles/{aid}").status_code == 404


def test_a_translation_shows_on_the_next_view(client, aid):
    page(client, aid)
    assert client.post(f"/articles/{aid}/p/3/translation", headers=HX).status_code == 200
    assert 'id="p-3-en" lang="en"' in page(client, aid)


def test_word_status_changes_the_counts_and_the_undo_offer(client, aid):
    summary = re.compile(r'<summary>\s*(?:<span id="learning-summary"[^>]*>)?(\d+) new')
    new_before = int(summary.search(page(client, aid)).group(1))
    assert client.post("/words/status", data={"word": "Hund", "status": "known"}).status_code == 303
    assert int(summary.search(page(client, aid)).group(1)) == new_before - 1
    assert client.post(f"/articles/{aid}/known").status_code == 303
    html = page(client, aid)
    assert summary.search(html).group(1) == "0" and 'id="undo-known"' in html
    # The undo offer holds only while the bulk change is the latest one.
    client.post("/words/status", data={"word": "Katze", "status": "1"})
    assert 'id="undo-known"' not in page(client, aid)


def test_each_translate_all_shows_its_own_outcome(client, db, aid, fake):
    # A failed attempt's outcome stays on the page; the next one changes only its job's rows.
    fake.mode = "500"
    for _ in range(2):
        assert client.post(f"/articles/{aid}/translate-all", headers=HX).status_code == 202
        job = db.execute("SELECT max(id) FROM translate_jobs").fetchone()[0]
        assert jobs.wait(job, 20)
        assert f'data-job="{job}"' in page(client, aid)
    # A success is told when it ends; the page kept with the failure above it is not shown again.
    fake.mode = "ok"
    client.post(f"/articles/{aid}/translate-all", headers=HX)
    assert jobs.wait(db.execute("SELECT max(id) FROM translate_jobs").fetchone()[0], 20)
    assert "data-job=" not in page(client, aid)


def test_translate_all_progress_is_never_kept(client, db, aid, monkeypatch):
    # A running job turns "interrupted" when it stops making progress: by the clock alone.
    stamp = common.now()
    job = db["translate_jobs"].insert({"article_id": aid, "provider": "google", "status": "running", "total": 3,
                                       "cancel_requested": 0, "created": stamp, "updated": stamp}).last_pk
    db["translate_job_items"].insert_all({"job_id": job, "article_id": aid, "n": n, "status": "pending"}
                                         for n in (1, 2, 3))
    assert 'id="translate-all-progress"' in page(client, aid)

    class Later(datetime):
        @classmethod
        def now(cls, tz=None):
            return datetime.now(tz) + timedelta(hours=1)

    monkeypatch.setattr(jobs, "datetime", Later)
    html = page(client, aid)
    assert "Interrupted: 0 of 3 paragraphs translated" in html and 'id="translate-all-progress"' not in html


def test_a_restored_backup_is_shown_even_when_its_counters_match(client, db, aid, tmp_path, app):
    # SQLite's backup copies the counters back: equal sums must not bring back the page kept before.
    backup = tmp_path / "backup.db"
    commands.backup(app.config["DATABASE"], str(backup))
    db.execute("UPDATE articles SET title = 'Zweiter Titel' WHERE id = ?", [aid])
    assert "Zweiter Titel" in page(client, aid)
    commands.restore(app.config["DATABASE"], str(backup))
    restored = connect(app.config["DATABASE"])
    try:
        schema.prepare(restored)
        restored.execute("UPDATE articles SET title = 'Dritter Titel' WHERE id = ?", [aid])
    finally:
        restored.close()
    html = page(client, aid)
    assert "Dritter Titel" in html and "Zweiter Titel" not in html


def test_a_kept_page_still_answers_304_and_changes_its_etag_with_the_page(client, db, aid):
    first = client.get(f"/articles/{aid}")
    etag = first.headers["ETag"]
    again = client.get(f"/articles/{aid}", headers={"If-None-Match": etag})
    assert again.status_code == 304 and not again.get_data()
    highlights.create(db, aid, 1, 4, 8, "Hund")
    changed = client.get(f"/articles/{aid}", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["ETag"] != etag and "<mark" in changed.get_data(as_text=True)


def test_a_kept_page_compressed_is_the_same_page(client, db, aid):
    plain = client.get(f"/articles/{aid}").get_data()
    for _ in range(2):  # compressed once, then the kept bytes
        r = client.get(f"/articles/{aid}", headers={"Accept-Encoding": "gzip"})
        assert r.headers["Content-Encoding"] == "gzip" and gzip.decompress(r.get_data()) == plain
        r = client.get(f"/articles/{aid}", headers={"Accept-Encoding": "br"})
        assert r.headers["Content-Encoding"] == "br" and brotli.decompress(r.get_data()) == plain
    highlights.create(db, aid, 1, 4, 8, "Hund")
    r = client.get(f"/articles/{aid}", headers={"Accept-Encoding": "gzip"})
    assert b"<mark" in gzip.decompress(r.get_data())


def test_responses_without_a_page_etag_are_compressed_afresh(client, db, aid):
    # Only HTML pages are kept compressed (by the hash of their bytes): an export changes under the same URL.
    url = f"/articles/{aid}/export.md"
    highlights.create(db, aid, 1, 4, 8, "Hund", note="erste Notiz " * 60)
    first = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert first.headers["Content-Encoding"] == "gzip" and b"erste Notiz" in gzip.decompress(first.get_data())
    highlights.create(db, aid, 2, 4, 9, "Katze", note="zweite Notiz " * 60)
    second = gzip.decompress(client.get(url, headers={"Accept-Encoding": "gzip"}).get_data())
    assert b"zweite Notiz" in second
