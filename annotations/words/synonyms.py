"""English synonyms from WordNet, to see a dictionary sense in a translation that words it otherwise.

A translation says "uses" where Ding has "to utilize", "former" where it has "erstwhile":
the same sense in another English word. WordNet (Debian's wordnet-base, read from the system
at run time, never copied into the repository) groups such words into synsets. Its index
files are sorted, so a word is found by binary search on the file: nothing is loaded up front,
and a lookup costs a few reads.
"""
import functools
import os

WORDNET_DIR = "/usr/share/wordnet"
_POS = ("noun", "verb", "adj", "adv")
_WORDNET_POS = {"noun": ("noun",), "verb": ("verb",), "adjective": ("adj",), "adverb": ("adv",)}


class WordNet:
    """The WordNet database files in one folder (index.noun, data.noun, …)."""

    def __init__(self, root=WORDNET_DIR):
        self.root = root
        self.available = all(os.path.exists(os.path.join(root, f"{kind}.{pos}"))
                             for pos in _POS for kind in ("index", "data"))

    def synonyms(self, word, senses=3, pos=None):
        """Return the other words of word's commonest senses (at most senses per part of speech).

        WordNet lists a word's senses commonest first: a rare sense ("utilize" as a
        "consumer's utility") does not make its words synonyms of the everyday one.
        pos: a dictionary's part of speech ("noun", "verb", "adjective", "adverb") to keep to
        its senses ("land" the noun is "ground", not "set down"); None or another: all.
        """
        word = " ".join(word.lower().split())
        if not self.available or not word:
            return frozenset()  # "" would find the licence header at the top of each index
        return self._synonyms(word, senses, _WORDNET_POS.get(pos, _POS))

    @functools.lru_cache(maxsize=20_000)
    def _synonyms(self, word, senses, parts):
        key = word.replace(" ", "_")
        found = set()
        for pos in parts:
            for offset in self._offsets(pos, key)[:senses]:
                found.update(self._words(pos, offset))
        found.discard(word)
        return frozenset(found)

    @functools.lru_cache(maxsize=20_000)
    def knows(self, word, parts):
        """Say whether WordNet has word, or the base form of it as inflected, as one of parts ("noun", "adj" …).

        "keepers" is the noun "keeper", "wrapped" the verb "wrap", "ran" the verb "run" (its exceptions file).
        """
        word = word.lower()
        if not self.available or not word:
            return False
        for pos in parts:
            exceptions = os.path.join(self.root, f"{pos}.exc")
            exception = _find(exceptions, word) if os.path.exists(exceptions) else None
            bases = {word, *_BASES.get(pos, lambda w: ())(word), *(exception.split()[1:] if exception else ())}
            if any(_find(os.path.join(self.root, f"index.{pos}"), b.replace(" ", "_")) for b in bases if b):
                return True
        return False

    @functools.lru_cache(maxsize=5_000)
    def plural(self, word):
        """Say whether word is an English noun's plural: WordNet has its singular, not it ("tourists", "children")."""
        key = word.lower().replace(" ", "_")
        return bool(self.available and key and not self._offsets("noun", key) and self.knows(key, ("noun",)))

    @functools.lru_cache(maxsize=5_000)
    def verb_base(self, word):
        """Return the verb WordNet lists an inflected form under ("howling": "howl", "ran": "run"), or None."""
        word = word.lower()
        if not self.available or not word:
            return None
        exceptions = os.path.join(self.root, "verb.exc")
        exception = _find(exceptions, word) if os.path.exists(exceptions) else None
        irregular = exception.split()[1:] if exception else []
        bases = irregular + sorted(set(_verb_bases(word)) - {""}, key=len, reverse=True)
        return next((b for b in bases if b != word and _find(os.path.join(self.root, "index.verb"), b)), None)

    @functools.lru_cache(maxsize=2_000)
    def common_word(self, word):
        """Say whether word is an English common word (not only a name): "website", not "Paris".

        WordNet writes names capitalised in its synsets ("Paris", "City of Light") and common
        words in lower case, so a word counts where one of its commonest senses has it so.
        """
        key = word.lower().replace(" ", "_")
        if not self.available or not key:
            return False
        return any(key in self._synset(pos, offset) for pos in _POS for offset in self._offsets(pos, key)[:3])

    @functools.lru_cache(maxsize=5_000)
    def lexicographer_file(self, word, pos="noun"):
        """Return the number of the lexicographer file of word's commonest sense (18: noun.person), or None.

        WordNet files each synset under a broad class: "cyclist" under noun.person, "scooter"
        under noun.artifact. An English plural counts as its singular ("bees": "bee", not
        "be"); a sense as a name ("Lodge", a physicist) is not the common word's.
        """
        key = word.lower().replace(" ", "_")
        if not self.available or not key:
            return None
        bases = sorted({b for b in _BASES.get(pos, lambda w: ())(key) if b}, key=len, reverse=True)
        for base in (key, *bases):
            for offset in self._offsets(pos, base)[:3]:
                lexfile, words, _pointers, _definition = self._record(pos, offset)
                if base in words:
                    return lexfile
        return None

    @functools.lru_cache(maxsize=20_000)
    def senses_of(self, word, pos="noun", senses=3):
        """Return word's commonest senses in pos, each (lexicographer file, words, definition, hypernyms' words).

        What a sense is about: "embassy" is "a diplomatic building where ambassadors live or
        work", a kind of "building, edifice". pos: WordNet's ("noun", "verb", "adj", "adv").
        """
        key = " ".join(word.lower().split()).replace(" ", "_")
        if not self.available or not key or pos not in _POS:
            return ()
        out = []
        for offset in self._offsets(pos, key)[:senses]:
            lexfile, words, pointers, definition = self._record(pos, offset)
            above = [w for symbol, at, part in pointers if symbol in ("@", "@i") and part == pos[0]
                     for w in self._words(pos, at)]
            out.append((lexfile, tuple(w.replace("_", " ").lower() for w in words), definition, tuple(above)))
        return tuple(out)

    def _record(self, pos, offset):
        """Return the synset at offset: (lexicographer file, words as WordNet writes them, pointers (symbol, offset, pos), definition)."""
        with open(os.path.join(self.root, f"data.{pos}"), "rb") as f:
            f.seek(offset)
            line = f.readline().decode("utf-8", "replace")
        head, _, definition = line.partition(" | ")
        fields = head.split()
        # synset_offset lex_filenum ss_type w_cnt [word lex_id]… p_cnt [symbol offset pos source/target]…
        # An adjective's position marker ("galore(ip)") is no part of the word.
        count = int(fields[3], 16)
        words = [w.split("(")[0] for w in fields[4:4 + 2 * count:2]]
        at = 4 + 2 * count
        pointers = [(fields[i], int(fields[i + 1]), fields[i + 2]) for i in range(at + 1, at + 1 + 4 * int(fields[at]), 4)]
        return int(fields[1]), words, pointers, definition.strip()

    def _offsets(self, pos, key):
        line = _find(os.path.join(self.root, f"index.{pos}"), key)
        if not line:
            return []
        # lemma pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt synset_offset…
        fields = line.split()
        pointers = int(fields[3])
        return [int(o) for o in fields[6 + pointers:]]

    def _synset(self, pos, offset):
        """Return the words of the synset at offset as WordNet writes them ("Paris", "web_site")."""
        return self._record(pos, offset)[1]

    def _words(self, pos, offset):
        return {w.replace("_", " ").lower() for w in self._synset(pos, offset)}


def _noun_bases(word):
    """Return what an English plural may be the plural of ("cities": "city", "boxes": "box")."""
    return [word[:-3] + "y" if word.endswith("ies") else "", word[:-2] if word.endswith("es") else "",
            word[:-1] if word.endswith("s") else ""]


def _verb_bases(word):
    """Return what an inflected English verb may be the base of ("wrapped", "making", "tries")."""
    bases = _noun_bases(word)
    for ending in ("ed", "ing"):
        if word.endswith(ending):
            stem = word[:-len(ending)]
            bases += [stem, stem + "e"] + ([stem[:-1]] if len(stem) > 2 and stem[-1] == stem[-2] else [])
    return bases + ([word[:-1]] if word.endswith("d") else [])


def _adjective_bases(word):
    """Return what an English comparative or superlative may grade ("larger", "biggest")."""
    bases = []
    for ending in ("er", "est"):
        if word.endswith(ending):
            stem = word[:-len(ending)]
            bases += [stem, stem + "e"] + ([stem[:-1]] if len(stem) > 2 and stem[-1] == stem[-2] else [])
    return bases


_BASES = {"noun": _noun_bases, "verb": _verb_bases, "adj": _adjective_bases}


def _find(path, key):
    """Return the line of a sorted WordNet index file that starts with key, or None."""
    target = key.encode("utf-8")
    # Small reads: each step of the search reads one line or two, not a whole buffer.
    with open(path, "rb", buffering=1024) as f:
        lo, hi = 0, os.fstat(f.fileno()).st_size
        while lo < hi:
            mid = (lo + hi) // 2
            f.seek(mid)
            if mid:
                f.readline()  # the rest of the line mid fell into
            line = f.readline()
            head = line.split(b" ", 1)[0] if line and not line.startswith(b" ") else b""
            if not line or head > target:
                hi = mid
            elif head == target:
                return line.decode("utf-8", "replace")
            else:
                lo = mid + 1
    # The first line after the licence header is never found after a readline: read it.
    with open(path, "rb") as f:
        for line in f:
            if not line.startswith(b" "):
                return line.decode("utf-8", "replace") if line.split(b" ", 1)[0] == target else None
    return None


@functools.lru_cache(maxsize=1)
def system():
    """Return the system's WordNet (unavailable where wordnet-base is not installed)."""
    return WordNet()
