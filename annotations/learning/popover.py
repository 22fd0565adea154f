"""What the word popover shows about learning: the word's status and what can read it aloud."""
from ..translation import sentences
from ..words import lemmas
from . import marking, speech, status


def context(db, result, text, espeak):
    """Return the popover's learning part for a looked-up word (result of dictionary.in_context)."""
    # A single word is keyed exactly as the text marks it (marking.token_keys: its lemma, or its
    # separable verb's); a phrase by itself.
    word = result["separable"] or (result["surface"] if not result["multiword"] else result["lemma"])
    # Asked first: keys made while the lemmatiser loads are words as written, not for storing.
    lemmatised = lemmas.ready()
    key = (marking.key_at(db, text, result["start"]) if not result["multiword"] else None) or status.key_of(word)
    current = status.get(db, key)
    spans = sentences.sentence_spans(text)
    index = next((i for i, (a, b) in enumerate(spans) if a <= result["start"] < b), None)
    return {"word": word, "key": key, "lemmatised": lemmatised, **current, "label": status.label(current["status"], current["level"]),
            "sentence_index": index, "speech_reason": speech.unavailable_reason(espeak)}
