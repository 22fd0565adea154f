"""Words: lemmas, the offline dictionary and its importer, the vocabulary, Anki export, views."""
