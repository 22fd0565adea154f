"""Randnotiz: read German articles paragraph by paragraph, translate, highlight, annotate."""
import os
from pathlib import Path

from flask import Flask
from flask_compress import Compress

from . import asset_views, auth_views, db, settings, web
from .learning import review, review_views
from .learning import views as learning_views
from .notes import export_views, protocol_views
from .notes import views as notes_views
from .reading import edit_views
from .reading import views as reading_views
from .search import store as search_store
from .search import views as search_views
from .translation import views as translation_views
from .words import importer
from .words import views as words_views

BLUEPRINTS = [
    reading_views.bp,
    edit_views.bp,
    translation_views.bp,
    notes_views.bp,
    protocol_views.bp,
    export_views.bp,
    words_views.bp,
    learning_views.bp,
    review_views.bp,
    search_views.bp,
]

ROOT = Path(__file__).parent.parent


def create_app(test_config=None):
    """Create and configure the Randnotiz app."""
    app = Flask(__name__, instance_relative_config=True,
                template_folder=str(ROOT / "templates"), static_folder=str(ROOT / "static"))
    app.config.from_mapping(
        DATABASE=os.environ.get("READER_DB") or os.path.join(app.instance_path, "randnotiz.db"),
        MAX_CONTENT_LENGTH=8 * 1024 * 1024,
        # Werkzeug's default (500 kB, and it changes between releases) would refuse a long
        # article before our own check could say what the limit is.
        MAX_FORM_MEMORY_SIZE=8 * 1024 * 1024,
        # Pages, fragments, the annotation protocol's JSON-LD and the exports.
        COMPRESS_MIMETYPES=["text/html", "application/json", "application/ld+json", "text/csv", "text/markdown",
                            "text/plain", "image/svg+xml"],
        # A page is compressed once per encoding and kept by its ETag (web.CompressedPages).
        COMPRESS_CACHE_BACKEND=web.CompressedPages,
        COMPRESS_CACHE_KEY=web.compressed_page_key,
    )
    if test_config is not None:
        app.config.update(test_config)
    app_settings = settings.load(app.config)
    app.config["SECRET_KEY"] = app_settings.secret_key
    Path(app_settings.database).parent.mkdir(parents=True, exist_ok=True)

    web.init_app(app, app_settings)
    auth_views.init_app(app)
    # HTML, JSON and the like; the asset bundles come pre-compressed.
    Compress(app)
    web.revalidate_pages(app)  # after Compress: runs before it, on the uncompressed page
    asset_views.init_app(app)
    db.init_app(app)
    for bp in BLUEPRINTS:
        app.register_blueprint(bp)
    if app_settings.background_tasks:
        importer.start_background(app_settings.database, importer.installed_sources(
            app_settings.ding_path, app_settings.freedict_path))
        search_store.start_background(app_settings.database)
        review.start_background(app_settings.database)
    return app
