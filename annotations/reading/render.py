"""Render a block's text with overlapping spans (sentences, highlights, saved words) as flat HTML."""
from collections import defaultdict
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
    and overlapping spans cannot produce invalid markup. One sweep over the span edges:
    time grows with the text and the spans, not with their product.
    """
    spans = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    if not spans:
        return Markup(escape(text))
    starts, ends = defaultdict(list), defaultdict(list)
    for i, s in enumerate(spans):
        starts[s.start].append(i)
        ends[s.end].append(i)
    cuts = sorted({0, len(text), *starts, *ends})
    active, opening = set(), {}
    out = []
    for a, b in zip(cuts, cuts[1:]):
        active.difference_update(ends.get(a, ()))
        active.update(starts.get(a, ()))
        piece = escape(text[a:b])
        if not active:
            out.append(piece)
            continue
        key = tuple(sorted(active))  # the spans' own order, as the classes' order
        if key not in opening:
            opening[key] = _tags([spans[i] for i in key])
        start_tag, end_tag = opening[key]
        out.append(f"{start_tag}{piece}{end_tag}")
    return Markup("".join(out))


def _tags(covering):
    """Return the start and end tag of a segment covered by these spans."""
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
    return f"<{tag}{''.join(attrs)}>", f"</{tag}>"
