"""Every page in every theme passes axe-core: no violations, no colour contrast left to review.

axe-core is the npm package pinned in tests/.npm (installed by .ci/run) and injected into the
page by the test. Adding a page is one line in PAGES.
"""
import json
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from annotations.notes import highlights
from annotations.reading import articles
from annotations.words import vocab

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / ".npm" / "node_modules" / "axe-core" / "axe.min.js"
THEMES = ["light", "dark", "sepia"]
PAGES = [
    ("reader", "/articles/1"),
    ("library", "/articles"),
    ("vocabulary", "/vocabulary"),
    ("search", "/search?q=Iran"),
    ("other pages", "/other-pages"),
    ("review", "/review"),
    ("stats", "/stats"),
]


@pytest.fixture
def annotated(app, db, client):
    """Article 1 with what a reader adds: a translation, highlights in every colour, notes, a saved word."""
    client.post("/articles/1/p/1/translation")
    text = articles.get_block(db, 1, 1)["text"]
    for i, color in enumerate(highlights.COLORS):
        start = text.index(" ", 10 * i) + 1
        highlights.create(db, 1, 1, start, start + 6, text[start:start + 6], color=color,
                          note="Eine *Notiz*" if i == 0 else None, tags=["Politik"] if i == 0 else ())
    p2 = articles.get_block(db, 1, 2)["text"]
    highlights.create(db, 1, 2, 0, 5, p2[:5], color="green")
    highlights.create(db, 1, 2, 2, 9, p2[2:9], color="blue")  # overlapping: painted in bands
    highlights.create_paragraph_note(db, 1, 4, "Rüstungsgüter: *armaments*", tags=["Wörter"])
    vocab.save(db, lemma="Iran", surface="Iran", gloss="Iran", sentence=text.split(".")[0] + ".",
               translation="", article_id=1, block_n=1, start=text.index("Iran"),
               end=text.index("Iran") + 4, sentence_start=0)


@pytest.fixture
def themed(browser, live_server, annotated):
    """Return a function opening a page in a theme, with axe injected."""
    if not AXE.exists():
        install = "npm ci --prefix tests/.npm (.ci/run does it)"
        if os.environ.get("CI"):
            pytest.fail(f"axe-core is missing: {install}")
        pytest.skip(f"axe-core is not installed: {install}")
    contexts = []

    def open_page(path, theme):
        # bypass_csp: only so the test can inject axe (the app's one inline script is allowed by its hash).
        context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
        contexts.append(context)
        # The theme as a reader's choice reaches the server: a cookie, rendered into <html>.
        context.add_cookies([{"name": "randnotiz.theme", "value": theme, "url": live_server}])
        context.add_init_script("""localStorage.setItem('randnotiz.shown.1', '["1"]');""")
        page = context.new_page()
        page.goto(live_server + path)
        page.add_script_tag(path=str(AXE))
        return page

    yield open_page
    for context in contexts:
        context.close()


def axe(page, selector="html"):
    """Run axe-core (WCAG 2.x A and AA, best practice, and WCAG 2.2's 24 px targets) and return
    its violations and its colour contrast reviews."""
    return page.evaluate("""async (selector) => {
        const r = await axe.run(document.querySelector(selector), {resultTypes: ['violations', 'incomplete'],
                                                                   rules: {'target-size': {enabled: true}}});
        const brief = (items) => items.map((v) => ({id: v.id, impact: v.impact,
            nodes: v.nodes.map((n) => [n.target.join(' '), n.failureSummary || n.any.map((a) => a.message).join('; ')])}));
        return {violations: brief(r.violations),
                contrast: brief(r.incomplete.filter((i) => i.id === 'color-contrast'))};
    }""", selector)


def assert_clean(result):
    assert result["violations"] == [], json.dumps(result["violations"], indent=1, ensure_ascii=False)
    assert result["contrast"] == [], json.dumps(result["contrast"], indent=1, ensure_ascii=False)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("name, path", PAGES, ids=[p[0] for p in PAGES])
def test_page_passes_axe_in_every_theme(themed, name, path, theme):
    page = themed(path, theme)
    if theme != "light":
        expect(page.locator("html")).to_have_attribute("data-theme", theme)
    if name == "reader":
        expect(page.locator("#p-1-en")).to_be_visible()  # the open translation is checked too
    assert_clean(axe(page))


def axe_popup(page, selector):
    """Run axe on an open popup with the text beneath it made invisible.

    The popup is opaque (asserted here), so what lies beneath cannot change its contrast; but
    axe-core reports text whose lines lie over different layers as "needs review" (its issue
    #4508), so the reading text is hidden while axe measures the popup against its own colours.
    """
    background = page.evaluate("s => getComputedStyle(document.querySelector(s)).backgroundColor", selector)
    assert background.startswith("rgb(") , f"{selector} is not opaque: {background}"
    style = page.add_style_tag(content="#reader .block, #reader .article-head { visibility: hidden; }")
    try:
        return axe(page, selector)
    finally:
        style.evaluate("el => el.remove()")


@pytest.mark.parametrize("theme", THEMES)
def test_reader_popups_pass_axe(themed, theme):
    page = themed("/articles/1", theme)
    # The word popover, the mark menu and the key overlay are checked open.
    page.locator("#p-2").focus()
    page.keyboard.press("l")
    expect(page.locator("#word-popover .word-lookup")).to_be_visible()
    assert_clean(axe_popup(page, "#word-popover"))
    page.keyboard.press("Escape")
    page.locator("#p-1 mark.hl[tabindex='0']").first.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#hl-menu")).to_be_visible()
    assert_clean(axe_popup(page, "#hl-menu"))
    page.keyboard.press("Escape")
    page.keyboard.press("?")
    expect(page.locator("#keys-dialog")).to_be_visible()
    assert_clean(axe(page, "#keys-dialog"))
