"""Translation: providers, the forever cache, Translate all jobs, sentence alignment, views."""
