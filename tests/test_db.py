"""The database layer: migrations re-run safely, and concurrent atomic writes never fail as 'locked'."""
import threading

import pytest

from annotations.db import get_db
from annotations.schema import migrate
from annotations.sqlite import borrow, connect, give_back


def test_migrations_rerun_without_change(app, db):
    before = db.schema
    migrate(db)
    assert db.schema == before
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.parametrize("writers", [2, 4])
def test_read_then_write_transactions_from_many_threads_all_land(app, writers):
    """A read followed by a write in one atomic block, from several connections at once."""
    path, errors, rounds = app.config["DATABASE"], [], 100

    def work(i):
        db = connect(path)
        try:
            for r in range(rounds):
                with db.atomic():
                    n = db.execute("SELECT count(*) FROM meta").fetchone()[0]
                    db["meta"].insert({"key": f"w{i}-{r}", "value": str(n)})
        except Exception as e:  # collected: an assertion in a thread would be lost
            errors.append(e)
        finally:
            db.close()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    check = connect(path)
    assert check["meta"].count_where("key LIKE 'w%'") == writers * rounds
    check.close()


def test_a_kept_connection_is_reused_and_never_carries_an_unfinished_write(app):
    path = app.config["DATABASE"]
    db = borrow(path)
    db.conn.execute("INSERT INTO meta (key, value) VALUES ('half-done', '1')")  # an open transaction
    give_back(db)
    again = borrow(path)
    try:
        assert again is db  # no new connection: the schema is not parsed again
        assert again.execute("SELECT count(*) FROM meta WHERE key = 'half-done'").fetchone()[0] == 0
    finally:
        give_back(again)


def test_a_database_file_made_anew_at_the_same_path_gets_a_new_connection(tmp_path):
    path = tmp_path / "again.db"
    db = borrow(path)
    db["meta"].insert({"key": "old", "value": "1"})
    give_back(db)
    path.unlink()
    fresh = borrow(path)
    try:
        assert fresh is not db
        assert not fresh["meta"].exists()  # not the deleted file's table
    finally:
        give_back(fresh)



def test_a_request_that_failed_mid_query_leaves_no_old_snapshot_to_the_next(make_app):
    # An unhandled error keeps the failed view's half-read rows alive (Flask holds the exception
    # in a reference cycle until the collector runs): their statement pins the snapshot they
    # read. A connection kept with it would show the next request that old state, and refuse
    # its writes at once ("database is locked").
    app = make_app()

    @app.get("/fails-mid-query")
    def fails_mid_query():
        rows = get_db().query("SELECT n FROM blocks")
        for _ in rows:
            raise RuntimeError("a bug in a view")

    with pytest.raises(RuntimeError) as failed:
        app.test_client().get("/fails-mid-query")
    other = connect(app.config["DATABASE"])
    other["meta"].insert({"key": "written-after", "value": "1"})
    other.close()
    with app.app_context():
        db = get_db()
        assert db.execute("SELECT count(*) FROM meta WHERE key = 'written-after'").fetchone()[0] == 1
        db["meta"].insert({"key": "and-a-write", "value": "1"})
    assert failed.value  # the failed request's rows are still referenced until here
