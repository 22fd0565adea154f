"""Helpers the word tests share: a word looked up where it stands, a small WordNet of their own."""
from annotations.notes.anchoring import cp_to_utf16
from annotations.reading import articles
from annotations.words import context, senses, synonyms


def look(db, sentence, word, nth=0):
    """Return in_context() for the nth occurrence of word in sentence."""
    at = -1
    for _ in range(nth + 1):
        at = sentence.index(word, at + 1)
    return context.in_context(db, sentence, at, at + len(word))


def first_meaning(db, sentence, word):
    """Return the meaning the first entry for word in sentence pre-fills."""
    return senses.best_gloss(look(db, sentence, word)["entries"][0])


def meaning(db, sentence, word, english):
    """Return the meaning align.meaning_in finds for word with the sentence's translation cached."""
    from annotations.words import align
    return align.meaning_in(db, look(db, sentence, word), sentence, english, english)[0]


def popover_page(client, db, text, word):
    """Return the popover's HTML for the first occurrence of word in a new article of text."""
    article_id = articles.create_article(db, text)
    at = text.index(word)
    start, end = cp_to_utf16(text, at), cp_to_utf16(text, at + len(word))
    return client.get(f"/words/lookup?article={article_id}&n=1&start={start}&end={end}").get_data(as_text=True)


def write_wordnet(root, synsets, files=None, definitions=None):
    """Write a small WordNet database: synsets is {pos: [[word, …], …]}, each list one synset.

    files: {a synset's first word: the number of its lexicographer file} (18: noun.person); else 0.
    definitions: {a synset's first word: its definition}; else "a sense".
    """
    files, definitions = files or {}, definitions or {}
    header = "  1 A small WordNet for tests, in the format of Princeton's database files.\n"
    for pos in ("noun", "verb", "adj", "adv"):
        data, index = header.encode(), {}
        for words in synsets.get(pos, []):
            offset = len(data)
            names = " ".join(f"{w.replace(' ', '_')} 0" for w in words)
            data += f"{offset:08d} {files.get(words[0], 0):02d} {pos[0]} {len(words):02x} {names} 000 | {definitions.get(words[0], 'a sense')}\n".encode()
            for w in words:
                index.setdefault(w.lower().replace(" ", "_"), []).append(offset)  # index keys are lower case
        (root / f"data.{pos}").write_bytes(data)
        lines = [f"{w} {pos[0]} {len(o)} 0 {len(o)} 0 {' '.join(f'{x:08d}' for x in o)}\n" for w, o in sorted(index.items())]
        (root / f"index.{pos}").write_text(header + "".join(lines), encoding="utf-8")
    return synonyms.WordNet(str(root))
