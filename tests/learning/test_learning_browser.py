"""In Chromium: set a word's status with a key, review by keyboard, listen through the server's voice."""
import pytest
from browser_helpers import word_point
from playwright.sync_api import expect

from annotations.learning import review
from annotations.reading import articles
from annotations.words import importer, vocab

pytestmark = pytest.mark.browser

TEXT = "Der Soldat sieht die Soldaten.\n\nDie Soldaten schlafen. Der Hund sieht die Häuser."


@pytest.fixture
def article(app, db, lemmatiser):
    return articles.create_article(db, TEXT)


def click_word(page, n, word):
    # The folded counts' line is above the text: click once it is laid out.
    expect(page.locator(".learning-details > summary")).to_be_visible()
    box = word_point(page, n, word)
    page.mouse.click(box["x"], box["y"])


def open_counts(page):
    """Unfold the word counts (folded on every screen, so the text starts on the first one)."""
    page.locator(".learning-details > summary").click()
    expect(page.locator("#article-counts .counts")).to_be_visible()


PAINTED = """([name, expected]) => {
    const h = CSS.highlights.get(name);
    const words = h ? [...h].map((r) => r.toString()).sort().join(" ") : "";
    return words === expected;
}"""


def painted(page, name, expected):
    """Wait (for the page's own painting, no sleep) until highlight `name` covers exactly these words."""
    page.wait_for_function(PAINTED, arg=[name, expected])


def test_keys_set_the_status_and_the_text_follows(page, live_server, article):
    page.goto(f"{live_server}/articles/{article}")
    painted(page, "ws-l3", "")
    expect(page.locator("#reader")).to_have_attribute("data-status-painted", "13")
    click_word(page, 2, "Soldaten")
    expect(page.locator("#word-status")).to_contain_text("new")
    page.keyboard.press("3")
    expect(page.locator("#word-status")).to_contain_text("learning 3")
    painted(page, "ws-l3", "Soldat Soldaten Soldaten")  # every inflection of the lemma
    page.keyboard.press("k")  # "known" here, not "previous paragraph"
    expect(page.locator("#word-status")).to_contain_text("known")
    painted(page, "ws-l3", "")
    expect(page.locator("#reader")).to_have_attribute("data-status-painted", "10")
    expect(page.locator("#article-counts")).to_contain_text("1 known")
    # The switch takes every status colour away, and is remembered.
    open_counts(page)
    page.locator("#status-toggle").uncheck()
    painted(page, "ws-new", "")
    page.reload()
    expect(page.locator("#reader")).to_have_class("reader hide-status")
    open_counts(page)
    page.locator("#status-toggle").check()
    painted(page, "ws-new", "Der Der Die Hund Häuser die die schlafen sieht sieht")  # JavaScript's sort order


def test_mark_all_known_and_undo(page, live_server, article):
    page.goto(f"{live_server}/articles/{article}")
    open_counts(page)
    page.locator("#mark-all-known").click()
    expect(page.locator("#article-counts")).to_contain_text("100.0 % known")
    expect(page.locator("#reader")).to_have_attribute("data-status-painted", "0")
    page.locator("#undo-known").click()
    expect(page.locator("#article-counts")).to_contain_text("0.0 % known")
    expect(page.locator("#reader")).to_have_attribute("data-status-painted", "13")


def test_review_by_keyboard_with_undo_and_summary(page, live_server, db, lemmatiser):
    for lemma, surface, sentence in (("Soldat", "Soldaten", "Die Soldaten schlafen."), ("Hund", "Hund", "Der Hund bellt.")):
        start = sentence.index(surface)
        vocab.save(db, lemma=lemma, surface=surface, gloss="gloss " + lemma, sentence=sentence, translation="",
                   article_id=1, block_n=1, start=start, end=start + len(surface), sentence_start=0)
        review.start(db, lemma)
    page.goto(f"{live_server}/review")
    expect(page.locator("#nav-review .due-count")).to_have_text("2 due")
    expect(page.locator(".cloze")).to_have_text("Die ________ schlafen.")
    page.keyboard.press(" ")
    expect(page.locator(".answer-word")).to_be_visible()
    page.keyboard.press("4")
    expect(page.locator(".cloze")).to_have_text("Der ____ bellt.")
    expect(page.locator("#nav-review .due-count")).to_have_text("1 due")
    page.keyboard.press("u")
    expect(page.locator("#review-card")).to_contain_text("Undid the last grade of “Soldat”")
    expect(page.locator(".cloze")).to_have_text("Die ________ schlafen.")
    page.keyboard.press(" ")
    page.keyboard.press("3")
    expect(page.locator(".cloze")).to_have_text("Der ____ bellt.")
    page.keyboard.press(" ")
    page.keyboard.press("3")
    expect(page.locator("#review-summary")).to_contain_text("You gave 2 grades to 2 words")
    expect(page.locator("#nav-review .due-count")).to_have_count(0)


def test_listening_falls_back_to_the_server_voice(page, live_server, article):
    page.goto(f"{live_server}/articles/{article}")
    click_word(page, 2, "Soldaten")
    button = page.locator("#word-popover button.speak", has_text="Sentence")
    expect(button).to_be_enabled()
    with page.expect_response(lambda r: "/speech.wav" in r.url) as info:
        button.click()
    assert info.value.status == 200 and info.value.headers["content-type"] == "audio/wav"
    expect(button).to_have_attribute("data-engine", "server")


@pytest.fixture
def app(make_app, request):
    return make_app(**getattr(request, "param", {}))


@pytest.mark.parametrize("app", [{"ESPEAK": "/nonexistent/espeak-ng"}], indirect=True)
def test_without_any_voice_the_button_is_disabled_and_says_why(page, live_server, article):
    page.goto(f"{live_server}/articles/{article}")
    click_word(page, 2, "Soldaten")
    button = page.locator("#word-popover button.speak", has_text="Word")
    expect(button).to_be_disabled()
    expect(page.locator("#word-popover .speak-why").first).to_contain_text("no German voice")


def test_the_folded_summary_on_a_phone_follows_a_status_change(phone, live_server, article):
    # The counts are folded away: on a phone the summary line is all the reader sees of them.
    phone.goto(f"{live_server}/articles/{article}")
    summary = phone.locator(".learning-details > summary")
    expect(summary).to_contain_text("0.0 % known")
    before = summary.inner_text()
    expect(phone.locator("#reader")).to_have_attribute("data-status-painted", "13")
    box = word_point(phone, 2, "Soldaten")
    phone.touchscreen.tap(box["x"], box["y"])
    phone.locator("#word-status").get_by_role("button", name="Known", exact=True).click()
    expect(phone.locator("#article-counts .count-known")).to_have_text("1 known")
    new = phone.locator("#article-counts .count-new").text_content()  # one lemma fewer than before
    percent = phone.locator("#article-counts .percent-known").text_content()
    expect(summary).to_contain_text(f"{new} · {percent}")
    assert not before.startswith(new) and "0.0 % known" not in percent


KEYED = ("Die Ukraine und ihre Verbündeten beschuldigen Teheran.\n\n"
         "Russland und der Iran rücken noch näher zusammen.")
KEYED_DING = """Verbündeter {m} | Verbündeten {pl} :: ally | allies
zusammenrücken {vi} | zusammenrückend | zusammengerückt :: to move together | moving together | moved together
"""


def test_a_saved_word_is_painted_with_its_status_at_once(page, live_server, app, db, tmp_path, lemmatiser):
    # Saved under its headword ("Verbündeter"), the word keeps the key the text paints it by.
    (tmp_path / "de-en").write_text(KEYED_DING, encoding="utf-8")
    importer.import_dictionary(db, "ding", str(tmp_path / "de-en"))
    article = articles.create_article(db, KEYED)
    page.goto(f"{live_server}/articles/{article}")
    painted(page, "ws-new", "Die Iran Russland Teheran Ukraine Verbündeten beschuldigen der ihre noch näher rücken"
                            " und und zusammen")
    click_word(page, 1, "Verbündeten")
    expect(page.locator("#word-popover input[name=lemma]")).to_have_value("Verbündeter")
    page.locator("#word-popover [data-action=save-word]").click()
    expect(page.locator("#word-status")).to_contain_text("learning 1")
    painted(page, "ws-l1", "Verbündeten")
    # A separable verb: both halves take the status set on either.
    page.keyboard.press("Escape")
    click_word(page, 2, "rücken")
    expect(page.locator("#word-popover")).to_contain_text("zusammenrücken")
    page.keyboard.press("4")
    expect(page.locator("#word-status")).to_contain_text("learning 4")
    painted(page, "ws-l4", "rücken zusammen")
    painted(page, "ws-l1", "Verbündeten")
