"""In Chromium: the script bundle is fetched and run only after the text is painted and the page has loaded."""
import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# Before the page's own scripts: note, when the bundle's <script> is added, whether the document
# was complete (htmx needs a whole document).
WATCH = """
new MutationObserver((records, observer) => {
  for (const r of records) for (const node of r.addedNodes) {
    if (node.tagName === "SCRIPT" && /\\/assets\\/app\\./.test(node.src)) {
      window.__bundleAdded = { state: document.readyState };
      observer.disconnect();
    }
  }
}).observe(document, { childList: true, subtree: true });
"""


def test_the_bundle_runs_after_the_first_paint_and_the_page_works(page, live_server):
    page.add_init_script(WATCH)
    page.goto(live_server + "/articles/1")
    expect(page.locator("script[src*='/assets/app.']")).to_have_count(1)
    added = page.evaluate("window.__bundleAdded")
    assert added["state"] == "complete"
    # Not a deferred script: nothing in the HTML runs the bundle by itself.
    expect(page.locator("script[src*='/assets/app.'][defer]")).to_have_count(0)
    # Nor preloaded, nor started before the text is on screen: fetching and compiling it beside
    # the first frame held the text back. It starts once the first contentful paint is reported.
    fetched, loaded, painted = page.evaluate("""() => [
      performance.getEntriesByType("resource").find((e) => /\\/assets\\/app\\.[0-9a-f]+\\.js$/.test(e.name)).startTime,
      performance.getEntriesByType("navigation")[0].loadEventStart,
      performance.getEntriesByName("first-contentful-paint")[0].startTime,
    ]""")
    assert fetched >= loaded > 0
    assert fetched >= painted > 0
    # And the page works once it has run: j moves to the next paragraph.
    page.keyboard.press("j")
    expect(page.locator("#progress-n")).to_have_text("2")


def test_a_script_that_fails_to_start_stops_only_itself(page, live_server):
    # A browser without IntersectionObserver: reader.js throws as it starts. The files after it
    # in the bundle (keys, words, the ready mark) still run, and the console names the one that failed.
    page.add_init_script("window.IntersectionObserver = function () { throw new Error('missing'); };")
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(live_server + "/articles/1")
    expect(page.locator("html")).to_have_attribute("data-ready", "")
    page.keyboard.press("?")
    expect(page.locator("#keys-dialog")).to_be_visible()
    assert any("reader.js failed to start" in e for e in errors), errors


def test_the_bundle_starts_where_paint_timing_cannot_be_observed(page, live_server):
    # An older browser that lists "paint" but refuses observe({type, buffered}): the bundle still runs.
    page.add_init_script("PerformanceObserver.prototype.observe = function () { throw new TypeError('no'); };")
    page.goto(live_server + "/articles/1")
    expect(page.locator("html")).to_have_attribute("data-ready", "")
    page.keyboard.press("j")
    expect(page.locator("#progress-n")).to_have_text("2")


def test_a_paint_never_reported_still_starts_the_bundle(page, live_server):
    # An observer that never calls back: the loader's fallback starts the bundle after "load".
    page.add_init_script("PerformanceObserver.prototype.observe = function () {};")
    page.goto(live_server + "/articles/1")
    expect(page.locator("html")).to_have_attribute("data-ready", "")


def test_a_background_tab_starts_the_bundle_at_load(page, live_server):
    # A tab opened in the background paints nothing until shown: its bundle starts in "load"
    # itself, not after a paint that has not come.
    page.add_init_script("""
      Object.defineProperty(document, "visibilityState", { get: () => "hidden" });
      PerformanceObserver.prototype.observe = function () {};""")
    page.goto(live_server + "/articles/1")
    expect(page.locator("html")).to_have_attribute("data-ready", "")
    fetched, load_end = page.evaluate("""() => [
      performance.getEntriesByType("resource").find((e) => /\\/assets\\/app\\.[0-9a-f]+\\.js$/.test(e.name)).startTime,
      performance.getEntriesByType("navigation")[0].loadEventEnd,
    ]""")
    assert fetched <= load_end


def test_the_policy_allows_the_page_s_own_style_and_script_and_nothing_else_is_refused(page, live_server):
    # The stylesheet and the loader are inline, allowed by their hashes alone: a page that
    # works end to end (styled, its bundle run, a paragraph translated through htmx) breaks no rule.
    refused = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(live_server + "/articles/1")
    expect(page.locator("html[data-ready]")).to_have_count(1)
    assert page.evaluate("getComputedStyle(document.querySelector('header.site')).borderBottomStyle") == "solid"
    page.locator("#p-1").get_by_role("button", name="Translate").click()
    expect(page.locator("#p-1-en")).to_be_visible()
    assert refused == []
