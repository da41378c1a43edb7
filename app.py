"""AskFirst: questions to ask before an imaging appointment, to protect your images.

`create_app(config)` builds the site; `flask --app app run` and gunicorn call it.
"""

import logging

from flask import Flask

from askfirst import i18n
from askfirst.config import ROOT, Config
from askfirst.content import Library
from askfirst.extensions import babel, limiter
from askfirst.labels import TOPIC_TITLES, country_choices, label
from askfirst.privacy import DropQueryStrings
from askfirst.views import check, errors, pages


def create_app(config: Config | None = None) -> Flask:
    app = Flask(__name__, template_folder=str(ROOT / "templates"), static_folder=str(ROOT / "static"))
    app.config.from_object(config or Config())

    # Content is read and rendered once here, not per request; a broken file stops start-up.
    app.extensions["askfirst_library"] = Library(app.config["CONTENT_DIR"], app.config["LANGUAGES"])

    babel.init_app(app, locale_selector=i18n.current)
    limiter.init_app(app)
    app.url_value_preprocessor(i18n.take_lang_from_url)
    app.url_defaults(i18n.put_lang_into_urls)
    app.context_processor(_template_helpers)
    app.add_template_filter(lambda value, field: label(field, value), "label_of")

    app.register_blueprint(pages.root)
    app.register_blueprint(check.bp)  # before pages.bp: /<lang>/check is not a page name
    app.register_blueprint(pages.bp)
    errors.register(app)

    # The development server logs each request line; keep the answers out of it.
    logging.getLogger("werkzeug").addFilter(DropQueryStrings())
    return app


def _template_helpers() -> dict:
    lang = i18n.current()
    return {
        "lang": lang,
        "text_dir": i18n.direction(lang),
        "language_links": i18n.switch_links,
        "direction": i18n.direction,
        "label": label,
        "country_choices": country_choices,
        "topic_title": TOPIC_TITLES.get,
    }
