"""Keyboard only: read, translate, highlight, note, look up, save; focus is asserted after each step."""
import pytest
from playwright.sync_api import expect

from annotations.notes import highlights
from annotations.reading import articles

pytestmark = pytest.mark.browser


def focused(page, selector):
    """Say whether the focused element is inside (or is) selector."""
    return page.evaluate("s => Boolean(document.activeElement && document.activeElement.closest(s))", selector)


def tab_to(page, selector, limit=25):
    """Press Tab until the focused element matches selector (as a keyboard user would)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} was not reached with Tab")


def add_note_by_keyboard(page, note):
    """Tab to paragraph 2's highlight, open its menu, choose "Add note", type note and Save."""
    tab_to(page, "#p-2 mark.hl")
    page.keyboard.press("Enter")
    expect(page.locator("#hl-menu button").first).to_be_focused()
    tab_to(page, "#hl-menu .hl-edit")
    page.keyboard.press("Enter")
    expect(page.locator("#hl-dialog textarea")).to_be_focused()
    page.keyboard.type(note)
    tab_to(page, "#hl-dialog .hl-save")
    page.keyboard.press("Enter")
    expect(page.locator("#hl-dialog")).to_be_hidden()


def test_read_translate_highlight_note_look_up_save_by_keyboard(page, live_server):
    page.goto(live_server + "/articles/1")
    p2 = page.locator("#p-2")

    # Read: j moves to the second paragraph.
    page.keyboard.press("j")
    expect(p2).to_be_focused()
    expect(page.locator("#progress-n")).to_have_text("2")

    # Translate: t; the English appears and focus stays on the paragraph.
    page.keyboard.press("t")
    expect(page.locator("#p-2-en")).to_be_visible()
    expect(p2).to_be_focused()

    # Highlight: Ctrl+Shift+Right selects the first word, Tab reaches the colours, Enter saves.
    page.keyboard.press("Control+Shift+ArrowRight")
    toolbar = page.locator("#hl-toolbar")
    expect(toolbar).to_be_visible()
    page.keyboard.press("Tab")
    expect(toolbar.locator("button").first).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#p-2 mark.hl")).to_have_count(1)
    expect(page.locator("#p-2")).to_be_focused()  # the re-rendered paragraph, not <body>
    expect(page.locator("#p-2")).to_have_class("block block-paragraph current")

    # Note: Tab to the highlight, Enter opens its menu, "Add note", type, save.
    add_note_by_keyboard(page, "Der Anfang")
    expect(page.locator("#p-2 mark.hl-note")).to_have_count(1)
    expect(page.locator("#p-2 mark.hl-note")).to_be_focused()  # back on the highlight
    # And Tab goes on from there, not from the top of the page: to what follows in the paragraph
    # (its sentences, then its toolbar, which comes after the text).
    page.keyboard.press("Tab")
    assert focused(page, "#p-2"), page.evaluate("document.activeElement.outerHTML.slice(0, 120)")
    page.keyboard.press("Shift+Tab")
    expect(page.locator("#p-2 mark.hl-note")).to_be_focused()

    # Look up: l opens the current paragraph's first word in a dialog that takes focus.
    page.keyboard.press("l")
    popover = page.locator("#word-popover")
    expect(popover.locator(".word-lookup")).to_be_visible()
    expect(popover).to_be_focused()
    expect(popover.locator("#word-popover-title")).to_have_text("Putin")

    # Save: Tab to Save, Enter; focus stays in the popover on the (now "Update") button.
    tab_to(page, "#word-popover [data-action=save-word]")
    page.keyboard.press("Enter")
    expect(popover.locator(".word-saved")).to_contain_text("Saved")
    expect(popover.locator("[data-action=save-word]")).to_be_focused()

    # Escape closes the popover and returns to the paragraph.
    page.keyboard.press("Escape")
    expect(popover).to_be_hidden()
    assert focused(page, "#p-2")


def test_skip_link_and_n_reach_the_notes_panel(page, live_server):
    page.goto(live_server + "/articles/1")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to the text")).to_be_focused()
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to highlights & notes")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()  # visible while focused
    page.keyboard.press("Enter")
    expect(page.locator("#annotation-panel")).to_be_focused()
    page.locator("#p-4").focus()
    page.keyboard.press("n")
    expect(page.locator("#annotation-panel")).to_be_focused()


def test_question_mark_lists_every_key_and_escape_returns(page, live_server):
    page.goto(live_server + "/articles/1")
    page.keyboard.press("j")
    expect(page.locator("#p-2")).to_be_focused()
    page.keyboard.press("?")
    keys = page.locator("#keys-dialog")
    expect(keys).to_be_visible()
    expect(page.locator("#keys-close")).to_be_focused()
    for key in ("j", "k", "t", "l", "n", "?", "Esc", "Enter"):
        expect(keys.locator("kbd", has_text=key).first).to_be_attached()
    page.keyboard.press("Escape")
    expect(keys).to_be_hidden()
    expect(page.locator("#p-2")).to_be_focused()


def test_the_highlight_menu_works_the_moment_it_takes_focus(page, live_server, db):
    # htmx wires a swapped button's hx-post when the swap settles (20 ms later by default); the
    # menu took focus before that, and an Enter pressed at once did nothing.
    text = articles.get_block(db, 1, 2)["text"]
    highlights.create(db, 1, 2, 0, 5, text[:5], color="blue")
    page.add_init_script("""
      document.addEventListener("focusin", (e) => {
        if (e.target.closest && e.target.closest("#hl-menu") && window.__menuWired === undefined) {
          window.__menuWired = Boolean(e.target["htmx-internal-data"]);
        }
      });""")
    page.goto(live_server + "/articles/1")
    page.locator("#p-2 mark.hl").click()
    expect(page.get_by_role("dialog", name="Highlight menu").locator("button").first).to_be_focused()
    assert page.evaluate("window.__menuWired") is True


def test_a_highlight_menu_is_a_dialog_escape_returns_to_the_highlight(page, live_server, db):
    text = articles.get_block(db, 1, 2)["text"]
    highlights.create(db, 1, 2, 0, 5, text[:5], color="blue")
    page.goto(live_server + "/articles/1")
    page.keyboard.press("j")
    expect(page.locator("#p-2")).to_be_focused()
    tab_to(page, "#p-2 mark.hl")
    page.keyboard.press("Enter")
    menu = page.get_by_role("dialog", name="Highlight menu")
    expect(menu).to_be_visible()
    expect(menu.locator("button").first).to_be_focused()
    page.keyboard.press("Escape")
    expect(menu).to_be_hidden()
    expect(page.locator("#p-2 mark.hl")).to_be_focused()
    # A colour chosen from the menu re-renders the paragraph; focus comes back to the highlight.
    page.keyboard.press("Enter")
    expect(menu.get_by_role("button", name="Make it green")).to_be_visible()
    # The menu takes focus once it has settled: Tab on from there, as a reader would.
    expect(menu.locator("button").first).to_be_focused()
    tab_to(page, "#hl-menu [aria-label='Make it green']")
    page.keyboard.press("Enter")
    expect(page.locator("#p-2 mark.hl-green")).to_be_focused()


def test_focus_returns_to_a_highlight_whose_paragraph_htmx_has_not_settled_yet(page, live_server, db):
    # A save re-renders the paragraph at once but gives its marks their Tab stop only when htmx
    # settles it, 20 ms later; the note dialog closes in between. Focus must still reach the mark.
    text = articles.get_block(db, 1, 2)["text"]
    highlights.create(db, 1, 2, 0, 5, text[:5], color="blue")
    page.goto(live_server + "/articles/1")
    page.keyboard.press("j")
    tab_to(page, "#p-2 mark.hl")
    page.evaluate("""() => {
      const old = document.getElementById("p-2");
      const fresh = old.cloneNode(true);
      fresh.querySelectorAll("mark").forEach((m) => m.removeAttribute("tabindex"));
      old.replaceWith(fresh);
      document.getElementById("hl-dialog").dispatchEvent(new Event("close"));
    }""")
    expect(page.locator("#p-2 mark.hl")).to_be_focused()


def test_a_note_saved_before_its_form_has_settled_is_saved_in_place(page, live_server, db):
    # htmx wires a swapped form's hx-post when the swap settles, 20 ms later, and later still on a
    # busy machine, where that timer waits behind the keys being typed; the note's textarea has
    # focus before then. Typing the note and pressing Save inside that time posted the form
    # natively: the note was saved, but by a whole new page, and focus was not on the highlight.
    text = articles.get_block(db, 1, 2)["text"]
    highlights.create(db, 1, 2, 0, 5, text[:5], color="blue")
    # The dialog's form settles only after everything below: the slow machine's order, every run.
    page.add_init_script("""
      document.addEventListener("htmx:beforeSwap", (e) => {
        if (e.detail.target && e.detail.target.id === "hl-dialog-body") e.detail.swapOverride = "innerHTML settle:600s";
      });""")
    page.goto(live_server + "/articles/1")
    page.evaluate("window.samePage = true")  # gone if the page is replaced
    page.keyboard.press("j")
    add_note_by_keyboard(page, "Der Anfang")
    expect(page.locator("#p-2 mark.hl-note")).to_be_focused()  # back on the highlight
    assert page.evaluate("window.samePage") is True, "Save posted the form natively (a new page)"
    assert highlights.list_for_article(db, 1)[0]["note"] == "Der Anfang"


def test_a_new_highlight_is_a_tab_stop_the_moment_its_paragraph_takes_focus(page, live_server):
    # A highlight made by keyboard re-renders its paragraph and focus goes back to it at once;
    # htmx hands the new paragraph to the script that gives its marks a Tab stop only when it
    # settles, 20 ms later (later still on a busy machine), so a Tab pressed before then skipped
    # the new highlight. What focus finds is recorded as it arrives: no race with the timer.
    page.add_init_script("""
      window.arrivals = [];
      document.addEventListener("focusin", (e) => {
        const p = document.getElementById("p-2");
        if (!p || !p.contains(e.target)) return;
        const mark = p.querySelector("mark.hl");
        window.arrivals.push({ on: e.target.tagName, markIsATabStop: Boolean(mark && mark.tabIndex === 0) });
      });""")
    page.goto(live_server + "/articles/1")
    page.keyboard.press("j")
    expect(page.locator("#p-2")).to_be_focused()
    page.keyboard.press("Control+Shift+ArrowRight")
    expect(page.locator("#hl-toolbar")).to_be_visible()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator("#p-2 mark.hl")).to_have_count(1)
    expect(page.locator("#p-2")).to_be_focused()
    assert page.evaluate("window.arrivals.at(-1)") == {"on": "SECTION", "markIsATabStop": True}
