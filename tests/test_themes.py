"""The dark palette is written twice in themes.css (the system's dark mode, and dark chosen by the
reader: plain CSS cannot share one rule between a media query and an attribute); both must agree."""
import re
from pathlib import Path

THEMES = Path(__file__).resolve().parent.parent / "static" / "themes.css"


def declarations(block):
    return dict(re.findall(r"(--[\w-]+|color-scheme)\s*:\s*([^;]+);", block))


def test_system_dark_and_chosen_dark_are_the_same_palette():
    css = THEMES.read_text(encoding="utf-8")
    system = re.search(r"@media \(prefers-color-scheme: dark\) \{\s*:root:not\(\[data-theme\]\) \{(.*?)\}", css, re.S)
    chosen = re.search(r":root\[data-theme=\"dark\"\] \{(.*?)\}", css, re.S)
    assert system and chosen
    assert declarations(system.group(1)) == declarations(chosen.group(1))
    assert len(declarations(chosen.group(1))) > 40  # the whole palette, not a fragment
