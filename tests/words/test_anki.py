"""Exports for review: the .apkg opened as Anki would, the TSV header lines, the CSV."""
import csv
import io
import sqlite3
import zipfile

import pytest

from annotations.words import anki

WORDS = [
    {"id": 1, "lemma": "Baum", "surface": "Bäume", "gloss": "tree", "sentence": "Die Bäume sind grün.",
     "translation": "The trees are green.", "start": 4, "end": 9, "sentence_start": 0,
     "from_block": 1, "created": "2026-01-01T00:00:00Z", "article_title": "Wald"},
    {"id": 2, "lemma": "nach wie vor", "surface": "nach wie vor", "gloss": "still <as before> & more",
     "sentence": "Er ist nach wie vor <b>da</b>.", "translation": "He is\tstill\nthere.", "start": 27,
     "end": 39, "sentence_start": 20, "from_block": 2, "created": "2026-01-02T00:00:00Z", "article_title": None},
]


def notes_of(data, tmp_path):
    """Open an .apkg (a zip with a SQLite collection) and return its notes and model ids."""
    path = tmp_path / "deck.apkg"
    path.write_bytes(data)
    with zipfile.ZipFile(path) as z:
        (tmp_path / "collection.anki2").write_bytes(z.read("collection.anki2"))
    conn = sqlite3.connect(tmp_path / "collection.anki2")
    try:
        return conn.execute("SELECT guid, mid, flds, tags FROM notes ORDER BY id").fetchall()
    finally:
        conn.close()


def test_apkg_holds_one_note_per_word_with_sentence_front(tmp_path):
    notes = notes_of(anki.apkg(WORDS), tmp_path)
    assert len(notes) == 2
    guid, mid, flds, tags = notes[0]
    assert mid == anki.MODEL_ID and "randnotiz" in tags
    assert flds.split("\x1f") == ["Baum", "Die <b>Bäume</b> sind grün.", "tree", "The trees are green.", "Wald"]
    fields = notes[1][2].split("\x1f")
    assert fields[1] == "Er ist <b>nach wie vor</b> &lt;b&gt;da&lt;/b&gt;."
    assert fields[2] == "still &lt;as before&gt; &amp; more"


def test_reexport_keeps_guids_so_anki_updates_notes(tmp_path):
    first = [n[0] for n in notes_of(anki.apkg(WORDS), tmp_path)]
    edited = [dict(WORDS[0], gloss="tree (plant)"), WORDS[1]]
    second = [n[0] for n in notes_of(anki.apkg(edited), tmp_path)]
    assert first == second and len(set(first)) == 2


def test_tsv_has_anki_header_lines_and_escaped_fields():
    text = anki.tsv(WORDS + [dict(WORDS[0], lemma="#hashtag")])
    lines = text.splitlines()
    assert lines[:6] == ["#separator:tab", "#html:true", "#notetype:Randnotiz word", "#deck:Randnotiz",
                         "#guid column:6", "#tags column:7"]
    rows = [line.split("\t") for line in lines[6:]]
    assert len(rows) == 3 and all(len(r) == 7 for r in rows)
    assert rows[0][:5] == ["Baum", "Die <b>Bäume</b> sind grün.", "tree", "The trees are green.", "Wald"]
    assert rows[0][5] == anki.guid(WORDS[0]) and rows[0][6] == "randnotiz"
    assert rows[1][2] == "still &lt;as before&gt; &amp; more"
    assert rows[1][3] == "He is still<br>there."
    assert '"' not in text  # quotes are &#34;, so Anki's CSV reader never sees an open quote
    assert not any(line.startswith("#") for line in lines[6:])  # no data line reads as a comment
    assert rows[2][0] == "&#35;hashtag"


@pytest.mark.parametrize("gloss", ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\t=1"])
def test_csv_neutralises_formula_cells(gloss):
    text = anki.csv_text([dict(WORDS[0], gloss=gloss)])
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["lemma", "surface", "gloss"]
    assert rows[1][2] == "'" + gloss


def test_csv_keeps_ordinary_cells():
    rows = list(csv.reader(io.StringIO(anki.csv_text(WORDS))))
    assert rows[1][:5] == ["Baum", "Bäume", "tree", "Die Bäume sind grün.", "The trees are green."]


def test_the_grammar_travels_into_the_note_without_changing_its_guid(tmp_path):
    soldat = dict(WORDS[0], lemma="Soldat", gender="m", plural="Soldaten", form="")
    verb = dict(WORDS[0], lemma="beteiligen", gender="", plural="", form="sich beteiligen")
    notes = notes_of(anki.apkg([soldat, verb]), tmp_path)
    assert [n[2].split("\x1f")[0] for n in notes] == ["der Soldat, die Soldaten", "sich beteiligen"]
    assert notes[0][0] == anki.guid({"lemma": "Soldat"})  # re-exports update the same note
    rows = list(csv.reader(io.StringIO(anki.csv_text([soldat]))))
    assert dict(zip(rows[0], rows[1]))["gender"] == "der"
