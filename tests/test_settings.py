"""Settings: every documented variable is read once at start, validated, and reaches its user."""
import threading

import pytest

from annotations import create_app
from annotations.reading import articles
from annotations.settings import SettingsError
from annotations.sqlite import connect
from annotations.translation import jobs
from annotations.web import SETTINGS_KEY

HX = {"HX-Request": "true"}


def app_from_env(tmp_path, monkeypatch, **env):
    """Create an app configured through the environment only, as `python app.py` is."""
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return create_app({"DATABASE": str(tmp_path / "env.db"), "BACKGROUND_TASKS": False})


@pytest.mark.parametrize("variable, value, path, expected", [
    ("TRANSLATOR", "DeepL", "translator.provider", "deepl"),
    ("TRANSLATE_TIMEOUT", "2.5", "translator.timeout", 2.5),
    ("TRANSLATE_WORKERS", "7", "translator.workers", 7),
    ("TRANSLATE_MAX_CHARS", "300", "translator.limit", 300),
    ("LIBRETRANSLATE_URL", "http://127.0.0.1:5001/", "translator.libretranslate_url", "http://127.0.0.1:5001/"),
    ("LIBRETRANSLATE_API_KEY", "k1", "translator.libretranslate_api_key", "k1"),
    ("MYMEMORY_EMAIL", "a@example.org", "translator.mymemory_email", "a@example.org"),
    ("DEEPL_API_KEY", "k2:fx", "translator.deepl_api_key", "k2:fx"),
    ("MICROSOFT_API_KEY", "k3", "translator.microsoft_api_key", "k3"),
    ("MICROSOFT_REGION", "westeurope", "translator.microsoft_region", "westeurope"),
    ("GOOGLE_TRANSLATE_URL", "http://127.0.0.1:9/m", "translator.google_url", "http://127.0.0.1:9/m"),
    ("MYMEMORY_URL", "http://127.0.0.1:9/get", "translator.mymemory_url", "http://127.0.0.1:9/get"),
    ("DEEPL_URL", "http://127.0.0.1:9/deepl", "translator.deepl_url", "http://127.0.0.1:9/deepl"),
    ("MICROSOFT_URL", "http://127.0.0.1:9/ms", "translator.microsoft_url", "http://127.0.0.1:9/ms"),
    ("DING_PATH", "/srv/ding", "ding_path", "/srv/ding"),
    ("FREEDICT_PATH", "/srv/freedict", "freedict_path", "/srv/freedict"),
    ("SECRET_KEY", "s3cret", "secret_key", "s3cret"),
])
def test_every_documented_variable_is_read(tmp_path, monkeypatch, variable, value, path, expected):
    app = app_from_env(tmp_path, monkeypatch, **{variable: value})
    found = app.extensions[SETTINGS_KEY]
    for part in path.split("."):
        found = getattr(found, part)
    assert found == expected


def test_reader_db_chooses_the_database_file(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_DB", str(tmp_path / "chosen.db"))
    app = create_app({"BACKGROUND_TASKS": False})
    assert app.config["DATABASE"] == str(tmp_path / "chosen.db") and (tmp_path / "chosen.db").exists()


def test_config_wins_over_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("TRANSLATE_WORKERS", "7")
    app = create_app({"DATABASE": str(tmp_path / "c.db"), "BACKGROUND_TASKS": False, "TRANSLATE_WORKERS": 2})
    assert app.extensions[SETTINGS_KEY].translator.workers == 2


@pytest.mark.parametrize("variable, value, words", [
    ("TRANSLATOR", "babelfish", "not one of"),
    ("TRANSLATE_TIMEOUT", "soon", "TRANSLATE_TIMEOUT"),
    ("TRANSLATE_TIMEOUT", "0", "above 0"),
    ("TRANSLATE_WORKERS", "0", "from 1 to 16"),
    ("TRANSLATE_WORKERS", "many", "TRANSLATE_WORKERS"),
    ("TRANSLATE_MAX_CHARS", "5", "at least 20"),
])
def test_a_bad_value_stops_the_start_and_says_why(tmp_path, monkeypatch, variable, value, words):
    with pytest.raises(SettingsError) as err:
        app_from_env(tmp_path, monkeypatch, **{variable: value})
    assert words in str(err.value)


def test_translate_workers_7_gives_7_calls_in_flight(tmp_path, monkeypatch, fake):
    """Translate all, as the reader starts it, keeps exactly TRANSLATE_WORKERS calls at the provider."""
    fake.gate = threading.Event()
    app = app_from_env(tmp_path, monkeypatch, TRANSLATE_WORKERS="7",
                       **{k: str(v) for k, v in fake.config("google").items()})
    client = app.test_client()
    conn = connect(app.config["DATABASE"])
    aid = articles.create_article(conn, "\n\n".join(f"Absatz Nummer {i} ist hier." for i in range(10)))
    assert client.post(f"/articles/{aid}/translate-all", headers=HX).status_code == 202
    for _ in range(7):
        assert fake.received.acquire(timeout=10)
    # All seven workers wait at the gate; an eighth call would have to be a worker too many.
    assert not fake.received.acquire(timeout=1)
    fake.gate.set()
    job = conn.execute("SELECT id FROM translate_jobs WHERE article_id = ?", [aid]).fetchone()[0]
    assert jobs.wait(job, 20)
    assert fake.count() == 10
    conn.close()


def test_safety_settings_are_read_and_checked():
    from annotations.settings import SettingsError, load
    s = load({"DATABASE": "x.db"}, {"READER_ALLOWED_HOSTS": " Lesen.example, tablet.local ,",
                                    "READER_ALLOW_PRIVATE_URLS": "1", "READER_PASSWORD": "geheim-genug"})
    assert s.allowed_hosts == ("lesen.example", "tablet.local") and s.allow_private_urls
    assert "lesen.example" in s.trusted_hosts and "127.0.0.1" in s.trusted_hosts
    assert s.password_hash.startswith("$argon2id$") and "geheim" not in s.password_hash
    assert s.secret_key != "randnotiz-local"  # a public key would let anyone forge the login cookie
    with pytest.raises(SettingsError, match="READER_API_TOKEN"):
        load({"DATABASE": "x.db"}, {"READER_API_TOKEN": "short"})
    assert load({"DATABASE": "x.db", "BIND_HOST": "::1"}, {}).password_hash == ""
