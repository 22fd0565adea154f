"""A paragraph's text with overlapping spans: flat segments, each carrying every span over it."""
import html
import random
import re

from annotations.reading.render import Span, render_text

SEGMENT = re.compile(r'<(span|mark)((?: [a-z-]+="[^"]*")*)>([^<]*)</\1>|([^<]+)')


def segments(markup):
    """Return [(tag or None, {attr: value}, text)] of flat rendered markup."""
    out, pos = [], 0
    for m in SEGMENT.finditer(markup):
        assert m.start() == pos, f"unexpected markup at {pos}: {markup[pos:pos + 40]!r}"
        pos = m.end()
        if m.group(4) is not None:
            out.append((None, {}, html.unescape(m.group(4))))
        else:
            attrs = dict(re.findall(r' ([a-z-]+)="([^"]*)"', m.group(2)))
            out.append((m.group(1), {k: html.unescape(v) for k, v in attrs.items()}, html.unescape(m.group(3))))
    assert pos == len(markup)
    return out


def expected_at(spans, i):
    """What the character at i must carry: every covering span's classes (in span order), data, mark."""
    covering = [s for s in spans if s.start <= i < s.end]
    classes = []
    for s in covering:
        classes.extend(c for c in s.classes if c not in classes)
    data = {}
    for s in covering:
        for k, v in s.data:
            data.setdefault(k, [])
            if str(v) not in data[k]:
                data[k].append(str(v))
    tag = None if not covering else "mark" if any(s.mark for s in covering) else "span"
    return tag, " ".join(classes), {k: " ".join(v) for k, v in data.items()}


def check(text, spans, positions):
    parts = segments(render_text(text, spans))
    assert "".join(t for _, _, t in parts) == text  # textContent is exactly the block text
    starts, at = [], 0
    for part in parts:
        starts.append(at)
        at += len(part[2])
    for i in positions:
        k = max(j for j, s in enumerate(starts) if s <= i)
        tag, attrs, _ = parts[k]
        want_tag, want_classes, want_data = expected_at(spans, i)
        assert tag == want_tag, i
        assert attrs.get("class", "") == want_classes, i
        assert {k[5:]: v for k, v in attrs.items() if k.startswith("data-")} == want_data, i


def test_overlapping_spans_split_into_flat_segments():
    text = "Der Hund & die <Katze>."
    spans = [Span(0, 9, ("s",), (("s", 0),)), Span(4, 18, ("hl",), (("hl", "a1"),), mark=True),
             Span(15, 21, ("w",), (("w", "katze"),))]
    markup = render_text(text, spans)
    assert "&lt;Ka</mark>" in markup and "&amp;" in markup and "<" not in text.replace("<Katze>", "")
    check(text, spans, range(len(text)))


def test_random_overlaps_match_a_per_character_reading():
    rng = random.Random(7)
    text = "".join(rng.choice("abc äöü<&\"") for _ in range(300))
    spans = [Span(a, a + rng.randint(1, 60), (rng.choice(["s", "hl", "w"]),), (("n", rng.randint(0, 3)),),
                  mark=rng.random() < 0.3) for a in (rng.randint(0, 290) for _ in range(40))]
    check(text, [s for s in spans if s.end <= len(text)], range(len(text)))


def test_a_very_long_paragraph_with_large_overlapping_spans():
    # 200,000 characters: sentences every 100 characters, highlights of 5,000 overlapping each other,
    # one span over everything (the whole-paragraph case that made the old renderer quadratic).
    text = ("Ein langer Satz über die Zeit. " * 7000)[:200_000]
    spans = [Span(a, a + 100, ("s",), (("s", a // 100),)) for a in range(0, 200_000, 100)]
    spans += [Span(a, a + 5000, ("hl",), (("hl", f"h{a}"),), mark=True) for a in range(0, 195_000, 2500)]
    spans.append(Span(0, 200_000, ("all",)))
    rng = random.Random(3)
    check(text, spans, [0, 99, 100, 2499, 2500, 4999, 5000, 199_999] + [rng.randrange(200_000) for _ in range(300)])


def test_spans_outside_the_text_are_ignored():
    assert render_text("kurz", [Span(2, 9, ("x",)), Span(3, 3, ("y",))]) == "kurz"
