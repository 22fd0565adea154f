"""Files to articles: .txt (UTF-8, UTF-16, Windows-1252), .md, .html and .epub, each as (title, blocks).

Every reader returns what structuring.finish returns, so a file's headings, lists and quotes
reach the article as blocks instead of being guessed back from flattened text.
"""
import codecs
import io
import re
import zipfile

from ..common import lazy_module
from . import structuring
from .structuring import ArticleError, Block

# Loaded on the first file that needs them: a reader who only reads never pays for them.
charset_normalizer = lazy_module("charset_normalizer")
ebooklib = lazy_module("ebooklib")
epub = lazy_module("ebooklib.epub")
etree = lazy_module("lxml.etree")
lxml_html = lazy_module("lxml.html")
trafilatura = lazy_module("trafilatura")

MAX_BYTES = 5 * 1024 * 1024
MAX_EPUB_BYTES = 30 * 1024 * 1024
_BOMS = [(codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def _codec(name):
    try:
        found = codecs.lookup(name).name if name else None
    except LookupError:
        return None
    # As browsers do: a page labelled Latin-1 is read as its superset Windows-1252.
    return "cp1252" if found in ("iso8859-1", "latin-1") else found


def decode(raw, declared=None, *, html=False):
    """Return raw bytes as text (BOM, UTF-8, declared charset, <meta>, else detected); refuse binary files."""
    text = _decode(raw, declared, html)
    sample = text[:100_000]
    odd = sum(1 for c in sample if (c < " " and c not in "\t\n\r\f") or c == "\ufffd")
    if odd > max(2, len(sample) // 100):
        raise ArticleError("That file is not text (it holds binary data). Upload a .txt, .md, .html or .epub file.")
    return text


def _decode(raw, declared, html):
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return raw.decode(name, errors="replace")
    if raw[:4096].count(b"\x00") > len(raw[:4096]) // 8:
        # NUL bytes between the letters: UTF-16 (or 32) without its byte order mark.
        best = charset_normalizer.from_bytes(raw[:200_000]).best()
        if best is not None and best.encoding.startswith(("utf_16", "utf_32")):
            return raw.decode(best.encoding, errors="replace")
    # Bytes that are valid UTF-8 are UTF-8, whatever a header or <meta> claims: Windows-1252
    # text almost never forms valid multi-byte sequences by chance, and mislabelled pages abound.
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    candidates = [_codec(declared)]
    if html:
        m = _META_CHARSET.search(raw[:4096])
        meta = _codec(m.group(1).decode("ascii")) if m else None
        # A page readable enough to declare its charset in ASCII is not UTF-16 (the HTML standard's rule).
        candidates.append(None if meta and meta.startswith(("utf-16", "utf-32")) else meta)
    for name in [c for c in candidates if c and c not in ("utf-8", "ascii")]:
        try:
            return raw.decode(name)
        except UnicodeDecodeError:
            continue
    # Not UTF-8: for German text that is, in practice, Windows-1252 (a superset of Latin-1);
    # charset-normalizer cannot tell it from its Central European neighbours on umlauts alone.
    return raw.decode("cp1252", errors="replace")


def looks_like_html(filename, text):
    """Say whether a file is a web page (by its name, or its first tag)."""
    return filename.lower().endswith((".html", ".htm", ".xhtml")) or \
        text.lstrip()[:15].lower().startswith(("<!doctype html", "<html"))


def from_html(html, title=None):
    """Return (title, blocks) of a web page's article: trafilatura's structure, its metadata title.

    Here and below, title is the learner's own: it replaces the found one, and the text keeps its heading.
    """
    xml = trafilatura.extract(html, output_format="xml", include_comments=False, include_tables=False,
                              with_metadata=True)
    if not xml:
        raise ArticleError("No article text could be found in that page.")
    root = etree.fromstring(xml.encode("utf-8"))
    main = root.find("main")
    blocks = structuring.tree_blocks(main if main is not None else root)
    if not any(b.kind in structuring.TEXT_KINDS for b in blocks):
        raise ArticleError("No article text could be found in that page.")
    return structuring.finish(blocks, title or root.get("title") or None)


def from_text(text, title=None):
    """Return (title, blocks) of plain text."""
    return structuring.structure(text, title)


def from_markdown(text, title=None):
    """Return (title, blocks) of Markdown."""
    return structuring.markdown_blocks(text, title)


def from_epub(raw, title=None):
    """Return (title, blocks) of an EPUB book: chapters in spine order, each opened by a heading."""
    if len(raw) > MAX_EPUB_BYTES:
        raise ArticleError(f"The book is too large (limit {MAX_EPUB_BYTES // (1024 * 1024)} MB).")
    try:
        book = epub.read_epub(io.BytesIO(raw), options={"ignore_ncx": True})
    except (zipfile.BadZipFile, KeyError, etree.LxmlError, ebooklib.epub.EpubException, ValueError, AttributeError) as e:
        raise ArticleError(f"That is not a readable EPUB book ({type(e).__name__}).") from None
    toc = {}
    for link in _toc_links(book.toc):
        toc.setdefault(link.href.split("#")[0], link.title)
    blocks = []
    for idref, _linear in book.spine:
        item = book.get_item_with_id(idref)
        if item is None or item.get_type() != ebooklib.ITEM_DOCUMENT:
            continue
        body = item.get_body_content()
        if not body or not body.strip():
            continue
        try:
            # Bytes, and lxml would guess Latin-1 for them: EPUB's XHTML is UTF-8 (or has a BOM).
            root = lxml_html.fromstring(decode(body, html=True))
        except (etree.ParserError, ValueError, ArticleError):
            continue
        chapter = structuring.tree_blocks(root)
        if not chapter:
            continue
        if chapter[0].kind != "heading" and toc.get(item.get_name()):
            chapter.insert(0, Block("heading", toc[item.get_name()]))
        blocks.extend(chapter)
    if not any(b.kind in structuring.TEXT_KINDS for b in blocks):
        raise ArticleError("That book has no text to read.")
    if not title:
        titles = book.get_metadata("DC", "title")
        title = titles[0][0] if titles and titles[0][0] else None
    return structuring.finish(blocks, title)


def _toc_links(toc):
    for entry in toc:
        if isinstance(entry, tuple):
            section, children = entry
            if getattr(section, "href", None):
                yield section
            yield from _toc_links(children)
        elif getattr(entry, "href", None):
            yield entry


def from_file(filename, raw, title=None):
    """Return (title, blocks) of an uploaded file, chosen by its name (and first bytes)."""
    name = (filename or "").lower()
    if name.endswith(".epub") or raw[:2] == b"PK":
        return from_epub(raw, title)
    if len(raw) > MAX_BYTES:
        raise ArticleError(f"The file is too large (limit {MAX_BYTES // (1024 * 1024)} MB).")
    is_html = name.endswith((".html", ".htm", ".xhtml"))
    text = decode(raw, html=is_html or raw.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html")))
    if looks_like_html(name, text):
        return from_html(text, title)
    if name.endswith((".md", ".markdown")):
        return from_markdown(text, title)
    return from_text(text, title)
