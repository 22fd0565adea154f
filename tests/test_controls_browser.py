"""In Chromium: form controls and the notes panel's contents wait for the text's first paint, and nothing moves."""
import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

# Before the page's own scripts: at DOMContentLoaded (the parsed document, before "load" and the
# first paint's report), count the form controls and note where the parts a reader sees are.
AT_PARSE = """
document.addEventListener("DOMContentLoaded", () => {
  window.__atParse = {
    controls: document.querySelectorAll("input, select, textarea").length,
    panel: getComputedStyle(document.querySelector("#hl-panel-body")).contentVisibility,
    boxes: (%s)(),
  };
});
"""
# What a reader sees move if a control arrives without its place held (heights left out: the
# paragraph tools join the first paragraph when the scripts run; the notes panel grows as its
# contents are shown, beside the text).
BOXES = """() => Object.fromEntries(["header.site", ".nav-search", ".prefs", "#article-toolbar", "#find",
  ".article-folds", "#p-1", "#annotation-panel"].map((s) => {
  const r = document.querySelector(s).getBoundingClientRect();
  return [s, [r.x, r.y, r.width, ["#p-1", "#annotation-panel"].includes(s) ? null : r.height].map((v) => v === null ? v : Math.round(v))];
}))"""
CONTROLS = ("header.site .nav-search input[name=q]", "#find-input", "#pref-theme", "#pref-size", "#pref-width",
            "#status-toggle", "#tr-fold")


@pytest.mark.parametrize("size", [(1280, 720), (800, 600), (360, 640)])
def test_no_control_is_parsed_and_nothing_moves_when_they_arrive(browser, live_server, size):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]},
                                  has_touch=size[0] < 400, is_mobile=size[0] < 400)
    try:
        page = context.new_page()
        page.add_init_script(AT_PARSE % BOXES)
        page.goto(live_server + "/articles/1")
        for control in CONTROLS:
            expect(page.locator(control)).to_have_count(1)
        at_parse = page.evaluate("window.__atParse")
        # None in the parsed document: Chromium's autofill would read them and lay the page out
        # before painting it.
        assert at_parse["controls"] == 0
        # The notes panel's contents are skipped by the first frame's layout and shown right after.
        assert at_parse["panel"] == "hidden"
        assert page.evaluate('getComputedStyle(document.querySelector("#hl-panel-body")).contentVisibility') == "visible"
        if size[0] > 400:  # beside the text (on a phone it is a closed drawer)
            expect(page.locator("#annotation-panel .hl-empty")).to_be_visible()
        assert page.evaluate(BOXES) == at_parse["boxes"]
    finally:
        context.close()


def test_the_controls_work_once_they_arrive(page, live_server):
    page.goto(live_server + "/articles/1")
    # The Display menu's select changes the theme; find in text counts its matches; the header
    # search box searches.
    page.locator("#prefs summary").click()
    page.locator("#pref-theme").select_option("dark")
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")
    page.locator("#find-input").fill("Putin")
    expect(page.locator("#find-count")).to_have_text(re.compile(r"^1 of [1-9]\d*$"))
    page.locator("header.site input[name=q]").fill("Kreml")
    page.locator("header.site input[name=q]").press("Enter")
    expect(page).to_have_url(f"{live_server}/search?q=Kreml")


def test_a_bundle_that_never_arrives_leaves_the_search_box_working(page, live_server):
    page.route("**/assets/app.*", lambda route: route.fulfill(status=404, body="gone"))
    Page.goto.__wrapped__(page, live_server + "/articles/1")  # no data-ready will come
    box = page.locator("header.site input[name=q]")
    box.fill("Kreml")
    box.press("Enter")
    expect(page).to_have_url(f"{live_server}/search?q=Kreml")


def test_without_scripts_the_search_box_is_there_and_searches(browser, live_server):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(live_server + "/articles/1")
        box = page.locator("header.site input[name=q]")
        expect(box).to_be_visible()
        box.fill("Kreml")
        box.press("Enter")
        expect(page).to_have_url(f"{live_server}/search?q=Kreml")
        expect(page.locator("main")).to_contain_text("Kreml")
        # Nothing holds the notes panel back where no script will show it.
        page.go_back()
        expect(page.locator("#annotation-panel .hl-empty")).to_be_visible()
    finally:
        context.close()


def test_a_reader_who_goes_to_the_notes_panel_early_finds_its_contents(page, live_server):
    # Before the text's first paint is reported (no data-painted yet), the skip link's target and
    # a focused panel show their contents all the same.
    page.goto(live_server + "/articles/1")
    page.evaluate('document.documentElement.removeAttribute("data-painted")')
    body = page.locator("#hl-panel-body")
    assert body.evaluate("(e) => getComputedStyle(e).contentVisibility") == "hidden"
    page.evaluate('location.hash = "#annotation-panel"')
    expect(page.locator("#annotation-panel .hl-empty")).to_be_visible()
    page.evaluate('location.hash = "#p-1"')  # another target, focus elsewhere
    page.evaluate('document.querySelector("#p-1").focus()')
    assert body.evaluate("(e) => getComputedStyle(e).contentVisibility") == "hidden"
    page.locator("#annotation-panel").focus()
    expect(page.locator("#annotation-panel .hl-empty")).to_be_visible()


def test_the_open_word_counts_offering_an_undo_do_not_move_either(page, live_server):
    # Right after "mark all known" the counts fold is sent open (to offer the undo): its switch is
    # then sent in place, so the legend beside it stays where the first paint put it.
    page.goto(live_server + "/articles/1")
    page.locator(".learning-details > summary").click()
    page.locator("#mark-all-known").click()
    expect(page.locator("#undo-known")).to_be_visible()
    page.add_init_script(AT_PARSE % LEGEND)
    page.reload()
    expect(page.locator(".learning-details")).to_have_attribute("open", "")
    assert page.evaluate(LEGEND) == page.evaluate("window.__atParse.boxes")


LEGEND = """() => { const r = document.querySelector(".status-legend").getBoundingClientRect();
  return [r.x, r.y, r.width, r.height].map(Math.round); }"""
