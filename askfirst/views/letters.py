"""After the appointment: a ready letter asking for a copy of the images, and a calendar
reminder of the day the answer is due. Nothing is sent from here: the patient sends the
letter and keeps the reminder in their own calendar."""

import uuid
from datetime import date, datetime, timedelta, timezone

import icalendar
from flask import Blueprint, abort, make_response, render_template, request

from .. import mode
from ..answers import from_multidict, region
from ..i18n import current
from ..places import add_deadline, box_of
from . import library
from .links import second_language, sheet_query

bp = Blueprint("letters", __name__, url_prefix="/<lang>")

def today() -> date:
    return datetime.now(timezone.utc).date()


def sent_date() -> date:
    """The day the letter was sent (`sent=2026-11-22`), today if not given; 400 if nonsense."""
    raw = request.args.get("sent", "")
    if not raw:
        return today()
    try:
        sent = date.fromisoformat(raw)
    except ValueError:
        abort(400)
    if abs((sent - today()).days) > 366:
        abort(400)
    return sent


@bp.route("/next-steps", methods=["GET", "POST"])
def next_steps():
    """After the appointment: ask for a copy and for who received the images."""
    values = mode.values()  # posted only in a mode that posts answers
    answers = from_multidict(values)
    box = box_of(region(answers))
    also = second_language(values)
    letters = [library().letter(box, lang) for lang in [current(), also] if lang]
    return make_response(render_template(
        "next_steps.html", answers=answers, answers_query=sheet_query(answers, also), box=box,
        letters=letters, deadline=add_deadline(today(), box), today=today(), country=answers["country"]))


@bp.get("/next-steps/reminder.ics")
def reminder():
    """A calendar file with one all-day event: the day after the deadline."""
    answers = from_multidict(request.args)
    box = box_of(region(answers))
    deadline = add_deadline(sent_date(), box)
    if deadline is None or not mode.current().downloads:
        abort(404)
    texts = library().letter(box, current())
    response = make_response(reminder_calendar(texts.parts, deadline + timedelta(days=1)).to_ical())
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
