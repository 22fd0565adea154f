"""Word status per lemma: shared by inflections, marked in the text, set in bulk and undone."""
import pytest

from annotations.learning import marking, status
from annotations.reading import articles

TEXT = "Der Soldat sieht die Soldaten.\n\nDie Soldaten schlafen. Der Hund sieht die Häuser."


@pytest.fixture
def article(db, lemmatiser):
    return articles.create_article(db, TEXT, title="Soldaten")


def marked(db, article_id):
    """Return {word as written: class} of every word the page paints."""
    return marking.paint(db, article_id)[0]


def test_status_is_shared_by_inflections(db, article):
    status.set_status(db, "Soldaten", "learning", 3)
    assert status.get(db, status.key_of("Soldat")) == {"status": "learning", "level": 3}
    words = marked(db, article)
    assert words["soldat"] == words["soldaten"] == "ws-l3"
    assert words["hund"] == "ws-new"


def test_known_and_ignored_words_are_left_out(db, article):
    status.set_status(db, "Soldat", "known")
    status.set_status(db, "Hund", "ignored")
    words = marked(db, article)
    assert "soldat" not in words and "soldaten" not in words and "hund" not in words
    assert words["häuser"] == "ws-new"


@pytest.mark.parametrize("raw", ["0", "6", "12", "learning-9", "bekannt", "", "²", "known "*20])
def test_unknown_status_is_refused(raw):
    with pytest.raises(status.StatusError):
        status.parse(raw)


@pytest.mark.parametrize("raw, expected", [("1", ("learning", 1)), ("5", ("learning", 5)),
                                           ("learning-2", ("learning", 2)), ("known", ("known", None)),
                                           ("ignored", ("ignored", None)), ("new", ("new", None))])
def test_statuses_parse(raw, expected):
    assert status.parse(raw) == expected


def test_bulk_known_with_undo(db, article):
    status.set_status(db, "Hund", "learning", 2)
    new = marking.new_words(db, article)
    assert status.key_of("Hund") not in new and status.key_of("Soldaten") in new
    batch, changed = status.set_many(db, new, "known", article_id=article)
    assert changed == len(new)
    assert marking.new_words(db, article) == {}
    assert marking.article_counts(db, article)["percent_known"] < 100  # "Hund" is still learning
    assert status.last_batch(db, article)["id"] == batch

    assert status.undo_batch(db, batch) == changed
    assert marking.new_words(db, article) == new
    assert status.get(db, status.key_of("Hund")) == {"status": "learning", "level": 2}
    with pytest.raises(status.StatusError):
        status.undo_batch(db, batch)


def test_undo_is_offered_only_while_the_bulk_change_is_the_last(db, article):
    status.set_many(db, marking.new_words(db, article), "known", article_id=article)
    status.set_status(db, "Hund", "learning", 1)
    assert status.last_batch(db, article) is None


def test_saving_starts_learning_at_level_1_but_keeps_a_status(db, lemmatiser):
    status.start_learning(db, "Katze")
    assert status.get(db, "katze") == {"status": "learning", "level": 1}
    status.set_status(db, "Hund", "known")
    status.start_learning(db, "Hund")
    assert status.get(db, "hund")["status"] == "known"
