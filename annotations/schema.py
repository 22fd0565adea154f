"""The database's shape: every feature's migrations in order, and the first-start seed."""
from . import paragraphs
from .learning import marking, review, speech, status
from .notes import highlights
from .search import store as search_store
from .reading import articles
from .translation import jobs, translate
from .words import dictionary, vocab

# Order matters only for foreign keys: articles first.
MIGRATIONS = [
    articles.migrations,
    translate.migrations,
    jobs.migrations,
    highlights.migrations,
    dictionary.migrations,
    vocab.migrations,
    status.migrations,
    marking.migrations,
    review.migrations,
    speech.migrations,
    # Last: their triggers watch every table above.
    search_store.migrations,
    paragraphs.migrations,
]


def migrate(db):
    """Apply every pending migration of every feature, in order."""
    # WAL lets the background translate/import threads write while pages read.
    db.execute("PRAGMA journal_mode = WAL")
    for migrations in MIGRATIONS:
        migrations.apply(db)
    paragraphs.ensure_triggers(db)


def prepare(db):
    """Create or upgrade the database and store the bundled article on the very first start."""
    migrate(db)
    articles.seed_default(db)


def recover(db):
    """Mark work that a previous run of the server left unfinished (it cannot be 'running' now)."""
    jobs.interrupt_orphaned(db)
