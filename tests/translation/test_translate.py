"""The translator module through deep-translator's real code, against loopback provider servers."""
import threading
import time

import pytest
from fake_providers import closed_port_url, fake_english

from annotations import create_app
from annotations.translation import translate
from annotations.sqlite import connect
from annotations.settings import SettingsError, translator_settings
from annotations.translation.translate import TranslationError

PROVIDERS = ["google", "libre", "mymemory", "deepl", "microsoft"]
TEXT = "Russland und der Iran rücken noch näher zusammen. Der Kreml hat es angekündigt."


@pytest.mark.parametrize("provider", PROVIDERS)
def test_translates_through_each_provider_and_caches(db, fake, provider):
    config = fake.settings(provider)
    assert translate.translate(db, TEXT, config) == fake_english(TEXT)
    assert translate.translate(db, TEXT, config) == fake_english(TEXT)
    assert fake.calls == [(provider, TEXT)]
    assert translate.cached_translations(db, [TEXT, "unbekannt"], config) == {TEXT: fake_english(TEXT)}


def test_cache_survives_a_restart_and_serves_every_article(app, fake, tmp_path):
    config = fake.config("google")
    first = connect(app.config["DATABASE"])
    translate.translate(first, TEXT, fake.settings("google"))
    first.close()
    again = create_app({"TESTING": True, "DATABASE": app.config["DATABASE"], "BACKGROUND_TASKS": False,
                        "DING_PATH": str(tmp_path / "none"), "FREEDICT_PATH": str(tmp_path / "none"), **config})
    second = connect(again.config["DATABASE"])
    assert translate.cached_translations(second, [TEXT], fake.settings("google")) == {TEXT: fake_english(TEXT)}
    assert translate.translate(second, TEXT, fake.settings("google")) == fake_english(TEXT)
    second.close()
    assert fake.count() == 1


def test_the_cache_is_per_provider(db, fake):
    translate.translate(db, TEXT, fake.settings("google"))
    assert translate.cached_translations(db, [TEXT], fake.settings("libre")) == {}


@pytest.mark.parametrize("provider", ["google", "libre", "deepl"])
def test_a_provider_that_hangs_fails_within_the_timeout(db, fake, provider):
    fake.mode, fake.delay = "sleep", 30
    started = time.monotonic()
    with pytest.raises(TranslationError) as err:
        translate.translate(db, TEXT, fake.settings(provider, TRANSLATE_TIMEOUT=0.5))
    assert err.value.cause == "timeout"
    assert "0.5 seconds" in err.value.message
    assert time.monotonic() - started < 0.5 + 1  # the bound: timeout + 1 s
    assert translate.cached_translations(db, [TEXT], fake.settings(provider)) == {}


@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize("mode, cause, words", [
    ("429", "rate_limited", "429"),
    ("500", "provider_error", "500"),
    ("empty", "empty", "empty"),
    ("none", "empty", ""),
    ("quota", "quota", "quota"),
    ("garbage", None, ""),
])
def test_every_failure_becomes_one_error_naming_its_cause(db, fake, provider, mode, cause, words):
    fake.mode = mode
    with pytest.raises(TranslationError) as err:
        translate.translate(db, TEXT, fake.settings(provider))
    expected = cause or ("empty" if provider == "google" else "bad_response")
    assert err.value.cause == expected
    assert words in err.value.message
    assert fake.settings(provider).label in err.value.message


@pytest.mark.parametrize("provider, cause", [("google", "provider_error"), ("libre", "auth"), ("deepl", "auth")])
def test_a_rejected_key_is_reported(db, fake, provider, cause):
    fake.mode = "403"
    with pytest.raises(TranslationError) as err:
        translate.translate(db, TEXT, fake.settings(provider))
    assert err.value.cause == cause and "403" in err.value.message


@pytest.mark.parametrize("provider", PROVIDERS)
def test_connection_refused_says_unreachable(db, fake, provider):
    closed = closed_port_url()
    config = translator_settings({k: v.replace(fake.url, closed) if isinstance(v, str) else v
                                  for k, v in fake.config(provider).items()})
    with pytest.raises(TranslationError) as err:
        translate.translate(db, TEXT, config)
    assert err.value.cause == "unreachable"
    assert "could not be reached" in err.value.message


def test_a_failure_is_never_cached(db, fake):
    config = fake.settings("google")
    fake.mode = "500"
    with pytest.raises(TranslationError):
        translate.translate(db, TEXT, config)
    assert db["translations"].count == 0
    fake.mode = "ok"
    assert translate.translate(db, TEXT, config) == fake_english(TEXT)
    assert fake.count() == 2


def test_mymemory_quota_warning_is_not_taken_for_a_translation(db, fake):
    fake.mode = "quota"
    with pytest.raises(TranslationError) as err:
        translate.translate(db, TEXT, fake.settings("mymemory"))
    assert err.value.cause == "quota" and "MYMEMORY WARNING" in err.value.message
    assert db["translations"].count == 0


SENTENCES = [f"Das ist der Satz Nummer {i} über z. B. die Stadt." for i in range(1, 13)]


@pytest.mark.parametrize("provider, limit", [("google", 120), ("libre", 200), ("mymemory", 90)])
def test_overlong_text_is_split_at_sentences_and_rejoined_in_order(db, fake, provider, limit):
    text = " ".join(SENTENCES)
    result = translate.translate(db, text, fake.settings(provider, TRANSLATE_MAX_CHARS=limit))
    sent = [t for _, t in fake.calls]
    assert len(sent) > 1 and all(len(t) <= limit for t in sent)
    assert " ".join(sent) == text  # whole sentences, in order, nothing lost
    assert result == " ".join(fake_english(t) for t in sent)


def test_google_texts_over_5000_characters_work_with_the_default_limit(db, fake):
    text = " ".join(SENTENCES * 30)
    assert len(text) > 10_000
    result = translate.translate(db, text, fake.settings("google"))
    assert fake.count() >= 3 and all(len(t) < 5000 for _, t in fake.calls)
    assert result == " ".join(fake_english(t) for _, t in fake.calls)


def test_a_single_monster_sentence_is_cut_at_spaces(db, fake):
    text = "Wort " * 60 + "Ende."
    translate.translate(db, text, fake.settings("google", TRANSLATE_MAX_CHARS=50))
    assert " ".join(t for _, t in fake.calls) == text.strip()


def test_concurrent_calls_get_their_own_texts(app, fake):
    fake.delay = 0.02
    config = fake.settings("google")
    texts = [f"Satz Nummer {i}." for i in range(24)]
    results = {}

    def work(text):
        conn = connect(app.config["DATABASE"])
        try:
            results[text] = translate.translate(conn, text, config)
        finally:
            conn.close()

    threads = [threading.Thread(target=work, args=(t,)) for t in texts]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert results == {t: fake_english(t) for t in texts}


def test_concurrent_requests_for_one_paragraph_cost_one_call(app, fake):
    fake.gate = threading.Event()
    config = fake.settings("google")
    results, barrier = [], threading.Barrier(6)

    def work():
        conn = connect(app.config["DATABASE"])
        barrier.wait()
        try:
            results.append(translate.translate(conn, TEXT, config))
        finally:
            conn.close()

    threads = [threading.Thread(target=work) for _ in range(5)]
    for t in threads:
        t.start()
    barrier.wait()
    fake.gate.set()
    for t in threads:
        t.join(10)
    assert results == [fake_english(TEXT)] * 5
    assert fake.count() == 1


@pytest.mark.parametrize("text", ["123 – 456.", "…", "2024"])
def test_text_without_words_needs_no_call(db, fake, text):
    assert translate.translate(db, text, fake.settings("google")) == text
    assert fake.count() == 0


def test_unknown_provider_is_refused_at_start():
    with pytest.raises(SettingsError) as err:
        translator_settings({"TRANSLATOR": "babelfish"})
    assert "babelfish" in str(err.value) and "google" in str(err.value)


@pytest.mark.parametrize("config, words", [
    ({"TRANSLATOR": "libre", "LIBRETRANSLATE_URL": "", "LIBRETRANSLATE_API_KEY": "k"}, "LIBRETRANSLATE_URL"),
    ({"TRANSLATOR": "libre", "LIBRETRANSLATE_URL": "http://127.0.0.1:9/", "LIBRETRANSLATE_API_KEY": ""},
     "LIBRETRANSLATE_API_KEY"),
    ({"TRANSLATOR": "deepl", "DEEPL_API_KEY": ""}, "DEEPL_API_KEY"),
])
def test_misconfiguration_is_explained(db, monkeypatch, config, words):
    for key in ("LIBRETRANSLATE_URL", "LIBRETRANSLATE_API_KEY", "DEEPL_API_KEY"):
        monkeypatch.delenv(key, raising=False)
    with pytest.raises(TranslationError) as err:
        translate.translate(db, TEXT, translator_settings(config))
    assert err.value.cause == "misconfigured" and words in err.value.message


@pytest.mark.parametrize("provider, label", [("google", "Google Translate"), ("libre", "LibreTranslate"),
                                             ("mymemory", "MyMemory"), ("deepl", "DeepL")])
def test_provider_label_names_the_service(provider, label):
    assert translator_settings({"TRANSLATOR": provider}).label == label
