"""Requests in flight, so background work (the dictionary import) can step aside for pages."""
import threading

_in_flight = 0
_quiet = threading.Condition()


def request_started():
    """Count a request the server is answering."""
    global _in_flight
    with _quiet:
        _in_flight += 1


def request_finished():
    """Count a request answered."""
    global _in_flight
    with _quiet:
        _in_flight = max(0, _in_flight - 1)
        if not _in_flight:
            _quiet.notify_all()


def yield_to_requests(max_wait=1.0):
    """Wait (up to max_wait seconds) while requests are being answered; say whether all are done.

    Python runs one thread at a time: a busy import thread would take half of a page's time.
    The cap keeps a steady stream of requests (a polling progress bar) from stopping the import.
    """
    with _quiet:
        return _quiet.wait_for(lambda: not _in_flight, timeout=max_wait)
