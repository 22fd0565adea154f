"""Time to laid-out text in Chromium: the reading page against the same words as a static HTML file.

The app runs in a child process under waitress (the production server); the yardstick is a plain
HTML file with the same title and paragraphs, served by the same app and server. Each open:
  - cold: a fresh browser context (empty cache);
  - warm: the same context opened a second time (its cache filled by the first open).
Two times, in ms since navigation start, read in the page:
  - text painted: the first contentful paint (on both pages the text: the reading page's
    header is its first line; its stylesheet blocks rendering, so that paint is styled);
  - page ready: the first animation frame after every script has run (the app's bundle starts
    once the text is painted and marks <html data-ready>; htmx has processed the page), after
    forcing layout of the last paragraph; a static file's after its load event.
Opens alternate between the app and the yardstick; medians of RUNS each, and for the text-painted
ratio a 90% bootstrap interval over the runs (how far this machine's noise moves it).
Texts: the bundled article, and a ~9,000-word text (the bundled paragraphs repeated).
Then where the bundled article's time goes, from files made of its own reading page:
  - the page with its stylesheet in a file it links (as before the stylesheet was inlined);
  - its paragraph blocks (their spans and ids) with its stylesheet and nothing else;
  - the whole page without its stylesheet and scripts (header, toolbars, notes panel, dialogs).
Run: python bench/bench_browser.py [runs] [--slow-cpu=4]   (4: a mid-range phone's CPU, as Lighthouse throttles)
"""
import html
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from annotations import schema  # noqa: E402
from annotations.reading import articles  # noqa: E402
from annotations.sqlite import connect  # noqa: E402

ARGS = [a for a in sys.argv[1:] if not a.startswith("--slow-cpu=")]
RUNS = int(ARGS[0]) if ARGS else 15
# --slow-cpu=4: Chromium's CPU throttling (what Lighthouse uses for a mid-range phone), for app and yardstick alike.
SLOW_CPU = next((float(a.split("=", 1)[1]) for a in sys.argv[1:] if a.startswith("--slow-cpu=")), 1)

SERVE = """
import sys, threading
from flask import send_from_directory
from waitress import create_server
from annotations import create_app
db, static_dir, tmp = sys.argv[1:4]
app = create_app({"DATABASE": db, "BACKGROUND_TASKS": False, "DING_PATH": tmp + "/x", "FREEDICT_PATH": tmp + "/x"})
app.add_url_rule("/bench-static/<path:name>", "bench_static", lambda name: send_from_directory(static_dir, name))
server = create_server(app, host="127.0.0.1", port=0, threads=4)
print(server.effective_port, flush=True)
server.run()
"""

# Runs before the page's own scripts; records when the text is laid out.
PROBE = """
// Page ready: the app's script bundle starts after the text is painted and the page has loaded,
// and marks <html data-ready> when it has run; a static file is ready at "load".
function whenReady(done) {
  const bundled = document.getElementById("app-bundle");
  if (!bundled || document.documentElement.hasAttribute("data-ready")) return done();
  new MutationObserver((_, observer) => {
    if (!document.documentElement.hasAttribute("data-ready")) return;
    observer.disconnect();
    done();
  }).observe(document.documentElement, { attributes: true });
}
// The first contentful paint, once Chromium reports it: the entry is queued when the frame is
// presented, which can be several frames after "load" on a small static file, so wait for it
// rather than reading it after a fixed number of frames.
const painted = new Promise((done) => new PerformanceObserver((list, observer) => {
  const entry = list.getEntriesByName("first-contentful-paint")[0];
  if (!entry) return;
  observer.disconnect();
  done(entry.startTime);
}).observe({ type: "paint", buffered: true }));
window.addEventListener("load", () => whenReady(() => requestAnimationFrame(() => {
  const ps = document.querySelectorAll("p");
  if (ps.length) ps[ps.length - 1].getBoundingClientRect();
  const ready = performance.now();
  painted.then((paint) => { window.__laidOut = [paint, ready]; });
})));
"""


def static_page(title, paragraphs):
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (f'<!doctype html><html lang="de"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f'</head><body><h1>{html.escape(title)}</h1>\n{body}\n</body></html>').encode()


def open_once(context, url):
    page = context.new_page()
    if SLOW_CPU != 1:
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": SLOW_CPU})
    page.goto(url, wait_until="load")
    # Not wait_for_function: its polling evaluates a string, which the app's CSP refuses.
    ms = page.evaluate("""() => new Promise((done) => {
      const check = () => (window.__laidOut !== undefined ? done(window.__laidOut) : requestAnimationFrame(check));
      check();
    })""")
    page.close()
    return ms


def measure(browser, url):
    """Return ((painted, ready) cold, (painted, ready) warm) of one fresh context."""
    context = browser.new_context()
    context.add_init_script(PROBE)
    cold = open_once(context, url)
    warm = open_once(context, url)
    context.close()
    return cold, warm


def parts(browser, base, static_dir, static_url):
    """Print text-painted times of three files made of the bundled article's reading page."""
    page = urllib.request.urlopen(base + "/articles/1").read().decode()
    stylesheet = re.search(r"<style>.*?</style>", page, flags=re.S).group(0)
    # The page as it was before its stylesheet was inlined: the same bytes, one request away.
    (static_dir / "parts.css").write_text(stylesheet[len("<style>"):-len("</style>")])
    (static_dir / "parts-linked.html").write_text(
        page.replace(stylesheet, '<link rel="stylesheet" href="/bench-static/parts.css">'))
    blocks = "".join(re.findall(r'<section id="p-.*?</section>', page, flags=re.S))
    (static_dir / "parts-text.html").write_text(
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>parts</title>{stylesheet}</head>'
        f'<body><main class="reader">{blocks}</main></body></html>')
    bare = re.sub(r'<script\b[^>]*>.*?</script>|<meta name="app-bundle"[^>]*>|' + re.escape(stylesheet), "", page, flags=re.S)
    assert "<script" not in bare
    (static_dir / "parts-bare.html").write_text(bare)
    rows = [("the page with its stylesheet linked, not inline", "/bench-static/parts-linked.html"),
            ("its text blocks + its stylesheet only", "/bench-static/parts-text.html"),
            ("the whole page without stylesheet and scripts", "/bench-static/parts-bare.html")]
    times = {url: {"cold": [], "warm": []} for url in [static_url] + [u for _, u in rows]}
    for _ in range(RUNS):
        for url in times:
            cold, warm = measure(browser, base + url)
            times[url]["cold"].append(cold[0])
            times[url]["warm"].append(warm[0])
    print("\nWhere the bundled article's time goes (text painted, ms; the static file measured again alongside)")
    for label, url in rows:
        cols = []
        for cache in ("cold", "warm"):
            a, s_ = statistics.median(times[url][cache]), statistics.median(times[static_url][cache])
            cols.append(f"{cache} {a:6.1f} vs {s_:5.1f} ({a / s_:4.2f}x)")
        print(f"  {label:<48} {'   '.join(cols)}")


def interval(app, static, rounds=2000):
    """Return a 90% bootstrap interval of median(app) / median(static).

    The opens alternate, so run i of each is resampled together: this machine's noise (two
    cores, other processes) moves a single ratio of medians by a tenth or two, and the interval
    says how far.
    """
    rng = random.Random(0)
    n = len(app)
    ratios = sorted(
        statistics.median(app[j] for j in picks) / statistics.median(static[j] for j in picks)
        for picks in ([rng.randrange(n) for _ in range(n)] for _ in range(rounds)))
    return ratios[int(rounds * 0.05)], ratios[int(rounds * 0.95) - 1]


def main():
    tmp = Path(tempfile.mkdtemp())
    static_dir = tmp / "static"
    static_dir.mkdir()
    db_path = str(tmp / "bench.db")
    db = connect(db_path)
    schema.prepare(db)  # stores the bundled article as article 1
    bundled = [b["text"] for b in articles.get_blocks(db, 1) if b["kind"] == "paragraph"]
    words = sum(len(p.split()) for p in bundled)
    long_text, n = [], 0
    while sum(len(p.split()) for p in long_text) < 9000:
        long_text.append(f"{bundled[n % len(bundled)]}")
        n += 1
    long_id = articles.create_article(db, "\n\n".join(long_text), title="Neuntausend Wörter")
    texts = []
    for label, article_id in (("bundled article", 1), ("9,000-word text", long_id)):
        blocks = articles.get_blocks(db, article_id)
        paras = [b["text"] for b in blocks if b["kind"] != "boilerplate"]
        name = f"static-{article_id}.html"
        (static_dir / name).write_bytes(static_page(articles.get_article(db, article_id)["title"], paras))
        n_words = sum(len(p.split()) for p in paras)
        texts.append((f"{label} ({n_words:,} words, {len(paras)} blocks)", f"/articles/{article_id}",
                      f"/bench-static/{name}"))
    db.close()

    server = subprocess.Popen([sys.executable, "-c", SERVE, db_path, str(static_dir), str(tmp)],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(ROOT)})
    port = int(server.stdout.readline())
    base = f"http://127.0.0.1:{port}"
    try:
        for _, app_url, static_url in texts:  # first renders (template compile, caches) off the clock
            urllib.request.urlopen(base + app_url).read()
            urllib.request.urlopen(base + static_url).read()
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium")
            measure(browser, base + texts[0][1])
            slow = f", CPU slowed {SLOW_CPU:g}x" if SLOW_CPU != 1 else ""
            print(f"Time to laid-out text in Chromium{slow}, median of {RUNS} fresh contexts each (ms); "
                  f"yardstick: the same words as a static HTML file from the same server")
            print(f"{'text':<44} {'cache':<5} | {'text painted: app':>17} {'static':>7} {'ratio':>6} "
                  f"| {'page ready: app':>15} {'static':>7} {'ratio':>6} | text painted, 90% interval")
            for label, app_url, static_url in texts:
                app_t, static_t = {"cold": [], "warm": []}, {"cold": [], "warm": []}
                for _ in range(RUNS):
                    for url, into in ((app_url, app_t), (static_url, static_t)):
                        cold, warm = measure(browser, base + url)
                        into["cold"].append(cold)
                        into["warm"].append(warm)
                for cache in ("cold", "warm"):
                    cols = []
                    for i in (0, 1):
                        a = statistics.median(t[i] for t in app_t[cache])
                        s = statistics.median(t[i] for t in static_t[cache])
                        cols.append(f"{a:17.1f} {s:7.1f} {a / s:5.2f}x")
                    low, high = interval([t[0] for t in app_t[cache]], [t[0] for t in static_t[cache]])
                    print(f"{label:<44} {cache:<5} | {cols[0]} | {cols[1][2:]} | {low:.2f}-{high:.2f}x", flush=True)
            parts(browser, base, static_dir, texts[0][2])
            browser.close()
        page = urllib.request.urlopen(urllib.request.Request(base + texts[1][1], headers={"Accept-Encoding": "gzip, br"}))
        print(f"reading page of the 9,000-word text: {len(page.read()) / 1024:.0f} KiB as sent "
              f"({page.headers.get('Content-Encoding') or 'uncompressed'})")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
