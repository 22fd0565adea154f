"""Counts per article: words, lemmas, new/learning/known, % known of the running words, difficulty."""
from annotations.learning import marking, status
from annotations.reading import articles

# 11 running words; lemmas: der (Der, die, Die, die), Soldat (x3), sehen (x2), schlafen, Hund, Haus.
TEXT = "Der Soldat sieht die Soldaten.\n\nDie Soldaten schlafen. Der Hund sieht die Häuser."


def test_counts_of_a_small_text(db, lemmatiser):
    article = articles.create_article(db, TEXT)
    c = marking.article_counts(db, article)
    assert (c["words"], c["lemmas"], c["new"], c["known"], c["percent_known"]) == (13, 6, 6, 0, 0.0)
    assert c["difficulty"] == "very hard"

    status.set_status(db, "der", "known")  # 5 of the 13 running words
    status.set_status(db, "Soldat", "learning", 2)
    c = marking.article_counts(db, article)
    assert (c["new"], c["learning"], c["known"]) == (4, 1, 1)
    assert c["percent_known"] == 38.4  # 5/13, rounded down

    for word in ("sehen", "schlafen", "Hund", "Haus", "Soldat"):
        status.set_status(db, word, "known")
    c = marking.article_counts(db, article)
    assert (c["percent_known"], c["difficulty"]) == (100.0, "easy")


def test_counts_follow_an_edited_text(db, lemmatiser):
    article = articles.create_article(db, TEXT)
    assert marking.article_counts(db, article)["words"] == 13
    articles.replace_text(db, article, "Der Hund schläft.")
    assert marking.article_counts(db, article)["words"] == 3


def test_counts_go_with_a_deleted_article(db, lemmatiser):
    article = articles.create_article(db, TEXT)
    marking.article_counts(db, article)
    articles.delete_article(db, article)
    assert db.execute("SELECT count(*) FROM article_words WHERE article_id = ?", [article]).fetchone()[0] == 0
