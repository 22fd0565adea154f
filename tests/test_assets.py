"""One inline stylesheet and one fingerprinted script per page, cached for good; pages revalidate; responses compressed."""
import base64
import gzip
import hashlib
import re

import brotli
import rcssmin

from annotations import asset_views as assets


def bundle_urls(html):
    return re.findall(r'(?:href|src|content)="(/assets/app\.[0-9a-f]{12}\.(?:css|js))"', html)


def inline_style(html):
    """Return the text of the page's one <style>, in its <head>."""
    head = html[:html.index("</head>")]
    styles = re.findall(r"<style>(.*?)</style>", head, re.S)
    assert len(styles) == 1 and html.count("<style") == 1
    return styles[0]


PAGES = ("/articles/1", "/articles", "/vocabulary", "/review", "/stats", "/search?q=Iran", "/other-pages")


def test_every_page_inlines_one_stylesheet_and_names_one_script_bundle(client):
    for path in PAGES:
        html = client.get(path).get_data(as_text=True)
        head = html[:html.index("</head>")]
        # For the screen: one stylesheet, inline so that the first paint waits for no request, and
        # one script bundle, named but not loaded by the HTML (the inline loader fetches and runs it
        # after the text is painted: as a deferred or preloaded script it held the first paint back).
        assert 'rel="stylesheet"' not in html, path
        assert "/* reader.css */" in inline_style(html), path  # print's rules are inside it
        [js] = bundle_urls(html)
        assert js.endswith(".js")
        assert re.search(r'<meta name="app-bundle" content="/assets/app\.[0-9a-f]{12}\.js" id="app-bundle">', head), path
        # Nothing to fetch or run before the text is painted: no script in <head>, one inline
        # script, the loader, last in <body>.
        assert "<script" not in head, path
        assert re.findall(r"<script\b[^>]*>", html) == ["<script>"], path
        assert html.rstrip().endswith("</script>\n</body>\n</html>"), path
        assert "/static/" not in html.replace("/static/favicon.svg", ""), path


def test_the_inline_loader_is_the_one_script_the_policy_allows_by_hash(client):
    response = client.get("/articles/1")
    loader = re.search(r"<script>(.*?)</script>", response.get_data(as_text=True), re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(loader.encode()).digest()).decode()
    script_src = re.search(r"script-src ([^;]+);", response.headers["Content-Security-Policy"]).group(1)
    assert script_src.split() == ["'self'", f"'sha256-{digest}'"]  # no 'unsafe-inline'
    assert "app-bundle" in loader and "//" not in loader  # its comments stay in the file


def test_the_inline_stylesheet_is_the_one_style_the_policy_allows_by_hash(client):
    response = client.get("/articles/1")
    style = inline_style(response.get_data(as_text=True))
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    style_src = re.search(r"style-src ([^;]+);", response.headers["Content-Security-Policy"]).group(1)
    assert style_src.split() == ["'self'", f"'sha256-{digest}'"]  # no 'unsafe-inline'


def test_the_theme_sheet_comes_last_for_the_screen_and_prefs_runs_first_in_the_bundle(client):
    assert assets.STYLES[-2:] == ["themes.css", "print.css"]  # theme variables override every default colour
    assert assets.SCRIPTS[0] == "prefs.js"  # it defines window.Randnotiz for the others


def test_the_print_rules_apply_to_print_only(client, app):
    body = inline_style(client.get("/articles/1").get_data(as_text=True))
    with open(app.static_folder + "/print.css", encoding="utf-8") as f:
        source = rcssmin.cssmin(f.read())
    # A screen reader of the page must not get the study sheet's rules (e.g. its hidden controls).
    assert f"/* print.css */\n@media print{{{source}}}" in body


def test_the_stylesheet_holds_every_source_file_in_order(client, app):
    body = inline_style(client.get("/articles/1").get_data(as_text=True))
    places = [body.index(f"/* {name} */") for name in assets.STYLES]
    assert places == sorted(places)
    for name in assets.STYLES[:-1]:
        with open(app.static_folder + "/" + name, encoding="utf-8") as f:
            assert rcssmin.cssmin(f.read()) in body


def test_the_stylesheet_is_sent_without_comments_or_spacing(client, app):
    body = inline_style(client.get("/articles/1").get_data(as_text=True))
    with open(app.static_folder + "/reader.css", encoding="utf-8") as f:
        source = f.read()
    assert "/* " in source and "header.site {" in source
    # Only the file markers are left of the comments; the rules keep their meaning.
    assert re.findall(r"/\*.*?\*/", body, re.S) == [f"/* {name} */" for name in assets.STYLES]
    assert "header.site{" in body and "header.site {" not in body
    assert len(body) < 0.85 * sum(len(open(app.static_folder + "/" + n, encoding="utf-8").read()) for n in assets.STYLES)


def test_the_script_bundle_holds_every_source_file_in_order_and_is_cached_for_good(client, app):
    [js] = bundle_urls(client.get("/articles/1").get_data(as_text=True))
    r = client.get(js)
    assert r.status_code == 200
    assert r.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    body = r.get_data(as_text=True)
    places = [body.index(f"/* {name} */") for name in assets.SCRIPTS]
    assert places == sorted(places)
    for name in assets.SCRIPTS:
        with open(app.static_folder + "/" + name, encoding="utf-8") as f:
            assert f.read().strip() in body


def test_a_changed_source_gets_a_new_name():
    # A cached script under its old name would otherwise run against a changed page.
    first = assets.Bundle("js", [("a.js", "let a = 1;")])
    second = assets.Bundle("js", [("a.js", "let a = 2;")])
    assert first.name != second.name and re.fullmatch(r"app\.[0-9a-f]{12}\.js", first.name)


def test_an_unknown_bundle_name_is_a_clear_404(client):
    r = client.get("/assets/app.000000000000.js")
    assert r.status_code == 404 and "reload the page" in r.get_data(as_text=True)


def test_bundles_come_compressed_when_the_browser_accepts_it(client):
    [js] = bundle_urls(client.get("/articles/1").get_data(as_text=True))
    plain = client.get(js).data
    br = client.get(js, headers={"Accept-Encoding": "gzip, deflate, br"})
    assert br.headers["Content-Encoding"] == "br" and brotli.decompress(br.data) == plain
    gz = client.get(js, headers={"Accept-Encoding": "gzip"})
    assert gz.headers["Content-Encoding"] == "gzip" and gzip.decompress(gz.data) == plain
    assert len(gz.data) < len(plain) / 2


def test_a_page_revalidates_with_its_etag_and_changes_with_the_data(client):
    first = client.get("/articles/1", headers={"Accept-Encoding": "gzip"})
    assert first.headers["Cache-Control"] == "no-cache" and first.headers["Content-Encoding"] == "gzip"
    again = client.get("/articles/1", headers={"Accept-Encoding": "gzip", "If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
    plain = client.get("/articles/1")
    assert client.get("/articles/1", headers={"If-None-Match": plain.headers["ETag"]}).status_code == 304
    # A note changes the page: the old ETag no longer matches.
    client.post("/articles/1/p/2/note", data={"note": "Neu"})
    changed = client.get("/articles/1", headers={"If-None-Match": plain.headers["ETag"]})
    assert changed.status_code == 200 and "Neu" in changed.get_data(as_text=True)


def test_html_and_json_are_compressed(client):
    page = client.get("/articles/1", headers={"Accept-Encoding": "gzip"})
    assert "Randnotiz" in gzip.decompress(page.data).decode()
    client.post("/articles/1/p/2/note", data={"note": "Ein Absatz mit einer längeren Notiz. " * 20})
    feed = client.get("/annotations/", headers={"Accept-Encoding": "gzip", "Accept": "application/ld+json"})
    assert feed.headers["Content-Encoding"] == "gzip"
    assert "längeren Notiz" in gzip.decompress(feed.data).decode()
