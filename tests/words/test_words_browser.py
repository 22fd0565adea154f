"""In a real browser: click a word, read its dictionary entry, save it, see it marked."""
import pytest
from playwright.sync_api import expect

from annotations.reading import articles
from annotations.words import importer

pytestmark = pytest.mark.browser

DING = """# tiny Ding file written by the test
Partnerschaft {f} | Partnerschaften {pl} :: partnership | partnerships
Abkommen {n} [pol.] | Abkommen {pl} :: agreement; accord | agreements
"""
TEXT = "Ein neues Abkommen\n\nDas Abkommen über eine Partnerschaft wurde unterzeichnet. Die Partnerschaften halten.\n"


@pytest.fixture
def article(app, db, write_ding, lemmatiser):
    importer.import_dictionary(db, "ding", write_ding(DING))
    return articles.create_article(db, TEXT)


def test_click_word_shows_entry_save_marks_it(page, live_server, article, word_box):
    page.goto(f"{live_server}/articles/{article}")
    point = word_box(page, 1, "Partnerschaft")
    page.mouse.click(point["x"], point["y"])
    popover = page.locator("#word-popover")
    expect(popover).to_be_visible()
    expect(popover.locator("#word-popover-title")).to_have_text("Partnerschaft")
    expect(popover.locator(".word-entry").first).to_contain_text("partnership")
    expect(popover.locator(".word-article").first).to_have_text("die")

    popover.locator("input[name=gloss]").fill("")
    popover.get_by_role("button", name="partnership", exact=True).click()  # a gloss picks the meaning
    expect(popover.locator("input[name=gloss]")).to_have_value("partnership")
    popover.locator("[data-action=save-word]").click()
    expect(popover.locator(".word-saved")).to_contain_text("Saved")
    # Marked by lemma: the plural in the next sentence too.
    marked = page.locator("#p-1-text .saved-word")
    expect(marked).to_have_count(2)
    expect(marked.nth(1)).to_have_text("Partnerschaften")

    page.keyboard.press("Escape")
    expect(popover).to_be_hidden()


def test_keyboard_selection_looks_up_inflected_form(page, live_server, article, select_word):
    page.goto(f"{live_server}/articles/{article}")
    select_word(page, 1, "Partnerschaften")
    page.keyboard.press("l")
    popover = page.locator("#word-popover")
    expect(popover.locator("#word-popover-title")).to_have_text("Partnerschaften")
    expect(popover.locator(".word-lemma")).to_contain_text("Partnerschaft")
    expect(popover.locator(".word-entries")).to_contain_text("partnerships")


def test_keyboard_only_lookup_and_next_word(page, live_server, article):
    page.goto(f"{live_server}/articles/{article}")
    page.keyboard.press("j")
    page.keyboard.press("l")  # no selection: the paragraph's first word
    title = page.locator("#word-popover-title")
    expect(title).to_have_text("Das")
    expect(page.locator("#word-popover")).to_be_focused()
    page.keyboard.press("ArrowRight")
    expect(title).to_have_text("Abkommen")
    expect(page.locator("#word-popover .word-entries")).to_contain_text("agreement")
    page.keyboard.press("Escape")
    expect(page.locator("#word-popover")).to_be_hidden()


def test_tap_on_phone_opens_bottom_sheet(phone, live_server, article, word_box):
    phone.goto(f"{live_server}/articles/{article}")
    point = word_box(phone, 1, "Abkommen")
    phone.touchscreen.tap(point["x"], point["y"])
    popover = phone.locator("#word-popover")
    expect(popover.locator("#word-popover-title")).to_have_text("Abkommen")
    box = popover.bounding_box()
    assert box["y"] + box["height"] == pytest.approx(844, abs=2)  # docked to the bottom edge


def test_click_on_a_highlight_mark_is_not_a_lookup(page, live_server, article):
    page.goto(f"{live_server}/articles/{article}")
    page.evaluate("""() => {
        const p = document.getElementById('p-1-text');
        p.innerHTML = p.innerHTML.replace('Abkommen', '<mark>Abkommen</mark>');
    }""")
    page.locator("#p-1-text mark").click()  # opening would be synchronous, in the click handler
    expect(page.locator("#word-popover")).to_be_hidden()


def test_shift_arrow_selection_then_l_looks_up_phrase(page, live_server, article):
    page.goto(f"{live_server}/articles/{article}")
    page.keyboard.press("j")
    for _ in range(2):
        page.keyboard.press("Shift+Control+ArrowRight")  # highlights.js extends by word
    page.keyboard.press("l")
    expect(page.locator("#word-popover-title")).to_have_text("Das Abkommen")
    page.keyboard.press("Escape")
    expect(page.locator("#p-1")).to_be_focused()


def test_the_popover_works_the_moment_it_takes_focus(page, live_server, article, word_box):
    # htmx wires a swapped form's hx-post when the swap settles; the popover took focus before
    # that, and Save pressed at once posted the form as a plain page, leaving the text.
    page.add_init_script("""
      document.addEventListener("focusin", (e) => {
        if (e.target.id === "word-popover" && window.__saveWired === undefined) {
          const form = e.target.querySelector("form.word-save");
          window.__saveWired = Boolean(form && form["htmx-internal-data"]);
        }
      });""")
    page.goto(f"{live_server}/articles/{article}")
    point = word_box(page, 1, "Partnerschaft")
    page.mouse.click(point["x"], point["y"])
    expect(page.locator("#word-popover")).to_be_focused()
    assert page.evaluate("window.__saveWired") is True
