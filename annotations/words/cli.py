"""Import German–English dictionaries from the command line.

    python -m annotations.words.cli [--ding PATH] [--freedict PATH] [--db PATH]

Without paths, the installed Debian dictionary is used (Ding, else FreeDict).
"""
import argparse
import os
import sys
import time

from .. import schema, settings
from ..sqlite import connect
from .formats import DictFormatError
from .importer import import_dictionary, installed_sources


def main(argv=None):
    """Import dictionaries from the command line."""
    parser = argparse.ArgumentParser(description="Import German–English dictionaries into Randnotiz's database.")
    parser.add_argument("--ding", help="Ding file (e.g. /usr/share/trans/de-en)")
    parser.add_argument("--freedict", help="FreeDict base path without extension (e.g. /usr/share/dictd/freedict-deu-eng)")
    parser.add_argument("--db", default=os.environ.get("READER_DB"), help="SQLite database (default: the app's)")
    args = parser.parse_args(argv)
    defaults = settings.load({"DATABASE": args.db or settings.DEFAULT_DATABASE})
    todo = [("ding", args.ding), ("freedict", args.freedict)]
    todo = [(s, p) for s, p in todo if p] or installed_sources(defaults.ding_path, defaults.freedict_path)
    if not todo:
        parser.error("no dictionary given and none installed (apt-get install trans-de-en or dict-freedict-deu-eng)")
    db = connect(defaults.database)
    try:
        schema.migrate(db)
        for source, path in todo:
            t0 = time.perf_counter()
            try:
                n = import_dictionary(db, source, path)
            except (OSError, DictFormatError) as e:
                print(f"{source}: {e}", file=sys.stderr)
                return 1
            print(f"{source}: {n:,} entries from {path} in {time.perf_counter() - t0:.1f} s")
    finally:
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
