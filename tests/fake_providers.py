"""Loopback stand-ins for translation providers, speaking their HTTP protocols.

One threaded server on 127.0.0.1 answers for every provider under its own prefix:
/google/m (Google's mobile page), /libre/translate (LibreTranslate), /mymemory/get (MyMemory),
/deepl/v2/translate (DeepL v2), /microsoft/translate (Microsoft Translator v3).
Each request is counted; `mode` makes it misbehave.
"""
import html
import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from annotations.settings import translator_settings

QUOTA_WARNING = ("MYMEMORY WARNING: YOU USED ALL AVAILABLE FREE TRANSLATIONS FOR TODAY. "
                 "NEXT AVAILABLE IN  10 HOURS 20 MINUTES 14 SECONDS")


def fake_english(text):
    """The fake's 'translation': recognisable, deterministic, same number of sentences."""
    return "EN: " + text


class FakeProvider:
    """A loopback translation server; read `calls`, set `mode`, `delay`, `gate`, `translations`."""

    MODES = ("ok", "sleep", "429", "500", "403", "empty", "none", "quota", "echo", "garbage")

    def __init__(self):
        self.mode = "ok"
        self.delay = 0.0  # seconds each answer waits (the bench's "provider answers in 200 ms")
        self.gate = None  # a threading.Event every request waits for, when set
        self.translations = {}  # exact text -> answer, overriding fake_english
        self.failing = set()  # texts answered with HTTP 500 whatever the mode
        self.calls = []  # (provider, text) per request
        self.received = threading.Semaphore(0)  # released once per request, for tests to wait on
        self.lock = threading.Lock()
        self.released = threading.Event()  # set on close so sleeping handlers end at once
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def close(self):
        self.released.set()
        if self.gate is not None:
            self.gate.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)

    def count(self, provider=None):
        with self.lock:
            return sum(1 for p, _ in self.calls if provider in (None, p))

    def config(self, provider="google", **extra):
        """App config keys pointing provider at this server."""
        base = {
            "google": {"GOOGLE_TRANSLATE_URL": f"{self.url}/google/m"},
            "libre": {"LIBRETRANSLATE_URL": f"{self.url}/libre", "LIBRETRANSLATE_API_KEY": "test-key"},
            "mymemory": {"MYMEMORY_URL": f"{self.url}/mymemory/get"},
            "deepl": {"DEEPL_URL": f"{self.url}/deepl", "DEEPL_API_KEY": "test-key:fx"},
            "microsoft": {"MICROSOFT_URL": f"{self.url}/microsoft", "MICROSOFT_API_KEY": "test-key",
                          "MICROSOFT_REGION": "westeurope"},
        }[provider]
        return {"TRANSLATOR": provider, "TRANSLATE_TIMEOUT": 5, **base, **extra}

    def settings(self, provider="google", **extra):
        """TranslatorSettings pointing provider at this server, for calls into the domain."""
        return translator_settings(self.config(provider, **extra))

    def answer(self, text):
        return self.translations.get(text, fake_english(text))

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                self._serve()

            def do_POST(self):
                self._serve()

            def _send(self, status, body, ctype="application/json"):
                data = body.encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", f"{ctype}; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                try:
                    self.wfile.write(data)
                except OSError:
                    pass  # the client gave up (timeout); nothing to tell it

            def _serve(self):
                parts = urlsplit(self.path)
                query = {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                provider = parts.path.strip("/").split("/")[0]
                text = self._text(provider, query, body)
                if text is None:
                    return self._send(404, '{"error": "unknown endpoint"}')
                with fake.lock:
                    fake.calls.append((provider, text))
                fake.received.release()
                if fake.gate is not None:
                    fake.gate.wait(30)
                if fake.mode == "sleep":
                    fake.released.wait(fake.delay or 30)
                elif fake.delay:
                    fake.released.wait(fake.delay)
                mode = "500" if text in fake.failing else fake.mode
                if mode in ("429", "500", "403"):
                    return self._send(int(mode), '{"error": "fake failure"}')
                if mode == "garbage":
                    return self._send(200, "<html>maintenance</html>", "text/html")
                answer = {"empty": "", "none": None, "quota": QUOTA_WARNING, "echo": text}.get(mode, fake.answer(text))
                self._send(*getattr(self, "_" + provider)(answer))

            def _text(self, provider, query, body):
                if provider in ("google", "mymemory", "libre"):
                    return query.get("q")
                if provider in ("deepl", "microsoft"):
                    try:
                        data = json.loads(body or b"null")
                    except ValueError:
                        return None
                    if provider == "deepl" and self.headers.get("Authorization", "").startswith("DeepL-Auth-Key "):
                        return data["text"][0]
                    if provider == "microsoft" and self.headers.get("Ocp-Apim-Subscription-Key"):
                        return data[0]["Text"]
                return None

            @staticmethod
            def _google(answer):
                inner = html.escape(answer or "")
                return 200, f'<html><body><div class="result-container">{inner}</div></body></html>', "text/html"

            @staticmethod
            def _libre(answer):
                return 200, json.dumps({"translatedText": answer})

            @staticmethod
            def _mymemory(answer):
                return 200, json.dumps({"responseData": {"translatedText": answer, "match": 1},
                                        "responseStatus": 200, "matches": []})

            @staticmethod
            def _deepl(answer):
                return 200, json.dumps({"translations": [{"detected_source_language": "DE", "text": answer}]})

            @staticmethod
            def _microsoft(answer):
                return 200, json.dumps([{"translations": [{"text": answer, "to": "en"}]}])

        return Handler


def closed_port_url():
    """A loopback URL nobody listens on (connection refused)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@pytest.fixture
def fake():
    server = FakeProvider()
    yield server
    server.close()
