"""The sense benchmark's judge: a gloss spelled another way is still the same meaning."""
import importlib.util
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[2] / "bench" / "bench_senses.py"
_SPEC = importlib.util.spec_from_file_location("bench_senses", _PATH)
bench_senses = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(bench_senses)


@pytest.mark.parametrize("gloss, accepted, right", [
    # A hyphen or a space between the same words is a spelling variant, on either side.
    ("animal-rights activist", {"animal rights activist"}, True),
    ("animal rights activist", {"animal-rights activist"}, True),
    ("to be well-received", {"be well received"}, True),
    # Ding's typographic apostrophe is the judge's plain one.
    ("citizens’ initiative", {"citizens' initiative"}, True),
    ("citizens' initiative", {"citizens’ initiative"}, True),
    # Another meaning stays wrong.
    ("animal-rights activist", {"animal keeper"}, False),
    ("rights", {"animal rights activist"}, False),
    # Ding's object placeholders are notation: "to win sb. over" is "win over".
    ("to win sb. over (with sth.)", {"win over"}, True),
    ("to put sth. down to sth.", {"put down to"}, True),
    ("to put sth./sb. off", {"put off"}, True),
    ("to win sb. over", {"win sb. over"}, True),  # the same notation on the judged side
    ("to do so.", {"do so"}, True),  # "so." is English, not a placeholder
    ("to win sb. over", {"put off"}, False),
    # Ding's slash offers alternatives for one word: "building land/ground" says "building land".
    ("building land/ground [Br.]", {"building land"}, True),
    ("to root / rifle through sth.", {"rifle through"}, True),
    ("additional/supplementary demand", {"additional charge"}, False),
])
def test_a_gloss_spelled_another_way_is_the_same_meaning(gloss, accepted, right):
    assert bench_senses.right(gloss, accepted) is right

