"""Browser helpers the tests share: where a word of a paragraph is, and selecting it."""

# Find a word of paragraph n as a DOM range (the text may span several nodes).
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


def word_point(page, n, word):
    """Return the viewport point in the middle of `word` in paragraph n."""
    return page.evaluate(FIND % """const b = r.getBoundingClientRect();
        return {x: b.left + b.width / 2, y: b.top + b.height / 2};""", [n, word])


def select_in_paragraph(page, n, word):
    """Select `word` in paragraph n as Shift+arrows would."""
    page.evaluate(FIND % "getSelection().removeAllRanges(); getSelection().addRange(r);", [n, word])
