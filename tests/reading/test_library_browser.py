"""In Chromium: adding a text on the library page, and what the learner sees when it cannot be added."""
import pytest
from fake_providers import closed_port_url
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

TEXT = "Mein eigener Absatz.\n\nNoch ein Absatz, von Hand eingefügt."


def test_pasted_text_is_read_even_with_a_web_address_beside_it(page, live_server):
    url = closed_port_url() + "/artikel"  # never fetched: offline, fetching it lost the text
    page.goto(f"{live_server}/articles")
    form = page.locator("#new-article")
    form.get_by_label("German text").fill(TEXT)
    form.get_by_label("…or a web address").fill(url)
    form.get_by_role("button", name="Add and read").click()
    expect(page.locator("#reader")).to_contain_text("Noch ein Absatz, von Hand eingefügt.")
    expect(page.get_by_role("link", name="127.0.0.1")).to_have_attribute("href", url)


def test_a_text_that_cannot_be_added_says_why_on_the_form_and_keeps_the_input(page, live_server, db):
    page.goto(f"{live_server}/articles")
    form = page.locator("#new-article")
    form.get_by_role("button", name="Add and read").click()
    expect(form.get_by_role("alert")).to_contain_text("The text is empty")
    assert page.url == f"{live_server}/articles"  # still the library, not an error page

    form.get_by_label("Title (optional)").fill("Mein Titel")
    form.get_by_label("German text").fill(TEXT)
    form.get_by_label("…or a web address").fill("ftp://example.org/text")
    form.get_by_role("button", name="Add and read").click()
    expect(form.get_by_role("alert")).to_contain_text("http:// or https://")
    expect(form.get_by_label("German text")).to_have_value(TEXT)
    expect(form.get_by_label("Title (optional)")).to_have_value("Mein Titel")
    expect(form.get_by_label("…or a web address")).to_have_value("ftp://example.org/text")
    assert db["articles"].count == 1

    # Corrected, the same form adds the text and opens it.
    form.get_by_label("…or a web address").fill("")
    form.get_by_role("button", name="Add and read").click()
    expect(page.locator("#reader")).to_contain_text("Noch ein Absatz, von Hand eingefügt.")
    expect(page.locator("h1")).to_have_text("Mein Titel")


def test_a_file_too_large_to_send_keeps_the_form_and_what_was_typed(page, live_server, db, tmp_path):
    # The server refuses the whole request with its generic "too large" message: that message
    # must not take the form's place, or the title and text typed are gone with it.
    big = tmp_path / "gross.txt"
    big.write_bytes(b"Ein Satz.\n" * (900 * 1024))  # 9 MB, past the 8 MB limit
    page.goto(f"{live_server}/articles")
    form = page.locator("#new-article")
    form.get_by_label("Title (optional)").fill("Mein Titel")
    form.get_by_label("German text").fill(TEXT)
    form.locator("input[type=file]").set_input_files(str(big))
    form.get_by_role("button", name="Add and read").click()
    expect(page.get_by_role("alert")).to_contain_text("too large")
    expect(form.get_by_label("Title (optional)")).to_have_value("Mein Titel")
    expect(form.get_by_label("German text")).to_have_value(TEXT)
    assert db["articles"].count == 1
