"""The reader's display choices (theme, text size, column width), read from their cookies."""

COOKIE_PREFIX = "randnotiz."
# name -> the values allowed; the first is the default, drawn by the stylesheet with no attribute.
# static/prefs.js holds the same table (it writes the cookies); tests/test_display.py keeps the two equal.
CHOICES = {
    "theme": ("system", "light", "dark", "sepia"),
    "size": ("m", "s", "l", "xl"),
    "width": ("normal", "narrow", "wide"),
}


def html_attributes(cookies):
    """Return {"data-theme": "dark", …} for the choices in cookies that are allowed and not the default."""
    chosen = {}
    for name, allowed in CHOICES.items():
        value = cookies.get(COOKIE_PREFIX + name)
        if value in allowed[1:]:
            chosen[f"data-{name}"] = value
    return chosen
