"""The reader's display choices (theme, text size, column width), read from their cookies."""
from typing import NamedTuple

COOKIE_PREFIX = "randnotiz."


class Choice(NamedTuple):
    label: str
    default: str  # drawn by the stylesheet with no attribute
    options: tuple  # (value, label) in the order the Display menu shows them


# The one table: the Display menu (templates/_prefs.html) is rendered from it, and static/prefs.js,
# which writes the cookies, reads the allowed values from that menu.
CHOICES = {
    "theme": Choice("Theme", "system", (("system", "As the system"), ("light", "Light"), ("dark", "Dark"),
                                        ("sepia", "Sepia"))),
    "size": Choice("Text size", "m", (("s", "Small"), ("m", "Medium"), ("l", "Large"), ("xl", "Largest"))),
    "width": Choice("Column width", "normal", (("narrow", "Narrow"), ("normal", "Medium"), ("wide", "Wide"))),
}


def html_attributes(cookies):
    """Return {"data-theme": "dark", …} for the choices in cookies that are allowed and not the default."""
    chosen = {}
    for name, choice in CHOICES.items():
        value = cookies.get(COOKIE_PREFIX + name)
        if value != choice.default and value in dict(choice.options):
            chosen[f"data-{name}"] = value
    return chosen
