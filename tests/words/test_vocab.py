"""The vocabulary store: saving, searching and marking saved words by lemma."""
import pytest

from annotations.reading import articles
from annotations.words import vocab
from annotations.reading.render import render_text


def save(db, lemma, surface=None, gloss="", sentence="Ein Satz.", article_id=None):
    return vocab.save(db, lemma=lemma, surface=surface or lemma, gloss=gloss, sentence=sentence,
                      translation="", article_id=article_id, block_n=1, start=0, end=len(surface or lemma),
                      sentence_start=0)


@pytest.mark.parametrize("lemma, message", [("", "empty"), ("   ", "empty"), ("42", "no letters"),
                                            ("a" * 101, "too long")])
def test_bad_lemmas_are_refused_and_nothing_stored(db, lemma, message):
    with pytest.raises(vocab.VocabError, match=message):
        save(db, lemma)
    assert vocab.count(db) == 0


def test_search_matches_any_field_and_treats_wildcards_literally(db):
    save(db, "Baum", gloss="tree")
    save(db, "Prozent", gloss="100% sure")
    assert [w["lemma"] for w in vocab.search(db, "TREE")] == ["Baum"]
    assert [w["lemma"] for w in vocab.search(db, "%")] == ["Prozent"]
    assert [w["lemma"] for w in vocab.search(db, "_")] == []
    assert len(vocab.search(db, "")) == 2


def test_spans_mark_every_inflected_form_as_flat_segments(db, lemmatiser):
    article_id = articles.create_article(db, "Der Baum wächst. Die Bäume wachsen nach wie vor.")
    save(db, "Baum", "Bäume", gloss="tree")
    save(db, "nach wie vor", gloss="still")
    blocks = articles.get_blocks(db, article_id)
    spans = vocab.spans(db, article_id, blocks)[1]
    text = blocks[0]["text"]
    assert sorted(text[s.start:s.end] for s in spans) == ["Baum", "Bäume", "nach wie vor"]
    assert all(s.classes == ("saved-word",) and not s.mark for s in spans)
    html = render_text(text, spans)
    assert html.count('data-lemma="Baum"') == 2 and 'data-lemma="nach wie vor"' in html


def test_a_render_before_the_lemmatiser_loads_marks_surface_forms_without_waiting(db, monkeypatch):
    monkeypatch.setattr(vocab.lemmas, "ready", lambda: False)
    monkeypatch.setattr(vocab.lemmas, "wait", lambda timeout: pytest.fail("a page render waited"))
    article_id = articles.create_article(db, "Der Baum wächst. Die Bäume wachsen. Ein Haus.")
    save(db, "Baum", "Baum", gloss="tree")
    save(db, "Haus", "Häuser", gloss="house")
    blocks = articles.get_blocks(db, article_id)
    spans = vocab.spans(db, article_id, blocks)[1]
    # Saved lemmas and surfaces match as written; "Bäume" waits for the lemmatiser.
    assert [blocks[0]["text"][s.start:s.end] for s in spans] == ["Baum", "Haus"]


def test_separable_verb_is_marked_in_its_split_form(db, lemmatiser):
    article_id = articles.create_article(db, "Wir rücken zusammen. Sie rücken den Tisch. Alle rückten eng zusammen!")
    save(db, "zusammenrücken", "rücken", gloss="move together")
    blocks = articles.get_blocks(db, article_id)
    text = blocks[0]["text"]
    marked = sorted((s.start, text[s.start:s.end]) for s in vocab.spans(db, article_id, blocks)[1])
    assert [w for _, w in marked] == ["rücken", "zusammen", "rückten", "zusammen"]
    assert marked[0][0] == text.index("rücken")  # not the "rücken" of "Sie rücken den Tisch"


def test_no_saved_words_no_spans(db):
    article_id = articles.create_article(db, "Der Baum wächst.")
    assert vocab.spans(db, article_id, articles.get_blocks(db, article_id)) == {}


def test_update_and_delete_report_missing_words(db):
    word_id = save(db, "Baum")
    assert vocab.update_gloss(db, word_id, "  tree \n ") and vocab.get(db, word_id)["gloss"] == "tree"
    assert vocab.delete(db, word_id) and not vocab.delete(db, word_id)
    assert not vocab.update_gloss(db, word_id, "x")


@pytest.mark.parametrize("where, params", [
    ("status_key = ?", ["verbündeter"]),
    ("from_article IS ? AND from_block = ? AND start = ?", [1, 1, 10]),
])
def test_the_popovers_questions_of_the_vocabulary_are_indexed(db, where, params):
    # find_looked_up asks them for every word the popover shows that is not saved by its lemma.
    plan = " ".join(str(row[-1]) for row in db.execute(f"EXPLAIN QUERY PLAN SELECT * FROM vocab WHERE {where}", params))
    assert "USING INDEX" in plan, plan
