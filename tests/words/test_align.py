"""The translation's own word for a word none of whose dictionary senses it uses."""
import pytest
from words_lookup import write_wordnet

from annotations.reading import articles
from annotations.translation import translate
from annotations.words import align

DING = """\
Gärtner {m} | Gärtner {pl} :: gardener | gardeners
Baum {m} | Bäume {pl} :: tree | trees
jung {adj} :: young
Vlies {n} :: nonwoven
umwickeln {vt} | umwickelnd | umwickelt :: to wrap | wrapping | wrapped
Stolperstein {m} [fig.] | Stolpersteine {pl} :: stumbling block | stumbling blocks
Künstler {m} | Künstler {pl} :: artist | artists
verlegen {vt} | verlegend | verlegt :: to lay | laying | laid
neu {adj} :: new
Heimat {f} :: home; homeland
Forscher {m} | Forscher {pl} :: researcher; explorer | researchers; explorers
Dachboden {m} :: attic
Brief {m} | Briefe {pl} :: letter | letters
entdecken {vt} | entdeckend | entdeckt :: to discover | discovering | discovered
Beere {f} | Beeren {pl} :: berry | berries
Meteorit {m} | Meteoriten {pl} :: meteorite | meteorites
Hacker {m} | Hacker {pl} :: hacker | hackers
lähmen {vt} :: to cripple
Stadt {f} | Städte {pl} :: town; city | towns; cities
Verwaltung {f} | Verwaltungen {pl} :: administration | administrations
Fassade {f} | Fassaden {pl} :: façade | façades
"""
SENTENCE = "Die Gärtner haben die jungen Bäume mit Vlies umwickelt."


@pytest.fixture
def ding_db(load_ding):
    return load_ding(DING)


def render(db, sentence, word, english, glosses):
    """Return the words of english that align.rendering says render word, or "" where it abstains."""
    at = sentence.index(word)
    span = align.rendering(db, sentence, at, at + len(word), english, glosses)
    return english[slice(*span)] if span else ""


def test_the_translations_word_is_found_where_the_dictionary_has_none_of_it(ding_db):
    # Every other word of the sentence has its English in the translation: "fleece" is left.
    english = "The gardeners have wrapped the young trees in fleece."
    assert render(ding_db, SENTENCE, "Vlies", english, ["nonwoven"]) == "fleece"


def test_a_gloss_with_an_accent_claims_its_word(ding_db):
    # "façade" is Fassade's: "fleece" is the one word left for Vlies.
    sentence = "Die Gärtner haben die Fassade mit Vlies umwickelt."
    english = "The gardeners have wrapped the façade in fleece."
    assert render(ding_db, sentence, "Vlies", english, ["nonwoven"]) == "fleece"


@pytest.mark.parametrize("english, glosses, why", [
    ("The gardeners have wrapped the young trees in nonwoven.", ["nonwoven"],
     "the dictionary's own word is there: its sense leads, not the words around it"),
    ("The gardeners have bound the young trees in fleece.", ["nonwoven"],
     "umwickelt's English (wrapped) is missing too, and its place is nearer"),
    ("The gardeners have wrapped the young trees in fleece, sadly.", ["nonwoven"],
     "two runs of words are left near the word: either may be its"),
])
def test_nothing_is_said_where_the_translation_is_not_clear(ding_db, english, glosses, why):
    assert render(ding_db, SENTENCE, "Vlies", english, glosses) == "", why


@pytest.mark.parametrize("english, rendering", [
    ("The gardeners have wrapped the young trees in soft garden fleece.", "soft garden fleece"),
    # Four words left: the words around it too, and which of them are Vlies's is not clear
    # (cut at three, "soft white garden" would lose the one that is).
    ("The gardeners have wrapped the young trees in soft white garden fleece.", ""),
])
def test_a_run_of_more_than_three_words_says_nothing(ding_db, english, rendering):
    assert render(ding_db, SENTENCE, "Vlies", english, ["nonwoven"]) == rendering


@pytest.mark.parametrize("english, rendering", [
    # Ding has "stumbling block" only; the translation names the memorials "stumbling stones".
    ("An artist has laid new stumbling stones.", "stumbling stones"),
    # Five words around the dictionary's "stumbling": cut at three, "shiny brass memorial"
    # would drop the very word it was found by; which of them are the name is not clear.
    ("An artist has laid new shiny brass memorial stumbling stones.", ""),
])
def test_the_translations_longer_name_holding_a_dictionary_word_is_taken_whole(ding_db, english, rendering):
    sentence = "Ein Künstler hat neue Stolpersteine verlegt."
    assert render(ding_db, sentence, "Stolpersteine", english, ["stumbling block", "stumbling blocks"]) == rendering


@pytest.mark.parametrize("english", [
    "The gardeners have wrapped the young trees in ‘fleece’.",
    "The gardeners have wrapped the young trees in 'fleece'.",
])
def test_quotes_around_the_translations_word_are_not_part_of_it(ding_db, english):
    assert render(ding_db, SENTENCE, "Vlies", english, ["nonwoven"]) == "fleece"


def test_a_name_outside_ascii_is_marked_whole(ding_db):
    # A name is its own word in the translation, whatever its first letter.
    sentence = "Özdemir hat die jungen Bäume umwickelt."
    assert render(ding_db, sentence, "Özdemir", "Özdemir has wrapped the young trees.", []) == "Özdemir"


def test_a_phrase_looked_up_is_rendered_whole(ding_db):
    # Neither "jungen" nor "Bäume" claims its English: both are the phrase's.
    english = "The gardeners have wrapped the young trees in nonwoven."
    assert render(ding_db, SENTENCE, "jungen Bäume", english, []) == "young trees"


def test_the_words_found_must_be_able_to_be_the_words_part_of_speech(ding_db, tmp_path):
    # "fleece" names a thing: the noun Vlies. Where English knew it only as a verb, it could not be.
    english = "The gardeners have wrapped the young trees in fleece."
    at = SENTENCE.index("Vlies")
    (tmp_path / "noun").mkdir(); (tmp_path / "verb").mkdir()
    as_noun = write_wordnet(tmp_path / "noun", {"noun": [["fleece"]]})
    as_verb = write_wordnet(tmp_path / "verb", {"verb": [["fleece"]]})
    assert align.rendering(ding_db, SENTENCE, at, at + 5, english, ["nonwoven"], "noun", as_noun) is not None
    assert align.rendering(ding_db, SENTENCE, at, at + 5, english, ["nonwoven"], "noun", as_verb) is None
    assert align.rendering(ding_db, SENTENCE, at, at + 5, english, ["nonwoven"], "verb", as_verb) is not None


def test_a_longer_name_may_join_its_words_by_a_preposition(ding_db):
    # "zucker|reich" (sugar + rich) is "high in sugar": the dictionary's word, one preposition away.
    sentence = "Die Beeren sind sehr zuckerreich."
    english = "The berries are very high in sugar."
    assert render(ding_db, sentence, "zuckerreich", english, ["sugar", "rich"]) == "high in sugar"


def test_a_name_is_its_own_word_in_the_translation(ding_db):
    # "Schleswig-Holstein" stands in both: of the two runs near "schlugen", only "struck" is left.
    sentence = "Meteoriten schlugen gestern in Schleswig-Holstein ein."
    english = "Meteorites struck Schleswig-Holstein yesterday."
    assert render(ding_db, sentence, "schlugen", english, ["to impact"]) == "struck"


def test_a_compound_the_dictionary_lacks_claims_its_parts_words(ding_db):
    # "Stadtverwaltungen" is not in the dictionary; its parts are "city" and "administrations".
    sentence = "Hacker lähmen Stadtverwaltungen."
    english = "Hackers paralyse city administrations."
    assert render(ding_db, sentence, "lähmen", english, ["to cripple"]) == "paralyse"


def cache_translation(db, fake, german, english):
    """Have the loopback provider translate german as english, through the app's real cache."""
    fake.translations[german] = english
    assert translate.translate(db, german, fake.settings("google")) == english


def lookup(client, article_id, text, word):
    """Return the popover for word in the article's first paragraph, text (offsets in UTF-16)."""
    start = len(text[:text.index(word)].encode("utf-16-le")) // 2
    end = start + len(word.encode("utf-16-le")) // 2
    return client.get(f"/words/lookup?article={article_id}&n=1&start={start}&end={end}").get_data(as_text=True)


def test_the_popover_prefills_the_translations_word_and_says_where_it_comes_from(client, db, load_ding, fake):
    load_ding(DING)
    article_id = articles.create_article(db, SENTENCE)
    cache_translation(db, fake, SENTENCE, "The gardeners have wrapped the young trees in fleece.")
    page = lookup(client, article_id, SENTENCE, "Vlies")
    assert '<input name="gloss" value="fleece"' in page
    assert "<strong>fleece</strong> <span class=\"word-note\">(the translation's word for it" in page
    assert "in <mark class=\"word-aligned\">fleece</mark>.</p>" in page  # marked where the translation is shown
    assert "nonwoven" in page  # the dictionary's entry is still shown


def test_a_split_compound_whose_parts_the_translation_does_not_use_gets_its_words(client, db, load_ding, fake):
    # Ding lacks "Heimatforscher"; its parts say "home + researcher", the translation "local historian".
    load_ding(DING)
    sentence = "Ein Heimatforscher hat auf einem Dachboden Briefe entdeckt."
    article_id = articles.create_article(db, sentence)
    cache_translation(db, fake, sentence, "A local historian has discovered letters in an attic.")
    page = lookup(client, article_id, sentence, "Heimatforscher")
    assert 'class="word-split"' in page  # still shown part by part
    assert '<input name="gloss" value="local historian"' in page
    assert '<mark class="word-aligned">local historian</mark>' in page


def test_the_translation_around_the_marked_word_is_escaped(client, db, load_ding, fake):
    # The provider's text is a third party's: markup in it is shown as text on either side of the mark.
    load_ding(DING)
    article_id = articles.create_article(db, SENTENCE)
    cache_translation(db, fake, SENTENCE, "<i>The gardeners have wrapped the young trees in fleece.</i>")
    page = lookup(client, article_id, SENTENCE, "Vlies")
    assert ('&lt;i&gt;The gardeners have wrapped the young trees in '
            '<mark class="word-aligned">fleece</mark>.&lt;/i&gt;</p>') in page
    assert "<i>" not in page


def dictionary_queries(db, sentence, english):
    """Return the dictionary queries align.rendering makes to find Vlies's rendering in english."""
    queries = []
    db.conn.set_trace_callback(queries.append)
    try:
        at = sentence.index("Vlies")
        align.rendering(db, sentence, at, at + 5, english, ["nonwoven"])
    finally:
        db.conn.set_trace_callback(None)
    return [q for q in queries if "dict_" in q]


def test_a_sentence_of_thousands_of_words_costs_the_popover_no_dictionary_queries(ding_db):
    # An unpunctuated list is one "sentence": each of its words would cost the request SQL queries.
    sentence = "Gärtner umwickelt Bäume mit Vlies " * 400
    assert dictionary_queries(ding_db, sentence, "gardeners wrapped trees in fleece " * 400) == []


@pytest.mark.parametrize("other, most", [
    ("Stadtverwaltung" * 1000, 20),  # a run of letters no compound is as long as: no cut tried
    (" ".join(["Stadtverwaltungen"] * 100), 60),  # a word the sentence repeats is looked up once
])
def test_the_sentences_other_words_cost_few_dictionary_queries(ding_db, other, most):
    sentence = f"Die Gärtner haben {other} mit Vlies umwickelt."
    assert len(dictionary_queries(ding_db, sentence, "The gardeners have wrapped it in fleece.")) <= most


def test_without_a_dictionary_nothing_is_eliminated_and_nothing_is_marked(client, db, fake):
    # No German word can claim its English: a run of the translation's words is no one's in particular.
    sentence = "Vlies umwickelt Bäume."
    article_id = articles.create_article(db, sentence)
    cache_translation(db, fake, sentence, "Fleece wraps trees.")
    page = lookup(client, article_id, sentence, "Vlies")
    assert "<mark" not in page
    assert '<input name="gloss" value="Fleece' not in page


PARTICLE_DING = """\
Marktplatz {m} | Marktplätze {pl} :: market square | market squares
Woche {f} | Wochen {pl} :: week | weeks
etw. abriegeln {vt} | abriegelnd | abgeriegelt :: to bolt sth. | bolting | bolted
Leser {m} | Leser {pl} :: reader | readers
fühlen {vt} :: to feel
abhängen {vt} :: to depend
Katze {f} | Katzen {pl} :: cat | cats
Holz {n} :: wood
sich verkriechen {vr} | verkrochen :: to hide | hidden
"""


@pytest.mark.parametrize("sentence, word, glosses, english, found", [
    # A German particle verb is often an English phrasal verb: "sealed" alone means another thing.
    ("Der Marktplatz wird zwei Wochen abgeriegelt.", "abgeriegelt", ["to bolt sth."],
     "The market square will be sealed off for two weeks.", "sealed off"),
    ("Die Leser fühlen sich abgehängt.", "abgehängt", ["to depend"], "The readers feel left behind.", "left behind"),
    # Before a noun phrase the word is a preposition, not the verb's particle.
    ("Die Katze verkroch sich hinter dem Holz.", "verkroch", ["to hide"], "The cat crept behind the wood.", "crept"),
])
def test_an_english_verbs_particle_is_part_of_the_translations_word(load_ding, tmp_path, sentence, word, glosses,
                                                                     english, found):
    db = load_ding(PARTICLE_DING)
    wordnet = write_wordnet(tmp_path, {"verb": [["seal"], ["left"], ["crept"]]})
    at = sentence.index(word)
    span = align.rendering(db, sentence, at, at + len(word), english, glosses, None, wordnet)
    assert span and english[slice(*span)] == found


ORDER_DING = """\
Laube {f} | Lauben {pl} :: arbour [Br.]; arbor [Am.] | arbours; arbors
warten {vi} :: to wait
Jahr {n} | Jahre {pl} :: year | years
Verbraucherschützer {m} | Verbraucherschützer {pl} :: consumer advocate | consumer advocates
Schokoriegel {m} | Schokoriegel {pl} :: chocolate bar | chocolate bars
küren {vt} | kürend | gekürt :: to choose | choosing | chosen
"""


@pytest.mark.parametrize("sentence, word, glosses, pos, english, found", [
    # English opens with the subject; German may open with an object: "Applicants" are Bewerber.
    ("Auf eine Laube warten Bewerber bis zu sechs Jahre.", "Laube", ["arbour"], "noun",
     "Applicants wait up to six years for a hut.", ""),
    ("Bewerber warten bis zu sechs Jahre auf eine Laube.", "Bewerber", [], "noun",
     "Applicants wait up to six years for a hut.", "Applicants"),
    # After "the" a verb's English would be a participle: "the con pack" is Mogelpackung's.
    ("Verbraucherschützer haben einen Schokoriegel zur Mogelpackung des Jahres gekürt.", "gekürt",
     ["to choose"], "verb", "Consumer advocates have named a chocolate bar the con pack of the year.", ""),
])
def test_a_run_standing_where_english_puts_another_part_of_the_sentence_says_nothing(
        load_ding, tmp_path, sentence, word, glosses, pos, english, found):
    db = load_ding(ORDER_DING)
    wordnet = write_wordnet(tmp_path, {"noun": [["applicant"], ["con"], ["pack"]], "verb": [["con"], ["pack"]]})
    at = sentence.index(word)
    span = align.rendering(db, sentence, at, at + len(word), english, glosses, pos, wordnet)
    assert (english[slice(*span)] if span else "") == found


ORGAN = """\
Orgel {f} | Orgeln {pl} :: organ | organs
wieder {adv} :: again
erklingen {vi} | erklingend | erklungen :: to sound | sounding | sounded
"""


@pytest.mark.parametrize("english, rendering", [
    # English renders the active "erklingt" by a passive: "be" is part of the verb's English.
    ("The organ can be heard again.", "be heard"),
    ("The organ is heard again.", "is heard"),
    # "is" before a present participle makes no passive.
    ("The organ is humming again.", "humming"),
])
def test_a_verbs_english_passive_takes_its_be(load_ding, english, rendering):
    db = load_ding(ORGAN)
    sentence = "Die Orgel erklingt wieder."
    at = sentence.index("erklingt")
    span = align.rendering(db, sentence, at, at + len("erklingt"), english, ["to sound"], "verb")
    assert (english[slice(*span)] if span else "") == rendering


def test_a_plurals_possessive_apostrophe_joins_a_name(load_ding):
    # Ding has "citizens’ support centre"; the translation's name holding its "citizens" is
    # "citizens' office", one name across the apostrophe.
    db = load_ding("Bürgerbüro {n} :: citizens’ support centre [Br.]\nMontag {m} :: Monday\n")
    sentence = "Briefwähler können die Wahlscheine ab Montag im Bürgerbüro anfordern."
    english = "Postal voters can request their polling cards at the citizens' office from Monday."
    assert render(db, sentence, "Bürgerbüro", english, ["citizens’ support centre [Br.]"]) == "citizens' office"



def test_the_word_after_a_possessive_that_is_the_words_own_english_joins_its_name(load_ding):
    # "Prozess" (court case) claims "court" too, but "the lay assessors' court" is one name, and
    # "court" is in Ding's own gloss of "Schöffengericht".
    db = load_ding("Schöffengericht {n} [jur.] :: mixed court of a judge and lay assessors\n"
                   "Prozess {m} | Prozesse {pl} :: trial; court case | trials; court cases\n"
                   "Graz {n} [geogr.] :: Graz\n")
    sentence = "Am Schöffengericht in Graz hat der Prozess gegen einen früheren Bürgermeister begonnen."
    english = "At the lay assessors' court in Graz, the trial of a former mayor has begun."
    assert render(db, sentence, "Schöffengericht", english,
                  ["mixed court of a judge and lay assessors"]) == "lay assessors' court"


PASSIVES = """\
Veranstaltung {f} | Veranstaltungen {pl} :: event | events
absagen {vt} | absagend | abgesagt :: to cancel | cancelling | cancelled
Brücke {f} | Brücken {pl} :: bridge | bridges
gerade {adv} :: just
sanieren {vt} | sanierend | saniert :: to renovate | renovating | renovated
"""


@pytest.mark.parametrize("sentence, word, english, rendering", [
    # The German is a passive too: "was" and "being" render "wurde" and "wird", not the verb.
    ("Die Veranstaltung wurde abgesagt.", "abgesagt", "The event was scrapped.", "scrapped"),
    ("Die Brücke wird gerade saniert.", "saniert", "The bridge is being refurbished.", "refurbished"),
])
def test_a_german_passives_participle_leaves_english_be_to_the_auxiliary(load_ding, sentence, word, english, rendering):
    db = load_ding(PASSIVES)
    glosses = {"abgesagt": ["to cancel"], "saniert": ["to renovate"]}[word]
    at = sentence.index(word)
    span = align.rendering(db, sentence, at, at + len(word), english, glosses, "verb")
    assert (english[slice(*span)] if span else "") == rendering


NESTLED = """\
Dorf {n} | Dörfer {pl} :: village | villages
liegen {vi} | liegend | gelegen :: to lie | lying | lain
Tal {n} | Täler {pl} :: valley | valleys
"""


@pytest.mark.parametrize("sentence", [
    # "Sein" is the possessive, and "liegt" no participle: English's "is nestled" renders it whole.
    "Sein Dorf liegt im Tal.",
    # No participle, though "ist" stands in the clause.
    "Sein Dorf liegt im Tal und ist klein.",
])
def test_a_word_that_is_no_participle_keeps_english_be(load_ding, sentence):
    db = load_ding(NESTLED)
    english = "His village is nestled in the valley."
    at = sentence.index("liegt")
    span = align.rendering(db, sentence, at, at + len("liegt"), english, ["to lie"], "verb")
    assert (english[slice(*span)] if span else "") == "is nestled"


@pytest.mark.parametrize("sentence, passive", [
    ("Sein Dorf wurde geräumt.", True),
    ("Die Tür ist geöffnet.", True),
    # Before a noun "sein" is the possessive: "Sein Haus" makes no passive of "verkauft".
    ("Heute verkauft er sein Haus.", False),
    ("Sein Dorf liegt im Tal.", False),
])
def test_only_a_participle_beside_an_auxiliary_is_a_german_passive(sentence, passive):
    word = next(w for w in ("geräumt", "geöffnet", "verkauft", "liegt") if w in sentence)
    at = sentence.index(word)
    assert align._german_passive(sentence, at, at + len(word)) is passive


@pytest.mark.parametrize(("translation", "word", "shown"), [
    ("Work on the bridge progressed well.", "Work", "work"),  # "Bau": the capital is the sentence's
    ("„School starts on Monday“, she said.", "School starts", "school starts"),
    ("Anna reads the book.", "Anna", "Anna"),  # a name WordNet writes capitalised
    ("DIY stores are busy.", "DIY", "DIY"),
    ("They said Work would start.", "Work", "Work"),  # not at the sentence's start: as written
])
def test_the_translations_own_words_lose_only_the_sentences_opening_capital(tmp_path, translation, word, shown):
    wordnet = write_wordnet(tmp_path, {"noun": [["work"], ["school"], ["Anna"], ["DIY"]]})
    at = translation.index(word)
    assert align._without_opening_capital(translation, (at, at + len(word)), wordnet) == shown


def test_a_plural_ends_a_nouns_words(load_ding, tmp_path):
    # "keimen" has no English here: "sprout" is its, and no part of the seeds' name.
    db = load_ding("Samen {m} | Samen {pl} :: seed | seeds\nschnell {adj} :: quick; quickly; fast\n")
    wordnet = write_wordnet(tmp_path, {"noun": [["grain"], ["sprout"]], "verb": [["sprout"]]})
    sentence, english = "Die Samen keimen schnell.", "The grains sprout quickly."
    at = sentence.index("Samen")
    span = align.rendering(db, sentence, at, at + 5, english, ["seed"], "noun", wordnet)
    assert english[slice(*span)] == "grains"


@pytest.mark.parametrize("sentence, word, english, found", [
    # Ding lacks "fragil"; English spells the same borrowing "fragile".
    ("Die Waffenruhe gilt als fragil, in der Nacht wurden erneut Raketen abgefeuert.", "fragil",
     "The ceasefire is considered fragile; rockets were fired again during the night.", "fragile"),
    # k for c: "Kommissionen", "commissions".
    ("Zwei Kommissionen prüfen den Fall.", "Kommissionen", "Two commissions are examining the case.", "commissions"),
    # Two words of the translation open alike: which one is meant is not clear.
    ("Die Lage gilt als fragil.", "fragil", "The fragile situation is seen as fragility itself.", ""),
])
def test_a_word_ding_lacks_is_the_translations_word_for_the_same_borrowing(load_ding, sentence, word, english, found):
    from words_lookup import meaning
    db = load_ding("Waffenruhe {f} :: ceasefire\nRakete {f} | Raketen {pl} :: rocket | rockets\n")
    assert meaning(db, sentence, word, english) == found


STREICHT = "Die Fluggesellschaft streicht im Winter zahlreiche Verbindungen."


@pytest.mark.parametrize("sentence, word, english, found", [
    # "is cutting": the card says what the verb means, in its base form.
    (STREICHT, "streicht", "The airline is cutting numerous connections in winter.", "cut"),
    (STREICHT, "streicht", "The airline cuts numerous connections in winter.", "cut"),
])
def test_a_verbs_english_from_the_translation_is_its_base_form(load_ding, tmp_path, monkeypatch,
                                                                sentence, word, english, found):
    from annotations.words import synonyms
    from words_lookup import meaning
    wordnet = write_wordnet(tmp_path, {"verb": [["cut"]], "noun": [["airline"], ["connection"], ["winter"]]})
    monkeypatch.setattr(synonyms, "system", lambda: wordnet)
    db = load_ding("Fluggesellschaft {f} :: airline\nVerbindung {f} | Verbindungen {pl} :: connection | connections\n"
                   "zahlreich {adj} :: numerous\nWinter {m} :: winter\nstreichen {vt} :: to paint\n"
                   )
    assert meaning(db, sentence, word, english) == found


@pytest.mark.parametrize("words, base", [
    ("cutting back", "cut back"),
    ("goes", "go"),
    # A participle may be the state the verb leaves ("the seats are taken"): it stays as written.
    ("taken", "taken"),
    ("stuck indoors", "stuck indoors"),
    # An auxiliary first: the verb is not its own first word ("is cutting" is no "be cutting").
    ("is cutting", "is cutting"),
    ("has been", "has been"),
])
def test_only_a_progressive_or_third_person_becomes_the_base_form(tmp_path, words, base):
    wordnet = write_wordnet(tmp_path, {"verb": [["cut back"], ["cut"], ["go"], ["take"], ["stick"], ["be"], ["have"]]})
    (tmp_path / "verb.exc").write_text("has have\nis be\n", encoding="utf-8")  # WordNet's irregular forms
    assert align._base_form(words, wordnet) == base
