"""Fixtures the word tests share: small Ding files of their own."""
import pytest

from annotations.words import importer, synonyms


@pytest.fixture
def write_ding(tmp_path):
    """Return a function writing a small Ding dictionary file (the tests' own, never the system's)."""

    def write(text):
        path = tmp_path / "de-en"
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write


@pytest.fixture
def load_ding(db, write_ding, lemmatiser):
    """Return a function importing Ding lines into the test's database; it returns the database."""

    def load(text):
        importer.import_dictionary(db, "ding", write_ding(text))
        return db

    return load


@pytest.fixture(autouse=True)
def no_system_wordnet(monkeypatch, tmp_path_factory):
    """Rank without the machine's WordNet, installed or not: a test that needs synonyms writes its own."""
    empty = synonyms.WordNet(str(tmp_path_factory.mktemp("no-wordnet")))
    monkeypatch.setattr(synonyms, "system", lambda: empty)
