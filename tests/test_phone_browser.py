"""A 360×740 touch screen: the header stays small, controls are big enough for a finger, and
nothing floats over the selection toolbar or the tapped word."""
import pytest
from browser_helpers import word_point
from playwright.sync_api import expect

from annotations.reading import articles
from annotations.words import vocab

pytestmark = pytest.mark.browser

# What is on top at a point: the element itself or one of its descendants, or something else.
ON_TOP = """([x, y, selector]) => {
    const top = document.elementFromPoint(x, y);
    return Boolean(top && top.closest(selector));
}"""


@pytest.fixture
def small(browser, live_server):
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True,
                                  is_mobile=True, device_scale_factor=2)
    page = context.new_page()
    page.goto(live_server + "/articles/1")
    yield page
    context.close()


def test_the_text_starts_on_the_first_screen_and_keyboard_hints_are_hidden(small):
    top = small.locator("#p-1").bounding_box()["y"]
    assert top < 740 * 0.45, f"the first paragraph starts at {top}px of 740"
    expect(small.locator(".keys")).to_be_hidden()
    expect(small.locator(".hl-keys")).to_be_hidden()


def test_touch_targets_are_at_least_44_px(small):
    small_ones = small.evaluate("""() => [...document.querySelectorAll(
            '#reader button, #reader summary, #reader select, header.site a, header.site summary, .hl-panel-toggle')]
        .filter((el) => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden')
        .map((el) => [el.outerHTML.slice(0, 80), el.getBoundingClientRect()])
        .filter(([, r]) => r.width < 44 || r.height < 44)
        .map(([html, r]) => `${html} ${Math.round(r.width)}×${Math.round(r.height)}`)""")
    assert small_ones == []


def test_tapped_word_and_its_popover_are_both_visible(small):
    small.locator("#p-4").scroll_into_view_if_needed()
    point = word_point(small, 4, "Kurzstreckenraketen")
    small.touchscreen.tap(point["x"], point["y"])
    popover = small.locator("#word-popover")
    expect(popover.locator(".word-lookup")).to_be_visible()
    expect(popover).to_be_in_viewport()
    expect(small.locator("#hl-panel-toggle")).to_be_hidden()
    # The page scrolled the word clear of the bottom sheet: the word itself is on top.
    point = word_point(small, 4, "Kurzstreckenraketen")
    assert 0 < point["y"] < popover.bounding_box()["y"]
    assert small.evaluate(ON_TOP, [point["x"], point["y"], "#p-4-text"])


def test_selection_toolbar_is_not_covered(small):
    small.locator("#p-8").scroll_into_view_if_needed()
    small.evaluate("""() => {
        const text = document.createTreeWalker(document.getElementById('p-8-text'), NodeFilter.SHOW_TEXT).nextNode();
        const r = document.createRange();
        r.setStart(text, 0); r.setEnd(text, 10);
        getSelection().removeAllRanges(); getSelection().addRange(r);
    }""")
    toolbar = small.locator("#hl-toolbar")
    expect(toolbar).to_be_visible()
    expect(toolbar).to_be_in_viewport(ratio=1)
    expect(small.locator("#hl-panel-toggle")).to_be_hidden()
    for button in toolbar.locator("button:visible").all():
        box = button.bounding_box()
        assert small.evaluate(ON_TOP, [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, "#hl-toolbar"])


def test_the_paragraph_toolbar_covers_no_words(small):
    # Its 44 px buttons sit in the gap under the paragraph, above the next one: every word stays tappable.
    tools = small.locator("#p-1 #paragraph-tools")
    expect(tools).to_be_visible()
    box = tools.bounding_box()
    assert box["y"] >= small.locator("#p-1-text").bounding_box()["y"] + small.locator("#p-1-text").bounding_box()["height"]
    assert box["y"] + box["height"] <= small.locator("#p-2-text").bounding_box()["y"]


# Each header link (and Review's due count): its box, and whether it is on top at its middle.
NAV_ITEMS = """() => [...document.querySelectorAll('header.site nav a, header.site nav .due-count')].map((el) => {
    const r = el.getBoundingClientRect();
    const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return {text: el.textContent.trim(), left: r.left, right: r.right, width: r.width,
            onTop: Boolean(top && (top === el || el.contains(top) || top.contains(el)))};
})"""


def test_every_header_link_and_the_due_count_are_in_view_on_a_phone(phone, live_server, db):
    # 390×844: the links must not run off the side ("Revie…", the due count and Progress hidden).
    aid = articles.create_article(db, "Titel\n\nDer Iran ist ein Land.")
    vocab.save(db, lemma="Iran", surface="Iran", gloss="Iran", sentence="Der Iran ist ein Land.", translation=None,
               article_id=aid, block_n=1, start=4, end=8, sentence_start=0)
    phone.goto(f"{live_server}/articles/{aid}")
    expect(phone.locator("#nav-review .due-count")).to_have_text("1 due")
    items = phone.evaluate(NAV_ITEMS)
    assert [i["text"] for i in items] == ["Library", "Vocabulary", "Review 1 due", "1 due", "Progress"]
    for item in items:
        assert 0 <= item["left"] and item["right"] <= 390 and item["width"] > 0, item
        assert item["onTop"], item
    nav = phone.evaluate("(() => { const n = document.querySelector('header.site nav');"
                         " return [n.scrollWidth, n.clientWidth]; })()")
    assert nav[0] <= nav[1], f"the links scroll sideways: {nav}"
    # The text still starts on the first screen.
    assert phone.locator("#p-1").bounding_box()["y"] < 844 * 0.45


# Lines of text in view whose one end is on top and the other covered: [paragraph, line top, which end].
PARTLY_COVERED_LINES = """() => {
    const out = [];
    const shows = (x, y, p) => { const top = document.elementFromPoint(x, y); return Boolean(top && p.contains(top)); };
    for (const p of document.querySelectorAll('#reader .ptext')) {
        const range = document.createRange();
        range.selectNodeContents(p);
        for (const r of range.getClientRects()) {
            const y = r.top + r.height / 2;
            if (r.width < 8 || y < 0 || y > innerHeight) continue;
            const start = shows(r.left + 2, y, p), end = shows(r.right - 2, y, p);
            if (start !== end) out.push([p.id, Math.round(r.top), start ? 'end covered' : 'start covered']);
        }
    }
    return out;
}"""


def test_the_notes_button_covers_no_line_of_text(phone, live_server):
    # As the reader scrolls, every line passes where the Notes button is: none may lose its end to it.
    phone.goto(live_server + "/articles/1")
    expect(phone.locator("#hl-panel-toggle")).to_be_visible()
    height = phone.evaluate("document.documentElement.scrollHeight")
    covered = []
    for y in range(0, min(height, 3000), 23):
        phone.evaluate("(y) => window.scrollTo(0, y)", y)
        covered += phone.evaluate(PARTLY_COVERED_LINES)
    assert covered == []
