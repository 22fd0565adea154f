"""Run Randnotiz: `python app.py` serves the reader on http://127.0.0.1:5000/.

`python app.py import FILE|URL`, `export PATH`, `backup PATH` and `restore PATH` work on the same
database (--db, READER_DB, else instance/randnotiz.db), also while the server runs.
"""
import argparse
import gc
import os
import sys

import waitress

from annotations import commands, create_app, settings
from annotations.settings import DEFAULT_DATABASE, SettingsError

# Waitress, set on purpose (its defaults let 100 idle sockets lock everyone out for 120 s and
# buffer a 1 GB body before anyone says no):
THREADS = 8  # requests served at once; SQLite allows one writer, so more threads only queue
# Open sockets (a browser holds up to ~6 keep-alive; a simulated reader 1 or 2); more wait in the
# backlog until one closes. 200 left no room at 200 readers: the 201st waited ~15 s. 500 stays
# well under the usual 1,024 open files per process (each socket is one).
CONNECTION_LIMIT = 500
CHANNEL_TIMEOUT = 30  # seconds an idle or trickling client may hold a socket
BACKLOG = 1024  # connections the kernel queues while all threads are busy


def build_parser():
    """Return the command line parser: the server's options, and the subcommands beside them."""
    parser = argparse.ArgumentParser(description="Randnotiz: read German articles, translate, annotate.")
    parser.add_argument("--host", default="127.0.0.1",
                        help="interface to listen on (default 127.0.0.1; any other needs READER_PASSWORD)")
    parser.add_argument("--port", type=int, default=5000, help="port (default 5000)")
    parser.add_argument("--db", default=os.environ.get("READER_DB"), help="SQLite database file (default: instance/randnotiz.db; env READER_DB)")
    parser.add_argument("--threads", type=int, default=THREADS, help=f"worker threads (default {THREADS})")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND",
                                help="without one, serve the reader; else one of:")
    p = sub.add_parser("import", help="add a text file (.txt .md .html .epub) or a web page as an article")
    p.add_argument("source", metavar="FILE|URL")
    p = sub.add_parser("export", help="write every article and annotation as JSON-LD (restorable)")
    p.add_argument("path", metavar="PATH")
    p = sub.add_parser("backup", help="copy the whole database to PATH (safe while the server runs)")
    p.add_argument("path", metavar="PATH")
    p = sub.add_parser("restore", help="restore a backup (or import a JSON-LD export) from PATH")
    p.add_argument("path", metavar="PATH")
    for command in sub.choices.values():
        # --db may also follow the command: `python app.py backup b.db --db r.db`.
        command.add_argument("--db", default=argparse.SUPPRESS, help="SQLite database file")
    return parser


def run_command(args):
    """Do one command-line job on the database; return the line to print."""
    db_path = str(args.db or DEFAULT_DATABASE)
    if args.command == "backup":
        size = commands.backup(db_path, args.path)
        return f"Backed up {db_path} to {args.path} ({size:,} bytes)."
    if args.command == "restore":
        counts = commands.restore(db_path, args.path)
        return f"Restored {args.path} into {db_path}: {counts}."
    # The same rules as the server's URL imports (READER_ALLOW_PRIVATE_URLS and all).
    app_settings = settings.load({"DATABASE": db_path})
    db = commands.open_database(db_path)
    try:
        if args.command == "import":
            article_id, title = commands.import_source(db, args.source,
                                                       allow_private=app_settings.allow_private_urls)
            return f"Imported “{title}” as article {article_id}."
        counts = commands.export(db, args.path)
        return f"Exported {counts['articles']} articles and {counts['annotations']} annotations to {args.path}."
    finally:
        db.close()


def serve(args):
    """Serve the app with waitress until Ctrl+C."""
    config = {"BIND_HOST": args.host}
    if args.db:
        config["DATABASE"] = args.db
    try:
        app = create_app(config)
    except SettingsError as e:
        sys.exit(f"Randnotiz cannot start: {e}")
    # What start-up built lives as long as the server: out of the collector's full passes, which
    # would otherwise walk it again and again while requests wait (the lemmatiser does the same).
    gc.freeze()
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
    args = build_parser().parse_args(argv)
    if args.command is None:
        return serve(args)
    try:
        print(run_command(args))
    except SettingsError as e:
        sys.exit(f"Randnotiz: {e}")
    except commands.CommandError as e:
        sys.exit(f"Randnotiz: {e}")
    except OSError as e:
        sys.exit(f"Randnotiz: {e.strerror or e}: {e.filename or ''}".rstrip(": "))


if __name__ == "__main__":
    main()
