"""What a compound's last part means where none of its own senses ends the dictionary's compounds."""
from words_lookup import look

# Real Ding lines: "Macher" (doer) and four "…macher" nouns, all "… maker"; their fronts; "Glas".
DING = """\
Macher {m}; Macherin {f} | Macher {pl}; Macherinnen {pl} :: doer | doers
Korbmacher {m}; Korbmacherin {f}; Korbflechter {m}; Korbflechterin {f} :: basket maker
Segelmacher {m} | Segelmacher {pl} :: sail maker | sail makers
Stiefelmacher {m} | Stiefelmacher {pl} :: boot maker | boot makers
Modemacher {m}; Modemacherin {f} | Modemacher {pl}; Modemacherinnen {pl} :: fashion maker | fashion makers
Korb {m} | Körbe {pl} :: basket | baskets
Segel {n} [naut.] | Segel {pl} | Hochsegel {n}; Bermudasegel {n} | Luggersegel {n} | mit aufgezogenen Segeln | mit gesetzten Segeln | mit vollen Segeln segeln / fahren | (die) Segel einholen | Segel setzen | Segel dichtholen :: sail | sails | high sail; Bermuda sail | lug sail | under sail | with all sails set | to sail / race under full sails / in full sail / under full canvas | to slacken sail | to make sail | to harden a sail
Stiefel {m} | Stiefel {pl} | Gummistiefel {pl} | kniehohe Gummistiefel {pl} | Jagdstiefel {pl} | Kampfstiefel {pl}; Kampfschuhe {pl}; Militärstiefel {pl} | kniehohe Kampfstiefel | Lackstiefel {pl} | geschnürte Militärstiefel; Springerstiefel {pl} | Schaftstiefel {pl} | Schneestiefel {pl} | Stulpenstiefel {pl} | schwere Stiefel | Westernstiefel {pl} | wetterfeste Stiefel; Allwetterstiefel {pl} | Winterstiefel {pl} :: boot | boots | wellington boots [Br.]; wellies [Br.]; rain boots [Am.]; rubber boots [Am.] [Austr.] | knee-length rubber boots; wellington boots [Br.]; wellingtons [Br.]; gumboots [Br.] [dated] | hunting boots; shooting boots | combat boots; military boots; army boots | jackboots | patent leather boots; patent boots | jump boots | high boots | snowboots | bucket top boots | boondockers [Am.] [coll.] | western boots | rain boots | winter boots
Mode {f} [textil.] | Moden {pl} | Babymode {f} | Damenmode {f}; Frauenmode {f} | Herrenmode {f}; Männermode {f} | Jugendmode {f} | Kindermode {f} | Markenmode {f}; Designermode {f} | in Mode sein | Mode werden | wieder in Mode sein; wieder modern sein; wieder in sein | langsam aus der Mode kommen | kniefreie Mode {f} :: fashion | fashions | baby’s fashion | ladies’ fashion; fashion for women | men’s fashion; fashion for men | youth fashion | children’s fashion | branded fashion; designer fashion | to be in fashion; to be à la mode | to come into fashion | to be back in fashion | to be on your way out | above-the-knee style; above-the-knee look
Glas {n} (Trinkgefäß) | Gläser {pl} | ein Glas Wasser | das Glas erheben :: glass | glasses | a glass of water | to raise the glass
"""


def test_the_word_ending_the_dictionary_s_compounds_names_a_head_none_of_whose_senses_does(load_ding):
    # "Glasmacher" is no "glass doer": Korb-, Segel-, Stiefel-, Modemacher are all makers.
    found = look(load_ding(DING), "Der Glasmacher formt die Vase am Ofen.", "Glasmacher")
    assert [(p["headword"], p["gloss"]) for p in found["split"]] == [("glas", "glass"), ("macher", "maker")]


# Real Ding lines: "Fischer" and its compounds, most of them kingfishers (birds), one a coral fisherman.
FISCHER = """\
Fischer {m} | Fischer {pl} | Berufsfischer {m} | Freizeitfischer {m} | Sportfischer {m} :: fisherman; fisher | fishermen | professional fisherman; commercial fisherman | recreational fisher; angler | sports fisherman; sport fisherman
Korallenfischer {m} | Korallenfischer {pl} :: coral fisherman | coral fishermen
Koralle {f} [zool.] | Korallen {pl} :: coral | corals
Türkisfischer {m} [ornith.] :: small blue kingfisher
Türkis {m} [min.] :: turquoise; calaite
Goldfischer {m} [ornith.] :: Philippine forest kingfisher
Gold {n} /Au/ [chem.] :: gold
Grünfischer {m} [ornith.] :: green kingfisher
Grün {n} (Farbe) | Maigrün {n} | Mineralgrün {n}; Pariser Grün; Schweinfurter Grün | Permanentgrün {n} | Veronesergrün {n} | Zinkgrün {n} | Das ist dasselbe in Grün. [übtr.] :: green (colour) | May green | parrot green | permanent green | Verona green earth; green earth; terre verte | zinc green | This/that is the same thing.; It comes to/boils down to the same thing.
Trauerfischer {m} [ornith.] :: greater pied kingfisher
Trauer {f} :: teariness
Küste {f} | Küsten {pl} | Atlantikküste {f} | Pazifikküste {f} | an der Küste | buchtenreiche Küste | gelappte Küste | geradelinige Küste | vorspringende Küste | zerklüftete Küste | Die Luft ist rein. [übtr.] :: coast; shore | coasts; shores | Atlantic coast | Pacific coast | on the coast | much indented coast | lobate coast | straight coast line | projecting coast | ragged coast; jagged coastline | The coast is clear. [fig.]
"""


def test_a_head_whose_own_sense_ends_one_compound_keeps_it(load_ding):
    # "Korallenfischer … coral fisherman": "fisher(man)" is alive in compounds, so the many
    # kingfishers are birds of their own, not what "Küsten|fischer" means.
    found = look(load_ding(FISCHER), "Die Küstenfischer bangen um ihre Fanggründe.", "Küstenfischer")
    assert found["split"][-1]["gloss"] == "fisherman"


# Real Ding lines: "Brechen" (breaking) and nouns ending in "brechen" that are no compounds of it
# ("Kriegs|verbrechen" is war + crime: "Kriegsver" is no word).
BRECHEN = """\
Brechen {n} :: breaking
Eis {n} (gefrorenes Wasser) | Firneis {n} | zu Eis gefrieren; zu Eis werden | auf einem Holzgestell Eis züchten | sich auf dünnem Eis bewegen [übtr.] | auf Eis liegen [übtr.] :: ice | firn ice | to freeze {froze; frozen}; to turn to ice | to grow ice on a wooden frame | to be treading on thin ice; to tread on thin ice; to walk on thin ice; to skate on thin ice [fig.] | to be on hold
Verbrechen {n}; schwere Straftat {f} [jur.] | ein Verbrechen begehen | ein nicht vorsätzliches Verbrechen | Verbrechen gegen die Menschlichkeit :: serious crime | to commit a serious crime | an unpremeditated crime | crimes against humanity
Kriegsverbrechen {n} | Kriegsverbrechen {pl} :: war crime | war crimes
Sexualverbrechen {n}; Sexualdelikt {n} :: sex crime
Kapitalverbrechen {n} [jur.] | Kapitalverbrechen {pl} :: capital crime; capital offence | capital crimes; capital offences
"""


def test_only_the_dictionary_s_compounds_of_a_head_say_what_it_means(load_ding):
    found = look(load_ding(BRECHEN), "Das Eisbrechen auf dem See ist verboten.", "Eisbrechen")
    assert [(p["headword"], p["gloss"]) for p in found["split"]] == [("eis", "ice"), ("brechen", "breaking")]
