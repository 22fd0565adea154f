"""Anchoring: W3C-style selectors for a span of a paragraph, and finding that span again after edits.

Pure functions, no database. Offsets are Unicode code points (Python str indices) within one
block's text; the browser counts UTF-16 code units, so views convert with utf16_to_cp/cp_to_utf16.

Re-anchoring follows Hypothesis: every candidate place is scored on the quote, the ~32 characters
of prefix and suffix, and the distance from where the span used to be, so a repeated phrase goes
to the occurrence whose context matches.
"""
from dataclasses import dataclass
from difflib import SequenceMatcher

CONTEXT = 32
# Weights as in Hypothesis' text-quote matching: the quote counts most, context next, position least.
W_QUOTE, W_PREFIX, W_SUFFIX, W_POS = 50, 20, 20, 2
W_TOTAL = W_QUOTE + W_PREFIX + W_SUFFIX + W_POS
FUZZY_MIN_QUOTE = 0.6  # approximate quote similarity needed to offer a "fuzzy" match
FUZZY_MIN_SCORE = 0.6
SEARCH_WINDOW = 3  # blocks either side searched for approximate matches
SHORTLIST = 24  # occurrences of a quote scored in full


class OffsetError(ValueError):
    """Raised for offsets outside the text or splitting a surrogate pair."""


def utf16_to_cp(text, offset):
    """Convert a UTF-16 code-unit offset into text to a code-point offset."""
    if not isinstance(offset, int) or isinstance(offset, bool) or offset < 0:
        raise OffsetError(f"Offset {offset!r} is not a non-negative whole number.")
    units = 0
    for i, ch in enumerate(text):
        if units == offset:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
        if units > offset:
            raise OffsetError(f"Offset {offset} falls inside a character (between the halves of a surrogate pair).")
    if units == offset:
        return len(text)
    raise OffsetError(f"Offset {offset} is beyond the end of the paragraph ({units} UTF-16 units).")


def cp_to_utf16(text, offset):
    """Convert a code-point offset into text to a UTF-16 code-unit offset."""
    if not isinstance(offset, int) or isinstance(offset, bool) or not 0 <= offset <= len(text):
        raise OffsetError(f"Offset {offset!r} is outside the paragraph (0..{len(text)}).")
    return offset + sum(1 for ch in text[:offset] if ord(ch) > 0xFFFF)


def quote_selector(text, start, end):
    """Return (exact, prefix, suffix) for text[start:end] with CONTEXT characters either side."""
    return text[start:end], text[max(0, start - CONTEXT):start], text[end:end + CONTEXT]


def similarity(a, b):
    """Return how alike two short strings are, 0..1 (1 when both are empty)."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


@dataclass
class Anchor:
    """Where a span sits now: status is anchored | moved | fuzzy | orphan."""

    status: str
    index: int | None = None  # position in the new blocks list (not the block number)
    start: int | None = None
    end: int | None = None
    exact: str = ""
    prefix: str = ""
    suffix: str = ""
    score: float = 0.0


def _block_starts(texts):
    """Global offset of each block when the blocks are laid end to end (separated by 2 chars)."""
    starts, pos = [], 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + 2
    return starts, max(pos - 2, 1)


def _score(text, i, j, exact, prefix, suffix, hint, total, gstart):
    q = 1.0 if text[i:j] == exact else similarity(exact, text[i:j])
    p = similarity(prefix, text[max(0, i - len(prefix)):i]) if prefix else (1.0 if i == 0 else 0.8)
    s = similarity(suffix, text[j:j + len(suffix)]) if suffix else (1.0 if j == len(text) else 0.8)
    pos = 1.0 if hint is None else max(0.0, 1 - abs(gstart + i - hint) / total)
    return (W_QUOTE * q + W_PREFIX * p + W_SUFFIX * s + W_POS * pos) / W_TOTAL


def _result(status, texts, idx, i, j, score):
    exact, prefix, suffix = quote_selector(texts[idx], i, j)
    return Anchor(status, idx, i, j, exact, prefix, suffix, score)


def find_exact(texts, exact, prefix="", suffix="", hint=None):
    """Return the best-scoring exact occurrence of the quote in any block as (idx, start, end, score), or None."""
    if not exact:
        return None
    starts, total = _block_starts(texts)
    found = []
    for idx, text in enumerate(texts):
        i = text.find(exact)
        while i != -1:
            found.append((idx, i))
            i = text.find(exact, i + 1)
    if len(found) > SHORTLIST:
        # A common word occurs thousands of times: rank by cheap exact-context lengths first,
        # then score only the shortlist with the (slower) similarity measure.
        def cheap(c):
            idx, i = c
            text = texts[idx]
            p = _common_suffix(prefix, text[max(0, i - len(prefix)):i])
            s = _common_prefix(suffix, text[i + len(exact):i + len(exact) + len(suffix)])
            pos = 0 if hint is None else -abs(starts[idx] + i - hint) / total
            return p + s + pos
        found = sorted(found, key=cheap, reverse=True)[:SHORTLIST]
    best = None
    for idx, i in found:
        sc = _score(texts[idx], i, i + len(exact), exact, prefix, suffix, hint, total, starts[idx])
        if best is None or sc > best[3]:
            best = (idx, i, i + len(exact), sc)
    return best


def _common_prefix(a, b):
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a, b):
    return _common_prefix(a[::-1], b[::-1])


def _map_offset(opcodes, pos, is_end):
    """Map an offset in the old text to the new text through difflib opcodes."""
    for tag, i1, i2, j1, j2 in opcodes:
        if i1 <= pos < i2 or (pos == i2 and (is_end or i1 == i2)):
            if tag == "equal":
                return j1 + (pos - i1)
            return j2 if is_end else j1
    return opcodes[-1][4] if opcodes else 0


def _by_context(text, exact, prefix, suffix):
    """Find a span bounded by the (intact) prefix and suffix; return (start, end) or None."""
    if len(prefix) < 8 or len(suffix) < 8:
        return None
    i = text.find(prefix)
    while i != -1:
        a = i + len(prefix)
        b = text.find(suffix, a)
        if b != -1 and b - a <= 2 * len(exact) + CONTEXT and b > a:
            return a, b
        i = text.find(prefix, i + 1)
    return None


def find_fuzzy(texts, exact, prefix, suffix, hint=None, old_text=None, old_start=None, near=None, matchers=None):
    """Return the best approximate place for a quote as (idx, start, end, score), or None."""
    starts, total = _block_starts(texts)
    if near is None:
        candidates = range(len(texts))
    else:
        candidates = range(max(0, near - SEARCH_WINDOW), min(len(texts), near + SEARCH_WINDOW + 1))
    best = None
    for idx in candidates:
        text = texts[idx]
        spans = []
        if old_text is not None and old_start is not None:
            # Map the old offsets through a diff of the old paragraph against this one.
            key = (old_text, idx)
            ops = matchers.get(key) if matchers is not None else None
            if ops is None:
                ops = SequenceMatcher(None, old_text, text, autojunk=False).get_opcodes()
                if matchers is not None:
                    matchers[key] = ops
            a = _map_offset(ops, old_start, False)
            b = _map_offset(ops, old_start + len(exact), True)
            if a < b:
                spans.append((a, b))
        ctx = _by_context(text, exact, prefix, suffix)
        if ctx:
            spans.append(ctx)
        for a, b in spans:
            if similarity(exact, text[a:b]) < FUZZY_MIN_QUOTE:
                continue
            sc = _score(text, a, b, exact, prefix, suffix, hint, total, starts[idx])
            if best is None or sc > best[3]:
                best = (idx, a, b, sc)
    if best and best[3] >= FUZZY_MIN_SCORE:
        return best
    return None


def locate(texts, exact, prefix="", suffix="", *, hint=None, near=None):
    """Anchor a quote (from another client, or an orphan) in blocks: moved, fuzzy or orphan."""
    found = find_exact(texts, exact, prefix, suffix, hint)
    if found:
        return _result("moved", texts, *found)
    found = find_fuzzy(texts, exact, prefix, suffix, hint, near=near)
    if found:
        return _result("fuzzy", texts, *found)
    return Anchor("orphan", exact=exact, prefix=prefix, suffix=suffix)


class Reanchorer:
    """Re-anchor many spans from old blocks to new blocks, sharing the work between them."""

    def __init__(self, old_texts, new_texts):
        self.old_texts = list(old_texts)
        self.new_texts = list(new_texts)
        self.new_starts, self.new_total = _block_starts(self.new_texts)
        self.unchanged = {}
        for idx, t in enumerate(self.new_texts):
            self.unchanged.setdefault(t, []).append(idx)
        self.matchers = {}
        self.block_map = _map_blocks(self.old_texts, self.new_texts)

    def _ops(self, old_idx, new_idx):
        key = (self.old_texts[old_idx], new_idx)
        if key not in self.matchers:
            self.matchers[key] = SequenceMatcher(None, key[0], self.new_texts[new_idx], autojunk=False).get_opcodes()
        return self.matchers[key]

    def hint(self, old_idx, start):
        """Where the span should be now (global offset): its paragraph's counterpart, through a diff."""
        j = self.block_map[old_idx]
        return self.new_starts[j] + _map_offset(self._ops(old_idx, j), start, False)

    def anchor(self, old_idx, start, end, exact, prefix, suffix):
        """Find the span old_texts[old_idx][start:end] in the new blocks."""
        old_text = self.old_texts[old_idx]
        if not self.new_texts:
            return Anchor("orphan", exact=exact, prefix=prefix, suffix=suffix)
        # Fast path: the paragraph itself is unchanged (perhaps renumbered): same offsets.
        same = self.unchanged.get(old_text)
        if same and old_text[start:end] == exact:
            j = self.block_map[old_idx]
            idx = j if j in same else min(same, key=lambda k: abs(k - j))
            return Anchor("anchored", idx, start, end, exact, prefix, suffix, 1.0)
        near = self.block_map[old_idx]
        hint = self.hint(old_idx, start)
        found = find_exact(self.new_texts, exact, prefix, suffix, hint)
        if found:
            idx, i, j, sc = found
            new = _result("moved", self.new_texts, idx, i, j, sc)
            # The best match is where it was: the offsets in its paragraph still hold.
            if idx == near and i == start:
                new.status = "anchored"
            return new
        found = find_fuzzy(self.new_texts, exact, prefix, suffix, hint, old_text, start, near, self.matchers)
        if found:
            return _result("fuzzy", self.new_texts, *found)
        return Anchor("orphan", exact=exact, prefix=prefix, suffix=suffix)


def _map_blocks(old_texts, new_texts):
    """Map each old block index to the new block at the same place in the text's structure."""
    if not new_texts:
        return {}
    out = {}
    ops = SequenceMatcher(None, old_texts, new_texts, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in ops:
        for i in range(i1, i2):
            if tag == "equal":
                out[i] = j1 + (i - i1)
            elif j2 > j1:  # replaced (edited, split or merged): the most alike block near the same rank
                rank = j1 + min(i - i1, j2 - j1 - 1)
                window = range(max(j1, rank - SEARCH_WINDOW), min(j2, rank + SEARCH_WINDOW + 1))
                out[i] = max(window, key=lambda j: (SequenceMatcher(None, old_texts[i], new_texts[j]).quick_ratio(),
                                                    -abs(j - rank)))
            else:  # deleted: the block that now follows (or the last one)
                out[i] = min(j1, len(new_texts) - 1)
    return out
