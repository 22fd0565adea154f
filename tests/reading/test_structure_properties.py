"""Properties of the text structurer, for any text hypothesis can think of."""
import re
import unicodedata

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from annotations.reading import articles

WORDS = st.sampled_from(["Der", "Hund", "bellt", "Größe", "über", "Straße", "Kommentare", "©", "Café",
                         "e\u0301", "😀", "#", "##", "-", "„Zitat“", "1.", "Mai", "ja", "AGB"])
PUNCT = st.sampled_from(["", ".", "!", "?", ":", ",", "…", " "])
LINE = st.lists(st.tuples(WORDS, PUNCT).map("".join), min_size=1, max_size=14).map(" ".join)
SEPARATOR = st.sampled_from(["\n", "\n\n", "\r\n", "\n \n", "\n\n\n", "\t\n\n", "\u00a0\n\n"])
TEXT = st.lists(st.tuples(LINE, SEPARATOR), min_size=1, max_size=25).map(lambda parts: "".join(a + b for a, b in parts))
CASES = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TOKEN = re.compile(r"[^\s#]+")
# "- " opening a line is a list marker: the item becomes a list block and the dash is not text.
MARKERS = {"-"}


def words(text):
    return [t for t in TOKEN.findall(text) if t not in MARKERS]


@CASES
@given(TEXT)
def test_structuring_keeps_every_word_in_order_and_makes_clean_blocks(text):
    title, blocks = articles.structure(text)
    assert blocks and any(b.kind in articles.TEXT_KINDS for b in blocks)
    for b in blocks:
        assert b.kind in articles.KINDS
        assert b.text and b.text == b.text.strip() and "\n" not in b.text
    source = words(unicodedata.normalize("NFC", text))
    kept = words(" ".join(b.text for b in blocks))
    # The title is either taken off the top (a heading: its words come first, after any
    # leading site chrome kept as boilerplate) or made from the first sentence (then every
    # word is still in the blocks).
    if kept != source:
        lead = sum(len(words(b.text)) for b in blocks[:next(i for i, b in enumerate(blocks) if b.kind != "boilerplate")])
        assert kept[:lead] + words(title) + kept[lead:] == source
    assert title and len(title) <= 300


@CASES
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
@example(">")
def test_any_text_is_structured_or_refused_with_a_message(text):
    try:
        title, blocks = articles.structure(text)
    except articles.ArticleError as e:
        # Only a text of nothing at all is refused: blanks, byte order marks, or quote markers
        # ("> ") with no quote after them (found by hypothesis: ">" alone).
        assert not "".join(line.lstrip().removeprefix(">") for line in text.replace("\ufeff", "").splitlines()).strip()
        assert "empty" in str(e)
        return
    assert blocks and title is not None


@pytest.mark.parametrize("text", ["\ufeff\n\n", "\ufeff", " \ufeff \r\n", ">", " > \n\n> "])
def test_a_text_of_nothing_is_empty_not_a_crash(client, db, text):
    # Found by the property above: it used to be an IndexError, a 500 on "New article".
    with pytest.raises(articles.ArticleError, match="empty"):
        articles.structure(text)
    assert client.post("/articles", data={"text": text}).status_code == 400
