"""The command line: import FILE|URL, export, backup (while another connection writes), restore."""
import json
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from annotations import commands, schema
from annotations.notes import highlights
from annotations.reading import articles
from annotations.sqlite import connect
from tests.reading.test_formats import site  # noqa: F401 (serves the test pages, /cp1252 among them)

ROOT = Path(__file__).resolve().parent.parent
ENV = {"PATH": "/usr/bin:/bin", "DING_PATH": "/nonexistent", "FREEDICT_PATH": "/nonexistent"}


def app_py(*args):
    return subprocess.run([sys.executable, "app.py", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env=ENV)


def test_import_a_file_then_export_backup_and_restore(tmp_path):
    db = str(tmp_path / "r.db")
    (tmp_path / "text.md").write_text("# Der Titel\n\nEin Absatz.\n\n- ein Punkt\n", encoding="utf-8")
    done = app_py("--db", db, "import", str(tmp_path / "text.md"))
    assert done.returncode == 0 and "Imported “Der Titel” as article 2." in done.stdout
    assert app_py("export", str(tmp_path / "e.jsonld"), "--db", db).returncode == 0
    exported = json.loads((tmp_path / "e.jsonld").read_text(encoding="utf-8"))
    assert [a["title"] for a in exported["randnotiz"]["articles"]][-1] == "Der Titel"
    assert app_py("--db", db, "backup", str(tmp_path / "b.db")).returncode == 0
    for source, target in (("b.db", "from-backup.db"), ("e.jsonld", "from-export.db")):
        done = app_py("--db", str(tmp_path / target), "restore", str(tmp_path / source))
        assert done.returncode == 0, done.stderr
        restored = connect(tmp_path / target)
        assert [(b["kind"], b["text"]) for b in articles.get_blocks(restored, 2)] == [
            ("paragraph", "Ein Absatz."), ("list", "ein Punkt")]
        restored.close()


@pytest.mark.parametrize("name, heading", [("treffen.txt", ""), ("treffen.md", "# ")])
def test_an_imported_files_first_line_becomes_its_title_and_is_not_lost(db, tmp_path, name, heading):
    text = ("Ein Treffen in Brüssel\n\nDie Minister trafen sich am Montag. Sie sprachen lange.\n\n"
            "Danach gab es ein Essen.\n\nAm Abend fuhren alle nach Hause.")
    (tmp_path / name).write_text(heading + text, encoding="utf-8")
    article_id, title = commands.import_source(db, str(tmp_path / name))
    # Nothing typed: the heading is the title (the reader's <h1>), the three paragraphs the text.
    assert title == "Ein Treffen in Brüssel"
    assert [(b["kind"], b["text"][:12]) for b in articles.get_blocks(db, article_id)] == [
        ("paragraph", "Die Minister"), ("paragraph", "Danach gab e"), ("paragraph", "Am Abend fuh")]

def test_import_a_web_page_by_address(db, site):  # noqa: F811 (the loopback web server)
    # The test site is on 127.0.0.1: allowed as READER_ALLOW_PRIVATE_URLS=1 allows it.
    with_user = site.replace("http://", "http://anna:geheim@")
    article_id, title = commands.import_source(db, with_user + "/cp1252", allow_private=True)
    assert title == "Erdöl: Woher es kommt"
    assert articles.get_article(db, article_id)["source_url"] == site + "/cp1252"  # no credentials kept
    assert "list" in {b["kind"] for b in articles.get_blocks(db, article_id)}


def test_the_command_line_imports_public_pages_only(db, site, tmp_path):  # noqa: F811
    with pytest.raises(commands.CommandError, match="local network"):
        commands.import_source(db, site + "/cp1252")
    done = app_py("--db", str(tmp_path / "r.db"), "import", site + "/cp1252")
    assert done.returncode == 1 and "local network" in done.stderr and "Traceback" not in done.stderr
    assert db["articles"].count == 1


@pytest.mark.parametrize("args, message", [
    (["import", "/nonexistent/text.txt"], "There is no file /nonexistent/text.txt"),
    (["import", "ftp://example.com/x"], "There is no file"),
    (["restore", "/nonexistent.db"], "There is no file"),
])
def test_mistakes_are_one_clear_line(tmp_path, args, message):
    done = app_py("--db", str(tmp_path / "r.db"), *args)
    assert done.returncode == 1 and message in done.stderr and "Traceback" not in done.stderr


def test_restore_refuses_what_is_not_a_randnotiz_backup(tmp_path, db_path, db):
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    before = db["articles"].count
    with pytest.raises(commands.CommandError, match="not a Randnotiz backup"):
        commands.restore(db_path, str(other))
    (tmp_path / "junk.jsonld").write_text("{nope", encoding="utf-8")
    with pytest.raises(commands.CommandError, match="neither"):
        commands.restore(db_path, str(tmp_path / "junk.jsonld"))
    assert db["articles"].count == before


def test_backup_while_another_connection_writes(tmp_path, db_path, db):
    article_id = articles.last_read_article(db)
    text = articles.get_block(db, article_id, 2)["text"]
    started, stop, written = threading.Event(), threading.Event(), []

    def writer():
        conn = connect(db_path)
        try:
            while not stop.is_set():
                with conn.atomic():
                    a = highlights.create(conn, article_id, 2, 0, 3, text[:3], note=f"Notiz {len(written)}")
                    articles.create_article(conn, f"Titel {len(written)}\n\nText Nummer {len(written)}.")
                written.append(a["id"])
                started.set()
        finally:
            conn.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert started.wait(60)
        done = app_py("--db", db_path, "backup", str(tmp_path / "b.db"))
        # A second backup, in process, also while the writer goes on.
        commands.backup(db_path, str(tmp_path / "b2.db"))
    finally:
        stop.set()
        thread.join(60)
    assert done.returncode == 0, done.stderr
    for name in ("b.db", "b2.db"):
        copy = connect(tmp_path / name)
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        notes = copy["highlights"].count
        # A consistent snapshot: each transaction wrote one note and one article, wholly or not at all.
        assert 1 <= notes <= len(written) and copy["articles"].count == notes + 1
        schema.migrate(copy)  # the copy is a working database
        copy.close()


@pytest.mark.parametrize("kind", ["backup", "export"])
def test_a_restore_gives_saved_words_from_before_status_keys_their_key(tmp_path, db_path, db, lemmatiser, kind):
    from annotations.learning import status
    from annotations.words import vocab
    # Saved before status keys: no key, its status under its headword's key ("verbündete"),
    # which the text, keyed "verbündeter" where it says "Verbündeten", never paints.
    text = "Die Ukraine und ihre Verbündeten beschuldigen Teheran."
    article = articles.create_article(db, text)
    at = text.index("Verbündeten")
    vocab.save(db, lemma="Verbündeter", surface="Verbündeten", gloss="ally", sentence=text, translation="",
               article_id=article, block_n=1, start=at, end=at + len("Verbündeten"), sentence_start=0)
    status.set_status(db, "Verbündeter", "learning", 3)
    saved = tmp_path / ("saved.db" if kind == "backup" else "saved.jsonld")
    commands.backup(db_path, str(saved)) if kind == "backup" else commands.export(db, str(saved))
    fresh = str(tmp_path / "fresh.db")
    commands.open_database(fresh).close()
    commands.restore(fresh, str(saved))
    restored = connect(fresh)
    word = vocab.find(restored, "Verbündeter")
    assert word["status_key"] == status.key_of("Verbündeten")
    assert status.get(restored, word["status_key"])["level"] == 3
