"""Which sense leads without a translation, from what the sentence around the word says.

Each case is a real sentence; the Ding lines are copied from the dictionary behind it.
"""
import re

import pytest
from words_lookup import first_meaning, look, popover_page, write_wordnet

from annotations.reading import articles
from annotations.words import grammar, senses, translated

DING = """\
sich an etw. beteiligen; an etw. (aktiv) teilnehmen; bei etw. mitmachen {vi} [soc.] | sich beteiligend; teilnehmend; mitmachend | sich beteiligt; teilgenommen; mitgemacht | beteiligt sich; nimmt teil; macht mit | beteiligte sich; nahm teil; machte mit | mitkämpfen [mil.] | mitreden; sich am Gespräch beteiligen | etw. mitsprechen (Gebet usw.) | mitspielen | jdn. mitkochen lassen | Die Eltern müssen sich sportlich engagieren und ihre Kinder zum Mitmachen animieren. :: to take part in sth.; to (actively) participate in sth.; to join in sth. | taking part; participating; joining | taken part; participated; joined | takes part; participates; joins | took part; participated; joined | to take part in the combat | to join in the conversation | to join in speaking sth. (prayer etc.) | to join in the game | to let sb. join in with the cooking | Parents need to engage with sport and encourage their children to participate/join in.
sich beteiligen; sich einbringen; mitwirken {vi} (bei etw.) | sich beteiligend; sich einbringend; mitwirkend | sich beteiligt; sich eingebracht; mitgewirkt | er/sie beteiligt sich; er/sie bringt sich ein; er/sie wirkt mit | ich/er/sie beteiligte sich; ich/er/sie brachte sich ein; ich/er/sie wirkte mit | er/sie hat/hatte sicht beteiligt; er/sie hat/hatte sich eingebracht; er/sie hat/hatte mitgewirkt | sich bei einer Besprechung / Diskussion einbringen | Sechs Wissenschaftler haben an der Sonderausgabe mitgewirkt. | Möchten Sie sich beteiligen? :: to contribute (to sth.) | contributing | contributed | he/she contributes | I/he/she contributed | he/she has/had contributed | to contribute to the meeting / discussion | Six scientists contributed to the special edition. | Do you wish to contribute?
zu etw. raten {vt} | ratend | geraten | rät | riet | jdm. zur Vorsicht raten | zur/zu Zurückhaltung im Wahlkampf raten :: to advise sth.; to counsel sth. [formal] | advising; counselling; counseling | advised; counselled; counseled | advises; counsels | advised; counselled; counseled | to advise sb. to be careful; to advise sb. to take caution | to advise restraint in the campaign
raten {vi} (die wahrscheinlichste Antwort wählen) | ratend | geraten | er/sie rät | ich/er/sie riet | richtig/falsch raten | Rate mal! | Gut geraten! | Dreimal darfst du raten. [iron.] | Wenn dir keine Antwort einfällt, rate. | Ich kann nur raten, was sie dazu getrieben hat. | „Sie hat mir gestern gesagt, was sie bedrückt.“ „Lass mich raten - es geht um ihren Freund.“ | Nein, sag’s nicht. Lass mich raten. :: to guess (chose the most likely answer) | guessing | guessed | he/she guesses | I/he/she guessed | to guess right/wrong | Have a guess! | Well guessed! | I’ll give you three guesses.; You can have three guesses. | If you can’t think of an answer, guess. | I can only guess at what made her do this. | 'Yesterday she told me what’s bothering her.' 'Let me guess – it’s about her boyfriend.' | No, don’t tell me, I’m keen to guess.
bei jdm. (in bestimmter Weise) ankommen; Anklang finden {v} [soc.] | ankommend; Anklang findend; beliebt seiend | angekommen; Anklang gefunden; beliebt gewesen | Der Vorschlag ist bei unserem Chef nicht besonders gut angekommen. :: to go down (in a particular way) with sb. | going down | gone down | The suggestion didn’t go down very well with our boss.
(an einem Ort) eintreffen; ankommen; anlangen {vi} (Person) | eintreffend; ankommend; anlangend | eingetroffen; angekommen; angelangt | trifft ein; kommt an; langt an | traf ein; kam an; langte an | eintrudeln [ugs.] | hereingeschneit kommen [ugs.] | heil ankommen | Seid ihr gut angekommen? | Wann kommt der Zug in London an? | Sie kam mit dem Bus an. :: to arrive (in a place) (person) | arriving | arrived | arrives; reaches | arrived; reached | to arrive in dribs and drabs | to arrive out of the blue; to roll in | to arrive safely; to arrive safe and sound | Did you arrive safely?; Did you get there all right? | When does the train reach London? | She arrived by bus.
Besitz {m} {+Gen.}; Sachherrschaft {f} [jur.] (über etw.) | Eigenbesitz {m} | im Besitz von etw. sein; etw. besitzen | in den Besitz von etw. gelangen/kommen | wieder in den Besitz einer Sache gelangen | etw. in seinem Besitz haben | Besitz erwerben | etw. (rechtmäßig) in Besitz nehmen [jur.] | etw. (unrechtmäßig) in Besitz nehmen; sich einer Sache bemächtigen | jdn. im Besitz stören | jdn. in Besitz von etw. setzen | den Besitz an/von etw. wiedererlangen | wieder in den Besitz eingesetzt werden | Besitz einer verbotenen Waffe | auf Räumung klagen | eine Erbschaft antreten | Beide Pistolen befinden sich im Besitz der rechtmäßigen Eigentümer. | Bei seiner Verhaftung hatte er 124 gefälschte DVDs bei sich. | Wie ist das Gemälde in seinen Besitz gelangt?; Wie ist er in den Besitz des Gemäldes gekommen? :: possession (of sth.) | proprietary possession | to be in possession of sth. | to come into / to gain possession of sth. | to regain possession of sth. | to have sth. in one’s possession | to acquire possession | to enter into possession of sth. | to take possession of sth. | to interfere with sb.’s possession | to put sb. in possession of sth. | to recover possession of sth. | to be restored to possession | possession of a prohibited weapon | to sue for possession [Br.] | to take possession of an estate | Both pistols are in the possession of the rightful owners. | At the time of arrest he was (found) in possession of 124 counterfeit DVDs. | How did the painting come into his possession?; How did he come into possession of the painting?
Eigentum {n}; Besitz {m}; Grundbesitz {m}; Grundstück {n} | Eigentum {n}; Grundbesitze {pl} | Hausgrundstück {n} | Sondereigentum {n} | geistiges Eigentum | gewerbliches Eigentum | gewerblich genutztes Grundstück | Besitz erwerben; Eigentum erwerben | bewegliches Eigentum | unbelasteter Grundbesitz | ungestörte Nutzung seines Eigentums (Grundrecht) | unveräußerlicher Grundbesitz | Eigentum an Patenten und Gebrauchsmustern | Eigentum an einer Ware :: property | properties | property with house | special property | intellectual property /IP/ | industrial property | income-producing property; income property | to acquire property | moveables; movable property | unencumbered property | peaceful enjoyment of your property (fundamental right) | entailed property | industrial property | property in goods
Eigentümer {m}; Eigentümerin {f}; Eigner {m} [adm.]; Eignerin {f} [adm.]; Inhaber {m}; Inhaberin {f} [econ.] [jur.]; Besitzer {m} [ugs.]; Besitzerin {f} [ugs.] | Eigentümer {pl}; Eigentümerinnen {pl}; Eigner {pl}; Eignerinnen {pl}; Inhaber {pl}; Inhaberinnen {pl}; Besitzer {pl}; Besitzerinnen {pl} | Mehrheitseigentümer {m}; Mehrheitseigner {m} | Unternehmensinhaber {m} | Inhaber von Rechten | nomineller Inhaber | Eigentümer eines Gegenstandes | Eigentümer des Grundstücks | Eigners Gefahr :: owner | owners | majority owner | business owner | owner of rights | nominal owner | owner of an article | real owner | owner’s risk /O.R./
Inhaber {m} /Inh./; Inhaberin {f}; Besitzer {m}; Besitzerin {f} | Inhaber {pl}; Inhaberinnen {pl}; Besitzer {pl}; Besitzerinnen {pl} | gemeinsame Inhaber | eingetragener Eigentümer :: proprietor /prop.; propr/ | proprietors | joint proprietors | registered proprietor
besitzrechtlich; besitzgebunden; Besitz…; possessorisch {adj} [jur.] | Besitzanspruch {m} | Besitzklage {f} | Recht auf Besitz; possessorisches Recht | Besitzrecht {n}; Vermögensanspruch {m} | Besitztitel {m} :: possessory | possessory claim; ownership claim; claim to ownership | possessory action | possessory interest | possessory right | possessory title [Br.]
"""
# Parts of compounds Ding lacks ("Honigernte").
PARTS = """\
Honig {m} [agr.] [cook.] | Backhonig {m} | Blütenhonig {m} | Kastanienhonig {m} <Edelkastanienhonig> | Kleehonig {m} | Kunsthonig | Lindenblütenhonig {m} | Rapshonig {m} | Wabenhonig {m}; Scheibenhonig {m} | Waldhonig {m} | Honig schleudern | jdm. Honig um den Bart schmieren; jdm. Honig ums Maul schmieren [übtr.] :: honey | baker’s honey | blossom honey; flower honey | chestnut honey | clover honey | artificial honey | lime-blossom honey | rapeseed honey | comb honey | honeydew honey | to extract honey | to butter sb. up; to schmooze sb.
(eingebrachte) Ernte {f}; Ernteertrag {m}; Ausbeute {f} [agr.] | Getreideernte {f} | Nussernte {f} | tolle Ernte; Superernte {f} | Einbringen der Ernte :: harvest; crop | grain harvest; grain crop | nut harvest | bumper crop | gathering in of the crops; harvesting; harvest home [Br.]
Ernteertrag {m}; Ernte {f} :: picking
Ernten {n}; Ernte {f} [agr.] :: harvesting
"""


@pytest.fixture
def ding_db(load_ding):
    return load_ding(DING)


@pytest.mark.parametrize("sentence, word, meaning", [
    # "am" is "an dem", "zur" is "zu der": the preposition Ding frames the verb with.
    ("Nordkoreanische Soldaten beteiligen sich auch am Kampf Russlands gegen die Ukraine.", "beteiligen",
     "to take part in sth."),
    ("Wegen der Grippewelle sind viele Arztpraxen überlastet, und Ärzte raten älteren Menschen zur Impfung.",
     "raten", "to advise sth."),
    # The verb's preposition in the clause outweighs a commoner English word for the bare verb.
    ("Auf der Pariser Modewoche präsentierte das Label eine Kollektion aus recycelten Stoffen, die bei Kritikern "
     "gut ankam.", "ankam",
     "to go down (in a particular way) with sb."),
])
def test_the_preposition_a_verb_is_framed_with_picks_its_sense(ding_db, sentence, word, meaning):
    assert first_meaning(ding_db, sentence, word) == meaning


def test_a_noun_ding_lists_as_written_takes_no_other_nouns_sense(ding_db):
    # "besitz" looks like the adjective stem of "Besitzer" ("Besitz…" is one in Ding), so the noun
    # "Besitz" (possession) comes up too; Ding lists "Besitzer" itself.
    sentence = ("Viele Tierheime sind überfüllt, weil Besitzer ihre während der Pandemie angeschafften Hunde "
                "und Katzen wieder abgeben.")
    assert first_meaning(ding_db, sentence, "Besitzer") == "owner"


# Real lines: "Ton" (clay), a line of 29 rows, "Ton…" as an adjective's stem, and "Toner", of two.
TONER = """\
tonhaltig; tonhältig [Ös.]; tonig; Ton…; argillitisch; pellitisch {adj} :: clay; clayey; argillaceous; argilliferous
Ton {m} [min.] | nach Ton graben | geschlämmter Ton | Ton mit geringer Plastizität | Ton mit Kalkkonkretionen | Ton unter Flöz | alaunhaltiger Ton | bildsamer Ton | brandrissiger Ton | dünngeschichteter Ton | eisenhaltiger Ton | erhärteter Ton | fetter Ton | feuerfester Ton | gebrannter Ton | geschwellter Ton | gewöhnlicher Ton | hochplastischer Ton | klebriger Ton | magerer Ton | mergeliger Ton | mulmiger Ton | schlickiger Ton | schluffiger Ton | schmutzfarbiger Ton | tropisch schwerer Ton | verfestigter Ton | zermürbter Ton | zerruschelter Ton :: clay; argil; potter’s earth | to cut clay in a pit | slip | lean clay | clay with race | sods | astringent clay | ball clay | drawn clay | banded clay; leaf clay; varved clay | sinople | clay-stone; mudstone | fat clay; rich clay; heavy clay; soapy clay | refractory clay; fire clay | burnt clay | expanded clay; expansive clay | low-grade clay | long clay | sticky clay; gutta-pecha clay | meagre clay; sandy clay; green clay | marly clay | crumbly clay | clay-containing silt | silty clay | drab clay | black cotton soil | consolidated clay | shattered clay | slickensided clay
Toner {m} (pulverförmige Druckfarbe) [print] | Druckertoner {m} :: toner | toner for printers
"""


def test_a_noun_ding_lists_as_written_outranks_another_nouns_long_line(load_ding, lemmatiser):
    # "Toner" reads as "Ton" + "-er" too; Ding's many "Ton" rows say clay is a common word, not
    # that "Toner" is clay.
    sentence = "Druckerpapier und Toner sind im vergangenen Jahr deutlich teurer geworden."
    assert first_meaning(load_ding(TONER), sentence, "Toner") == "toner"


# Real lines: Ding's "Botschaft"s (a message, the embassy [pol.], a pitch [pol.]), "Stimme"s (a
# voice, a vote [pol.]), and adjectives of nations [geogr.] and of a faith.
EMBASSY = """\
Aussage {f}; Botschaft {f} (von etw.); Signal {n} (an jdm.) | seine Botschaft vermitteln/rüberbringen [ugs.] | ein Signal an jdn. aussenden | Die Botschaft des Films ist, dass … | Große Architektur vermittelt ihre Botschaft nicht mit dem Holzhammer. (Foster) :: message (of sth. / to sb.) (political/social/moral point) | to convey your message, to get your message across | to send a message to sb. | The message of the film is that … | Great architecture should wear its message lightly. (Foster)
Botschaft {f} (diplomatische Vertretung) [pol.] | Botschaften {pl} | Mein Vater arbeitete in der Botschaft. :: embassy | embassies | My father worked at the embassy.
Botschaft {f}; persönliche Mitteilung {f}; persönliche Nachricht {f} | Botschaften {pl}; persönliche Mitteilungen {pl}; persönliche Nachrichte {pl} | Nachricht auf dem Anrufbeantworter [telco.] | eine Nachricht/Botschaft ausrichten | eine Nachricht hinterlassen | wartende Nachricht | eine Mitteilung über die einzelnen Hierarchieebenen im Unternehmen verbreiten | eine falsche Botschaft vermitteln | wieder eine Nachricht, die am Thema vorbeigeht (Chat-Jargon) :: message; embassage [archaic] | messages; embassages | recorded message | to deliver a message | to leave a message | message waiting | to cascade a message | to send a wrong message | yet another off-topic message /YAOTM/ (chat jargon)
Präsentation {f}; (Vermittlung einer) Botschaft {f}; Statement {n} [econ.] [pol.] | Kurzpräsentation {f}; Schnellpräsentation {f}; Blitzpräsentation {f} | Podiumspräsentation {f} | Verkaufsmonolog {m}; Verkaufsbotschaft {f}; Marketingtext {m}; Marketingbotschaft {f} | Werbepräsentation {f}; Werbebotschaft {f}; Werbestatement {n} | sein Anliegen / sich 45 Minuten lang präsentieren | Der Verkäufer begann, seinen Monolog / seinen Text abzuspulen. | Seine Botschaft ist einfach: Eine Stimme für die Partei und eine Vorzugsstimme für ihn. :: advocacy pitch; pitch; advocacy spiel [coll.]; spiel [coll.] | lift pitch [Br.]; elevator pitch [Am.] | podium pitch | sales pitch; marketing pitch; pitch; sales spiel | advertising pitch; advertising spiel | to make a 45 minute pitch | The salesman started making / delivering his pitch. | His pitch is straightforward: one vote for the party and a preference vote for him.
iranisch {adj} [geogr.] :: Iranian
Stimme {f} | Stimmen {pl} | mit gesenkter Stimme | volle Stimme | gegen etw. seine Stimme erheben | mit belegter Stimme | mit lauter Stimme | mit lauter Stimme | mit leiser Stimme | mit ehrfurchtsvoller Stimme | einschmeichelnde Stimme | Seine Stimme versagte, als er über den Tod seiner Mutter sprach. :: voice | voices | with lowered voice | full-toned voice; orotund voice | to raise one’s voice against sth. | in a husky voice | in a loud voice | at the top of voice | in a low voice | in an awed voice | silky voice | His voice faltered when he spoke about the death of his mother.
Wählerstimme {f}; Stimme {f} (bei einer Abstimmung) [pol.] | Wählerstimmen {pl}; Stimmen {pl} | mehrfach abgegebene Stimmen; Mehrfachstimmen | nur um Wählerstimmen zu bekommen | seine Stimme abgeben | 38 Prozent der abgegebenen Stimmen bekommen :: vote | votes | multiple votes | just to win votes | to cast your vote | to receive 38 percent of the votes cast
jüdisch {adj} :: Jewish
amerikanisch {adj} [geogr.] :: American /Am./
russisch {adj} [geogr.] :: Russian
praktisch {adj} :: practical
"""


@pytest.fixture
def institutions(tmp_path, monkeypatch):
    """A WordNet that files an embassy as a building (noun.artifact), a vote and a voice as neither."""
    from annotations.words import synonyms
    wordnet = write_wordnet(tmp_path, {"noun": [["embassy"], ["vote"], ["voice"], ["message"], ["pitch"]]},
                            files={"embassy": 6, "vote": 4, "voice": 7, "message": 10, "pitch": 10})
    monkeypatch.setattr(synonyms, "system", lambda: wordnet)


@pytest.mark.parametrize("sentence, word, meaning", [
    # A country's adjective before the noun: its institution, the embassy.
    ("Das teilte die iranische Botschaft in Russland vergangene Woche mit.", "Botschaft", "embassy"),
    ("Das teilte die US-amerikanische Botschaft in Berlin mit.", "Botschaft", "embassy"),
    # Another adjective says nothing of it: the message.
    ("Die praktische Botschaft des Buches ist einfach.", "Botschaft", "message"),
    # Nor a faith's, though its English is capitalised too.
    ("Die jüdische Botschaft des Buches ist einfach.", "Botschaft", "message"),
    # A vote is no institution: a Russian voice on the telephone is a voice.
    ("Am Telefon meldete sich eine russische Stimme.", "Stimme", "voice"),
])
def test_a_nationality_before_a_noun_asks_for_its_institution(load_ding, lemmatiser, institutions,
                                                              sentence, word, meaning):
    assert first_meaning(load_ding(EMBASSY), sentence, word) == meaning


def test_a_split_noun_whose_parts_mean_one_word_each_prefills_the_english_compound(client, load_ding):
    db = load_ding(PARTS)
    text = ("Imker erwarten in diesem Jahr eine magere Honigernte, weil das nasse Frühjahr die Bienen am "
            "Ausfliegen gehindert hat.")
    article_id = articles.create_article(db, text)
    at = text.index("Honigernte")
    page = client.get(f"/words/lookup?article={article_id}&n=1&start={at}&end={at + 10}").get_data(as_text=True)
    assert 'class="word-split"' in page  # still shown part by part
    assert '<input name="gloss" value="honey harvest"' in page  # English sets one noun before the other


@pytest.mark.parametrize("parts, noun, meaning", [
    (["computer", "failure"], True, "computer failure"),
    (["fight", "jet aircraft"], True, "fight + jet aircraft"),  # a phrase: where would the parts meet?
    (["three", "for…days"], False, "three + for…days"),  # "dreitägig" is no noun
    (["honey", ""], True, "honey + ?"),
])
def test_a_split_compounds_meaning_is_an_english_compound_only_of_one_word_nouns(parts, noun, meaning):
    assert senses.split_meaning(parts, noun) == meaning


# Two nouns one lemma apart: simplemma takes "Plane" (tarpaulin) for a form of "Plan".
GENDERS = """\
Plan {m}; Entwurf {m} | Pläne {pl}; Entwürfe {pl} | Montageplan {m} | technischer Plan :: plan | plans | assembly plan | engineering plan
Plan {m} (Vorhaben) | Pläne {pl} :: plan (project) | plans
Abdeckplane {f}; Plane {f}; Blache {f} [Ös.]; Blahe {f} [Schw.] [Süddt.] | Abdeckplanen {pl}; Planen {pl}; Blachen {pl}; Blahen {pl} | LKW-Plane {f} | Zeltplane {f} :: tarpaulin; awning | tarpaulins; awnings | lorry tarpaulin [Br.]; lorry tilt [Br.]; truck tarpaulin [Am.] | canvas tarpaulin
Inhalt {m} /Inh./; Anteil {m}; Gehalt {m} | Inhalte {pl}; Anteile {pl}; Gehalte {pl} :: content | contents
Gehalt {n}; Besoldung {f}; Bezug {m} [Ös.]; Salär {n} [Schw.] | Gehälter {pl}; Besoldungen {pl}; Bezüge {pl}; Saläre {pl} :: salary; pay | salaries
Band {n} | Bänder {pl} :: ribbon | ribbons
Band {f}; Musikgruppe {f}; Musikkapelle {f}; Kapelle {f} [mus.] | Bands {pl}; Musikgruppen {pl}; Musikkapellen {pl}; Kapellen {pl} :: band | bands
"""


@pytest.mark.parametrize("sentence, word, meaning", [
    # "die" is feminine or plural: not "der Plan", whose plural is "Pläne".
    ("Der Fahrer hatte die Plane offenbar nicht richtig befestigt.", "Plane", "tarpaulin"),
    ("Der Regen lief über die alte Plane.", "Plane", "tarpaulin"),
    # The determiner agrees with the lemma's noun: its sense stays.
    ("Der Bürgermeister stellte den Plan am Montag vor.", "Plan", "plan"),
])
def test_the_determiners_gender_picks_the_noun(load_ding, sentence, word, meaning):
    assert first_meaning(load_ding(GENDERS), sentence, word) == meaning


@pytest.mark.parametrize("before, genders", [
    ("Der Fahrer hatte die ", {"f", "pl"}),
    ("mit einer ", {"f"}),
    ("hatte die alte große ", {"f", "pl"}),  # adjectives between
    ("in der ", {"m", "f", "pl"}),  # "der" is feminine and plural too
    ("seine ", {"f", "pl"}),
    ("unseren ", {"m", "pl"}),
    ("Das ", {"n"}),
    ("Die Boote lagen am ", {"m", "n"}),  # "am" is "an dem": der See (the lake), not die See
    ("auf dem Weg zur ", {"f"}),
    ("seine Ladung ", set()),  # another noun first: no determiner of this one
    ("sagte, die, ", set()),  # punctuation between
])
def test_what_a_determiner_allows(before, genders):
    assert grammar.determiner_genders(before) == genders


def test_a_dative_plural_agrees_as_the_plural_it_is(load_ding):
    # "den" is masculine or plural; "Gehältern" is the plural of "das Gehalt" (salary) with its
    # dative -n, not a form of "der Gehalt" (content).
    first = look(load_ding(GENDERS), "Die Gewerkschaft ist mit den Gehältern zufrieden.", "Gehältern")["entries"][0]
    assert (first["headword"], first["gender"]) == ("Gehalt", "n")


def test_a_plural_after_a_pronoun_demotes_no_noun(load_ding):
    # The second "das" is a relative pronoun: read as an article, it ruled out the plural "Bands"
    # (the music groups) and left "das Band" (ribbon) first.
    entries = look(load_ding(GENDERS), "Das Programm, das Bands aus der Region fördert, endet.", "Bands")["entries"]
    assert entries and not any(e["disagrees"] for e in entries)


@pytest.mark.parametrize("text, number", [
    (" 3000 Einwohner", True), (" zwölf Milliarden", True), (" eine Million", True), (" dreiundzwanzig", True),
    (" Hunderttausende", True), (" sechzig", True),
    # Words that only begin like one.
    (" eingelebt", False), (" einzig", False), (" witzig", False), (" Achtung", False), (" Jahrhundert", False),
])
def test_what_counts_as_a_number_after_the_word(text, number):
    assert grammar.number_follows(text) is number


# A compound's last part Ding has as a verb and as a noun's inflected form ("preisen", "Preisen").
HEADS = """\
Papier {n} | Papiere {pl} :: paper | papers
Schaumstoff {m} :: foam
jdn. preisen; rühmen {vt} | preisend; rühmend | gepriesen; gerühmt :: to praise sb. | praising | praised
Preis {m} (für etw.) [econ.] | Preise {pl} :: price (for sth.) | prices
Matt {n} (Schach) | direktes Matt :: mate | directmate
Matte {f} | Matten {pl} | Turnmatte {f} :: mat | mats | gymnastics mat
Tomatenfrucht {f}; Tomate {f}; Paradeiser {m} [Ös.] | Tomatenfrüchte {pl}; Tomaten {pl}; Paradeiser {pl} :: tomato fruit; tomato | tomato fruits; tomatoes
Samen {m}; Saat {f} | Samen {pl} :: seed | seeds
Spielkarte {f}; Karte {f} | Spielkarten {pl}; Karten {pl} :: playing card; card | playing cards; cards
Zahlung {f} | Zahlungen {pl} :: payment | payments
Bankkonto {n}; Konto {n} /Kto./ [fin.] | Bankkonten {pl}; Konten {pl} :: bank account; account with/at a bank /acct; a/c/ | accounts
Kind {n} | Kinder {pl} :: child | children
Tisch {m} | Tische {pl} :: table | tables
Tennisspieler {m}; Tennisspielerin {f} | Tennisspieler {pl}; Tennisspielerinnen {pl} :: tennis player | tennis players
Hobby {n} | Hobbys {pl} :: hobby | hobbies
Schatzsucher {m} | Schatzsucher {pl} :: treasure hunter | treasure hunters
"""


@pytest.mark.parametrize("sentence, word, head", [
    # The last part of a noun compound is a noun: "Preisen" (prices), not "preisen" (to praise).
    ("Die kleinen Verlage leiden unter den hohen Papierpreisen.", "Papierpreisen", "price"),
    ("Papierpreisen wie diesen hält kein kleiner Verlag stand.", "Papierpreisen", "price"),  # at the start too
    # "Matten" is the plural of "Matte" (mat), not a form of "Matt" (checkmate).
    ("Die Kinder turnen auf weichen Schaumstoffmatten.", "Schaumstoffmatten", "mat"),
])
def test_the_last_part_of_a_noun_compound_is_read_as_a_noun(load_ding, sentence, word, head):
    split = look(load_ding(HEADS), sentence, word)["split"]
    assert split and split[-1]["gloss"] == head


@pytest.mark.parametrize("sentence, word, meaning", [
    # English names a compound's parts by their bare nouns: "tomato seed", not "tomato fruit seed".
    ("Im Februar werden die Tomatensamen auf der Fensterbank ausgesät.", "Tomatensamen", "tomato seed"),
    ("Immer mehr Bäckereien akzeptieren inzwischen auch Kartenzahlung.", "Kartenzahlung", "card payment"),
    # An abbreviation ("a/c") is no bare noun: the part keeps its gloss.
    ("Die Bank bietet ein kostenloses Kinderkonto an.", "Kinderkonto", "child + bank account"),
])
def test_a_split_part_is_named_by_its_one_word_gloss(load_ding, sentence, word, meaning):
    split = look(load_ding(HEADS), sentence, word)["split"]
    assert senses.split_meaning([p["gloss"] for p in split], True) == meaning


# Adjectives whose lines give the superlative a row of its own ("am nächsten :: nearest").
DEGREES = """\
nahe; nah; eng; knapp {adj} | eine enge Verbindung zwischen Mutter und Kind | nahe dran [übtr.] :: close | a close bond between mother and child | close, but no cigar [Am.] [fig.]
nahe; nah {adj} | näher | am nächsten; nächst | von nah und fern :: near; proximate [formal]; nigh [archaic] | nearer | nearest | from near and far
tief {adj} | tiefer | am tiefsten | tief durchatmen :: deep | deeper | deepest | to take a deep breath
niedrig; tief {adj} | niedriger; tiefer | am niedrigsten; am tiefsten | so niedrig wie :: low | lower | lowest; lowermost | as low as
groß; schwer; wichtig {adj} | größer; schwerer; wichtiger | am größten; am schwersten; am wichtigsten | so groß wie :: big | bigger | biggest | as big as
groß; breit; etabliert; vorherrschend {adj} [soc.] | die großen Parteien :: mainstream | the mainstream parties
"""


@pytest.mark.parametrize("sentence, word, row", [
    # A superlative means the superlative row of its adjective's line (nearest), not the plain
    # adjective (close, deep).
    ("Ältere Menschen fürchten, künftig weit bis zum nächsten Geldautomaten fahren zu müssen.", "nächsten",
     "am nächsten"),
    ("Der Pegel des Rheins ist auf den tiefsten Stand seit Jahren gefallen.", "tiefsten", "am tiefsten"),
    ("Die größte Buchmesse der Welt öffnet am Mittwoch.", "größte", "am größten"),  # "größt": ß before the t
])
def test_a_superlative_takes_its_lines_superlative_row(load_ding, sentence, word, row):
    first = look(load_ding(DEGREES), sentence, word)["entries"][0]
    assert first["key"] == row and senses.superlative(first["glosses"])


@pytest.mark.parametrize("sentence, word, english, whole", [
    # The head part is named in two English words: the rendering runs to the last of them.
    ("Eine 86-jährige Tischtennisspielerin aus Bremen hat das Einzel gewonnen.", "Tischtennisspielerin",
     "An 86-year-old table tennis player from Bremen has won the singles.", "table tennis player"),
    ("Ein Hobbyschatzsucher hat auf einem Feld einen Ehering gefunden.", "Hobbyschatzsucher",
     "A hobby treasure hunter has discovered a lost wedding ring in a field.", "hobby treasure hunter"),
    ("Zwei Hobbyschatzsucher haben einen Ehering gefunden.", "Hobbyschatzsucher",
     "Two hobby treasure hunters have found a wedding ring.", "hobby treasure hunters"),
])
def test_a_compounds_rendering_takes_the_head_parts_whole_english_name(load_ding, sentence, word, english, whole):
    split = look(load_ding(HEADS), sentence, word)["split"]
    assert translated.compound_in_translation([p["glosses"] for p in split], english) == whole


# Senses Ding labels with a subject field, and words that bring that field into a sentence.
FIELDS = """\
Kantine {f} [cook.] | Kantinen {pl} | Schulkantine {f} :: staff restaurant; canteen [Br.]; cafeteria [Am.]; lunchroom [Am.]; buttery [Br.] | staff restaurants; canteens; cafeterias; lunchrooms; butteries | school canteen; school cafeteria
Kantine {f} [mil.] :: mess
Gericht {n}; Speise {f} [cook.] | Gerichte {pl}; Speisen {pl} :: dish | dishes
Gericht {n} [jur.] | Gerichte {pl} :: court | courts
Kaserne {f}; Kasernenanlage {f} [mil.] | Kasernen {pl}; Kasernenanlagen {pl} :: barracks | barracks
"""


@pytest.mark.parametrize("sentence, word, meaning", [
    # "Gerichte" is a dish [cook.]: the canteen's [cook.] sense is no specialist's corner here.
    ("Die Kantine eines großen Versicherungskonzerns serviert montags nur noch vegetarische Gerichte.", "Kantine",
     "staff restaurant"),
    # "Kaserne" (barracks) is a military word: there the army's mess [mil.] is meant.
    ("Die Rekruten essen in der Kantine der Kaserne.", "Kantine", "mess"),
    # Neither field in the sentence: the everyday canteen, not the army's mess.
    ("Die Kantine ist seit Montag geschlossen.", "Kantine", "staff restaurant"),
])
def test_a_field_label_does_not_count_against_a_sense_where_the_sentence_is_in_that_field(
        load_ding, sentence, word, meaning):
    assert first_meaning(load_ding(FIELDS), sentence, word) == meaning


# Lines whose first gloss is Ding's main translation and whose later ones are synonyms.
SYNONYMS = """\
Trompete {f} [mus.] | Trompeten {pl} :: trumpet; trump | trumpets
Taschendieb {m}; Trickdieb {m}; Taschenkrebs {m} [humor.]; Beutelschneider {m} [veraltet]; Sackgreifer {m} [obs.]; Kiesler {m} [obs.] | Taschendiebe {pl}; Trickdiebe {pl}; Taschenkrebse {pl}; Beutelschneider {pl}; Sackgreifer {pl}; Kiesler {pl} :: pickpocket; dip; mobsman [Br.]; fingersmith [archaic]; cutpurse [obs.] | pickpockets; dips; mobsmen; fingersmiths; cutpurses
Meerschweinchen {n} [zool.] | Meerschweinchen {pl} :: cavy; guinea pig | cavies; guinea pigs
"""


@pytest.mark.parametrize("sentence, word, meaning", [
    # "trump" and "dip" are common English words for other things (a name, a swim): a short
    # word's frequency counts all its senses, so ten times commoner is not enough to lead.
    ("Die Trompeten, Posaunen und Tuben wurden mit Spenden aus dem Ort neu angeschafft.", "Trompeten", "trumpet"),
    ("Die Bundespolizei warnt vor Taschendieben an Bahnhöfen.", "Taschendieben", "pickpocket"),
    # A hundred times commoner still leads: "guinea pig", not the zoologist's "cavy".
    ("Meerschweinchen sollten nie allein gehalten werden, mahnt der Tierschutzbund.", "Meerschweinchen",
     "guinea pig"),
])
def test_a_later_gloss_leads_only_when_a_hundred_times_commoner(load_ding, sentence, word, meaning):
    assert first_meaning(load_ding(SYNONYMS), sentence, word) == meaning


# Lines whose English has the German word's cognate further down the line.
COGNATES = """\
Blutwäsche {f}; Blutreinigung {f}; Dialyse {f} [med.] :: blood lavage; lavage of the blood; haemodialysis [Br.]; hemodialysis [Am.]; dialysis
Panzerkampfwagen {m}; Kampfpanzer {m}; Panzer {m} [mil.] | Panzerkampfwagen {pl}; Kampfpanzer {pl}; Panzer {pl} :: combat vehicle; combat tank; battle tank; tank; panzer (German military) | combat vehicles; combat tanks; battle tanks; tanks; panzers
"""


@pytest.mark.parametrize("sentence, word, meaning", [
    # The fifth gloss is the word itself: "dialysis", not the first gloss, "blood lavage".
    ("Dreimal pro Woche muss sie zur Dialyse.", "Dialyse", "dialysis"),
    # A cognate narrowed by a comment is a corner of the sense: "panzer (German military)" is
    # not what "Panzer" means in a report on Ukraine's army.
    ("Die Ukraine hat neue Panzer aus Deutschland erhalten.", "Panzer", "combat vehicle"),
])
def test_a_cognate_anywhere_in_the_line_is_the_meaning_unless_a_comment_narrows_it(load_ding, sentence, word, meaning):
    assert first_meaning(load_ding(COGNATES), sentence, word) == meaning


# A last part's senses, and Ding's compounds that end in it ("Zeltkuppel" itself is not in Ding).
DOMES = """\
Glaskuppel {f} | Glaskuppeln {pl} :: glass dome | glass domes
Kuppel {f} [arch.] [constr.] [techn.] | Kuppeln {pl} | geodätische Kuppel [arch.] | Pendentifkuppel {f} [arch.] :: cupola; dome | cupolas; domes | geodesic dome | pendentive dome
Kuppel {f}; Kuppeldach {n}; Helmdach {n} [arch.] | Kuppeln {pl}; Kuppeldächer {pl}; Helmdächer {pl} :: cupola; cupola roof; dome-shaped roof | cupolas; cupola roofs; dome-shaped roofs
(durchsichtige) Kuppel {f}; Haube {f} | Kuppeln {pl}; Hauben {pl} :: bubble (transparent domed cover) | bubbles
Radarkuppel {f}; Radom {n}; wetterfeste Verkleidung einer Antennenanlage :: radiation dome; radome
Reaktorkuppel {m} [techn.] | Reaktorkuppeln {pl} :: reactor dome; reactor sphere | reactor domes; reactor spheres
Zelt {n} | Zelte {pl} | kleines Schutzzelt | Wurfzelt {n} | Wüstenzelt {n} | ein Zelt aufschlagen | mit Zelten belegt :: tent | tents | pup tent | pop-up tent | desert tent | to pitch a tent | tented
Zirkuskuppel {f} | Zirkuskuppeln {pl} :: circus dome | circus domes
"""


def test_a_split_nouns_last_part_means_what_it_means_at_the_end_of_dings_compounds(client, load_ding):
    # Glass, reactor and circus "…kuppel"s are domes: the tent's is one too, not the part's
    # first-ranked sense, "bubble (transparent domed cover)".
    text = "Der Sturm riss ein Loch in die Zeltkuppel, die Vorstellung des Zirkus fiel aus."
    page = popover_page(client, load_ding(DOMES), text, "Zeltkuppel")
    assert 'class="word-split"' in page
    assert re.search(r'<input name="gloss" value="([^"]*)"', page).group(1) == "tent dome"


@pytest.mark.parametrize("english_sides, sense", [
    (["glass dome", "reactor dome; reactor sphere", "circus dome", "bubble (transparent domed cover)"], "dome"),
    # Too few compounds to say: two of Ding's "…kuppel"s.
    (["glass dome", "circus dome"], ""),
    # No clear lead: Ding's "…bank"s are benches as well as banks.
    (["park bench", "garden bench", "savings bank", "central bank", "joint stock bank [Br.]; incorporated bank"], ""),
])
def test_a_last_parts_sense_needs_three_compounds_clearly_agreeing(english_sides, sense):
    assert senses.head_sense(english_sides, ["bubble", "dome", "cupola", "bank", "bench"]) == sense


# Ding's three "Laufsteg" lines; the crane's is narrowed by a German comment its English repeats.
RUNWAYS = """\
Laufsteg {m} (Modenschau) | Laufstege {pl} :: fashion runway; catwalk | fashion runways; catwalks
Laufsteg {m}; Steg {m} | Laufstege {pl}; Stege {pl} :: (wooden) footbridge | (wooden) footbridges
Laufsteg {m} (am Kran) :: platform (on a crane)
Konsistenz {f}; Materialbeschaffenheit {f} | die Konsistenz der Papiermasse :: consistence; consistency | the consistence of the pulp
Konsistenz {f} (eines Systems) [comp.] :: consistency (of a system)
"""


@pytest.mark.parametrize("sentence, word, meaning", [
    # "(am Kran)": "platform (on a crane)" is the word only on a crane, a corner like a field label.
    ("Auf dem Laufsteg zeigten die Models die neue Herbstmode.", "Laufsteg", "fashion runway"),
    # "(of a system)" says what the consistency is of, not where the word is used.
    ("Die Konsistenz der Daten wird jede Nacht geprüft.", "Konsistenz", "consistency (of a system)"),
])
def test_a_comment_narrowing_a_sense_to_a_place_counts_like_a_label(load_ding, sentence, word, meaning):
    assert first_meaning(load_ding(RUNWAYS), sentence, word) == meaning
