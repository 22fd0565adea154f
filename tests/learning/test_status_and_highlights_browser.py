"""In Chromium: word status (painted with the Custom Highlight API) and the reader's own highlights
(<mark>s) on the same words: the highlight stays plainly visible, the status stays readable, and a
paragraph re-rendered by a new highlight or note keeps its status paint."""
import pytest
from browser_helpers import select_in_paragraph
from playwright.sync_api import expect

from annotations.reading import articles

pytestmark = pytest.mark.browser

TEXT = "Der Soldat sieht die Soldaten.\n\nDie Soldaten schlafen. Der Hund sieht die Häuser."
# Every word is new on a fresh database: paragraph 2's words as the status paint should cover them.
P2_WORDS = "Der Die Hund Häuser Soldaten die schlafen sieht"  # JavaScript's sort order: "u" before "ä"


@pytest.fixture
def article(app, db, lemmatiser):
    # The lemmatiser loaded first: the page gets its final word classes at once, and never
    # repaints the whole article a few seconds later (which would hide a lost paragraph).
    return articles.create_article(db, TEXT)


# --- what the status paint covers ----------------------------------------------------------

# Words of every status range inside paragraph n, and whether every range is still in the text.
STATUS_IN = """(n) => {
    const p = document.getElementById('p-' + n + '-text');
    const ranges = ['ws-new', 'ws-l1', 'ws-l2', 'ws-l3', 'ws-l4', 'ws-l5']
        .flatMap((name) => [...(CSS.highlights.get(name) || [])]);
    const live = ranges.every((r) => r.startContainer.isConnected && !r.collapsed);
    const words = ranges.filter((r) => p.contains(r.startContainer)).map((r) => r.toString()).sort().join(' ');
    return live && words;
}"""


def status_words(page, n, expected):
    """Wait (on the page's own painting, no sleep) until paragraph n's status ranges are these words
    and no range anywhere points at removed text."""
    page.wait_for_function(f"([n, expected]) => ({STATUS_IN})(n) === expected", arg=[n, expected])


# The Range objects painting paragraph n now, kept on window to compare after a swap elsewhere.
KEEP = """(n) => {
    const p = document.getElementById('p-' + n + '-text');
    window.kept = ['ws-new', 'ws-l1', 'ws-l2', 'ws-l3', 'ws-l4', 'ws-l5']
        .flatMap((name) => [...(CSS.highlights.get(name) || [])].map((r) => [name, r]))
        .filter(([, r]) => p.contains(r.startContainer));
    return window.kept.length;
}"""
STILL_KEPT = "() => window.kept.every(([name, r]) => CSS.highlights.get(name).has(r))"


def open_article(page, live_server, article):
    page.goto(f"{live_server}/articles/{article}")
    expect(page.locator("#reader")).to_have_attribute("data-status-painted", "13")


# --- a re-rendered paragraph keeps its status paint --------------------------------------

def test_a_new_highlight_keeps_its_paragraphs_status_and_leaves_the_others_alone(page, live_server, article):
    open_article(page, live_server, article)
    status_words(page, 2, P2_WORDS)
    assert page.evaluate(KEEP, 1) == 5
    select_in_paragraph(page, 2, "Soldaten schlafen")
    page.locator("#hl-toolbar").get_by_role("button", name="Highlight in yellow").click()
    expect(page.locator("#p-2-text mark.hl-yellow")).to_have_text("Soldaten schlafen")
    status_words(page, 2, P2_WORDS)
    expect(page.locator("#reader")).to_have_attribute("data-status-painted", "13")
    # Only the swapped paragraph was painted again: paragraph 1 keeps its very ranges.
    assert page.evaluate(STILL_KEPT)


def test_a_paragraph_note_keeps_its_paragraphs_status(page, live_server, article):
    open_article(page, live_server, article)
    page.locator("#p-2").hover()
    page.locator("#p-2 #paragraph-tools").get_by_role("button", name="Note on paragraph 2").click()
    dialog = page.locator("#hl-dialog")
    dialog.locator("textarea[name=note]").fill("Schlafende Soldaten")
    dialog.get_by_role("button", name="Save").click()
    expect(page.locator("#p-2 .hl-pnote")).to_contain_text("Schlafende Soldaten")
    status_words(page, 2, P2_WORDS)
    expect(page.locator("#reader")).to_have_attribute("data-status-painted", "13")


def test_a_highlight_on_a_phone_keeps_its_paragraphs_status(phone, live_server, article):
    open_article(phone, live_server, article)
    select_in_paragraph(phone, 2, "Hund sieht")  # as a long-press would
    phone.locator("#hl-toolbar").get_by_role("button", name="Highlight in green").tap()
    expect(phone.locator("#p-2-text mark.hl-green")).to_have_text("Hund sieht")
    status_words(phone, 2, P2_WORDS)
    expect(phone.locator("#reader")).to_have_attribute("data-status-painted", "13")
