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


def test_the_script_writing_the_cookies_knows_the_same_choices():
    # prefs.js writes what display.py reads: a value one allows and the other not would be lost.
    source = PREFS_JS.read_text(encoding="utf-8")
    table = re.search(r"const CHOICES = \{(.*?)\};", source, re.S).group(1)
    in_js = {name: tuple(re.findall(r'"([^"]+)"', values))
             for name, values in re.findall(r"(\w+): \[([^\]]*)\]", table)}
    assert in_js == display.CHOICES
    assert f'const PREFIX_COOKIE = "{display.COOKIE_PREFIX}";' in source
