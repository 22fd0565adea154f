"""Word lookups, the translator fallback, saving and the vocabulary page, through HTTP."""
import csv
import io
import json
import re
import threading
from pathlib import Path

import pytest
from fake_providers import closed_port_url
from words_lookup import popover_page, write_wordnet

from annotations import create_app
from annotations.learning import review, status
from annotations.reading import articles
from annotations.words import dictionary, importer, lemmas, senses, synonyms, vocab

DING = """Baum {m} [bot.] | Bäume {pl} :: tree | trees
nach wie vor {adv} :: still; as before
zusammenrücken {vi} :: to move together
grün {adj} :: green
"""
# Words for the fallbacks (a feminine form Ding lacks, a compound it lacks), imported where used.
FALLBACKS = """Chirurg {m} | Chirurgen {pl} :: surgeon | surgeons
Kampf {m} | Kämpfe {pl} :: fight (for sth.) [fig.] | fights
Jet {m} | Jets {pl} :: jet aircraft | jets
"""
TEXT = "Die Bäume sind grün.\n\nWir rücken nach wie vor zusammen. Die 😀 Bäume wachsen."
HX = {"HX-Request": "true"}


@pytest.fixture
def ding(write_ding):
    return write_ding(DING)


@pytest.fixture
def article(db):
    return articles.create_article(db, TEXT)


@pytest.fixture
def imported(db, ding):
    importer.import_dictionary(db, "ding", ding)


def u16(text, word, occurrence=0):
    """Return the browser's (UTF-16) start and end of word in text."""
    i = -1
    for _ in range(occurrence + 1):
        i = text.index(word, i + 1)
    start = len(text[:i].encode("utf-16-le")) // 2
    return start, start + len(word.encode("utf-16-le")) // 2


def block_text(db, article_id, n):
    return articles.get_block(db, article_id, n)["text"]


def test_click_on_inflected_word_shows_lemma_gender_and_entries(client, db, article, imported, lemmatiser):
    start, _ = u16(block_text(db, article, 1), "Bäume")
    page = client.get(f"/words/lookup?article={article}&n=1&start={start + 2}&end={start + 2}").get_data(as_text=True)
    assert 'id="word-popover-title" class="word-title" lang="de">Bäume<' in page
    assert "Lemma: <b lang=\"de\">Baum</b>" in page
    assert '<span class="word-article">der</span> Baum' in page
    assert "trees" in page and "tree" in page


def test_lookup_before_lemmas_load_falls_back_honestly(client, db, article, imported, monkeypatch):
    monkeypatch.setattr(lemmas, "wait", lambda timeout: False)
    monkeypatch.setattr(lemmas, "lemma", lambda word, timeout=3.0: None)
    start, end = u16(block_text(db, article, 1), "Bäume")
    page = client.get(f"/words/lookup?article={article}&n=1&start={start}&end={end}").get_data(as_text=True)
    assert "The lemmatiser is still loading: looked up as written." in page
    assert "trees" in page


def test_offsets_after_astral_characters_are_utf16(client, db, article, imported):
    text = block_text(db, article, 2)
    start, end = u16(text, "Bäume")
    page = client.get(f"/words/lookup?article={article}&n=2&start={start}&end={end}").get_data(as_text=True)
    assert 'lang="de">Bäume<' in page
    assert f'name="start" value="{start}"' in page


def test_phrase_selection_finds_idiom(client, db, article, imported):
    start, end = u16(block_text(db, article, 2), "nach wie vor")
    page = client.get(f"/words/lookup?article={article}&n=2&start={start}&end={end}").get_data(as_text=True)
    assert "Phrase" in page and "still" in page


@pytest.fixture
def fallbacks(db, write_ding):
    importer.import_dictionary(db, "ding", write_ding(DING + FALLBACKS))


def test_a_feminine_form_ding_lacks_shows_and_prefills_the_masculine_meaning(client, db, fallbacks, lemmatiser):
    text = "Die Chirurgin operierte die ganze Nacht."
    article_id = articles.create_article(db, text)
    start, end = u16(text, "Chirurgin")
    page = client.get(f"/words/lookup?article={article_id}&n=1&start={start}&end={end}").get_data(as_text=True)
    assert 'Feminine of <b lang="de">der Chirurg</b>' in page
    assert '<span class="word-article">die</span> Chirurgin, -nen' in page
    assert '<input name="gloss" value="surgeon"' in page  # never an empty meaning


@pytest.mark.parametrize("gloss, shown", [
    ("to ring up <> sb.", "to ring up sb."),
    ("to deal <delt> with sth.", "to deal with sth."),
    ("married /mar./", "married"),
    ("problem /pb/", "problem"),
    ("and/or", "and/or"),
    ("sledging", "sledging"),
])
def test_a_gloss_is_shown_without_notation(gloss, shown):
    assert senses.readable(gloss) == shown


@pytest.mark.parametrize("line, sentence, word, prefill, listed, notation", [
    # "<>": where the object may stand ("call sb. up"); "<delt>": the past. Notation, not meaning.
    ("jdn. anrufen {vt} | anrufend | angerufen :: to ring up <> sb.; to call <> sb. | ringing up | rung up",
     "Sie ruft ihre Mutter jeden Sonntag an.", "ruft", "to ring up sb.", "to call sb.", ["&lt;&gt;"]),
    # "/Gov.; Govt./" abbreviates "government" twice: its "; " parts are no alternatives.
    ("Regierung {f} [pol.] | Regierungen {pl} :: government /Gov.; Govt./; administration [Am.] | governments; administrations",
     "Die Regierung tritt zurück.", "Regierung", "government", "administration [Am.]", ["Govt", "Gov."]),
])
def test_dings_notation_is_not_shown_or_prefilled(client, db, write_ding, lemmatiser, line, sentence, word,
                                                  prefill, listed, notation):
    importer.import_dictionary(db, "ding", write_ding(line + "\n"))
    page = popover_page(client, db, sentence, word)
    assert f'<input name="gloss" value="{prefill}"' in page
    assert f'data-gloss="{listed}"' in page
    assert not any(n in page for n in notation)


def test_a_split_compound_prefills_the_translations_words_for_it(client, db, fallbacks, lemmatiser, monkeypatch):
    text = "Die Luftwaffe hat zwei Kampfjets in die Region verlegt."
    article_id = articles.create_article(db, text)
    start, end = u16(text, "Kampfjets")
    url = f"/words/lookup?article={article_id}&n=1&start={start}&end={end}"
    page = client.get(url).get_data(as_text=True)
    assert 'class="word-split"' in page and '<input name="gloss" value="fight + jet aircraft"' in page
    monkeypatch.setattr("annotations.translation.translate.cached_translations",
                        lambda db, texts, ts: {text: "The air force has moved two fighter jets to the region."})
    page = client.get(url).get_data(as_text=True)
    assert 'class="word-split"' in page  # still shown as a split, part by part
    assert '<input name="gloss" value="fighter jets"' in page
    assert "In this sentence:</span>\n      <strong>fighter jets</strong>" in page


def test_meaning_in_sentence_uses_cached_translation(client, db, article, imported, monkeypatch):
    sentence = "Wir rücken nach wie vor zusammen."
    monkeypatch.setattr("annotations.translation.translate.cached_translations",
                        lambda db, texts, ts: {sentence: "We still move closer together."})
    start, end = u16(block_text(db, article, 2), "nach wie vor")
    page = client.get(f"/words/lookup?article={article}&n=2&start={start}&end={end}").get_data(as_text=True)
    assert "In this sentence:</span>\n      <strong>still</strong>" in page
    assert "We still move closer together." in page


def test_meaning_from_the_aligned_sentence_of_a_cached_paragraph(client, db, article, imported, monkeypatch):
    paragraph = block_text(db, article, 2)
    english = "We still move closer together. The 😀 trees grow."
    monkeypatch.setattr("annotations.translation.translate.cached_translations",
                        lambda db, texts, ts: {paragraph: english})
    start, end = u16(paragraph, "Bäume")
    page = client.get(f"/words/lookup?article={article}&n=2&start={start}&end={end}").get_data(as_text=True)
    assert "In this sentence:</span>\n      <strong>trees</strong>" in page
    assert '<p class="word-translation" lang="en">The 😀 trees grow.</p>' in page


def test_a_meaning_that_opens_the_translation_is_in_lower_case_but_the_sentence_is_as_written(
        client, db, load_ding, tmp_path, monkeypatch):
    load_ding("Vlies {n} :: nonwoven\nschützen {vt} | schützend | geschützt :: to protect | protecting | protected\n"
              "jung {adj} :: young\nBaum {m} | Bäume {pl} :: tree | trees\n")
    wordnet = write_wordnet(tmp_path, {"noun": [["fleece"], ["tree"]], "verb": [["protect"]]})
    monkeypatch.setattr(synonyms, "system", lambda: wordnet)
    text = "Vlies schützt die jungen Bäume."
    monkeypatch.setattr("annotations.translation.translate.cached_translations",
                        lambda db, texts, ts: {text: "Fleece protects the young trees."})
    article_id = articles.create_article(db, text)
    start, end = u16(text, "Vlies")
    page = client.get(f"/words/lookup?article={article_id}&n=1&start={start}&end={end}").get_data(as_text=True)
    assert '<input name="gloss" value="fleece"' in page  # the word's meaning, not the sentence's capital
    assert '<p class="word-translation" lang="en"><mark class="word-aligned">Fleece</mark> protects the young trees.</p>' in page


@pytest.mark.parametrize("query, status, message", [
    ("article=1&n=1&start=x&end=1", 400, "whole number"),
    ("article=1&n=1&start=5", 400, "The end offset"),
    ("article=999&n=1&start=0&end=1", 404, "no article 999"),
    ("article=1&n=99&start=0&end=1", 400, "no paragraph 99"),
    ("article=1&n=1&start=3&end=900", 400, "not inside paragraph"),
    ("article=1&n=1&start=9&end=2", 400, "not inside paragraph"),
    ("article=1&n=1&start=3&end=4", 400, "no word"),
    ("article=1&n=2&start=0&end=33", 200, ""),
    ("article=1&n=2&start=0&end=2000", 400, "not inside"),
])
def test_bad_lookups_are_clear_4xx(client, article, query, status, message):
    query = query.replace("article=1", f"article={article}")
    resp = client.get(f"/words/lookup?{query}", headers=HX)
    assert resp.status_code == status
    assert message in resp.get_data(as_text=True)


def app_with_translator(tmp_path, provider_config):
    return create_app({"TESTING": True, "DATABASE": str(tmp_path / "t.db"), "BACKGROUND_TASKS": False,
                       "DING_PATH": str(tmp_path / "none"), "FREEDICT_PATH": str(tmp_path / "none"),
                       **provider_config})


def test_without_dictionary_the_translator_is_asked_once_and_says_so(tmp_path, fake):
    fake.translations["Putin"] = "tree"  # the word at article 1, paragraph 2, offsets 0–5
    app = app_with_translator(tmp_path, fake.config("libre"))
    client = app.test_client()
    for _ in range(2):
        page = client.get("/words/lookup?article=1&n=2&start=0&end=5").get_data(as_text=True)
        assert "<b>tree</b>" in page
        assert "No offline dictionary is installed, so the translator was asked" in page
    assert fake.count("libre") == 1  # the second lookup came from the cache


def test_unreachable_translator_is_reported_honestly(tmp_path):
    app = app_with_translator(tmp_path, {"TRANSLATOR": "libre", "LIBRETRANSLATE_URL": closed_port_url(),
                                         "LIBRETRANSLATE_API_KEY": "test", "TRANSLATE_TIMEOUT": 3})
    resp = app.test_client().get("/words/lookup?article=1&n=2&start=0&end=5")
    assert resp.status_code == 200
    assert "No offline dictionary is installed, and the translator could not help" in resp.get_data(as_text=True)


def save_form(db, article, block, word, **extra):
    start, end = u16(block_text(db, article, block), word)
    return {"article": article, "n": block, "start": start, "end": end} | extra


def test_save_edit_delete(client, db, article, imported, lemmatiser):
    resp = client.post("/vocabulary", data=save_form(db, article, 1, "Bäume", lemma="Baum", gloss="tree"),
                       headers=HX)
    assert resp.status_code == 200
    assert "Saved “Baum”." in resp.get_data(as_text=True)
    assert json.loads(resp.headers["HX-Trigger"])["randnotiz:words-changed"] == {"lemma": "Baum", "blocks": [1, 2]}
    word = vocab.find(db, "Baum")
    assert (word["surface"], word["gloss"], word["sentence"]) == ("Bäume", "tree", "Die Bäume sind grün.")
    assert (word["from_article"], word["from_block"]) == (article, 1)

    resp = client.post(f"/vocabulary/{word['id']}", data={"gloss": "tree (plant)"}, headers=HX)
    assert 'value="tree (plant)"' in resp.get_data(as_text=True)
    assert vocab.get(db, word["id"])["gloss"] == "tree (plant)"

    assert client.post(f"/vocabulary/{word['id']}/delete", headers=HX).status_code == 200
    assert vocab.get(db, word["id"]) is None
    assert client.post(f"/vocabulary/{word['id']}/delete").status_code == 404


def test_saving_again_updates_instead_of_duplicating(client, db, article, imported, lemmatiser):
    client.post("/vocabulary", data=save_form(db, article, 1, "Bäume", gloss="tree"))
    client.post("/vocabulary", data=save_form(db, article, 2, "Bäume", gloss="trees"))
    assert vocab.count(db) == 1
    assert vocab.find(db, "Baum")["from_block"] == 2


@pytest.mark.parametrize("extra, message", [
    ({"lemma": ""}, "empty"),
    ({"lemma": "123 !"}, "no letters"),
    ({"lemma": "x" * 101}, "too long"),
    ({"gloss": "y" * 501}, "too long"),
    ({"n": "abc"}, "whole number"),
    ({"start": "999"}, "not inside"),
])
def test_bad_saves_are_400_and_store_nothing(client, db, article, extra, message):
    resp = client.post("/vocabulary", data=save_form(db, article, 1, "Bäume", **extra), headers=HX)
    assert resp.status_code == 400
    assert message in resp.get_data(as_text=True)
    assert vocab.count(db) == 0


@pytest.mark.parametrize("path, data, status", [
    ("/vocabulary/1", {}, 400),
    ("/vocabulary/1", {"gloss": "z" * 501}, 400),
    ("/vocabulary/777", {"gloss": "x"}, 404),
])
def test_bad_edits(client, db, article, path, data, status):
    client.post("/vocabulary", data=save_form(db, article, 1, "Bäume", gloss="tree"))
    assert client.post(path, data=data).status_code == status
    assert vocab.find(db, "Baum")["gloss"] == "tree"


def test_saved_words_are_marked_by_lemma_in_every_article(client, db, article, imported, lemmatiser):
    other = articles.create_article(db, "Ein Baum steht allein. Zwei Bäume stehen daneben.")
    client.post("/vocabulary", data=save_form(db, article, 1, "Bäume", gloss="tree"))
    client.post("/vocabulary", data=save_form(db, article, 2, "nach wie vor", gloss="still"))
    page = client.get(f"/articles/{other}/p/1").get_data(as_text=True)
    assert page.count('data-lemma="Baum"') == 2
    page = client.get(f"/articles/{article}/p/2").get_data(as_text=True)
    assert 'data-lemma="nach wie vor"' in page and 'data-lemma="Baum"' in page


def test_vocabulary_page_lists_searches_and_links_back(client, db, article, imported, lemmatiser):
    client.post("/vocabulary", data=save_form(db, article, 1, "Bäume", gloss="tree"))
    client.post("/vocabulary", data=save_form(db, article, 1, "grün", gloss="green"))
    page = client.get("/vocabulary").get_data(as_text=True)
    assert "2 saved words" in page and f'href="/articles/{article}#p-1"' in page
    found = client.get("/vocabulary?q=gre", headers={**HX, "HX-Target": "vocab-list"}).get_data(as_text=True)
    assert found.startswith('<div id="vocab-list"') and "grün" in found and "Baum" not in found
    assert "0 of 2" in client.get("/vocabulary?q=%25").get_data(as_text=True)
    assert client.get("/vocabulary?q=" + "a" * 201).status_code == 400


def test_vocabulary_page_escapes_and_emphasises_the_word(client, db, article, imported, lemmatiser):
    client.post("/vocabulary", data=save_form(db, article, 1, "Bäume", lemma="<script>x</script>Baum",
                                              gloss="<img src=x onerror=alert(1)>"))
    page = client.get("/vocabulary").get_data(as_text=True)
    assert "<script>x" not in page and "<img src=x" not in page
    assert "&lt;script&gt;x&lt;/script&gt;Baum" in page
    assert "Die <b>Bäume</b> sind grün." in page


def test_words_outlive_their_article(client, db, article, imported, lemmatiser):
    client.post("/vocabulary", data=save_form(db, article, 1, "Bäume", gloss="tree"))
    articles.delete_article(db, article)
    assert "(article deleted)" in client.get("/vocabulary").get_data(as_text=True)


@pytest.mark.parametrize("fmt, starts", [("apkg", b"PK"), ("tsv", b"#separator:tab"),
                                         ("csv", "\ufefflemma,surface".encode())])
def test_exports_download_saved_words(client, db, article, imported, fmt, starts):
    client.post("/vocabulary", data=save_form(db, article, 1, "grün", gloss="green"))
    resp = client.get(f"/vocabulary/export.{fmt}")
    assert resp.status_code == 200 and resp.data.startswith(starts)
    assert "attachment" in resp.headers["Content-Disposition"]
    if fmt != "apkg":
        assert "green" in resp.get_data(as_text=True)


def test_unknown_export_format_is_404(client):
    assert client.get("/vocabulary/export.pdf").status_code == 404


def test_background_import_on_start_shows_progress_then_entries(tmp_path, ding):
    app = create_app({"TESTING": True, "DATABASE": str(tmp_path / "bg.db"), "BACKGROUND_TASKS": True,
                      "DING_PATH": ding, "FREEDICT_PATH": str(tmp_path / "none")})
    importer.background_thread(app.config["DATABASE"]).join(30)
    status = app.test_client().get("/dictionary/status").get_data(as_text=True)
    assert "Dictionary: Ding (5 entries)" in status
    from annotations.sqlite import connect
    db = connect(app.config["DATABASE"])
    try:
        assert dictionary.lookup(db, ["grün"])[0]["english"] == "green"
    finally:
        db.close()


def test_import_in_progress_is_shown_and_the_translator_not_asked(tmp_path):
    app = app_with_translator(tmp_path, {"TRANSLATOR": "libre", "LIBRETRANSLATE_URL": closed_port_url(),
                                         "LIBRETRANSLATE_API_KEY": "test", "TRANSLATE_TIMEOUT": 3})
    from annotations.sqlite import connect
    db = connect(app.config["DATABASE"])
    try:
        db["dict_imports"].insert({"source": "ding", "path": "/x", "state": "running", "progress": 42,
                                   "started": "2026-01-01T00:00:00Z"})
    finally:
        db.close()
    client = app.test_client()
    assert "Dictionary import 42 %" in client.get("/dictionary/status").get_data(as_text=True)
    page = client.get("/words/lookup?article=1&n=2&start=0&end=5").get_data(as_text=True)
    assert "The offline dictionary is being set up (42 %)" in page
    assert "Not in the dictionary" not in page  # one clear state while the first import runs
    assert "Ask the translator" in page and "could not help" not in page


def test_status_without_dictionary_says_what_to_install(client):
    assert "No offline dictionary is installed" in client.get("/dictionary/status").get_data(as_text=True)


def _start(tmp_path, ding):
    return create_app({"TESTING": True, "DATABASE": str(tmp_path / "retry.db"), "BACKGROUND_TASKS": True,
                       "DING_PATH": ding, "FREEDICT_PATH": str(tmp_path / "none")})


def test_a_failed_first_import_says_so_and_is_retried_at_the_next_start(tmp_path, write_ding, monkeypatch):
    monkeypatch.setattr(importer, "RETRY_WAITS", ())
    path = write_ding("# a damaged file: no entries at all\n")
    app = _start(tmp_path, path)
    importer.background_thread(app.config["DATABASE"]).join(30)
    status = app.test_client().get("/dictionary/status").get_data(as_text=True)
    assert "The last dictionary import failed" in status and "tries again at the next start" in status
    write_ding(DING)  # the package was repaired (or the lock is gone)
    app = _start(tmp_path, path)  # the next start, in the same long-lived process
    importer.background_thread(app.config["DATABASE"]).join(30)
    assert "Dictionary: Ding (5 entries)" in app.test_client().get("/dictionary/status").get_data(as_text=True)


def test_a_failed_import_is_tried_again_while_the_server_runs(tmp_path, write_ding, monkeypatch):
    monkeypatch.setattr(importer, "RETRY_WAITS", (3600,))
    path = write_ding("# a damaged file: no entries at all\n")
    app = _start(tmp_path, path)
    database = app.config["DATABASE"]
    assert importer.attempted(database, timeout=30)
    assert "tries again in 60 min" in app.test_client().get("/dictionary/status").get_data(as_text=True)
    write_ding(DING)
    importer.retry_now(database)  # what the hour's wait would end in
    importer.background_thread(database).join(30)
    assert "Dictionary: Ding (5 entries)" in app.test_client().get("/dictionary/status").get_data(as_text=True)


@pytest.mark.parametrize("waits", [(3600,), ()], ids=["while it waits", "after its last attempt"])
def test_try_again_now_imports_the_repaired_dictionary_at_once(tmp_path, write_ding, monkeypatch, waits):
    monkeypatch.setattr(importer, "RETRY_WAITS", waits)
    path = write_ding("# a damaged file: no entries at all\n")
    app = _start(tmp_path, path)
    database, client = app.config["DATABASE"], app.test_client()
    assert importer.attempted(database, timeout=30)
    if not waits:
        importer.background_thread(database).join(30)
    assert 'id="dict-retry"' in client.get("/dictionary/status").get_data(as_text=True)
    write_ding(DING)  # the reader repaired the package, and does not want to wait an hour or restart
    answer = client.post("/dictionary/retry", headers={"HX-Request": "true"}).get_data(as_text=True)
    # It says it is on it (or, if the import already began, shows its progress) and polls for the outcome.
    assert re.search(r"Trying the dictionary import again|Dictionary import \d+ %", answer) and "hx-get" in answer
    assert 'id="dict-retry"' not in answer and "failed" not in answer
    importer.background_thread(database).join(30)
    assert "Dictionary: Ding (5 entries)" in client.get("/dictionary/status").get_data(as_text=True)


def _after_a_failed_import(tmp_path, write_ding, monkeypatch):
    """Return (database, client, ding path) once the first import failed and will not retry by itself."""
    monkeypatch.setattr(importer, "RETRY_WAITS", ())
    path = write_ding("# a damaged file: no entries at all\n")
    app = _start(tmp_path, path)
    importer.background_thread(app.config["DATABASE"]).join(30)
    return app.config["DATABASE"], app.test_client(), path


def test_try_again_without_javascript_goes_back_to_the_vocabulary_and_imports(tmp_path, write_ding, monkeypatch):
    database, client, _ = _after_a_failed_import(tmp_path, write_ding, monkeypatch)
    write_ding(DING)
    answer = client.post("/dictionary/retry")  # the plain form, no htmx
    assert answer.status_code == 303 and answer.headers["Location"].endswith("/vocabulary")
    importer.background_thread(database).join(30)
    assert "Dictionary: Ding (5 entries)" in client.get("/dictionary/status").get_data(as_text=True)


def test_try_again_during_the_last_automatic_attempt_is_not_lost(tmp_path, write_ding, monkeypatch):
    monkeypatch.setattr(importer, "RETRY_WAITS", ())
    failed, clicked = threading.Event(), threading.Event()
    note = importer._note_retry

    def note_then_wait_for_the_click(db, wait):
        note(db, wait)
        failed.set()
        assert clicked.wait(30)

    monkeypatch.setattr(importer, "_note_retry", note_then_wait_for_the_click)
    path = write_ding("# a damaged file: no entries at all\n")
    app = _start(tmp_path, path)
    database, client = app.config["DATABASE"], app.test_client()
    assert failed.wait(30)  # the last attempt has failed; its thread has not ended yet
    write_ding(DING)
    client.post("/dictionary/retry", headers={"HX-Request": "true"})  # the click lands in that instant
    clicked.set()
    importer.background_thread(database).join(30)
    assert "Dictionary: Ding (5 entries)" in client.get("/dictionary/status").get_data(as_text=True)


def test_try_again_says_so_when_the_dictionary_package_is_gone(tmp_path, write_ding, monkeypatch):
    _, client, path = _after_a_failed_import(tmp_path, write_ding, monkeypatch)
    Path(path).unlink()  # the reader removed the package instead of repairing it
    answer = client.post("/dictionary/retry", headers={"HX-Request": "true"})
    assert answer.status_code == 409 and "No dictionary package is installed" in answer.get_data(as_text=True)


def test_try_again_is_refused_when_nothing_failed(client):
    answer = client.post("/dictionary/retry", headers={"HX-Request": "true"})
    assert answer.status_code == 409 and "no failed dictionary import" in answer.get_data(as_text=True)


def test_a_noun_is_shown_and_saved_with_gender_and_plural(client, db, article, imported, lemmatiser):
    start, _ = u16(block_text(db, article, 1), "Bäume")
    page = client.get(f"/words/lookup?article={article}&n=1&start={start}&end={start}").get_data(as_text=True)
    assert '<p class="word-grammar" lang="de"><span class="word-article">der</span> Baum, Bäume</p>' in page
    client.post("/vocabulary", data=save_form(db, article, 1, "Bäume", gloss="tree"))
    word = vocab.find(db, "Baum")
    assert (word["gender"], word["plural"]) == ("m", "Bäume")
    assert "der Baum, die Bäume" in client.get("/vocabulary").get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(client.get("/vocabulary/export.csv").get_data(as_text=True).lstrip("\ufeff"))))
    assert (rows[0]["lemma"], rows[0]["gender"], rows[0]["plural"]) == ("Baum", "der", "Bäume")
    assert "der Baum, die Bäume\t" in client.get("/vocabulary/export.tsv").get_data(as_text=True)


def test_a_word_typed_over_the_lemma_does_not_take_its_grammar(client, db, article, imported, lemmatiser):
    client.post("/vocabulary", data=save_form(db, article, 1, "Bäume", lemma="Baumkrone", gloss="crown"))
    assert (vocab.find(db, "Baumkrone")["gender"], vocab.find(db, "Baumkrone")["plural"]) == ("", "")


def test_the_saved_word_and_its_grammar_stay_editable(client, db, article, imported, lemmatiser):
    client.post("/vocabulary", data=save_form(db, article, 1, "Bäume", gloss="tree"))
    client.post("/vocabulary", data=save_form(db, article, 1, "grün", gloss="green"))
    word = vocab.find(db, "Baum")
    resp = client.post(f"/vocabulary/{word['id']}", headers=HX,
                       data={"lemma": "Laubbaum", "gloss": "deciduous tree", "gender": "m", "plural": "Laubbäume"})
    assert resp.status_code == 200 and "der Laubbaum, die Laubbäume" in resp.get_data(as_text=True)
    edited = vocab.get(db, word["id"])
    assert (edited["lemma"], edited["gloss"], edited["plural"]) == ("Laubbaum", "deciduous tree", "Laubbäume")
    # Another saved word's lemma, or a gender that is none: refused, nothing changed.
    for bad, message in (({"lemma": "grün"}, "already in your vocabulary"), ({"gender": "x"}, "gender")):
        resp = client.post(f"/vocabulary/{word['id']}", data=bad)
        assert resp.status_code == 400 and message in resp.get_data(as_text=True)
    assert vocab.get(db, word["id"])["lemma"] == "Laubbaum" and vocab.get(db, word["id"])["gender"] == "m"


def test_the_translation_finds_a_meaning_ranked_below_the_first_dozen(client, db, write_ding, monkeypatch):
    # Thirteen everyday senses of "Zug" rank before the old one the translation uses.
    common = ["train", "move", "feature", "draught", "pull", "trait", "procession of cars", "platoon",
              "stroke", "gulp", "drag", "tendency", "column"]
    ding = "".join(f"Zug {{m}} :: {g}\n" for g in common) + "Zug {m} [veraltet] :: cortege\n"
    importer.import_dictionary(db, "ding", write_ding(ding))
    sentence = "Der Zug zog durch die Stadt."
    article = articles.create_article(db, sentence)
    monkeypatch.setattr("annotations.translation.translate.cached_translations",
                        lambda db, texts, ts: {sentence: "The cortege moved through the town."})
    start, end = u16(sentence, "Zug")
    page = client.get(f"/words/lookup?article={article}&n=1&start={start}&end={end}").get_data(as_text=True)
    assert "In this sentence:</span>\n      <strong>cortege</strong>" in page
    assert page.count('class="word-entry') <= dictionary.MAX_RESULTS  # the popover keeps its dozen


@pytest.fixture
def english(tmp_path, monkeypatch):
    """A small English WordNet: common words in lower case, a name capitalised as WordNet writes names."""
    wordnet = write_wordnet(tmp_path, {"noun": [["website", "web site"], ["caterer"], ["startup"], ["trump", "trump card"],
                                                ["Paris", "City of Light"]],
                                       "adj": [["handy", "convenient"]]})
    monkeypatch.setattr(synonyms, "system", lambda: wordnet)


def popover(client, db, sentence, word):
    article_id = articles.create_article(db, sentence)
    start, end = u16(sentence, word)
    return client.get(f"/words/lookup?article={article_id}&n=1&start={start}&end={end}").get_data(as_text=True)


BORROWED = 'it looks like the English word <b lang="en">{}</b>, which German has borrowed'
MAYBE_NAME = 'Not in the dictionary: probably a name, or the English word <b lang="en">{}</b>.'


@pytest.mark.parametrize("sentence, word, said, prefilled", [
    ("Caterer kümmern sich um das Buffet.", "Caterer", BORROWED.format("caterer"), "caterer"),
    # Hyphenated, which the tokeniser reads as two words; its English spelling without the hyphen.
    ("Start-ups suchen in Karlsruhe nach Geld.", "Start-ups", BORROWED.format("startup"), "startup"),
    # Capitalised mid-sentence after a determiner or a number: a noun, which names seldom are.
    ("Wer auf den Link klickt, gerät auf eine nachgemachte Website.", "Website", BORROWED.format("website"), "website"),
    ("Das Fest beliefern drei Caterer aus der Stadt.", "Caterer", BORROWED.format("caterer"), "caterer"),
    # Capitalised mid-sentence with neither: a German noun or a name ("Trump" is an English
    # word too), so the English look-alike is a hint, not the meaning.
    ("Der Präsident Trump sagte am Montag ab.", "Trump", MAYBE_NAME.format("trump"), ""),
    ("Auf der Messe zeigte Website ihre Pläne.", "Website", MAYBE_NAME.format("website"), ""),
    # A relative pronoun is no article, nor is the article of the hyphenated word a name opens.
    ("Die Rede, die Trump hielt, war lang.", "Trump", MAYBE_NAME.format("trump"), ""),
    ("Das Land, in dem Trump regiert, ist groß.", "Trump", MAYBE_NAME.format("trump"), ""),
    ("Die Politik der Trump-Regierung ändert sich.", "Trump", MAYBE_NAME.format("trump"), ""),
])
def test_an_english_loanword_ding_lacks_is_named_and_prefilled_unless_it_may_be_a_name(
        client, db, fallbacks, english, lemmatiser, sentence, word, said, prefilled):
    page = popover(client, db, sentence, word)
    assert said in page
    assert f'<input name="gloss" value="{prefilled}"' in page


@pytest.mark.parametrize("sentence, word, said", [
    # WordNet has "Paris" only as a name (capitalised): a name, not a loanword.
    ("Der Zug nach Paris fällt aus.", "Paris", "Not in the dictionary: probably a name."),
    # "handy" is English, but far commoner in German (a mobile phone): a German word, and
    # after "Mein" a noun, not a name.
    ("Mein Handy ist leer.", "Handy", "Not in the dictionary.</p>"),
])
def test_an_english_name_or_a_german_word_is_no_loanword(client, db, fallbacks, english, lemmatiser, sentence, word, said):
    page = popover(client, db, sentence, word)
    assert said in page
    assert "English word" not in page and '<input name="gloss" value=""' in page


def test_without_a_dictionary_no_word_is_taken_for_a_loanword(tmp_path, english, lemmatiser):
    # Nothing installed and the translator unreachable: "Caterer" is in no dictionary because
    # there is none, so its English look-alike proves nothing ("Gift" would be "gift").
    app = app_with_translator(tmp_path, {"TRANSLATOR": "libre", "LIBRETRANSLATE_URL": closed_port_url(),
                                         "LIBRETRANSLATE_API_KEY": "test", "TRANSLATE_TIMEOUT": 3})
    from annotations.sqlite import connect
    db = connect(app.config["DATABASE"])
    try:
        page = popover(app.test_client(), db, "Caterer kümmern sich um das Buffet.", "Caterer")
    finally:
        db.close()
    assert "the translator could not help" in page
    assert "English word" not in page and '<input name="gloss" value=""' in page


# --- editing a saved word in its row ---------------------------------------------------

def row_of(page, word_id):
    """Return the vocabulary table's row of one saved word."""
    found = re.search(rf'<tr id="word-{word_id}".*?</tr>', page, re.DOTALL)
    assert found, f"no row for word {word_id}"
    return found.group(0)


def test_renaming_to_another_saved_word_says_so_in_its_row_and_changes_nothing(client, db, article, imported, lemmatiser):
    client.post("/vocabulary", data=save_form(db, article, 1, "Bäume", gloss="tree"))
    client.post("/vocabulary", data=save_form(db, article, 1, "grün", gloss="green"))
    baum = vocab.find(db, "Baum")
    # What the row's form sends: every field, the word typed over.
    typed = {"lemma": "grün", "gloss": "tree, typed", "gender": "m", "plural": "Bäume", "form": ""}
    answer = client.post(f"/vocabulary/{baum['id']}", data=typed, headers=HX)
    # htmx swaps the answer over the row: the row itself, the message beside Save, what was typed kept.
    assert answer.status_code == 400
    row = row_of(answer.get_data(as_text=True), baum["id"])
    assert '<p class="error-message" role="alert">“grün” is already in your vocabulary.</p>' in row
    assert 'name="lemma" value="grün"' in row and 'value="tree, typed"' in row
    assert "<b>der Baum, die Bäume</b>" in row and "Saved." not in row  # the stored word, not the typed one
    assert vocab.get(db, baum["id"]) == baum
    # Without a script: the vocabulary page, the message in that same row.
    answer = client.post(f"/vocabulary/{baum['id']}", data=typed)
    assert answer.status_code == 400
    page = answer.get_data(as_text=True)
    assert "<h1>Vocabulary</h1>" in page
    assert "“grün” is already in your vocabulary." in row_of(page, baum["id"])
    assert "already in your vocabulary" not in row_of(page, vocab.find(db, "grün")["id"])
    assert vocab.get(db, baum["id"]) == baum


VERBS = DING + """sich befinden {vr} | befindend | befunden :: to be located; to be situated | being located | been located
teilnehmen {vi} :: to take part; to participate
"""


def test_a_renamed_word_is_the_new_word_everywhere_and_keeps_its_progress(client, db, write_ding, lemmatiser):
    importer.import_dictionary(db, "ding", write_ding(VERBS))
    article = articles.create_article(db, "Das Haus befindet sich am See.")
    client.post("/vocabulary", data=save_form(db, article, 1, "befindet", gloss="to be located"))
    word = vocab.find(db, "befinden")
    assert word["form"] == "sich befinden"
    # Two reviews: the learner's progress, which a corrected word must not lose.
    review.grade(db, "befinden", 3)
    review.grade(db, "befinden", 3)
    card, progress = review.get_card(db, "befinden"), status.get(db, status.key_of("befinden"))
    assert progress != {"status": "learning", "level": 1}

    # The row's form sends its verb form unchanged: it is "sich befinden"'s, not the new word's.
    answer = client.post(f"/vocabulary/{word['id']}", headers=HX, data={
        "lemma": "teilnehmen", "gloss": "to take part", "gender": "", "plural": "", "form": "sich befinden"})
    assert answer.status_code == 200
    row = answer.get_data(as_text=True)
    assert "<b>teilnehmen</b>" in row and "sich befinden" not in row
    assert vocab.get(db, word["id"])["form"] == ""
    tsv = client.get("/vocabulary/export.tsv").get_data(as_text=True)
    assert "\nteilnehmen\t" in tsv and "sich befinden" not in tsv
    # Its status and review card came along (the tag on the Anki note is the status).
    assert status.get(db, status.key_of("teilnehmen")) == progress
    moved = review.get_card(db, "teilnehmen")
    assert (moved["id"], moved["due"], moved["last_review"]) == (card["id"], card["due"], card["last_review"])
    assert f"randnotiz::{status.label(progress['status'], progress['level']).replace(' ', '-')}" in tsv
    # A verb form the learner types with the new word is theirs; one that still fits the word stays.
    client.post(f"/vocabulary/{word['id']}", data={"lemma": "beteiligen", "form": "sich beteiligen"})
    assert (vocab.get(db, word["id"])["lemma"], vocab.get(db, word["id"])["form"]) == ("beteiligen", "sich beteiligen")
    client.post(f"/vocabulary/{word['id']}", data={"lemma": "Beteiligen", "form": "sich beteiligen"})
    assert vocab.get(db, word["id"])["form"] == "sich beteiligen"
