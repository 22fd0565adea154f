"""In a real browser: highlight with mouse, keyboard and touch; notes; overlaps; delete and undo."""
import re

import pytest
from playwright.sync_api import expect

from annotations.notes import highlights
from annotations.reading import articles

pytestmark = pytest.mark.browser

TEXT = ("Titel\n\n"
        "Ein 😀 Emoji vor dem Wort Haus. Noch ein Satz.\n\n"
        "Zweiter Absatz mit Text und Haus.")

# Range over UTF-16 offsets [s, e) of paragraph n's text, across the flat segments.
RANGE = """([n, s, e]) => {
    const p = document.getElementById('p-' + n + '-text');
    const at = (off) => {
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        let node, last = null;
        while ((node = walker.nextNode())) { if (off <= node.data.length) return [node, off]; off -= node.data.length; last = node; }
        return [last, last.data.length];
    };
    const r = document.createRange();
    r.setStart(...at(s)); r.setEnd(...at(e));
    %s
}"""


@pytest.fixture
def article(db):
    return articles.create_article(db, TEXT)


def span_of(page, n, quote):
    text = page.locator(f"#p-{n}-text").text_content()
    i = text.index(quote)
    return i, i + len(quote)


def utf16(page, n, quote):
    """UTF-16 offsets of quote in paragraph n, as the page counts them."""
    return page.evaluate("([n, q]) => { const t = document.getElementById('p-' + n + '-text').textContent;"
                         " const i = t.indexOf(q); return [i, i + q.length]; }", [n, quote])


def drag_select(page, n1, q1, n2=None, q2=None):
    """Drag the mouse from the first character of q1 (paragraph n1) to the last of q2."""
    n2, q2 = n2 or n1, q2 or q1
    s, _ = utf16(page, n1, q1)
    _, e = utf16(page, n2, q2)
    first = page.evaluate(RANGE % "const b = r.getBoundingClientRect(); return [b.left, b.top, b.height];", [n1, s, s + 1])
    last = page.evaluate(RANGE % "const b = r.getBoundingClientRect(); return [b.right, b.top, b.height];", [n2, e - 1, e])
    page.mouse.move(first[0] + 1, first[1] + first[2] / 2)
    page.mouse.down()
    page.mouse.move(last[0] - 1, last[1] + last[2] / 2, steps=8)
    page.mouse.up()


def set_selection(page, n, quote):
    """Select quote as a long-press would (Playwright cannot emulate the touch selection gesture)."""
    s, e = utf16(page, n, quote)
    page.evaluate(RANGE % "getSelection().removeAllRanges(); getSelection().addRange(r);", [n, s, e])


def mark(page, n, text):
    return page.locator(f"#p-{n}-text mark.hl", has_text=re.compile(f"^{re.escape(text)}$"))


def stored(db, aid):
    return [(a["block_n"], a["exact"], a["color"], a["note"]) for a in highlights.list_for_article(db, aid)]


def test_mouse_highlight_and_note_survive_reload(page, live_server, db, article):
    page.goto(f"{live_server}/articles/{article}")
    drag_select(page, 1, "Haus")
    toolbar = page.locator("#hl-toolbar")
    expect(toolbar).to_be_visible()
    toolbar.get_by_role("button", name="Highlight in green").click()
    expect(mark(page, 1, "Haus")).to_have_class(re.compile(r"\bhl-green\b"))
    expect(toolbar).to_be_hidden()

    drag_select(page, 2, "Absatz mit Text")
    toolbar.get_by_role("button", name="Add note").click()
    dialog = page.locator("#hl-dialog")
    expect(dialog).to_be_visible()
    expect(dialog.locator(".hl-form-quote")).to_have_text("Absatz mit Text")
    dialog.locator("textarea[name=note]").fill("**Absatz** = paragraph")
    dialog.locator("input[name=tags]").fill("Nomen, Schule")
    dialog.get_by_label("blue").check()
    with page.expect_response(lambda r: r.url.endswith("/highlights") and r.request.method == "POST"):
        dialog.get_by_role("button", name="Save").click()
    expect(dialog).to_be_hidden()
    expect(mark(page, 2, "Absatz mit Text")).to_have_class(re.compile(r"\bhl-blue\b.*\bhl-note\b"))
    item = page.locator("#hl-list .hl-item", has_text="Absatz mit Text")
    expect(item.locator(".hl-note-text strong")).to_have_text("Absatz")
    expect(item.locator(".hl-tags li")).to_have_text(["Nomen", "Schule"])

    # Stored in code points: the emoji before "Haus" did not shift it.
    assert stored(db, article) == [(1, "Haus", "green", None), (2, "Absatz mit Text", "blue", "**Absatz** = paragraph")]
    before = page.locator("main .ptext").evaluate_all("ps => ps.map(p => p.innerHTML)")
    page.reload()
    assert page.locator("main .ptext").evaluate_all("ps => ps.map(p => p.innerHTML)") == before
    expect(page.locator("#hl-list .hl-item")).to_have_count(2)
    expect(page.locator("#hl-list .hl-item").first.locator("q")).to_have_text("Haus")


def test_keyboard_shift_arrows_then_toolbar(page, live_server, db, article):
    page.goto(f"{live_server}/articles/{article}")
    page.keyboard.press("j")  # the second paragraph becomes current and focused
    expect(page.locator("#p-2")).to_be_focused()
    for _ in range(3):
        page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("Control+Shift+ArrowRight")
    expect(page.locator("#hl-toolbar")).to_be_visible()
    page.keyboard.press("Escape")  # cancel: no toolbar, focus back on the paragraph
    expect(page.locator("#hl-toolbar")).to_be_hidden()
    expect(page.locator("#p-2")).to_be_focused()
    for _ in range(3):
        page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("Control+Shift+ArrowRight")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Highlight in yellow")).to_be_focused()
    page.keyboard.press("Tab")  # yellow -> green
    page.keyboard.press("Enter")
    expect(mark(page, 2, "Zweiter")).to_have_class(re.compile(r"\bhl-green\b"))
    assert stored(db, article) == [(2, "Zweiter", "green", None)]
    expect(page.locator("#p-2")).to_be_focused()


def test_selection_across_paragraphs_gives_one_highlight_each(page, live_server, db, article):
    page.goto(f"{live_server}/articles/{article}")
    drag_select(page, 1, "Noch", 2, "Zweiter")
    expect(page.locator("#hl-toolbar-hint")).to_have_text("2 paragraphs: one highlight each")
    page.get_by_role("button", name="Highlight in purple").click()
    expect(mark(page, 1, "Noch ein Satz.")).to_have_count(1)
    expect(mark(page, 2, "Zweiter")).to_have_count(1)
    assert stored(db, article) == [(1, "Noch ein Satz.", "purple", None), (2, "Zweiter", "purple", None)]


def test_overlapping_highlights_show_both_and_click_offers_both(page, live_server, db, article):
    text = articles.get_block(db, article, 1)["text"]
    i = text.index("Emoji vor dem")
    yellow = highlights.create(db, article, 1, i, i + len("Emoji vor dem"), "Emoji vor dem", color="yellow")
    page.goto(f"{live_server}/articles/{article}")
    drag_select(page, 1, "dem Wort")
    page.get_by_role("button", name="Highlight in blue").click()
    both = mark(page, 1, "dem")
    expect(both).to_have_class(re.compile(r"(?=.*\bhl-yellow\b)(?=.*\bhl-blue\b)"))
    # Both colours are painted (the first fills, the next is a band at the foot), not one hiding the other.
    # (expect waits: the sentence spans' background transition may still be running)
    expect(both).to_have_css("background-color", "rgb(255, 226, 122)")
    expect(both).to_have_css("box-shadow", re.compile(r"rgb\(169, 211, 255\)"))

    both.click()
    menu = page.locator("#hl-menu")
    expect(menu.locator(".hl-menu-item")).to_have_count(2)
    expect(menu.locator(".hl-menu-item q")).to_have_text(["Emoji vor dem", "dem Wort"])
    # Recolour the yellow one from the menu.
    with page.expect_response(lambda r: r.url.endswith(f"/highlights/{yellow['id']}")):
        menu.locator(f"[data-hl-id='{yellow['id']}']").get_by_role("button", name="Make it red").click()
    expect(menu).to_be_hidden()
    expect(mark(page, 1, "Emoji vor ")).to_have_class(re.compile(r"\bhl-red\b"))
    expect(mark(page, 1, "dem")).to_have_class(re.compile(r"(?=.*\bhl-red\b)(?=.*\bhl-blue\b)"))
    # The menu also hands the clicked word to the word lookup.
    mark(page, 1, " Wort").click()
    menu.get_by_role("button", name="Look up word").click()
    expect(page.locator("#word-popover")).to_be_visible()
    expect(menu).to_be_hidden()


def test_delete_and_undo(page, live_server, db, article):
    text = articles.get_block(db, article, 2)["text"]
    highlights.create(db, article, 2, 0, 7, text[:7], color="red", note="Zahlwort")
    page.goto(f"{live_server}/articles/{article}")
    mark(page, 2, "Zweiter").click()
    page.locator("#hl-menu").get_by_role("button", name="Delete").click()
    expect(mark(page, 2, "Zweiter")).to_have_count(0)
    expect(page.locator("#hl-list .hl-item")).to_have_count(0)
    toast = page.locator("#hl-toast")
    expect(toast).to_contain_text("Highlight deleted.")
    toast.get_by_role("button", name="Undo").click()
    expect(mark(page, 2, "Zweiter")).to_have_class(re.compile(r"\bhl-red\b.*\bhl-note\b"))
    expect(toast).to_be_hidden()
    expect(page.locator("#hl-list .hl-item .hl-note-text")).to_have_text("Zahlwort")
    assert stored(db, article) == [(2, "Zweiter", "red", "Zahlwort")]


def test_edit_note_and_tags_from_the_panel(page, live_server, db, article):
    text = articles.get_block(db, article, 1)["text"]
    i = text.index("Haus")
    highlights.create(db, article, 1, i, i + 4, "Haus", color="blue", note="alt", tags=["Nomen"])
    page.goto(f"{live_server}/articles/{article}")
    page.locator("#hl-list .hl-item").get_by_role("button", name="Edit").click()
    dialog = page.locator("#hl-dialog")
    expect(dialog.locator("textarea[name=note]")).to_have_value("alt")
    expect(dialog.locator("input[name=tags]")).to_have_value("Nomen")
    dialog.locator("textarea[name=note]").fill("- neu\n- besser")
    dialog.locator("input[name=tags]").fill("Nomen, Haus")
    dialog.get_by_role("button", name="Save").click()
    expect(dialog).to_be_hidden()
    item = page.locator("#hl-list .hl-item")
    expect(item.locator(".hl-note-text li")).to_have_text(["neu", "besser"])
    expect(item.locator(".hl-tags li")).to_have_text(["Nomen", "Haus"])
    page.locator("#hl-filter select[name=tag]").select_option("Haus")
    expect(page.locator("#hl-list .hl-item q")).to_have_text(["Haus"])
    assert stored(db, article) == [(1, "Haus", "blue", "- neu\n- besser")]


def test_toolbar_look_up_hands_the_selection_to_the_word_popover(page, live_server, db, article):
    page.goto(f"{live_server}/articles/{article}")
    drag_select(page, 2, "Absatz")
    page.locator("#hl-toolbar").get_by_role("button", name="Look up").click()
    expect(page.locator("#word-popover")).to_be_visible()
    expect(page.locator("#hl-toolbar")).to_be_hidden()
    assert stored(db, article) == []


def test_fuzzy_highlight_is_flagged_until_confirmed_and_orphans_kept(page, live_server, db, article):
    text = articles.get_block(db, article, 1)["text"]
    i = text.index("Emoji vor dem Wort Haus")
    highlights.create(db, article, 1, i, i + 23, "Emoji vor dem Wort Haus", color="green")
    highlights.create(db, article, 2, 0, 7, "Zweiter", color="red")
    highlights.edit_text(db, article, "Titel\n\nEin 😀 Emoji vor einem Wort Haus. Noch ein Satz.\n\nGanz anders.")
    page.goto(f"{live_server}/articles/{article}")
    fuzzy = page.locator("#p-1-text mark.hl-fuzzy")
    expect(fuzzy).to_have_text("Emoji vor einem Wort Haus")
    expect(page.locator("#hl-orphans .hl-item q")).to_have_text(["Zweiter"])
    page.locator("#hl-list .hl-item").get_by_role("button", name="Confirm").click()
    expect(fuzzy).to_have_count(0)
    expect(page.locator("#p-1-text mark.hl-green")).to_have_text("Emoji vor einem Wort Haus")
    expect(page.get_by_role("button", name="Confirm")).to_have_count(0)
    expect(page.locator("#hl-orphans .hl-item q")).to_have_text(["Zweiter"])


def test_panel_filters_jumps_and_flashes(page, live_server, db, article):
    for n, quote, color in [(1, "Emoji", "yellow"), (1, "Noch", "green"), (2, "Text", "green")]:
        text = articles.get_block(db, article, n)["text"]
        i = text.index(quote)
        highlights.create(db, article, n, i, i + len(quote), quote, color=color)
    page.goto(f"{live_server}/articles/{article}")
    items = page.locator("#hl-list .hl-item q")
    expect(items).to_have_text(["Emoji", "Noch", "Text"])
    page.locator("#hl-filter select[name=color]").select_option("green")
    expect(items).to_have_text(["Noch", "Text"])
    page.locator("#hl-list .hl-goto", has_text="Text").click()
    expect(mark(page, 2, "Text")).to_have_class(re.compile(r"\bhl-flash\b"))
    expect(page.locator("#p-2")).to_have_class(re.compile(r"\bcurrent\b"))


def test_paragraph_note_and_clear_error_for_too_long_note(page, live_server, db, article):
    page.goto(f"{live_server}/articles/{article}")
    page.locator("#p-2").hover()
    page.get_by_role("button", name="Note on paragraph 2").click()
    dialog = page.locator("#hl-dialog")
    dialog.locator("textarea[name=note]").fill("x" * (highlights.MAX_NOTE_CHARS + 1))
    dialog.get_by_role("button", name="Save").click()
    expect(dialog.locator(".hl-form-error")).to_contain_text("too long")
    assert stored(db, article) == []
    dialog.locator("textarea[name=note]").fill("Der *ganze* Absatz")
    dialog.get_by_role("button", name="Save").click()
    expect(dialog).to_be_hidden()
    expect(page.locator("#p-2 .hl-pnote em")).to_have_text("ganze")
    expect(page.locator("#hl-list .hl-item .hl-where")).to_have_text("¶ 2")


def test_phone_touch_highlight_note_drawer(phone, live_server, db, article):
    page = phone
    page.goto(f"{live_server}/articles/{article}")
    set_selection(page, 1, "Haus")
    toolbar = page.locator("#hl-toolbar")
    expect(toolbar).to_be_visible()
    toolbar.get_by_role("button", name="Highlight in yellow").tap()
    expect(mark(page, 1, "Haus")).to_have_count(1)

    set_selection(page, 2, "Zweiter Absatz")
    toolbar.get_by_role("button", name="Add note").tap()
    dialog = page.locator("#hl-dialog")
    dialog.locator("textarea[name=note]").fill("vom Handy")
    dialog.get_by_role("button", name="Save").tap()
    expect(dialog).to_be_hidden()
    expect(mark(page, 2, "Zweiter Absatz")).to_have_class(re.compile(r"\bhl-note\b"))

    page.reload()
    expect(mark(page, 1, "Haus")).to_have_count(1)
    panel = page.locator("#annotation-panel")
    expect(panel).to_be_hidden()  # a drawer on phones
    page.locator("#hl-panel-toggle").tap()
    expect(panel).to_be_visible()
    expect(panel.locator(".hl-item q")).to_have_text(["Haus", "Zweiter Absatz"])
    panel.locator(".hl-goto", has_text="Haus").tap()
    expect(panel).to_be_hidden()
    expect(mark(page, 1, "Haus")).to_have_class(re.compile(r"\bhl-flash\b"))

    # Delete and undo by touch.
    mark(page, 2, "Zweiter Absatz").tap()
    page.locator("#hl-menu").get_by_role("button", name="Delete").tap()
    expect(mark(page, 2, "Zweiter Absatz")).to_have_count(0)
    page.locator("#hl-toast").get_by_role("button", name="Undo").tap()
    expect(mark(page, 2, "Zweiter Absatz")).to_have_count(1)
    assert stored(db, article) == [(1, "Haus", "yellow", None), (2, "Zweiter Absatz", "yellow", "vom Handy")]


def test_undo_waits_while_the_reader_is_on_it(page, live_server, db, article):
    text = articles.get_block(db, article, 2)["text"]
    highlights.create(db, article, 2, 0, 7, text[:7], color="red")
    page.clock.install()
    page.goto(f"{live_server}/articles/{article}")
    mark(page, 2, "Zweiter").click()
    page.locator("#hl-menu").get_by_role("button", name="Delete").click()
    toast = page.locator("#hl-toast")
    undo = toast.get_by_role("button", name="Undo")
    expect(undo).to_be_visible()
    undo.focus()
    page.clock.run_for("00:20")  # long past the toast's few seconds
    expect(undo).to_be_visible()
    undo.hover()
    page.locator("#p-1").focus()  # focus leaves; the pointer is still on it
    page.clock.run_for("00:20")
    expect(undo).to_be_visible()
    page.mouse.move(5, 5)  # and now the pointer leaves too: the toast goes after its delay
    page.clock.run_for("00:20")
    expect(toast).to_be_hidden()


def test_a_long_notes_panel_arrives_right_after_the_page(page, live_server, db, article):
    from annotations.reading.views import PANEL_INLINE_MAX

    text = articles.get_block(db, article, 1)["text"]
    word = text.split()[0]
    for i in range(PANEL_INLINE_MAX + 5):
        highlights.create(db, article, 1, 0, len(word), word, note=f"Notiz {i}")
    page.goto(f"{live_server}/articles/{article}")
    expect(page.locator("#hl-list .hl-item")).to_have_count(PANEL_INLINE_MAX + 5)
    expect(page.locator("#hl-count")).to_contain_text(f"{PANEL_INLINE_MAX + 5} in this article")


def test_tab_takes_the_selection_as_it_is_even_before_the_toolbar_redraws(page, live_server, db, article):
    """A selection grown by Ctrl+Shift+→ and a Tab before the next frame highlights the grown text."""
    page.goto(f"{live_server}/articles/{article}")
    page.keyboard.press("j")
    expect(page.locator("#p-2")).to_be_focused()
    for _ in range(3):
        page.keyboard.press("Shift+ArrowRight")
    expect(page.locator("#hl-toolbar")).to_be_visible()
    # No more frames: the toolbar's fields still say "Zwe" when Tab comes (a busy machine's race).
    page.evaluate("window.requestAnimationFrame = () => 0")
    page.keyboard.press("Control+Shift+ArrowRight")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Highlight in yellow")).to_be_focused()
    page.keyboard.press("Enter")
    expect(mark(page, 2, "Zweiter")).to_have_class(re.compile(r"\bhl-yellow\b"))
    assert stored(db, article) == [(2, "Zweiter", "yellow", None)]


def test_the_first_highlight_and_the_panel_filters_log_no_error(page, live_server, db, article):
    # The panel refreshes itself with its filter's choices; before the first highlight there is no
    # filter, and asking for a missing one made htmx log an error in the reader's console.
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{live_server}/articles/{article}")
    expect(page.locator("#hl-panel-body .hl-empty")).to_be_visible()
    drag_select(page, 1, "Haus")
    page.get_by_role("button", name="Highlight in green").click()
    expect(page.locator("#hl-list .hl-item")).to_have_count(1)
    drag_select(page, 2, "Zweiter")
    page.get_by_role("button", name="Highlight in red").click()
    expect(page.locator("#hl-list .hl-item")).to_have_count(2)
    # htmx wires the fresh filter form as the swap settles (a person is never that quick).
    expect(page.locator("#hl-panel-body")).not_to_have_class(re.compile(r"\bhtmx-settling\b"))
    # The filter still narrows the list, and a refresh after the next highlight keeps its choice.
    page.locator("#hl-filter").get_by_label("Colour").select_option("red")
    expect(page.locator("#hl-list .hl-item")).to_have_count(1)
    drag_select(page, 2, "Absatz")
    page.get_by_role("button", name="Highlight in red").click()
    expect(page.locator("#hl-list .hl-item")).to_have_count(2)
    expect(page.locator("#hl-count")).to_contain_text("2 of 3 shown")
    assert errors == []


# Font size of each note heading next to its note's text, as [heading px, text px] pairs.
NOTE_HEADING_SIZES = """(scope) => [...document.querySelectorAll(scope + ' .hl-note-text :is(h1, h2, h3)')]
    .filter((h) => h.getClientRects().length)
    .map((h) => [parseFloat(getComputedStyle(h).fontSize),
                 parseFloat(getComputedStyle(h.closest('.hl-note-text')).fontSize)])"""


def test_a_notes_markdown_heading_is_a_small_note_heading(page, live_server, db, article):
    # "# Wichtig" in a note is a heading of the note: the note's own text size, not the page's h1.
    note = "# Wichtig\n\n## Auch\n\nDas Haus ist alt."
    highlights.create_paragraph_note(db, article, 1, note)
    text = articles.get_block(db, article, 2)["text"]
    i = text.index("Haus")
    highlights.create(db, article, 2, i, i + 4, "Haus", note=note)
    page.goto(f"{live_server}/articles/{article}")
    expect(page.locator("#p-1 .hl-note-text h1")).to_be_visible()
    expect(page.locator("#annotation-panel .hl-note-text h1")).to_have_count(2)
    for scope in ("#p-1", "#annotation-panel"):
        sizes = page.evaluate(NOTE_HEADING_SIZES, scope)
        assert sizes and all(h <= t * 1.05 for h, t in sizes), (scope, sizes)
    page.locator("#p-2 mark.hl").first.click()
    expect(page.locator("#hl-menu .hl-note-text h1")).to_be_visible()
    sizes = page.evaluate(NOTE_HEADING_SIZES, "#hl-menu")
    assert sizes and all(h <= t * 1.05 for h, t in sizes), sizes
