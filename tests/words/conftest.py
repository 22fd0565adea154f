"""Fixtures the word tests share: small Ding files of their own."""
import pytest


@pytest.fixture
def write_ding(tmp_path):
    """Return a function writing a small Ding dictionary file (the tests' own, never the system's)."""

    def write(text):
        path = tmp_path / "de-en"
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write
