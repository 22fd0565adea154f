"""Search over everything: article text, translations, highlighted quotes, notes and saved words."""
