"""What only the development config does (`make dev`): content is read anew when a file
under content/ changes, so that an edited page or question shows on the next request.

Templates are re-read by Flask itself (TEMPLATES_AUTO_RELOAD), and with PRERENDER off the
parts built from them are rendered per request (prerendered.py). Python files are
watched by the reloader that `make dev` starts.
"""

from pathlib import Path

from flask import Flask

from . import review_notice
from .content import Library


def newest_change(folder: Path) -> float:
    return max((path.stat().st_mtime for path in folder.rglob("*") if path.is_file()), default=0.0)


def reload_content_on_change(app: Flask) -> None:
    folder = Path(app.config["CONTENT_DIR"])
    seen = {"at": newest_change(folder)}

    @app.before_request
    def read_content_again_if_changed():
        changed = newest_change(folder)
        if changed > seen["at"]:
            app.extensions["askfirst_library"] = Library(folder, app.config["LANGUAGES"])
            review_notice.init_app(app)  # a review recorded since counts at once
            seen["at"] = changed
