"""Run Randnotiz: `python app.py` serves the reader on http://127.0.0.1:5000/."""
import argparse
import os
import sys

import waitress

from annotations import create_app
from annotations.settings import SettingsError

# Waitress, set on purpose (its defaults let 100 idle sockets lock everyone out for 120 s and
# buffer a 1 GB body before anyone says no):
THREADS = 8  # requests served at once; SQLite allows one writer, so more threads only queue
CONNECTION_LIMIT = 200  # open sockets (keep-alive browsers hold ~6 each); more wait in the backlog
CHANNEL_TIMEOUT = 30  # seconds an idle or trickling client may hold a socket
BACKLOG = 1024  # connections the kernel queues while all threads are busy


def build_parser():
    """Return the command line parser (subcommands can be added beside the server options)."""
    parser = argparse.ArgumentParser(description="Randnotiz: read German articles, translate, annotate.")
    parser.add_argument("--host", default="127.0.0.1",
                        help="interface to listen on (default 127.0.0.1; any other needs READER_PASSWORD)")
    parser.add_argument("--port", type=int, default=5000, help="port (default 5000)")
    parser.add_argument("--db", default=os.environ.get("READER_DB"), help="SQLite database file (default: instance/randnotiz.db; env READER_DB)")
    parser.add_argument("--threads", type=int, default=THREADS, help=f"worker threads (default {THREADS})")
    return parser


def serve(args):
    """Serve the app with waitress until Ctrl+C."""
    config = {"BIND_HOST": args.host}
    if args.db:
        config["DATABASE"] = args.db
    try:
        app = create_app(config)
    except SettingsError as e:
        sys.exit(f"Randnotiz cannot start: {e}")
    try:
        server = waitress.create_server(
            app, host=args.host, port=args.port, threads=args.threads, ident="Randnotiz",
            connection_limit=CONNECTION_LIMIT, channel_timeout=CHANNEL_TIMEOUT, backlog=BACKLOG,
            # A body over the app's own limit is refused while it arrives, not after buffering it.
            max_request_body_size=app.config["MAX_CONTENT_LENGTH"] + 64 * 1024)
    except OSError as e:
        # Usually "address already in use": say so plainly instead of a traceback.
        sys.exit(f"Cannot listen on {args.host}:{args.port}: {e.strerror or e}. Try --port with another number.")
    print(f"Randnotiz is reading {app.config['DATABASE']}")
    if args.host in ("0.0.0.0", "::"):
        print("Other machines reach it by this computer's name or address: list those in READER_ALLOWED_HOSTS.")
    print(f"Open http://{args.host}:{args.port}/ in your browser (Ctrl+C stops).", flush=True)
    try:
        server.run()
    except KeyboardInterrupt:
        pass


def main(argv=None):
    serve(build_parser().parse_args(argv))


if __name__ == "__main__":
    main()
