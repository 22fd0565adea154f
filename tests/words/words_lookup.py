"""Look a word up where it stands in a sentence, as the popover does (for the word tests)."""
from annotations.words import context


def look(db, sentence, word, nth=0):
    """Return in_context() for the nth occurrence of word in sentence."""
    at = -1
    for _ in range(nth + 1):
        at = sentence.index(word, at + 1)
    return context.in_context(db, sentence, at, at + len(word))
