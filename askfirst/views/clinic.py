"""For clinics and advocates: the waiting-room poster, and the partners page that builds a
prepared link (with its QR code and a plain HTML link button) from a set of answers."""

import io

import segno
from flask import Blueprint, Response, make_response, render_template, request, url_for

from .. import review_notice
from ..answers import from_multidict, to_query
from ..i18n import current, offered
from ..qr import public_url, qr_svg
from . import parts

bp = Blueprint("clinic", __name__, url_prefix="/<lang>")
POSTER_MAX_LANGUAGES = 4  # more would not fit on one printed page
# A prepared link holds validated values only: a few hundred characters at most, even
# with every choice ticked. A request far longer than any form sends, or a link longer
# than that (a very long configured address), gets no QR code: segno's work grows with it.
MAX_QUERY_BYTES = 2048
MAX_LINK_CHARS = 1024


def poster_languages() -> list[str]:
    """`langs=es,en,ar` (or repeated): the clinic's choice, in its order; this page's language if none."""
    asked = [code.strip() for value in request.args.getlist("langs") for code in value.split(",")]
    chosen = list(dict.fromkeys(code for code in asked if code in offered()))
    return chosen[:POSTER_MAX_LANGUAGES] or [current()]


@bp.get("/poster")
def poster():
    """AskFirst's poster, or with `for=clinic` a clinic's own "Ask us" poster, whose code
    opens the check."""
    languages = poster_languages()
    clinic = request.args.get("for") == "clinic"
    review_notice.shows("poster")
    return make_response(render_template("poster.html", chosen=languages, clinic_poster=clinic))


def link_choices() -> dict | None:
    """The partners form's valid choices as query arguments, or None before it is filled in."""
    link_lang = request.args.get("link_lang")
    if link_lang not in offered():
        return None
    target = "sheet" if request.args.get("target") == "sheet" else "check"
    return {"link_lang": link_lang, "target": target, **to_query(from_multidict(request.args))}


def prepared_link() -> str | None:
    """The link the partners form describes, or None before it is filled in."""
    if len(request.query_string) > MAX_QUERY_BYTES:
        return None
    choices = link_choices()
    if choices is None:
        return None
    endpoint = "sheet.sheet" if choices.pop("target") == "sheet" else "check.start"
    link = public_url(url_for(endpoint, lang=choices.pop("link_lang"), **choices))
    return link if len(link) <= MAX_LINK_CHARS else None


@bp.get("/partners")
def partners():
    link = prepared_link()
    link_lang = request.args.get("link_lang")
    review_notice.shows("partners")
    # The link holds answers: its QR code is made for this response and never kept.
    return make_response(render_template(
        "partners.html", link=link, answers=from_multidict(request.args),
        link_lang=link_lang if link_lang in offered() else current(), target=request.args.get("target", "check"),
        qr=qr_svg(link) if link else None, choices=link_choices() or {},
        button_text=parts().button("text", link_lang if link_lang in offered() else current())))


@bp.get("/partners/qr.<kind>")
def partners_qr(kind: str):
    """The prepared link's QR code to download, as SVG or PNG."""
    link = prepared_link()
    if link is None or kind not in ("svg", "png"):
        return Response(status=404)
    out = io.BytesIO()
    segno.make(link, error="m").save(out, kind=kind, scale=10 if kind == "png" else 4, border=4)
    response = make_response(out.getvalue())
    response.mimetype = "image/svg+xml" if kind == "svg" else "image/png"
    response.headers["Content-Disposition"] = f'attachment; filename="askfirst-link.{kind}"'
    return response
