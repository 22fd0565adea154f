"""New texts from uploads and web addresses: extraction with trafilatura, every failure a clear 400."""
import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

PAGE = """<!doctype html><html><head><title>Seite – Nachrichten</title></head><body>
<nav>Start | Politik | Sport | Wetter</nav>
<article><h1>Der große Titel</h1>
<p>Erster Absatz mit genug Text, damit er als Inhalt zählt. Noch ein Satz dazu, und noch einer.</p>
<h2>Zwischentitel hier</h2>
<p>Zweiter Absatz, ebenfalls lang genug für die Extraktion, mit weiteren Wörtern und Sätzen.</p></article>
<footer>© 2026 Impressum Datenschutz</footer></body></html>"""

ROUTES = {
    "/artikel": (200, "text/html; charset=utf-8", PAGE.encode()),
    "/bild.png": (200, "image/png", b"\x89PNG..."),
    "/leer": (200, "text/html", b"<html><body><script>var a = 1;</script><img src=a.png></body></html>"),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        status, kind, body = ROUTES.get(self.path, (404, "text/html", b"not here"))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture
def app(make_app):
    # The test site is on 127.0.0.1, which imports refuse unless allowed.
    return make_app(READER_ALLOW_PRIVATE_URLS="1")


def read_back(client, response):
    assert response.status_code == 303, response.get_data(as_text=True)
    return client.get(response.location).get_data(as_text=True)


def test_import_a_web_page_by_url(client, site):
    page = read_back(client, client.post("/articles", data={"url": site + "/artikel"}))
    assert "Der große Titel" in page
    assert '<h2 class="ptext"' in page and "Zwischentitel hier" in page
    assert "Nur Navigation" not in page and "Start | Politik" not in page
    assert "Source: <a href=\"" + site + "/artikel\"" in page


def test_upload_a_saved_web_page(client):
    data = {"file": (io.BytesIO(PAGE.encode()), "seite.html")}
    page = read_back(client, client.post("/articles", data=data, content_type="multipart/form-data"))
    assert "Zweiter Absatz, ebenfalls lang genug" in page and "Impressum" not in page


@pytest.mark.parametrize("path, message", [
    ("/fehlt", "server answered 404"),
    ("/bild.png", "not a web page"),
    ("/leer", "No article text"),
])
def test_bad_pages_are_refused(client, db, site, path, message):
    r = client.post("/articles", data={"url": site + path})
    assert r.status_code == 400 and message in r.get_data(as_text=True)
    assert db["articles"].count == 1


@pytest.mark.parametrize("url, message", [
    ("ftp://example.org/x", "http:// or https://"),
    ("javascript:alert(1)", "http:// or https://"),
    ("http://", "http:// or https://"),
])
def test_bad_addresses_are_refused(client, url, message):
    r = client.post("/articles", data={"url": url})
    assert r.status_code == 400 and message in r.get_data(as_text=True)


def test_unreachable_address_says_so(client):
    import socket

    with socket.socket() as s:  # a port that was free a moment ago: nothing listens there
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    r = client.post("/articles", data={"url": f"http://127.0.0.1:{port}/"})
    assert r.status_code == 400 and "could not be reached" in r.get_data(as_text=True)
