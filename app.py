"""Run Randnotiz: `python app.py` serves the reader on http://127.0.0.1:5000/.

`python app.py import FILE|URL`, `export PATH`, `backup PATH` and `restore PATH` work on the same
database (--db, READER_DB, else instance/randnotiz.db), also while the server runs.
"""
import argparse
import os
import sys

from annotations import commands, create_app
from annotations.settings import DEFAULT_DATABASE, SettingsError


def _parser():
    parser = argparse.ArgumentParser(description="Randnotiz: read German articles, translate, annotate.")
    parser.add_argument("--host", default="127.0.0.1", help="interface to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=5000, help="port (default 5000)")
    parser.add_argument("--db", default=os.environ.get("READER_DB"), help="SQLite database file (default: instance/randnotiz.db; env READER_DB)")
    parser.add_argument("--threads", type=int, default=8, help="worker threads (default 8)")
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
    db = commands.open_database(db_path)
    try:
        if args.command == "import":
            article_id, title = commands.import_source(db, args.source)
            return f"Imported “{title}” as article {article_id}."
        counts = commands.export(db, args.path)
        return f"Exported {counts['articles']} articles and {counts['annotations']} annotations to {args.path}."
    finally:
        db.close()


def serve(args):
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


def main(argv=None):
    args = _parser().parse_args(argv)
    if args.command is None:
        return serve(args)
    try:
        print(run_command(args))
    except commands.CommandError as e:
        sys.exit(f"Randnotiz: {e}")
    except OSError as e:
        sys.exit(f"Randnotiz: {e.strerror or e}: {e.filename or ''}".rstrip(": "))


if __name__ == "__main__":
    main()
