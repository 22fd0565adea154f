"""In Chromium: the script bundle is fetched and run only after the text is painted and the page has loaded."""
import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# Before the page's own scripts: count the frames since "load", and note, when the bundle's
# <script> is added, how many had been painted and whether the document was complete.
WATCH = """
window.__framesAfterLoad = 0;
window.addEventListener("load", () => {
  const count = () => { window.__framesAfterLoad += 1; requestAnimationFrame(count); };
  requestAnimationFrame(count);
});
new MutationObserver((records, observer) => {
  for (const r of records) for (const node of r.addedNodes) {
    if (node.tagName === "SCRIPT" && /\\/assets\\/app\\./.test(node.src)) {
      window.__bundleAdded = {
        framesAfterLoad: window.__framesAfterLoad,
        state: document.readyState,
      };
      observer.disconnect();
    }
  }
}).observe(document, { childList: true, subtree: true });
"""


def test_the_bundle_runs_after_the_first_paint_and_the_page_works(page, live_server):
    page.add_init_script(WATCH)
    page.goto(live_server + "/articles/1")
    added = page.evaluate("window.__bundleAdded")
    assert added["state"] == "complete" and added["framesAfterLoad"] >= 1  # the text was painted first
    # Not a deferred script: nothing in the HTML runs the bundle by itself.
    expect(page.locator("script[src*='/assets/app.'][defer]")).to_have_count(0)
    # Nor preloaded: fetching and compiling it beside the first frame held the text back too.
    # (Its request starts after "load"; first-contentful-paint is the frame's presentation time,
    # which on a busy machine can come after the two animation frames the loader waits.)
    fetched, loaded = page.evaluate("""() => [
      performance.getEntriesByType("resource").find((e) => /\\/assets\\/app\\.[0-9a-f]+\\.js$/.test(e.name)).startTime,
      performance.getEntriesByType("navigation")[0].loadEventEnd,
    ]""")
    assert fetched >= loaded > 0
    # And the page works once it has run: j moves to the next paragraph.
    page.keyboard.press("j")
    expect(page.locator("#progress-n")).to_have_text("2")
