"""The word popover in Chromium: it fits the screen, keeps the tapped word in view, never a dead click."""
import pytest
from playwright.sync_api import expect

from annotations.reading import articles
from annotations.translation import translate
from annotations.words import importer
from tests.words import test_align

pytestmark = pytest.mark.browser

# Many senses with long glosses: the popover would be far taller than a phone screen.
SENSES = "\n".join(
    f"Soldat {{m}} [mil.] | Soldaten {{pl}} :: soldier, meaning number {i}, which is written long "
    f"enough to wrap over several lines of a narrow screen; trooper {i}; serviceman {i} | soldiers"
    for i in range(12))
DING = SENSES + "\nKriegsknecht {m} [obs.] :: mercenary\n"
SENTENCE = ("Die Soldaten marschierten am frühen Morgen durch das Tal, während im Dorf noch alle "
            "schliefen und niemand ahnte, was der Tag bringen würde.")
# Enough paragraphs that the last one sits at the bottom of the page.
TEXT = "Ein Bericht\n\n" + "\n\n".join([SENTENCE] * 12) + "\n\nAm Ende waren es 2,4 Prozent mehr Soldaten.\n"


@pytest.fixture
def article(app, db, write_ding, lemmatiser):
    importer.import_dictionary(db, "ding", write_ding(DING))
    return articles.create_article(db, TEXT)


@pytest.fixture(params=[(360, 640), (1280, 720)], ids=["phone-360x640", "desktop-1280x720"])
def screen(request, browser, live_server):
    width, height = request.param
    phone = width < 700
    context = browser.new_context(viewport={"width": width, "height": height}, has_touch=phone,
                                  is_mobile=phone)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page, width, height
    context.close()


# Conditions the page reaches once words.js has placed the popover (waited for, never slept on).
FITS = """() => {
    const b = document.getElementById('word-popover').getBoundingClientRect();
    return b.top >= 0 && b.left >= 0 && b.bottom <= innerHeight + 1 && b.right <= innerWidth + 1;
}"""
WORD_ABOVE_SHEET = """() => {
    const range = CSS.highlights.get('word-lookup').values().next().value;
    return range.getBoundingClientRect().bottom <= document.getElementById('word-popover')
        .getBoundingClientRect().top;
}"""


def inside(box, width, height):
    return (box["x"] >= -1 and box["y"] >= -1 and box["x"] + box["width"] <= width + 1
            and box["y"] + box["height"] <= height + 1)


@pytest.mark.parametrize("n", [1, 13], ids=["first-paragraph", "last-paragraph"])
def test_popover_fits_the_viewport_and_save_is_reachable(screen, live_server, article, n, word_box):
    page, width, height = screen
    page.goto(f"{live_server}/articles/{article}")
    page.locator(f"#p-{n}").scroll_into_view_if_needed()
    point = word_box(page, n, "Soldaten")
    if width < 700:
        page.touchscreen.tap(point["x"], point["y"])
    else:
        page.mouse.click(point["x"], point["y"])
    popover = page.locator("#word-popover")
    expect(popover.locator(".word-grammar")).to_contain_text("der Soldat, -en")
    # The best three senses, the rest behind "more".
    expect(popover.locator(".word-entries").first.locator(".word-entry")).to_have_count(3)
    more = popover.locator(".word-more")
    expect(more.locator("summary")).to_contain_text("more meanings")
    page.wait_for_function(FITS)
    save = popover.locator("[data-action=save-word]")
    save.scroll_into_view_if_needed()  # scrolls inside the popover, not off the screen
    assert inside(save.bounding_box(), width, height)
    assert inside(popover.bounding_box(), width, height)
    if width < 700:
        page.wait_for_function(WORD_ABOVE_SHEET)  # the tapped word stays visible above the sheet
    more.locator("summary").click()
    expect(more.locator(".word-entry").first).to_be_visible()
    page.wait_for_function(FITS)
    if width < 700:
        page.wait_for_function(WORD_ABOVE_SHEET)  # the sheet grew: the word is above it again


def test_labels_sit_with_their_own_alternative(page, live_server, article, word_box):
    page.goto(f"{live_server}/articles/{article}")
    point = word_box(page, 1, "Soldaten")
    page.mouse.click(point["x"], point["y"])
    first = page.locator("#word-popover .word-entry").first
    expect(first).to_contain_text("soldier")
    expect(first.locator(".word-labels")).to_have_text("mil.")


def test_a_number_is_clickable_and_explained(page, live_server, article, word_box):
    page.goto(f"{live_server}/articles/{article}")
    page.locator("#p-13").scroll_into_view_if_needed()
    point = word_box(page, 13, "2,4")
    page.mouse.click(point["x"], point["y"])
    popover = page.locator("#word-popover")
    expect(popover.locator("#word-popover-title")).to_have_text("2,4")
    expect(popover).to_contain_text("2.4")
    page.keyboard.press("Escape")
    expect(popover).to_be_hidden()



@pytest.mark.parametrize("text, number, says", [
    # A point before two digits and "Uhr" is a time, not a thousands point.
    ("Der Zug fährt um 7.30 Uhr ab.", "7.30", "A time: 7:30"),
    ("Der Zug fährt um 19:45 ab.", "19:45", "A time: 19:45"),
    ("Das Amt hat von 9.30–12.00 Uhr geöffnet.", "9.30", "A time: 9:30"),
    # A colon without a word of time around it: a score, not a time.
    ("Zur Pause stand es 14:12 für die Gäste.", "14:12", "A number"),
    # Day and month, each followed by a point: a date.
    ("Am 24.12. ist Heiligabend.", "24.12", "A date: 24 December"),
    ("Die Frist endet am 3.10.2025 um Mitternacht.", "3.10.2025", "A date: 3 October 2025"),
    ("Die Strecke ist 1.000 Meter lang.", "1.000", "in English notation 1,000"),
])
def test_a_time_or_a_date_is_told_apart_from_a_number(page, live_server, db, text, number, says, word_box):
    article = articles.create_article(db, "Zahlen\n\n" + text)
    page.goto(f"{live_server}/articles/{article}")
    point = word_box(page, 1, number)
    page.mouse.click(point["x"], point["y"])
    popover = page.locator("#word-popover")
    expect(popover.locator("#word-popover-title")).to_have_text(number)
    expect(popover).to_contain_text(says)

def test_the_translations_own_word_is_marked_and_fits(screen, live_server, app, db, write_ding, lemmatiser,
                                                       fake, word_box):
    importer.import_dictionary(db, "ding", write_ding(test_align.DING))
    article = articles.create_article(db, test_align.SENTENCE)
    fake.translations[test_align.SENTENCE] = "The gardeners have wrapped the young trees in fleece."
    translate.translate(db, test_align.SENTENCE, fake.settings("google"))
    page, width, height = screen
    page.goto(f"{live_server}/articles/{article}")
    point = word_box(page, 1, "Vlies")
    if width < 700:
        page.touchscreen.tap(point["x"], point["y"])
    else:
        page.mouse.click(point["x"], point["y"])
    popover = page.locator("#word-popover")
    mark = popover.locator("mark.word-aligned")
    expect(mark).to_have_text("fleece")
    expect(popover.locator("input[name=gloss]")).to_have_value("fleece")
    page.wait_for_function(FITS)
    mark.scroll_into_view_if_needed()  # inside the popover, not off the screen
    assert inside(mark.bounding_box(), width, height)
    assert inside(popover.bounding_box(), width, height)


def test_a_refused_save_is_explained_in_the_popover_and_keeps_what_was_typed(page, live_server, db, article, word_box):
    page.goto(f"{live_server}/articles/{article}")
    point = word_box(page, 1, "Soldaten")
    page.mouse.click(point["x"], point["y"])
    popover = page.locator("#word-popover")
    form = popover.locator("form.word-save")
    form.locator("[name=lemma]").fill("😀")
    form.locator("[name=gloss]").fill("my own meaning")
    form.locator("[data-action=save-word]").click()
    expect(form.locator(".error-message")).to_have_text("The word to save has no letters in it.")
    # The popover is still the word's, with what was typed: corrected, it saves.
    expect(popover.locator("#word-popover-title")).to_have_text("Soldaten")
    expect(popover.locator(".word-grammar")).to_contain_text("der Soldat, -en")
    expect(form.locator("[name=lemma]")).to_have_value("😀")
    expect(form.locator("[name=gloss]")).to_have_value("my own meaning")
    form.locator("[name=lemma]").fill("Soldat")
    form.locator("[data-action=save-word]").click()
    expect(popover.locator(".word-saved")).to_contain_text("Saved “Soldat”.")
    expect(popover.locator("[name=gloss]")).to_have_value("my own meaning")
    expect(popover.locator(".error-message")).to_have_count(0)
