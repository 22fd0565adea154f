"""Find in the text on the reading page, and the navigation's search box, in a real browser."""
import pytest
from playwright.sync_api import expect

from annotations.reading import articles
from annotations.sqlite import connect

pytestmark = pytest.mark.browser

TEXT = ("Die Straße im Winter\n\nDie Soldaten gingen die Strasse hinunter.\n\n"
        "- eine STRASSE im Norden\n- ein Weg\n\nAm Ende der Straße stand ein Haus.")


@pytest.fixture
def art(app, db_path):
    db = connect(db_path)
    try:
        return articles.create_article(db, TEXT)
    finally:
        db.close()


def test_find_in_text_folds_and_steps_through_matches(page, live_server, art):
    page.goto(f"{live_server}/articles/{art}")
    page.keyboard.press("/")
    expect(page.locator("#find-input")).to_be_focused()
    page.keyboard.type("strasse")
    find = page.locator("#find")
    expect(page.locator("#find-count")).to_have_text("1 of 3")
    page.keyboard.press("Enter")
    expect(page.locator("#find-count")).to_have_text("2 of 3")
    page.keyboard.press("Shift+Enter")
    page.keyboard.press("Shift+Enter")
    expect(page.locator("#find-count")).to_have_text("3 of 3")
    painted = page.evaluate("() => CSS.highlights.get('find').size")
    assert painted == 3
    # The paragraphs' markup is untouched: a highlight still counts its offsets right.
    assert page.locator("#p-1-text").text_content() == "Die Soldaten gingen die Strasse hinunter."
    page.locator("#find-input").fill("Panzer")
    expect(page.locator("#find-count")).to_have_text("No match")
    expect(find).to_have_attribute("data-matches", "0")


def test_the_search_box_finds_across_the_library(page, live_server, art):
    page.goto(f"{live_server}/articles")
    page.get_by_role("searchbox", name="Search everything").fill("strasse")
    page.keyboard.press("Enter")
    expect(page.locator(f"#result-{art} mark").first).to_have_text("Straße")
    page.locator(f"#result-{art} a.hit-link", has_text="hinunter").click()
    expect(page).to_have_url(f"{live_server}/articles/{art}#p-1")
