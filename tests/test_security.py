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
