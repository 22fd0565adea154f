"""In Chromium: word status (painted with the Custom Highlight API) and the reader's own highlights
(<mark>s) on the same words: the highlight stays plainly visible, the status stays readable, and a
paragraph re-rendered by a new highlight or note keeps its status paint."""
import base64

import pytest
from browser_helpers import FIND as WORD_BOX, select_in_paragraph
from playwright.sync_api import expect

from annotations.notes import highlights
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


# --- what is on the screen -----------------------------------------------------------------

# The computed rgb() of a CSS colour (a custom property of the current theme, say).
RGB = """(colour) => {
    const probe = document.createElement('span');
    probe.style.color = colour;
    document.body.append(probe);
    const rgb = getComputedStyle(probe).color.match(/\\d+/g).slice(0, 3).map(Number);
    probe.remove();
    return rgb;
}"""

# How many pixels of a PNG are (nearly) each of the given colours, decoded by the page's canvas.
COUNT = """async ([png, colours]) => {
    const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const near = (i, c) => Math.abs(data[i] - c[0]) <= 12 && Math.abs(data[i + 1] - c[1]) <= 12 && Math.abs(data[i + 2] - c[2]) <= 12;
    const counts = colours.map(() => 0);
    for (let i = 0; i < data.length; i += 4) colours.forEach((c, k) => { if (near(i, c)) counts[k] += 1; });
    return { total: data.length / 4, counts };
}"""


def pixels(page, shot, *colours):
    """Return (pixels of a screenshot, [pixels of each colour]) as the screen shows it."""
    png = shot(animations="disabled")
    rgbs = [page.evaluate(RGB, c) for c in colours]
    result = page.evaluate(COUNT, [base64.b64encode(png).decode(), rgbs])
    return result["total"], result["counts"]


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


# --- 1. a highlight over status-painted words ------------------------------------------------

@pytest.mark.parametrize("theme", ["light", "dark", "sepia"])
def test_a_highlight_stays_visible_over_new_words_and_their_status_stays_readable(
        browser, live_server, db, article, theme):
    text = articles.get_block(db, article, 2)["text"]
    quote = "Die Soldaten schlafen."
    assert text.startswith(quote)
    highlights.create(db, article, 2, 0, len(quote), quote, color="yellow")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_cookies([{"name": "randnotiz.theme", "value": theme, "url": live_server}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        open_article(page, live_server, article)
        status_words(page, 2, P2_WORDS)
        mark = page.locator("#p-2-text mark.hl-yellow")
        expect(mark).to_have_text(quote)
        total, (yellow, status) = pixels(page, mark.screenshot, "var(--hl-yellow)", "var(--ws-new-ink)")
        # The mark's box is mostly its colour (the glyphs and the status line take the rest): the
        # status paint must not cover it and leave only the gaps between words.
        assert yellow > total * 0.5, f"{theme}: {yellow} of {total} pixels show the highlight"
        # The words' status is still there to read: a line in the "new" colour under them.
        assert status > mark.bounding_box()["width"] / 2, f"{theme}: {status} pixels show the status"
        # Outside marks the status keeps its background: a new word of the first paragraph.
        box = page.evaluate(WORD_BOX % "const b = r.getBoundingClientRect();"
                            " return {x: b.left, y: b.top, width: b.width, height: b.height};", [1, "Soldat"])
        total, (new_bg,) = pixels(page, lambda **kw: page.screenshot(clip=box, **kw), "var(--ws-new)")
        assert new_bg > total * 0.5, f"{theme}: {new_bg} of {total} pixels of a new word show its status"
    finally:
        context.close()


# --- 2. a re-rendered paragraph keeps its status paint --------------------------------------

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


def test_saving_a_word_keeps_its_paragraphs_status(page, live_server, article, word_box):
    # Saving re-renders the word's paragraph (its new mark of a saved word): the status paint
    # must follow the new text, not point at the text that was replaced.
    open_article(page, live_server, article)
    status_words(page, 2, P2_WORDS)
    point = word_box(page, 2, "Hund")
    page.mouse.click(point["x"], point["y"])
    popover = page.locator("#word-popover")
    popover.locator("form.word-save").get_by_role("button", name="Save").click()
    expect(popover).to_contain_text("Saved")
    status_words(page, 2, P2_WORDS)
