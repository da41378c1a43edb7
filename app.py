"""AskFirst: questions to ask before an imaging appointment, to protect your images.

`create_app(config)` builds the site; `flask --app app run` and gunicorn call it.
"""

import logging
import re
from urllib.parse import urlsplit

from flask import Flask, current_app
from werkzeug.middleware.proxy_fix import ProxyFix

from askfirst import (
    caching,
    carry,
    development,
    flow,
    frames,
    i18n,
    mode,
    next_steps_shells,
    pdf,
    review_notice,
    security,
    sheet_shells,
    situations,
    step_shells,
)
from askfirst.answers import FIELD_BY_NAME
from askfirst.config import CONFIGS, ROOT, SHIPPED_LANGUAGES, Config, trusted_hosts
from askfirst.content import Library
from askfirst.extensions import babel, init_limiter
from askfirst.indexing import SITE_DESCRIPTION, alternates, robots_meta, tell_robots
from askfirst.kept_pages import KeptPages
from askfirst.labels import label
from askfirst.prerendered import Parts, Prerendered
from askfirst.privacy import DropQueryStrings
from askfirst.qr import public_url, qr_svg, web_path
from askfirst.review_shells import also_choices, answered, suggested_note
from askfirst.views import check, clinic, errors, letters, pages, service, sheet, tablet


def create_app(config: Config | str | None = None) -> Flask:
    if isinstance(config, str):  # a name, as `make dev` passes: "development"
        config = CONFIGS[config]()
    app = Flask(__name__, template_folder=str(ROOT / "templates"), static_folder=str(ROOT / "static"))
    app.config.from_object(config or Config())
    _check_languages(app.config["LANGUAGES"])
    i18n.load_lean_locale_data([i18n.DEFAULT, *app.config["LANGUAGES"]])
    _check_clinic(app.config)
    _check_public_address(app.config["PUBLIC_BASE_URL"])

    # Content is read and rendered once here, not per request; a broken file stops start-up.
    app.extensions["askfirst_library"] = Library(app.config["CONTENT_DIR"], app.config["LANGUAGES"])
    review_notice.init_app(app)  # which pieces are reviewed: once here too, for the notice

    babel.init_app(app, locale_selector=i18n.current_gettext_locale)
    i18n.install_template_gettext(app)  # after Flask-Babel, replacing its slower callables
    i18n.keep_catalogs(app)
    app.url_value_preprocessor(i18n.take_lang_from_url)
    app.url_defaults(i18n.put_lang_into_urls)
    app.context_processor(_template_helpers)
    app.add_template_filter(lambda value, field: label(field, value), "label_of")
    app.add_template_filter(i18n.long_date, "long_date")
    app.jinja_env.globals.update(frame=frames.page, hidden_fields=carry.hidden_fields, go_to=carry.go,
                                 posted_fields=carry.posted_fields,
                                 back_link=step_shells.back_link, then_field=step_shells.then_field,
                                 mark_chosen=step_shells.mark_chosen, sheet_questions=sheet_shells.sheet_questions,
                                 sheet_topics=sheet_shells.sheet_topics, appointment=sheet_shells.appointment,
                                 answers_url=sheet_shells.answers_url, paper_choice=sheet_shells.paper_choice,
                                 sheet_title=sheet_shells.sheet_title, patient_line=sheet_shells.patient_line,
                                 situation_boxes=sheet_shells.situation_boxes, sheet_help=sheet_shells.sheet_help,
                                 review_note=review_notice.note, ticked=next_steps_shells.ticked,
                                 long_date=i18n.long_date, answered=answered, suggested_note=suggested_note,
                                 also_choices=also_choices)

    # Content pages answered as recorded (below), inside the middleware that adds the headers.
    kept = app.wsgi_app = KeptPages(app.wsgi_app)
    security.init_app(app)
    app.register_blueprint(service.bp)
    app.register_blueprint(pages.root)
    # Before pages.bp: /<lang>/check, /<lang>/sheet and the rest are not page names.
    for blueprint in (check.bp, sheet.bp, letters.bp, clinic.bp, tablet.bp, pages.bp):
        app.register_blueprint(blueprint)
    errors.register(app)
    caching.init_app(app)  # after the blueprints: it marks Flask's static view public
    app.after_request(tell_robots)  # X-Robots-Tag: noindex on every page search engines may not index
    init_limiter(app)  # after the blueprints: it wraps their views

    pdf.init_app(app)  # renderers started by gunicorn.conf.py in the master, else on a first PDF
    # Needs the templates, catalogs and url processors above.
    Prerendered(app, lambda: app.extensions["askfirst_library"])  # app.extensions["askfirst_prerendered"]
    kept.record(app)  # after everything a content page's answer needs
    if not app.config["PRERENDER"]:
        development.reload_content_on_change(app)

    app.wsgi_app = mode.KioskPrefix(app.wsgi_app)  # /kiosk/... : the same site in kiosk mode
    proxies = app.config["PROXY_COUNT"]
    if proxies:  # trust exactly that many X-Forwarded-* hops for address, scheme and host
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)

    # The development server logs each request line; keep the answers out of it.
    logging.getLogger("werkzeug").addFilter(DropQueryStrings())
    return app


# An e-mail address as a mailto: link can hold it: one @, no spaces, no characters that
# would start another header (?, &) or break the link.
EMAIL_ADDRESS = re.compile(r"[^@\s?&<>\"',;:]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


def _check_clinic(config) -> None:
    country = config["DEFAULT_COUNTRY"]
    if country and country not in FIELD_BY_NAME["country"].values:
        raise ValueError(f"ASKFIRST_DEFAULT_COUNTRY must be a country code the check offers, not {country!r}")
    contact = config["PRIVACY_CONTACT"]
    if contact and not EMAIL_ADDRESS.fullmatch(contact):
        raise ValueError(f"ASKFIRST_PRIVACY_CONTACT must be one e-mail address, like privacy@clinic.example, "
                         f"not {contact[:80]!r}")


def _check_public_address(address: str) -> None:
    """Every printed code and shared link starts with this address: it must be one."""
    trusted_hosts(address)  # a scheme and a host, no path
    try:
        urlsplit(address).hostname.encode("idna")
    except UnicodeError as error:
        raise ValueError(f"ASKFIRST_PUBLIC_BASE_URL has no valid host name: {address[:80]!r}") from error


def _check_languages(languages: list[str]) -> None:
    """Refuse to start with a language AskFirst does not ship: better than English in disguise."""
    unknown = [code for code in languages if code not in SHIPPED_LANGUAGES]
    if unknown or "en" not in languages:
        raise ValueError(f"ASKFIRST_LANGUAGES must include en and only shipped languages "
                         f"({', '.join(SHIPPED_LANGUAGES)}); not: {', '.join(unknown) or 'missing en'}")


def _template_helpers() -> dict:
    lang = i18n.current()
    request_mode = mode.current()
    return {
        "lang": lang,
        "lang_tag": i18n.tag(lang),
        "text_dir": i18n.direction(lang),
        "mode": request_mode,
        "parts": Parts(current_app.extensions["askfirst_prerendered"], request_mode),
        "language_links": i18n.switch_links,
        "same_page_in": i18n.same_page_in,
        "alternates": alternates,
        "robots_meta": robots_meta,
        "site_description": SITE_DESCRIPTION,
        "public_url": public_url,
        "web_path": web_path,
        "qr_svg": qr_svg,
        "kiosk_idle": current_app.config["KIOSK_IDLE_SECONDS"],
        "kiosk_warn": mode.idle_warning_seconds(current_app.config["KIOSK_IDLE_SECONDS"]),
        "answers_posted": mode.answers_posted(),
        "clinic_name": current_app.config["CLINIC_NAME"],
        "privacy_contact": current_app.config["PRIVACY_CONTACT"],
        "tag": i18n.tag,
        "direction": i18n.direction,
        "label": label,
        "steps": flow.STEPS,
        "situation_entries": lambda section: situations.help_entries(
            current_app.extensions["askfirst_library"], section, lang),
    }
