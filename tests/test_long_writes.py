"""Long writes never starve the reader's clicks (defect 3), on a real server and a real SQLite file.

A 2,000-annotation backup import, an edit of a long annotated article and Translate all run
together while the reader keeps writing; then the server is killed mid-job and restarted.
"""
import json
import signal
import subprocess
import sys
import threading
from pathlib import Path

import requests

from annotations import schema
from annotations.notes import exports, highlights
from annotations.reading import articles
from annotations.sqlite import connect

ROOT = Path(__file__).resolve().parent.parent
SENTENCE = "Der Hund läuft schnell über die Straße und bellt laut. Die Katze schläft ruhig auf dem Sofa."


def long_text(n, tag):
    return "\n\n".join(f"{tag} {i}: {SENTENCE}" for i in range(n))


def annotated(db, paragraphs, marks, tag):
    article_id = articles.create_article(db, f"Titel {tag}\n\n" + long_text(paragraphs, tag))
    blocks = [b for b in articles.get_blocks(db, article_id) if b["kind"] == "paragraph"]
    for i in range(marks):
        b = blocks[i % len(blocks)]
        start = b["text"].index("Hund")
        highlights.create(db, article_id, b["n"], start, start + 4, "Hund", note=f"Notiz {i}")
    return article_id


def backup_of_2000(tmp_path):
    db = connect(tmp_path / "elsewhere.db")
    schema.prepare(db)
    annotated(db, 400, 2000, "Backup")
    doc = exports.jsonld_export(db, "http://127.0.0.1:5000", None)
    db.close()
    return json.dumps(doc)


def serve(db_path, port, fake):
    env = {"PATH": "/usr/bin:/bin", "DING_PATH": "/nonexistent", "FREEDICT_PATH": "/nonexistent",
           **{k: str(v) for k, v in fake.config("google", TRANSLATE_WORKERS=3).items()}}
    proc = subprocess.Popen([sys.executable, "app.py", "--port", str(port), "--db", str(db_path)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    line = proc.stdout.readline()
    while line and "Open http://" not in line:
        line = proc.stdout.readline()
    assert "Open http://" in line
    proc.log = []  # the server's own words (tracebacks), for the assertion messages
    threading.Thread(target=lambda: proc.log.extend(proc.stdout), daemon=True).start()
    return proc


def free_port():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_long_import_edit_and_translate_all_leave_ordinary_writes_alone(tmp_path, fake):
    db_path = tmp_path / "reader.db"
    db = connect(db_path)
    schema.prepare(db)
    edited = annotated(db, 600, 300, "Absatz")
    small = articles.create_article(db, "Kurz\n\nDer Hund bellt. Die Katze schläft.\n\nNoch ein Absatz hier.")
    backup = backup_of_2000(tmp_path)
    new_text = articles.article_text(db, edited).replace("Katze", "Kater")
    db.close()

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = serve(db_path, port, fake)
    long_done = threading.Event()
    results = {"long": [], "reader": []}

    def long_writes():
        s = requests.Session()
        try:
            results["long"].append(("translate-all", s.post(f"{base}/articles/{edited}/translate-all").status_code))
            results["long"].append(("import", s.post(f"{base}/import", data=backup, timeout=300,
                                                     headers={"Content-Type": "application/ld+json"}).status_code))
        finally:
            long_done.set()

    def edit():
        r = requests.post(f"{base}/articles/{edited}/edit", data={"title": "Titel Absatz", "text": new_text},
                          timeout=300)
        results["long"].append(("edit", r.status_code))

    def reader():
        s = requests.Session()
        i = 0
        while not long_done.is_set() or i < 20:
            i += 1
            n = 1 + i % 2
            results["reader"].append(s.post(f"{base}/articles/{small}/position", data={"n": str(n)}, timeout=60).status_code)
            results["reader"].append(s.post(f"{base}/articles/{small}/highlights", timeout=60, allow_redirects=False, data={
                "block": "1", "start": "4", "end": "8", "exact": "Hund", "note": f"r{i}"}).status_code)

    threads = [threading.Thread(target=t) for t in (long_writes, edit, reader)]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(600)
        assert sorted(results["long"]) == [("edit", 200), ("import", 200), ("translate-all", 202)]
        assert results["reader"] and set(results["reader"]) <= {204, 303}, "".join(proc.log)[-3000:]
        # Stop the server mid-job (a restart), start it again: no job may stay running.
        requests.post(f"{base}/articles/{edited}/translate-all")
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    proc = serve(db_path, port, fake)
    try:
        assert requests.get(f"{base}/articles/{edited}").status_code == 200
    finally:
        proc.terminate()
        proc.wait(10)
    db = connect(db_path)
    stuck = db.execute("SELECT COUNT(*) FROM translate_jobs WHERE status = 'running'").fetchone()[0]
    done_with_pending = db.execute(
        "SELECT COUNT(*) FROM translate_jobs j WHERE status = 'done' AND EXISTS "
        "(SELECT 1 FROM translate_job_items i WHERE i.job_id = j.id AND i.status = 'pending')").fetchone()[0]
    saved = db.execute("SELECT COUNT(*) FROM highlights WHERE note LIKE 'r%'").fetchone()[0]
    imported = db.execute("SELECT COUNT(*) FROM highlights WHERE note LIKE 'Notiz %'").fetchone()[0]
    db.close()
    assert stuck == 0 and done_with_pending == 0
    assert saved == sum(1 for s in results["reader"] if s == 303)
    assert imported == 2000 + 300
