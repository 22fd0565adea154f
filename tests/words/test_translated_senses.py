"""Which Ding sense a cached translation of the sentence names, where it words it its own way.

Each case is a real sentence and its translation; the Ding lines are copied from the dictionary.
"""
import pytest
from words_lookup import look, write_wordnet

from annotations.words import lemmas, translated


def with_frequencies(monkeypatch, zipf):
    """Let the ranking read English word frequencies, as zipf(text) gives them, as if wordfreq had loaded."""
    monkeypatch.setattr(lemmas, "ready", lambda: True)
    monkeypatch.setattr(lemmas, "zipf", lambda text, lang="en": zipf(text))


def marked(db, sentence, word, english, wordnet=None):
    """Return the gloss translated.mark_in_translation finds for word in the sentence's translation."""
    return translated.mark_in_translation(look(db, sentence, word)["entries"], english, wordnet=wordnet)


DING = """\
jdn. lotsen {vt} [auto] [naut.] [aviat.] | lotsend | gelotst | jdn. durchlotsen :: to pilot sb. | piloting | piloted | to pilot sb. through
Lotse {m}; Lotsin {f}; Fluglotse {m}; Fluglotsin {f} [aviat.] | Lotsen {pl}; Lotsinnen {pl}; Fluglotsen {pl}; Fluglotsinnen {pl} | Schiffslotse {m} | übergebender Lotse :: air traffic controller; flight controller | air traffic controllers; flight controllers | marine pilot; maritime pilot; harbour pilot [Br.], harbor pilot [Am.] | transferring controller
jdm. von etw. abraten {vi} | abratend | abgeraten | Davon würde ich abraten. | Er riet davon ab. :: to advise sb. against sth.; to warn sb. against sth.; to caution sb. against sth.; to disadvise sth. [rare] | advising against; warning against; cautioning; disadvising | advised against; warned against; cautioned; disadvised | I’d advise against it.; I’d advise you not to. | He advised against it.
abraten {vi}; widerraten {vt} (von) | abratend; widerratend | abgeraten; widerraten | er/sie rät ab | ich/er/sie riet ab | er/sie hat/hatte abgeraten :: to dissuade (from) | dissuading | dissuaded | he/she dissuades | I/he/she dissuaded | he/she has/had dissuaded
Knacki {m} [ugs.]; Häftling {m} | (ehemaliger) Knacki :: con [coll.] | old lag
Strafgefangener {m}; Strafhäftling {m}; Häftling {m} [jur.] | Strafgefangene {pl}; Strafhäftlinge {pl}; Häftlinge {pl} :: prisoner | prisoners
zu etw. raten {vt} | ratend | geraten | rät | riet | jdm. zur Vorsicht raten :: to advise sth.; to counsel sth. [formal] | advising; counselling; counseling | advised; counselled; counseled | advises; counsels | advised; counselled; counseled | to advise sb. to be careful; to advise sb. to take caution
"""


@pytest.fixture
def ding_db(load_ding):
    return load_ding(DING)


def test_a_word_shared_with_a_sense_the_sentence_rules_out_names_no_sense(ding_db):
    # "lotst" stands lower-case mid-sentence: a verb. The plural noun "Lotsen" (air traffic
    # controllers) shares only "traffic" with the translation, which renders "Feierabendverkehr".
    found = look(ding_db, "Erst danach lotst sie der Fahrlehrer durch den dichten Feierabendverkehr.", "lotst")
    english = "Only after that does the driving instructor guide them through the heavy rush-hour traffic."
    assert translated.mark_in_translation(found["entries"], english) == ""


def test_a_verb_and_its_preposition_are_found_around_the_object(ding_db):
    # "to advise sb. against sth.": English puts the object ("people in love") between the verb
    # and its preposition; "advises" alone is "raten", not the separable "abraten" meant.
    found = look(ding_db, "Ein Hautarzt rät Verliebten davon ab, sich den Namen ihres Partners stechen zu lassen.", "rät")
    english = "A dermatologist advises people in love against having their partner's name tattooed."
    assert translated.mark_in_translation(found["entries"], english) == "to advise sb. against sth."


def test_a_plain_synonym_does_not_name_a_colloquial_sense(ding_db, tmp_path):
    # WordNet has "con" in one synset with "inmate"; the translation's plain "inmate" does not
    # say the colloquial "con [coll.]" is meant, so no sense is named and the ranking decides.
    wordnet = write_wordnet(tmp_path, {"noun": [["convict", "con", "inmate"]]})
    found = look(ding_db, "Sie transportierte Handys und Tabletten für einen Häftling.", "Häftling")
    english = "It was carrying mobile phones and pills for an inmate."
    assert translated.mark_in_translation(found["entries"], english, wordnet=wordnet) == ""


MISFITS = """\
Einschreiben {n} :: registered mail
eintragen; einschreiben; registrieren; erfassen {vt} | eintragend; einschreibend; registrierend; erfassend | eingetragen; eingeschrieben; registriert; erfasst :: to register | registering | registered
Tag {m} der Hochzeit; Hochzeitstag {m} :: wedding day; nuptial day [formal]
jds. Hochzeitstag {m}; jds. Hochzeit {f} (Jahrestag) :: sb.’s wedding anniversary; sb.’s wedding
"""


def test_the_allowed_sense_sharing_a_word_beats_a_ruled_out_one_found_as_written(load_ding):
    # "ein Einschreiben" is a noun: "registered" renders it, not the verb "to register".
    db = load_ding(MISFITS)
    sentence = "Ältere Bewohner bemängeln, dass sie für ein Einschreiben nun in die Kreisstadt fahren müssen."
    english = "Older residents complain that they now have to travel to the district town for a registered letter."
    assert marked(db, sentence, "Einschreiben", english) == "registered mail"


def test_a_ruled_out_sense_covering_more_of_the_translation_stays(load_ding):
    # "wedding anniversary" is two words of the translation; "wedding day" shares only one.
    db = load_ding(MISFITS)
    sentence = "Ein Lübecker Ehepaar hat am Wochenende seinen sechzigsten Hochzeitstag begangen."
    english = "A Lübeck couple celebrated their sixtieth wedding anniversary at the weekend."
    assert "anniversary" in marked(db, sentence, "Hochzeitstag", english)


PARTICLES = """\
etw. abriegeln; etw. absperren {vt} (Straße, Zugang usw.) | abriegelnd; absperrend | abgeriegelt; abgesperrt :: to close off <> sth. (road, access etc.) | closing off | closed off
etw. abriegeln {vt} | abriegelnd | abgeriegelt :: to block (off); to fence off; to stank; to seal sth. | blocking; fencing off; stanking; sealing | blocked; fenced off; stanked; sealed
verriegeln; abriegeln {vt} | verriegelnd; abriegelnd | verriegelt; abgeriegelt :: to bolt | bolting | bolted
Kosten auf jdn. umlegen; auf jdn. abwälzen; auf jdn. überwälzen; jdm. weiterverrechnen {vt} [fin.] :: to pass on costs to sb.
(Verantwortung, Schwierigkeiten) auf jdn. abwälzen; abschieben {vt} | abwälzend; abschiebend | abgewälzt; abgeschoben :: to pass; to shift (responsibility, difficulties) on to sb./upon sb. | passing; shifting | passed; shifted
"""


def test_a_particle_after_the_verb_found_names_the_sense_carrying_it(load_ding):
    # "sealed off" is not "sealed": of the senses, one with "off" is the phrasal verb meant.
    db = load_ding(PARTICLES)
    sentence = "Für Dreharbeiten zu einem Historienfilm wird der Marktplatz von Quedlinburg zwei Wochen lang abgeriegelt."
    english = "For the shooting of a historical film the market square of Quedlinburg will be sealed off for two weeks."
    found = marked(db, sentence, "abgeriegelt", english)
    assert found.split()[2] == "off"
    english = "For the shooting of a historical film the market square of Quedlinburg will be sealed for two weeks."
    assert "off" not in marked(db, sentence, "abgeriegelt", english)


def test_a_particle_after_the_verbs_object_names_the_sense_carrying_it(load_ding):
    # English puts the object between the verb and its particle: "passing … bills on to".
    db = load_ding(PARTICLES)
    sentence = "Friseursalons wälzen höhere Stromrechnungen auf ihre Kundschaft ab."
    english = "Hair salons are passing higher electricity bills on to their customers."
    assert marked(db, sentence, "wälzen", english) == "to pass on costs to sb."


WORK = """\
auf Arbeit sein; arbeiten {vi} :: to be in work
arbeiten {vi} | arbeitend | gearbeitet :: to work | working | worked
"""


def test_a_preposition_after_the_verb_names_no_phrasal_sense(load_ding):
    # "worked in Berlin": "in" opens a place, no particle; "to be in work" is another verb's.
    db = load_ding(WORK)
    sentence = "Er arbeitet seit Jahren in Berlin."
    english = "He has worked in Berlin for years."
    assert marked(db, sentence, "arbeitet", english) == "to work"


GIVE = """\
abgeben; einreichen {vt} | abgebend; einreichend | abgegeben; eingereicht :: to hand in <> sth.; to give in <> sth. [Br.] | handing in; giving in | handed in; given in
abgeben; überlassen {vt} | abgebend; überlassend | abgegeben; überlassen :: to surrender sth. | surrendering | surrendered
"""


def test_a_phrasal_verb_of_another_particle_names_no_sense_and_a_phrasal_synonym_does(load_ding, tmp_path, monkeypatch):
    # "giving up" is not "to give in"; WordNet puts "give up" in one synset with "surrender".
    # Common as it is, the phrase names that sense where "giving" alone would not.
    with_frequencies(monkeypatch, lambda text: 5.6 if " " in text else 3.0)
    wordnet = write_wordnet(tmp_path, {"verb": [["surrender", "give up"]]})
    db = load_ding(GIVE)
    sentence = "Viele Tierheime sind überfüllt, weil Besitzer ihre Hunde und Katzen wieder abgeben."
    english = "Many animal shelters are overcrowded because owners are giving up their dogs and cats."
    assert marked(db, sentence, "abgeben", english, wordnet) == "to surrender sth."


LEND = """\
Ausleihe {f}; Verleih {m} :: loan; issue; lending
sich etw. ausleihen; sich etw. entleihen {vr} (von jdm.) | ausleihend; entleihend | ausgeliehen; entliehen :: to borrow sth. (from sb.) | borrowing | borrowed
"""


def test_a_ruled_out_verb_found_as_its_gerund_gives_the_nouns_english(load_ding):
    # "Die Ausleihe" is a noun; the translation's "Borrowing" is the verb's gerund: English's
    # noun for it, not the verb "to borrow sth." the sentence rules out.
    db = load_ding(LEND)
    sentence = "Die Ausleihe läuft an Selbstbedienungsterminals, die Rückgabe über einen Einwurfschlitz."
    english = "Borrowing is done at self-service terminals, returns through a drop slot."
    found = look(db, sentence, "Ausleihe")["entries"]
    assert any(e.get("misfit") for e in found)
    assert translated.mark_in_translation(found, english) == "borrowing"


HOWL = """\
röhrend {adj} :: bawling; howling; squalling; wauling
Auspuffanlage {f} | Auspuffanlagen {pl} :: exhaust | exhausts
"""


def test_a_participle_gloss_is_named_by_a_synonym_of_its_verb(load_ding, tmp_path, monkeypatch):
    # WordNet has "howl" and "roar" in one verb synset; "roaring" names Ding's "howling".
    with_frequencies(monkeypatch, lambda text: 3.0)
    wordnet = write_wordnet(tmp_path, {"verb": [["howl", "roar"]]})
    db = load_ding(HOWL)
    sentence = "Anwohner der Serpentinen klagen über röhrende Auspuffanlagen und riskante Überholmanöver."
    english = "Residents along the hairpin roads complain about roaring exhausts and risky overtaking."
    assert marked(db, sentence, "röhrende", english, wordnet) == "howling"


BUILDING = """\
Bau {m}; Gebäude {n} | Bauten {pl}; Gebäude {pl} :: building /bldg/ (closed structure) | buildings
Brücke {f} | Brücken {pl} :: bridge | bridges
etw. bauen {vt} | bauend | gebaut :: to build sth. | building | built
"""


def test_a_nouns_gloss_in_ing_is_no_participle_named_by_its_verbs_synonym(load_ding, tmp_path, monkeypatch):
    # WordNet has "build" and "progress" in one verb synset; "building" is a thing here, not
    # "to build", and "progressed" renders "kam voran", not "Bau". Nor does the synonym name
    # the verb "bauen", which the noun rules out.
    with_frequencies(monkeypatch, lambda text: 3.0)
    wordnet = write_wordnet(tmp_path, {"verb": [["build", "progress"]]})
    db = load_ding(BUILDING)
    found = look(db, "Der Bau der Brücke kam gut voran.", "Bau")["entries"]
    english = "Work on the bridge progressed well."
    assert translated.mark_in_translation(found, english, wordnet=wordnet) == ""
    assert not any(e["in_context"] for e in found)


PART = """\
etw. von etw. trennen {vt} | trennend | getrennt :: to separate sth. from sth. | separating | separated
sich trennen {vr} (von jdm.) | trennend | getrennt :: to part (from sb.) | parting | parted
Etikett {n} | Etiketten {pl} :: label | labels
"""


def test_a_phrasal_synonym_names_only_the_glosss_commonest_sense(load_ding, tmp_path, monkeypatch):
    # WordNet's "part" is first "separate", and only in a later sense "depart", "take off":
    # the translation's "takes off" (removes) does not make "trennt" "to part (from sb.)".
    with_frequencies(monkeypatch, lambda text: 5.6 if " " in text else 3.0)
    wordnet = write_wordnet(tmp_path, {"verb": [["separate", "part", "split"], ["depart", "part", "take off", "set forth"]]})
    db = load_ding(PART)
    sentence, english = "Sie trennt das alte Etikett vorsichtig ab.", "She carefully takes off the old label."
    assert marked(db, sentence, "trennt", english, wordnet) == ""  # no sense is named: the ranking decides
    # Where "take off" is in the commonest sense, it names it.
    (tmp_path / "other").mkdir()
    wordnet = write_wordnet(tmp_path / "other", {"verb": [["depart", "part", "take off", "set forth"]]})
    assert marked(db, sentence, "trennt", english, wordnet) == "to part (from sb.)"


def test_a_gloss_with_a_possessive_is_found_whatever_apostrophe_the_translation_writes(load_ding):
    # Ding's "Mother’s Day", the translation's "Mother's Day": not the other sense that only shares "Day".
    db = load_ding("Muttertag {m} :: Mother’s Day; Mothering Day [Br.]\n")
    sentence = "Eine Floristin bindet vor dem Muttertag Hunderte Blumensträuße aus Tulpen und Ranunkeln."
    english = "Before Mother's Day a florist ties hundreds of bunches of tulips and ranunculus."
    assert marked(db, sentence, "Muttertag", english) == "Mother’s Day"


@pytest.mark.parametrize("line, sentence, word, english, found", [
    ("Bootsverleih {m} :: boats for hire",
     "Am Flussufer vermietet ein Bootsverleih Kanus und Kajaks an Ausflügler.", "Bootsverleih",
     "On the riverbank, a boat hire firm rents out canoes and kayaks to day-trippers.", "boat hire"),
    ("jds. Lebensgeschichte {f} :: sb.’s life history; the story of sb.’s life",
     "Schülerinnen und Schüler hatten die Lebensgeschichten der Opfer zuvor in Archiven recherchiert.",
     "Lebensgeschichten",
     "School students had researched the victims' life stories in archives beforehand.", "life stories"),
])
def test_a_sense_the_translation_words_in_its_own_order_is_its_words(load_ding, line, sentence, word, english, found):
    assert marked(load_ding(line + "\n"), sentence, word, english) == found


@pytest.mark.parametrize("line, sentence, word, english, found", [
    # A run ending in a possessive names another thing ("public prosecutor", a person): the
    # sense is shown as Ding writes it.
    ("Staatsanwaltschaft {f} :: Public Prosecution Service / Office; the public prosecutors; the prosecuting authority",
     "Die Staatsanwaltschaft ermittelt gegen den Geschäftsführer.", "Staatsanwaltschaft",
     "The public prosecutor's office is investigating the managing director.", "the public prosecutors"),
    # A verb's words in another order are its object and tense ("brought charges against"),
    # no name: the sense as Ding writes it.
    ("Anklage {f} :: indictment\njdn. anklagen {vt} :: to bring a charge against sb.",
     "Der Staatsanwalt erhob Anklage gegen den Fahrer.", "Anklage",
     "The prosecutor brought charges against the driver.", "to bring a charge against sb."),
])
def test_words_in_a_row_are_a_nouns_name_only(load_ding, line, sentence, word, english, found):
    assert marked(load_ding(line + "\n"), sentence, word, english) == found


def test_words_in_a_row_keep_their_capitals_but_the_sentences_first(load_ding):
    # "Christmas" keeps its capital; "Life", which only opens the sentence, loses it.
    db = load_ding("Weihnachtsgeschenk {n} :: present for Christmas\n")
    assert marked(db, "Die Weihnachtsgeschenke sind schon verpackt.", "Weihnachtsgeschenke",
                  "The Christmas presents are already wrapped.") == "Christmas presents"
    db = load_ding("jds. Lebensgeschichte {f} :: the story of sb.’s life\n")
    assert marked(db, "Lebensgeschichten bewegen uns.", "Lebensgeschichten",
                  "Life stories move us.") == "life stories"
