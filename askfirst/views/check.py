"""The guided check (one view for every step, driven by flow.STEPS) and the sheet.

Answers live only in the request: a step's form posts them all (the step's own field
plus hidden fields for the rest), and the next step is reached by a redirect whose
query string carries them. Nothing is stored between requests.
"""

from flask import Blueprint, abort, current_app, make_response, redirect, render_template, request, url_for
from werkzeug.exceptions import MethodNotAllowed

from .. import flow, pdf
from ..answers import from_multidict, to_query
from ..bank import select_questions
from ..forms import form_class
from ..i18n import current, offered
from . import library, private

bp = Blueprint("check", __name__, url_prefix="/<lang>")


def step_url(name: str, answers, **extra) -> str:
    """The URL of a step (or the review) that opens with these answers filled in."""
    if name == flow.REVIEW:
        return url_for(".review", **to_query(answers), **extra)
    return url_for(".step", name=name, **to_query(answers), **extra)


def _then() -> str | None:
    """Where to go after this step: back to the review when it came from a Change link."""
    values = request.form if request.method == "POST" else request.args
    return flow.REVIEW if values.get("then") == flow.REVIEW else None


@bp.get("/check")
def start():
    """A prepared link: `/es/check?country=es&exam=mri` opens the first step, filled in."""
    answers = from_multidict(request.args)
    return redirect(url_for(".step", name=flow.STEPS[0].name, **to_query(answers)))


@bp.route("/check/<name>", methods=["GET", "POST"])
def step(name: str):
    if name == flow.REVIEW:  # the review has its own GET-only view
        raise MethodNotAllowed(valid_methods=["GET", "HEAD"])
    step = flow.STEP_BY_NAME.get(name)
    if step is None:
        abort(404)
    then = _then()
    if request.method == "POST":
        answers = from_multidict(request.form)
        form = form_class(step)(request.form)
        if form.validate():
            return redirect(step_url(then or flow.following(name), answers), 303)
        status = 422  # understood, but one answer needs correcting
    else:
        answers = from_multidict(request.args)
        form = form_class(step)()
        status = 200
    others = {key: values for key, values in to_query(answers).items() if key != name}
    back = then or flow.preceding(name)
    back_href = step_url(back, answers) if back else url_for("pages.home")
    response = make_response(render_template(
        "check/step.html", step=step, form=form, chosen=answers[name], others=others,
        then=then, back_href=back_href, answers_query=to_query(answers),
        number=flow.number(name), total=len(flow.NAMES)), status)
    return private(response)


def second_language() -> str | None:
    """The clinic's language for a two-language sheet (`also=fr`), if it is a real second one."""
    also = request.args.get("also", "")
    return also if also in offered() and also != current() else None


def sheet_query(answers) -> dict:
    """The query of a sheet: the answers, and the second language if one was chosen."""
    also = second_language()
    return {**to_query(answers), **({"also": [also]} if also else {})}


@bp.get("/check/review")
def review():
    answers = from_multidict(request.args)
    response = make_response(render_template(
        "check/review.html", answers=answers, answers_query=to_query(answers), also=second_language(),
        steps=flow.STEPS, step_url=step_url, number=flow.number(flow.REVIEW), total=len(flow.NAMES)))
    return private(response)


def render_sheet(answers, for_pdf: bool = False) -> str:
    topics = select_questions(library().bank, answers, current_app.config["SHEET_MAX_QUESTIONS"])
    return render_template(
        "sheet.html", topics=topics, answers=answers, answers_query=sheet_query(answers),
        also=second_language(), step_url=step_url, for_pdf=for_pdf,
        fragments=current_app.extensions["askfirst_fragments"])


@bp.get("/sheet")
def sheet():
    """The question sheet; unknown or invalid values in the link are ignored."""
    return private(make_response(render_sheet(from_multidict(request.args))))


@bp.get("/sheet.pdf")
def sheet_pdf():
    """The same sheet as a PDF, from the same template, by WeasyPrint."""
    if not pdf.available():
        abort(503)
    answers = from_multidict(request.args)
    document = pdf.render(render_sheet(answers, for_pdf=True), current_app.static_folder)
    response = make_response(document)
    response.mimetype = "application/pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="askfirst-questions-{current()}.pdf"'
    return private(response)
