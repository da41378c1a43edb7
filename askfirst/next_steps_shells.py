"""The next-steps page as a shell (shells.py): the page rendered ahead per language and
shape, with slots for what a patient's answers decide.

Profiling showed the page costing 1.4–1.8 ms a request, about two-thirds of it Jinja:
the layout, the ladder's links, the two lists of check boxes and some thirty gettext
calls, all the same for everyone in a language. What differs between patients is:

- the letters (`letters`) and the dates the clinic should answer by (`dates`): their
  words come from the answers and the day given, so next_steps.html includes them from
  templates of their own (templates/next_steps/), and a request renders just those, with
  the same values as the whole page. A new part of a letter is a change to that template
  only;
- the ladder's links, which carry the answers and the day (`to:<stage>`), the Back link's
  query (`query`), the forms' hidden answers (`hidden`, `place_hidden`), the ticked
  choices (`ticked:<field>-<value>`), today's and the given day (`today`, `received`),
  the place's rights box (`rights`, rendered ahead itself) and the layout's slots;
- which stage, whether a day was given, whether there are dates to show and whether the
  place lets a patient ask who received their data: these change the page's structure,
  so they choose one of a few shells (a "shape") rather than a slot each.

In kiosk mode (posted answers, a posted language switcher) the page is rendered by Jinja
in full, like the sheet and the review. The request's values are put in per request and
kept nowhere.
"""

from flask import current_app, render_template, url_for
from markupsafe import Markup, escape

from . import carry, frames, i18n
from . import letter_words as words
from .letter import STAGES, WANTS, WAYS
from .paths import path_to
from .shells import fill, slot

# Where a page's structure changes with the dates it shows: none known for the place, only
# the accounting of disclosures, or deadlines (and then the calendar reminder too).
NO_DATES, LISTING, DEADLINES = "no-dates", "listing", "deadlines"


def ticked(name: str, value: str, chosen) -> Markup:
    """` checked` on a chosen box of the letter's choices; in a shell, the slot for it."""
    if chosen is CHOSEN:
        return slot(f"ticked:{name}-{value}")
    return Markup(" checked") if value in chosen else Markup("")


def shape_of(stage: str, received_given: bool, deadlines, listing, offered_wants) -> str:
    """The shell that shows a page of these values. What the page does not show in a stage
    is left out of the name, so that there are as few shells as shapes of the page: the
    request shows no question for the day; a later stage without a day shows only that."""
    later = stage != "request"
    if later and not received_given:
        return f"{stage}+no-day"
    dates = DEADLINES if deadlines else LISTING if listing else NO_DATES
    recipients = "" if later else ("+recipients" if "recipients" in offered_wants else "+no-recipients")
    return f"{stage}+{'day' if later else 'no-day'}+{dates}{recipients}"


def shapes() -> tuple[str, ...]:
    """Every shape a page can have, for prerendered.py to render at start-up."""
    names = []
    for stage in STAGES:
        for received_given in (False, True):
            for dates in (NO_DATES, LISTING, DEADLINES):
                for recipients in (False, True):
                    names.append(shape_of(stage, received_given, dates == DEADLINES, dates == LISTING,
                                          ("recipients",) if recipients else ()))
    return tuple(dict.fromkeys(names))


# --- Rendering a shell ------------------------------------------------------------------

class _Chosen:
    """What a shell is rendered with instead of the ticked choices: whatever they are."""


CHOSEN = _Chosen()
# What a shell is rendered with instead of the answers' query (and the place's): a key
# that stands for all of them, which `dict(answers_query, stage=[stage])` keeps.
ANSWERS, PLACE = object(), object()


class _Day:
    """A day that is a slot: the template asks it for `isoformat()`, or for its long
    form through `long_date` (_shell_long_date)."""

    def __init__(self, name: str):
        self.name = name

    def isoformat(self) -> Markup:
        return slot(self.name)


def _shell_long_date(day: _Day) -> Markup:
    return slot(f"date:{day.name}")


class _When:
    """jurisdiction.Dates as slots, for the `n`th deadline (or the accounting, "listing"):
    whether a deadline has a later date and one for older records is known ahead."""

    def __init__(self, n, extended: bool, older: bool):
        self.due = _Day(f"due-{n}")
        self.extended = _Day(f"extended-{n}") if extended else None
        self.older = _Day(f"older-{n}") if older else None


def _days(values: dict) -> dict:
    """This request's days, by the names _When gives their slots."""
    days = {"received": values["received"]}
    whens = [(n, when) for n, (_law, _deadline, when) in enumerate(values["deadlines"])]
    if values["listing"]:
        whens.append(("listing", values["listing"][2]))
    for n, when in whens:
        days.update({f"{kind}-{n}": day for kind, day in
                     (("due", when.due), ("extended", when.extended), ("older", when.older)) if day})
    return days


def dated_places() -> list[str]:
    """The places (rights_box.PLACES_WITH_BOXES keys) with dates to show."""
    from .jurisdiction import resolve
    from .rights_box import PLACES_WITH_BOXES  # imports the jurisdiction model, after start-up

    return [key for key, answers in PLACES_WITH_BOXES.items()
            if (place := resolve(answers)).deadlines or (place.law and place.law.list)]


def render_dates(place_key: str) -> str:
    """The dates part of a place (templates/next_steps/dates.html), in the language being
    rendered (web): the laws and sentences filled in, the dates and answers as slots."""
    from .jurisdiction import resolve
    from .rights_box import PLACES_WITH_BOXES
    from .views import library

    place = resolve(PLACES_WITH_BOXES[place_key])
    law = place.law
    return render_template(
        "next_steps/dates.html",
        deadlines=[(law, deadline, _When(n, bool(deadline.extension), bool(deadline.older)))
                   for n, (law, deadline) in enumerate(place.deadlines)],
        listing=(law, law.list, _When("listing", True, False)) if law and law.list else None,
        received=_Day("received"), answers_query={ANSWERS: ()}, stage=slot("stage"),
        hidden_fields=_shell_hidden, long_date=_shell_long_date,
        law_name=lambda law: library().law_name(law, i18n.current(), short=True))


def _shell_hidden(query: dict) -> Markup:
    """The hidden answers of a form: a slot, and what the template added after them."""
    if PLACE in query:
        return slot("place_hidden")
    extra = {key: value for key, value in query.items() if key is not ANSWERS}
    return slot("hidden") + carry.hidden_fields(extra)


def _shell_go(endpoint: str, answers: dict, values: dict, css_class: str, words_) -> Markup:
    """carry.go on the web, the address a slot: a ladder step's whole (it carries the day
    as well), the Back link's query."""
    if "stage" in answers:
        return carry.link(slot(f"to:{answers['stage'][0]}"), {}, css_class, words_)
    return carry.link(escape(url_for(endpoint, **values)) + slot("query"), {}, css_class, words_)


def render(shape: str) -> str:
    """The shell of a next-steps page of this shape, in the language being rendered (web)."""
    stage, day, dates, *_recipients = (*shape.split("+"), NO_DATES)
    offered = WANTS if shape.endswith("+recipients") else tuple(want for want in WANTS if want != "recipients")
    return render_template(
        "next_steps.html", shell=True, stage=stage, stages=STAGES, answers=None,
        answers_query={ANSWERS: ()}, place_query={PLACE: ()}, place=None, letters=(),
        deadlines=(True,) if dates == DEADLINES else (), listing=dates == LISTING,
        received=_Day("received"), received_given=day == "day", today=_Day("today"),
        wants=CHOSEN, ways=CHOSEN, offered_wants=offered, all_ways=WAYS,
        want_labels=words.WANT_CHOICE, way_labels=words.WAY_CHOICE,
        rights_box=slot("rights") if stage == "complaint" else None,
        go_to=_shell_go, hidden_fields=_shell_hidden,
        **frames.rendering_values(frames.PAGE),
        frame=lambda title, main, query, description: fill(
            frames.frame_of_request(), {"title": lambda: title, "main": lambda: main,
                                        "description": lambda: description}, keep_others=True))


# --- Filling it -------------------------------------------------------------------------

def page(shell: Markup, values: dict) -> Markup:
    """The page on the web: its shell, filled with this request's `values` (what the view
    would give next_steps.html)."""
    answers_query, received_given = values["answers_query"], values["received_given"]
    day = values["received"].isoformat()
    address = path_to("letters.next_steps")  # url_for's address, from its parts (paths.py)
    query = carry.query_string(answers_query)
    chosen = {"want": values["wants"], "by": values["ways"]}

    def to_stage(stage: str) -> str:  # the template's dict for a ladder step's link
        return carry.with_answers(address, {**answers_query, "stage": [stage],
                                            "received": [day] if received_given else []})

    def is_ticked(name_value: str) -> str:
        name, _dash, value = name_value.partition("-")
        return " checked" if value in chosen[name] else ""

    context = {}

    def rendered(template: str) -> Markup:
        """A part of the page in its own template, with the page's values: the context
        made once for both parts (render_template would run the context processors anew)."""
        if not context:
            context.update(values)
            current_app.update_template_context(context)
        return Markup(current_app.jinja_env.get_template(template).render(context))

    def dates() -> Markup:
        """The place's dates part, rendered ahead, filled with this request's days."""
        try:
            part = current_app.extensions["askfirst_prerendered"].get("next_dates", values["place"].key, i18n.current())
        except KeyError:  # a place without a part of its own (not rendered ahead in development)
            return rendered("next_steps/dates.html")
        days = _days(values)
        return fill(part, {"date": lambda name: i18n.long_date(days[name]), "received": lambda: day,
                           "hidden": lambda: carry.hidden_fields(answers_query), "stage": lambda: values["stage"]})

    return fill(shell, {
        **frames.fillers(Markup(""), Markup(""), values["switch_query"]),
        "letters": lambda: rendered("next_steps/letters.html"), "dates": dates,
        "to": to_stage, "query": lambda: "?" + query if query else "",
        "hidden": lambda: carry.hidden_fields(answers_query),
        "place_hidden": lambda: carry.hidden_fields(values["place_query"]),
        "ticked": is_ticked, "today": lambda: values["today"].isoformat(), "received": lambda: day,
        "rights": lambda: values["rights_box"]})
