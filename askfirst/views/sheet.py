"""The question sheet, on screen and as a PDF."""

from flask import Blueprint, current_app, make_response, render_template

from .. import mode, review_map, review_notice, sheet_shells
from ..answers import from_multidict
from ..bank import plan_sheet
from ..i18n import current
from ..jurisdiction import resolve
from ..places import PAPERS, PLACES
from . import library, parts
from .downloads import as_pdf
from .links import second_language, sheet_query

bp = Blueprint("sheet", __name__, url_prefix="/<lang>")


def render_sheet(answers, also, more: bool = False, for_pdf: bool = False, paper: str | None = None) -> str:
    """The sheet; `more` prints every other question that applies on extra pages too (on
    screen they are always there, under "More questions for your situation"). It prints
    on `paper`, the patient's choice, which its links then carry like an answer; or else
    on its country's paper (places.yaml)."""
    plan = plan_sheet(library().bank, answers, current_app.config["SHEET_MAX_QUESTIONS"])
    place = resolve(answers)
    answers_query = {**sheet_query(answers, also), **({"paper": [paper]} if paper else {})}
    place_key, paper = place.key, paper or PLACES.paper(place.country)
    review_notice.shows("sheet", review_map.sheet_pieces(library(), plan, answers, place, current()), place_key)
    # What the language links keep of this sheet: the answers, and the printing choices.
    switch_query = {**answers_query, **({"more": ["1"]} if more else {})}
    # On screen on the web, with answers to carry: the shell of this shape, rendered ahead.
    # In kiosk mode (posted answers, a posted language switcher, the phone hand-off), without
    # any answer, and for a PDF: Jinja in full.
    if answers_query and not for_pdf and not mode.current().posts_answers:
        shell = parts().sheet(sheet_shells.shape_of(plan, more), current())
        return sheet_shells.page(shell, plan, answers, answers_query, also, place_key, paper, more, switch_query)
    return render_template(
        "sheet.html", plan=plan, answers=answers, answers_query=answers_query, also=also,
        switch_query=switch_query, more=more, for_pdf=for_pdf, place_key=place_key, paper=paper)


def wants_more(values) -> bool:
    return values.get("more") == "1"


def chosen_paper(values) -> str | None:
    """The paper the patient chose on the sheet (`paper=a4` or `paper=letter`), if any."""
    paper = values.get("paper", "")
    return paper if paper in PAPERS else None


@bp.route("/sheet", methods=["GET", "POST"])
def sheet():
    """The question sheet; unknown or invalid values in the link are ignored."""
    values = mode.values()  # posted only in a mode that posts answers
    return make_response(render_sheet(from_multidict(values), second_language(values), wants_more(values),
                                      paper=chosen_paper(values)))


@bp.get("/sheet.pdf")
def sheet_pdf():
    """The same sheet as a PDF, from the same template (see downloads.as_pdf)."""
    values = mode.values()
    answers, also = from_multidict(values), second_language(values)
    # A sheet in two languages takes about twice as long: it holds two slots.
    return as_pdf(lambda: render_sheet(answers, also, wants_more(values), for_pdf=True, paper=chosen_paper(values)),
                  f"askfirst-questions-{current()}.pdf", weight=2 if also else 1)
