"""In Chromium: the vocabulary page, its rows edited in place, its table on a desktop and a phone."""
import pytest
from playwright.sync_api import expect

from annotations.reading import articles
from annotations.words import vocab

pytestmark = pytest.mark.browser

TEXT = "Der Kreml befindet sich in Moskau, und die Soldaten der Armee nehmen an der großen Parade teil."
WORDS = [  # lemma, as it stands, meaning, gender, plural, verb form
    ("Kreml", "Kreml", "Kremlin", "m", "", ""),
    ("befinden", "befindet", "to be located; to be situated", "", "", "sich befinden"),
    ("Soldat", "Soldaten", "soldier", "m", "Soldaten", ""),
    ("teilnehmen", "nehmen", "to take part (in sth.); to participate (in sth.)", "", "", ""),
]


@pytest.fixture
def saved(app, db):
    """Save WORDS from one article; return {lemma: id}."""
    article = articles.create_article(db, TEXT)
    ids = {}
    for lemma, surface, gloss, gender, plural, form in WORDS:
        at = TEXT.index(surface)
        ids[lemma] = vocab.save(db, lemma=lemma, surface=surface, gloss=gloss, sentence=TEXT, translation="",
                                article_id=article, block_n=1, start=at, end=at + len(surface), sentence_start=0,
                                gender=gender, plural=plural, form=form)
    return ids


def test_a_refused_rename_is_shown_in_its_row_and_nothing_changes(page, live_server, db, saved):
    page.goto(f"{live_server}/vocabulary")
    row = page.locator(f"#word-{saved['befinden']}")
    row.get_by_text("Word and grammar").click()
    row.get_by_label("Word", exact=True).fill("Kreml")
    row.get_by_role("button", name="Save").click()
    row = page.locator(f"#word-{saved['befinden']}")
    expect(row.get_by_role("alert")).to_have_text("“Kreml” is already in your vocabulary.")
    expect(row.get_by_label("Word", exact=True)).to_have_value("Kreml")  # to correct, not to type again
    expect(row.locator(".word-saved")).to_have_count(0)
    assert vocab.get(db, saved["befinden"])["lemma"] == "befinden"
    # Corrected, it saves, and the message goes.
    row.get_by_label("Word", exact=True).fill("sich befinden")
    row.get_by_role("button", name="Save").click()
    expect(row.locator(".word-saved")).to_have_text("Saved.")
    expect(row.get_by_role("alert")).to_have_count(0)
    assert vocab.get(db, saved["befinden"])["lemma"] == "sich befinden"


def meaning_widths(page):
    return page.evaluate("""() => [...document.querySelectorAll('.vocab-table input[name=gloss]')]
        .map((input) => input.getBoundingClientRect().width)""")


def test_the_table_takes_the_width_a_desktop_gives_and_fits_a_phone(browser, live_server, saved):
    desktop = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    desktop.goto(f"{live_server}/vocabulary")
    table = desktop.locator(".vocab-table").bounding_box()
    assert table["width"] >= 1280 * 0.85, table  # not squeezed into the reading column
    assert min(meaning_widths(desktop)) >= 300  # a meaning reads whole, not cut at 130 px
    for gloss in desktop.locator(".vocab-table input[name=gloss]").all():
        assert gloss.evaluate("(input) => input.scrollWidth <= input.clientWidth"), gloss.input_value()
    desktop.context.close()

    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True).new_page()
    phone.goto(f"{live_server}/vocabulary")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390  # nothing to scroll sideways
    table = phone.locator(".vocab-table").bounding_box()
    assert min(meaning_widths(phone)) >= table["width"] - 40  # the row's whole width for the meaning
    phone.context.close()
