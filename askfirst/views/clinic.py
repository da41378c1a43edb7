"""For clinics and advocates: the waiting-room poster, and the partners page that builds a
prepared link (with its QR code and a plain HTML link button) from a set of answers."""

import io

import segno
from flask import Blueprint, Response, current_app, make_response, render_template, request, url_for

from .. import flow, review_notice
from ..answers import from_multidict, to_query
from ..i18n import current, native_name, offered, tag
from ..local_address import reach
from ..places import PLACES
from ..qr import public_url, qr_svg
from . import parts
from .downloads import as_pdf

bp = Blueprint("clinic", __name__, url_prefix="/<lang>")
POSTER_MAX_LANGUAGES = 4  # more would not fit on one printed page
MAX_NAME_CHARS = 100  # a clinic's name on the poster: one or two lines at its size
# A prepared link holds validated values only: a few hundred characters at most, even
# with every choice ticked. A request far longer than any form sends, or a link longer
# than that (a very long configured address), gets no QR code: segno's work grows with it.
MAX_QUERY_BYTES = 2048
MAX_LINK_CHARS = 1024


def asked_languages() -> list[str]:
    """`langs=es,en,ar` (or repeated): the clinic's choice, in its order, each once."""
    asked = [code.strip() for value in request.args.getlist("langs") for code in value.split(",")]
    return list(dict.fromkeys(code for code in asked if code in offered()))


def poster_country() -> str | None:
    """The clinic's country: chosen on the page (`country=de`), else its copy's setting."""
    asked = from_multidict(request.args)["country"]
    return asked[0] if asked else (current_app.config["DEFAULT_COUNTRY"] or None)


def typed_name() -> str:
    """The clinic's name as typed on the page (`name=`): one line, at most MAX_NAME_CHARS."""
    return " ".join(request.args.get("name", "").split())[:MAX_NAME_CHARS]


def poster_query(asked: list[str], clinic: bool) -> dict[str, list[str]]:
    """This poster's choices, cleaned, for the links to its PDF and to a second poster: the
    request's own query is never echoed."""
    query = {"langs": [",".join(asked)] if asked else [], "for": ["clinic"] if clinic else [],
             "name": [typed_name()] if typed_name() else [], "country": list(from_multidict(request.args)["country"])}
    return {key: values for key, values in query.items() if values}


def render_poster(for_pdf: bool = False) -> str:
    """AskFirst's poster, or with `for=clinic` a clinic's own "Ask us" poster, whose code
    opens the check (with the clinic's country chosen, when it has one). Languages beyond
    what fits are left out, and the page names them."""
    asked = asked_languages()
    chosen = asked[:POSTER_MAX_LANGUAGES] or [current()]
    clinic = request.args.get("for") == "clinic"
    country = poster_country()
    review_notice.shows("poster")
    return render_template(
        "poster.html", chosen=chosen, asked=asked, left_out=asked[POSTER_MAX_LANGUAGES:], clinic_poster=clinic,
        left_out_names=[(tag(code), native_name(code)) for code in asked[POSTER_MAX_LANGUAGES:]],
        clinic_name=typed_name() or current_app.config["CLINIC_NAME"], country=country,
        paper=PLACES.paper(country) if country else None, for_pdf=for_pdf,
        max_languages=POSTER_MAX_LANGUAGES, address_reach=reach(current_app.config["PUBLIC_BASE_URL"]),
        country_step=flow.STEP_BY_NAME["country"], poster_query=poster_query(asked, clinic))


@bp.get("/poster")
def poster():
    return make_response(render_poster())


@bp.get("/poster.pdf")
def poster_pdf():
    """The same poster as a PDF (see downloads.as_pdf), for a print shop or a printer
    without a browser."""
    return as_pdf(lambda: render_poster(for_pdf=True), f"askfirst-poster-{current()}.pdf")


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
