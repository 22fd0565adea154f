"""W3C Web Annotation Data Model: our annotation dicts as JSON-LD, and JSON-LD (ours or another
client's) back into validated rows.

Shape written: a paragraph FragmentSelector ("p-<n>") refined by a TextQuoteSelector and a
TextPositionSelector (code points within the paragraph); a note on a whole paragraph has the
FragmentSelector alone; an orphan keeps only its TextQuoteSelector. Colour is the target's
styleClass. Read: that shape, or a bare TextQuoteSelector / TextPositionSelector over the whole
article (blocks joined by blank lines, as articles.article_text), which are anchored like edits.
A target on another page is stored as sent (targets.py) and anchored to an article only when it is
that article's original page and carries a quote.
"""
import json
import re
from urllib.parse import urlsplit

from . import anchoring, highlights
from . import targets as targets_mod
from .. import validation
from ..common import ARTICLE_PATH, now, same_page_key
from ..reading import articles
from .highlights import COLORS, AnnotationError

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
RFC3987 = "http://tools.ietf.org/rfc/rfc3987"
W3C_MOTIVATIONS = {
    "assessing", "bookmarking", "classifying", "commenting", "describing", "editing", "highlighting",
    "identifying", "linking", "moderating", "questioning", "replying", "tagging",
}
CSS = {"yellow": "#fff176", "green": "#a5d6a7", "blue": "#90caf9", "red": "#ef9a9a", "purple": "#ce93d8"}
# Top-level members we write ourselves; any other member a client sent is kept and echoed back.
# Where the bodies we do not model (IRIs, resources) are kept inside foreign_json.
OTHER_BODIES = "randnotiz:otherBodies"
OWN_KEYS = {"@context", "id", "type", "motivation", "created", "modified", "body", "bodyValue", "target",
            "canonical", "via", "stylesheet"}
ID_TAIL = re.compile(r"/annotations/([0-9a-f]{32})$")


def article_url(base, article_id):
    """Return the absolute URL of an article (the annotation target's source)."""
    return f"{base.rstrip('/')}/articles/{article_id}"


def annotation_url(base, annotation_id):
    """Return the absolute URL (the JSON-LD id) of an annotation."""
    return f"{base.rstrip('/')}/annotations/{annotation_id}"


# --- ours -> JSON-LD -------------------------------------------------------------------------

def to_jsonld(a, base):
    """Return the W3C JSON-LD of an annotation dict."""
    bodies = []
    if a["note"]:
        bodies.append({"type": "TextualBody", "value": a["note"], "format": "text/markdown",
                       "language": a["note_language"] or "en", "purpose": "commenting"})
    for tag in a["tags"]:
        bodies.append({"type": "TextualBody", "value": tag, "format": "text/plain", "purpose": "tagging"})
    quote = {"type": "TextQuoteSelector", "exact": a["exact"], "prefix": a["prefix"], "suffix": a["suffix"]}
    if a["block_n"] is None:
        selector = quote
    else:
        selector = {"type": "FragmentSelector", "value": f"p-{a['block_n']}", "conformsTo": RFC3987}
        if a["scope"] == "text":
            selector["refinedBy"] = [quote, {"type": "TextPositionSelector", "start": a["start"], "end": a["end"]}]
    doc = {
        "@context": CONTEXT,
        "id": annotation_url(base, a["id"]),
        "type": "Annotation",
        "motivation": a["motivation"],
        "created": a["created"],
        "modified": a["modified"],
    }
    if a["canonical"]:
        doc["canonical"] = a["canonical"]
    if a["via"]:
        doc["via"] = json.loads(a["via"]) if a["via"].startswith("[") else a["via"]
    # Bodies that are no text (an IRI, a resource), kept as the client sent them.
    bodies.extend((a.get("foreign") or {}).get(OTHER_BODIES, []))
    if bodies:
        doc["body"] = bodies if len(bodies) > 1 else bodies[0]
    if a["article_id"] is None:
        doc["target"] = a["target"]  # another page's: as the client sent it
    else:
        doc["target"] = {"type": "SpecificResource", "source": article_url(base, a["article_id"]),
                         "selector": selector, "styleClass": a["color"]}
        doc["stylesheet"] = {"type": "CssStylesheet",
                             "value": f".{a['color']} {{ background-color: {CSS[a['color']]} }}"}
    for k, v in (a.get("foreign") or {}).items():
        if k not in OWN_KEYS and k != OTHER_BODIES:
            doc.setdefault(k, v)
    return doc


# --- JSON-LD -> ours -------------------------------------------------------------------------

def _as_list(v):
    if v is None:
        return []
    return v if isinstance(v, list) else [v]


def _types(node):
    return {t for t in _as_list(node.get("type") or node.get("@type")) if isinstance(t, str)}


def _timestamp(value, name):
    """Return value as UTC ISO 8601 with Z, or raise."""
    try:
        return validation.timestamp(value, name)
    except validation.InvalidInput as e:
        raise AnnotationError(str(e)) from None


def _selectors(target):
    """Return (paragraph n or None, paragraph-level selectors, article-level selectors)."""
    block_n, inner, outer = None, [], []
    for sel in _as_list(target.get("selector")):
        if not isinstance(sel, dict):
            continue
        types = _types(sel)
        if "FragmentSelector" in types:
            m = re.fullmatch(r"p-(\d+)", str(sel.get("value", "")))
            if not m:
                raise AnnotationError("A FragmentSelector must name a paragraph as 'p-<n>'.")
            block_n = int(m.group(1))
            if not validation.is_storable_int(block_n):
                raise AnnotationError(f"There is no paragraph {block_n}.")
            inner.extend(s for s in _as_list(sel.get("refinedBy")) if isinstance(s, dict))
        elif types & {"TextQuoteSelector", "TextPositionSelector"}:
            outer.append(sel)
    return block_n, inner, outer


def _pick(selectors):
    quote = next((s for s in selectors if "TextQuoteSelector" in _types(s)), None)
    position = next((s for s in selectors if "TextPositionSelector" in _types(s)), None)
    if quote is not None:
        for k in ("exact", "prefix", "suffix"):
            if k in quote and not isinstance(quote[k], str):
                raise AnnotationError(f"TextQuoteSelector '{k}' must be a string.")
        if not quote.get("exact"):
            raise AnnotationError("A TextQuoteSelector needs a non-empty 'exact' quote.")
        if len(quote["exact"]) > highlights.MAX_QUOTE_CHARS:
            raise AnnotationError("The quoted text is too long.")
    if position is not None:
        s, e = position.get("start"), position.get("end")
        if not all(validation.is_storable_int(v) for v in (s, e)) or not s < e:
            raise AnnotationError("A TextPositionSelector needs whole numbers 0 ≤ start < end.")
    return quote, position


def _anchor(blocks, block_n, inner, outer):
    """Return (scope, Anchor) for the selectors against the article's blocks."""
    texts = [b["text"] for b in blocks]
    index = {b["n"]: i for i, b in enumerate(blocks)}
    if block_n is not None:
        if block_n not in index:
            raise AnnotationError(f"The article has no paragraph {block_n}.")
        i = index[block_n]
        text = texts[i]
        quote, position = _pick(inner)
        if quote is None and position is None:
            return "paragraph", anchoring.Anchor("anchored", i, 0, len(text), text, "", "")
        if position is not None:
            s, e = position["start"], position["end"]
            if e > len(text):
                raise AnnotationError(f"The position {s}–{e} is outside paragraph {block_n} (0–{len(text)}).")
            if quote is None or text[s:e] == quote["exact"]:
                return "text", anchoring.Anchor("anchored", i, s, e, *anchoring.quote_selector(text, s, e))
        # The text changed since the client saw it: find the quote, preferring this paragraph.
        hint = sum(len(t) + 2 for t in texts[:i]) + (position["start"] if position else 0)
        found = anchoring.locate(texts, quote["exact"], quote.get("prefix", ""), quote.get("suffix", ""),
                                 hint=hint, near=i)
        if found.index == i and position is None:
            found.status = "anchored"
        return "text", found
    quote, position = _pick(outer)
    if quote is None and position is None:
        raise AnnotationError("The target has no selector Randnotiz understands: use a FragmentSelector "
                              "'p-<n>', a TextQuoteSelector or a TextPositionSelector.")
    hint = None
    if position is not None:
        # Offsets over the whole article text (paragraphs separated by a blank line).
        s, e, pos = position["start"], position["end"], 0
        for i, t in enumerate(texts):
            if pos <= s < pos + len(t):
                ls, le = s - pos, min(e - pos, len(t))
                if quote is None or t[ls:le] == quote["exact"]:
                    status = "anchored" if e - pos <= len(t) else "fuzzy"
                    return "text", anchoring.Anchor(status, i, ls, le, *anchoring.quote_selector(t, ls, le))
                break
            pos += len(t) + 2
        if quote is None:
            raise AnnotationError("The TextPositionSelector does not start inside a paragraph of the article.")
        hint = s
    found = anchoring.locate(texts, quote["exact"], quote.get("prefix", ""), quote.get("suffix", ""), hint=hint)
    if found.status == "moved" and position is None:
        found.status = "anchored"  # the quote is all the client gave: finding it exactly is anchoring
    return "text", found


def _is_text_body(body):
    return isinstance(body, dict) and ("TextualBody" in _types(body) or "value" in body)


def _bodies(doc):
    """Return (note, language, tags, kept_other_bodies) from body / bodyValue."""
    notes, tags, language = [], [], None
    if "bodyValue" in doc:
        if not isinstance(doc["bodyValue"], str):
            raise AnnotationError("'bodyValue' must be a string.")
        notes.append(doc["bodyValue"])
    for body in _as_list(doc.get("body")):
        if not _is_text_body(body):
            continue  # an IRI or a resource body: kept by _foreign, not shown as a note
        value = body.get("value")
        if not isinstance(value, str):
            raise AnnotationError("A TextualBody needs a string 'value'.")
        if body.get("purpose") == "tagging" or "tagging" in _as_list(body.get("purpose")):
            tags.append(value)
        else:
            notes.append(value)
            language = language or (body.get("language") if isinstance(body.get("language"), str) else None)
    return ("\n\n".join(notes) if notes else None), language, tags


def parse(db, doc, base, *, blocks_of=None):
    """Validate a JSON-LD annotation and return the highlights row fields it describes (no id).

    blocks_of(article_id) may serve the article's blocks from a cache (a long import).
    """
    if not isinstance(doc, dict):
        raise AnnotationError("An annotation must be a JSON object.")
    if CONTEXT not in _as_list(doc.get("@context")):
        raise AnnotationError(f"The annotation needs \"@context\": \"{CONTEXT}\".")
    if "Annotation" not in _types(doc):
        raise AnnotationError("The annotation needs \"type\": \"Annotation\".")
    targets = _as_list(doc.get("target"))
    targets_mod.check(targets)
    here = [(t, targets_mod.article_here(db, targets_mod.source_of(t), base)) for t in targets]
    here = [(t, article_id) for t, article_id in here if article_id is not None]
    if len(targets) > 1 and here:
        raise AnnotationError("An annotation on an article of this library needs exactly one target.")
    if here and isinstance(here[0][0], str) and ARTICLE_PATH.search(urlsplit(here[0][0]).path):
        raise AnnotationError("The target must select text of the article (a selector), not the whole page.")
    fields = None
    if here and isinstance(here[0][0], dict):
        target, article_id = here[0]
        if ARTICLE_PATH.search(urlsplit(targets_mod.source_of(target)).path):
            block_n, inner, outer = _selectors(target)
        else:
            # The article's original page: only the quote (and the position, as a hint) carry over.
            block_n, inner = None, []
            outer = [s for s in _as_list(target.get("selector")) if isinstance(s, dict)
                     and _types(s) & {"TextQuoteSelector", "TextPositionSelector"}]
            if not any("TextQuoteSelector" in _types(s) for s in outer):
                outer = []  # a position on the original page alone says nothing about this copy
        if block_n is not None or outer or ARTICLE_PATH.search(urlsplit(targets_mod.source_of(target)).path):
            blocks = blocks_of(article_id) if blocks_of else articles.get_blocks(db, article_id)
            scope, found = _anchor(blocks, block_n, inner, outer)
            fields = {"article_id": article_id,
                      "block_n": None if found.index is None else blocks[found.index]["n"],
                      "start_cp": found.start, "end_cp": found.end,
                      "exact": found.exact, "prefix": found.prefix or "", "suffix": found.suffix or "",
                      "scope": scope, "status": found.status if found.index is not None else "orphan",
                      "target_json": None}
            style = target.get("styleClass")
            fields["color"] = style.removeprefix("hl-") if isinstance(style, str) and \
                style.removeprefix("hl-") in COLORS else "yellow"
    if fields is None:
        # Another page (or the original page, annotated as a whole): kept as the client sent it.
        first = targets[0]
        try:
            quote, position = _pick([s for s in _as_list(first.get("selector")) if isinstance(s, dict)]) \
                if isinstance(first, dict) else (None, None)
        except AnnotationError:
            quote, position = None, None  # selectors for their page, not ours: kept in the JSON
        fields = targets_mod.foreign_fields(targets, quote, position)
    note, language, tags = _bodies(doc)
    note = highlights.check_note(note)
    tags = highlights.check_tags(tags)
    motivation = doc.get("motivation")
    if isinstance(motivation, list):
        motivation = motivation[0] if motivation else None
    if motivation is not None and not isinstance(motivation, str):
        raise AnnotationError("'motivation' must be a string such as \"highlighting\" or \"commenting\".")
    if motivation is not None and motivation not in W3C_MOTIVATIONS and motivation.split(":")[-1] not in W3C_MOTIVATIONS:
        raise AnnotationError(f"Unknown motivation {str(motivation)[:40]!r}.")
    motivation = (motivation.split(":")[-1] if motivation else None) or highlights.motivation_for(note, tags)
    if fields["scope"] == "paragraph" and not note and not tags:
        raise AnnotationError("A note on a whole paragraph needs a body with text.")
    canonical = doc.get("canonical")
    if canonical is not None and not isinstance(canonical, str):
        raise AnnotationError("'canonical' must be an IRI string.")
    stamp = now()
    return {
        **fields, "note": note, "note_language": language or "en",
        "tags": json.dumps(tags, ensure_ascii=False), "motivation": motivation,
        "created": _timestamp(doc["created"], "created") if "created" in doc else stamp,
        "modified": _timestamp(doc["modified"], "modified") if "modified" in doc else stamp,
        "deleted": None, "canonical": canonical,
        "via": None,
    }


def _foreign(doc):
    """Keep what another client sent that we do not model (creator, generator, rights, other bodies, …)."""
    extra = {k: v for k, v in doc.items() if k not in OWN_KEYS}
    others = [b for b in _as_list(doc.get("body")) if not _is_text_body(b)]
    if others:
        extra[OTHER_BODIES] = others
    # ASCII: a lone surrogate a client's JSON escaped stays storable.
    return json.dumps(extra, ensure_ascii=True, sort_keys=True) if extra else None


def create_from_jsonld(db, doc, base, *, keep_id=False, touch=True, blocks_of=None):
    """Store a new annotation from JSON-LD; the server assigns the id unless keep_id (import); touch stamps it as modified now."""
    fields = parse(db, doc, base, blocks_of=blocks_of)
    if not all(isinstance(v, str) for v in _as_list(doc.get("via"))):
        raise AnnotationError("'via' must be an IRI string (or a list of them).")
    client_id = doc.get("id") if isinstance(doc.get("id"), str) else None
    annotation_id = None
    if keep_id and client_id:
        m = ID_TAIL.search(client_id)
        annotation_id = m.group(1) if m else None
    if annotation_id is None:
        annotation_id = highlights.new_id()
        # The id a client chose is replaced; where it came from is kept in 'via'.
        vias = _as_list(doc.get("via"))
        if client_id:
            vias.append(client_id)
        fields["via"] = (vias[0] if len(vias) == 1 else vias) if vias else None
    else:
        fields["via"] = doc.get("via")
    if isinstance(fields["via"], list):
        fields["via"] = json.dumps(fields["via"])
    if touch:
        fields["modified"] = now()
        if "created" not in doc:
            fields["created"] = fields["modified"]
    fields.update(id=annotation_id, foreign_json=_foreign(doc))
    with db.atomic():
        if highlights.get(db, annotation_id, include_deleted=True) is not None:
            raise AnnotationError(f"An annotation with id {annotation_id} exists already.")
        return highlights.insert_row(db, fields)


def replace_from_jsonld(db, annotation_id, doc, base):
    """Replace an annotation with new JSON-LD (PUT), keeping its id and creation time."""
    if isinstance(doc, dict) and doc.get("id") not in (None, annotation_url(base, annotation_id)):
        raise AnnotationError("The 'id' in the body must be this annotation's URL.")
    with db.atomic():
        old = highlights.get(db, annotation_id)
        if old is None:
            raise highlights.AnnotationNotFound("This annotation does not exist (it may have been deleted).")
        fields = parse(db, doc, base)
        fields.update(created=old["created"], modified=now(), via=old["via"],
                      canonical=fields["canonical"] or old["canonical"], foreign_json=_foreign(doc))
        db["highlights"].update(annotation_id, fields)
    return highlights.get(db, annotation_id)


def adopt(db, article_id, base):
    """Anchor the annotations kept for other pages whose target is this article's original page; return how many."""
    article = articles.get_article(db, article_id)
    key = same_page_key(article["source_url"]) if article else None
    if key is None:
        return 0
    adopted = 0
    with db.atomic():
        for a in highlights.list_elsewhere(db):
            targets = a["target"] if isinstance(a["target"], list) else [a["target"]]
            if not any(same_page_key(targets_mod.source_of(t)) == key for t in targets):
                continue
            try:
                fields = parse(db, to_jsonld(a, base), base)
            except AnnotationError:
                continue
            if fields["article_id"] != article_id:
                continue  # a whole-page annotation, or one without a quote: it stays where it is
            fields.update(created=a["created"], modified=a["modified"], canonical=a["canonical"], via=a["via"])
            db["highlights"].update(a["id"], fields)
            adopted += 1
    return adopted
