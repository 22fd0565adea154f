"""Translation pages through Flask's test client: the fragment, errors with retry, Translate all."""
import threading

import pytest
from fake_providers import closed_port_url, fake_english

from annotations import articles, translate, translate_jobs

HX = {"HX-Request": "true"}
P1 = "Russland und der Iran rücken noch näher zusammen."
TRANSLATABLE = 8  # the seed article: 6 paragraphs + 2 sub-headings (site chrome is left out)


@pytest.fixture
def tclient(app, fake):
    app.config.update(fake.config("google", TRANSLATE_WORKERS=2, TRANSLATE_TIMEOUT=2))
    return app.test_client()


def latest_job(db):
    return list(db.query("SELECT * FROM translate_jobs ORDER BY id DESC LIMIT 1"))[0]


def test_translate_returns_the_english_under_the_german(tclient, fake):
    r = tclient.post("/articles/1/p/1/translation", headers=HX)
    html = r.get_data(as_text=True)
    assert r.status_code == 200
    assert 'lang="en"' in html and fake_english(P1) in html
    assert 'aria-expanded="true"' in html and "Hide translation" in html
    assert "<section" not in html  # a fragment for the slot, not a page
    assert fake.count() == 1


def test_a_cached_translation_comes_with_the_page_without_a_call(tclient, fake):
    tclient.post("/articles/1/p/1/translation", headers=HX)
    for url in ("/articles/1", "/articles/1/p/1"):
        html = tclient.get(url).get_data(as_text=True)
        assert 'id="p-1-en" lang="en" hidden' in html and fake_english(P1) in html
        assert "data-toggle-translation" in html
    assert tclient.post("/articles/1/p/1/translation", headers=HX).status_code == 200
    assert fake.count() == 1


def test_the_english_sentences_carry_the_german_sentence_numbers(tclient):
    html = tclient.post("/articles/1/p/1/translation", headers=HX).get_data(as_text=True)
    assert 'class="translation-text aligned"' in html
    assert html.count('class="s" data-s="') == 2


@pytest.mark.parametrize("mode, status, words", [
    ("429", 503, "too many requests (HTTP 429)"),
    ("500", 502, "answered with an error (HTTP 500)"),
    ("sleep", 504, "did not answer within 2 seconds"),
    ("quota", 503, "quota"),
    ("empty", 502, "empty translation"),
])
def test_a_failure_shows_its_cause_and_a_retry_that_works(tclient, fake, db, mode, status, words):
    fake.mode, fake.delay = mode, (30 if mode == "sleep" else 0)
    r = tclient.post("/articles/1/p/1/translation", headers=HX)
    html = r.get_data(as_text=True)
    assert r.status_code == status
    assert 'role="alert"' in html and words in html and "Google Translate" in html
    assert 'hx-post="/articles/1/p/1/translation"' in html and ">Retry</button>" in html
    assert db["translations"].count == 0
    fake.mode, fake.delay = "ok", 0
    r = tclient.post("/articles/1/p/1/translation", headers=HX)
    assert r.status_code == 200 and fake_english(P1) in r.get_data(as_text=True)


def test_offline_the_page_reads_and_translating_says_unreachable(app):
    app.config.update(TRANSLATOR="google", GOOGLE_TRANSLATE_URL=closed_port_url() + "/m")
    client = app.test_client()
    page = client.get("/articles/1")
    assert page.status_code == 200 and P1 in page.get_data(as_text=True)
    r = client.post("/articles/1/p/1/translation", headers=HX)
    assert r.status_code == 502
    assert "could not be reached" in r.get_data(as_text=True)


@pytest.mark.parametrize("method, url, status, words", [
    ("post", "/articles/1/p/99/translation", 404, "no paragraph 99"),
    ("post", "/articles/42/p/1/translation", 404, "no article 42"),
    ("post", "/articles/42/translate-all", 404, "no article 42"),
    ("get", "/articles/1/translate-all?after=abc", 400, "whole number"),
    ("get", "/articles/1/translate-all?after=-1", 400, "whole number"),
])
def test_bad_addresses_get_a_clear_4xx(tclient, fake, method, url, status, words):
    r = getattr(tclient, method)(url, headers=HX)
    assert r.status_code == status and words in r.get_data(as_text=True)
    assert fake.count() == 0


@pytest.mark.parametrize("translator, label", [("google", "Google Translate"), ("libre", "LibreTranslate"),
                                               ("deepl", "DeepL")])
def test_the_page_names_the_provider(app, translator, label):
    app.config["TRANSLATOR"] = translator
    assert f"Translations: {label}" in app.test_client().get("/articles/1").get_data(as_text=True)


def test_translate_all_translates_every_paragraph_and_heading(tclient, fake, db):
    r = tclient.post("/articles/1/translate-all", headers=HX)
    html = r.get_data(as_text=True)
    assert r.status_code == 202
    assert 'hx-trigger="every' in html and "Translations: Google Translate" in html
    assert translate_jobs.wait(latest_job(db)["id"], 20)
    html = tclient.get("/articles/1/translate-all?after=0", headers=HX).get_data(as_text=True)
    assert "All done: 8 of 8 translated." in html
    assert "hx-trigger" not in html  # polling stops
    assert html.count('hx-swap-oob="true"') == TRANSLATABLE
    assert fake_english(P1) in html
    assert fake.count() == TRANSLATABLE
    # Polling from the last position brings nothing twice.
    later = tclient.get(f"/articles/1/translate-all?after={TRANSLATABLE}", headers=HX).get_data(as_text=True)
    assert "hx-swap-oob" not in later


def test_translate_all_reports_failures_and_does_not_cache_them(tclient, fake, db):
    second = articles.get_block(db, 1, 2)["text"]
    fake.failing.add(second)
    tclient.post("/articles/1/translate-all", headers=HX)
    assert translate_jobs.wait(latest_job(db)["id"], 20)
    html = tclient.get("/articles/1/translate-all?after=0", headers=HX).get_data(as_text=True)
    assert "7 of 8 translated, 1 failed" in html
    assert '<a href="#p-2">paragraph 2</a>: Google Translate answered with an error (HTTP 500).' in html
    assert 'id="p-2-tr" hx-swap-oob="true"' in html and ">Retry</button>" in html
    assert second not in translate.cached_translations(db, [second], tclient.application.config)


def test_cancel_stops_the_job_after_the_calls_in_flight(tclient, fake, db):
    tclient.application.config["TRANSLATE_WORKERS"] = 1
    fake.gate = threading.Event()
    tclient.post("/articles/1/translate-all", headers=HX)
    assert fake.received.acquire(timeout=10)  # the first paragraph is at the provider
    html = tclient.post("/articles/1/translate-all/cancel?after=0", headers=HX).get_data(as_text=True)
    assert "Cancelling…" in html
    fake.gate.set()
    assert translate_jobs.wait(latest_job(db)["id"], 20)
    html = tclient.get("/articles/1/translate-all?after=0", headers=HX).get_data(as_text=True)
    assert "Cancelled: 1 of 8 translated." in html
    assert fake.count() == 1
    assert latest_job(db)["status"] == "cancelled"


def test_one_job_per_article_at_a_time(tclient, fake, db):
    fake.gate = threading.Event()
    first = tclient.post("/articles/1/translate-all", headers=HX)
    second = tclient.post("/articles/1/translate-all", headers=HX)
    assert first.status_code == second.status_code == 202
    assert db["translate_jobs"].count == 1
    fake.gate.set()
    assert translate_jobs.wait(latest_job(db)["id"], 20)
    assert fake.count() == TRANSLATABLE


def test_a_running_job_shows_on_the_page_and_deleting_the_article_clears_it(tclient, fake, db):
    fake.gate = threading.Event()
    tclient.post("/articles/1/translate-all", headers=HX)
    page = tclient.get("/articles/1").get_data(as_text=True)
    assert 'id="translate-all-progress"' in page and ">Cancel</button>" in page
    fake.gate.set()
    assert translate_jobs.wait(latest_job(db)["id"], 20)
    articles.delete_article(db, 1)
    assert db["translate_jobs"].count == 0 and db["translate_job_items"].count == 0


def test_a_job_left_running_by_a_dead_server_is_reported_and_replaced(tclient, fake, db):
    db["translate_jobs"].insert({"article_id": 1, "provider": "google", "status": "running", "total": 8,
                                 "cancel_requested": 0, "created": "2020-01-01T00:00:00+00:00",
                                 "updated": "2020-01-01T00:00:00+00:00"})
    html = tclient.get("/articles/1").get_data(as_text=True)
    assert "Interrupted (the server stopped)" in html and ">Translate all</button>" in html
    assert tclient.post("/articles/1/translate-all", headers=HX).status_code == 202
    assert translate_jobs.wait(latest_job(db)["id"], 20)
    assert fake.count() == TRANSLATABLE
