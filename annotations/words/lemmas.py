"""German lemmas (simplemma) and word frequencies (wordfreq): the data loads once, in a background thread."""
import functools
import gc
import logging
import threading

from ..sqlite import connect

log = logging.getLogger(__name__)

LANG = "de"
_ready = threading.Event()
_start_lock = threading.Lock()
_started = False
_failed = None


def _load():
    global _failed
    try:
        import simplemma

        # The first call reads simplemma's German data (~2 s, ~110 MB): do it exactly once.
        simplemma.lemmatize("Bäume", lang=LANG)
        import wordfreq

        # English word frequencies rank a dictionary's glosses (~1 s, ~45 MB; English only).
        wordfreq.zipf_frequency("tree", "en")
        # Those tables live as long as the process. Left to the collector, every full collection
        # walks them: a ~170 ms stop of every request in flight each time one runs.
        gc.freeze()
    except Exception as e:  # keep the app usable: lookups fall back to the surface form
        _failed = e
    finally:
        _ready.set()


def warm_up():
    """Start loading the lemmatiser in a background thread (once per process); return at once."""
    global _started
    with _start_lock:
        if _started:
            return
        _started = True
    threading.Thread(target=_load, name="simplemma-warm-up", daemon=True).start()


def ready():
    """Say whether lemmas are available without waiting."""
    return _ready.is_set() and _failed is None


def wait(timeout):
    """Wait up to timeout seconds for the lemmatiser; say whether it is ready."""
    warm_up()
    _ready.wait(timeout)
    return ready()


def loaded(timeout=None):
    """Wait (up to timeout seconds; None: for good) for a lemmatiser someone else started; say whether it is ready."""
    _ready.wait(timeout)
    return ready()


def lemma(word, timeout=3.0):
    """Return the lemma of word, or None when the lemmatiser is not ready within timeout."""
    if not wait(timeout):
        return None
    return _lemmatize(word)


def lemma_if_ready(word):
    """Return the lemma of word, or None at once when the lemmatiser is not loaded yet."""
    if not ready():
        return None
    return _lemmatize(word)


def greedy_lemma(word):
    """Return simplemma's greedy lemma (nordkoreanische -> nordkoreanisch), or None if not ready."""
    if not ready():
        return None
    return _lemmatize(word, True)


@functools.lru_cache(maxsize=200_000)
def _lemmatize(word, greedy=False):
    # simplemma costs ~10 µs a word; marking saved words asks for every word of an article.
    import simplemma

    return simplemma.lemmatize(word, lang=LANG, greedy=greedy)


@functools.lru_cache(maxsize=100_000)
def _zipf(text, lang):
    import wordfreq

    return wordfreq.zipf_frequency(text, lang)


def zipf(text, lang="en"):
    """Return how common text is in lang (Zipf scale, 0 = unknown to 8), 0 until the data loads."""
    if not ready() or not text:
        return 0.0
    return _zipf(text, lang)


def german_zipf(text):
    """Return how common German text is (Zipf scale), for compounds.split's common()."""
    return zipf(text, "de")


_jobs = set()  # (name, database path) of the jobs when_loaded has started in this process
_jobs_lock = threading.Lock()


def when_loaded(path, name, job, wait=None):
    """Run job(db) on its own connection to path in a thread once a lemmatiser someone else started has loaded.

    Once per name, database and process; the thread never loads the lemmatiser itself (it is
    half the process's memory: it loads when a reader first looks a word up or searches).
    wait: how long the thread waits for it (None: for good).
    """
    with _jobs_lock:
        if (name, path) in _jobs:
            return
        _jobs.add((name, path))

    def run():
        if not loaded(wait):
            return
        try:
            db = connect(path)
            try:
                job(db)
            finally:
                db.close()
        except Exception:
            log.exception("%s failed", name)

    threading.Thread(target=run, name=name, daemon=True).start()

