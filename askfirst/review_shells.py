"""The review ("Check your answers") as a shell (shells.py): the page rendered ahead per
language and set of steps, with slots for what a patient's answers decide.

Profiling showed the review costing about 1.3 ms a request, nearly all of it Jinja: a
`go` macro per step (a url_for each), a label filter per answer, the list of languages
for the sheet's second language, gettext, the layout. Yet which steps are listed depends
only on the country (a province for Canada, a Land and who runs the clinic for Germany),
so there are a few shapes of the page; within one, what differs between patients is:

- the answers written under each step (`answer:<step>`), and their query in the Back and
  Change links (`query`, or `and_query` after a link's own `then=review`);
- the hidden answers of the form that makes the sheet (`hidden`);
- which language is offered first as the clinic's, and which one is chosen (`also`,
  `note`);
- "Step N of M" (`number`, `total`) and the language links (frames.py).

The template stays the one source: review.html calls the helpers below, and a shell is
that template rendered with helpers that put slots in their place. In kiosk mode (posted
answers, a posted language switcher) the review is rendered by Jinja in full, like the
sheet. The request's values are put in per request and kept nowhere.
"""

from functools import cache

from flask import render_template, url_for
from markupsafe import Markup, escape

from . import carry, flow, frames, i18n
from .answers import FIELD_BY_NAME
from .i18n import as_in_templates
from .i18n import lazy_gettext as _l
from .labels import label
from .shells import fill, slot

NOT_ANSWERED = _l("Not answered")
SUGGESTED_FIRST = _l("The main language where the clinic is comes first in the list.")


def answered(answers, name: str) -> Markup:
    """What the patient answered to one step, or that they did not."""
    if answers[name]:
        return Markup(", ").join(label(name, value) for value in answers[name])
    return Markup('<span class="hint">') + as_in_templates(NOT_ANSWERED) + Markup("</span>")


def suggested_note(suggested: str | None) -> Markup:
    """After the hint of the clinic's language: that the one where the clinic is comes first."""
    return Markup(" ") + as_in_templates(SUGGESTED_FIRST) if suggested else Markup("")


def also_choices(suggested: str | None, also: str | None) -> Markup:
    """The languages offered as the clinic's, after "No second language": every other one
    offered, the main one where the clinic is first. Offered, not chosen: the patient
    decides whether the sheet has two languages (`also` is the one they chose)."""
    here = i18n.current()
    others = [lang for lang in i18n.offered() if lang != here]
    ordered = [lang for lang in others if lang == suggested] + [lang for lang in others if lang != suggested]
    options = _options(tuple(i18n.offered()))
    return Markup("".join(options[lang, lang == also] for lang in ordered))


@cache
def _options(languages: tuple[str, ...]) -> dict[tuple[str, bool], str]:
    """Each offered language's option, chosen and not: the same on every page, so made
    once, all of them together (profiled: escaping each anew was a tenth of the review).
    Keyed by the site's configured languages only; what a patient chooses picks one, and
    nothing about it is kept."""
    return {(lang, selected): f'\n      <option value="{escape(lang)}" lang="{escape(i18n.tag(lang))}"'
                              f'{" selected" if selected else ""}>{escape(i18n.native_name(lang))}</option>'
            for lang in languages for selected in (False, True)}


# --- The shell --------------------------------------------------------------------------

def shape_of(steps) -> str:
    """A shell's name: the steps it lists."""
    return "+".join(step.name for step in steps)


def shapes() -> tuple[str, ...]:
    """Every set of steps a review can list: one per country's steps, and none given.
    Read from flow.STEPS when the app starts, so that a step added there is listed."""
    countries = [(), *((country,) for country in FIELD_BY_NAME["country"].values)]
    return tuple(dict.fromkeys(shape_of(step for step in flow.STEPS if step.applies({"country": country}))
                               for country in countries))



def _shell_go(endpoint: str, answers, values: dict, css_class: str, words) -> Markup:
    """carry.go on the web, with the answers' query as a slot after the link's own."""
    address = url_for(endpoint, **values)
    return carry.link(escape(address) + slot("and_query" if "?" in address else "query"), {}, css_class, words)


def render(shape: str) -> str:
    """The shell of a review that lists these steps, in the language being rendered (web)."""
    return render_template(
        "check/review.html", answers=None, answers_query={}, also=None, suggested=None,
        steps=[flow.STEP_BY_NAME[name] for name in shape.split("+")], step_target=_step_target,
        number=slot("number"), total=slot("total"), go_to=_shell_go, hidden_fields=lambda query: slot("hidden"),
        answered=lambda answers, name: slot(f"answer:{name}"), suggested_note=lambda suggested: slot("note"),
        also_choices=lambda suggested, also: slot("also"),
        # The layout's own slots stay for the request to fill (through the frame, or the
        # layout itself where a test renders without frames).
        **frames.rendering_values(frames.PAGE),
        frame=lambda title, main, query, description: fill(
            frames.frame_of_request(),
            {"title": lambda: title, "main": lambda: main, "description": lambda: description}, keep_others=True))


def _step_target(name: str) -> tuple[str, dict]:
    from .views.links import step_target  # the views import this module

    return step_target(name)


def page(shell: Markup, answers, answers_query: dict, also: str | None, suggested: str | None,
         switch_query: dict, number: int, total: int) -> Markup:
    """The review on the web: its shell, filled with this request's answers."""
    # The answers' query encoded once, for the page's links and the language links (with
    # the second language after it, as switch_query has it).
    query = carry.query_string(answers_query)
    switch = carry.joined(query, carry.query_string({key: value for key, value in switch_query.items()
                                                     if key not in answers_query}))
    return fill(shell, {
        **frames.fillers(Markup(""), Markup(""), switch_query, encoded=switch),
        "query": lambda: "?" + query if query else "", "and_query": lambda: "&" + query if query else "",
        "answer": lambda name: answered(answers, name), "hidden": lambda: carry.hidden_fields(answers_query),
        "note": lambda: suggested_note(suggested), "also": lambda: also_choices(suggested, also),
        "number": lambda: number, "total": lambda: total})
