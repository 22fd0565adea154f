"""A 360×740 touch screen: the header stays small, controls are big enough for a finger, and
nothing floats over the selection toolbar or the tapped word."""
import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

WORD_CENTER = """([n, word]) => {
    const p = document.getElementById('p-' + n + '-text');
    const i = p.textContent.indexOf(word);
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    let node, seen = 0;
    while ((node = walker.nextNode()) && i >= seen + node.data.length) seen += node.data.length;
    const r = document.createRange();
    r.setStart(node, i - seen); r.setEnd(node, i - seen + word.length);
    const b = r.getBoundingClientRect();
    return {x: b.left + b.width / 2, y: b.top + b.height / 2};
}"""

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
    point = small.evaluate(WORD_CENTER, [4, "Kurzstreckenraketen"])
    small.touchscreen.tap(point["x"], point["y"])
    popover = small.locator("#word-popover")
    expect(popover.locator(".word-lookup")).to_be_visible()
    expect(popover).to_be_in_viewport()
    expect(small.locator("#hl-panel-toggle")).to_be_hidden()
    # The page scrolled the word clear of the bottom sheet: the word itself is on top.
    point = small.evaluate(WORD_CENTER, [4, "Kurzstreckenraketen"])
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
