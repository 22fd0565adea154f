"""The reader's theme, size and width come from their cookies on every page: painted in them, no script first."""
import re
from pathlib import Path

import pytest

from annotations import display

PREFS_JS = Path(__file__).resolve().parent.parent / "static" / "prefs.js"


def html_tag(client, path="/articles/1"):
    return re.match(r"<!doctype html>\s*(<html[^>]*>)", client.get(path).get_data(as_text=True)).group(1)


@pytest.mark.parametrize("path", ["/articles/1", "/articles", "/vocabulary", "/stats", "/no-such-page"])
def test_every_page_is_served_in_the_chosen_display(client, path):
    client.set_cookie("randnotiz.theme", "dark")
    client.set_cookie("randnotiz.size", "xl")
    client.set_cookie("randnotiz.width", "narrow")
    assert html_tag(client, path) == '<html lang="en" data-theme="dark" data-size="xl" data-width="narrow">'


@pytest.mark.parametrize("value", ["system", "", "purple", '"><script>alert(1)</script>', "dark "])
def test_a_default_or_unknown_choice_leaves_the_stylesheet_s_own(client, value):
    client.set_cookie("randnotiz.theme", value)
    assert html_tag(client) == '<html lang="en">'


def test_a_reader_without_cookies_gets_the_defaults(client):
    assert html_tag(client) == '<html lang="en">'


def test_a_kept_reading_page_follows_a_changed_choice(client):
    # The reading page is kept rendered between views: a new theme must not get the old page.
    assert html_tag(client) == '<html lang="en">'
    client.set_cookie("randnotiz.theme", "sepia")
    assert html_tag(client) == '<html lang="en" data-theme="sepia">'
    client.delete_cookie("randnotiz.theme")
    assert html_tag(client) == '<html lang="en">'


@pytest.mark.parametrize("path", ["/articles/1", "/articles", "/vocabulary", "/no-such-page"])
def test_the_display_menu_offers_what_the_server_reads(client, path):
    # prefs.js takes the allowed values and defaults from this menu and writes the cookies that
    # display.py reads: a value one allows and the other not would be lost.
    html = client.get(path).get_data(as_text=True)
    for name, choice in display.CHOICES.items():
        select = re.search(rf'<select data-pref="{name}" id="pref-{name}" data-default="([^"]+)">(.*?)</select>', html, re.S)
        assert select.group(1) == choice.default
        assert re.findall(r'<option value="([^"]+)">([^<]+)</option>', select.group(2)) == list(choice.options)


def test_the_script_writing_the_cookies_reads_the_menu():
    source = PREFS_JS.read_text(encoding="utf-8")
    assert "#prefs select[data-pref][data-default]" in source
    assert f'const PREFIX_COOKIE = "{display.COOKIE_PREFIX}";' in source
