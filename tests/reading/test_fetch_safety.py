"""URL imports cannot hold a worker, reach inside the reader's network, leak credentials or garble text."""
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from annotations.reading import fetch, formats
from annotations.reading.articles import ArticleError

GERMAN = "Größere Straßen, schöne Grüße: Über die Brücke gehen wir heute gemeinsam nach Hause."
PAGE = ("<!doctype html><html><head>{meta}<title>Grüße</title></head><body><article><h1>Überschrift</h1>"
        "<p>{text} {text}</p><p>{text}</p></article></body></html>")


class Site(ThreadingHTTPServer):
    daemon_threads = True


def serve(handler_class, host="127.0.0.1"):
    server = Site((host, 0), handler_class)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://{host}:{server.server_port}"


def page_handler(routes, seen=None):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            if seen is not None:
                seen.append(dict(self.headers))
            status, headers, body = routes[self.path]
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass
    return Handler


@pytest.fixture
def site():
    servers = []

    def start(routes, seen=None, host="127.0.0.1"):
        server, url = serve(page_handler(routes, seen), host)
        servers.append(server)
        return url
    yield start
    for s in servers:
        s.shutdown()


def html(meta="", text=GERMAN):
    return PAGE.format(meta=meta, text=text)


# --- defect 2: a trickling server is cut off by one deadline -------------------------------

def trickler(stop, chunk):
    """A server sending `chunk` every half second for a minute: each read is quick, the whole is not."""

    class Trickle(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            for _ in range(120):
                try:
                    self.wfile.write(chunk)
                    self.wfile.flush()
                except OSError:
                    return  # cut off by the client
                if stop.wait(0.5):
                    return

        def log_message(self, *args):
            pass

    return serve(Trickle)


def test_a_trickling_server_is_cut_off_at_the_deadline(monkeypatch):
    stop = threading.Event()
    server, url = trickler(stop, b" ")
    monkeypatch.setattr(fetch, "DEADLINE", 1.5)
    try:
        with pytest.raises(ArticleError, match="took too long"):
            fetch.fetch_page(url + "/slow", allow_private=True)
    finally:
        stop.set()
        server.shutdown()


def test_a_trickling_import_answers_400_and_other_requests_go_on(monkeypatch, make_app):
    stop = threading.Event()
    server, url = trickler(stop, b"<p>")
    monkeypatch.setattr(fetch, "DEADLINE", 1.5)
    app = make_app(READER_ALLOW_PRIVATE_URLS="1")
    result = {}
    worker = threading.Thread(target=lambda: result.setdefault(
        "r", app.test_client().post("/articles", data={"url": url + "/"})))
    worker.start()
    try:
        assert app.test_client().get("/articles").status_code == 200
        worker.join(60)
        assert not worker.is_alive()
        assert result["r"].status_code == 400 and "took too long" in result["r"].get_data(as_text=True)
    finally:
        stop.set()
        server.shutdown()


# --- private addresses ------------------------------------------------------------------------

@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::1]", "10.0.0.1", "192.168.1.1", "169.254.169.254",
                                  "[::ffff:127.0.0.1]", "0.0.0.0"])
def test_private_and_loopback_addresses_are_refused_by_default(client, db, host):
    r = client.post("/articles", data={"url": f"http://{host}:9/x"})
    assert r.status_code == 400 and "inside this computer or its local network" in r.get_data(as_text=True)
    assert db["articles"].count == 1


def test_the_setting_allows_local_pages(make_app, site, db):
    url = site({"/a": (200, {"Content-Type": "text/html; charset=utf-8"}, html().encode())})
    assert make_app().test_client().post("/articles", data={"url": url + "/a"}).status_code == 400
    r = make_app(READER_ALLOW_PRIVATE_URLS="1").test_client().post("/articles", data={"url": url + "/a"})
    assert r.status_code == 303 and db["articles"].count == 2


def test_a_redirect_is_checked_again(site, monkeypatch):
    inner = site({"/secret": (200, {"Content-Type": "text/html"}, html().encode())})
    # Pretend 127.0.0.2 is a public server on the internet, redirecting to the reader's own machine.
    monkeypatch.setattr(fetch, "_public", lambda ip: ip == "127.0.0.2")
    outer = site({"/go": (302, {"Location": inner + "/secret"}, b""),
                  "/page": (200, {"Content-Type": "text/html"}, html().encode())}, host="127.0.0.2")
    assert "Überschrift" in fetch.fetch_page(outer + "/page")[0]
    with pytest.raises(ArticleError, match="local network"):
        fetch.fetch_page(outer + "/go")


def test_credentials_in_the_address_are_never_kept(make_app, site, db):
    seen = []
    url = site({"/a": (200, {"Content-Type": "text/html; charset=utf-8"}, html().encode())}, seen)
    with_user = url.replace("http://", "http://anna:geheim@") + "/a"
    client = make_app(READER_ALLOW_PRIVATE_URLS="1").test_client()
    r = client.post("/articles", data={"url": with_user})
    assert r.status_code == 303
    assert db["articles"].get(2)["source_url"] == url + "/a"
    assert "geheim" not in client.get(r.location).get_data(as_text=True)
    assert "geheim" not in client.get("/export/annotations.jsonld").get_data(as_text=True)
    assert not any("Authorization" in h for h in seen)


# --- defects 4 and 5: charsets --------------------------------------------------------------

@pytest.mark.parametrize("content_type, meta, encoding", [
    ("text/html", '<meta charset="utf-8">', "utf-8"),  # 10 of 12 news pages: no charset in the header
    ("text/html", '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">', "latin-1"),
    ("text/html; charset=utf-8", '<meta charset="iso-8859-1">', "utf-8"),  # the header wins
    ("text/html; charset=bogus-charset", "", "utf-8"),  # a charset no one knows: detected
    ("text/html; charset=bogus-charset", '<meta charset="utf-8">', "utf-8"),
    (None, "", "utf-8"),  # no Content-Type at all
    ("text/html", "", "cp1252"),  # nothing declared: detected
])
def test_pages_are_decoded_by_header_then_meta_then_detection(make_app, site, db, content_type, meta, encoding):
    headers = {"Content-Type": content_type} if content_type else {}
    url = site({"/a": (200, headers, html(meta).encode(encoding))})
    r = make_app(READER_ALLOW_PRIVATE_URLS="1").test_client().post("/articles", data={"url": url + "/a"})
    assert r.status_code == 303, r.get_data(as_text=True)
    text = "\n".join(b["text"] for b in db.query("SELECT text FROM blocks WHERE article_id = 2"))
    assert "Größere Straßen, schöne Grüße" in text and "Ã" not in text


def test_decode_prefers_a_byte_order_mark():
    # Pages are decoded by the one decoder uploads use.
    assert formats.decode(b"\xef\xbb\xbf<p>Gr\xc3\xbc\xc3\x9fe</p>", "latin-1", html=True) == "<p>Grüße</p>"


def test_a_meta_charset_of_utf_16_is_not_believed():
    # The HTML standard's rule: a page that could declare it in ASCII is not UTF-16.
    page = '<html><head><meta charset="utf-16"></head><body><p>Stra\xdfe</p></body></html>'.encode("cp1252")
    assert "<p>Straße</p>" in formats.decode(page, html=True)


def test_every_address_of_a_name_is_tried_and_the_host_header_is_the_name(site):
    # localhost is ::1 and 127.0.0.1; the test site listens on 127.0.0.1 only.
    seen = []
    url = site({"/a": (200, {"Content-Type": "text/html; charset=utf-8"}, html().encode())}, seen)
    local = url.replace("127.0.0.1", "localhost")
    assert "Überschrift" in fetch.fetch_page(local + "/a", allow_private=True)[0]
    assert seen[-1]["Host"] == local.removeprefix("http://")
