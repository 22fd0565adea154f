"""Translating in a real browser: the English under the German, sentence alignment, Translate all."""
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
    # Keyboard readers get the same by focusing a sentence.
    english.focus()
    expect(german).to_have_class("s s-hot")


def test_t_key_reveals_a_cached_translation_without_a_request(reader, fake, live_server):
    reader.locator("#p-1").get_by_role("button", name="Translate").click()
    expect(reader.locator("#p-1-en")).to_be_visible()
    reader.reload()
    english = reader.locator("#p-1-en")
    expect(english).to_be_hidden()
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
    expect(reader.locator("#translate-all")).to_contain_text("All done: 8 of 8 translated.", timeout=20_000)
    for n in (1, 2, 4, 8):
        expect(reader.locator(f"#p-{n}-en")).to_be_visible()
    expect(reader.locator("#p-8-en")).to_contain_text("EN: ")


def test_an_open_translation_stays_open_when_the_paragraph_is_redrawn(reader):
    # Highlighting re-renders the whole paragraph out of band; simulate that with the paragraph fragment.
    reader.locator("#p-1").get_by_role("button", name="Translate").click()
    expect(reader.locator("#p-1-en")).to_be_visible()
    reader.evaluate("htmx.ajax('GET', '/articles/1/p/1', {target: '#p-1', swap: 'outerHTML'})")
    expect(reader.locator("#p-1 [data-toggle-translation]")).to_have_text("Hide translation")
    expect(reader.locator("#p-1-en")).to_be_visible()
    reader.locator("#p-1").get_by_role("button", name="Hide translation").click()
    reader.evaluate("htmx.ajax('GET', '/articles/1/p/1', {target: '#p-1', swap: 'outerHTML'})")
    expect(reader.locator("#p-1 [data-toggle-translation]")).to_have_text("Translate")
    expect(reader.locator("#p-1-en")).to_be_hidden()
