"""Review with FSRS through the `fsrs` package, on a fixed clock: due dates move as the grades say."""
from datetime import datetime, timedelta, timezone

import fsrs
import pytest

from annotations.common import parse_time
from annotations.learning import review, status
from annotations.words import vocab

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
NO_FUZZ = fsrs.Scheduler(enable_fuzzing=False)


def save(db, lemma, surface, sentence):
    start = sentence.index(surface)
    vocab.save(db, lemma=lemma, surface=surface, gloss="meaning of " + lemma, sentence=sentence,
               translation="The English sentence.", article_id=1, block_n=1, start=start,
               end=start + len(surface), sentence_start=0)
    review.start(db, lemma, at=T0)


def due(db, lemma):
    return parse_time(review.get_card(db, lemma)["due"])


@pytest.fixture
def words(db, lemmatiser):
    save(db, "Soldat", "Soldaten", "Die Soldaten schlafen.")
    save(db, "Hund", "Hund", "Der Hund bellt.")
    return ["Soldat", "Hund"]


def test_saved_words_are_due_at_once_and_start_at_learning_1(db, words):
    assert review.due_count(db, T0) == 2
    assert review.next_card(db, T0)["lemma"] == "Soldat"
    assert status.get(db, "soldat") == {"status": "learning", "level": 1}


def test_the_front_is_a_cloze_of_the_saved_sentence(db, words):
    card = review.card_view(review.next_card(db, T0))
    assert (card["before"], card["answer"], card["after"]) == ("Die ", "Soldaten", " schlafen.")
    assert card["translation"] == "The English sentence."


@pytest.mark.parametrize("better, worse", [(2, 1), (3, 2), (4, 3)])
def test_a_better_grade_schedules_later(db, words, better, worse):
    review.grade(db, "Soldat", better, at=T0, scheduler=NO_FUZZ)
    review.grade(db, "Hund", worse, at=T0, scheduler=NO_FUZZ)
    assert due(db, "Soldat") > due(db, "Hund") >= T0


def test_again_brings_the_word_back_within_minutes_and_easy_for_days(db, words):
    review.grade(db, "Soldat", 1, at=T0, scheduler=NO_FUZZ)
    review.grade(db, "Hund", 4, at=T0, scheduler=NO_FUZZ)
    assert due(db, "Soldat") - T0 <= timedelta(minutes=10)
    assert due(db, "Hund") - T0 >= timedelta(days=1)
    assert review.due_count(db, T0 + timedelta(minutes=10)) == 1
    assert review.due_count(db, due(db, "Hund")) == 2


def test_good_grades_make_the_word_mature_and_known(db, words):
    at = T0
    seen = []
    for _ in range(12):
        review.grade(db, "Hund", 3, at=at, scheduler=NO_FUZZ)
        seen.append(status.get(db, "hund")["status"])
        at = due(db, "Hund")
    assert seen[0] == "learning" and seen[-1] == "known"
    assert status.get(db, "hund") == {"status": "known", "level": None}


def test_undo_restores_the_card_and_the_status(db, words):
    before = review.get_card(db, "Hund")
    review.grade(db, "Hund", 4, at=T0, scheduler=NO_FUZZ)
    assert review.get_card(db, "Hund") != before
    assert review.undo_last(db) == "Hund"
    assert review.get_card(db, "Hund") == before
    assert status.get(db, "hund") == {"status": "learning", "level": 1}
    assert db["reviews"].count == 0
    with pytest.raises(review.ReviewError):
        review.undo_last(db)


@pytest.mark.parametrize("raw", ["0", "5", "", "1.5", "x", "٣", "99999999999999999999"])
def test_a_grade_out_of_range_is_refused(raw):
    with pytest.raises(review.ReviewError):
        review.parse_grade(raw)


def test_grading_a_deleted_word_is_refused_and_changes_nothing(db, words):
    vocab.delete(db, vocab.find(db, "Hund")["id"])
    with pytest.raises(review.ReviewError):
        review.grade(db, "Hund", 3, at=T0)
    assert db["reviews"].count == 0
    assert review.due_count(db, T0) == 1


def test_the_summary_counts_the_session(db, words):
    review.grade(db, "Soldat", 1, at=T0, scheduler=NO_FUZZ)
    review.grade(db, "Hund", 3, at=T0, scheduler=NO_FUZZ)
    s = review.summary(db, "2026-03-02T09:00:00Z")
    assert (s["total"], s["words"], s["per_grade"]["Again"], s["per_grade"]["Good"], s["again"]) == (2, 2, 1, 1, ["Soldat"])


def test_a_second_grade_of_the_card_shown_is_refused(db, words):
    shown = review.get_card(db, "Hund")["due"]
    review.grade(db, "Hund", 3, at=T0, shown_due=shown)
    after = review.get_card(db, "Hund")
    with pytest.raises(review.AlreadyGraded):
        review.grade(db, "Hund", 3, at=T0, shown_due=shown)
    assert review.get_card(db, "Hund") == after and db["reviews"].count == 1


def test_the_back_shows_gender_and_plural_when_the_vocabulary_has_them(db, words):
    word = {**review.next_card(db, T0), "gender": "m", "plural": "Soldaten"}
    card = review.card_view(word)
    assert (card["gender"], card["plural"]) == ("der", "Soldaten")
    assert review.card_view(review.next_card(db, T0))["gender"] == ""  # a database without them
