"""Translate all: one background job per article, a few workers toward the provider, state in SQLite."""
import logging
import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone

from sqlite_utils import Migrations

from ..reading import articles
from . import translate
from ..common import now, parse_time
from ..sqlite import cascade_delete, connect

TRANSLATABLE = ("heading", "paragraph", "list", "quote")  # site chrome is left out

migrations = Migrations("randnotiz.translate_jobs")

log = logging.getLogger(__name__)

_threads = {}  # job id -> runner thread, so tests and benchmarks can wait for the end


@migrations()
def m001_translate_jobs(db):
    # Databases from before the feature packages got these tables from translate's migrations.
    if db["translate_jobs"].exists():
        return
    db["translate_jobs"].create(
        {"id": int, "article_id": int, "provider": str, "status": str, "total": int,
         "cancel_requested": int, "created": str, "updated": str},
        pk="id", not_null={"article_id", "provider", "status", "total", "created", "updated"},
        defaults={"cancel_requested": 0},
    )
    # At most one running job per article, even when two requests race.
    db.execute("CREATE UNIQUE INDEX translate_jobs_one_running ON translate_jobs(article_id) "
               "WHERE status = 'running'")
    db["translate_job_items"].create(
        {"job_id": int, "article_id": int, "n": int, "status": str, "cause": str, "message": str,
         "seq": int},
        pk=("job_id", "n"), not_null={"job_id", "article_id", "n", "status"},
    )


@migrations()
def m002_cascade(db):
    # A job and its items belong to their article and go with it.
    cascade_delete(db, "translate_jobs", "article_id")
    cascade_delete(db, "translate_job_items", "article_id")


@migrations()
def m003_dismissed(db):
    # The last attempt's outcome stays above the text until the reader dismisses it (1).
    if "dismissed" not in db["translate_jobs"].columns_dict:
        db["translate_jobs"].add_column("dismissed", int, not_null_default=0)


def _now():
    return now(ms=True)


def _running_job(db, article_id):
    rows = list(db.query("SELECT * FROM translate_jobs WHERE article_id = ? AND status = 'running'",
                         [article_id]))
    return rows[0] if rows else None


def _expire_stale(db, article_id, ts):
    """Mark a running job whose process died (no progress for long) as interrupted."""
    job = _running_job(db, article_id)
    if job is None:
        return
    quiet = timedelta(seconds=ts.timeout * 3 + 30)
    if parse_time(job["updated"]) < datetime.now(timezone.utc) - quiet:
        with db.atomic():
            _close_job(db, job["id"], "interrupted")


def start_job(db, database, article_id, ts):
    """Start translating every heading and paragraph of the article; return the job id.

    If a job for the article is already running, return that one instead of starting another.
    The job's workers open their own connections to the database file `database`.
    """
    _expire_stale(db, article_id, ts)
    existing = _running_job(db, article_id)
    if existing is not None:
        return existing["id"]
    blocks = [b for b in articles.get_blocks(db, article_id) if b["kind"] in TRANSLATABLE]
    now = _now()
    try:
        with db.atomic():
            job_id = db["translate_jobs"].insert({
                "article_id": article_id, "provider": ts.provider,
                "status": "running", "total": len(blocks), "cancel_requested": 0,
                "created": now, "updated": now,
            }).last_pk
            db["translate_job_items"].insert_all(
                {"job_id": job_id, "article_id": article_id, "n": b["n"], "status": "pending"}
                for b in blocks)
    except sqlite3.IntegrityError:  # another request started one a moment ago
        return _running_job(db, article_id)["id"]
    thread = threading.Thread(target=_run, args=(database, ts, job_id, blocks),
                              name=f"translate-all-{job_id}", daemon=True)
    _threads[job_id] = thread
    thread.start()
    return job_id


def _run(database, ts, job_id, blocks):
    """Translate the job's blocks with a bounded pool; each worker thread has its own connection."""
    local = threading.local()
    connections = []
    lock = threading.Lock()

    def conn():
        if not hasattr(local, "db"):
            local.db = connect(database)
            with lock:
                connections.append(local.db)
        return local.db

    def work(block):
        db = conn()
        if db.execute("SELECT cancel_requested FROM translate_jobs WHERE id = ?", [job_id]).fetchone()[0]:
            _finish_item(db, job_id, block["n"], "cancelled")
            return
        try:
            translate.translate(db, block["text"], ts)
        except translate.TranslationError as e:
            _finish_item(db, job_id, block["n"], "failed", e.cause, e.message)
        except Exception as e:  # noqa: BLE001 (one paragraph's surprise must not stop the others)
            log.exception("Translate all: paragraph %s of job %s", block["n"], job_id)
            _finish_item(db, job_id, block["n"], "failed", "error", f"Unexpected error: {type(e).__name__}")
        else:
            _finish_item(db, job_id, block["n"], "done")

    def guarded(block):
        try:
            work(block)
        except Exception:  # noqa: BLE001 (e.g. the database was unreachable: the item stays pending)
            log.exception("Translate all: could not record paragraph %s of job %s", block["n"], job_id)

    try:
        with ThreadPoolExecutor(max_workers=ts.workers, thread_name_prefix=f"tr-job-{job_id}") as pool:
            list(pool.map(guarded, blocks))
    finally:
        db = connect(database)
        try:
            with db.atomic():
                _close_job(db, job_id)
        finally:
            db.close()
            for c in connections:
                c.close()


def _close_job(db, job_id, status=None):
    """End a job: cancelled, done, or interrupted if any paragraph is still pending (never 'done' then)."""
    db.execute(
        "UPDATE translate_jobs SET status = COALESCE(?, CASE WHEN cancel_requested THEN 'cancelled' "
        " WHEN EXISTS (SELECT 1 FROM translate_job_items WHERE job_id = translate_jobs.id AND status = 'pending')"
        " THEN 'interrupted' ELSE 'done' END), updated = ? WHERE id = ?", [status, _now(), job_id])
    db.execute("UPDATE translate_job_items SET status = 'cancelled' WHERE job_id = ? AND status = 'pending'",
               [job_id])


def interrupt_orphaned(db):
    """Mark running jobs that no thread of this process runs (a restart cut them short) as interrupted."""
    alive = [job_id for job_id, thread in list(_threads.items()) if thread.is_alive()]
    with db.atomic():
        for (job_id,) in db.execute(
                f"SELECT id FROM translate_jobs WHERE status = 'running' AND id NOT IN ({','.join('?' * len(alive))})",
                alive).fetchall():
            _close_job(db, job_id, "interrupted")


def _finish_item(db, job_id, n, status, cause=None, message=None):
    with db.atomic():
        # One statement, so the sequence number is taken and written atomically across workers.
        db.execute(
            "UPDATE translate_job_items SET status = ?, cause = ?, message = ?, "
            "seq = (SELECT COALESCE(MAX(seq), 0) + 1 FROM translate_job_items WHERE job_id = ?) "
            "WHERE job_id = ? AND n = ?", [status, cause, message, job_id, job_id, n])
        db.execute("UPDATE translate_jobs SET updated = ? WHERE id = ?", [_now(), job_id])


def cancel_job(db, article_id):
    """Ask the article's running job to stop; calls already in flight finish (and are cached)."""
    job = _running_job(db, article_id)
    if job is not None:
        with db.atomic():
            db.execute("UPDATE translate_jobs SET cancel_requested = 1, updated = ? WHERE id = ?",
                       [_now(), job["id"]])
    return job is not None


def dismiss(db, article_id, job_id):
    """Stop showing a finished job's outcome (one short write); say whether there was one to dismiss."""
    with db.atomic():
        return db.execute("UPDATE translate_jobs SET dismissed = 1 WHERE id = ? AND article_id = ? "
                          "AND status != 'running'", [job_id, article_id]).rowcount > 0


def wait(job_id, timeout=None):
    """Block until the job's runner thread ends (this process only); say whether it did."""
    thread = _threads.get(job_id)
    if thread is not None:
        thread.join(timeout)
        if not thread.is_alive():
            _threads.pop(job_id, None)
            return True
        return False
    return True


def job_state(db, article_id, ts, after=0):
    """Return the article's latest job with its counts and items finished after seq `after` (None: none)."""
    _expire_stale(db, article_id, ts)
    rows = list(db.query("SELECT * FROM translate_jobs WHERE article_id = ? ORDER BY id DESC LIMIT 1",
                         [article_id]))
    if not rows:
        return None
    job = rows[0]
    ordinals = articles.paragraph_ordinals(db, article_id)
    # Translate all covers paragraphs and headings; anything unnumbered is a heading.
    failed = [{**r, "label": f"paragraph {ordinals[r['n']]}" if r["n"] in ordinals else "heading"}
              for r in db.query(
        "SELECT n, cause, message FROM translate_job_items WHERE job_id = ? AND status = 'failed' ORDER BY n",
        [job["id"]])]
    fresh = [] if after is None else list(db.query(
        "SELECT n, status, cause, message, seq FROM translate_job_items WHERE job_id = ? AND seq > ? "
        "ORDER BY seq", [job["id"], after]))
    seq = db.execute("SELECT COALESCE(MAX(seq), 0) FROM translate_job_items WHERE job_id = ?",
                     [job["id"]]).fetchone()[0]
    # The same units as the reader's "Paragraph 3 of 6": numbered blocks are paragraphs, the rest
    # headings. One pass over the items gives both these and the job's totals.
    counts = {}
    kinds = {kind: {"total": 0, "done": 0, "failed": 0, "finished": 0} for kind in ("paragraph", "heading")}
    for n, status in db.execute("SELECT n, status FROM translate_job_items WHERE job_id = ?", [job["id"]]):
        counts[status] = counts.get(status, 0) + 1
        k = kinds["paragraph" if n in ordinals else "heading"]
        k["total"] += 1
        if status in ("done", "failed"):
            k[status] += 1
        if status != "pending":
            k["finished"] += 1
    done, nfailed = counts.get("done", 0), counts.get("failed", 0)
    return {
        **job,
        "running": job["status"] == "running",
        "done": done,
        "failed": nfailed,
        "cancelled": counts.get("cancelled", 0),
        "finished": done + nfailed + counts.get("cancelled", 0),
        "failures": failed,
        "kinds": kinds,
        "fresh": fresh,
        "seq": seq,
    }


def shown_state(db, article_id, ts):
    """Return the job the reading page shows above the text (as job_state), or None.

    A running job; else the last attempt's outcome while it tells something (some paragraphs
    failed, it was cancelled or cut short), until the reader dismisses it or a later attempt
    succeeds. A clean success is told when it ends, not again on later visits.
    """
    job = job_state(db, article_id, ts, after=None)
    if job is None or job["running"]:
        return job
    if job["dismissed"] or (job["status"] == "done" and not job["failed"]):
        return None
    return job
