"""Fixtures the word tests share: small Ding files of their own."""
import pytest


@pytest.fixture
def write_ding(tmp_path):
    """Return a function writing a small Ding dictionary file (the tests' own, never the system's)."""

    def write(text):
        path = tmp_path / "de-en"
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write


# Browser helpers: find a word of paragraph n as a DOM range (the text may span several nodes).
FIND = """([n, word]) => {
    const p = document.getElementById('p-' + n + '-text');
    const i = p.textContent.indexOf(word);
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    let node, seen = 0;
    while ((node = walker.nextNode()) && i >= seen + node.data.length) seen += node.data.length;
    const r = document.createRange();
    r.setStart(node, i - seen); r.setEnd(node, i - seen + word.length);
    %s
}"""


def _word_box(page, n, word):
    """Return the viewport point in the middle of `word` in paragraph n."""
    return page.evaluate(FIND % """const b = r.getBoundingClientRect();
        return {x: b.left + b.width / 2, y: b.top + b.height / 2};""", [n, word])


def _select_word(page, n, word):
    """Select `word` in paragraph n as Shift+arrows would."""
    page.evaluate(FIND % "getSelection().removeAllRanges(); getSelection().addRange(r);", [n, word])


@pytest.fixture
def word_box():
    """Return a function giving the viewport point in the middle of a word of paragraph n."""
    return _word_box


@pytest.fixture
def select_word():
    """Return a function selecting a word of paragraph n as Shift+arrows would."""
    return _select_word


# Browser helpers: find a word of paragraph n as a DOM range (the text may span several nodes).
FIND = """([n, word]) => {
    const p = document.getElementById('p-' + n + '-text');
    const i = p.textContent.indexOf(word);
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    let node, seen = 0;
    while ((node = walker.nextNode()) && i >= seen + node.data.length) seen += node.data.length;
    const r = document.createRange();
    r.setStart(node, i - seen); r.setEnd(node, i - seen + word.length);
    %s
}"""


def _word_box(page, n, word):
    """Return the viewport point in the middle of `word` in paragraph n."""
    return page.evaluate(FIND % """const b = r.getBoundingClientRect();
        return {x: b.left + b.width / 2, y: b.top + b.height / 2};""", [n, word])


def _select_word(page, n, word):
    """Select `word` in paragraph n as Shift+arrows would."""
    page.evaluate(FIND % "getSelection().removeAllRanges(); getSelection().addRange(r);", [n, word])


@pytest.fixture
def word_box():
    """Return a function giving the viewport point in the middle of a word of paragraph n."""
    return _word_box


@pytest.fixture
def select_word():
    """Return a function selecting a word of paragraph n as Shift+arrows would."""
    return _select_word
