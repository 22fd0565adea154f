"""Run Randnotiz: `python app.py` serves the reader on http://127.0.0.1:5000/."""
import argparse
import os
import sys

from annotations import create_app
from annotations.settings import SettingsError


def main(argv=None):
    parser = argparse.ArgumentParser(description="Randnotiz: read German articles, translate, annotate.")
    parser.add_argument("--host", default="127.0.0.1", help="interface to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=5000, help="port (default 5000)")
    parser.add_argument("--db", default=os.environ.get("READER_DB"), help="SQLite database file (default: instance/randnotiz.db; env READER_DB)")
    parser.add_argument("--threads", type=int, default=8, help="worker threads (default 8)")
    args = parser.parse_args(argv)

    try:
        app = create_app({"DATABASE": args.db} if args.db else None)
    except SettingsError as e:
        sys.exit(f"Randnotiz cannot start: {e}")
    import waitress

    try:
        server = waitress.create_server(app, host=args.host, port=args.port, threads=args.threads,
                                        ident="Randnotiz")
    except OSError as e:
        # Usually "address already in use": say so plainly instead of a traceback.
        sys.exit(f"Cannot listen on {args.host}:{args.port}: {e.strerror or e}. Try --port with another number.")
    print(f"Randnotiz is reading {app.config['DATABASE']}")
    print(f"Open http://{args.host}:{args.port}/ in your browser (Ctrl+C stops).", flush=True)
    try:
        server.run()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
