"""Structuring: turn plain text, Markdown or extracted HTML into a title and typed blocks.

Kinds: heading, paragraph, list (one item), quote, boilerplate (site chrome: navigation, cookie
and login lines before the article, comment sections and legal notes after it).
"""
import re
import unicodedata
from dataclasses import dataclass

from markdown_it import MarkdownIt

MAX_TEXT_CHARS = 2_000_000

KINDS = ("heading", "paragraph", "list", "quote", "boilerplate")
# Kinds read as running text: numbered, translated, annotated like paragraphs.
TEXT_KINDS = ("paragraph", "list", "quote")


class ArticleError(ValueError):
    """Raised when a text cannot become an article; the message is for the reader."""


@dataclass(frozen=True)
class Block:
    kind: str
    text: str


_SENTENCE_END = ".!?…:;,"
_CLOSERS = "\"'“”„‘’»«)]›‹"
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_BULLET = re.compile(r"^(?:[-*•‣◦▪–]\s+|(\d{1,3}[.)])\s+)(?=\S)")
_QUOTE = re.compile(r"^>\s?")
# Headings that open a site's comment section / related-links area: everything after is chrome.
_CHROME_HEADINGS = re.compile(
    r"^(kommentare|leserkommentare|kommentieren|diskussion|forum|comments|"
    r"weitere artikel|mehr zum thema|das könnte sie auch interessieren|"
    r"lesen sie auch|newsletter|related articles|share this article|teilen)\s*:?$",
    re.IGNORECASE,
)
# Words that mark community rules, legal notes and newsletters rather than journalism.
_CHROME_WORDS = [
    r"netiquette", r"\bAGB\b", r"nutzungsbedingungen", r"datenschutz", r"cookies?\b",
    r"community", r"forum", r"user-beiträge", r"kommentar", r"alle rechte vorbehalten",
    r"copyright", r"©", r"newsletter", r"abonnier", r"melde- und abhilfestelle",
    r"impressum", r"betreiber", r"terms of (use|service)", r"privacy policy",
]
_CHROME_RES = [re.compile(w, re.IGNORECASE) for w in _CHROME_WORDS]
# Labels of a site's menus, skip links, account and consent buttons, as a browser copies them.
_NAV_LABEL = re.compile(
    r"^(menü|menu|hauptmenü|navigation|zum inhalt( springen)?|zur navigation( springen)?|"
    r"direkt zum inhalt|skip to (main )?content|startseite|home|suche|suchen|search|"
    r"anmelden|abmelden|einloggen|login|log in|registrieren|sign in|sign up|mein konto|konto|"
    r"abo|abonnieren|abonnement|jetzt abonnieren|e-paper|epaper|podcasts?|videos?|"
    r"newsletter|schließen|öffnen|zurück|weiter|mehr|alle ressorts|ressorts|rubriken|"
    r"politik|wirtschaft|sport|kultur|wissen|panorama|meinung|regional|lokal|ausland|inland|"
    r"digital|reise|leben|gesundheit|auto|karriere|immobilien|wetter|service|kontakt|"
    r"impressum|datenschutz|datenschutzerklärung|agb|cookies?|cookie-einstellungen|"
    r"einstellungen|privatsphäre|alle akzeptieren|akzeptieren|ablehnen|zustimmen|"
    r"teilen|drucken|merken|twitter|facebook|instagram|whatsapp|x|e-mail|rss)$",
    re.IGNORECASE,
)
_CONSENT = re.compile(r"cookie|einwillig|zustimm|akzeptier|tracking|werbefrei|pur-abo|"
                      r"anmelden|einloggen|registrier|login|passwort", re.IGNORECASE)


def clean(line):
    """Collapse runs of whitespace into one space and trim."""
    return re.sub(r"\s+", " ", line).strip()


def _looks_like_heading(line):
    """Short line with no closing punctuation: a sub-heading, not prose."""
    if _MD_HEADING.match(line):
        return True
    words = line.split()
    if not words or len(words) > 14 or len(line) > 110:
        return False
    core = line.rstrip(_CLOSERS + " ")
    if not core or core[-1] in _SENTENCE_END:
        return False
    # Headings start with a capital, a digit or an opening quote, never mid-sentence.
    return not line[0].islower()


def _is_question_heading(line):
    """A short question standing alone ("Wie entsteht Erdöl?") heads what follows."""
    return line.endswith("?") and len(line.split()) <= 8 and not line[0].islower()


def _is_nav(text):
    return bool(_NAV_LABEL.match(text.strip(" |·•>»›-–:"))) or (
        len(text.split()) <= 12 and _CONSENT.search(text) is not None)


def _is_prose(block):
    return block.kind in TEXT_KINDS and len(block.text.split()) >= 10 and _chrome_score(block.text) < 2


def _chrome_score(text):
    return sum(1 for r in _CHROME_RES if r.search(text))


def _split_blocks(text):
    """Yield groups of raw lines: blank-line paragraphs, else one line each."""
    lines = text.split("\n")
    if re.search(r"\n[ \t\u00a0]*\n", text):
        group = []
        for line in lines:
            if line.strip():
                group.append(clean(line))
            elif group:
                yield group
                group = []
        if group:
            yield group
    else:
        for line in lines:
            if line.strip():
                yield [clean(line)]


def _marked(line):
    """Return a Block for a bulleted or '>' quoted line, else None."""
    m = _BULLET.match(line)
    if m:
        # An ordered list keeps its numbers: they carry meaning ("2. Russland").
        return Block("list", line if m.group(1) else line[m.end():])
    if _QUOTE.match(line):
        return Block("quote", _QUOTE.sub("", line))
    return None


def _group_blocks(group):
    """Turn one group of lines into blocks: list items, quotes, headings on top, a paragraph."""
    marked = [_marked(line) for line in group]
    if all(marked):
        if all(b.kind == "quote" for b in marked):
            return [Block("quote", " ".join(b.text for b in marked))]
        return marked
    out = []
    # A heading line directly above its paragraph (single newline) is still a heading;
    # a lowercase next line, or one barely longer, means a hard-wrapped sentence instead.
    while (len(group) > 1 and _looks_like_heading(group[0]) and not group[1][0].islower()
           and (len(group) == 2 or len(group[0]) < 0.6 * len(group[1]) or _MD_HEADING.match(group[0]))):
        out.append(Block("heading", _MD_HEADING.sub("", group.pop(0))))
    joined = " ".join(group)
    if _looks_like_heading(joined):
        out.append(Block("heading", _MD_HEADING.sub("", joined)))
    else:
        out.append(Block("paragraph", joined))
    return out


def _lone_numbers(blocks):
    """A numbered line alone is no list ("3. Oktober 1990 …" opens a paragraph): lists have two items."""
    out = []
    for i, b in enumerate(blocks):
        numbered = b.kind == "list" and b.text[:1].isdigit()
        near = [blocks[j] for j in (i - 1, i + 1) if 0 <= j < len(blocks)]
        if numbered and not any(n.kind == "list" for n in near):
            b = Block("heading" if _looks_like_heading(b.text) else "paragraph", b.text)
        out.append(b)
    return out


def _normalise(text):
    if text is None or not text.strip():
        raise ArticleError("The text is empty: paste or upload some German text to read.")
    if len(text) > MAX_TEXT_CHARS:
        raise ArticleError(f"The text is too long ({len(text):,} characters; the limit is {MAX_TEXT_CHARS:,}).")
    text = unicodedata.normalize("NFC", text.replace("\ufeff", ""))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def structure(text, title=None):
    """Split plain text into a title and Blocks (heading, paragraph, list, quote, boilerplate)."""
    text = _normalise(text)
    blocks = _lone_numbers([b for group in _split_blocks(text) for b in _group_blocks(group)])
    # Short questions alone between paragraphs are sub-headings ("Wie entsteht Erdöl?").
    blocks = [Block("heading", b.text) if b.kind == "paragraph" and _is_question_heading(b.text)
              and i + 1 < len(blocks) and _is_prose(blocks[i + 1]) else b
              for i, b in enumerate(blocks)]
    if not any(b.kind in TEXT_KINDS for b in blocks):
        # Only short lines (a list, a poem): read them as paragraphs, not as headings.
        blocks = [Block("paragraph", b.text) for b in blocks]
    return finish(blocks, title)


def finish(blocks, title=None):
    """Mark leading and trailing site chrome, take the title off the top; return (title, blocks).

    A given title (typed by the learner, or a page's or book's own) leaves the opening heading
    in the text unless it says the same: only a heading that becomes the title leaves the blocks.
    """
    title = clean(title or "")[:300] or None
    blocks = [Block(b.kind, clean(b.text)) for b in blocks if b.text and b.text.strip()]
    if not blocks:
        raise ArticleError("The text is empty: paste or upload some German text to read.")
    if sum(len(b.text) for b in blocks) > MAX_TEXT_CHARS:
        raise ArticleError(f"The text is too long (the limit is {MAX_TEXT_CHARS:,} characters).")
    blocks = _mark_trailing_chrome(_mark_leading_chrome(blocks))
    first = next((i for i, b in enumerate(blocks) if b.kind != "boilerplate"), None)
    if first is None:
        blocks = [Block("paragraph", b.text) for b in blocks]
        first = 0
    head = blocks[first]
    if head.kind == "heading" and len(blocks) > first + 1 and not _is_nav(head.text):
        if title is None or clean(title) == head.text:
            title = head.text
            blocks = blocks[:first] + blocks[first + 1:]
    if title is None:
        title = _title_from(next(b.text for b in blocks if b.kind != "boilerplate"))
    return title, blocks


def _mark_leading_chrome(blocks):
    """Mark the navigation, consent and login lines a copied page starts with."""
    start = next((i for i, b in enumerate(blocks) if _is_prose(b)), None)
    if not start:
        return blocks
    # The article's own head (headline, teaser, dateline) sits right above its first paragraph.
    keep = start
    while keep > 0 and start - keep < 4 and not _is_nav(blocks[keep - 1].text) \
            and _chrome_score(blocks[keep - 1].text) < 2:
        keep -= 1
    lead = blocks[:keep]
    if not lead:
        return blocks
    evidence = sum(1 for b in lead if _is_nav(b.text) or _chrome_score(b.text) >= 1)
    if evidence < max(1, len(lead) // 3):
        return blocks
    return [Block("boilerplate", b.text) for b in lead] + blocks[keep:]


def _mark_trailing_chrome(blocks):
    """Mark the run of site chrome (comment sections, legal notes) at the end of the text."""
    body_end = len(blocks)
    i = len(blocks) - 1
    while i > 0:
        b = blocks[i]
        if b.kind == "boilerplate":
            break
        if b.kind == "heading" and _CHROME_HEADINGS.match(b.text):
            body_end = i
        elif _chrome_score(b.text) >= 2:
            body_end = i
        else:
            break
        i -= 1
    # Never let chrome swallow the whole text; at least one real paragraph must stay.
    if not any(b.kind in TEXT_KINDS for b in blocks[:body_end]):
        return blocks
    return blocks[:body_end] + [Block("boilerplate", b.text) for b in blocks[body_end:]]


def _title_from(paragraph):
    """Make a title from the first sentence of the first paragraph."""
    m = re.match(r"(.+?[.!?])(\s|$)", paragraph)
    sentence = m.group(1) if m else paragraph
    if len(sentence) <= 100:
        return sentence.rstrip(".")
    words = sentence[:90].rsplit(" ", 1)[0]
    return words + " …"


# --- Markdown ----------------------------------------------------------------

_md = MarkdownIt("commonmark")


def _inline_text(token):
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content or "")
    return clean("".join(parts))


def markdown_blocks(text, title=None):
    """Return (title, blocks) from Markdown: headings, paragraphs, list items, block quotes."""
    text = _normalise(text)
    blocks, stack = [], []
    ordinal = []
    for token in _md.parse(text):
        if token.type.endswith("_open"):
            stack.append(token.type)
            if token.type == "ordered_list_open":
                ordinal.append(int(token.attrGet("start") or 1))
            elif token.type == "bullet_list_open":
                ordinal.append(None)
        elif token.type.endswith("_close"):
            stack.pop()
            if token.type in ("ordered_list_close", "bullet_list_close"):
                ordinal.pop()
        elif token.type == "inline":
            content = _inline_text(token)
            if not content:
                continue
            if "heading_open" in stack:
                kind = "heading"
            elif "list_item_open" in stack:
                kind = "list"
                if ordinal and ordinal[-1] is not None and stack[-2:] == ["list_item_open", "paragraph_open"]:
                    content = f"{ordinal[-1]}. {content}"
                    ordinal[-1] += 1
            elif "blockquote_open" in stack:
                kind = "quote"
            else:
                kind = "paragraph"
            blocks.append(Block(kind, content))
        elif token.type in ("fence", "code_block") and token.content.strip():
            blocks.append(Block("paragraph", clean(token.content)))
    return finish(blocks, title)


# --- HTML (trafilatura's XML, or an EPUB chapter's XHTML) -------------------------

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6", "head"}
_ITEMS = {"li", "item", "dt", "dd"}
_QUOTES = {"blockquote", "quote"}
_PARAS = {"p", "div", "section", "article", "main", "body", "td", "th", "figcaption", "pre", "lb"}
_SKIP = {"script", "style", "nav", "header", "footer", "aside", "form", "button", "svg", "noscript",
         "template", "img"}


def _local(tag):
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _text_of(el):
    return clean("".join(el.itertext()))


def tree_blocks(root):
    """Return Blocks from an lxml element tree (trafilatura XML or XHTML), in document order."""
    out = []

    def walk(el, inside_quote=False):
        tag = _local(el.tag)
        if tag in _SKIP:
            return
        if tag in _HEADINGS:
            out.append(Block("heading", _text_of(el)))
            return
        if tag in _ITEMS:
            nested = [c for c in el if _local(c.tag) in ("ul", "ol", "list")]
            if not nested:
                out.append(Block("list", _text_of(el)))
                return
            own = clean((el.text or "") + "".join(
                _text_of(c) + (c.tail or "") for c in el if c not in nested))
            if own:
                out.append(Block("list", own))
            for c in nested:
                walk(c, inside_quote)
            return
        if tag in _QUOTES:
            before = len(out)
            for c in el:
                walk(c, True)
            if len(out) == before and _text_of(el):
                out.append(Block("quote", _text_of(el)))
            return
        has_blocks = any(_local(c.tag) in _HEADINGS | _ITEMS | _QUOTES | _PARAS | {"ul", "ol", "list"}
                         for c in el)
        if tag in _PARAS and not has_blocks:
            text = _text_of(el)
            if text:
                out.append(Block("quote" if inside_quote else "paragraph", text))
            return
        if el.text and el.text.strip() and tag in _PARAS:
            out.append(Block("quote" if inside_quote else "paragraph", clean(el.text)))
        for c in el:
            walk(c, inside_quote)
            if c.tail and c.tail.strip() and tag in _PARAS:
                out.append(Block("quote" if inside_quote else "paragraph", clean(c.tail)))

    walk(root)
    _number_ordered(root, out)
    return [b for b in out if b.text]


def _number_ordered(root, blocks):
    """Give ordered-list items their numbers, as the page shows them ("2. Russland")."""
    numbered = {}
    for lst in root.iter():
        if _local(lst.tag) in ("ol", "list") and (_local(lst.tag) == "ol" or lst.get("rend") == "ol"):
            for i, item in enumerate((c for c in lst if _local(c.tag) in _ITEMS), start=1):
                numbered.setdefault(_text_of(item), f"{i}. {_text_of(item)}")
    for i, b in enumerate(blocks):
        if b.kind == "list" and b.text in numbered:
            blocks[i] = Block("list", numbered[b.text])
