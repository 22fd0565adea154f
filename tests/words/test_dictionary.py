"""Dictionary files (Ding, FreeDict) parsed, imported atomically and looked up by form and lemma."""
import gzip

import pytest

from annotations.words import cli, context, dictionary, formats, importer, senses, translated

DING = """# Version :: test
# License :: GPL, written by this test
Baum {m} [bot.] | Bäume {pl} :: tree | trees
Bank {f}; Sitzbank {f} (im Park) | Bänke {pl} :: bench | benches
nach wie vor {adv} :: still; as before
zusammenrücken {vi} | zusammenrückend | zusammengerückt :: to move together; to budge up | moving together | moved together
rücken {vt} :: to move; to shift
jdm. etw. geben {vt} :: to give sb. sth.
wegen {prp; +Gen.} :: because of; due to
(vom Thema) abkommen {vi} [übtr.] :: to digress
Abkommen {n} :: agreement
Präsidenten… :: presidential
Präsidenten {pl} :: presidents
besitzen; haben {vt} :: to own; to have
nordkoreanisch {adj} :: North Korean
"""


def b64(n):
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    out = ""
    while True:
        out = alphabet[n % 64] + out
        n //= 64
        if not n:
            return out


FREEDICT_ENTRIES = [
    ("00databaseinfo", "German - English test dictionary\n"),
    ("haus", "Haus /hˈaʊs/ <neut, n, sg>\n [archit.] house <n>, building <n>\n"
             "      \"zu Hause\"  - at home\n   Synonym: {Gebäude}\n\n see: {Häuser}\n\n"),
    ("laufen", "laufen /lˈaʊfən/ <v, intr>\nrun <v>\n         Note: on foot\n see: {laufend}\n\n"),
    ("see", "See /zˈeː/ <fem, n, sg>\nsea <n>, ocean <n>\n"),
]


def write_freedict(base, entries=FREEDICT_ENTRIES, compress=gzip.compress):
    """Write base.index + base.dict.dz the way dictd does (offsets in dictd base64)."""
    blob, index = b"", []
    for head, text in entries:
        data = text.encode("utf-8")
        index.append(f"{head}\t{b64(len(blob))}\t{b64(len(data))}")
        blob += data
    (base.parent / (base.name + ".index")).write_text("\n".join(index) + "\n", encoding="utf-8")
    (base.parent / (base.name + ".dict.dz")).write_bytes(compress(blob))
    return str(base)


@pytest.fixture
def ding(write_ding):
    return write_ding(DING)


@pytest.fixture
def freedict(tmp_path):
    return write_freedict(tmp_path / "freedict-deu-eng")


def test_ding_lines_become_aligned_sub_entries_with_gender_and_pos():
    rows = list(formats.parse_ding(DING.splitlines()))
    baum, baeume = rows[0], rows[1]
    assert baum[:3] == (0, "Baum {m} [bot.]", "tree")
    assert baum[3] == [("baum", "Baum", "m", "noun", "Bäume", 2)]  # plural from the next sub-entry
    assert baeume[:3] == (1, "Bäume {pl}", "trees")
    assert baeume[3] == [("bäume", "Bäume", "pl", "noun", "", 2)]
    bank = rows[2]
    assert [f[:3] for f in bank[3]] == [("bank", "Bank", "f"), ("sitzbank", "Sitzbank", "f")]


@pytest.mark.parametrize("german, key, pos", [
    ("jdm. etw. geben {vt}", "geben", "verb"),
    ("wegen {prp; +Gen.}", "wegen", "preposition"),
    ("nach wie vor {adv}", "nach wie vor", "adverb"),
])
def test_ding_keys_drop_placeholders_and_keep_tags(german, key, pos):
    (_, _, _, forms), = formats.parse_ding([f"{german} :: x"])
    assert forms[0][0] == key and forms[0][3] == pos


@pytest.mark.parametrize("line", ["# comment :: not an entry", "", "no separator here"])
def test_ding_skips_comments_and_junk(line):
    assert list(formats.parse_ding([line])) == []


def test_freedict_entries_read_from_gzip_with_dictd_offsets(freedict):
    rows = list(formats.parse_freedict(freedict))
    assert [(r[1], r[2]) for r in rows] == [
        ("Haus", "[archit.] house; building"), ("laufen", "run (on foot)"), ("See", "sea; ocean")]
    assert rows[0][3] == [("haus", "Haus", "n", "noun", "", 1)]
    assert rows[1][3][0][3] == "verb"


def test_freedict_bad_files_raise_clear_errors(tmp_path):
    base = tmp_path / "broken"
    (tmp_path / "broken.index").write_text("haus\tA\n", encoding="utf-8")
    (tmp_path / "broken.dict.dz").write_bytes(b"not gzip")
    with pytest.raises(formats.DictFormatError, match="dictd index"):
        list(formats.parse_freedict(str(base)))
    (tmp_path / "broken.index").write_text("haus\tA\tB\n", encoding="utf-8")
    with pytest.raises(formats.DictFormatError, match="gzip"):
        list(formats.parse_freedict(str(base)))


def test_reimport_replaces_never_duplicates(db, ding):
    first = importer.import_dictionary(db, "ding", ding)
    second = importer.import_dictionary(db, "ding", ding)
    assert first == second == db["dict_entries"].count
    assert [r["source"] for r in dictionary.sources(db)] == ["ding"]
    assert dictionary.last_import(db)["state"] == "done"
    assert dictionary.last_import(db)["progress"] == 100


def test_failed_reimport_keeps_the_old_dictionary(db, ding, tmp_path):
    importer.import_dictionary(db, "ding", ding)
    empty = tmp_path / "empty"
    empty.write_text("# nothing\n", encoding="utf-8")
    with pytest.raises(formats.DictFormatError):
        importer.import_dictionary(db, "ding", str(empty))
    assert dictionary.last_import(db)["state"] == "failed"
    assert dictionary.lookup(db, ["Baum"])[0]["english"] == "tree"
    assert db["dict_entries"].count == len(list(formats.parse_ding(DING.splitlines())))


@pytest.mark.parametrize("keys, headword, english", [
    (["Bäume", "Baum"], "Baum", "tree"),  # the lemma's main entry before the plural's sub-entry
    (["baum"], "Baum", "tree"),
    (["Sitzbank"], "Sitzbank", "bench"),
    (["geben"], "jdm. etw. geben", "to give sb. sth."),
    (["nach wie vor"], "nach wie vor", "still; as before"),
])
def test_lookup_by_form(db, ding, keys, headword, english):
    importer.import_dictionary(db, "ding", ding)
    first = dictionary.lookup(db, keys)[0]
    assert (first["headword"], first["english"]) == (headword, english)


@pytest.mark.parametrize("word, noun, expected", [
    ("Abkommen", True, ["Abkommen", "abkommen"]),  # capitalised mid-sentence: the noun first
    ("abkommen", False, ["abkommen", "Abkommen"]),
    ("Präsidenten", True, ["Präsidenten", "Präsidenten…"]),  # compound stems last
])
def test_lookup_ranks_the_part_of_speech_the_sentence_wants_first(db, ding, word, noun, expected):
    importer.import_dictionary(db, "ding", ding)
    found = dictionary.lookup(db, [word], want=senses.Want(noun=noun))
    assert [e["headword"] for e in found] == expected


def test_one_part_of_speech_tag_covers_all_alternatives(db, ding):
    importer.import_dictionary(db, "ding", ding)
    assert dictionary.lookup(db, ["besitzen"])[0]["pos"] == "verb"


def test_both_formats_can_be_imported_side_by_side(db, ding, freedict):
    importer.import_dictionary(db, "ding", ding)
    importer.import_dictionary(db, "freedict", freedict)
    assert dictionary.lookup(db, ["Haus"])[0]["article"] == "das"
    assert dictionary.lookup(db, ["Baum"])[0]["article"] == "der"


@pytest.mark.parametrize("word, lemma", [("Bäume", "Baum"), ("Bänke", "Bank")])
def test_inflected_form_in_context_finds_surface_and_lemma(db, ding, word, lemma, lemmatiser):
    importer.import_dictionary(db, "ding", ding)
    text = f"Im Park stehen {word} am Weg."
    i = text.index(word)
    found = context.in_context(db, text, i, i + len(word))
    assert found["lemma"] == lemma
    assert {e["headword"].split(" ")[0] for e in found["entries"]} >= {word, lemma}


def test_greedy_lemma_finds_inflected_adjectives(db, ding, lemmatiser):
    importer.import_dictionary(db, "ding", ding)
    text = "Die nordkoreanische Regierung schweigt."
    i = text.index("nordkoreanische")
    found = context.in_context(db, text, i, i + len("nordkoreanische"))
    assert found["entries"][0]["english"] == "North Korean"


def test_separable_verb_from_click_and_from_selection(db, ding, lemmatiser):
    importer.import_dictionary(db, "ding", ding)
    text = "Im Winter rücken die Leute enger zusammen. Dann schneit es."
    i = text.index("rücken")
    click = context.in_context(db, text, i, i + 6)
    assert click["separable"] == "zusammenrücken"
    assert click["entries"][0]["headword"] == "zusammenrücken"
    selection = context.in_context(db, text, i, text.index("zusammen") + 8)
    assert selection["lemma"] == "zusammenrücken"
    assert selection["sentence"] == "Im Winter rücken die Leute enger zusammen."


def test_meaning_in_this_sentence_comes_from_the_translation(db, ding):
    importer.import_dictionary(db, "ding", ding)
    entries = dictionary.lookup(db, ["nach wie vor"])
    assert translated.mark_in_translation(entries, "The bank is still open.") == "still"
    assert entries[0]["in_context"] == ["still"]
    assert translated.mark_in_translation(dictionary.lookup(db, ["Bank"]), "No match here.") == ""


def test_installed_sources_follow_config(tmp_path, ding, freedict):
    config = {"DING_PATH": ding, "FREEDICT_PATH": freedict}
    assert importer.installed_sources(config["DING_PATH"], config["FREEDICT_PATH"]) == [("ding", ding), ("freedict", freedict)]
    assert importer.installed_sources(str(tmp_path / "no"), str(tmp_path / "no")) == []


def test_command_line_imports_into_given_db(tmp_path, ding, capsys):
    dbpath = tmp_path / "cli.db"
    assert cli.main(["--ding", ding, "--db", str(dbpath)]) == 0
    assert "entries" in capsys.readouterr().out
    assert cli.main(["--ding", str(tmp_path / "missing"), "--db", str(dbpath)]) == 1


def test_start_up_import_skips_an_unchanged_file(db, ding):
    assert importer.import_first(db, [("ding", ding)]) == "ding"
    assert importer.is_current(db, "ding", ding)
    runs = db["dict_imports"].count
    importer.import_first(db, [("ding", ding)])
    assert db["dict_imports"].count == runs  # nothing re-imported
    with open(ding, "a", encoding="utf-8") as f:
        f.write("Wald {m} :: forest\n")
    assert not importer.is_current(db, "ding", ding)
    importer.import_first(db, [("ding", ding)])
    assert dictionary.lookup(db, ["Wald"])[0]["english"] == "forest"


def test_import_failing_half_way_leaves_the_old_dictionary_whole(db, ding, monkeypatch):
    importer.import_dictionary(db, "ding", ding)
    before = db["dict_entries"].count

    def broken(path, progress):
        yield from list(formats.parse_ding(DING.splitlines()))[:5]
        raise formats.DictFormatError("disk went away")

    monkeypatch.setattr(importer, "BATCH", 2)  # several batches committed before the failure
    monkeypatch.setattr(importer, "_ding_reader", broken)
    with pytest.raises(formats.DictFormatError, match="disk went away"):
        importer.import_dictionary(db, "ding", ding)
    assert db["dict_entries"].count == before  # the half-written generation is gone
    assert dictionary.lookup(db, ["Baum"])[0]["english"] == "tree"
    assert dictionary.last_import(db)["message"] == "disk went away"
