"""Cross-site pages cannot change the reader's data; pages carry a strict CSP."""
import pytest


@pytest.mark.parametrize("headers", [
    {"Origin": "https://evil.example"},
    {"Origin": "null"},
    {"Sec-Fetch-Site": "cross-site"},
])
def test_cross_site_writes_are_refused_and_change_nothing(client, db, headers):
    r = client.post("/articles/1/delete", data={"confirm": "yes"}, headers=headers)
    assert r.status_code == 403 and "another website" in r.get_data(as_text=True)
    assert db["articles"].count == 1


@pytest.mark.parametrize("headers", [
    {},  # curl, or another annotation client: no Origin at all
    {"Origin": "http://localhost", "Sec-Fetch-Site": "same-origin"},
])
def test_same_site_and_non_browser_writes_pass(client, db, headers):
    r = client.post("/articles/1/position", data={"n": "2"}, headers=headers)
    assert r.status_code == 204


def test_pages_forbid_inline_scripts_and_framing(client):
    r = client.get("/articles/1")
    csp = r.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert r.headers["X-Content-Type-Options"] == "nosniff"


# --- defect 1: DNS rebinding -------------------------------------------------------------

def test_a_rebinding_page_posing_as_another_host_is_refused(client, db):
    # evil.example resolves to 127.0.0.1: the browser sends its own name as Host and Origin.
    r = client.post("/articles/1/position", data={"n": "2"},
                    headers={"Host": "evil.example:5000", "Origin": "http://evil.example:5000"})
    assert r.status_code == 400
    assert db["reading_positions"].count == 0
    assert client.get("/export/annotations.jsonld", headers={"Host": "evil.example:5000"}).status_code == 400
    assert client.post("/articles/1/delete", data={"confirm": "yes"}, headers={"Host": "evil.example"}).status_code == 400
    assert db["articles"].count == 1


@pytest.mark.parametrize("host", ["127.0.0.1:5000", "localhost:5000", "[::1]:5000", "localhost"])
def test_loopback_names_are_served(client, host):
    assert client.get("/articles", headers={"Host": host}).status_code == 200


def test_configured_host_names_are_served(make_app):
    client = make_app(READER_ALLOWED_HOSTS="lesen.example, tablet.local").test_client()
    assert client.get("/articles", headers={"Host": "tablet.local:5000"}).status_code == 200
    assert client.get("/articles", headers={"Host": "other.example"}).status_code == 400


# --- password mode ------------------------------------------------------------------------

PASSWORD = "Lesezeichen-2026"


@pytest.fixture
def locked(make_app):
    return make_app(READER_PASSWORD=PASSWORD, READER_API_TOKEN="t" * 32, BIND_HOST="0.0.0.0",
                    READER_ALLOWED_HOSTS="lesen.example")


def basic(password, user="reader"):
    import base64
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


def test_a_non_loopback_bind_without_password_refuses_to_start(make_app):
    from annotations.settings import SettingsError
    with pytest.raises(SettingsError, match="READER_PASSWORD"):
        make_app(BIND_HOST="0.0.0.0")


def test_pages_need_a_login_and_the_cookie_is_httponly_and_samesite(locked, db):
    client = locked.test_client()
    r = client.get("/articles/1")
    assert r.status_code == 303 and r.location.startswith("/login?next=/articles/1")
    assert client.post("/articles/1/position", data={"n": "2"}).status_code in (303, 401)
    assert db["reading_positions"].count == 0
    wrong = client.post("/login", data={"password": "falsch", "next": "/articles/1"})
    assert wrong.status_code == 401 and "not the password" in wrong.get_data(as_text=True)
    r = client.post("/login", data={"password": PASSWORD, "next": "/articles/1"})
    assert r.status_code == 303 and r.location == "/articles/1"
    cookie = r.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert client.get("/articles/1").status_code == 200
    assert client.post("/articles/1/position", data={"n": "2"}).status_code == 204
    client.post("/logout")
    assert client.get("/articles/1").status_code == 303


def test_login_never_redirects_to_another_site(locked):
    r = locked.test_client().post("/login", data={"password": PASSWORD, "next": "//evil.example/"})
    assert r.status_code == 303 and r.location == "/"


def test_api_clients_use_basic_auth_or_the_token(locked):
    client = locked.test_client()
    r = client.get("/annotations/")
    assert r.status_code == 401 and r.headers["WWW-Authenticate"].startswith("Basic")
    assert client.get("/annotations/", headers=basic(PASSWORD)).status_code == 200
    assert client.get("/annotations/", headers={"Authorization": "Bearer " + "t" * 32}).status_code == 200
    assert client.get("/annotations/", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/annotations/", headers=basic("falsch")).status_code == 401


def test_password_guessing_is_rate_limited(locked):
    client = locked.test_client()
    codes = [client.post("/login", data={"password": f"guess{i}"}).status_code for i in range(7)]
    assert codes[:5] == [401] * 5 and codes[5:] == [429, 429]
    # Even the right password waits: the guesser cannot learn it is right.
    assert client.post("/login", data={"password": PASSWORD}).status_code == 429
    assert client.get("/annotations/", headers=basic("guess")).status_code == 429


# --- the guards cover the routes that came later ------------------------------------------------

NEW_PAGES = ["/search?q=Hund", "/review", "/review/count", "/stats", "/other-pages",
             "/articles/1/word-status.json", "/articles/1/counts", "/speech.wav?text=Hund"]
NEW_WRITES = [("/words/status", {"word": "Hund", "status": "known"}), ("/articles/1/known", {}),
              ("/learning/import", {"words": "Hund"}), ("/review/grade", {"lemma": "Hund", "grade": "3"}),
              ("/review/undo", {})]


@pytest.mark.parametrize("url", NEW_PAGES)
def test_new_pages_answer_only_to_their_own_names_and_after_a_login(client, locked, url):
    assert client.get(url, headers={"Host": "evil.example"}).status_code == 400
    r = locked.test_client().get(url)
    assert r.status_code == 401 or (r.status_code == 303 and r.location.startswith("/login?next="))
    assert r.mimetype not in ("audio/wav", "application/json") or r.status_code == 401


@pytest.mark.parametrize("url, form", NEW_WRITES)
def test_new_writes_are_refused_from_other_sites_other_names_and_without_a_login(client, db, locked, url, form):
    assert client.post(url, data=form, headers={"Origin": "https://evil.example"}).status_code == 403
    assert client.post(url, data=form, headers={"Host": "evil.example"}).status_code == 400
    assert locked.test_client().post(url, data=form).status_code in (303, 401)
    assert db["word_status"].count == 0 and db["status_changes"].count == 0 and db["reviews"].count == 0
