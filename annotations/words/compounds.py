"""Words the dictionary lacks as written: contractions ("im") and compounds ("Milliardenhöhe").

A compound is split into headwords the dictionary itself knows, the last part (which gives the
compound its meaning and gender) as long as possible, with the linking elements German puts
between parts (Beistand-s-klausel, Klasse-n-erhalt); a front part may be a verb's stem (Kletter-turm).
Where the front and the next part make a headword, that word is the front ([Nord-see]-küste).
"""
# Preposition + article in one word: "im" is "in dem".
CONTRACTIONS = {
    "am": ("an", "dem"), "ans": ("an", "das"), "aufs": ("auf", "das"), "beim": ("bei", "dem"),
    "durchs": ("durch", "das"), "fürs": ("für", "das"), "hinterm": ("hinter", "dem"),
    "hinters": ("hinter", "das"), "im": ("in", "dem"), "ins": ("in", "das"), "überm": ("über", "dem"),
    "übers": ("über", "das"), "ums": ("um", "das"), "unterm": ("unter", "dem"),
    "unters": ("unter", "das"), "vom": ("von", "dem"), "vorm": ("vor", "dem"), "vors": ("vor", "das"),
    "zum": ("zu", "dem"), "zur": ("zu", "der"),
}
LINKS = ("", "s", "es", "n", "en", "er", "e")
# Nouns ending so take the linking -s- in nearly every compound: "Verhandlung|s|tage" (days of
# hearings), not "Verhandlung" + "Stage" (a stay), however rare "verhandlungs" is as a word of its
# own; unless the part with the s is the commoner word ("Heizung|steuerung", not "…|teuerung").
LINKING_S = ("ung", "heit", "keit", "schaft", "ion", "tät", "ling", "tum")
# Inseparable verb prefixes: a word that opens with one is that verb's form or its noun, not a
# compound whose front is the prefix read as a word ("ent|wurmt" is entwurmen, not Ente + wurmen).
# Words that open no compound, though a linking element may seem to follow their stem: a question
# word, a conjunction, an article, a personal pronoun. "Wannsee" (a lake) is no "Wan|n|see".
NO_FRONT = frozenset("""wann wie wo was wer wen wem wessen und oder aber dass ob wenn als denn doch
    der die das den dem des ich du er sie es wir ihr""".split())
INSEPARABLE = ("emp", "ent", "ver", "zer")
MIN_PART = 3
MIN_LAST = 4
MAX_PARTS = 3
# Letters: the longest compounds in print have about 80; a longer run of letters is no word, and
# splitting it costs a query for each cut (a 20,000-letter one took a popover 23 s).
MAX_LENGTH = 80


def contraction(word):
    """Return (preposition, article) when word is a contraction such as "im", else None."""
    return CONTRACTIONS.get(word.lower())


def split(word, known, parts=MAX_PARTS, common=None, opens=None, short_head=None):
    """Return the parts of a compound as [(as written, headword)], or None.

    known(text) says whether the dictionary has text (lower case) as a headword; the last
    part is tried longest first, the parts before it may be compounds themselves.
    opens(text), where given, says whether a front part may be text (else known(text) does).
    common(text), where given, says how common a German word is: where a linking element may
    open the longest last part, the reading whose rarer part is commoner wins ("Straßen|ecken",
    street corners, not "Straße|necken", street + to tease; but "Grund|steuer", not "Grunds|teuer").
    short_head(text), where given, says whether a last part shorter than MIN_LAST may be text.
    """
    low = word.lower()
    shortest = MIN_PART if short_head else MIN_LAST
    if parts < 2 or not MIN_PART + shortest <= len(low) <= MAX_LENGTH:
        return None
    for cut in range(MIN_PART, len(low) - shortest + 1):
        last = low[cut:]
        if not known(last) or (len(last) < MIN_LAST and not short_head(last)):
            continue
        for link in LINKS[1:] if common else ():
            shorter = last[len(link):]
            front = low[:cut + len(link)]
            if (last.startswith(link) and len(shorter) >= MIN_LAST and known(shorter)
                    and (min(common(front), common(shorter)) > min(common(low[:cut]), common(last))
                         or link == "s" and low[:cut].endswith(LINKING_S) and common(shorter) >= common(last))
                    and (head := _head(word[:cut + len(link)], known, parts - 1, opens))):
                return [*head, (word[cut + len(link):], shorter)]
        head = _head(word[:cut], known, parts - 1, opens)
        if head:
            return (parts >= 3 and len(head) == 1 and _left_branching(word, cut, known, opens, common)) or [
                *head, (word[cut:], last)]
    return None


def infinitives(stem):
    """Return the infinitives a verb's stem may have, the likelier first.

    A stem in -er or -el mostly takes only "-n" ("förder" → "fördern", "sammel" → "sammeln"),
    but not where the -er/-el is the root's own ("spiel" → "spielen", "leer" → "leeren"):
    the dictionary, which knows one of them, decides.
    """
    return (stem + "n", stem + "en") if stem.endswith(("er", "el")) else (stem + "en",)


def _left_branching(word, cut, known, opens, common=None):
    """Return [front, last] where the front and the first part of the last make a headword, or None.

    A German compound of three nouns is mostly built on a compound front ("[Tisch|tennis]|spielerin",
    "[Nord|see]|küste"): where the dictionary has the front and the next part as one word,
    that word is the front, and the compound's last part is what is left. Some are built the
    other way ("Kinder|[spiel|platz]", "Atom|[kraft|werk]"): the grouping whose compound is the
    commoner word wins (common), "Spielplatz" over "Kinderspiel", "Nordsee" over "Seeküste".
    """
    low = word.lower()
    right = common(low[cut:]) if common else None
    for k in range(cut + MIN_PART, len(low) - MIN_LAST + 1):
        if (known(low[k:]) and _head(word[cut:k], known, 1, opens)
                and (front := _head(word[:k], known, 1, opens))):
            # Strictly commoner, and known: 0 is no frequency (wordfreq lacks the compound, or its
            # data has not loaded yet), and a tie keeps the default, the compound front.
            if right and common(front[0][1]) < right:
                return None
            return [*front, (word[k:], low[k:])]
    return None


def _head(text, known, parts, opens=None):
    """Return the parts of the front of a compound, its linking element dropped."""
    opens = opens or known
    low = text.lower()
    if low in INSEPARABLE or low in NO_FRONT:
        return None
    for link in LINKS:
        if link and not low.endswith(link):
            continue
        stem = low[:len(low) - len(link)] if link else low
        if len(stem) < MIN_PART:
            continue
        if opens(stem):
            return [(text, stem)]
    # A verb's stem ("Kletter|turm", "Schreib|tisch", "Wechsel|geld"): its infinitive. ("Sterbe|hilfe"
    # is found already: the lemmatiser knows "sterbe" as a form of sterben.)
    if len(low) >= MIN_PART and (infinitive := next((i for i in infinitives(low) if opens(i)), None)):
        return [(text, infinitive)]
    if parts >= 2:
        for link in LINKS:
            if link and not low.endswith(link):
                continue
            inner = split(text[:len(text) - len(link)] if link else text, known, parts, opens=opens)
            if inner:
                return [*inner[:-1], (inner[-1][0] + text[len(text) - len(link):] if link else inner[-1][0],
                                      inner[-1][1])]
    return None
