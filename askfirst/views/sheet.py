"""The question sheet, its PDF, and what to do after the appointment (a ready letter and
a calendar reminder of the deadline)."""

import uuid
from datetime import date, datetime, timedelta, timezone

from flask import Blueprint, abort, current_app, make_response, render_template, request

from .. import kiosk, pdf
from ..answers import from_multidict, region
from ..bank import select_questions
from ..i18n import current
from ..places import add_deadline, box_of
from . import library, private
from .links import second_language, sheet_query, step_url

bp = Blueprint("sheet", __name__, url_prefix="/<lang>")


def render_sheet(answers, also, for_pdf: bool = False) -> str:
    topics = select_questions(library().bank, answers, current_app.config["SHEET_MAX_QUESTIONS"])
    return render_template(
        "sheet.html", topics=topics, answers=answers, answers_query=sheet_query(answers, also),
        also=also, step_url=step_url, for_pdf=for_pdf, fragments=current_app.extensions["askfirst_fragments"])


def show_sheet(answers, also):
    return private(make_response(render_sheet(answers, also)))


@bp.get("/sheet")
def sheet():
    """The question sheet; unknown or invalid values in the link are ignored."""
    return show_sheet(from_multidict(request.args), second_language())


@bp.get("/sheet.pdf")
def sheet_pdf():
    """The same sheet as a PDF, from the same template, by WeasyPrint."""
    if kiosk.active():  # a shared screen keeps no files
        abort(404)
    if not pdf.available():
        abort(503)
    document = pdf.render(render_sheet(from_multidict(request.args), second_language(), for_pdf=True),
                          current_app.static_folder)
    response = make_response(document)
    response.mimetype = "application/pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="askfirst-questions-{current()}.pdf"'
    return private(response)


def sent_date() -> date:
    """The day the letter was sent (`sent=2026-11-22`), today if not given; 400 if nonsense."""
    raw = request.args.get("sent", "")
    if not raw:
        return datetime.now(timezone.utc).date()
    try:
        sent = date.fromisoformat(raw)
    except ValueError:
        abort(400)
    if abs((sent - datetime.now(timezone.utc).date()).days) > 366:
        abort(400)
    return sent


@bp.route("/next-steps", methods=["GET", "POST"])
def next_steps():
    """After the appointment: ask for a copy and for who received the images."""
    values = request.values
    answers = from_multidict(values)
    box = box_of(region(answers))
    also = second_language(values)
    letters = [library().letter(box, lang) for lang in [current(), also] if lang]
    today = datetime.now(timezone.utc).date()
    return private(make_response(render_template(
        "next_steps.html", answers=answers, answers_query=sheet_query(answers, also), box=box,
        letters=letters, deadline=add_deadline(today, box), today=today, country=answers["country"])))


@bp.get("/next-steps/reminder.ics")
def reminder():
    """A calendar reminder for the day after the deadline: nothing is sent, the patient
    adds it to their own calendar."""
    answers = from_multidict(request.args)
    box = box_of(region(answers))
    deadline = add_deadline(sent_date(), box)
    if deadline is None or kiosk.active():
        abort(404)
    texts = library().letter(box, current())
    reminder_day = deadline + timedelta(days=1)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//AskFirst//Reminder//EN", "CALSCALE:GREGORIAN",
             "BEGIN:VEVENT", f"UID:{uuid.uuid4()}@askfirst", f"DTSTAMP:{stamp}",
             f"DTSTART;VALUE=DATE:{reminder_day:%Y%m%d}",
             f"DTEND;VALUE=DATE:{reminder_day + timedelta(days=1):%Y%m%d}",
             f"SUMMARY:{_ics_text(texts.parts['reminder_title'])}",
             f"DESCRIPTION:{_ics_text(texts.parts['reminder_text'])}",
             "END:VEVENT", "END:VCALENDAR"]
    response = make_response("\r\n".join(_fold(line) for line in lines) + "\r\n")
    response.mimetype = "text/calendar"
    response.headers["Content-Disposition"] = 'attachment; filename="askfirst-reminder.ics"'
    return private(response)


def _ics_text(markup) -> str:
    """Plain text for an iCalendar value: no markup, and its special characters escaped."""
    text = str(markup.striptags()) if hasattr(markup, "striptags") else str(markup)
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """iCalendar lines are at most 75 octets; longer ones continue after CRLF and a space
    (which counts, so continuation lines carry 74)."""
    data, parts, limit = line.encode("utf-8"), [], 75
    while len(data) > limit:
        cut = limit
        while cut and (data[cut] & 0xC0) == 0x80:  # never split a UTF-8 character
            cut -= 1
        parts.append(data[:cut].decode("utf-8"))
        data, limit = data[cut:], 74
    parts.append(data.decode("utf-8"))
    return "\r\n ".join(parts)
