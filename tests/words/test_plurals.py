"""Nouns in -mann whose plural in -leute the dictionary lacks."""
import pytest
from words_lookup import look, popover_page

from annotations.words import context, senses

# Real Ding lines: "Bergmann" (miner) without "Bergleute"; "Berg" and "Leute", its parts;
# "Kaufmann" with its own "Kaufleute".
DING = """\
Bergarbeiter {m}; Bergmann {m}; Hauer {m}; Häuer {m} [Ös.]; Kumpel {m} [min.] | Bergarbeiter {pl}; Bergmänner {pl}; Hauer {pl}; Häuer {pl}; Kumpel {pl} :: mine worker; miner; pitman; collier [Br.] [dated] | mine workers; miners; pitmen; colliers
Berg {m} | Berge {pl} | submariner Berg | Berge versetzen [übtr.] | über alle Berge [übtr.] :: mountain | mountains | sea mountain | to move mountains [fig.] | to be long gone; to be miles away
Leute {pl}; Menschen {pl} [soc.] | die einfachen Leute | die meisten Leute; die meisten Menschen | solche Leute | junge Leute | alte Menschen | Leute von Rang | etw. unter die Leute bringen | Das Kino war voller Leute. :: people /ppl/; folk [Am.]; folks [Am.] | the common people | most people | these kind of people | youths | older people | people of position | to make sth. public | The cinema / movie theater was filled with people.
Kaufmann {m} /Kfm./; Großkaufmann {m}; Händler {m} [econ.] | Kaufleute {pl} | Exportkaufmann {m} | Nichtkaufleute {pl} :: merchant | merchants | export merchant; exporter | non-merchants
"""


def test_a_plural_in_leute_ding_lacks_means_what_its_singular_in_mann_means(load_ding):
    # Not split into "mountain + people": the miners of a salt mine, saved as "der Bergmann, Bergleute".
    found = look(load_ding(DING), "Auf der Rutsche fuhren früher die Bergleute hinab.", "Bergleute")
    assert found["base_of"]["base"] == "Bergmann" and not found["split"]
    assert senses.best_gloss(found["entries"][0]) == "mine worker"
    g = context.grammar(found, found["entries"])
    assert (g["lemma"], g["gender"], g["plural"]) == ("Bergmann", "m", "Bergleute")


@pytest.mark.parametrize("sentence, word", [
    ("Die Kaufleute der Altstadt klagen.", "Kaufleute"),  # Ding has this plural itself
    ("Die Leute warten.", "Leute"),  # no "-mann" noun before it
])
def test_a_plural_ding_has_or_no_plural_in_leute_is_looked_up_as_it_is(load_ding, sentence, word):
    found = look(load_ding(DING), sentence, word)
    assert not found["base_of"] and found["entries"]


def test_the_popover_says_whose_plural_it_is(client, load_ding):
    page = popover_page(client, load_ding(DING), "Auf der Rutsche fuhren früher die Bergleute hinab.", "Bergleute")
    assert 'Plural of <b lang="de">der Bergmann</b>: its meanings' in page
    assert 'value="mine worker"' in page
