"""A paragraph's markup, written in Python: its text with spans and an id, plus what it really has.

The controls that act on a paragraph (translate, link, add a note) are one shared toolbar in the
page (templates/reading/_paragraph_tools.html, static/reader.js), not repeated here: a long text
is mostly its words. A paragraph carries its translation slot and its notes only when it has them.
"""
from dataclasses import dataclass

from markupsafe import Markup, escape

from .reading.structuring import TEXT_KINDS
from .translation import sentences


@dataclass(frozen=True)
class Links:
    """URL patterns the markup needs; '__hid__' is an annotation's id. Built by the views (url_for)."""

    note_edit: str
    note_delete: str


def section(view, links):
    """Return a block's <section>: its text, and its translation slot and notes when it has them."""
    n, kind = view["n"], view["kind"]
    ordinal = f' data-ordinal="{view["ordinal"]}"' if view.get("ordinal") else ""
    # List items and quotes are read, numbered, translated and noted as paragraphs are.
    also = " block-paragraph" if kind in ("list", "quote") else ""
    parts = [f'<section id="p-{n}" class="block block-{escape(kind)}{also}" data-n="{n}"{ordinal} tabindex="-1">',
             _text(n, kind, view)]
    if view.get("translation"):
        parts.append(slot(view, shown=view.get("shown", False)))
    if kind in TEXT_KINDS and view.get("notes"):
        parts.append(notes(view, links))
    parts.append("</section>")
    return Markup("".join(parts))


def _text(n, kind, view):
    text = f'class="ptext" id="p-{n}-text" lang="de">{view["html"]}'
    if kind == "heading":
        return f"<h2 {text}</h2>"
    if kind == "list":
        # An ordered item carries its own number ("2. Russland"): no bullet before it.
        ordered = " ordered" if view["text"][:1].isdigit() else ""
        return f'<ul class="list-item{ordered}"><li {text}</li></ul>'
    if kind == "quote":
        return f"<blockquote><p {text}</p></blockquote>"
    return f"<p {text}</p>"


def slot(view, *, shown=False, error=None, oob=False):
    """Return a block's translation slot (the target of the Translate control)."""
    swap = ' hx-swap-oob="true"' if oob else ""
    inner = translation(view, shown=shown, error=error)
    return Markup(f'<div class="translation" id="p-{view["n"]}-tr"{swap}>{inner}</div>')


def translation(view, *, shown=False, error=None):
    """Return the slot's content: the English (hidden unless shown), or the error and a Retry."""
    n = view["n"]
    if error is not None:
        return Markup(
            f'<p class="error-message tr-error" role="alert" data-cause="{escape(error.cause)}">'
            f'Translation failed: {escape(error.message)}</p>'
            f'<button type="button" class="tr-button tr-retry" data-action="translate">Retry</button>')
    if not view.get("translation"):
        return Markup("")
    german, english = view["text"], view["translation"]
    aligned = " aligned" if sentences.aligned(german, english) else ""
    hidden = "" if shown else " hidden"
    return Markup(f'<div class="translation-text{aligned}" id="p-{n}-en" lang="en"{hidden}>'
                  f'{sentences.english_html(german, english)}</div>')


def notes(view, links):
    """Return the notes on the whole paragraph, each with its Edit and Delete."""
    out = [f'<div class="hl-pnotes" id="p-{view["n"]}-notes">']
    for a in view["notes"]:
        hid = escape(a["id"])
        out.append(f'<aside class="hl-pnote" id="hl-pnote-{hid}" data-hl-pnote="{hid}">')
        if a.get("note_html"):
            out.append(f'<div class="hl-note-text">{a["note_html"]}</div>')  # sanitised by notes/markdown.py
        if a.get("tags"):
            out.append('<ul class="hl-tags">' + "".join(f"<li>{escape(t)}</li>" for t in a["tags"]) + "</ul>")
        edit, delete = (escape(u.replace("__hid__", a["id"])) for u in (links.note_edit, links.note_delete))
        out.append(f'<button type="button" class="hl-mini hl-edit" hx-get="{edit}" hx-target="#hl-dialog-body">Edit</button>'
                   f'<button type="button" class="hl-mini hl-delete" hx-post="{delete}" hx-swap="none">Delete</button>'
                   "</aside>")
    out.append("</div>")
    return Markup("".join(out))
