"""The schema: deleting an article takes exactly what belongs to it; upgrades keep every row."""
from annotations import schema
from annotations.notes import highlights
from annotations.reading import articles
from annotations.sqlite import connect
from annotations.translation import jobs
from annotations.words import vocab

TEXT = "Titel\n\nDer Hund schläft im Garten.\n\nDie Katze wacht."


def fill(db, art):
    """Give the article one of everything that can hang off it, plus a saved word and a translation."""
    highlights.create(db, art, 1, 4, 8, "Hund")
    highlights.create_paragraph_note(db, art, 2, "Notiz")
    articles.set_position(db, art, 2)
    job = db["translate_jobs"].insert({"article_id": art, "provider": "google", "status": "done", "total": 1,
                                       "cancel_requested": 0, "created": "t", "updated": "t"}).last_pk
    db["translate_job_items"].insert({"job_id": job, "article_id": art, "n": 1, "status": "done"})
    db["translations"].insert({"provider": "google", "source_lang": "de", "target_lang": "en", "text_hash": "h",
                               "text": "Der Hund", "translation": "The dog", "created": "t"}, ignore=True)
    vocab.save(db, lemma="Hund", surface="Hund", gloss="dog", sentence="Der Hund schläft im Garten.",
               translation="", article_id=art, block_n=1, start=4, end=8, sentence_start=0)


OWNED = ["blocks", "reading_positions", "highlights", "translate_jobs", "translate_job_items"]


def counts(db, art):
    return {t: db[t].count_where("article_id = ?", [art]) for t in OWNED}


def test_deleting_an_article_removes_what_belongs_to_it_and_keeps_the_words(db):
    art, other = articles.create_article(db, TEXT), articles.create_article(db, TEXT)
    fill(db, art)
    fill(db, other)
    articles.delete_article(db, art)
    assert articles.get_article(db, art) is None
    assert all(n == 0 for n in counts(db, art).values())
    assert all(n > 0 for n in counts(db, other).values())  # the other article is untouched
    assert vocab.find(db, "Hund") is not None  # the learner's word outlives the article
    assert db["translations"].count == 1  # the cache is keyed by text, not by article


def test_upgrading_a_database_without_cascades_keeps_every_row(db_path):
    old = connect(db_path)
    old.execute("PRAGMA journal_mode = WAL")
    # The schema as it was before the cascade migrations, then an article with everything.
    for migrations in schema.MIGRATIONS:
        migrations.apply(old, stop_before={"m002_cascade"})
    art = articles.create_article(old, TEXT)
    fill(old, art)
    before = counts(old, art)
    old.close()
    db = connect(db_path)
    schema.migrate(db)
    assert counts(db, art) == before
    assert "ON DELETE CASCADE" in db["highlights"].schema
    articles.delete_article(db, art)
    assert all(n == 0 for n in counts(db, art).values())
    assert jobs.migrations.pending(db) == []
    db.close()
