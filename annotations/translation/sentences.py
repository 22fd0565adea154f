"""Split German and English text into sentences and align a paragraph with its translation."""
import re
from functools import lru_cache

from markupsafe import Markup, escape

from ..reading.render import Span

# Abbreviations that end in a full stop without ending the sentence (case-sensitive).
# "usw." and "etc." are left out: they end sentences as often as not.
ABBREVIATIONS = frozenset("""
    bzw ca Nr Dr Prof vgl Mio Mrd Jh Jhd St Str geb Abs Art Hr Fr Frl inkl evtl ggf sog ff
    Tel Bd Hg Hrsg Kap Ziff zB usf Std Min Sek Mo Di Mi Do Sa So Jan Feb Mär Apr Jun Jul Aug
    Sep Sept Okt Nov Dez österr dt engl franz ital russ span bzw Abg Mag Ing Dipl Gen Lt Oberst
    Mr Mrs Ms Messrs Jr Sr vs No Nos Co Corp Inc Ltd Gov Sen Rep Rev Gen Col Capt Sgt Mt Ft
    approx dept est fig e.g i.e a.m p.m U.S U.K U.N E.U
""".split())

MONTHS = frozenset("""
    Januar Jänner Februar Feber März April Mai Juni Juli August September Oktober November Dezember
""".split())
# Words that follow an ordinal number ("4. Juni", "im 19. Jahrhundert", "zum 3. Mal").
ORDINAL_NOUNS = frozenset("""
    Jahrhundert Jahrtausend Mal Platz Stock Klasse Liga Runde Tag Woche Monat Jahr Sitzung
    Lebensjahr Geburtstag Todestag Jahrestag Stufe Etappe Spieltag Kapitel Auflage Bezirk
""".split())

_END = re.compile(r"[.!?…]+[\"'“”‘’»«)\]›‹]*(?=\s+)")
_NEXT = re.compile(r"\s+([\"'„“‚‘»«(\[]*)(\S+)")
_DOTTED = re.compile(r"(?:\w\.)+\w\.?")  # "z.B", "d.h", "U.S"



def _is_boundary(text, match):
    """Decide whether the punctuation at match really closes a sentence."""
    nxt = _NEXT.match(text, match.end())
    if not nxt:
        return False
    word = nxt.group(2)
    if not (word[0].isupper() or word[0].isdigit() or nxt.group(1)):
        return False
    if "." not in match.group().rstrip("\"'“”‘’»«)]›‹")[-1:]:
        return True  # "!", "?" and "…" are not abbreviation dots
    j = match.start()
    while j > 0 and not text[j - 1].isspace():
        j -= 1
    token = text[j:match.start()].lstrip("\"'„“‚‘»«([")
    if not token:
        return True
    if len(token) == 1 and token.isalpha():
        return False  # initials and "z. B.", "d. h.", "u. a."
    if token in ABBREVIATIONS or token.rstrip(".") in ABBREVIATIONS or _DOTTED.fullmatch(token):
        return False
    if token.isdigit() and len(token) <= 2:
        bare = word.rstrip(".,;:")
        if bare in MONTHS or bare in ORDINAL_NOUNS or bare.isdigit():
            return False  # "4. Juni", "19. Jahrhundert", "4. 6. 2024"
    return True


@lru_cache(maxsize=8192)
def sentence_spans(text):
    """Return (start, end) code-point spans of the sentences in text, whitespace trimmed."""
    spans, start = [], 0
    for m in _END.finditer(text):
        if m.end() <= start or not _is_boundary(text, m):
            continue
        spans.append((start, m.end()))
        start = _NEXT.match(text, m.end()).start(1)
    if text[start:].strip():
        spans.append((start, len(text)))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return tuple(out)  # immutable: the result is shared through the cache


def split_sentences(text):
    """Return the sentences of text as strings."""
    return [text[a:b] for a, b in sentence_spans(text)]


def _sentence_marks(text):
    return [Span(a, b, ("s",), (("s", i),)) for i, (a, b) in enumerate(sentence_spans(text))]


def spans(db, article_id, blocks):
    """Wrap each paragraph's sentences in spans numbered from 0 (class "s", data-s)."""
    return {b["n"]: _sentence_marks(b["text"]) for b in blocks if b["kind"] in ("paragraph", "list", "quote")}


def aligned(german, english):
    """Say whether the paragraph and its translation have the same number of sentences."""
    return len(sentence_spans(german)) == len(sentence_spans(english))


@lru_cache(maxsize=4096)
def english_html(german, english):
    """Render the translation with sentence spans matching the German ones, when they align."""
    if not english:
        return Markup("")
    if not aligned(german, english):
        return Markup(escape(english))
    # Sentences never overlap, so plain concatenation is enough (and much cheaper than render_text).
    out, pos = [], 0
    for i, (a, b) in enumerate(sentence_spans(english)):
        out.append(f'{escape(english[pos:a])}<span class="s" data-s="{i}">{escape(english[a:b])}</span>')
        pos = b
    out.append(str(escape(english[pos:])))
    return Markup("".join(out))


# Over-long texts are sent to a provider in parts of whole sentences.

def _pack(pieces, limit):
    """Join pieces with spaces into as few parts of at most limit characters as possible, in order."""
    parts, current = [], ""
    for piece in pieces:
        if current and len(current) + 1 + len(piece) > limit:
            parts.append(current)
            current = piece
        else:
            current = f"{current} {piece}" if current else piece
    if current:
        parts.append(current)
    return parts


def _pieces(sentence, limit):
    """Cut one over-long sentence at spaces (or anywhere, for a monster word)."""
    words = []
    for word in sentence.split():
        words.extend(word[i:i + limit] for i in range(0, len(word), limit))
    return _pack(words, limit)


def split_for_limit(text, limit):
    """Group whole sentences into parts of at most limit characters, in order."""
    if len(text) <= limit:
        return [text]
    pieces = []
    for a, b in sentence_spans(text):
        pieces.extend(_pieces(text[a:b], limit) if b - a > limit else [text[a:b]])
    return _pack(pieces, limit)
