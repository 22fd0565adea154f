"""What the reader knows: a status per lemma, counts, review with FSRS, listening, import and backup."""
