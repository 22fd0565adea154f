"""Translation pages through Flask's test client: the fragment, errors with retry, Translate all."""
import re
import threading

import pytest
from fake_providers import closed_port_url, fake_english

from annotations import common
from annotations.reading import articles
from annotations.translation import jobs, translate

HX = {"HX-Request": "true"}
FIRST = "Der Hund schläft im Garten."  # the first sentence of the first paragraph
P1 = FIRST + " Die Katze wacht."
TEXT = f"""Ein Tag im Dorf

{P1}

Am Abend

Es regnet seit Stunden. Niemand geht hinaus.

Morgen scheint die Sonne wieder.

Kommentare

Willkommen in unserer Community! Beiträge werden nach der Netiquette und den AGB geprüft.
"""
TRANSLATABLE = 4  # 3 paragraphs + 1 sub-heading; the comment section (site chrome) is left out


@pytest.fixture
def translator(fake):
    return fake.config("google", TRANSLATE_WORKERS=2, TRANSLATE_TIMEOUT=2)


@pytest.fixture
def aid(db):
    return articles.create_article(db, TEXT)


@pytest.fixture
def tclient(app):
    return app.test_client()


def latest_job(db):
    return list(db.query("SELECT * FROM translate_jobs ORDER BY id DESC LIMIT 1"))[0]


def test_translate_returns_the_english_under_the_german(tclient, fake, aid):
    r = tclient.post(f"/articles/{aid}/p/1/translation", headers=HX)
    html = r.get_data(as_text=True)
    assert r.status_code == 200
    assert 'lang="en"' in html and fake_english(FIRST) in html
    assert 'id="p-1-en" lang="en">' in html  # shown: no hidden attribute
    assert "<section" not in html  # a fragment for the slot, not a page
    assert fake.count() == 1


def test_a_cached_translation_comes_with_the_page_without_a_call(tclient, fake, aid):
    tclient.post(f"/articles/{aid}/p/1/translation", headers=HX)
    for url in (f"/articles/{aid}", f"/articles/{aid}/p/1"):
        html = tclient.get(url).get_data(as_text=True)
        assert 'id="p-1-en" lang="en" hidden' in html and fake_english(FIRST) in html
    assert tclient.post(f"/articles/{aid}/p/1/translation", headers=HX).status_code == 200
    assert fake.count() == 1


def test_the_english_sentences_carry_the_german_sentence_numbers(tclient, aid):
    html = tclient.post(f"/articles/{aid}/p/1/translation", headers=HX).get_data(as_text=True)
    assert 'class="translation-text aligned"' in html
    assert html.count('class="s" data-s="') == 2


@pytest.mark.parametrize("mode, status, words", [
    ("429", 503, "too many requests (HTTP 429)"),
    ("500", 502, "answered with an error (HTTP 500)"),
    ("sleep", 504, "did not answer within 2 seconds"),
    ("quota", 503, "quota"),
    ("empty", 502, "empty translation"),
])
def test_a_failure_shows_its_cause_and_a_retry_that_works(tclient, fake, db, mode, status, words, aid):
    fake.mode, fake.delay = mode, (30 if mode == "sleep" else 0)
    r = tclient.post(f"/articles/{aid}/p/1/translation", headers=HX)
    html = r.get_data(as_text=True)
    assert r.status_code == status
    assert 'role="alert"' in html and words in html and "Google Translate" in html
    assert 'data-action="translate">Retry</button>' in html
    assert db["translations"].count == 0
    fake.mode, fake.delay = "ok", 0
    r = tclient.post(f"/articles/{aid}/p/1/translation", headers=HX)
    assert r.status_code == 200 and fake_english(FIRST) in r.get_data(as_text=True)


def test_offline_the_page_reads_and_translating_says_unreachable(make_app, aid):
    client = make_app(TRANSLATOR="google", GOOGLE_TRANSLATE_URL=closed_port_url() + "/m").test_client()
    page = client.get(f"/articles/{aid}")
    assert page.status_code == 200 and FIRST in page.get_data(as_text=True)
    r = client.post(f"/articles/{aid}/p/1/translation", headers=HX)
    assert r.status_code == 502
    assert "could not be reached" in r.get_data(as_text=True)


@pytest.mark.parametrize("method, url, status, words", [
    ("post", "/articles/{aid}/p/99/translation", 404, "no paragraph 99"),
    ("post", "/articles/42/p/1/translation", 404, "no article 42"),
    ("post", "/articles/42/translate-all", 404, "no article 42"),
    ("get", "/articles/{aid}/translate-all?after=abc", 400, "whole number"),
    ("get", "/articles/{aid}/translate-all?after=-1", 400, "whole number"),
])
def test_bad_addresses_get_a_clear_4xx(tclient, fake, method, url, status, words, aid):
    r = getattr(tclient, method)(url.format(aid=aid), headers=HX)
    assert r.status_code == status and words in r.get_data(as_text=True)
    assert fake.count() == 0


@pytest.mark.parametrize("provider, label", [("google", "Google Translate"), ("libre", "LibreTranslate"),
                                               ("deepl", "DeepL")])
def test_the_page_names_the_provider(make_app, provider, label, aid):
    app = make_app(TRANSLATOR=provider)
    assert f"Translations: {label}" in app.test_client().get(f"/articles/{aid}").get_data(as_text=True)


def test_translate_all_translates_every_paragraph_and_heading(tclient, fake, db, aid):
    r = tclient.post(f"/articles/{aid}/translate-all", headers=HX)
    html = r.get_data(as_text=True)
    assert r.status_code == 202
    assert 'hx-trigger="every' in html and "Translations: Google Translate" in html
    assert jobs.wait(latest_job(db)["id"], 20)
    html = tclient.get(f"/articles/{aid}/translate-all?after=0", headers=HX).get_data(as_text=True)
    assert "All done: 3 of 3 paragraphs and 1 of 1 heading translated." in html
    assert "hx-trigger" not in html  # polling stops
    assert html.count('hx-swap-oob="true"') == TRANSLATABLE
    assert fake_english(FIRST) in html
    assert fake.count() == TRANSLATABLE
    # Polling from the last position brings nothing twice.
    later = tclient.get(f"/articles/{aid}/translate-all?after={TRANSLATABLE}", headers=HX).get_data(as_text=True)
    assert "hx-swap-oob" not in later


def test_translate_all_reports_failures_and_does_not_cache_them(tclient, fake, db, aid):
    second = articles.get_block(db, aid, 3)["text"]
    fake.failing.add(second)
    tclient.post(f"/articles/{aid}/translate-all", headers=HX)
    assert jobs.wait(latest_job(db)["id"], 20)
    html = tclient.get(f"/articles/{aid}/translate-all?after=0", headers=HX).get_data(as_text=True)
    assert ("2 of 3 paragraphs and 1 of 1 heading translated; 1 paragraph could not be: "
            "Google Translate answered with an error (HTTP 500).") in html
    assert '<a href="#p-3">paragraph 2</a></li>' in html and ">Retry</button>" in html
    # The failed paragraph keeps its Translate button; no alert of its own repeats the cause.
    assert 'id="p-3-tr"' not in html and 'role="alert"' not in html
    assert second not in translate.cached_translations(db, [second], fake.settings("google"))


def test_translate_alls_counts_speak_of_the_same_paragraphs_as_the_reading_position(tclient, fake, db, aid):
    # "Paragraph 1 of 3" on the page, so Translate all's failures say 3 paragraphs (and the heading apart), not 4.
    fake.mode = "500"
    tclient.post(f"/articles/{aid}/translate-all", headers=HX)
    assert jobs.wait(latest_job(db)["id"], 20)
    html = tclient.get(f"/articles/{aid}").get_data(as_text=True)
    assert re.search(r"Paragraph <span id=\"progress-n\">1</span> of 3\b", html)
    assert "<summary>3 paragraphs and 1 heading could not be translated</summary>" in html
    fake.mode = "ok"
    fake.failing.add(P1)
    tclient.post(f"/articles/{aid}/translate-all", headers=HX)
    assert jobs.wait(latest_job(db)["id"], 20)
    html = tclient.get(f"/articles/{aid}").get_data(as_text=True)
    assert "<summary>1 paragraph could not be translated</summary>" in html
    assert "2 of 3 paragraphs and 1 of 1 heading translated; 1 paragraph could not be" in html


def test_when_everything_fails_the_bar_says_so_once_with_the_cause(tclient, fake, db, aid):
    fake.mode = "500"
    tclient.post(f"/articles/{aid}/translate-all", headers=HX)
    assert jobs.wait(latest_job(db)["id"], 20)
    html = tclient.get(f"/articles/{aid}/translate-all?after=0", headers=HX).get_data(as_text=True)
    message = "Google Translate answered with an error (HTTP 500)."
    assert f"Nothing could be translated: {message}" in html
    assert html.count(message) == 1 and "All done" not in html
    assert ">Retry</button>" in html and 'role="alert"' not in html and "hx-swap-oob" not in html


@pytest.mark.parametrize("fold, shown", [("1", False), ("0", True), (None, True)])
def test_translate_all_can_keep_translations_folded(tclient, fake, db, aid, fold, shown):
    tclient.post(f"/articles/{aid}/translate-all", headers=HX, data={"fold": fold} if fold else {})
    assert jobs.wait(latest_job(db)["id"], 20)
    query = f"&fold={fold}" if fold else ""
    html = tclient.get(f"/articles/{aid}/translate-all?after=0{query}", headers=HX).get_data(as_text=True)
    assert html.count('hx-swap-oob="true"') == TRANSLATABLE
    # The toolbar's "Show/Hide translation" follows the English's hidden attribute (translate.js).
    assert len(re.findall(r'class="translation-text[^"]*" id="p-\d+-en" lang="en"', html)) == TRANSLATABLE
    assert len(re.findall(r'id="p-\d+-en" lang="en" hidden', html)) == (0 if shown else TRANSLATABLE)


def test_cancel_stops_the_job_after_the_calls_in_flight(make_app, fake, db, aid):
    tclient = make_app(TRANSLATE_WORKERS=1).test_client()
    fake.gate = threading.Event()
    tclient.post(f"/articles/{aid}/translate-all", headers=HX)
    assert fake.received.acquire(timeout=10)  # the first paragraph is at the provider
    html = tclient.post(f"/articles/{aid}/translate-all/cancel?after=0", headers=HX).get_data(as_text=True)
    assert "Cancelling…" in html
    fake.gate.set()
    assert jobs.wait(latest_job(db)["id"], 20)
    html = tclient.get(f"/articles/{aid}/translate-all?after=0", headers=HX).get_data(as_text=True)
    assert "Cancelled: 1 of 3 paragraphs and 0 of 1 heading translated." in html
    assert fake.count() == 1
    assert latest_job(db)["status"] == "cancelled"


def test_one_job_per_article_at_a_time(tclient, fake, db, aid):
    fake.gate = threading.Event()
    first = tclient.post(f"/articles/{aid}/translate-all", headers=HX)
    second = tclient.post(f"/articles/{aid}/translate-all", headers=HX)
    assert first.status_code == second.status_code == 202
    assert db["translate_jobs"].count == 1
    fake.gate.set()
    assert jobs.wait(latest_job(db)["id"], 20)
    assert fake.count() == TRANSLATABLE


def test_a_running_job_shows_on_the_page_and_deleting_the_article_clears_it(tclient, fake, db, aid):
    fake.gate = threading.Event()
    tclient.post(f"/articles/{aid}/translate-all", headers=HX)
    page = tclient.get(f"/articles/{aid}").get_data(as_text=True)
    assert 'id="translate-all-progress"' in page and ">Cancel</button>" in page
    fake.gate.set()
    assert jobs.wait(latest_job(db)["id"], 20)
    articles.delete_article(db, aid)
    assert db["translate_jobs"].count == 0 and db["translate_job_items"].count == 0


def test_a_job_left_running_by_a_dead_server_is_reported_and_replaced(tclient, fake, db, aid):
    db["translate_jobs"].insert({"article_id": aid, "provider": "google", "status": "running", "total": 4,
                                 "cancel_requested": 0, "created": "2020-01-01T00:00:00+00:00",
                                 "updated": "2020-01-01T00:00:00+00:00"})
    html = tclient.get(f"/articles/{aid}").get_data(as_text=True)
    assert "Interrupted: 0 of 4 translated" in html and ">Translate all</button>" in html
    assert tclient.post(f"/articles/{aid}/translate-all", headers=HX).status_code == 202
    assert jobs.wait(latest_job(db)["id"], 20)
    assert fake.count() == TRANSLATABLE


def test_a_job_a_restart_cut_short_is_marked_interrupted_at_the_next_start(make_app, db, aid):
    # Fresh enough that the staleness rule alone would still call it running for a minute.
    now = common.now()
    job = db["translate_jobs"].insert({"article_id": aid, "provider": "google", "status": "running",
                                       "total": 4, "cancel_requested": 0, "created": now, "updated": now}).last_pk
    db["translate_job_items"].insert_all({"job_id": job, "article_id": aid, "n": n, "status": "pending"}
                                         for n in range(1, 5))
    html = make_app().test_client().get(f"/articles/{aid}").get_data(as_text=True)
    assert "Interrupted: 0 of 3 paragraphs and 0 of 1 heading translated" in html and ">Translate all</button>" in html
    assert latest_job(db)["status"] == "interrupted"
    assert db.execute("SELECT COUNT(*) FROM translate_job_items WHERE status = 'pending'").fetchone()[0] == 0


def test_a_running_translate_all_names_the_units_of_its_failures_too(tclient, db, aid):
    # "1 of 3 paragraphs and 0 of 1 heading translated, 1 failed" mixed units with a bare total.
    now = common.now()
    job = db["translate_jobs"].insert({"article_id": aid, "provider": "google", "status": "running",
                                       "total": 4, "cancel_requested": 0, "created": now, "updated": now}).last_pk
    db["translate_job_items"].insert_all({"job_id": job, "article_id": aid, "n": n, "status": status}
                                         for n, status in ((1, "failed"), (2, "pending"), (3, "pending"), (4, "pending")))
    html = tclient.get(f"/articles/{aid}").get_data(as_text=True)
    assert re.search(r"translated, 1 (paragraph|heading) failed</span>", html), html[html.find("tr-count"):][:200]


def failed_translate_all(tclient, fake, db, aid):
    fake.mode = "500"
    tclient.post(f"/articles/{aid}/translate-all", headers=HX)
    job = latest_job(db)["id"]
    assert jobs.wait(job, 20)
    fake.mode = "ok"
    return job


def test_a_failed_translate_all_is_dated_and_stays_until_dismissed(make_app, tclient, fake, db, aid):
    job = failed_translate_all(tclient, fake, db, aid)
    html = tclient.get(f"/articles/{aid}").get_data(as_text=True)
    assert "Nothing could be translated" in html
    stamp = latest_job(db)["updated"]
    assert f'Last attempt, <time datetime="{stamp}">{stamp[:10]} {stamp[11:16]} UTC</time>:' in html
    r = tclient.post(f"/articles/{aid}/translate-all/dismiss?job={job}", headers=HX)
    assert r.status_code == 200
    bar = r.get_data(as_text=True)
    assert "Nothing could be translated" not in bar and ">Translate all</button>" in bar and "data-job" not in bar
    # Dismissed for every device: another browser (a new client) no longer sees it either.
    other = make_app().test_client().get(f"/articles/{aid}").get_data(as_text=True)
    assert "Nothing could be translated" not in other and "Last attempt" not in other
    assert latest_job(db)["status"] == "done" and latest_job(db)["dismissed"] == 1


def test_a_later_successful_translate_all_clears_the_failure(tclient, fake, db, aid):
    failed_translate_all(tclient, fake, db, aid)
    tclient.post(f"/articles/{aid}/translate-all", headers=HX)
    assert jobs.wait(latest_job(db)["id"], 20)
    # Told once, as it ends...
    bar = tclient.get(f"/articles/{aid}/translate-all?after=0", headers=HX).get_data(as_text=True)
    assert "All done" in bar
    # ...and on a later visit neither that nor the old failure sits above the text.
    html = tclient.get(f"/articles/{aid}").get_data(as_text=True)
    assert "Nothing could be translated" not in html and "All done" not in html and "Last attempt" not in html


@pytest.mark.parametrize("query, status", [("", 400), ("?job=abc", 400), ("?job=99999999", 200)])
def test_a_bad_dismiss_changes_nothing(tclient, fake, db, aid, query, status):
    failed_translate_all(tclient, fake, db, aid)
    r = tclient.post(f"/articles/{aid}/translate-all/dismiss{query}", headers=HX)
    assert r.status_code == status
    assert latest_job(db)["dismissed"] == 0
    assert "Nothing could be translated" in tclient.get(f"/articles/{aid}").get_data(as_text=True)
    assert tclient.post(f"/articles/{aid + 1}/translate-all/dismiss?job=1", headers=HX).status_code == 404


def test_a_running_translate_all_cannot_be_dismissed(tclient, fake, db, aid):
    fake.gate = threading.Event()
    tclient.post(f"/articles/{aid}/translate-all", headers=HX)
    job = latest_job(db)["id"]
    r = tclient.post(f"/articles/{aid}/translate-all/dismiss?job={job}", headers=HX)
    assert 'id="translate-all-progress"' in r.get_data(as_text=True)
    fake.gate.set()
    assert jobs.wait(job, 20)
    assert latest_job(db)["dismissed"] == 0
