"""Sentence splitting (German and English) and the sentence spans that align a paragraph with its translation."""
import re

import pytest

from annotations.reading import render
from annotations.translation import sentences


@pytest.mark.parametrize("text, expected", [
    ("Das ist gut. Dann kam er.", ["Das ist gut.", "Dann kam er."]),
    ("Das ist z. B. gut. Dann kam er.", ["Das ist z. B. gut.", "Dann kam er."]),
    ("Das ist z.B. gut, d. h. sehr gut. Ende.", ["Das ist z.B. gut, d. h. sehr gut.", "Ende."]),
    ("Er blieb bzw. ging. Nr. 5 kam nicht.", ["Er blieb bzw. ging.", "Nr. 5 kam nicht."]),
    ("Am 4. Juni 2024 kam er. Im 19. Jahrhundert nicht.", ["Am 4. Juni 2024 kam er.", "Im 19. Jahrhundert nicht."]),
    ("Das war im Jahr 2024. Dann kam 2025.", ["Das war im Jahr 2024.", "Dann kam 2025."]),
    ("Er sagte: „Das ist gut.“ Dann ging er.", ["Er sagte: „Das ist gut.“", "Dann ging er."]),
    ("Er ging. „Warum?“, fragte sie. Niemand wusste es.",
     ["Er ging.", "„Warum?“, fragte sie.", "Niemand wusste es."]),
    ("Was? Nein! Doch… so ist es.", ["Was?", "Nein!", "Doch… so ist es."]),
    ("Prof. Dr. A. Müller sprach. Ende", ["Prof. Dr. A. Müller sprach.", "Ende"]),
    ("Mr. Smith went to Washington. He said, \"Yes.\" Then he left.",
     ["Mr. Smith went to Washington.", "He said, \"Yes.\"", "Then he left."]),
    ("The U.S. and e.g. Iran agreed. Next.", ["The U.S. and e.g. Iran agreed.", "Next."]),
    ("Ohne Punkt am Ende", ["Ohne Punkt am Ende"]),
    ("  Eins.   Zwei.  ", ["Eins.", "Zwei."]),
    ("", []),
])
def test_split_sentences(text, expected):
    assert sentences.split_sentences(text) == expected


def test_spans_cover_only_paragraphs_and_keep_the_text_exact():
    text = "Am 4. Juni kam er. „Gut“, sagte sie. Dann <b>nicht</b> & so."
    blocks = [{"n": 1, "kind": "paragraph", "text": text}, {"n": 2, "kind": "heading", "text": "Titel"}]
    spans = sentences.spans(None, 1, blocks)
    assert set(spans) == {1}
    assert [s.data for s in spans[1]] == [(("s", 0),), (("s", 1),), (("s", 2),)]
    html = str(render.render_text(text, spans[1]))
    plain = re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    assert plain == text
    assert html.count('class="s"') == 3


@pytest.mark.parametrize("german, english, aligned", [
    ("Eins ist hier. Zwei ist da.", "One is here. Two is there.", True),
    ("Eins ist hier, zwei ist da.", "One is here. Two is there.", False),
])
def test_english_gets_matching_spans_only_when_the_counts_agree(german, english, aligned):
    html = str(sentences.english_html(german, english))
    assert sentences.aligned(german, english) is aligned
    assert ('data-s="1"' in html) is aligned
    assert re.sub(r"<[^>]+>", "", html) == english


def test_english_html_escapes_the_provider_text():
    assert "<script>" not in str(sentences.english_html("Ein Satz.", "<script>x</script>."))


@pytest.mark.parametrize("text, limit", [
    ("Erster Satz. Zweiter Satz ist länger. Dritter.", 25),
    ("Ein Satz mit einem Donaudampfschifffahrtsgesellschaftskapitänswort darin. Kurz.", 20),
    ("Kurz.", 100),
])
def test_split_for_limit_keeps_order_and_limit(text, limit):
    parts = sentences.split_for_limit(text, limit)
    assert all(len(p) <= limit for p in parts)
    assert "".join(parts).replace(" ", "") == text.replace(" ", "")
