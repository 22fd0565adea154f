"""Randnotiz: read German articles paragraph by paragraph, translate, highlight, annotate."""
import importlib
import os
from pathlib import Path

from flask import Flask
from flask_htmx import HTMX

htmx = HTMX()

BLUEPRINTS = [
    "annotations.reader",
    "annotations.translate_views",
    "annotations.highlight_views",
    "annotations.webanno",
    "annotations.exports",
    "annotations.editing",
    "annotations.words_views",
]

# "module:function" called with the app after set-up; each must return at once (threads).
STARTUP_TASKS = [
    "annotations.dict_import:start_background",
]


def create_app(test_config=None):
    """Create and configure the Randnotiz app."""
    app = Flask(
        __name__,
        instance_relative_config=True,
        template_folder=str(Path(__file__).parent.parent / "templates"),
        static_folder=str(Path(__file__).parent.parent / "static"),
    )
    app.config.from_mapping(
        SECRET_KEY=os.environ.get("SECRET_KEY", "randnotiz-local"),
        DATABASE=os.environ.get("READER_DB") or os.path.join(app.instance_path, "randnotiz.db"),
        MAX_CONTENT_LENGTH=8 * 1024 * 1024,
        # Werkzeug's default (500 kB, and it changes between releases) would refuse a long
        # article before our own check could say what the limit is.
        MAX_FORM_MEMORY_SIZE=8 * 1024 * 1024,
        TRANSLATOR=os.environ.get("TRANSLATOR", "google"),
        TRANSLATE_TIMEOUT=float(os.environ.get("TRANSLATE_TIMEOUT", "15")),
        LIBRETRANSLATE_URL=os.environ.get("LIBRETRANSLATE_URL", ""),
        LIBRETRANSLATE_API_KEY=os.environ.get("LIBRETRANSLATE_API_KEY", ""),
        DEEPL_API_KEY=os.environ.get("DEEPL_API_KEY", ""),
        MICROSOFT_API_KEY=os.environ.get("MICROSOFT_API_KEY", ""),
        MICROSOFT_REGION=os.environ.get("MICROSOFT_REGION", ""),
        # Debian's GPL dictionaries, read from the system at run time, never copied into the repo.
        DING_PATH=os.environ.get("DING_PATH", "/usr/share/trans/de-en"),
        FREEDICT_PATH=os.environ.get("FREEDICT_PATH", "/usr/share/dictd/freedict-deu-eng"),
        # Start-up work run in background threads (dictionary import, lemmatiser warm-up).
        BACKGROUND_TASKS=True,
    )
    if test_config is not None:
        app.config.update(test_config)
    Path(app.config["DATABASE"]).parent.mkdir(parents=True, exist_ok=True)

    htmx.init_app(app)
    from . import db, errors, security

    db.init_app(app)
    errors.init_app(app)
    security.init_app(app)
    for name in BLUEPRINTS:
        app.register_blueprint(importlib.import_module(name).bp)
    if app.config["BACKGROUND_TASKS"]:
        for ref in STARTUP_TASKS:
            module_name, fn_name = ref.split(":")
            getattr(importlib.import_module(module_name), fn_name)(app)
    return app
