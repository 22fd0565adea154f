"""Anchoring: code-point offsets, and finding highlights again after the text is edited."""
import pytest

from annotations.notes import anchoring, highlights
from annotations.reading import articles
from annotations.notes.anchoring import OffsetError, cp_to_utf16, utf16_to_cp

# --- UTF-16 <-> code points --------------------------------------------------


@pytest.mark.parametrize("text, cp, u16", [
    ("abc", 2, 2),
    ("😀abc", 1, 2),          # an astral emoji is two UTF-16 units, one code point
    ("😀👍🏽x", 3, 6),         # emoji with a skin-tone modifier: two astral code points
    ("Straße", 6, 6),         # ß is one unit and one code point
    ("Größe über", 10, 10),   # precomposed umlauts
    ("Gro\u0308ße", 4, 4),    # combining diaeresis is its own code point in both counts
    ("𝔊𝔬𝔱𝔥", 4, 8),
    ("", 0, 0),
])
def test_offsets_round_trip(text, cp, u16):
    assert cp_to_utf16(text, cp) == u16
    assert utf16_to_cp(text, u16) == cp


@pytest.mark.parametrize("text, u16", [("😀a", 1), ("abc", 4), ("abc", -1), ("abc", "1"), ("a", True)])
def test_bad_utf16_offsets_raise(text, u16):
    with pytest.raises(OffsetError):
        utf16_to_cp(text, u16)


@pytest.mark.parametrize("text, cp", [("abc", 4), ("abc", -1), ("abc", 1.0)])
def test_bad_code_point_offsets_raise(text, cp):
    with pytest.raises(OffsetError):
        cp_to_utf16(text, cp)


def test_emoji_before_selection_does_not_shift_it():
    text = "Heute 😀😀 in Wien: Straße"
    u16_start = text.encode("utf-16-le").decode("utf-16-le").index("Wien") + 2  # two astral chars
    start = utf16_to_cp(text, u16_start)
    assert text[start:start + 4] == "Wien"


# --- locating quotes -----------------------------------------------------------

REPEAT = ["Der Hund bellt. Der Hund schläft. Die Katze sieht den Hund an."]


@pytest.mark.parametrize("prefix, suffix, expected_start", [
    ("", " bellt. Der", 4),
    ("Der Hund bellt. Der ", " schläft.", 20),
    ("Die Katze sieht den ", " an.", 54),
])
def test_repeated_phrase_goes_to_the_occurrence_whose_context_matches(prefix, suffix, expected_start):
    found = anchoring.locate(REPEAT, "Hund", prefix, suffix)
    assert (found.status, found.index, found.start) == ("moved", 0, expected_start)


def test_unfindable_quote_is_orphan_with_its_quote():
    found = anchoring.locate(["Nichts davon."], "Teheran und Moskau", "zwischen ", " heute")
    assert found.status == "orphan" and found.exact == "Teheran und Moskau" and found.index is None


# --- re-anchoring through an edit of the article ---------------------------------

BASE = ("Der Hund bellt laut. Der Hund schläft jetzt tief.\n\n"
        "Wien 😀 liegt an der Donau, die Straße ist groß und schön.\n\n"
        "Die Größe des Flusses über die Jahre ändert sich stark.")


def make(db, text=BASE):
    return articles.create_article(db, text, title="T")


def after_edit(db, art, a, new_text):
    highlights.edit_text(db, art, new_text)
    b = highlights.get(db, a["id"])
    if b["block_n"] is not None:
        assert articles.get_block(db, art, b["block_n"])["text"][b["start"]:b["end"]] == b["exact"]
    return b


@pytest.mark.parametrize("n, quote, new_text, status, new_n, new_quote", [
    # Edit after the highlight: offsets still match.
    (1, "Hund bellt", BASE.replace("tief.", "tief und fest."), "anchored", 1, "Hund bellt"),
    # Edit before it, in the same paragraph: found again, shifted.
    (2, "Straße", BASE.replace("Wien 😀", "Wien 😀😀 (Österreich)"), "moved", 2, "Straße"),
    # Umlaut and ß words survive edits around them.
    (3, "Größe des Flusses", BASE.replace("Die Größe", "Schon die Größe"), "moved", 3, "Größe des Flusses"),
    # Edit inside the highlight: only an approximate match, flagged for the reader.
    (2, "die Straße ist groß", BASE.replace("die Straße ist groß", "die Strasse ist gross"),
     "fuzzy", 2, "die Strasse ist gross"),
    # A new paragraph in front: the paragraph moved, the highlight with it.
    (3, "über die Jahre", "Ganz neuer Absatz vorne.\n\n" + BASE, "anchored", 4, "über die Jahre"),
    # The highlighted words are gone: orphan, never deleted.
    (2, "an der Donau", BASE.replace("liegt an der Donau, ", "ist schön, "), "orphan", None, "an der Donau"),
])
def test_reanchor_after_edit(db, n, quote, new_text, status, new_n, new_quote, mark):
    art = make(db)
    a = mark(art, n, quote)
    b = after_edit(db, art, a, new_text)
    assert (b["status"], b["block_n"], b["exact"]) == (status, new_n, new_quote)


@pytest.mark.parametrize("occurrence", [0, 1])
def test_repeated_phrase_keeps_its_occurrence_after_edit_before_it(db, occurrence, mark):
    art = make(db)
    a = mark(art, 1, "Der Hund", occurrence)
    b = after_edit(db, art, a, BASE.replace("Der Hund bellt laut.", "Ja! Der Hund bellt sehr laut."))
    expected_suffix = " bellt sehr laut" if occurrence == 0 else " schläft jetzt"
    assert b["suffix"].startswith(expected_suffix)


def test_combining_marks_are_kept_whole(db):
    text = "Die Gro\u0308ße ist wichtig.\n\nZweiter Absatz hier."
    art = articles.create_article(db, text)
    t = articles.get_block(db, art, 1)["text"]
    quote = t[4:9]
    a = highlights.create(db, art, 1, 4, 9, quote)
    b = after_edit(db, art, a, "Vorne. " + text)
    assert b["exact"] == quote and b["status"] == "moved"


@pytest.mark.parametrize("quote", ["Der Hund bellt laut", "schläft jetzt tief"])
def test_paragraph_split(db, quote, mark):
    art = make(db)
    a = mark(art, 1, quote)
    b = after_edit(db, art, a, BASE.replace("laut. Der", "laut.\n\nDer"))
    assert b["exact"] == quote and b["status"] in ("anchored", "moved")
    assert b["block_n"] == (1 if quote.startswith("Der") else 2)


@pytest.mark.parametrize("n, quote", [(2, "die Straße ist groß"), (3, "über die Jahre")])
def test_paragraphs_merged(db, n, quote, mark):
    art = make(db)
    a = mark(art, n, quote)
    b = after_edit(db, art, a, BASE.replace("schön.\n\nDie", "schön. Die"))
    assert (b["block_n"], b["exact"]) == (2, quote)


def test_orphan_comes_back_when_its_text_returns(db, mark):
    art = make(db)
    a = mark(art, 2, "an der Donau")
    after_edit(db, art, a, BASE.replace("an der Donau", "am Fluss"))
    b = after_edit(db, art, a, BASE)
    assert (b["status"], b["block_n"], b["exact"]) == ("moved", 2, "an der Donau")


def test_fuzzy_stays_flagged_until_confirmed(db, mark):
    art = make(db)
    a = mark(art, 2, "die Straße ist groß")
    edited = BASE.replace("die Straße ist groß", "die Strasse ist gross")
    after_edit(db, art, a, edited)
    assert after_edit(db, art, a, edited + " Ende.")["status"] == "fuzzy"
    assert highlights.confirm(db, a["id"])["status"] == "anchored"


def test_paragraph_note_follows_its_paragraph(db):
    art = make(db)
    p = highlights.create_paragraph_note(db, art, 3, "Notiz")
    b = after_edit(db, art, p, "Neu.\n\n" + BASE)
    assert (b["block_n"], b["status"]) == (4, "anchored")


def test_deleted_annotation_is_reanchored_too_so_undo_lands_right(db, mark):
    art = make(db)
    a = mark(art, 3, "über die Jahre")
    highlights.delete(db, a["id"])
    highlights.edit_text(db, art, "Neu.\n\n" + BASE)
    assert highlights.restore(db, a["id"])["block_n"] == 4


def test_reanchor_counts(db, mark):
    art = make(db)
    mark(art, 1, "Hund bellt")
    mark(art, 2, "an der Donau")
    old = articles.get_blocks(db, art)
    new_text = BASE.replace("an der Donau", "am Rhein")
    highlights.edit_text(db, art, new_text)
    assert highlights.status_counts(db, art) == {"anchored": 1, "moved": 0, "fuzzy": 0, "orphan": 1}
    assert highlights.reanchor_article(db, art, old, articles.get_blocks(db, art))["orphan"] == 1


def test_common_word_among_thousands_of_occurrences_keeps_its_place():
    texts = [f"Satz {i}: der Mann und der Hund und der Baum." for i in range(300)]
    target = texts[150].index("der Hund")
    exact, prefix, suffix = anchoring.quote_selector(texts[150], target, target + 3)
    new = ["Ein neuer Absatz."] + texts
    found = anchoring.locate(new, exact, prefix, suffix, hint=None)
    assert (found.index, found.start) == (151, target)


@pytest.mark.parametrize("which", [3, 15, 30])
def test_identical_contexts_are_told_apart_by_position(which):
    # Every occurrence has the same quote, prefix and suffix; only the distance can decide.
    old = ["Anfang." + " Wort und Wort." * 40]
    starts = [i for i in range(len(old[0])) if old[0].startswith("Wort", i)]
    s = starts[which]
    exact, prefix, suffix = anchoring.quote_selector(old[0], s, s + 4)
    new = ["Ganz neuer Absatz.", "Ein neuer Anfang mit mehr Text." + old[0][7:]]
    found = anchoring.Reanchorer(old, new).anchor(0, s, s + 4, exact, prefix, suffix)
    new_starts = [i for i in range(len(new[1])) if new[1].startswith("Wort", i)]
    assert (found.index, found.start) == (1, new_starts[which])


def test_a_highlight_made_while_an_edit_is_planned_is_placed_too(db, db_path, mark, monkeypatch):
    # The edit plans outside the write lock; the reader highlights meanwhile (another connection).
    from annotations.sqlite import connect
    art = articles.create_article(db, "Titel\n\nDer Hund bellt laut. Die Katze schläft.\n\nZweiter Absatz hier.")
    first = mark(art, 1, "Hund")
    plan = highlights._reanchor_plan
    made = []

    def plan_while_the_reader_writes(*args):
        if not made:
            other = connect(db_path)
            made.append(highlights.create(other, art, 1, 25, 30, "Katze"))
            other.close()
        return plan(*args)

    monkeypatch.setattr(highlights, "_reanchor_plan", plan_while_the_reader_writes)
    counts = highlights.edit_text(db, art, "Titel\n\nNeu davor.\n\nDer Hund bellt laut. Die Katze schläft.")
    assert counts["anchored"] + counts["moved"] == 2
    for hid, quote in ((first["id"], "Hund"), (made[0]["id"], "Katze")):
        a = highlights.get(db, hid)
        block = articles.get_block(db, art, a["block_n"])
        assert block["text"][a["start"]:a["end"]] == quote
