"""Which meaning comes first for a word in its real sentence, and which verb a particle belongs to.

The Ding lines are shortened copies of the real ones behind each case the issue reported.
"""
import pytest
from words_lookup import look, write_wordnet

from annotations.words import context, senses, translated

DING = """\
Hauptstadt {f}; Kapitale {f} [veraltet] [pol.] | Hauptstädte {pl} :: capital; capital city | capitals; capital cities
Hauptstadt {f} :: metropolis
Artikel {m} (Ware); Gegenstand {m} | Artikel {pl}; Gegenstände {pl} :: article | articles
Artikel {m} | Artikel {pl} | Reiseartikel {pl} :: requisite | requisites | travel requisites
Gewissheit {f}; Sicherheit {f} :: certitude
Sicherheit {f} (Fehlen von Gefahren) | Sicherheiten {pl} | innere Sicherheit :: security | securities | internal security
Botschaft {f}; Nachricht {f} | Botschaften {pl} | eine Botschaft senden :: message | messages | to send a message
Botschaft {f} [pol.] | Botschaften {pl} :: embassy | embassies
Mittel {n} | Mittel {pl} | mit allen Mitteln :: means | means | by all means
mitteln {vt} | mittelnd | gemittelt :: to levelize sth. | levelizing | levelized
schicken; senden {vt} | schickend; sendend | geschickt; gesendet | schickt | schickte :: to send | sending | sent | sends | sent
geschickt {adj} :: agile
herkömmlich {adv} :: conventionally
herkömmlich {adj} :: conventional
ausbauen {vt} | ausbauend | ausgebaut :: to expand; to extend | expanding | expanded
ausgebaut {adj} :: ripe
Soldat {m}; Kriegsknecht {m} [obs.] [mil.] | Soldaten {pl}; Kriegsknechte {pl} :: soldier | soldiers
sich an etw. beteiligen {vr} :: to take part in sth.; to participate in sth.
anwerfen {vt} :: to start up
Anden {pl} :: Andes
werfen {vt} :: to throw
Hundekommando {n} | Hundekommandos {pl} | Platz! | Voraus! :: dog command | dog commands | Down! | Go out!
im Voraus; im voraus [alt]; im Vorhinein :: in advance
voraus; vorwärts; voran {adv} :: ahead
ausgebucht; ausverkauft {adj} | ausgebucht sein; ausverkauft sein | Im Dezember sind wir völlig ausgebucht. :: booked up; sold out; full up | to be booked up; to be sold out | We are full up for December.
etw. vollständig abschreiben; ausbuchen; abbuchen {vt} [fin.] | vollständig abschreibend; ausbuchend; abbuchend | vollständig abgeschrieben; ausgebucht; abgebucht :: to write off sth. | writing off | written off
rund; rundlich {adj} :: round
rund; ringsherum; um…herum :: round
rund /rd./; ungefähr {adv} (bei Zahlenangaben) :: around; about (used with numerical figures)
fallen {vi} | fallend | gefallen | du fällst | er/sie fällt | ich/er/sie fiel :: to fall {fell; fallen} | falling | fallen | you fall | he/she falls | I/he/she fell
fallen; sinken {vi} | fallend; sinkend | gefallen; gesunken | fällt; sinkt | fiel; sank :: to drop | dropping | dropped | drops | dropped
knacken; krachen; knallen; brechen {vi} | knackend; krachend; knallend; brechend | geknackt; gekracht; geknallt; gebrochen | knackt; kracht; knallt; bricht | knackte; krachte; knallte; brach :: to crack | cracking | cracked | cracks | cracked
schlafen; pennen [Norddt.] [ugs.]; pofen [Norddt.] [ugs.]; knacken [Westdt.] [ugs.] {vi} | schlafend; pennend; pofend; knackend | geschlafen; gepennt; gepoft; geknackt | er/sie hat/hatte geschlafen | Schlaf gut! | Hast du gut geschlafen? | Versuche zu schlafen! | Komm lass uns schlafen. | zu dritt in einem Raum schlafen | unter freiem Himmel schlafen :: to sleep {slept; slept}; to kip [Br.] [coll.] | sleeping; kipping | slept; kipped | he/she has/had slept | Sleep tight! | Did you sleep well? | Try to sleep! | Let us get some sleep. | to sleep 3 to a room | to sleep in the open
Rasenmäher {m} :: lawnmower
lassen {vt} :: to let
loslassen {vt} :: to let go
Los {n} | Lose {pl} :: lot | lots
Loser {m} :: loser
sondern {conj} :: but
absondern {vt} :: to secrete
abbauen {vt} :: to dismantle
bauen {vt} :: to build
Zelt {n} | Zelte {pl} :: tent | tents
geben {vt} :: to give
zurückgeben {vt} :: to give back
Zurück {n} :: going back
Milliarde {f} | Milliarden {pl} :: billion; milliard [Br.] [dated] | billions
drei {num} :: three
…tägig :: for…days
Höhe {f} | Höhen {pl} :: height; amount | heights
Luft {f} :: air
heiße Luft {f} [übtr.] :: hot air [fig.]
sich von jdm. trennen {vr} | sich trennend | sich getrennt :: to split up with sb. | splitting up | split up
etw. von etw. trennen {vt} | trennend | getrennt :: to separate sth. from sth. | separating | separated
bannen {vt} | bannend | gebannt :: to avert (a danger) | averting | averted
gebannt {adj} :: transfixed; mesmerized (by/with sth.) (of a person)
gebannt; wie gebannt {adj} :: spellbound
Gefahr {f} | Gefahren {pl} :: danger | dangers
unwahrscheinlich {adv} :: incredibly; improbably; terribly
unwahrscheinlich {adj} | unwahrscheinlicher | am unwahrscheinlichsten :: improbable; unlikely; not likely | more improbable | most improbable
sich von jdm. abwenden {vr} [soc.] | sich abwendend | sich abgewandt :: to desert sb. | deserting sb. | deserted sb.
etw. abwenden {vt} | abwendend | abgewendet :: to avert sth.; to stave off <> sth. (negative) | averting | averted
Amt {n} | Ämter {pl} :: office | offices
Schaden {m} | Schäden {pl} :: damage | damages
Tor {n} | Tore {pl} :: goal; gate | goals; gates
Brandenburger Tor {n} :: Brandenburg Gate (sight in Berlin)
Kreuz {n} | Kreuze {pl} :: cross | crosses
das Rote Kreuz :: Red Cross
Gemeinde {f} | Gemeinden {pl} :: municipality; community | municipalities; communities
die Gemeinde :: the congregation
etw. öffnen; etw. aufmachen {vt} | öffnend; aufmachend | geöffnet; aufgemacht | er/sie öffnet | ich/er/sie öffnete | er/sie hat/hatte geöffnet | die Fenster weit aufmachen | die Vorhänge aufmachen | seine Post öffnen | eine Straße für den Verkehr öffnen | Der Fahrer musste den Kofferraum öffnen. | Jetzt machen wir den Mund ganz weit auf. | Komm, mach deine Geschenke auf! | Würden Sie bitte das Fenster öffnen? | Geöffnet von 9 bis 17 Uhr. | Die Tür ließ sich nicht öffnen. | Der Schalter öffnet um 8 Uhr. | Er öffnete die Flasche mit den Zähnen. | Wann öffnet die Bank? | Sie öffnete ihm die Augen. :: to open sth. | opening | opened | opens | opened | he/she has/had opened | to open the windows wide | to open the curtains | to open one's mail | to open a road to traffic | The driver had to open the boot. | Now open your mouth really wide. | Come on, open your presents! | Would you open the window, please? | Open from 9 a.m. to 5 p.m. | The door would not open. | The counter opens at 8 o'clock. | He opened the bottle with his teeth. | When does the bank open? | She opened his eyes.
sich öffnen; aufgehen [ugs.] {vr} (Sache) | sich öffnend; aufgehend | sich geöffnet; aufgegangen :: to open (of a thing) | opening | opened
geöffnet haben; offen haben; geöffnet sein; auf sein [ugs.] {v} (Geschäft, öffentliche Einrichtung) :: to stay open; to be open (of a shop or public institution)
geöffnet; offen {adj} | Das Museum ist montags nicht geöffnet. :: opened; open; unclosed | The museum is not open on Monday.
steigen {vi} | steigend | gestiegen | Die Preise steigen. :: to rise | rising | risen | Prices are rising.
Preis {m} | Preise {pl} :: price | prices
Beistand {m} :: assistance; support
Klausel {f} | Klauseln {pl} :: clause | clauses
Landtag {m} :: state parliament
Wahlkampf {m} :: election campaign
Anschluss {m} | Anschlüsse {pl} :: connection | connections
geplant {adj} :: planned
haben {vt} | habend | gehabt :: to have | having | had
signalisieren; anzeigen; ankündigen {vt} | signalisierend; anzeigend; ankündigend | signalisiert; angezeigt; angekündigt | signalisiert; zeigt an; kündigt an | signalisierte; zeigte an; kündigte an | China hat in Aussicht gestellt / seine Bereitschaft bekundet, die Gespräche wieder aufzunehmen. [pol.] :: to signal | signaling; signalling | signaled; signalled | signals | signaled; signalled | China has signalled (its) readiness to resume talks.
etw. ankündigen {vt} | ankündigend | angekündigt | kündigt an | kündigte an :: to advertise sth. | advertising | advertised | advertises | advertised
etw. ankündigen; bekanntgeben; bekanntmachen; verkünden; vermelden [geh.] {vt} | ankündigend; bekanntgebend; bekanntmachend; verkündend; vermeldend | angekündigt; bekanntgegeben; bekanntgemacht; verkündet; vermeldet | kündigt an; gibt bekannt; macht bekannt; verkündet; vermeldet | kündigte an; gab bekannt; machte bekannt; verkündete; vermeldete | noch offen; wird noch bekanntgegeben [adm.] | Ort und Zeit wird noch bekanntgegeben. :: to announce sth. | announcing | announced | announces | announced | to be announced /TBA/ | Venue and date to be announced.
sich (zu Besuch) ansagen; sich ankündigen {vr} (sein Kommen bekanntgeben) | Er kündigt sich immer vorher an. :: to announce that one is coming (to visit sb.) | He always lets us know in advance.
ankündigen; vorausahnen lassen {vt} | ankündigend; vorausahnen lassend | angekündigt; vorausahnen lassen :: to adumbrate | adumbrating | adumbrated
an jdm./etw. etwas auszusetzen haben; an etw. herumnörgeln; an etw. herummäkeln; beckmessern {v} <aussetzen> | etwas auszusetzen habend; herumnörgelnd; herummäkelnd; beckmessernd | etwas auszusetzen gehabt; herumgenörgelt; herumgemäkelt; gebeckmessert | Was hast du daran auszusetzen? | An ihm ist nichts auszusetzen. | Immer hast du etwas auszusetzen! | Sie hat immer etw. auszusetzen. :: to find fault with sth.; to carp at/about sth. | finding fault; carping | found fault; carped | What don't you like about it? | He's alright. | You're always finding fault! | She's always carping.
etw. aussetzen {vt} | aussetzend | ausgesetzt | setzt aus :: to suspend sth. | suspending | suspended | suspends
scharf {adj} (mit Sprengkraft) [mil.] | scharfe Munition | scharfe Bombe | Die Waffe ist scharf. | Das Gewehr ist scharf geladen. | Die Soldaten schossen scharf. :: live | live ammunition | live bomb | The weapon is live. | The rifle is loaded with live ammunition. | The soldiers fired live rounds.
hart; scharf; schneidend; durchdringend; grell {adv} (Sache) | scharf getrennt | grell erleuchtet | in scharfem Gegensatz zu etw. :: harshly; fiercely (in an unpleasant manner) (of a thing) | harshly segregated | harshly lit | in stark contrast to sth.
scharf; spitz {adj} | schärfer | am schärfsten :: sharp | sharper | sharpest
jdn. mit etw. bewaffnen; mit Waffen ausrüsten; aufrüsten {vt} [mil.] | bewaffnend; mit Waffen ausrüstend; aufrüstend | bewaffnet; mit Waffen ausgerüstet; aufgerüstet | bewaffnet; rüstet mit Waffen aus; rüstet auf | bewaffnete; rüstete mit Waffen aus; rüstete auf | bis auf die Zähne bewaffnet sein :: to arm sb. with sth. | arming | armed | arms | armed | to be armed to the teeth
bewaffnet {adj} :: weaponed
Anzeichen {n}; Zeichen {n}; Indiz {n} (für etw.); Hinweis {m} (auf etw.) | Anzeichen {pl}; Zeichen {pl}; Indizien {pl}; Hinweise {pl} | starke Hinweise auf etw. | beim ersten Anzeichen von Gefahr | die Anzeichen mehren/verdichten sich, dass … | Das Foyer gibt einen Vorgeschmack auf das, was einen anschließend erwartet. :: sign; indication; hint (of sth.) | signs; indications; hints | strong indications of sth. | at the first hint of danger | There are more and more indications that | The entry foyer gives you a hint of things to come.
Hinweis {m} (auf jdn./etw.); Ansatzpunkt {m}; Spur {f} (zu jdm./etw.) | Ermittlungsansätze {pl} | eine Spur verfolgen | Es gibt immer noch keine Hinweise auf den Verbleib des entführten Reporters. | Die Ermittler verfolgen in dem Mordfall mehrere Spuren. | Die wenigen Spuren, die die Polizei verfolgte, sind im Sand verlaufen. :: lead (on sb./sth.) | investigative leads | to chase up a lead [Br.]; to chase down a lead [Am.] | There are still no leads on the whereabouts of the kidnapped reporter. | Investigators are working on several leads in the murder case. | The few leads pursued by police have evaporated.
Erhöhung {f}; Erhöhen {n} :: raising
heben; aufheben; abheben; anheben; erhöhen {vt} | hebend; aufhebend; abhebend; anhebend; erhöhend | gehoben; aufgehoben; abgehoben; angehoben; erhöht | er/sie hebt | ich/er/sie hob | er/sie hat/hatte gehoben | ich/er/sie höbe | den Arm/die Hand heben :: to raise | raising | raised | he/she raises | I/he/she raised | he/she has/had raised | I/he/she would raise | to raise one’s arm/hand
etw. (industriell) herstellen; fertigen; fabrizieren [Schw.] [veraltend] {vt} |  herstellend; fertigend; fabrizierend | hergestellt; gefertigt; fabriziert | in Deutschland hergestellt/gefertigt | etw. (aus vorgefertigten Teilen / Materialien) fertigen; herstellen {vt} :: to manufacture sth. | manufacturing | manufactured | made in Germany | to fabricate sth.
etw. (an einen Ort) legen; stellen; setzen; tun [ugs.] {vt} | legend; stellen; setzend; tuend | gelegt; gestellt; gesetzt; getan | er/sie legt; er/sie stellt; er/sie setzt | ich/er/sie legte; ich/er/sie stellte; ich/er/sie setzte | er/sie hat/hatte gelegt; er/sie hat/hatte gestellt; er/sie hat/hatte gesetzt | etw. auf etw. legen; stellen; setzen | Er setzte das Glas an die Lippen. | Sie stellte die Pfanne auf den Herd. | Ich weiß genau, dass ich meine Tasche hierher gestellt habe. | Leg deine Bücher da auf den Tisch. | Er lehnte die Leiter gegen die Wand. | Stell die Pflanzen naher ans Fenster, sie brauchen mehr Licht! | Sie stellte das Tablett auf den Tisch. :: to put sth. {put; put}; to set sth. [formal] (in a place) | putting; setting | put; set | he/she puts; he/she sets | I/he/she put; I/he/she set | he/she has/had put; he/she has/had set | to put sth. (down) on sth.; to set sth. (down) on sth. | He set the glass to his lips. | She set the pan on the stove. | I remember setting my bag right here. | Set your books down on the table. | He set the ladder against the wall. | Put the plants closer to the window, they need more light! | She put/set the tray down on the table.
rechnen; zählen; gelten {vi} (als) | rechnend; zählend; geltend | gerechnet; gezählt; gegolten | von heute an gerechnet | zu Gunsten von … zählen :: to count (as) | counting | counted | counting from today | to count on favour [Br.] of …; to count in favor [Am.] of …
mit etw. rechnen {vt} | rechnend mit | gerechnet mit | Er ist jemand, mit dem man rechnen muss. | Ich rechne mit Regen.; Ich schätze, dass es regnen wird. :: to reckon with sth. | reckoning with | reckoned with | He is a man to be reckoned with. | I reckon it will rain.
hoch; hoher; hohe; hohes {adj} | höher | am höchsten | allerhöchst | eine hohe Stirn :: high | higher | highest | highest of all | a high forehead
höher; hochrangig {adj}; auf höherer Ebene :: high-level
forsch {adj} | forscher | am forschesten :: brisk | brisker | briskest
Forscher {m}; Forscherin {f} | Forscher {pl}; Forscherinnen {pl} :: researcher | researchers
klappen [ugs.]; funktionieren; gelingen; glücken {vi} | klappend; funktionierend; gelingens; klappend | geklappt; funktioniert; gelingt; klappt :: to work; to work out; to go smoothly; to go right | working; working out; going smoothly; going right | worked; worked out; gone smoothly; gone right
nach etw. greifen; langen {vt} | greifend; langend | gegriffen; gelangt | greift; langt | griff; langte :: to reach for sth. | reaching | reached | reaches | reached
Unternehmen {n}; Firma {f} | Unternehmen {pl}; Firmen {pl} :: company; firm | companies; firms
Krankenversicherung {f}; Krankenkasse {f}; Krankenkassa {f} [Ös.] | Krankenversicherungen {pl}; Krankenkassen {pl}; Krankenkassa {pl} | gesetzliche Krankenversicherung /GKV/ | private Krankenversicherung | soziale Krankenversicherung :: health insurance; health insurance scheme; medical insurance | health insurances; health insurance schemes; medical insurances | statutory health insurance /SHI/ | private health insurance | national health insurance; state health insurance
Krankenversicherungsanstalt {f}; Krankenkasse {f} | Krankenkassen {pl} | die Krankenkasse wechseln :: health insurance company; health insurance agency [Am.]; health insurance institute | health insurance funds; sickness funds | to join a different sickness fund; to change between sickness funds
etw. lähmen; vereiteln; unterbinden; lahmlegen {vt} | lähmend; vereitelnd; unterbindend; lahmlegend | gelähmt; vereitelt; unterbunden; lahmgelegt | lahm liegen; lahmgelegt sein :: to hamstring {hamstrung; hamstrung} sth. | hamstringing | hamstrung | to be hamstrung
jdn./etw. lähmen; lahmlegen {vt} [übtr.] | lähmend; lahmlegend | gelähmt; lahmgelegt | die Wirtschaft lahmlegen | das Immunsystem des Körpers lahmlegen | jdn. seiner Fähigkeit berauben, etw. zu tun :: to cripple sb./sth. [fig.] | crippling | crippled | to cripple the economy | to cripple the body’s immune system | to cripple the ability of sb. to do sth.
künftig; angehend {adj} (Beruf) | ein angehender Rechtsanwalt | die Arbeitslosen und die, die es bald sein werden | die drei künftigen Mitgliedsstaaten | die bald 152 Mitglieder der Welthandelsorganisation | im demnächst erweiterten Freizeitpark | Presseberichten zufolge erhält er bereits Todesdrohungen von seinen künftigen Mithäftlingen. :: soon-to-be | a soon-to-be lawyer | the unemployed and the soon-to-be unemployed | the three soon-to-be member states | the soon-to-be 152 member of the World Trade Organisation | in the soon-to-be enlarged leisure park | According to press reports he is already receiving death threats from his soon-to-be fellow prisoners.
zukünftig; künftig; kommend {adj} | in einer zukünftigen Welt :: future; to come (postpositive) | in a world to come
künftig; fernerhin {adv}; in Zukunft :: for the future; in the future
wegfallen; abgeschafft werden {vi} | wegfallend; abgeschafft werdend | weggefallen; abgeschafft worden | Die Zulagen fallen weg. :: to cease (to exist); to be omitted; to be abolished | ceasing; being omitted; being abolished | ceased; been omitted; been abolished | The allowances are no longer granted.
wegfallen; entfallen [Ös.] {vi} [jur.] | Absatz 2 ist durch das neue Gesetz weggefallen. :: to be lost; to have been repealed | Subsection 2 has been repealed by the new Act.
Fabrik {f}; Werk {n}; Werksanlage {f} | Fabriken {pl}; Werke {pl}; Werksanlagen {pl} :: plant | plants
Werk {n} (Produktionsstätte) | ab Werk; ab Fabrik | das Volkswagen-Werk | Er hat in einem Zementwerk Arbeit gefunden. :: plant; works [Br.] | ex works; ex factory | the Volkswagen plant | He got a job at a cement works.
Werk {n} [art]; Opus {n} [mus.] | Filmwerk {n} | Meisterwerk {n}; größtes Werk (eines Künstlers) | Das Sammlerehepaar hat wunderschöne Werke in seiner Stadtwohnnung zusammengetragen. :: work; opus; piece | film opus; film piece | (an artist’s) magnum opus | The collector couple has beautiful pieces in their city flat.
Verbuchen {n}; Verbuchung {f}; Buchen {n}; Buchung {f}; Vornehmen {n} einer Buchung [adm.] [econ.] | Fehlbuchung {f} | Nachbuchen {n}; Vornehmen einer Nachbuchung :: booking; entering; making an entry in the books; posting [Am.] | wrong booking; incorrect posting | retrospective entering
buchen {vt} [fin.] | buchend | gebucht :: to post | posting | posted
jdn. engagieren; buchen {vt} (für eine Veranstaltung) | engagierend; buchend | engagiert; gebucht :: to engage sb.; to book sb. (for an event) | engaging; booking | engaged; booked
etw. reservieren; buchen; vorbestellen; bestellen [ugs.] {vt} | reservierend; buchend; vorbestellend; bestellend | reserviert; gebucht; vorbestellt; bestellt | reserviert; bucht; bestellt vor; bestellt | reservierte; buchte; bestellte vor; bestellte | einen Tisch beim Italiener reservieren | Ich möchte zwei Plätze reservieren. :: to reserve sth.; to book sth. | reserving; booking | reserved; booked | books | booked | to reserve / book a table at the Italian place | I’d like to book/reserve two seats.
erleichtern; unterstützen {vt} | erleichternd; unterstützend | erleichtert; unterstützt :: to facilitate | facilitating | facilitated
erleichtert sein {v} :: to feel relieved
erheblich {adv} :: remarkably; significantly; notably [formal]
erheblich {adj} :: considerable; handsome
heimlich; geheim {adj} :: crypto
heimlich {adj} | ein heimlicher Trinker sein :: secret | to be a secret drinker
sich ärgern; sich aufregen {vr} (über jdn./etw.) | sich furchtbar aufregen | Ärgere dich nicht darüber!; Reg dich nicht darüber auf! | Er ärgerte sich grün und blau über … | Ich habe mich ziemlich geärgert, als sie so spät kamen. :: to be / become / get annoyed; to be / become / get vexed; to be / get narked [Br.]; to become riled [Am.] [coll.]; to get riled up [Am.] [coll.] (about/at/by/with sb./sth.) | to get all riled up | Don’t get annoyed at this! | He was extremely annoyed with himself about … | I was really annoyed / irritated / ticked off when they were so late.
jdn. ärgern; jdn. aufregen; jdn. nerven {vt}; jdm. auf die Nerven gehen; an jds. Nerven kratzen; jds. Nerven strapazieren; nervtötend sein; jdm. auf den Senkel/Geist gehen [ugs.]; jdn. wurmen; jdn. fuchsen [ugs.] {v} (Sache) | ärgernd; aufregend; nervend; auf die Nerven gehend; an jds. Nerven kratzend; jds. Nerven strapazierend; nervtötend seendin; auf den Senkel/Geist gehend; wurmend; fuchsend | geärgert; aufgeregt; genervt; auf die Nerven gegangen; an jds. Nerven gekratzt; jds. Nerven strapaziert; nervtötend gewesen; auf den Senkel/Geist gegangen; gewurmt; gefuchst | Es tut weh, dass … | Es wurmt mich, dass … | Es wurmte mich, dass … | Seine Einstellung nervt mich gewaltig. | Es regt mich tierisch auf, wenn sie ihre Versprechen nicht hält. | jdm. in den Ohren wehtun (Klang) | Das einzige, was ich noch nervtötender finde, ist … | Sein ständiges Nörgeln begann ihr auf die Nerven zu gehen. | Es nervt mich, wenn angedeutet wird, dass ich deswegen gewonnen habe, weil ich keinen ernstzunehmenden Gegner hatte. | Das nervt! :: to annoy sb.; to irritate sb.; to irk sb.; to vex sb.; to bother sb.; to gall sb.; to nettle sb.; to peeve sb.; to rankle; to rankle with sb.; (often wrongly: to rankle sb.); to rile sb.; to rile up <> sb.; to get sb. riled up; to jar on sb.; to jar on sb.’s nerves; to grate on sb.; to grate on sb.’s nerves; to get on sb.’s nerves; to get sb.’s goat [coll.]; to aggravate sb. [coll.]; to miff sb. [coll.]; to nark sb. [Br.] [slang]; to bug sb. [Am.] [coll.]; to tick off <> sb. [Am.] [coll.] (of a thing) | annoying; irritating; irking; vexing; bothering; galling; nettling; peeving; rankling; rankling with; riling; riling up; getting riled up; jarring; jarring on (sb.’s nerves); grating on (sb.’s nerves); getting on sb.’s nerves; getting sb.’s goat; aggravating; miffing; narking; bugging; ticking off | annoyed; irritated; irked; vexed; bothered; galled; nettled; peeved; rankled; rankled with; riled; riled up; got/gotten riled up; jarred on (sb.’s nerves); grated on (sb.’s nerves); got/gotten on sb.’s nerves; got/gotten sb.’s goat; aggravated; miffed; narked; bugged; ticked off | It rankles that … | It galls me that …; It rankles with me that …; It rankles that … | It peeved me that … | His attitude annoys / irritates the hell out of me. | It really annoys me / irritates me / ticks me off when she doesn’t keep her promises. | to jar / grate on your ears (of a sound) | The only thing that sets my teeth on edge more is … | His constant grousing was beginning to jar on her (nerves). | It grates with me when people imply I won by default. [Br.] | That’s a real pain!
jdn. ärgern; jdn. aufregen; jdn. nerven {vt}; jdm. auf die Nerven gehen; an jds. Nerven kratzen; jdm. auf den Senkel/Geist gehen [ugs.] {v} (Person) | ärgernd; aufregend; nervend; auf die Nerven gehend; an jds. Nerven kratzend; auf den Senkel/Geist gehend | geärgert; aufgeregt; genervt; auf die Nerven gegangen; an jds. Nerven gekratzt; auf den Senkel/Geist gegangen | Männer wie er gehen mir auf den Senkel. | Ich habe mich ziemlich geärgert, als sie so spät kamen. | Manchmals geht sie mir furchtbar auf den Geist. | Es ärgert mich, wenn die Leute Abfälle auf den Boden werfen. | Es ärgert mich immer noch, dass ich mich vorhin habe überrumpeln lassen. | Reg dich nicht auf! :: to annoy sb.; to irritate sb.; to vex sb.; to get on sb.’s nerves; to get sb.’s goat [coll.]; to nark sb. [Br.] [slang]; to tick off <> sb. [Am.] [coll.] (of a person) | annoying; irritating; vexing; getting on sb.’s nerves; getting sb.’s goat; narking; ticking off | annoyed; irritated; vexed; got/gotten on sb.’s nerves; got/gotten on sb.’s goat; narked; ticked off | Men like him get my goat / nark me. | I was really annoyed/irritated/ticked off when they were so late. | She really irritates me / ticks me off / gets on my nerves sometimes. | It irks/bothers me when people throw refuse on the ground. | It still miffes me that I allowed myself to be suckered earlier. | Don’t get aggravated! [coll.]
Abiturient {m} [Dt.] | Abiturienten {pl} :: secondary school leaver | secondary school leavers
Chirurg {m} | Chirurgen {pl} :: surgeon | surgeons
Koch {m} | Köche {pl} :: cook | cooks
Kunde {m} | Kunden {pl} :: customer | customers
Puter {m} | Puter {pl} :: turkey | turkeys
Pute {f} | Puten {pl} :: turkey hen | turkey hens
Kampf {m} | Kämpfe {pl} :: fight (for sth.) [fig.] | fights
Kampf {m} [mil.] [übtr.] | Kämpfe {pl} :: fight; fighting (against sb./sth. / over/for sth.) | fights
Kampf {m} (Zweikampf) [sport] | Kämpfe {pl} :: bout | bouts
Jet {m} [ugs.] [aviat.] | Jets {pl} :: jet aircraft; jet plane; jet [coll.] | jet aircrafts; jet planes; jets
Missbrauch {m} | Missbräuche {pl} :: abuse (of sb./sth.) | abuses
Nähen {n} :: sewing
Café {n} | Cafés {pl} :: coffee house; coffee shop; café <coffee-house> <coffeehouse> | coffee houses; coffee shops; cafés
Fall {m} | Fälle {pl} :: case | cases
Elefant {m} [zool.] | Elefanten {pl} :: elephant | elephants
Baby {n} | Babys {pl} :: baby | babies
aus einer Institution austreten; ausscheiden {vi} [adm.] | austretend; ausscheidend | ausgetreten; ausgeschieden | aus einer Partei austreten :: to withdraw (from an institution); to resign (from an institution); to leave (an institution); to quit (an institution) | withdrawing; resigning; leaving; quitting | withdrawn; resigned; left; quit | to leave a party; to resign/withdraw from a party
austreten; aussteigen; nicht beitreten {vi} | austretend; aussteigend; nicht beitretend | ausgetreten; ausgestiegen; nicht beitreten | eine Vereinbarung vertraglich abbedingen :: to contract out | contracting out | contracted out | to contract out an agreement
austreten {vt} (Schuhe; Pfade) :: to wear out
treten {vi} :: to step
Steuererklärung {f}; Abgabenerklärung {f} [fin.] | Steuererklärungen {pl}; Abgabenerklärungen {pl} | gemeinsame Steuerklärung (von Ehegatten) :: tax return; return; tax declaration | tax returns; returns; tax declarations | joint tax return
Parken {n}; Parkmöglichkeit {f}; Parkplätze {pl} [auto] | kostenpflichtiges Parken :: parking | pay-parking
Parklücke {f}; Parkbox {f}; (einzelner) Parkplatz {m}; Abstellplatz {m} [auto] | Parklücken {pl}; Parkboxen {pl}; Parkplätze {pl}; Abstellplätze {pl} | in einer Parklücke :: place to park; parking space; parking spot [coll.] | places to park; parking spaces; parking spots | in a parking space
tief {adj} | tiefer | am tiefsten | tief durchatmen :: deep | deeper | deepest | to take a deep breath
niedrig; flach; gering; tief {adj} | niedriger; flacher; geringer; tiefer | am niedrigsten; am flachsten; am geringsten; am tiefsten :: low | lower | lowest; lowermost
Netzbetreiber {m} | Netzbetreiber {pl} :: network carrier; common carrier; network operator | network carriers; common carriers; network operators
Briefumschlag {m}; Umschlag {m}; Briefkuvert {n}; Kuvert {n} | Briefumschläge {pl}; Umschläge {pl}; Briefkuverts {pl}; Kuverts {pl} :: envelope | envelopes
Güterumschlag {m}; Umschlag {m} [econ.] | Güterumschlag im Hafen [naut.] :: cargo handling; freight handling | turnaround
Grundsteuer {f} [fin.] :: tax on land and buildings; tax on landed property; land tax; local rates [Br.]; real property tax [Am.]
erliegen {vi}; unterliegen {vi} | erliegend; unterliegend | erlegen; unterlegen | erliegt | erlag | der Versuchung erliegen :: to succumb | succumbing | succumbed | succumbs | succumbed | to succumb to temptation
Stillstand {m} [übtr.] | etw. zum Stillstand / Erliegen bringen | zum Erliegen kommen :: standstill [fig.] | to bring sth. to a standstill | to come to a standstill
kommen {vi} | kommend | gekommen | er/sie/es kommt :: to come {came; come} | coming | come | he/she/it comes
Berufung einlegen; Revision einlegen; Widerspruch einlegen {vt} (gegen) | Berufung einlegend; Revision einlegend; Widerspruch einlegend | Berufung eingelegt; Revision eingelegt; Widerspruch eingelegt :: to appeal (against) | appealing | appealed
etw. einlegen {vt} | einlegend | eingelegt | legt ein | legte ein | eine CD einlegen :: to insert sth. | inserting | inserted | inserts | inserted | to insert a CD
Beschwerde {f}; Berufung {f} (gegen etw.) (Rechtsmittel) [jur.] | Beschwerden {pl}; Berufungen {pl} :: appeal (against sth.) | appeals
Wert {m} | Werte {pl} :: value | values
an Wert verlieren; an Kaufkraft verlieren {v} | an Wert verlierend | an Wert verloren :: to depreciate | depreciating | depreciated
jdn./etw. verlieren {vt} | verlierend | verloren | er/sie verliert :: to lose sb./sth. {lost; lost} | losing | lost | he/she loses
jdn. überraschen {vt} | überraschend | überrascht | er/sie überrascht :: to surprise sb.; to take sb. by surprise | surprising | surprised | he/she surprises
überraschend; unverhofft {adj} | ein überraschender Besuch :: surprising; unexpected | an unexpected visit
überraschend; unverhofft {adv} :: surprisingly; unexpectedly
zunehmen; steigen; ansteigen {vi} (auf; um) | zunehmend; steigend; ansteigend | zugenommen; gestiegen; angestiegen :: to increase (to; by) | increasing | increased
zunehmend; steigend; wachsend {adj} | steigende Risiken :: increasing | increasing risks
zunehmend; verstärkt; in zunehmendem Maße {adv} :: increasingly; to an increasing degree
Bewohner {m} (eines bestimmten Lebensraums) (meist in Zusammensetzungen) (Raumplanung, Umweltkunde; Zoologie) [envir.] [soc.] [zool.] | Bewohner {pl} | Bewohner der Finsternis | Bewohner von Innenstadtwohnungen | Bergbewohner {pl}; Gebirgsbewohner {pl}; Gebirgler {pl} [ugs.] | Erdbewohner {pl}; Erdenbürger {pl}; Erdlinge {pl} [lit.] | Höhlenbewohner {pl} | Klippenbewohner {pl} | Landbewohner {pl} | Meeresbewohner {pl} | Stadtbewohner {pl}; Städter {pl}; Großstädter {pl} | Slumbewohner {pl} | Waldbewohner wie Wildschweine und Wölfe | Fische und andere Wasserbewohner | Wüstenbewohner {pl} :: dweller (of a particular living environment) (typically in compounds) (spatial planning, ecology; zoology) | dwellers | dwellers of darkness | inner-city flat dwellers [Br.]; inner-city apartment dwellers [Am.] | mountain dwellers; mountaineers [rare] | Earth dwellers; eathlings | cave dwellers | cliff dwellers | land dwellers | sea dwellers | urban dwellers; urbanites; city dwellers; town dwellers | slum dwellers | forest dwellers like boars or wolves | fish and other aquatic dwellers | desert dwellers
Einwohner {m}; Einwohnerin {f}; Bewohner {m}; Bewohnerin {f} [geogr.] | Einwohner {pl}; Einwohnerinnen {pl}; Bewohner {pl}; Bewohnerinnen {pl} | Steppenbewohner {m} | 4% der Einwohner kommen aus der Türkei. :: inhabitant; habitant | inhabitants; habitants | inhabitant of the steppe | 4% of the inhabitants come from Turkey.
etw. (in bestimmter Weise) halten {vt} (in Zusammensetzungen) | haltend | gehalten | etw. offen halten :: to keep sth. (in a particular way) (in compounds) | keeping | kept | to keep open <> sth.
jdn./etw. für etw. halten {vt} | haltend | gehalten :: to consider sb./sth. sth.; to regard sb./sth. as sth.; to think of sb./sth. as sth. | considering; regarding; thinking | considered; regarded; thought
Mode {f} [textil.] | Moden {pl} | Damenmode {f}; Frauenmode {f} :: fashion | fashions | ladies’ fashion; fashion for women
Händler {m}; Händlerin {f} [econ.] | Händler {pl}; Händlerinnen {pl} :: trader | traders
Händler {m} | Händler {pl} :: dealer /dlr/ | dealers
(Hilfe) leisten {vt} | leistend | geleistet | leistet | leistete :: to render (assistance) | rendering | rendered | renders | rendered
etw. verrichten; etw. leisten; etw. tätigen; etw. ausführen {vt} | verrichtend; leistend; tätigend; ausführend | verrichtet; geleistet; getätigt; ausgeführt | verrichtet; leistet; tätigt; führt aus | verrichtete; leistete; tätigte; führte aus | niedere Arbeiten verrichten | auszuführen :: to perform sth. | performing | performed | performs | performed | to perform servile work | to be performed
an etw. mangeln; an etw. fehlen {vi} (Person, Sache) | mangelnd; fehlend | gemangelt; gefehlt | Es fehlt an etw. :: to lack sth.; to want sth. (of a person or thing) | lacking; wanting | lacked; wanted | There is a lack of sth.
das Klettern {n}; die Kletterei {f} [sport] :: climbing
klettern {vi} | kletternd | geklettert :: to climb | climbing | climbed
Turm {m} | Türme {pl} :: tower | towers
jdn. von etw. ablenken {vt} :: to distract sb. from sth.
lenken {vt} :: to steer
"""


@pytest.fixture
def dictionary_db(load_ding):
    return load_ding(DING)


@pytest.mark.parametrize("sentence, word, meaning", [
    # [veraltet] belongs to "Kapitale", not to the line's first sense.
    ("in der nordkoreanischen Hauptstadt Pjöngjang.", "Hauptstadt", "capital"),
    ("Denn in Artikel 4 des Abkommens heißt es.", "Artikel", "article"),
    ("Fragen der Verteidigung und Sicherheit.", "Sicherheit", "security"),
    # A capitalised dative plural mid-sentence is the noun, not the verb "mitteln".
    ("mit allen ihr zur Verfügung stehenden Mitteln militärische Hilfe leisten.", "Mitteln", "means"),
    # A participle beside an auxiliary is the verb; the adjective "geschickt" (agile) is not meant.
    ("Raketen sind nach Russland geschickt worden.", "geschickt", "to send"),
    ("Sie haben ihre Zusammenarbeit ausgebaut.", "ausgebaut", "to expand"),
    # A participle standing as an adjective is the participle, not the verb's finite form.
    ("wenn eine der Vertragsparteien einem bewaffneten Angriff ausgesetzt ist", "bewaffneten", "armed"),
    # An inflected adjective wants the adjective, not the adverb.
    ("auf herkömmlichen Wegen.", "herkömmlichen", "conventional"),
    # Two Ding lines say "announce", one each "signal", "advertise", "adumbrate": the meaning
    # the lines agree on is the word's core, though "signalisieren; …" has more examples.
    ("Wie der Kreml am Montag angekündigt hat, werden sie sich treffen.", "angekündigt", "to announce sth."),
    ("Die Gewerkschaften warnen und kündigten Proteste an.", "kündigten", "to announce sth."),
    # "<aussetzen>" is Ding's search hint on "etwas auszusetzen haben" (to find fault): the
    # line where "aussetzen" is the headword comes first.
    ("Die Bundesregierung will die Schuldenbremse erneut aussetzen.", "aussetzen", "to suspend sth."),
    # "Hinweise {pl}" is a row of the "sign; indication" line, not of the "lead" line.
    ("Forscher haben Hinweise auf eine bisher unbekannte Siedlung entdeckt.", "Hinweise", "sign"),
    # A comparative takes the comparative row of its adjective's line, inflected or not.
    ("Die Mieten sind in diesem Jahr höher als erwartet.", "höher", "higher"),
    ("Die Händler erwarten höhere Preise.", "höhere", "higher"),
    # … but a capitalised word is no comparative ("Forscher", not "forscher": brisker).
    ("Forscher haben Hinweise entdeckt.", "Forscher", "researcher"),
    # The preposition the verb governs stands in the clause: "mit etw. rechnen", not "rechnen (als)".
    ("Die Händler rechnen mit weniger Kunden.", "rechnen", "to reckon with sth."),
    ("Ökonomen rechnen damit, dass die Zinsen sinken.", "rechnen", "to reckon with sth."),  # "damit": da + mit
    ("Sie rechnen die Kosten.", "rechnen", "to count (as)"),  # no "mit": the plain verb
    # "want" is far commoner than "lack", but its common sense is not this one: the comment
    # "(of a person or thing)" says so.
    ("Nach Angaben des Ministeriums fehlen im Haushalt rund zwölf Milliarden Euro.", "fehlen", "to lack sth."),
    # The English of the form as written says how common each sense is in it: the line whose
    # plural is "health insurance funds" (the companies), not "health insurances" (the scheme),
    # and whose participle is "crippled", not "hamstrung".
    ("Die Krankenkassen erhöhen im kommenden Jahr ihre Beiträge.", "Krankenkassen", "health insurance company"),
    ("Hacker haben die Computer der Stadtverwaltung lahmgelegt und fordern ein Lösegeld.", "lahmgelegt",
     "to cripple sb./sth. [fig.]"),
    # A phrase is rarer than its rarest word, though wordfreq rates "soon-to-be" as common as
    # "future" and "to be lost" as "lost".
    ("Die Regierung schiebe die Probleme nur auf und belaste künftige Generationen.", "künftige", "future"),
    ("In Nordrhein-Westfalen sollen zahlreiche Stellen in der Verwaltung wegfallen.", "wegfallen",
     "to cease (to exist)"),
    # Past Zipf 5 an English word's frequency counts all its senses: "work" and "post" are far
    # commoner than "plant" and "reserve", but not as the sense meant.
    ("Das Unternehmen stellt in seinem Werk in Sachsen künftig Batterien für Elektroautos her.", "Werk",
     "plant"),
    ("Viele Urlauber buchen ihre Reise inzwischen kurzfristig im Internet.", "buchen", "to reserve sth."),
    # The verb's object in the clause names the phrase Ding lists the verb in.
    ("Seine Anwälte kündigten an, Berufung gegen das Urteil einzulegen.", "einzulegen", "to appeal (against)"),
    # A noun Ding has only inside its phrase means what the phrase means.
    ("Weil Busse und Straßenbahnen bestreikt werden, kommt der Nahverkehr zum Erliegen.", "Erliegen",
     "to come to a standstill"),
    # A noun with a sense of its own keeps it inside a phrase ("an Wert verlieren": to depreciate).
    ("Die Aktie des Unternehmens verlor nach der Gewinnwarnung deutlich an Wert.", "Wert", "value"),
    # A bare present participle beside the verb tells how: the adverb, not the verb "to surprise".
    ("Bei der Weltmeisterschaft holte die Staffel überraschend die Goldmedaille.", "überraschend",
     "surprisingly"),
    ("Die Liftbetreiber setzen zunehmend auf Kunstschnee.", "zunehmend", "increasingly"),
    # Inflected before its noun: the adjective.
    ("Die zunehmende Gefahr wird unterschätzt.", "zunehmende", "increasing"),
    # Ding marks "Bewohner" a dweller only inside compounds ("Bergbewohner"): alone, an inhabitant.
    ("In vielen Pflegeheimen sind die Eigenanteile der Bewohner zuletzt deutlich gestiegen.", "Bewohner",
     "inhabitant"),
    # Of a verb the mark means a phrase with an adverb ("offen halten"), and the sense stays.
    ("Tierschützer werfen dem Betreiber vor, die Affen in viel zu engen Käfigen zu halten.", "halten",
     "to keep sth. (in a particular way) (in compounds)"),
    # "(Hilfe) leisten": the noun Ding gives to tell the sense apart stands in the sentence.
    ("Die andere Vertragspartei wird unverzüglich militärische und andere Hilfe leisten.", "leisten",
     "to render (assistance)"),
    # ... or as the last part of a compound.
    ("Die Vertragspartei wird unverzüglich Militärhilfe leisten.", "leisten", "to render (assistance)"),
    # A noun Ding has only after its preposition ("im Voraus") is that phrase, not a dog's command.
    ("Für Hochzeitsfeiern sind Säle und Fotografen oft schon ein Jahr im Voraus ausgebucht.", "Voraus",
     "in advance"),
    # "sind … ausgebucht": beside "sein" alone, the participle Ding lists as an adjective is the
    # state (booked up), not the verb "ausbuchen" (to write off).
    ("Die Hotels an der Küste sind im August ausgebucht.", "ausgebucht", "booked up"),
    # "gilt als" links its adjective as "ist" does: not the adverb, though "aber" breaks the clause.
    ("Eine Einigung vor Ablauf der Frist gilt aber als unwahrscheinlich.", "unwahrscheinlich", "improbable"),
    ("Er arbeitet unwahrscheinlich schnell.", "unwahrscheinlich", "incredibly"),
    # "vom Amt" is no sign of "sich von jdm. abwenden" where the clause has no "sich".
    ("In einer Erklärung wies sie die Vorwürfe zurück, wollte aber Schaden vom Amt abwenden.", "abwenden",
     "to avert sth."),
    # Two capitalised words Ding lists as one name: the name, clicked on either word.
    ("Tausende Menschen versammelten sich vor dem Brandenburger Tor.", "Brandenburger",
     "Brandenburg Gate (sight in Berlin)"),
    ("Tausende Menschen versammelten sich vor dem Brandenburger Tor.", "Tor", "Brandenburg Gate (sight in Berlin)"),
    # ... in the nominative there, inflected here ("vom Roten Kreuz").
    ("Die Helfer vom Roten Kreuz verteilten Decken.", "Kreuz", "Red Cross"),
    # Nor an adjective there with a noun, where Ding's English for the two is no name.
    ("Heiße Luft strömt aus dem Ofen in die Küche.", "Luft", "air"),
    # An article capitalised at the sentence's start makes no name with its noun.
    ("Die Gemeinde will das alte Schwimmbad sanieren.", "Gemeinde", "municipality"),
    # ... also where the verb's line is long: it lists forms and uses, not a commoner sense.
    ("Das Museum ist täglich von neun bis fünf geöffnet.", "geöffnet", "opened"),
    # ... but not an adjective of another sense than the verb's: a danger averted is no "transfixed" one.
    ("Die Gefahr ist gebannt.", "gebannt", "to avert (a danger)"),
    # "und" joins two nouns where no finite verb follows: the clause, with its "sind", goes on.
    ("Für Hochzeitsfeiern sind Säle und Fotografen oft schon ein Jahr im Voraus ausgebucht.", "ausgebucht",
     "booked up"),
    # Before a number, the sense Ding notes "(bei Zahlenangaben)": about, not round.
    ("Nach Angaben des Ministeriums fehlen im Haushalt rund zwölf Milliarden Euro.", "rund", "around"),
    ("Die Gemeinde hat rund 3000 Einwohner.", "rund", "around"),
    ("Der Tisch ist rund.", "rund", "round"),
    ("Rund 3000 Menschen demonstrierten am Samstag.", "Rund", "around"),  # first in the sentence
    # "knacken [Westdt.]" is to sleep in the west of Germany only: a regional word is not the
    # sense a reader of standard German meets, whichever region Ding names.
    ("Ein Tipper aus Bayern hat den Jackpot geknackt und gewinnt rund 20 Millionen Euro.", "geknackt",
     "to crack"),
])
def test_the_sense_the_sentence_wants_is_pre_filled(dictionary_db, sentence, word, meaning):
    found = look(dictionary_db, sentence, word)
    assert senses.best_gloss(found["entries"][0]) == meaning


def test_an_example_sentence_is_no_meaning_to_save(dictionary_db):
    # Ding's example "Die Preise steigen. :: Prices are rising." holds the clause's words, but
    # its English is a sentence: one of the verbs' own meanings is pre-filled instead.
    found = look(dictionary_db, "Die Preise sind im Herbst kräftig gestiegen.", "gestiegen")
    assert senses.best_gloss(found["entries"][0]) in {"to rise", "to increase (to; by)"}


@pytest.mark.parametrize("sentence, word, pos", [
    # A bare adjective form at the end of its clause, no copula: it tells how (an adverb).
    ("Die Opposition kritisierte den Plan scharf: Die Regierung schiebe die Probleme nur auf.", "scharf", "adverb"),
    # With a copula it is predicative: the adjective.
    ("Das Messer ist scharf.", "scharf", "adjective"),
])
def test_a_bare_adjective_form_without_a_copula_is_an_adverb(dictionary_db, sentence, word, pos):
    assert look(dictionary_db, sentence, word)["entries"][0]["pos"] == pos


def test_the_meaning_the_translation_uses_comes_first(dictionary_db):
    found = look(dictionary_db, "teilte die iranische Botschaft in Russland mit.", "Botschaft")
    assert senses.best_gloss(found["entries"][0]) == "message"  # without a translation
    best = translated.mark_in_translation(found["entries"], "the Iranian embassy in Russia said.")
    assert best == "embassy" and found["entries"][0]["glosses"] == ["embassy"]


def test_the_translation_does_not_pick_a_meaning_the_sentence_rules_out(dictionary_db):
    # "raising" is in the translation as written, but as "Erhöhen {n}": a noun, and "erhöht"
    # stands lower-case mid-sentence. The verb's "to raise" (inflected there) is meant.
    found = look(dictionary_db, "Die Bahn erhöht im Dezember die Preise.", "erhöht")
    assert translated.mark_in_translation(found["entries"], "The railway is raising prices in December.") == "to raise"


def test_an_inflected_translation_still_matches(dictionary_db):
    found = look(dictionary_db, "Raketen sind nach Russland geschickt worden.", "geschickt")
    assert translated.mark_in_translation(found["entries"], "Missiles have been sent to Russia.") == "sent"


@pytest.mark.parametrize("sentence, word, english, meaning", [
    # "the company's share": the possessive is no part of the word.
    ("Die Aktie des Unternehmens verlor nach der Gewinnwarnung deutlich an Wert.", "Unternehmens",
     "The company's share lost considerable value after the profit warning.", "company"),
    # Neither "to reach for" nor "reached" stands as written, but "reaches" is a form of "reach".
    ("Der Netzbetreiber will neue Stromleitungen bauen, damit Windstrom aus dem Norden in den Süden gelangt.",
     "gelangt", "The grid operator wants to build new power lines so that wind power from the north reaches "
     "the south.", "reach"),
])
def test_a_gloss_whose_words_the_translation_has_in_another_form_is_found(dictionary_db, sentence, word,
                                                                          english, meaning):
    found = look(dictionary_db, sentence, word)
    assert meaning in senses.content_stems(translated.mark_in_translation(found["entries"], english))


@pytest.mark.parametrize("sentence, word, english, meaning", [
    # "to feel relieved": the translation says "were relieved"; the copula is not the sense.
    ("Die Anwohner waren erleichtert, als die Feuerwehr den Brand gelöscht hatte.", "erleichtert",
     "The residents were relieved when the fire brigade had put out the fire.", "to feel relieved"),
    # The adverb of the adjective the dictionary lists ("considerable" → "considerably").
    ("Die Energiepreise sind im vergangenen Jahr erheblich gestiegen.", "erheblich",
     "Energy prices rose considerably last year.", "considerable"),
    ("Der Minister soll sich heimlich mit Lobbyisten getroffen haben.", "heimlich",
     "The minister is said to have secretly met lobbyists.", "secret"),
    # A superlative in German and in English: the superlative row of the "low" line, as written.
    ("Die Erzeugerpreise für Schweinefleisch sind auf den tiefsten Stand seit Jahren gerutscht.", "tiefsten",
     "Producer prices for pork have slid to their lowest level in years.", "lowest"),
    # "return" and "tax return" both stand in the translation: the longer is its word for the
    # German one, the shorter only a part of it.
    ("Wer seine Steuererklärung elektronisch einreicht, bekommt die Erstattung früher.", "Steuererklärung",
     "Anyone who submits their tax return electronically gets the refund sooner.", "tax return"),
    # "parking" as written, "parking spaces" inflected: the one covering more of the translation.
    ("Die Stadt will Radwege verbreitern und dafür Parkplätze am Straßenrand opfern.", "Parkplätze",
     "The city wants to widen cycle paths and give up roadside parking spaces to do so.", "parking spaces"),
    # "drops" (a row of "fallen; sinken") and "he/she falls" (of "fallen") each find a word; the
    # translation's "drop" renders "sinken" at the sentence's end, "fall" stands where "fällt" does.
    # Ding's conjugation rows are the verb's forms: the pronouns are no part of the meaning.
    ("In den Alpen fällt bis Mittwoch oberhalb von 1500 Metern Schnee, die Temperaturen sinken deutlich.", "fällt",
     "In the Alps, snow will fall above 1,500 metres until Wednesday, and temperatures will drop significantly.",
     "falls"),
])
def test_the_gloss_the_translation_uses_is_found(dictionary_db, sentence, word, english, meaning):
    found = look(dictionary_db, sentence, word)
    at = sentence.index(word) / len(sentence)  # where the word stands, as the popover says
    assert translated.mark_in_translation(found["entries"], english, at) == meaning


@pytest.mark.parametrize("sentence, word, english, meaning", [
    # English renders one word of the compound its own way ("grid", "container"); the other
    # word is the dictionary's, and names the sense meant.
    ("Der Netzbetreiber will neue Stromleitungen bauen.", "Netzbetreiber",
     "The grid operator wants to build new power lines.", "network operator"),
    ("Der Hafen meldet einen Rückgang beim Umschlag von Containern.", "Umschlag",
     "The port is reporting a drop in container handling.", "cargo handling"),
    # The first sense already shares a word ("tax") with the translation: it stays.
    ("Viele Eigentümer müssen nach der Reform der Grundsteuer mehr zahlen.", "Grundsteuer",
     "After the reform of property tax, many owners have to pay more.", ""),
])
def test_a_gloss_sharing_a_word_with_the_translation_is_found(dictionary_db, sentence, word, english, meaning):
    found = look(dictionary_db, sentence, word)
    assert translated.mark_in_translation(found["entries"], english) == meaning
    assert found["entries"][0]["in_context"] == ([meaning] if meaning else [])  # its sense leads


@pytest.mark.parametrize("sentence, meaning", [
    # With "sich" in the clause, the reflexive verb is meant, not "jdn. ärgern" (to bother sb.).
    ("Viele Autofahrer ärgern sich über die neuen Baustellen.", "to be / become / get annoyed"),
    ("Die Pendler haben sich über die Verspätungen geärgert.", "to be / become / get annoyed"),
    # Without it, the transitive verb.
    ("Die neuen Baustellen ärgern viele Autofahrer.", "to annoy sb."),
])
def test_a_reflexive_clause_takes_the_reflexive_verb(dictionary_db, sentence, meaning):
    word = next(w for w in sentence.split() if "rger" in w)
    assert senses.best_gloss(look(dictionary_db, sentence, word)["entries"][0]) == meaning


@pytest.mark.parametrize("sentence, word, meaning, grammar", [
    # Ding has the masculine only: the feminine means what it means, and keeps its own grammar.
    ("Die Abiturientin hat ihre Prüfungen mit Bestnote bestanden.", "Abiturientin", "secondary school leaver",
     ("Abiturientin", "f", "Abiturientinnen")),
    ("Zwei Chirurginnen haben das Kind stundenlang operiert.", "Chirurginnen", "surgeon",
     ("Chirurgin", "f", "Chirurginnen")),
    ("Die Köchin des Restaurants wurde mit einem Stern ausgezeichnet.", "Köchin", "cook",  # Koch + umlaut
     ("Köchin", "f", "Köchinnen")),
    ("Jede Kundin erhält einen Gutschein.", "Kundin", "customer", ("Kundin", "f", "Kundinnen")),  # Kunde
])
def test_a_feminine_noun_ding_lacks_takes_its_masculine_meaning(dictionary_db, sentence, word, meaning, grammar):
    found = look(dictionary_db, sentence, word)
    assert senses.best_gloss(found["entries"][0]) == meaning
    g = context.grammar(found, found["entries"])
    assert (g["lemma"], g["gender"], g["plural"]) == grammar


@pytest.mark.parametrize("sentence, word", [
    ("Die Vitamine in Berlin.", "Berlin"),  # no masculine noun "Berl"
    ("Er wohnt darin.", "darin"),  # lower case: no noun at all
    ("Präsident Putin kam nach Berlin.", "Putin"),  # a name, not a female turkey (Pute, Puter)
])
def test_only_a_masculine_noun_gives_a_feminine_its_meaning(dictionary_db, sentence, word):
    assert look(dictionary_db, sentence, word)["base_of"] is None


def test_labels_belong_to_the_alternative_that_matched(dictionary_db):
    soldat = look(dictionary_db, "Die Soldaten kämpfen.", "Soldaten")["entries"][0]
    assert soldat["headword"] == "Soldat" and soldat["labels"] == []
    knecht = look(dictionary_db, "Der Kriegsknecht kämpft.", "Kriegsknecht")["entries"][0]
    assert knecht["labels"] == ["obs.", "mil."]


@pytest.mark.parametrize("sentence, word, meaning", [
    # Once "stellt … her" is "herstellen", the far commoner "stellen" (to put) is not meant.
    ("Der Konzern stellt in seinem Werk in Ungarn Elektroautos her.", "stellt", "to manufacture sth."),
    ("Der Konzern stellt in seinem Werk in Ungarn Elektroautos her.", "her", "to manufacture sth."),
])
def test_a_separable_verb_comes_before_its_bare_verb(dictionary_db, sentence, word, meaning):
    assert senses.best_gloss(look(dictionary_db, sentence, word)["entries"][0]) == meaning


@pytest.mark.parametrize("sentence, word, nth, separable", [
    ("Sie werfen den Rasenmäher an.", "werfen", 0, "anwerfen"),
    ("Sie werfen den Rasenmäher an.", "an", 0, "anwerfen"),  # the particle clicked
    ("Sie werfen den Rasenmäher an.", "den", 0, None),  # never "anden"
    ("Er lässt ihn nicht los.", "lässt", 0, "loslassen"),
    ("Er lässt ihn nicht los.", "los", 0, "loslassen"),  # never "Loser"
    ("Sie bleiben nicht, sondern bauen die Zelte ab.", "sondern", 0, None),  # never "absondern"
    ("Sie bleiben nicht, sondern bauen die Zelte ab.", "bauen", 0, "abbauen"),
    ("Es gibt kein Zurück.", "gibt", 0, None),  # a noun, not a particle: never "zurückgeben"
    # "und" between two nouns joins the nouns, not two clauses: the particle still belongs.
    ("Sie lenken die Kinder von Spritzen und Schmerzen ab.", "lenken", 0, "ablenken"),
    ("Sie lenken die Kinder von Spritzen und Schmerzen und Ängsten ab.", "lenken", 0, "ablenken"),
    ("Sie lenken die Kinder von Spritzen und Schmerzen oft ab.", "lenken", 0, "ablenken"),  # an adverb, no verb
    ("Sie lenken die Kinder mit iPads und Handys ab.", "lenken", 0, "ablenken"),  # a capital inside the word
    ("Sie lenken den Wagen und wir steigen ab.", "lenken", 0, None),  # "und" before a new clause
    ("Sie lenken den Wagen und Peter steigt ab.", "lenken", 0, None),  # … whose subject is a name
    ("Sie lenken den Wagen und Sie steigen ab.", "lenken", 0, None),
    ("Sie lenken das Auto oder Anna steigt ab.", "lenken", 0, None),
])
def test_separable_verbs_only_where_a_verb_and_its_particle_stand(dictionary_db, sentence, word, nth, separable):
    assert look(dictionary_db, sentence, word, nth)["separable"] == separable


@pytest.mark.parametrize("sentence, word, meaning", [
    # Ding has "to leave (an institution)" under "aus einer Institution austreten": the
    # separable verb "treten … aus" finds it where its clause has the preposition "aus".
    ("Viele Mitglieder treten aus der Partei aus, weil sie mit dem Kurs unzufrieden sind.", "treten",
     "to withdraw (from an institution)"),
    ("Viele Mitglieder treten aus der Partei aus, weil sie mit dem Kurs unzufrieden sind.", "aus",
     "to withdraw (from an institution)"),
    ("Großbritannien ist aus der Europäischen Union ausgetreten.", "ausgetreten",
     "to withdraw (from an institution)"),
])
def test_a_verbs_sense_with_an_indefinite_object_is_found_under_the_verb(dictionary_db, sentence, word, meaning):
    at = sentence.rindex(word) if word == "aus" else sentence.index(word)
    found = context.in_context(dictionary_db, sentence, at, at + len(word))
    assert senses.best_gloss(found["entries"][0]) == meaning


def test_without_its_preposition_the_indefinite_object_sense_does_not_lead(dictionary_db):
    found = look(dictionary_db, "Die Wanderer haben den Pfad über die Jahre ausgetreten.", "ausgetreten")
    assert found["entries"][0]["headword"] != "aus einer Institution austreten"


def test_an_unknown_compound_is_split_into_known_headwords(dictionary_db):
    found = look(dictionary_db, "Rüstungsgüter in Milliardenhöhe.", "Milliardenhöhe")
    assert found["entries"] == []
    assert [(p["written"], p["gloss"]) for p in found["split"]] == [("Milliarden", "billion"), ("höhe", "height")]


def test_an_inflected_compound_is_split_through_its_lemma(dictionary_db):
    # Ding has "…tägig", not "tägige": the inflected form alone splits into nothing it knows.
    found = look(dictionary_db, "Das dreitägige Festival wurde abgebrochen.", "dreitägige")
    assert [(p["headword"], p["gloss"]) for p in found["split"]] == [("drei", "three"), ("tägig", "for…days")]


@pytest.mark.parametrize("sentence, word, parts, english, whole", [
    # Each part in its plain sense (no "[fig.]", no "(of sb./sth.)"); the translation's own
    # words for the whole compound, in whatever order English puts them.
    # "Jet [ugs.]" is colloquial German, but "jet" is the German word itself in English: the
    # part's plain one word ("combat jet"), not "jet aircraft", which keeps the parts apart.
    ("Die Luftwaffe hat zwei Kampfjets in die Region verlegt.", "Kampfjets", ["fight", "jet"],
     "The air force has moved two fighter jets to the region.", "fighter jets"),
    # A one-word gloss with an accent is one word: "sewing café", not "sewing + coffee house".
    ("Im Nähcafé treffen sich Nachbarinnen.", "Nähcafé", ["sewing", "café"],
     "Neighbours meet at the sewing café.", "sewing café"),
    # The head part in its noun's own sense ("Fall": case), as a whole word's lemma gives it.
    ("Das Bistum hat neue Missbrauchsfälle gemeldet.", "Missbrauchsfälle", ["abuse", "case"],
     "The diocese has reported new abuse cases.", "abuse cases"),
    ("Die Kommission untersucht Missbrauchsfälle in Heimen.", "Missbrauchsfälle", ["abuse", "case"],
     "The commission is investigating cases of abuse in care homes.", "cases of abuse"),
    ("Im Tierpark wurde ein Elefantenbaby geboren.", "Elefantenbaby", ["elephant", "baby"],
     "A baby elephant was born at the wildlife park.", "baby elephant"),
    # A hyphenated English compound renders both parts ("three-day" for "drei|tägig").
    ("Das dreitägige Musikfestival zog mehr als 80.000 Besucher an.", "dreitägige", ["three", "for…days"],
     "The three-day music festival drew more than 80,000 visitors.", "three-day"),
    # The head named in English's own word ("retailer", not "dealer"), after the modifier's.
    ("Ein Modehändler hat Insolvenz angemeldet.", "Modehändler", ["fashion", "dealer"],
     "A fashion retailer has filed for insolvency.", "fashion retailer"),
    # Only neighbouring words name the whole: "fashion, but" is no "fashion retailer".
    ("Der Modehändler schließt.", "Modehändler", ["fashion", "dealer"],
     "The shop sold fashion, but it is closing.", ""),
    # ... and a later pair of neighbours is still found after one parted by punctuation.
    ("Ein Modehändler hat Insolvenz angemeldet.", "Modehändler", ["fashion", "dealer"],
     "Fashion, shoes and more: a fashion retailer has filed for insolvency.", "fashion retailer"),
    # Parts the translation does not render together: no whole, the parts stay.
    ("Im Tierpark wurde ein Elefantenbaby geboren.", "Elefantenbaby", ["elephant", "baby"],
     "An elephant was born at the park; the baby is well.", ""),
])
def test_a_split_compound_takes_plain_parts_and_the_translations_whole(dictionary_db, sentence, word, parts,
                                                                      english, whole):
    split = look(dictionary_db, sentence, word)["split"]
    assert [p["gloss"] for p in split] == parts
    assert translated.compound_in_translation([p["glosses"] for p in split], english) == whole


@pytest.mark.parametrize("parts, english, whole", [
    # English names the front part in two words: the whole starts at the first of them.
    ([["ice", "ice cream"], ["doer", "maker"]], "The ice cream maker comes from a valley in the Dolomites.",
     "ice cream maker"),
    ([["table", "table tennis"], ["player"]], "A table tennis player won.", "table tennis player"),
    # ... but not a word before it that is no part of that name ("cream" alone is no gloss of the front).
    ([["ice"], ["doer", "maker"]], "The cream ice maker", "ice maker"),
    # The head named in English's own word, after the front part's two words.
    ([["ice", "ice cream"], ["doer"]], "The ice cream seller comes from a valley in the Dolomites.",
     "ice cream seller"),
])
def test_a_split_compound_s_rendering_takes_the_front_part_s_whole_english_name(parts, english, whole):
    assert translated.compound_in_translation(parts, english) == whole


@pytest.mark.parametrize("parts, english, whole", [
    # English puts "of the" or "the" between the two parts' words ("Saison|auftakt", "Fasten|brechen").
    ([["season", "seasonal"], ["beginning", "start"]],
     "A motorcycle club has drawn hundreds of bikers to the Eifel for the start of the season.",
     "start of the season"),
    ([["fast (act of fasting)", "fasting (phenomenon)", "to fast"], ["breaking", "to break sth."]],
     "At the end of Ramadan the mosque community invited neighbours to break the fast together.",
     "break the fast"),
    # Any other word between them parts them: "season" is no part of "a start for the new season".
    ([["season"], ["start"]], "It was a start for the new season.", ""),
])
def test_a_split_compound_s_parts_may_be_joined_by_of_the_or_the(parts, english, whole):
    assert translated.compound_in_translation(parts, english) == whole


@pytest.mark.parametrize("word, parts", [
    ("Beistandsklausel", ["Beistands", "klausel"]),  # linking -s-
    ("Landtagswahlkampf", ["Landtags", "wahlkampf"]),
])
def test_linking_elements(dictionary_db, word, parts):
    found = look(dictionary_db, f"Die {word} gilt.", word)
    assert [p["written"] for p in found["split"]] == parts


@pytest.mark.parametrize("sentence, word, parts", [
    # "Kletter-" is no headword: it is klettern's stem, and the front of a compound is its noun.
    ("Der Kletterturm im Park ist neu.", "Kletterturm", [("Kletter", "klettern", "climbing"), ("turm", "turm", "tower")]),
])
def test_a_compound_may_begin_with_a_verb_s_stem(dictionary_db, sentence, word, parts):
    found = look(dictionary_db, sentence, word)
    assert [(p["written"], p["headword"], p["gloss"]) for p in found["split"]] == parts


@pytest.mark.parametrize("sentence, word, headword", [
    ("Das Geplante wurde nicht umgesetzt.", "Geplante", "geplant"),  # an adjective used as a noun
    ("Hat er das gesagt?", "Hat", "haben"),  # a verb first in a question
    ("Der Anschluß kam spät.", "Anschluß", "Anschluss"),  # the old spelling
])
def test_second_opinions_where_the_lemmatiser_stumbles(dictionary_db, sentence, word, headword):
    assert look(dictionary_db, sentence, word)["entries"][0]["headword"] == headword


def test_grammar_of_a_noun_and_of_a_reflexive_verb(dictionary_db):
    soldaten = look(dictionary_db, "Die Soldaten kämpfen.", "Soldaten")
    assert context.grammar(soldaten, soldaten["entries"]) == {
        "lemma": "Soldat", "gender": "m", "plural": "Soldaten", "form": ""}
    assert context.plural_note("Soldat", "Soldaten") == "-en"
    verb = look(dictionary_db, "Soldaten beteiligen sich am Kampf.", "beteiligen")
    assert context.grammar(verb, verb["entries"])["form"] == "sich beteiligen"


def test_a_capitalised_unknown_word_mid_sentence_is_probably_a_name(dictionary_db):
    assert look(dictionary_db, "Präsident Wladimir Putin kam.", "Wladimir")["name"] is True
    assert look(dictionary_db, "Wladimir kam.", "Wladimir")["name"] is False  # first: could be anything


@pytest.mark.parametrize("gloss, core", [
    # Ding's possessive placeholder is curly: "sb.’s wedding anniversary" is found in a translation's
    # "their wedding anniversary", and a split's part shows "enlistment", not "’s enlistment".
    ("sb.’s wedding anniversary", "wedding anniversary"),
    ("to take sb.’s mind off sth.", "take mind off"),
    ("to do one’s best", "do best"),
    # "so." is a placeholder; "so" in "so-called" is a word.
    ("to tell so. sth.", "tell"),
    ("so-called", "so-called"),
])
def test_a_gloss_s_placeholders_are_no_words_of_its_english(gloss, core):
    assert senses.gloss_core(gloss) == core


@pytest.mark.parametrize("parts, english, whole", [
    # "Hup|konzert": the word after the front part's "horns" is a preposition, no head noun.
    ([["honking", "hooting", "toot", "to sound/honk/hoot [Br.] the horn"], ["concert", "concerto", "gig"]],
     "Taxi drivers in Cologne are protesting with a chorus of car horns against app-based ride services.", ""),
    # "Mode|händler": English's own head noun after the front part.
    ([["fashion"], ["trader", "dealer"]], "A fashion retailer has filed for insolvency.", "fashion retailer"),
    # WordNet writes a loanword without its accent: "café" is its noun "cafe".
    ([["sewing", "to sew"], ["coffee house", "coffee shop"]],
     "A sewing café lends sewing machines to people who have none at home.", "sewing café"),
])
def test_a_split_compound_s_head_in_english_s_own_word_is_a_noun(tmp_path, parts, english, whole):
    wordnet = write_wordnet(tmp_path, {"noun": [["horn"], ["chorus"], ["retailer"], ["cafe"], ["machine"]],
                                       "verb": [["retail"]]})
    assert translated.compound_in_translation(parts, english, wordnet) == whole


STAND_FEES = [["stand (gymnastics)", "level", "standing position", "stand", "market stand"],
              ["charge (for a single service or use)", "fee (for an administrative action or a continuous service)",
               "charges", "(government) duty", "charge"]]


@pytest.mark.parametrize("english, whole", [
    # "Stand|gebühren": the head in Ding's words, the front part in a noun of English's own.
    ("The city wants to double the pitch fees next year.", "pitch fees"),
    ("The city wants to double their new pitch fees next year.", "pitch fees"),
    # An adjective before the head is no name of the front part, though WordNet knows it as a noun too.
    ("The city wants to double the higher fees next year.", ""),
    # A noun that is a verb too, with no determiner or adjective before it, is the verb of the head's clause.
    ("The vendors pay fees.", ""),
    ("The city will increase fees.", ""),
])
def test_a_split_compound_s_front_in_english_s_own_noun_is_its_rendering(tmp_path, english, whole):
    wordnet = write_wordnet(tmp_path, {"noun": [["pitch"], ["fee"], ["city"], ["higher"], ["pay"], ["increase"],
                                                ["vendor"]],
                                       "verb": [["pitch"], ["pay"], ["increase"]], "adj": [["high"], ["new"]]})
    assert translated.compound_in_translation(STAND_FEES, english, wordnet) == whole


def test_a_sich_parted_from_its_verb_by_commas_still_counts(dictionary_db):
    # "hat sich, so heißt es, von ihrem Berater getrennt": the clause around "getrennt" lacks the
    # "sich", the sentence has it, and "von" still speaks for "sich von jdm. trennen".
    found = look(dictionary_db, "Die Ministerin hat sich, so heißt es, von ihrem Berater getrennt.", "getrennt")
    assert "sich von jdm. trennen" in [e["headword"] for e in found["entries"][:2]]


@pytest.mark.parametrize("before, links", [
    ("Eine Einigung vor Ablauf der Frist gilt aber als", True),
    # In another clause, "gilt" links nothing: "teurer als gedacht" compares.
    ("Das Angebot gilt nur heute, und es ist teurer als", False),
])
def test_gilt_als_links_an_adjective_in_its_own_clause_only(before, links):
    assert context._counts_as(before) is links
