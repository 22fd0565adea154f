"""Parsers for Debian's two German–English dictionary formats: Ding and FreeDict (dictd).

Both yield (group, german, english) rows per aligned sub-entry; the files are GPL and read
from the system at run time, never copied into the repository.
"""
import gzip
import re

from . import object_phrases, senses
from .dictionary import alternatives_of, normalize


# The version of the rules that turn headwords into lookup keys, and of the rows they make:
# raise it when either changes, and the next start imports the dictionary again
# (importer.is_current).
KEYS_VERSION = 12  # 12: plurals of lines with more singulars than plurals


class DictFormatError(ValueError):
    """Raised when a file is not in the dictionary format it was given as."""


# --- Ding ----------------------------------------------------------------------

_TAG = re.compile(r"\{([^}]*)\}")
_NOT_HEADWORD = re.compile(r"\{[^}]*\}|\[[^\]]*\]|<[^>]*>|\([^)]*\)|\s/[^/\s][^/]*/")
_GENDERS = {"m": "m", "f": "f", "n": "n", "pl": "pl", "m,f": "m", "m,n": "m", "n,m": "n", "f,n": "f"}
_POS = {
    "m": "noun", "f": "noun", "n": "noun", "pl": "noun", "m,f": "noun", "m,n": "noun",
    "n,m": "noun", "f,n": "noun", "vt": "verb", "vi": "verb", "vr": "verb", "v": "verb",
    "adj": "adjective", "adv": "adverb", "prp": "preposition", "conj": "conjunction",
    "pron": "pronoun", "ppron": "pronoun", "art": "article", "num": "numeral",
    "interj": "interjection", "ppr": "participle", "pp": "participle",
}


_ARTICLE = frozenset("der die das den dem des".split())
_PLACEHOLDER_WORDS = frozenset("jd jdn jdm jds etw sb sth sich".split())
# A preposition right before a placeholder belongs to it: "jdn. mit etw. beliefern" is "beliefern".
# Those a verb phrase governs (senses.PREPOSITIONS), and those a placeholder may follow besides.
_PREPOSITIONS = senses.PREPOSITIONS | frozenset("gegenüber hinter neben ohne wegen".split())
_SLASHED = re.compile(r"\s/([^/\s][^/]*)/")
_PRONOUNS = re.compile(r"^(?:ich|du|er|sie|es|wir|ihr)(?:/(?:ich|du|er|sie|es|wir|ihr))*\s+")
# normalize() leaves "jdn./etw." as "jdn /etw": join it back into one placeholder word.
_SLASHED_HOLDERS = re.compile(r"(?<=\b(?:jd|sb))\s*/\s*(?=\w)|(?<=\b(?:jdn|jdm|jds|etw|sth))\s*/\s*(?=\w)")
_HINT = re.compile(r"<([^<>]+)>")


def _bare(key):
    """Return key without object placeholders (and their prepositions) or a leading article."""
    # "einer Sache ausgesetzt sein": Ding's other way of writing "etw.".
    key = _SLASHED_HOLDERS.sub("/", senses.generic_object(re.sub(r"\beiner sache\b", "etw", key), "etw"))
    words = key.split()
    # "jdn/etw": a person or a thing, a placeholder all the same.
    holder = [all(p in _PLACEHOLDER_WORDS for p in w.split("/")) for w in words]
    kept = [w for i, w in enumerate(words) if not holder[i]
            and not (w in _PREPOSITIONS and i + 1 < len(words) and holder[i + 1])]
    if len(kept) > 1 and kept[0] in _ARTICLE:
        kept = kept[1:]
    return " ".join(kept)


def ding_keys(alt):
    """Return every lookup key of one German alternative of a Ding entry, the phrase first.

    Besides the phrase itself: its bare form ("der Kreml" → "kreml", "jdn. mit etw.
    beliefern" → "beliefern"), a verb form without its subject ("er/sie fällt" → "fällt"), abbreviations between slashes ("/MwSt.; MWSt./"), Ding's
    <…> hints ("keine; keiner <kein>"), and the word before a gap ("sowohl … als auch").
    """
    main = normalize(alt)
    bare = _bare(main)
    keys = [main, bare]
    pronoun = _PRONOUNS.match(main)
    if pronoun and " " not in main[pronoun.end():]:
        keys.append(main[pronoun.end():])  # "er/sie fällt" (a verb form Ding writes with its subject)
    if bare.endswith((" sein", " werden")) and bare.count(" ") == 1:
        keys.append(bare.split()[0])  # "einer Sache ausgesetzt sein" under "ausgesetzt"
    for group in _SLASHED.findall(" " + alt):
        keys.extend(normalize(a) for a in group.split(";"))
    for group in _HINT.findall(alt):
        keys.extend(_bare(normalize(a)) for a in re.split(r"[;,]", group))
    before_gap = normalize(alt.split("…")[0]) if "…" in alt.strip("… ") else ""
    if before_gap and " " not in before_gap:
        keys.append(before_gap)
    return [k for k in dict.fromkeys(keys) if k]


# An inflected adjective before a noun ("großer Friedhof"), an adverb before a verb ("genau absuchen").
_ADJECTIVE = re.compile(r"^[a-zäöüß]+(?:e|em|en|er|es)$")
_MODIFIER = re.compile(r"^[a-zäöüß]+(?:/[a-zäöüß]+)*$")
_INFINITIVE = re.compile(r"(?:en|ern|eln)$")
_NOT_QUALIFIERS = frozenset("kein keine keinen keinem keiner keines nicht nie niemals".split()) | _PREPOSITIONS


def head_key(key, headword, pos):
    """Return the word a qualified phrase is about ("großer Friedhof" → "friedhof"), or None.

    Ding sometimes lists a word only inside such phrases, one per sense ("großer Friedhof {m}
    (als eigenes Gelände)", "kleiner Friedhof {m} (neben einer Kirche)"; "etw. genau
    absuchen"): the importer files them under the word itself where it has no entry of its own.
    """
    words = [w for w in headword.split() if w.rstrip(".").lower() not in _PLACEHOLDER_WORDS]
    if len(words) != 2 or len(key.split()) != 2:
        return None
    modifier, word = words
    if modifier.lower() in _NOT_QUALIFIERS:
        return None  # "keine Halsvenenstauung", "nicht lockerlassen": the opposite, not a sense
    if pos == "noun" and _ADJECTIVE.match(modifier) and word[:1].isupper():
        return normalize(word)
    if pos == "verb" and _MODIFIER.match(modifier) and _INFINITIVE.search(word) and word.islower():
        return normalize(word)
    return None


def _ding_forms(alt):
    """Return [(key, headword, gender, pos)] of one German alternative of a Ding entry."""
    gender = pos = ""
    for tag in _TAG.findall(alt):
        tag = tag.split(";")[0].strip()
        gender = gender or _GENDERS.get(tag, "")
        pos = pos or _POS.get(tag, "")
    headword = " ".join(_NOT_HEADWORD.sub(" ", alt).split())
    words = headword.split(" ", 1)
    if gender in ("m", "f", "n") and len(words) == 2 and words[0].lower() in _ARTICLE:
        headword = words[1]  # "der Kreml {m}": the article shows from the gender
    return [(key, headword, gender, pos) for key in ding_keys(alt)]


def _plurals(des):
    """Return the plural headword of each alternative of the first sub-entry ("" if none).

    Ding writes a noun's plural as the next sub-entry, alternative for alternative:
    "Soldat {m}; Kriegsknecht {m} | Soldaten {pl}; Kriegsknechte {pl} :: …".
    """
    if len(des) < 2:
        return []
    singular, plural = alternatives_of(des[0].strip()), alternatives_of(des[1].strip())
    if not plural or not all("{pl}" in p for p in plural):
        return []
    words = [" ".join(_NOT_HEADWORD.sub(" ", p).split()) for p in plural]
    nouns = [bool(re.search(r"\{[mfn]\}", s)) for s in singular]
    if len(singular) == len(plural):
        return [p if noun else "" for p, noun in zip(words, nouns)]
    # Fewer plurals than singulars ("Hauptstadt {f}; Kapitale {f} [veraltet] | Hauptstädte {pl}"), or
    # more: a plural goes only to the singular it is visibly the plural of, each used once.
    out, left = [], list(words)
    for s, noun in zip(singular, nouns):
        head = " ".join(_NOT_HEADWORD.sub(" ", s).split())
        mine = next((p for p in left if noun and _plural_of(head, p)), "")
        if mine:
            left.remove(mine)
        out.append(mine)
    return out


_FOLD = str.maketrans("äöü", "aou")


def _plural_of(singular, plural):
    """Say whether plural is visibly singular's: all of it but its last letter, umlauts aside ("Stadt", "Städte")."""
    s, p = singular.lower().translate(_FOLD), plural.lower().translate(_FOLD)
    return " " not in s and len(s) > 2 and p.startswith(s[:-1]) and len(p) <= len(s) + 3


def parse_ding(lines):
    """Yield (sub, german, english, forms) for each aligned sub-entry of Ding lines.

    forms: (key, headword, gender, pos, plural, subs) per lookup key of each German
    alternative; subs, the line's number of sub-entries, says how much Ding has to say about
    this sense (the everyday sense of a word tends to carry the most examples).
    """
    for line in lines:
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        if " :: " not in line:
            continue  # not an entry; Ding has none such, but be lenient with stray lines
        german, english = line.split(" :: ", 1)
        des, ens = german.split(" | "), english.split(" | ")
        plurals = _plurals(des)
        for sub, (de, en) in enumerate(zip(des, ens)):
            de, en = de.strip(), en.strip()
            if not de or not en:
                continue
            alts = alternatives_of(de)
            forms, idioms = [], set()
            for i, alt in enumerate(alts):
                plural = plurals[i] if sub == 0 and i < len(plurals) else ""
                mine = [(*f, plural, len(des)) for f in _ding_forms(alt)]
                forms.extend(mine)
                if object_phrases.idiom(alt):
                    idioms.update(f[1] for f in mine)
            # "besitzen; innehaben; haben {vt}": one tag often covers every alternative.
            shared = next((f[3] for f in forms if f[3]), "")
            forms = [f if f[3] else (*f[:3], shared, *f[4:]) for f in forms]
            # "ein Gebäude abreißen" under "abreißen" as well (see object_phrases.py).
            keys = {f[0] for f in forms}
            verbs = {verb: f for f in forms
                     if f[3] == "verb" and f[1] not in idioms and (verb := object_phrases.object_verb(f[1]))}
            forms.extend((verb, *f[1:]) for verb, f in verbs.items() if verb not in keys)
            if forms:
                yield sub, de, en, forms


# --- FreeDict (dictd) ------------------------------------------------------------

_B64 = {c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}
_FD_GENDER = {"masc": "m", "fem": "f", "neut": "n", "pl": "pl"}
_FD_POS = {"n": "noun", "v": "verb", "adj": "adjective", "adv": "adverb", "prep": "preposition",
           "conj": "conjunction", "pron": "pronoun", "art": "article", "num": "numeral",
           "interj": "interjection", "pl": "noun"}


def _b64(s):
    n = 0
    for c in s:
        n = n * 64 + _B64[c]
    return n


def read_freedict_index(path):
    """Return the sorted, distinct (offset, length) pairs of a dictd .index file."""
    spans = set()
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3:
                raise DictFormatError(f"{path}:{i}: not a dictd index line (headword TAB offset TAB length)")
            head, off, length = parts
            if head.startswith("00database") or head.startswith("00-database"):
                continue
            try:
                spans.add((_b64(off), _b64(length)))
            except KeyError:
                raise DictFormatError(f"{path}:{i}: offset or length is not dictd base64") from None
    return sorted(spans)


def _freedict_entry(text):
    """Return (german, english, forms) of one FreeDict entry, or None for a non-entry."""
    lines = [l for l in text.split("\n") if l.strip()]
    if len(lines) < 2:
        return None
    head = lines[0]
    tags = re.findall(r"<([^>]*)>\s*$", head)
    headword = re.split(r"\s/|\s<|\s\(", head, 1)[0].strip()
    gender = pos = ""
    for t in (tags[0].split(",") if tags else []):
        t = t.strip()
        gender = gender or _FD_GENDER.get(t, "")
        pos = pos or _FD_POS.get(t, "")
    glosses, notes = [], []
    for line in lines[1:]:
        s = line.strip()
        if s.startswith(("Synonym", "see:", '"')):
            continue
        if s.startswith("Note:"):
            if len(notes) < 2:
                notes.append(s[5:].strip())
            continue
        if not line.startswith("      ") and not glosses:
            glosses.append(s)
    if not glosses:
        return None
    english = re.sub(r"\s*<[^>]*>", "", glosses[0])
    english = "; ".join(p.strip() for p in english.split(", ") if p.strip())
    if notes:
        english += " (" + "; ".join(notes) + ")"
    key = normalize(headword)
    if not key or not english:
        return None
    return headword, english, [(key, headword, gender, pos, "", 1)]


def _read_spans(f, spans):
    """Yield the bytes of each (offset, length) span of the file f, spans sorted by offset.

    Reads forward in 1 MB chunks, so a 100 MB dictionary never sits in memory whole.
    """
    buf, buf_start = b"", 0
    for off, length in spans:
        while buf_start + len(buf) < off + length:
            chunk = f.read(1 << 20)
            if not chunk:
                break
            keep = min(len(buf), max(0, off - buf_start))
            buf, buf_start = buf[keep:] + chunk, buf_start + keep
        yield buf[off - buf_start:off - buf_start + length]


def parse_freedict(base, progress=None):
    """Yield (0, german, english, forms) for each entry of FreeDict base.index + base.dict.dz."""
    index, data = base + ".index", base + ".dict.dz"
    spans = read_freedict_index(index)
    total = len(spans) or 1
    try:
        # dictzip is gzip with a random-access table in the header: gzip reads it as a stream.
        with gzip.open(data, "rb") as f:
            for i, raw in enumerate(_read_spans(f, spans)):
                if progress and i % 5000 == 0:
                    progress(i / total)
                entry = _freedict_entry(raw.decode("utf-8", "replace"))
                if entry:
                    yield (0, *entry)
    except (OSError, EOFError) as e:
        raise DictFormatError(f"{data}: not a gzip/dictzip file ({e})") from None
