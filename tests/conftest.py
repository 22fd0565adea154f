"""Shared fixtures: an app on a temp SQLite file, a client, a live server and a real browser."""
import os
import shutil
import threading

import pytest
from werkzeug.serving import WSGIRequestHandler, make_server

from annotations import create_app
from browser_helpers import select_in_paragraph, word_point
from fake_providers import fake  # noqa: F401 (the loopback translation provider, for every test)
from annotations import schema
from annotations.sqlite import connect
from annotations.words import lemmas

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(autouse=True)
def translator(fake):
    """The translation settings every test's app gets: Google's protocol, served by the loopback fake.

    A test that wants other settings overrides this fixture (or passes config to make_app).
    """
    return fake.config("google")


@pytest.fixture
def db_path(tmp_path):
    """The test's own SQLite file."""
    return str(tmp_path / "randnotiz.db")


@pytest.fixture
def make_app(tmp_path, db_path, translator):
    """Return a function creating an app on the test's own SQLite file; config overrides the defaults."""

    def make(**config):
        return create_app({"TESTING": True, "DATABASE": db_path,
                           "BACKGROUND_TASKS": True,
                           # Tests write their own small dictionaries; never read the system's.
                           "DING_PATH": str(tmp_path / "no-ding"),
                           "FREEDICT_PATH": str(tmp_path / "no-freedict"),
                           **translator, **config})

    return make


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def db(db_path):
    """A connection to the test's database file, migrated and seeded; no app is built for it."""
    conn = connect(db_path)
    schema.prepare(conn)
    yield conn
    conn.close()


@pytest.fixture
def lemmatiser():
    """Wait (on an event, not a sleep) until simplemma's German data is loaded."""
    assert lemmas.wait(120), "simplemma could not be loaded"


class QuietHandler(WSGIRequestHandler):
    """Keep the access log out of test output; failures speak through assertions."""

    def log_request(self, *args, **kwargs):
        pass


@pytest.fixture
def live_server(app):
    """Serve the app on a loopback port for the browser; yields the base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=QuietHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(5)


# The app's pages run their script bundle just after the text is painted (after "load"), so a
# page is not yet interactive when goto() returns: navigations wait for the bundle's mark. With
# scripts off nothing runs: a <noscript>'s content is then parsed as elements, never otherwise.
READY = "html[data-ready], html:not(:has(#app-bundle)), html:has(noscript > *)"


def _wait_for_the_bundle_after_navigations():
    """Make Page.goto/reload/go_back/go_forward return once the page's scripts have run."""
    from playwright.sync_api import Page

    def waiting(method):
        def navigate(self, *args, **kwargs):
            response = method(self, *args, **kwargs)
            self.wait_for_selector(READY, state="attached")
            return response
        navigate.waits_for_the_bundle = True
        navigate.__wrapped__ = method  # for a test of a page whose bundle never arrives
        return navigate

    for name in ("goto", "reload", "go_back", "go_forward"):
        if not getattr(getattr(Page, name), "waits_for_the_bundle", False):
            setattr(Page, name, waiting(getattr(Page, name)))


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; missing browser fails under CI, skips elsewhere."""
    if not (os.path.exists(CHROMIUM) and shutil.which(CHROMIUM)):
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing; .ci/run must install Debian's chromium package")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import expect, sync_playwright

    # Auto-waiting assertions, not timings: a slower, busier CI machine only waits longer.
    expect.set_options(timeout=15_000)
    _wait_for_the_bundle_after_navigations()
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run",
                  "--disable-quic"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh desktop-sized page; tests navigate with page.goto(live_server + path)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def phone(browser, live_server):
    """A phone-sized page with touch emulation."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True,
                                  is_mobile=True, device_scale_factor=2)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def word_box():
    """Return a function giving the viewport point in the middle of a word of paragraph n."""
    return word_point


@pytest.fixture
def select_word():
    """Return a function selecting a word of paragraph n as Shift+arrows would."""
    return select_in_paragraph
