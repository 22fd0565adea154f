"""Markdown notes: useful formatting survives, known XSS payloads (OWASP cheat-sheet style) do not."""
import re
from html.parser import HTMLParser

import pytest

from annotations.notes.markdown import render, sanitize

XSS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=http://xss.rocks/xss.js></SCRIPT>",
    "<IMG SRC=\"javascript:alert('XSS');\">",
    "<IMG SRC=javascript:alert('XSS')>",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    "<body onload=alert('XSS')>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
    "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "<style>@import 'http://xss.rocks/xss.css';</style>",
    "<object data=\"javascript:alert(1)\"></object>",
    "<embed src=\"javascript:alert(1)\">",
    "<form action=\"javascript:alert(1)\"><input type=submit></form>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<details open ontoggle=alert(1)>",
    "[click](javascript:alert(1))",
    "[click](JAVASCRIPT:alert(1))",
    "[click](vbscript:msgbox(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![x](javascript:alert(1))",
    "[x](\"onmouseover=alert(1))",
    "<a href=\"https://ok.example\" onclick=\"alert(1)\">ok</a>",
    "`<script>alert(1)</script>`",
    "```\n<script>alert(1)</script>\n```",
    "<<script>script>alert(1)<</script>/script>",
]

SAFE_TAGS = {"p", "br", "hr", "em", "strong", "del", "s", "code", "pre", "blockquote", "ul", "ol", "li", "a",
             "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td"}


class Elements(HTMLParser):
    """Collect the elements and attributes a browser would build from the HTML."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.found = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def assert_harmless(html):
    for tag, attrs in Elements(html).found:
        assert tag in SAFE_TAGS
        assert not any(a.startswith("on") or a == "style" for a in attrs)
        for a in ("href", "src"):
            if a in attrs:
                assert re.match(r"^(https?:|mailto:|[^:]*$)", attrs[a].strip(), re.IGNORECASE), attrs[a]


@pytest.mark.parametrize("payload", XSS)
def test_xss_payloads_are_neutralised(payload):
    assert_harmless(render(payload))


@pytest.mark.parametrize("payload", XSS)
def test_sanitizer_alone_stops_the_payloads(payload):
    # The second wall works on its own, should the Markdown renderer ever pass raw HTML.
    assert_harmless(sanitize(payload))


@pytest.mark.parametrize("html", ['<a href="https://ex.com">x</a>', '<a href="https://ex.com" rel="opener">x</a>'])
def test_links_get_noopener(html):
    assert Elements(sanitize(html)).found == [("a", {"href": "https://ex.com", "rel": "noopener noreferrer"})]


@pytest.mark.parametrize("note, html", [
    ("**fett** und *kursiv*", "<p><strong>fett</strong> und <em>kursiv</em></p>"),
    ("- eins\n- zwei", "<ul>\n<li>eins</li>\n<li>zwei</li>\n</ul>"),
    ("`der Hund`", "<p><code>der Hund</code></p>"),
    ("> Zitat", "<blockquote>\n<p>Zitat</p>\n</blockquote>"),
    ("[Duden](https://www.duden.de)",
     '<p><a href="https://www.duden.de" rel="noopener noreferrer">Duden</a></p>'),
    ("Straße & Größe < 5", "<p>Straße &amp; Größe &lt; 5</p>"),
    ("", ""),
    (None, ""),
])
def test_markdown_renders(note, html):
    assert render(note) == html
