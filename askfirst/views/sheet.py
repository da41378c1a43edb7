"""The question sheet, on screen and as a PDF."""

from flask import Blueprint, abort, current_app, make_response, render_template

from .. import mode, pdf
from ..answers import from_multidict
from ..bank import plan_sheet
from ..i18n import current
from ..jurisdiction import resolve
from . import library
from .links import second_language, sheet_query

bp = Blueprint("sheet", __name__, url_prefix="/<lang>")


def render_sheet(answers, also, more: bool = False, for_pdf: bool = False) -> str:
    """The sheet; `more` prints every other question that applies on extra pages too (on
    screen they are always there, under "More questions for your situation")."""
    plan = plan_sheet(library().bank, answers, current_app.config["SHEET_MAX_QUESTIONS"])
    query = sheet_query(answers, also)
    return render_template(
        "sheet.html", plan=plan, answers=answers, answers_query=query, also=also,
        switch_query={**query, **({"more": ["1"]} if more else {})},
        more=more, for_pdf=for_pdf, place_key=resolve(answers).key)


def wants_more(values) -> bool:
    return values.get("more") == "1"


@bp.route("/sheet", methods=["GET", "POST"])
def sheet():
    """The question sheet; unknown or invalid values in the link are ignored."""
    values = mode.values()  # posted only in a mode that posts answers
    return make_response(render_sheet(from_multidict(values), second_language(values), wants_more(values)))


@bp.get("/sheet.pdf")
def sheet_pdf():
    """The same sheet as a PDF, from the same template, rendered by WeasyPrint in a renderer
    process (askfirst/pdf/). When the PDF slots are taken: 503 at once, with Retry-After."""
    if not mode.current().downloads:
        abort(404)
    if not pdf.available():
        abort(503)
    values = mode.values()
    answers, also = from_multidict(values), second_language(values)
    try:
        # A sheet in two languages takes about twice as long: it holds two slots.
        with pdf.service(current_app).slot(2 if also else 1) as renderer:
            document = renderer.render(render_sheet(answers, also, wants_more(values), for_pdf=True))
    except (pdf.Busy, pdf.Unavailable):
        abort(503, retry_after=pdf.RETRY_AFTER_SECONDS)
    response = make_response(document)
    response.mimetype = "application/pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="askfirst-questions-{current()}.pdf"'
    return response
