"""Notes in Markdown: rendered with markdown-it-py, then sanitised with nh3 before any page shows them."""
from functools import lru_cache

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

# "js-default" escapes raw HTML and refuses javascript:/vbscript:/data: links already;
# nh3 is the second wall, so a renderer mistake still cannot reach the page.
_md = MarkdownIt("js-default", {"linkify": False, "typographer": False}).enable("table").enable("strikethrough")

ALLOWED_TAGS = {
    "p", "br", "hr", "em", "strong", "del", "s", "code", "pre", "blockquote",
    "ul", "ol", "li", "a", "h1", "h2", "h3", "h4", "h5", "h6",
    "table", "thead", "tbody", "tr", "th", "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"align"}, "td": {"align"}}
URL_SCHEMES = {"http", "https", "mailto"}


def sanitize(html):
    """Return html with only harmless tags, attributes and link schemes left."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def render(note):
    """Render a Markdown note to sanitised HTML (Markup); None or blank gives empty Markup."""
    if not note or not note.strip():
        return Markup("")
    return Markup(_render_cached(note))


@lru_cache(maxsize=4096)
def _render_cached(note):
    # Pages list every note on each request; the same text always renders the same way.
    return sanitize(_md.render(note)).strip()
