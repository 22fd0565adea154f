"""Fixtures the notes tests share."""
import pytest

from annotations.notes import highlights
from annotations.reading import articles


@pytest.fixture
def mark(db):
    """Return a function highlighting the n-th occurrence of quote in block n of an article."""

    def highlight(art, n, quote, occurrence=0, **kw):
        text = articles.get_block(db, art, n)["text"]
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(quote, start + 1)
        return highlights.create(db, art, n, start, start + len(quote), quote, **kw)

    return highlight
