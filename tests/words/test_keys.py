"""Lookup keys from Ding lines: every German alternative is found by its bare form as well."""
import pytest

from annotations.words import context, dictionary, formats, importer


def keys_of(line):
    return {f[0] for _, _, _, forms in formats.parse_ding([line]) for f in forms}


@pytest.mark.parametrize("line, key", [
    # A leading article is dropped from the key, its gender kept.
    ("der Kreml {m} (Amtssitz) [pol.] :: the Kremlin", "kreml"),
    ("die Polizei {f} | bei der Polizei :: the police | with the police", "polizei"),
    # Object placeholders anywhere, with the preposition that governs them.
    ("jdn. mit etw. (regelmäßig) beliefern {vt} [econ.] :: to supply sb. with sth.", "beliefern"),
    ("zu etw. beitragen {vi} :: to contribute to sth.", "beitragen"),
    ("jdn. mit etw. konfrontieren {vt} :: to confront sb. with sth.", "konfrontieren"),
    ("einer Sache angehören; jdm. angehören {vi} :: to belong to sb./sth.", "angehören"),
    ("einer Sache ausgesetzt sein {v} :: to be exposed to sth.", "ausgesetzt"),
    # Placeholders joined by a slash ("jdn./etw.": a person or a thing), leading or inside.
    ("jdn./etw. loben {vt} | lobend | gelobt :: to praise sb./sth. | praising | praised", "loben"),
    ("sich jdn./etw. vorstellen {vr} :: to imagine sb./sth.", "vorstellen"),
    ("Auswirkungen auf jdn./etw. haben {v} :: to have an impact on sb./sth.", "auswirkungen haben"),
    # An indefinite object after the preposition the verb's particle repeats: "aus etw. austreten".
    ("aus einer Institution austreten; ausscheiden {vi} [adm.] :: to withdraw (from an institution); "
     "to leave (an institution)", "austreten"),
    ("aus einem Land ausreisen {vi} :: to leave a country", "ausreisen"),
    # Verb forms Ding writes with their subject ("er/sie fällt"), found without it.
    ("fallen {vi} | fallend | gefallen | er/sie fällt | ich/er/sie fiel :: to fall | falling | fallen | he/she falls | I/he/she fell", "fällt"),
    ("fallen {vi} | fallend | gefallen | er/sie fällt | ich/er/sie fiel :: to fall | falling | fallen | he/she falls | I/he/she fell", "fiel"),
    # Abbreviations between slashes, a ";" inside them not splitting the line.
    ("Europäische Union {f} /EU/ :: European Union /EU/", "eu"),
    ("Mehrwertsteuer {f} /MwSt.; MWSt./; Umsatzsteuer {f} :: value-added tax; VAT", "mwst"),
    ("Nordrhein-Westfalen {n} /NRW/ [geogr.] :: North Rhine-Westphalia", "nrw"),
    # Ding's <…> hints.
    ("keine; keiner; keines {pron} <kein> :: no", "kein"),
    ("Häckselgerät {n}; Häcksler {m} [agr.] <Schredder> :: garden shredder", "schredder"),
    # The word before a gap: "sowohl … als auch".
    ("sowohl … als auch <sowohl als auch> :: both … and", "sowohl"),
])
def test_bare_keys(line, key):
    assert key in keys_of(line)


@pytest.mark.parametrize("line, key", [
    # A concrete object in an idiom is no placeholder: "kommen" is not "to come to a decision" …
    ("zu einem Entschluss kommen {vi} :: to come to a decision", "kommen"),
    # … nor where the preposition is not the particle ("in" before "einbrechen").
    ("in ein Gebäude einbrechen {vi} :: to break into a building", "einbrechen"),
])
def test_an_objects_noun_is_kept_unless_the_particle_repeats_its_preposition(line, key):
    assert key not in keys_of(line)


def test_the_phrase_stays_a_key_too():
    keys = keys_of("jdn. mit etw. beliefern {vt} :: to supply sb. with sth.")
    assert keys == {"mit etw beliefern", "beliefern"}


def test_slashes_do_not_split_the_line_into_bogus_alternatives():
    (_, _, _, forms), = formats.parse_ding(["Mehrwertsteuer {f} /MwSt.; MWSt./; Umsatzsteuer {f} :: VAT"])
    assert {f[1] for f in forms} == {"Mehrwertsteuer", "Umsatzsteuer"}


def test_the_article_moves_into_the_gender(db, write_ding):
    importer.import_dictionary(db, "ding", write_ding("der Kreml {m} [pol.] :: the Kremlin\n"))
    entry, = dictionary.lookup(db, ["Kreml"])
    assert (entry["article"], entry["headword"], entry["english"]) == ("der", "Kreml", "the Kremlin")


def test_a_word_reached_only_through_a_hint_comes_after_its_own_headword(db, write_ding):
    # "kein" is in "keine" as text but not as a word: the ‹kein› line is reached by its hint.
    importer.import_dictionary(db, "ding", write_ding("keine; keiner; keines {pron} <kein> :: nobody; none\n"
                                                      "kein {art} :: no; not any\n"))
    hinted, own = sorted(dictionary.lookup(db, ["kein"]), key=lambda e: e["english"] != "nobody; none")
    assert (hinted["indirect"], own["indirect"]) == (True, False)
    assert dictionary.lookup(db, ["kein"])[0]["english"] == "no; not any"


QUALIFIED = ("großer Friedhof {m} (als eigenes Gelände) | große Friedhöfe {pl} :: cemetery | cemeteries\n"
             "kleiner Friedhof {m} (neben einer Kirche) :: graveyard; churchyard\n"
             "etw. durchkämmen; etw. genau absuchen {vt} (nach jdm./etw.) :: to comb sth. (for sb./sth.)\n"
             "öffentliche Hand {f} :: public sector\n"
             "Hand {f} | Hände {pl} :: hand | hands\n"
             "keine Halsvenenstauung {f} [med.] :: no raised jugular venous pressure\n"
             "nicht lockerlassen {vi} :: not to let up\n")


@pytest.mark.parametrize("word, headwords", [
    # Ding lists these words only inside phrases that qualify them, one per sense.
    ("Friedhof", {"großer Friedhof", "kleiner Friedhof"}),
    ("absuchen", {"etw. genau absuchen"}),
])
def test_a_word_listed_only_inside_qualified_phrases_is_found_under_itself(db, write_ding, word, headwords):
    importer.import_dictionary(db, "ding", write_ding(QUALIFIED))
    assert {e["headword"] for e in dictionary.lookup(db, [word])} == headwords


@pytest.mark.parametrize("word", ["Halsvenenstauung", "lockerlassen"])
def test_a_negated_phrase_is_not_filed_under_the_word_it_negates(db, write_ding, word):
    importer.import_dictionary(db, "ding", write_ding(QUALIFIED))
    assert dictionary.lookup(db, [word]) == []  # "no …" is the opposite of the word, not a sense


def test_a_word_with_its_own_line_is_not_given_the_phrases_that_qualify_it(db, write_ding):
    importer.import_dictionary(db, "ding", write_ding(QUALIFIED))
    assert [e["headword"] for e in dictionary.lookup(db, ["Hand"])] == ["Hand"]  # not "öffentliche Hand"


def test_a_noun_keeps_its_plural_from_the_next_sub_entry():
    rows = list(formats.parse_ding(["Soldat {m}; Kriegsknecht {m} [obs.] | Soldaten {pl}; Kriegsknechte {pl} :: soldier | soldiers"]))
    assert [(f[1], f[4]) for f in rows[0][3]] == [("Soldat", "Soldaten"), ("Kriegsknecht", "Kriegsknechte")]


@pytest.mark.parametrize("word, preposition, expansion", [
    ("im", "in", "in dem"), ("am", "an", "an dem"), ("zur", "zu", "zu der"), ("vom", "von", "von dem"),
    ("ins", "in", "in das"), ("Zum", "zu", "zu dem"),
])
def test_contractions_are_looked_up_as_their_preposition(db, write_ding, lemmatiser, word, preposition, expansion):
    importer.import_dictionary(db, "ding", write_ding(
        "in {prp; +Dat.} :: in\nan {prp; +Dat.} :: at; on\nzu {prp; +Dat.} :: to\nvon {prp; +Dat.} :: from; of\n"))
    text = f"Er war {word} Haus."
    found = context.in_context(db, text, text.index(word), text.index(word) + len(word))
    assert found["contraction"] == expansion
    assert found["entries"][0]["headword"] == preposition


def test_reimport_upgrades_a_database_imported_under_older_key_rules(db, write_ding):
    path = write_ding("der Kreml {m} :: the Kremlin\n")
    importer.import_dictionary(db, "ding", path)
    assert importer.is_current(db, "ding", path)
    # As an import by an earlier version left it: older rules, no bare "kreml".
    with db.atomic():
        db.execute("UPDATE dict_sources SET keys = ?", [formats.KEYS_VERSION - 1])
        db.execute("DELETE FROM dict_forms WHERE key = 'kreml'")
    assert not dictionary.lookup(db, ["Kreml"])
    assert not importer.is_current(db, "ding", path)
    assert importer.import_first(db, [("ding", path)]) == "ding"
    assert dictionary.lookup(db, ["Kreml"])[0]["english"] == "the Kremlin"
    assert importer.is_current(db, "ding", path)
