"""Export saved words for review: Anki package (.apkg), Anki-importable TSV, and CSV."""
import csv
import functools
import io
import os
import tempfile

from markupsafe import escape

from ..common import csv_cell, lazy_module
from .vocab import GENDERS, with_article

genanki = lazy_module("genanki")

# Fixed ids: a re-export updates the same note type, deck and notes in Anki instead of adding copies.
MODEL_ID = 1_742_315_061
DECK_ID = 1_742_315_062
MODEL_NAME = "Randnotiz word"
DECK_NAME = "Randnotiz"
FIELDS = ["Lemma", "Sentence", "Gloss", "Translation", "Source"]
TAG = "randnotiz"


@functools.cache
def model():
    """Return the Anki note type (built on the first export: genanki loads then)."""
    return genanki.Model(
        MODEL_ID, MODEL_NAME,
        fields=[{"name": f} for f in FIELDS],
        templates=[{
            "name": "German word in its sentence",
            "qfmt": '<div class="sentence" lang="de">{{Sentence}}</div>',
            "afmt": '{{FrontSide}}<hr id="answer"><div class="lemma" lang="de">{{Lemma}}</div>'
                    '<div class="gloss">{{Gloss}}</div><div class="translation">{{Translation}}</div>'
                    '<div class="source">{{Source}}</div>',
        }],
        css=".card { font-family: Georgia, serif; font-size: 22px; text-align: center; }"
            ".sentence b { color: #2f5fa7; } .translation, .source { color: #666; font-size: 16px; }",
    )


def guid(word):
    """Return the note GUID of a saved word: derived from its lemma, so stable across exports."""
    return genanki.guid_for(word["lemma"], "randnotiz")


def sentence_parts(word):
    """Return (before, the saved word, after) of its sentence; the word is "" when not found."""
    sentence = word["sentence"] or word["surface"]
    a = (word.get("start") or 0) - (word.get("sentence_start") or 0)
    b = a + len(word["surface"])
    if not (0 <= a < b <= len(sentence)) or sentence[a:b] != word["surface"]:
        a = sentence.find(word["surface"])
        b = a + len(word["surface"])
    if a < 0:
        return sentence, "", ""
    return sentence[:a], sentence[a:b], sentence[b:]


def sentence_html(word):
    """Return the sentence as HTML with the saved word in bold (escaped)."""
    before, found, after = sentence_parts(word)
    if not found:
        return str(escape(before))
    return f"{escape(before)}<b>{escape(found)}</b>{escape(after)}"


def fields(word):
    """Return the note fields of a saved word as HTML, in FIELDS order.

    The Lemma field carries the grammar ("der Soldat, die Soldaten"), so the note type and
    the notes' GUIDs (from the bare lemma) stay those of earlier exports.
    """
    source = word.get("article_title") or ""
    return [str(escape(with_article(word))), sentence_html(word), str(escape(word["gloss"] or "")),
            str(escape(word["translation"] or "")), str(escape(source))]


def tags(word):
    """Return a saved word's tags: randnotiz, and its status when known (randnotiz::learning-2)."""
    st = (word.get("status") or "").replace(" ", "-")
    return [TAG, f"{TAG}::{st}"] if st else [TAG]


def apkg(words):
    """Return the bytes of an Anki package holding one note per saved word."""
    deck = genanki.Deck(DECK_ID, DECK_NAME)
    for w in words:
        deck.add_note(genanki.Note(model=model(), fields=fields(w), guid=guid(w), tags=tags(w)))
    fd, path = tempfile.mkstemp(suffix=".apkg")
    os.close(fd)
    try:
        genanki.Package(deck).write_to_file(path)
        with open(path, "rb") as f:
            return f.read()
    finally:
        os.unlink(path)


def _tsv_cell(html):
    # Fields are HTML (#html:true): line breaks become <br>; tabs would split the column.
    return html.replace("\r\n", "<br>").replace("\n", "<br>").replace("\r", "<br>").replace("\t", " ")


def tsv(words):
    """Return an Anki-importable TSV (text with Anki's header lines).

    Columns: the note's fields in order, then the GUID, then the tags. The GUID is not first:
    Anki's GUIDs may start with "#", which would make the line a comment.
    """
    lines = [
        "#separator:tab",
        "#html:true",
        f"#notetype:{MODEL_NAME}",
        f"#deck:{DECK_NAME}",
        f"#guid column:{len(FIELDS) + 1}",
        f"#tags column:{len(FIELDS) + 2}",
    ]
    for w in words:
        cells = [_tsv_cell(c) for c in fields(w)]
        if cells[0].startswith("#"):
            cells[0] = "&#35;" + cells[0][1:]  # the same character, not a comment line
        lines.append("\t".join([*cells, guid(w), " ".join(tags(w))]))
    return "\n".join(lines) + "\n"


# Grammar last: existing columns keep their places for spreadsheets built on them.
CSV_COLUMNS = ["lemma", "surface", "gloss", "sentence", "translation", "article", "paragraph", "saved",
               "gender", "plural", "form", "status"]


def csv_text(words):
    """Return the saved words as CSV with formula-like cells neutralised."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for w in words:
        writer.writerow([csv_cell(v) for v in (
            w["lemma"], w["surface"], w["gloss"], w["sentence"], w["translation"],
            w.get("article_title") or "", w["from_block"], w["created"],
            GENDERS.get(w.get("gender") or "", ""), w.get("plural") or "", w.get("form") or "", w.get("status") or "")])
    return out.getvalue()
