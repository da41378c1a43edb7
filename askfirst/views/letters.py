"""After the appointment: a ready letter asking for a copy of the images, and a calendar
reminder of the day the answer is due. Nothing is sent from here: the patient sends the
letter and keeps the reminder in their own calendar."""

import re
import uuid
from datetime import date, datetime, timedelta, timezone

import icalendar
from flask import Blueprint, abort, make_response, render_template, request

from .. import mode
from ..answers import from_multidict, to_query
from ..content import Texts
from ..i18n import current
from ..jurisdiction import Jurisdiction, dates, resolve
from . import library
from .links import second_language, sheet_query

bp = Blueprint("letters", __name__, url_prefix="/<lang>")
# A paragraph of a letter that is only this is replaced by the country's own paragraph.
NATIONAL = re.compile(r"\n\n\{national\}(?=\n\n)")


def today() -> date:
    return datetime.now(timezone.utc).date()


def received_date(values) -> date:
    """The day the clinic receives the letter (`received=2026-11-22`; older links say
    `sent`), today if not given; 400 if nonsense."""
    raw = values.get("received") or values.get("sent") or ""
    if not raw:
        return today()
    try:
        received = date.fromisoformat(raw)
    except ValueError:
        abort(400)
    if abs((received - today()).days) > 366:
        abort(400)
    return received


def letter_for(place: Jurisdiction, lang: str) -> Texts:
    """The place's letter in `lang`: its law named where it says {law}, and its country's
    paragraph on health records where it says {national} (or that paragraph left out)."""
    texts = library().letter(place.letter, lang)
    national = library().national(place.country, lang) if place.country else None
    law = place.law.name if place.law else ""

    def fill(text: str) -> str:
        text = NATIONAL.sub(lambda _match: f"\n\n{national}" if national else "", text)
        return text.replace("{law}", law)
    return Texts(texts.lang, {part: fill(text) for part, text in texts.parts.items()})


def place_answers(answers) -> dict:
    """The answers that decide the place (the country and the answers below it): all that
    a reminder needs, and nothing else about the patient."""
    decide = {"country", *(field for field, _value in resolve(answers).subplaces)}
    return {name: values for name, values in to_query(answers).items() if name in decide}


@bp.route("/next-steps", methods=["GET", "POST"])
def next_steps():
    """After the appointment: ask for a copy and for who received the images."""
    values = mode.values()  # posted only in a mode that posts answers
    answers = from_multidict(values)
    place = resolve(answers)
    also = second_language(values)
    letters = [letter_for(place, lang) for lang in [current(), also] if lang]
    received = received_date(values)
    deadlines = [(law, deadline, dates(received, deadline)) for law, deadline in place.deadlines]
    listing = (place.law, place.law.list, dates(received, place.law.list)) if place.law and place.law.list else None
    return make_response(render_template(
        "next_steps.html", answers=answers, answers_query=sheet_query(answers, also),
        place_query=place_answers(answers), place=place, letters=letters, deadlines=deadlines,
        listing=listing, received=received, today=today()))


@bp.get("/next-steps/reminder.ics")
def reminder():
    """A calendar file with one all-day event: the day after the first deadline."""
    answers = from_multidict(request.args)
    place = resolve(answers)
    if place.first_deadline is None or not mode.current().downloads:
        abort(404)
    due = dates(received_date(request.args), place.first_deadline[1]).due
    texts = letter_for(place, current())
    response = make_response(reminder_calendar(texts.parts, due + timedelta(days=1)).to_ical())
    response.mimetype = "text/calendar"
    response.headers["Content-Disposition"] = 'attachment; filename="askfirst-reminder.ics"'
    return response


def reminder_calendar(letter_parts: dict, day: date) -> icalendar.Calendar:
    """icalendar escapes the text and folds long lines as RFC 5545 asks."""
    event = icalendar.Event()
    event.add("uid", f"{uuid.uuid4()}@askfirst")  # random: nothing links two reminders
    event.add("dtstamp", datetime.now(timezone.utc))
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", _plain(letter_parts["reminder_title"]))
    event.add("description", _plain(letter_parts["reminder_text"]))
    cal = icalendar.Calendar()
    cal.add("prodid", "-//AskFirst//Reminder//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add_component(event)
    return cal


def _plain(text) -> str:
    """Letters are plain text already; markup, if any, is dropped."""
    return str(text.striptags()) if hasattr(text, "striptags") else str(text)
