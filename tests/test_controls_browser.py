"""In Chromium: the controls only a script drives arrive with the script bundle, and nothing moves when they do."""
import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

CONTROLS = "input, select, textarea"
# What a reader sees move if a control arrives without its place held.
BOXES = """() => Object.fromEntries(["header.site", ".nav-search", ".prefs", "#article-toolbar", "#find",
  ".article-folds", "#p-1", "#annotation-panel"].map((s) => {
  const r = document.querySelector(s).getBoundingClientRect();
  return [s, [r.x, r.y, r.width, r.height].map(Math.round)];
}))"""


@pytest.mark.parametrize("size", [(1280, 720), (360, 640)])
def test_the_controls_arrive_with_the_bundle_and_nothing_moves(browser, live_server, size):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]},
                                  has_touch=size[0] < 400, is_mobile=size[0] < 400)
    try:
        # The bundle replaced by one that only says it ran: the page as the first paint sees it. No
        # form control is in the document (Chromium's autofill would read them and lay the page out
        # before painting it).
        page = context.new_page()
        page.route("**/assets/app.*", lambda route: route.fulfill(
            content_type="text/javascript", body='document.documentElement.setAttribute("data-ready", "");'))
        page.goto(live_server + "/articles/1")
        assert page.locator(CONTROLS).count() == 0
        before = page.evaluate(BOXES)
        page.close()

        page = context.new_page()
        page.goto(live_server + "/articles/1")
        expect(page.locator("html")).to_have_attribute("data-ready", "")
        for control in ("header.site .nav-search input[name=q]", "#find-input", "#pref-theme", "#pref-size",
                        "#pref-width", "#status-toggle", "#tr-fold"):
            expect(page.locator(control)).to_have_count(1)
        assert page.evaluate(BOXES) == before
    finally:
        context.close()


def test_the_controls_work_once_they_arrive(page, live_server):
    page.goto(live_server + "/articles/1")
    # The Display menu's select changes the theme; find in text finds; the header search searches.
    page.locator("#prefs summary").click()
    page.locator("#pref-theme").select_option("dark")
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")
    page.locator("#find-input").fill("Putin")
    expect(page.locator("#find-count")).not_to_have_text("")
    page.locator("header.site input[name=q]").fill("Kreml")
    page.locator("header.site input[name=q]").press("Enter")
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
    finally:
        context.close()
