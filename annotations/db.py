"""The web layer's database: one connection per request on `g`, created and migrated at start."""
from flask import current_app, g

from . import schema
from .sqlite import connect


def get_db():
    """Return this request's Database, opening it on first use."""
    if "db" not in g:
        g.db = connect(current_app.config["DATABASE"])
    return g.db


def close_db(exc=None):
    """Close this request's Database, if one was opened."""
    db = g.pop("db", None)
    if db is not None:
        db.close()


def init_app(app):
    """Create or upgrade the database and register per-request teardown."""
    app.teardown_appcontext(close_db)
    db = connect(app.config["DATABASE"])
    try:
        schema.prepare(db)
        schema.recover(db)
    finally:
        db.close()
