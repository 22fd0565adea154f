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
