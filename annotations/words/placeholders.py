"""Whom or what a Ding line's verb takes as its direct object: "jdn." (a person), "etw." (a thing), or both.

"jdn. einstellen" is to hire sb., "etw. einstellen" to discontinue sth.: the placeholder Ding
heads the line with says which objects the sense is for. A placeholder after a preposition
("an jdn.", "(to sb.)") names another argument, not the direct object.
"""
import re

_GERMAN = re.compile(r"(?<![\w.])(jdn|etw|jdm|jds|jd)\.")
_ENGLISH = re.compile(r"(?<![\w.])(sb|sth)\.(?![’']s)")
_SLASHED = re.compile(r"(?<![\w.])(sb|sth|jdn|etw)\./(sb|sth|jdn|etw)\.")
# A placeholder after one of these (or inside a comment) is a prepositional object.
_GERMAN_PREPOSITIONS = frozenset("""an auf aus bei durch für gegen in mit nach über um unter von vor zu zwischen
    hinter neben gegenüber""".split())
_ENGLISH_PREPOSITIONS = frozenset("""about after against around at between by for from in into of on onto over through to with
    towards under as""".split())
_COMMENT = re.compile(r"\([^)]*\)|\[[^\]]*\]|\{[^}]*\}|<[^>]*>")

PERSON, THING = "person", "thing"
_KIND = {"jdn": PERSON, "sb": PERSON, "etw": THING, "sth": THING}


def direct_objects(text, english=False):
    """Return the kinds ({"person", "thing"}) of direct object a German headword (or an English gloss) names.

    "jdn./etw. verbannen": both; "an jdn. vergeben": none (a prepositional object);
    "to call in <> sb.": a person.
    """
    # "to call in <> sb.": Ding's "<>" marks a particle its object may go before ("call sb. in"),
    # so the placeholder after it is the direct object, not that of the particle as a preposition.
    text = _COMMENT.sub(" ", text.replace("<>", " ‹› "))
    text = _SLASHED.sub(lambda m: f"{m.group(1)}. {m.group(2)}.", text)
    pattern, prepositions = (_ENGLISH, _ENGLISH_PREPOSITIONS) if english else (_GERMAN, _GERMAN_PREPOSITIONS)
    found = set()
    for m in pattern.finditer(text):
        before = text[:m.start()].split()
        if before and before[-1].lower() in prepositions or text[:m.start()].endswith(("jdm./", "jds./")):
            continue  # "an jdn.", "jdm./etw. ausweichen": no direct object
        if m.group(1) in _KIND:
            found.add(_KIND[m.group(1)])
    return frozenset(found)


def line_objects(entry):
    """Return the kinds of direct object an entry's sense takes, from its headword and first gloss.

    Where the German names none ("anfordern :: to call in <> sb."), the English does; where
    both do, either counts ("etw. einstellen :: to stop sb./sth.").
    """
    german = direct_objects(entry["headword"])
    english = direct_objects(entry["glosses"][0], english=True) if entry["glosses"] else frozenset()
    return german | english if german else english
