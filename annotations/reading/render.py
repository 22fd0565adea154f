"""Render a block's text with overlapping spans (sentences, highlights, saved words) as flat HTML."""
from dataclasses import dataclass, field

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Span:
    """A run of text [start, end) in code points that gets classes and data attributes."""

    start: int
    end: int
    classes: tuple = ()
    data: tuple = ()  # ((name, value), ...); values of one name are joined with spaces
    mark: bool = False  # rendered as <mark> (a highlight) rather than <span>
    title: str = ""
    priority: int = field(default=0, compare=False)


def render_text(text, spans):
    """Return text as escaped HTML where each segment carries every span covering it.

    Segments are flat (never nested), so the element's textContent is exactly `text`
    and overlapping spans cannot produce invalid markup.
    """
    spans = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    if not spans:
        return Markup(escape(text))
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        piece = escape(text[a:b])
        covering = [s for s in spans if s.start <= a and b <= s.end]
        if not covering:
            out.append(piece)
            continue
        classes, data, titles = [], {}, []
        for s in covering:
            classes.extend(c for c in s.classes if c not in classes)
            for k, v in s.data:
                data.setdefault(k, [])
                if str(v) not in data[k]:
                    data[k].append(str(v))
            if s.title:
                titles.append(s.title)
        tag = "mark" if any(s.mark for s in covering) else "span"
        attrs = []
        if classes:
            attrs.append(f' class="{escape(" ".join(classes))}"')
        for k, vs in data.items():
            attrs.append(f' data-{escape(k)}="{escape(" ".join(vs))}"')
        if titles:
            attrs.append(f' title="{escape("; ".join(titles))}"')
        out.append(f"<{tag}{''.join(attrs)}>{piece}</{tag}>")
    return Markup("".join(out))
