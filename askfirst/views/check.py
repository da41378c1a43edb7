"""The guided check: one view for every step (driven by flow.STEPS), and the review.

Answers live only in the request: a step's form posts them all (the step's own field
plus hidden fields for the rest). Normally the next step is reached by a redirect whose
query string carries them, so that any state of the check is a link. In a mode that
posts answers (kiosk) the next step is shown in the response instead, so that no URL
ever holds an answer.
"""

from flask import Blueprint, abort, current_app, make_response, redirect, render_template, request, url_for

from .. import flow, mode, review_notice, review_shells, step_shells
from ..answers import from_multidict, to_query
from ..forms import form_class
from ..i18n import current, offered
from ..jurisdiction import resolve
from . import parts
from .links import second_language, sheet_query, step_target, step_url

bp = Blueprint("check", __name__, url_prefix="/<lang>")


def _then(values) -> str | None:
    """Where to go after this step: back to the review when it came from a Change link."""
    return flow.REVIEW if values.get("then") == flow.REVIEW else None


def _preselected(answers):
    """A clinic's default country fills the first step, until the patient answers it."""
    default = current_app.config["DEFAULT_COUNTRY"]
    return {**answers, "country": answers["country"] or ((default,) if default else ())}


def show_step(name: str, answers, then: str | None, form=None, status: int = 200):
    """Render one step with these answers (the form's own field pre-filled)."""
    step = flow.STEP_BY_NAME[name]
    # Worked out once (profiled: the steps that apply were found three times a request,
    # the answers' query three times too).
    asked, query = flow.names(answers), to_query(answers)
    back = then or flow.preceding(name, answers, asked)
    # A clinic's default country is offered when the step opens, not after "choose one".
    chosen = _preselected(answers)[name] if name == "country" and form is None else answers[name]
    values = dict(chosen=chosen, others={key: values for key, values in query.items() if key != name},
                  then=then, back=step_target(back) if back else None, answers_query=query,
                  switch_query={**query, **({"then": [then]} if then else {})},
                  number=flow.number(name, answers, asked), total=flow.total(answers, asked))
    mode.show_as(*step_target(name))  # in kiosk mode, perhaps not the step the URL names
    review_notice.shows("step")
    if form is None:  # nothing to correct: the step's shell, rendered ahead, takes the answers
        shell = parts().step(step_shells.shell_name(name), current())
        return make_response(step_shells.page(shell, **values), status)
    return make_response(render_template("check/step.html", step=step, form=form, **values), status)


def suggested_language(answers) -> str | None:
    """The main language where the patient is treated (places.yaml), offered as the
    clinic's language when AskFirst ships it and it is not the page's own."""
    language = resolve(answers).language
    return language if language in offered() and language != current() else None


def show_review(answers, also=None):
    mode.show_as(*step_target(flow.REVIEW))  # in kiosk mode, perhaps posted to a step's URL
    review_notice.shows("review")
    steps = [step for step in flow.STEPS if step.applies(answers)]
    asked, query = (*(step.name for step in steps), flow.REVIEW), to_query(answers)
    values = dict(answers=answers, answers_query=query, also=also,
                  suggested=None if also else suggested_language(answers),
                  switch_query=sheet_query(answers, also),
                  number=flow.number(flow.REVIEW, answers, asked), total=flow.total(answers, asked))
    if not mode.current().posts_answers:  # on the web: the shell of these steps, rendered ahead
        shell = parts().review(review_shells.shape_of(steps), current())
        return make_response(review_shells.page(shell, **values))
    return make_response(render_template("check/review.html", steps=steps, step_target=step_target, **values))


def show(name: str, answers, then=None):
    return show_review(answers) if name == flow.REVIEW else show_step(name, answers, then)


def _next(name: str, answers, then: str | None) -> str:
    """After a step: the next one; after a change from the review, a step that the change
    made necessary (a province, once the country became Canada), else the review."""
    if then == flow.REVIEW:
        return flow.first_unanswered(answers, name) or flow.REVIEW
    return flow.following(name, answers) or flow.REVIEW


@bp.get("/check")
def start():
    """A prepared link: `/es/check?country=es&exam=mri` opens the first step, filled in."""
    answers = from_multidict(request.args)
    return redirect(url_for(".step", name=flow.STEPS[0].name, **to_query(answers)))


@bp.route("/check/<name>", methods=["GET", "POST"])
def step(name: str):
    if name not in flow.STEP_BY_NAME:
        abort(404)
    # `then` may come in the query of a posted form's address (a Change button) or the form;
    # a GET's values are its query (Werkzeug's request.values), without combining them.
    asked = request._get_current_object()
    then = _then(asked.args if asked.method == "GET" else asked.values)
    if asked.method != "POST" or mode.shows(asked.form):
        answers = from_multidict(mode.values())
        if not flow.STEP_BY_NAME[name].applies(answers):
            # A province for a country that has none: this step is not part of the check.
            return _go(flow.following(name, answers) or flow.REVIEW, answers, then)
        return show_step(name, answers, then)

    answers = from_multidict(request.form)
    form = form_class(flow.STEP_BY_NAME[name])(request.form)
    if not form.validate():
        return show_step(name, answers, then, form, status=422)  # understood; one answer to correct
    return _go(_next(name, answers, then), answers, then)


def _go(target: str, answers, then: str | None):
    """Show a step (posted modes) or send the browser to it, keeping the way back to the
    review while a change from it still needs a step."""
    then = then if target != flow.REVIEW else None
    if mode.current().posts_answers:
        return show(target, answers, then)
    return redirect(step_url(target, answers, **({"then": then} if then else {})), 303)


@bp.route("/check/review", methods=["GET", "POST"])
def review():
    values = mode.values()  # posted only in a mode that posts answers
    return show_review(from_multidict(values), second_language(values))
