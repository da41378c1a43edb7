"""Routes for machines, not patients: the health check, security.txt, and robots.txt and
the sitemap for search engines (what they hold: indexing.py)."""

from datetime import datetime, timedelta, timezone

from flask import Blueprint, Response, abort, current_app, render_template

from .. import indexing, pdf
from .. import mode as modes
from ..caching import public
from ..extensions import rate_limit_store_reachable
from . import library

bp = Blueprint("service", __name__)


@bp.get("/healthz")
def healthz():
    """503 if the app cannot render a real page: a load balancer stops sending to it.

    Without its rate-limit store (Redis) the site still works, each worker counting in its
    own memory: 200 then, saying "degraded". The store is shared, so an outage of it hits
    every instance alike, and taking them all out of rotation would take the site down.
    Without its PDF broker an instance still serves every page (the PDF link answers 503
    and the page prints from the browser): 200 and "degraded" too, for an operator to see.
    """
    try:
        render_template("page.html", page=library().page("home", "en"), lang="en", lang_tag="en")
    except Exception:  # any failure to render means this instance should not get traffic
        current_app.logger.exception("health check could not render the home page")
        return _health("cannot render pages", 503)
    problems = [problem for problem, ok in [
        ("rate-limit store unreachable", rate_limit_store_reachable(current_app)),
        ("PDF renderers unreachable", pdf.renderers_reachable(current_app))] if not ok]
    return _health(f"degraded: {'; '.join(problems)}" if problems else "ok")


def _health(text: str, status: int = 200) -> Response:
    return Response(text + "\n", status, mimetype="text/plain")  # never public: caching.py sends no-store


@bp.get("/.well-known/security.txt")
def security_txt():
    """RFC 9116. Not served until a deployer names a contact: a file without one is useless."""
    contact = current_app.config["SECURITY_CONTACT"]
    if not contact:
        abort(404)
    expires = (datetime.now(timezone.utc) + timedelta(days=180)).strftime("%Y-%m-%dT%H:%M:%SZ")
    lines = [f"Contact: {contact}", f"Expires: {expires}", "Preferred-Languages: en"]
    lines.append(f"Canonical: {current_app.config['PUBLIC_BASE_URL']}/.well-known/security.txt")
    return public(Response("\n".join(lines) + "\n", mimetype="text/plain"), max_age=86400)


@bp.get("/robots.txt")
def robots_txt():
    """The same for everyone: public, kept like a content page."""
    return public(Response(indexing.robots_txt(), mimetype="text/plain"))


@bp.get("/sitemap.xml")
def sitemap():
    """Every public page in every language, with its language versions: public, kept like
    a content page. A copy in kiosk mode has no page for search engines, so no sitemap."""
    if not modes.current().indexable:
        abort(404)
    xml = render_template("sitemap.xml", entries=indexing.sitemap_entries())
    return public(Response(xml, mimetype="application/xml"))
