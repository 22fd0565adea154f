"""Translating in a real browser: the English under the German, sentence alignment, Translate all."""
import re

import pytest
from fake_providers import fake_english
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

P1 = "Russland und der Iran rücken noch näher zusammen."


@pytest.fixture
def translator(fake):
    return fake.config("google", TRANSLATE_WORKERS=2)


@pytest.fixture
def reader(page, live_server):
    page.goto(live_server + "/articles/1")
    return page


def test_click_translate_shows_english_under_the_german_and_toggles(reader, fake):
    section = reader.locator("#p-1")
    section.get_by_role("button", name="Translate").click()
    english = reader.locator("#p-1-en")
    expect(english).to_be_visible()
    expect(english).to_have_attribute("lang", "en")
    expect(english).to_contain_text(fake_english(P1))
    section.get_by_role("button", name="Hide translation").click()
    expect(english).to_be_hidden()
    section.get_by_role("button", name="Show translation").click()
    expect(english).to_be_visible()
    assert fake.count() == 1


def test_hovering_a_sentence_lights_up_its_counterpart(reader):
    reader.locator("#p-1").get_by_role("button", name="Translate").click()
    expect(reader.locator("#p-1-en")).to_be_visible()
    german = reader.locator("#p-1-text [data-s='1']")
    english = reader.locator("#p-1-en [data-s='1']")
    german.hover()
    expect(english).to_have_class("s s-hot")
    expect(reader.locator("#p-1-en [data-s='0']")).to_have_class("s")
    reader.locator("#p-1-en [data-s='0']").hover()
    expect(reader.locator("#p-1-text [data-s='0']")).to_have_class("s s-hot")
    expect(german).to_have_class("s")
    # The pair's colour is its own: no highlight colour, so it never looks like a highlight.
    lit = reader.locator("#p-1-text [data-s='0']")  # lit by the English sentence under the pointer
    # Its colour fades in (a transition): read the colour it fades to, not a frame of the fade.
    hot = lit.evaluate("el => { el.getAnimations().forEach((a) => a.finish()); return getComputedStyle(el).backgroundColor; }")
    colours = reader.evaluate("""() => ['yellow', 'green', 'blue', 'red', 'purple'].map((c) => {
        const m = document.createElement('mark'); m.className = 'hl hl-' + c; document.body.append(m);
        const bg = getComputedStyle(m).backgroundColor; m.remove(); return bg; })""")
    assert hot not in colours and hot != "rgba(0, 0, 0, 0)"
    assert "underline" in lit.evaluate("el => getComputedStyle(el).textDecorationLine")
    # Keyboard readers get the same by focusing a sentence.
    english.focus()
    expect(german).to_have_class("s s-hot")



def remembered_open(page, n):
    """Wait until translate.js has remembered paragraph n's translation as open.

    It does so when htmx has settled the swap (htmx:load), a moment after the text shows;
    a reload or redraw inside that moment (a busy machine) would race it.
    """
    page.wait_for_function("(n) => JSON.parse(localStorage.getItem('randnotiz.shown.1') || '[]').includes(n)",
                           arg=str(n))


def test_shown_and_hidden_survive_a_reload_and_t_toggles_without_a_request(reader, fake, live_server):
    reader.locator("#p-1").get_by_role("button", name="Translate").click()
    english = reader.locator("#p-1-en")
    expect(english).to_be_visible()
    remembered_open(reader, 1)
    reader.reload()
    expect(english).to_be_visible()  # still open, as the reader left it
    reader.locator("#p-1").focus()
    reader.keyboard.press("t")
    expect(english).to_be_hidden()
    reader.reload()
    expect(english).to_be_hidden()
    button = reader.locator("#p-1 [data-toggle-translation]")
    expect(button).to_have_text("Show translation")  # not "Translate": it is already here
    reader.locator("#p-1").focus()
    reader.keyboard.press("t")
    expect(english).to_be_visible()
    assert fake.count() == 1


def test_a_failure_shows_the_cause_and_retry_recovers(reader, fake):
    fake.mode = "500"
    reader.locator("#p-2").focus()  # the paragraph toolbar goes to the current paragraph
    reader.locator("#p-2").get_by_role("button", name="Translate").click()
    alert = reader.locator("#p-2-tr [role=alert]")
    expect(alert).to_contain_text("Google Translate answered with an error (HTTP 500)")
    fake.mode = "ok"
    reader.locator("#p-2").get_by_role("button", name="Retry").click()
    expect(reader.locator("#p-2-en")).to_be_visible()
    expect(alert).to_have_count(0)


def test_translate_all_fills_the_page_with_progress(reader, fake):
    reader.get_by_role("button", name="Translate all").click()
    expect(reader.locator("#translate-all")).to_contain_text("All done: 6 of 6 paragraphs and 2 of 2 headings translated.", timeout=20_000)
    for n in (1, 2, 4, 8):
        expect(reader.locator(f"#p-{n}-en")).to_be_visible()
    expect(reader.locator("#p-8-en")).to_contain_text("EN: ")


def test_an_open_translation_stays_open_when_the_paragraph_is_redrawn(reader):
    # Highlighting re-renders the whole paragraph out of band; simulate that with the paragraph fragment.
    reader.locator("#p-1").get_by_role("button", name="Translate").click()
    expect(reader.locator("#p-1-en")).to_be_visible()
    remembered_open(reader, 1)
    reader.evaluate("htmx.ajax('GET', '/articles/1/p/1', {target: '#p-1', swap: 'outerHTML'})")
    expect(reader.locator("#p-1 [data-toggle-translation]")).to_have_text("Hide translation")
    expect(reader.locator("#p-1-en")).to_be_visible()
    reader.locator("#p-1").get_by_role("button", name="Hide translation").click()
    reader.evaluate("htmx.ajax('GET', '/articles/1/p/1', {target: '#p-1', swap: 'outerHTML'})")
    expect(reader.locator("#p-1 [data-toggle-translation]")).to_have_text("Show translation")
    expect(reader.locator("#p-1-en")).to_be_hidden()


def test_translate_all_can_fill_translations_but_keep_them_folded(reader, fake):
    more = reader.locator("#article-more > summary")  # a set-once choice: folded under "More"
    more.click()
    fold = reader.get_by_label("Keep translations folded")
    fold.check()
    reader.reload()
    expect(fold).to_be_checked()  # remembered
    reader.get_by_role("button", name="Translate all").click()
    expect(reader.locator("#translate-all")).to_contain_text("All done: 6 of 6 paragraphs and 2 of 2 headings translated.", timeout=20_000)
    for n in (1, 2, 8):
        expect(reader.locator(f"#p-{n}-en")).to_be_attached()
        expect(reader.locator(f"#p-{n}-en")).to_be_hidden()
        reader.locator(f"#p-{n}-text").hover()  # the one toolbar comes to the paragraph under the mouse
        expect(reader.locator(f"#p-{n} #paragraph-tools [data-toggle-translation]")).to_have_text("Show translation")
    reader.locator("#p-2-text").hover()
    reader.locator("#p-2").get_by_role("button", name="Show translation").click()
    expect(reader.locator("#p-2-en")).to_be_visible()
    assert fake.count() == 8  # filled once, shown without asking again


def test_when_every_translation_fails_one_message_says_why_and_offers_retry(reader, fake):
    fake.mode = "500"
    reader.evaluate("""() => { window.told = [];
        new MutationObserver(() => { const t = document.getElementById('announcer').textContent;
            if (t) window.told.push(t); }).observe(document.getElementById('announcer'), {childList: true}); }""")
    reader.get_by_role("button", name="Translate all").click()
    bar = reader.locator("#translate-all")
    expect(bar).to_contain_text("Nothing could be translated: Google Translate answered with an error (HTTP 500).",
                                timeout=20_000)
    expect(reader.locator("[role=alert]:visible")).to_have_count(0)  # no alert per paragraph
    expect(reader.locator(".tr-error")).to_have_count(0)
    # Said once, politely, through the page's one live region.
    expect(reader.locator("#announcer")).to_have_text(re.compile("^Nothing could be translated"))
    assert reader.locator("[aria-live=assertive]").count() == 0
    reader.locator("#p-8-text").hover()
    expect(reader.locator("#p-8 #paragraph-tools [data-action=translate]")).to_have_text("Translate")  # polling is over
    assert len(reader.evaluate("window.told")) == 1
    fake.mode = "ok"
    bar.get_by_role("button", name="Retry").click()
    expect(bar).to_contain_text("All done: 6 of 6 paragraphs and 2 of 2 headings translated.", timeout=20_000)


def test_dismissing_a_failed_translate_all_by_keyboard_keeps_the_focus_on_its_bar(reader, fake):
    # The Dismiss button goes away with the message: the keyboard lands on Translate all (then
    # "Retry"), not on the page, where the learner would have to find the bar again.
    fake.mode = "500"
    reader.get_by_role("button", name="Translate all").click()
    bar = reader.locator("#translate-all")
    expect(bar).to_contain_text("Nothing could be translated", timeout=20_000)
    bar.get_by_role("button", name="Dismiss the last attempt's message").focus()
    reader.keyboard.press("Enter")
    expect(bar).not_to_contain_text("Nothing could be translated")
    expect(bar.get_by_role("button", name="Translate all")).to_be_focused()
