"""The staff page for a waiting-room tablet: a kiosk link with the clinic's country (and
province or Land, and who runs the clinic, where the check asks them) and language, as a
link and a QR code. A GET form; the link is made for the response and kept nowhere."""

from flask import Blueprint, current_app, make_response, render_template, request, url_for

from .. import flow, mode, review_map, review_notice
from ..answers import from_multidict, to_query
from ..caching import public
from ..i18n import current, offered
from ..local_address import reach
from ..qr import public_url, qr_svg, web_path
from . import library, parts
from .pages import PLACE_FIELDS

bp = Blueprint("tablet", __name__, url_prefix="/<lang>")
PAGE = "tablet"  # its text: content/<lang>/tablet.md


def kiosk_link(lang: str, place: dict) -> str:
    """The address that opens the check in kiosk mode in `lang`, with the place chosen:
    under /kiosk/ on the web site; at the root of a copy that is all kiosk (ASKFIRST_KIOSK=1)."""
    kiosk_prefix = mode.modes_of(current_app.config)[-1].prefix
    return public_url(kiosk_prefix + web_path(url_for("check.start", lang=lang, **to_query(place))))


@bp.get("/tablet")
def tablet():
    """Without a query, the page as it is for everyone (rendered ahead, cacheable); with
    the form's answers, the page with the tablet's link and its QR code."""
    if not request.args:
        return public(make_response(parts().page(PAGE, current())))
    answers = from_multidict(request.args)
    place = {name: answers[name] for name in PLACE_FIELDS}
    asked_lang = request.args.get("tablet_lang")
    tablet_lang = asked_lang if asked_lang in offered() else current()
    link = kiosk_link(tablet_lang, place)
    steps = [step for step in flow.STEPS if step.name in PLACE_FIELDS and step.applies(answers)]
    review_notice.shows(review_map.page_screen(PAGE), review_map.page_pieces(library(), PAGE))
    return make_response(render_template(
        "page.html", page=library().page(PAGE, current()), place_steps=steps, answers=answers,
        tablet={"lang": tablet_lang, "link": link, "qr": qr_svg(link)},
        address_reach=reach(current_app.config["PUBLIC_BASE_URL"])))
