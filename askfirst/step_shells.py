"""A step of the check as a shell (shells.py): the whole page, rendered ahead per step,
language and mode, with slots for the answers.

Profiling showed a step costing 0.7–0.9 ms, nearly all of it Jinja: the layout, the
list of answers (a country list sorted in each language), gettext. But a step without
errors differs between patients only in the answers it carries: which choices are
ticked, the hidden fields, where Back leads (on the web; where answers are posted, Back
may be a button, and is a slot whole), "Step N of M" (the count may depend on the
answers, so it is a slot too), and the language links. Those are the slots. A step with
an error to show is rendered in full by Jinja as before: it is the rare case.

The request's values are put in per request and kept nowhere.
"""

from flask import render_template
from markupsafe import Markup

from . import flow, frames, mode
from .carry import go, hidden_fields, joined, link, query_string, with_answers
from .forms import form_class
from .i18n import as_in_templates
from .i18n import lazy_gettext as _l
from .paths import path_to
from .shells import fill, slot

BACK = _l("Back")
# A step's shell in the frame of a page whose answers were posted (kiosk): its language
# switcher posts them (frames.py). Kept under the step's name with this after it.
POSTED = "+posted"


def names() -> tuple[str, ...]:
    """The shells kept: each step's, and each step's in the frame of a posted page."""
    return (*flow.STEP_BY_NAME, *(name + POSTED for name in flow.STEP_BY_NAME))


CHECKED, SELECTED, NOTHING = Markup(" checked"), Markup(" selected"), Markup("")
THEN_FIELD = Markup('<input type="hidden" name="then" value="{}">')


class _Chosen:
    """What a shell is rendered with instead of the chosen answers: whatever they are."""


CHOSEN = _Chosen()


def mark_chosen(chosen, value: str, attribute: str) -> Markup:
    """` checked` (or ` selected`) on a chosen answer; in a shell, the slot for it."""
    if chosen is CHOSEN:
        return slot(f"{attribute}:{value}")
    return Markup(f" {attribute}") if value in chosen else Markup("")


def back_link(back: tuple[str, dict] | None, answers_query: dict) -> Markup:
    """The step's Back: to the step before (or the review), with the answers; from the
    first step, to the home page."""
    if back:
        return go(back[0], answers_query, back[1], "back", as_in_templates(BACK))
    return link(path_to("pages.home"), {}, "back", as_in_templates(BACK))


def back_address(back: tuple[str, dict] | None, answers_query: dict, encoded: str | None = None) -> str:
    """Where the step's Back leads, where it is a link (see back_link and _shell_back);
    `encoded`, the answers' query already encoded. Written from its parts (paths.py)."""
    return with_answers(path_to(*back), answers_query, encoded) if back else path_to("pages.home")


def _shell_back(back, answers_query) -> Markup:
    """The step's Back in a shell. On the web it is always a link, so the shell holds it
    whole (its words translated ahead) with a slot for its address; where answers are
    posted it may be a button that posts them, so it is a slot of its own."""
    if mode.current().posts_answers:
        return slot("back")
    return link(slot("back_to"), {}, "back", as_in_templates(BACK))


def then_field(then: str | None) -> Markup:
    """Where to go after this step, when it is not the next one (back to the review)."""
    return THEN_FIELD.format(then) if then else Markup("")


def shell_name(name: str) -> str:
    """The name of the shell that shows step `name` in this request."""
    return name + POSTED if mode.answers_posted() else name


def render(shell: str) -> str:
    """The shell of a step, in the language and mode being rendered (prerendered.py)."""
    name, posted, _rest = shell.partition(POSTED)
    step = flow.STEP_BY_NAME[name]
    return render_template(
        "check/step.html", step=step, form=form_class(step)(), chosen=CHOSEN, then=None, back=None,
        answers_query={}, others={}, number=slot("number"), total=slot("total"),
        back_link=_shell_back, hidden_fields=lambda query: slot("others"),
        then_field=lambda then: slot("then"),
        # The layout's own slots stay for the request to fill.
        frame=lambda title, main, query, description: fill(
            frames.frame_of_request(frames.POSTED if posted else frames.PAGE),
            {"title": lambda: title, "main": lambda: main, "description": lambda: description}, keep_others=True))


def page(shell: Markup, chosen, others: dict, then: str | None, back, answers_query: dict,
         switch_query: dict, number: int, total: int) -> Markup:
    """A step without errors: its shell, filled with this request's answers."""
    marks = {"checked": lambda value: CHECKED if value in chosen else NOTHING,
             "selected": lambda value: SELECTED if value in chosen else NOTHING}
    # The answers' query encoded once, for Back and the language links (with `then` after
    # it, as switch_query has it): profiled, each encoding cost as much as a tenth of the fill.
    query = query_string(answers_query)
    switch = joined(query, query_string({key: value for key, value in switch_query.items()
                                         if key not in answers_query}))
    return fill(shell, {
        **frames.fillers(Markup(""), Markup(""), switch_query, encoded=switch), **marks,
        "back": lambda: back_link(back, answers_query),
        "back_to": lambda: back_address(back, answers_query, query),
        "others": lambda: hidden_fields(others),
        "then": lambda: then_field(then), "number": lambda: number, "total": lambda: total})
