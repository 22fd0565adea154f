"""Display settings: themes, text size and column width, remembered and applied before first paint;
and the printed study sheet."""
import time

import pytest
from playwright.sync_api import expect

from annotations.notes import highlights
from annotations.reading import articles

pytestmark = pytest.mark.browser

# Record <html data-*> at the moment <body> is parsed: before anything is painted.
AT_BODY = """
new MutationObserver((changes, observer) => {
    if (!document.body) return;
    const html = document.documentElement;
    window.atBody = {theme: html.dataset.theme || null, size: html.dataset.size || null,
                     width: html.dataset.width || null};
    observer.disconnect();
}).observe(document, {childList: true, subtree: true});
"""


def background(page):
    return page.evaluate("getComputedStyle(document.body).backgroundColor")


def test_settings_survive_a_reload_and_apply_before_first_paint(page, live_server):
    page.add_init_script(AT_BODY)
    page.goto(live_server + "/articles/1")
    light = background(page)
    column = page.locator("#p-1-text").bounding_box()["width"]
    size = page.evaluate("parseFloat(getComputedStyle(document.getElementById('p-1-text')).fontSize)")

    page.locator("#prefs summary").click()
    page.locator("#pref-theme").select_option("sepia")
    page.locator("#pref-size").select_option("l")
    page.locator("#pref-width").select_option("narrow")
    expect(page.locator("html")).to_have_attribute("data-theme", "sepia")

    page.reload()
    assert page.evaluate("window.atBody") == {"theme": "sepia", "size": "l", "width": "narrow"}
    assert background(page) not in (light, "rgba(0, 0, 0, 0)")
    assert page.evaluate("parseFloat(getComputedStyle(document.getElementById('p-1-text')).fontSize)") > size
    assert page.locator("#p-1-text").bounding_box()["width"] < column
    expect(page.locator("#pref-theme")).to_have_value("sepia")  # the controls show the choice
    page.goto(live_server + "/articles")  # and every page uses it
    assert page.evaluate("document.documentElement.dataset.theme") == "sepia"


def test_a_choice_kept_by_an_older_version_moves_over_once(browser, live_server):
    # Before the cookies, the choices lived in localStorage: an upgrade must not lose them.
    context = browser.new_context()
    page = context.new_page()
    page.goto(live_server + "/articles")
    page.evaluate("localStorage.setItem('randnotiz.pref.theme', 'dark'); localStorage.setItem('randnotiz.pref.width', 'wide')")
    page.goto(live_server + "/articles/1")
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")  # this page: once the bundle runs
    expect(page.locator("html")).to_have_attribute("data-width", "wide")
    page.add_init_script(AT_BODY)
    page.reload()  # every page after: served in it
    assert page.evaluate("window.atBody") == {"theme": "dark", "size": None, "width": "wide"}
    assert page.evaluate("localStorage.getItem('randnotiz.pref.theme')") is None
    expect(page.locator("#pref-theme")).to_have_value("dark")
    context.close()


def test_back_after_a_change_shows_the_new_choice_before_first_paint(page, live_server):
    page.goto(live_server + "/articles/1")
    page.goto(live_server + "/articles")
    page.locator("#prefs summary").click()
    page.locator("#pref-theme").select_option("dark")
    page.add_init_script(AT_BODY)
    page.go_back()  # not the page as cached under the old theme
    expect(page.locator("html")).to_have_attribute("data-ready", "")
    assert page.evaluate("window.atBody")["theme"] == "dark"


def test_where_cookies_are_refused_the_choice_stays_in_local_storage(browser, live_server):
    context = browser.new_context()
    context.add_init_script("""
        Object.defineProperty(Document.prototype, "cookie", {get: () => "", set: () => {}, configurable: true});
        localStorage.setItem("randnotiz.pref.theme", "dark");""")
    page = context.new_page()
    page.goto(live_server + "/articles/1")
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")  # once the bundle runs
    assert page.evaluate("localStorage.getItem('randnotiz.pref.theme')") == "dark"  # not lost
    context.close()


def test_a_malformed_cookie_from_another_local_app_breaks_nothing(browser, live_server):
    # Cookies are not kept apart by port: any app on 127.0.0.1 can set one under our name.
    context = browser.new_context()
    context.add_cookies([{"name": "randnotiz.theme", "value": "%E0", "url": live_server}])
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    page.goto(live_server + "/articles/1")
    expect(page.locator("html")).to_have_attribute("data-ready", "")
    page.locator("#prefs summary").click()
    page.locator("#pref-theme").select_option("sepia")
    expect(page.locator("html")).to_have_attribute("data-theme", "sepia")
    assert errors == []
    context.close()


def test_a_choice_is_kept_a_year_from_the_last_visit(browser, live_server):
    context = browser.new_context()
    soon = time.time() + 3600
    context.add_cookies([{"name": "randnotiz.size", "value": "l", "url": live_server, "expires": soon}])
    page = context.new_page()
    page.goto(live_server + "/articles/1")
    expect(page.locator("html")).to_have_attribute("data-ready", "")
    kept, = [c for c in context.cookies() if c["name"] == "randnotiz.size"]
    assert kept["value"] == "l" and kept["expires"] > soon + 300 * 24 * 3600
    context.close()


def test_dark_follows_the_system_until_the_reader_chooses(browser, live_server):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(live_server + "/articles/1")
    assert background(page) == "rgb(23, 24, 27)"
    page.locator("#prefs summary").click()
    page.locator("#pref-theme").select_option("light")
    assert background(page) == "rgb(253, 252, 248)"
    context.close()


def test_print_is_a_study_sheet(page, live_server, db):
    text = articles.get_block(db, 1, 1)["text"]
    start = text.index("Iran")
    highlights.create(db, 1, 1, start, start + 4, "Iran", color="green", note="der Iran: *Iran*")
    page.goto(live_server + "/articles/1")
    page.locator("#prefs summary").click()
    page.locator("#pref-theme").select_option("dark")
    page.emulate_media(media="print")
    assert background(page) == "rgb(255, 255, 255)"  # white paper whatever the screen theme
    for hidden in ("header.site", "#translate-all", "#p-1 .tr-button", ".hl-pnote-add", ".hl-filter"):
        expect(page.locator(hidden).first).to_be_hidden()
    mark = page.locator("#p-1 mark.hl-green")
    expect(mark).to_be_visible()
    # Waited for: the text's background transition (translate.css, .12 s) starts from the dark theme's green.
    expect(mark).to_have_css("background-color", "rgb(181, 232, 164)")
    panel = page.locator("#annotation-panel")
    expect(panel.get_by_text("der Iran:")).to_be_visible()  # notes follow the text
    assert panel.bounding_box()["y"] > page.locator("#p-8").bounding_box()["y"]
    assert "¶ 2" in page.evaluate("getComputedStyle(document.getElementById('p-2'), '::before').content")
