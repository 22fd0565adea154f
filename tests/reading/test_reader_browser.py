"""Reading in a real browser: keyboard navigation, progress, position across reloads, hidden chrome, text first."""
import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_j_k_move_and_the_position_survives_a_reload(page, live_server):
    page.goto(live_server + "/articles/1")
    progress = page.locator("#progress-n")
    expect(progress).to_have_text("1")
    page.keyboard.press("j")
    expect(page.locator("#p-2")).to_have_class("block block-paragraph current")
    expect(progress).to_have_text("2")
    # Skips the heading (block 3): the next paragraph is block 4, the third paragraph.
    with page.expect_response(lambda r: r.url.endswith("/articles/1/position") and r.status == 204):
        page.keyboard.press("j")
    expect(page.locator("#p-4")).to_be_focused()
    expect(progress).to_have_text("3")
    page.keyboard.press("k")
    expect(progress).to_have_text("2")
    page.keyboard.press("j")
    # Wait for this very write (n=5): the previous key's may answer later on a busy machine.
    with page.expect_response(lambda r: r.url.endswith("/position") and "n=5" in (r.request.post_data or "")):
        page.keyboard.press("j")
    expect(progress).to_have_text("4")

    page.reload()
    expect(page.locator("#p-5")).to_have_class("block block-paragraph current")
    expect(progress).to_have_text("4")


def test_site_chrome_is_hidden_until_revealed(page, live_server):
    page.goto(live_server + "/articles/1")
    netiquette = page.get_by_text("Netiquette").first
    expect(netiquette).to_be_hidden()
    page.locator("#page-chrome summary").click()
    expect(netiquette).to_be_visible()


def test_reading_column_has_a_comfortable_measure(page, live_server):
    page.goto(live_server + "/articles/1")
    metrics = page.evaluate("""() => {
        const p = document.querySelector('#p-1-text');
        const style = getComputedStyle(p);
        const chars = p.getBoundingClientRect().width / (parseFloat(style.fontSize) * 0.5);
        return {chars, lineHeight: parseFloat(style.lineHeight) / parseFloat(style.fontSize)};
    }""")
    # ~0.5em per average character: 60–80 characters a line, generous leading.
    assert 55 <= metrics["chars"] <= 85
    assert metrics["lineHeight"] >= 1.5


def test_the_text_starts_in_the_top_half_of_a_laptop_screen_and_the_folds_open(page, live_server):
    page.goto(live_server + "/articles/1")  # 1280×720
    assert page.locator("#p-1").bounding_box()["y"] < 720 / 2
    expect(page.locator("#edit-article")).to_be_hidden()
    page.locator("#article-more > summary").click()
    expect(page.locator("#edit-article")).to_be_visible()
    expect(page.get_by_label("Keep translations folded")).to_be_visible()
    expect(page.locator("#mark-all-known")).to_be_hidden()
    page.locator(".learning-details > summary").click()
    expect(page.locator("#mark-all-known")).to_be_visible()
