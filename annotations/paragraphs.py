"""A paragraph as the reader sees it: its text with every feature's spans, its number, its translation."""
from .notes import highlights
from .reading import articles, render
from .translation import sentences, translate
from .words import vocab

# Each is called as fn(db, article_id, blocks) and returns {block_n: [Span, ...]}.
# Word status is not one: learning.js paints it (CSS Custom Highlight API) without markup.
SPAN_PROVIDERS = [sentences.spans, highlights.spans, vocab.spans]


def block_views(db, article_id, blocks, ts):
    """Return what the paragraph template needs per block: text HTML, ordinal, cached translation, notes."""
    spans = {}
    for provider in SPAN_PROVIDERS:
        for n, found in provider(db, article_id, blocks).items():
            spans.setdefault(n, []).extend(found)
    cached = translate.cached_translations(db, [b["text"] for b in blocks], ts)
    # Counted over the whole article: a single re-rendered paragraph keeps its number.
    ordinals = articles.paragraph_ordinals(db, article_id)
    notes = highlights.paragraph_notes(db, article_id)
    return [{
        **b,
        "article_id": article_id,
        "ordinal": ordinals.get(b["n"]),
        "html": render.render_text(b["text"], spans.get(b["n"], [])),
        "translation": cached.get(b["text"]),
        "notes": notes.get(b["n"], []),
    } for b in blocks]
