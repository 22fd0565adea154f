"""Search views: the results page (also the target of the navigation's search box)."""
from flask import Blueprint, render_template, request

from ..db import get_db
from ..words import lemmas
from . import store

bp = Blueprint("search", __name__)


@bp.get("/search")
def results():
    db = get_db()
    # Searching is when inflected forms matter: start loading the lemmatiser (in the background).
    lemmas.warm_up()
    q = request.args.get("q", "")[:store.MAX_QUERY_CHARS]
    store.refresh(db)
    found = store.search(db, q) if q.strip() else None
    return render_template("search/results.html", q=q, found=found,
                           # Inflected forms are found once the lemmatiser has loaded.
                           lemmas_ready=lemmas.ready())
