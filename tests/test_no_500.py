"""Every route, fed junk in its path, query, form and JSON, answers without a server error."""
import json
import re

import pytest

from annotations import create_app

JUNK_VALUES = ["", "²", "-1", "9" * 400, "<script>alert(1)</script>", "\x00", "%", "null", "ü" * 3000]
# Ids one past SQLite's largest integer (2^63) and far beyond: int() takes them, SQLite cannot.
PATH_VALUES = {"int": ["1", "999999", str(2**63), "9" * 30], "default": ["1", "x", "jsonld", "ü", str(2**63)]}
JSON_JUNK = ["{[", "[" * 50_000 + "]" * 50_000, r'"\ud800"', r'{"a": "\u0000"}', "NaN", "9" * 400,
             '{"target": {"source": "http://localhost/articles/%d"}, "id": "http://localhost/annotations/%d"}'
             % (2**64, 2**64)]


def junk_forms():
    keys = ["n", "start", "end", "exact", "block", "color", "note", "tags", "text", "title", "url",
            "article", "gloss", "lemma", "q", "confirm", "after", "page", "ids", "surface",
            # the learning views' (word status, review, known-word import)
            "word", "status", "grade", "due", "words"]
    for value in JUNK_VALUES:
        yield {k: value for k in keys}
    yield {}


def routes(app):
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            yield rule, method


def urls_for(rule):
    urls = [rule.rule]
    for arg, converter in rule._converters.items():
        values = PATH_VALUES["int"] if type(converter).__name__ == "IntegerConverter" else PATH_VALUES["default"]
        pattern = re.compile(r"<(?:[^:<>]+:)?" + arg + ">")
        urls = [pattern.sub(v, u) for u in urls for v in values]
    return urls


@pytest.fixture(scope="module")
def shared_app(tmp_path_factory):
    path = tmp_path_factory.mktemp("fuzz") / "fuzz.db"
    return create_app({"TESTING": True, "DATABASE": str(path), "BACKGROUND_TASKS": False,
                       "DING_PATH": "/nonexistent", "FREEDICT_PATH": "/nonexistent",
                       "TRANSLATOR": "libre", "LIBRETRANSLATE_URL": "http://127.0.0.1:9/",
                       "LIBRETRANSLATE_API_KEY": "x", "TRANSLATE_TIMEOUT": 2})


def test_every_route_survives_junk(shared_app):
    client = shared_app.test_client()
    failures, tried, statuses = [], 0, {}
    for rule, method in routes(shared_app):
        for url in urls_for(rule):
            assert "<" not in url, url
            for form in junk_forms():
                query = "&".join(f"{k}={v[:50]}" for k, v in list(form.items())[:6])
                if method == "GET":
                    r = client.get(f"{url}?{query}")
                elif url.startswith("/annotations") or "import" in url:
                    bodies = [json.dumps(form)] if form else JSON_JUNK
                    for body in bodies[:-1]:
                        r = client.open(url, method=method, data=body, content_type="application/ld+json",
                                        headers={"If-Match": '"x"'})
                        if r.status_code >= 500:
                            failures.append(f"{method} {url} {body[:30]!r} -> {r.status_code}")
                    r = client.open(url, method=method, data=bodies[-1],
                                    content_type="application/ld+json", headers={"If-Match": '"x"'})
                else:
                    r = client.open(url, method=method, data=form, headers={"HX-Request": "true"})
                tried += 1
                statuses[r.status_code] = statuses.get(r.status_code, 0) + 1
                if r.status_code >= 500 and r.status_code not in (502, 503, 504):
                    failures.append(f"{method} {url} {form and list(form.values())[0][:20]!r} -> {r.status_code}")
                assert "Traceback" not in r.get_data(as_text=True)
    assert tried > 1000
    # Junk reached the views, not only the router: plenty of answers were refusals or pages.
    assert statuses.get(400, 0) > 100 and statuses.get(200, 0) > 100
    assert failures == []
