"""The web layer's database: one kept connection per request on `g`; the file created and migrated at start."""
from flask import current_app, g

from . import schema
from .sqlite import borrow, connect, give_back


def get_db():
    """Return this request's Database: a kept connection to the app's file (sqlite.borrow)."""
    if "db" not in g:
        g.db = borrow(current_app.config["DATABASE"])
    return g.db


def close_db(exc=None):
    """Give this request's Database back for the next request, if one was used; close it after an error."""
    db = g.pop("db", None)
    if db is None:
        return
    if exc is not None:
        # The failed request's half-read rows may outlive it (the exception holds them until the
        # collector runs), and their statement pins an old snapshot: closing ends it with them.
        db.close()
    else:
        give_back(db)


def init_app(app):
    """Create or upgrade the database and register per-request teardown."""
    app.teardown_appcontext(close_db)
    db = connect(app.config["DATABASE"])
    try:
        schema.prepare(db)
        schema.recover(db)
    finally:
        db.close()
