// words: placeholder
