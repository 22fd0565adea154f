"""Words Ding lacks as written: feminines and -leute plurals, old spellings, compounds split into parts.

Also a found compound's literal gloss ("Sommerreifen": summer tyre, not standard tyre), which
needs the same parts. in_context asks these once the dictionary's own entries are known.
"""
import functools

from . import compounds, derivations, lemmas, literal, senses, synonyms
from .dictionary import cached, english_of, english_of_compounds, english_of_prefixed, has_key, lookup, split_glosses, suffixed


# Entries of a compound's part matched against a cached translation ("Kampf": fight, combat …).
PART_POOL = 8
_UMLAUTS = {"ä": "a", "ö": "o", "ü": "u"}


def noun_base(db, word):
    """Return the masculine singular a noun Ding lacks stands for, with the noun's own grammar; or None.

    {"of": "Feminine" or "Plural", "base": the noun Ding has, "lemma", "gender", "plural": what
    to save}. Ding lists many feminines and -leute plurals beside their masculine singular, not
    all: "Astronautin" means what "Astronaut" means, "Bergleute" what "Bergmann" means (not
    "mountain + people").
    """
    if feminine := _feminine_base(db, word):
        base, singular = feminine
        return {"of": "Feminine", "base": base, "lemma": singular, "gender": "f", "plural": singular + "nen"}
    if singular := _mann_singular(db, word):
        return {"of": "Plural", "base": singular, "lemma": singular, "gender": "m", "plural": word}
    return None


def _masculine_noun(db, base):
    """Say whether Ding has base itself as a masculine noun."""
    return any(e["gender"] == "m" and e["headword"] == base for e in lookup(db, [base], want=senses.Want(noun=True)))


def _mann_singular(db, word):
    """Return the singular in -mann of a plural in -leute ("Bergleute": Bergmann), or None.

    A noun in -mann naming people by their trade or place has its plural in -leute
    ("Kaufleute", "Seeleute").
    """
    if not word[:1].isupper() or not word.endswith("leute") or len(word) < 8:
        return None
    singular = word[:-len("leute")] + "mann"
    return singular if _masculine_noun(db, singular) else None


def _feminine_base(db, word):
    """Return (masculine noun, feminine singular) for a feminine noun in -in/-innen, or None.

    The base may have lost an -e ("Kollegin": Kollege) or gained an umlaut ("Ärztin": Arzt).
    Stems shorter than four letters are left alone: "Putin" is a name, not a female "Pute".
    """
    if not word[:1].isupper():
        return None
    for suffix in ("innen", "in"):
        stem = word[:-len(suffix)]
        if not word.endswith(suffix) or len(stem) < 4:
            continue
        last_umlaut = max((stem.rfind(u) for u in _UMLAUTS), default=-1)
        plain = stem[:last_umlaut] + _UMLAUTS[stem[last_umlaut]] + stem[last_umlaut + 1:] if last_umlaut >= 0 else ""
        for base in dict.fromkeys(b for b in (stem, stem + "e", plain) if b):
            if _masculine_noun(db, base):
                return base, stem + "in"
    return None


def _known(db, front=False):
    """Return known(part) for compounds.split: the dictionary has part, or its lemma (front: as a compound's front part)."""
    def known(part):
        # The lemma only where it is needed: split() asks of every cut of a long word.
        if front and not has_key(db, part, "noun") and _inflected_verb(part, lemmas.lemma(part, timeout=0)):
            return False
        if has_key(db, part):
            return True
        lemma = lemmas.lemma(part, timeout=0)
        return bool(lemma) and lemma.lower() != part and has_key(db, lemma)
    return known


def _inflected_verb(part, lemma):
    """Say whether part is a verb's form that is not its stem ("kam" of kommen, not "sterbe" of sterben).

    A verb's stem opens compounds ("Sterbe|hilfe", "Brau|meister"); its past or a vowel-changed
    form does not, unless it is a noun too ("Schnitt", "Band"): "Kamellen" (carnival sweets) is
    no "kam" + "Ellen" (came + ells).
    """
    if not lemma or not lemma[:1].islower() or not lemma.endswith("n"):
        return False
    stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1]
    return not part.startswith(stem)


def compound_parts(db, word):
    """Return the parts of a compound, cut where the dictionary and word frequencies say, or None."""
    return compounds.split(word, _known(db), common=lemmas.german_zipf, opens=_known(db, front=True),
                           short_head=word[:1].isupper() and (lambda part: _short_head(db, part)))


# How common a three-letter noun must be to end a compound ("Ziegen|hof", "Transport|box"): short
# strings ending unknown words are mostly suffixes or names ("…gen", "…ben"), not the nouns they spell.
SHORT_HEAD_ZIPF = 4.3


def _short_head(db, part):
    """Say whether a noun may end in part, shorter than compounds.MIN_LAST: a common noun's (not "…bar" of "zumutbar")."""
    return lemmas.german_zipf(part) >= SHORT_HEAD_ZIPF and has_key(db, part.capitalize(), "noun")


def _head_sense(db, headword, found):
    """Return what a noun's last part means where the dictionary's compounds ending in it agree, or "".

    Where none of them ends in one of its own senses, the word most of them end in ("…macher": maker).
    """
    words = senses.one_word_senses(g for e in found if e["pos"] == "noun" for g in e["glosses"])
    rows = suffixed(db, headword)
    return ((len(words) >= 2 and senses.head_sense([english for _key, english in rows], words))
            or senses.common_head(english_of_compounds(db, rows, headword), words))


def _modifier_sense(db, written, found):
    """Return what a front part means where the dictionary's compounds opening with it agree, or ""."""
    english = english_of_prefixed(db, written)
    return senses.modifier_sense(english) or senses.own_modifier_sense(
        english, senses.one_word_senses(g for e in found for g in e["glosses"]))


def literal_first(db, entries):
    """Return entries with the top one's gloss that names its parts first, where Ding has one (see literal)."""
    top = entries[0]
    parts = functools.cache(lambda: compound_parts(db, top["headword"]))

    def heads(rough=False):
        if not parts() or len(parts()) != 2:
            return None
        if rough:  # all the last part's senses, unranked: one exact-key query
            return senses.one_word_senses(g for english in english_of(db, [parts()[1][1]]) for g in split_glosses(english))
        return senses.one_word_senses(g for e in lookup(db, [parts()[1][1]], limit=PART_POOL, want=senses.Want(noun=True))
                                      for g in e["glosses"])

    # Asked only once heads() found two parts; kept per front, which many compounds share ("Haupt…").
    front_senses = functools.cache(lambda: cached(db, ("front senses", *parts()[0]), lambda: _front_senses(db, *parts()[0])))
    gloss = literal.literal_gloss(top["glosses"], heads, lambda: front_senses()[0], lambda: front_senses()[1],
                                  rough_heads=lambda: heads(rough=True))
    if not gloss:
        return entries
    return [{**top, "glosses": [gloss, *(g for g in top["glosses"] if g != gloss)]}, *entries[1:]]


def _front_senses(db, written, front):
    """Return a compound's front's one-word senses as a noun and its sense in compounds (see _modifier_sense)."""
    # Nouns joined: a particle's front ("Vor|jahr") is no noun English would set first.
    found = [e for e in lookup(db, [front], limit=PART_POOL, want=senses.Want(noun=True)) if e["pos"] == "noun"]
    if not found:
        return [], ""
    return senses.one_word_senses(g for e in found for g in e["glosses"]), _modifier_sense(db, written, found)


def reformed_noun(db, word, sentence_initial):
    """Return the reformed spelling of a noun in the old one ("Schloß": "Schloss"), if Ding has only that."""
    # simplemma reads "Schloß" and "Paß" as forms of schließen and passen, whose nominalised
    # infinitives ("Schließen") Ding has; a capital mid-sentence says noun, and Ding's noun
    # under the spelling of 1996 is the word. Where Ding has the word with its ß ("Maße"), it stays.
    if "ß" not in word or not word[0].isupper() or sentence_initial or has_key(db, word):
        return None
    modern = word.replace("ß", "ss")
    return modern if has_key(db, modern, "noun") else None


def fallback(db, word, want):
    """Return (entries, split) for a word the dictionary lacks: old spelling, a name's genitive, else its parts."""
    if "ß" in word:
        entries = lookup(db, [word.replace("ß", "ss"), lemmas.lemma(word.replace("ß", "ss"), timeout=0)],
                         want=want)
        if entries:
            return entries, None
    if (genitive := _genitive_base(db, word)):
        # "Russlands" is Russland's: the lemmatiser knows no genitive of a name, and the split
        # would make it "Russ|lands".
        return lookup(db, [genitive], want=want), None
    if english_word(word):
        # "Telegram", "Website": an English word whole, not "Tele|gram" (tele-lens + grief).
        return [], None
    parts = compound_parts(db, word)
    lemma = lemmas.lemma(word, timeout=0)
    if not parts and lemma and lemma != word:
        # An inflected compound whose last part Ding has only in its base form: "dreitägige" is
        # "drei" + "tägig", found through its lemma "dreitägig".
        parts = compound_parts(db, lemma)
    if not parts:
        return [], None
    split = []
    for i, (written, headword) in enumerate(parts):
        last = i == len(parts) - 1
        # The last part of a compound decides its part of speech: that of a noun (capitalised,
        # also at the start of a sentence) is a noun, "preisen" in "Papierpreisen" is "Preis".
        noun = word[:1].isupper() or bool(want.noun)
        part_want = senses.Want(noun=True) if (last and noun) or headword[:1].isupper() else senses.Want()
        keys = [headword, lemmas.lemma(headword, timeout=0)]
        if not last or noun:  # a front part is a noun's stem: "Fichten" in "Fichtenwälder" is "Fichte"
            keys.append(lemmas.lemma(headword.capitalize(), timeout=0))
        found = lookup(db, keys, limit=PART_POOL, want=part_want if last else senses.Want(noun=True))
        singular = [e for e in found if e["gender"] != "pl"]
        if last and noun:
            found = _by_plural(found, written)
        if not last and singular and singular[0]["pos"] == "noun":
            # A front part names a kind, in the singular: a plural row of the same spelling
            # ("Hupen {pl}": horns) gives way to a singular noun ("Hupen {n}": honking concert).
            found = singular
        split.append({"written": written, "headword": headword, "entries": found[:3],
                      "glosses": [g for e in found for g in e["glosses"]],
                      # A front part means what it means in front of other nouns ("Kampf|jets": combat).
                      "gloss": (not last and _modifier_sense(db, written, found))
                      or (last and noun and _head_sense(db, headword, found))
                      or senses.plain_gloss(found)})
    return [], split


def _by_plural(found, written):
    """Return the nouns whose plural is written, where it is one and no singular ("Holz|bänken": Bänke, benches, not Banken)."""
    form = written.capitalize()
    own = [e for e in found if e["pos"] == "noun" and e["plural"] and form in (e["plural"], e["plural"] + "n")]
    if not own or any(e["headword"] == form and e["gender"] != "pl" for e in found):
        return found
    # Only nouns of another plural go: most of Ding's lines name no plural at all.
    return [e for e in found if e in own or not (e["pos"] == "noun" and e["plural"])]


def _genitive_base(db, word):
    """Return the noun a capitalised genitive in -s or -es stands for, where Ding has that noun; or None."""
    if not word[:1].isupper() or not word.endswith("s") or len(word) < 5:
        return None
    for base in (word[:-1], word[:-2] if word.endswith("es") else ""):
        if len(base) >= 4 and has_key(db, base, "noun"):
            return base
    return None


def english_word(word, margin=0.0):
    """Say whether a word is a common English word (not only a name), not rarer in English than in German.

    margin: how much rarer (in Zipf steps) it may be and still count: "Handy" (a mobile phone) and
    "Chef" (a boss) are German words, however common in English.
    """
    low = word.lower()
    english = lemmas.zipf(low)
    return (english >= ENGLISH_MIN_ZIPF and english >= lemmas.german_zipf(low) - margin
            and synonyms.system().common_word(low))


# How common an English word must be (Zipf: about once per three million words) to be read as
# the loanword a German text uses: "caterer" is, "tipper" only just.
ENGLISH_MIN_ZIPF = 2.5


def split_meaning(split, written):
    """Return what a word shown as its parts means: a derivation's English ("kiloweise": by the kilogram), else its parts'."""
    return derivations.meaning(split, written) or senses.split_meaning(
        [p["gloss"] for p in split], written[:1].isupper())
