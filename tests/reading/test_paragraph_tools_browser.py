"""The one paragraph toolbar: it follows the current paragraph, Tab reaches it, its labels name the paragraph."""
import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture
def reader(page, live_server):
    page.goto(live_server + "/articles/1")
    return page


def test_the_toolbar_follows_j_and_k_and_tab_reaches_it(reader):
    tools = reader.locator("#paragraph-tools")
    expect(reader.locator("#p-1 #paragraph-tools")).to_be_visible()
    reader.keyboard.press("j")
    expect(reader.locator("#p-2")).to_be_focused()
    expect(reader.locator("#p-2 #paragraph-tools")).to_be_visible()
    link = tools.get_by_role("link", name="¶ 2", exact=True)
    expect(link).to_have_attribute("href", "#p-2")
    expect(link).to_have_attribute("title", "Link to paragraph 2")
    reader.keyboard.press("Tab")
    expect(link).to_be_focused()
    reader.keyboard.press("Tab")
    expect(tools.get_by_role("button", name="Translate")).to_be_focused()
    reader.keyboard.press("Tab")
    expect(tools.get_by_role("button", name="Note on paragraph 2")).to_be_focused()
    reader.keyboard.press("Enter")
    expect(reader.locator("#hl-dialog")).to_be_visible()
    expect(reader.locator("#hl-dialog form")).to_have_attribute("hx-post", "/articles/1/p/2/note")


def test_the_mouse_takes_the_toolbar_along_but_t_translates_the_current_paragraph(reader, fake):
    reader.locator("#p-4").hover()
    expect(reader.locator("#p-4 #paragraph-tools")).to_be_visible()
    reader.keyboard.press("t")  # the current paragraph is still the first
    expect(reader.locator("#p-1-en")).to_be_visible()
    expect(reader.locator("#p-4-en")).to_have_count(0)
    reader.mouse.move(0, 0)  # out of the text: the next key brings the toolbar back to the current paragraph
    reader.keyboard.press("k")
    expect(reader.locator("#p-1 #paragraph-tools").get_by_role("button", name="Hide translation")).to_have_attribute(
        "aria-expanded", "true")


def test_a_heading_gets_translate_but_no_note_or_link(reader):
    reader.locator("#p-3").hover()
    tools = reader.locator("#p-3 #paragraph-tools")
    expect(tools.get_by_role("button", name="Translate")).to_be_visible()
    expect(tools.locator("[data-action=paragraph-note]")).to_be_hidden()
    expect(tools.locator("[data-action=link]")).to_be_hidden()


def test_the_link_counts_paragraphs_as_the_reader_does(reader):
    # Block 4 follows a heading: it is the third paragraph, and its link says so, starting with ¶.
    reader.locator("#p-4").hover()
    link = reader.locator("#p-4 #paragraph-tools").get_by_role("link", name="¶ 3", exact=True)
    expect(link).to_have_attribute("href", "#p-4")
    expect(link).to_have_text("¶")
