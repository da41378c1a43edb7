"""After the appointment, step by step: the request for a copy (with what and how the patient
wants it), the follow-up when the deadline passed, and the complaint to the right body; and a
calendar reminder that links back to the next step. A patient who got a breach letter has a
path of their own (`/breach`).

Nothing is sent or kept here: the patient sends each letter, the reminder lives in their own
calendar, and everything a step needs (place, scan, the day the clinic received the request)
travels in its link or, in kiosk mode, in the posted form.
"""

import uuid
from datetime import date, datetime, timedelta, timezone

import icalendar
from flask import Blueprint, abort, make_response, render_template, request, url_for

from .. import content_layout, mode, next_steps_shells, review_map, review_notice, situations
from .. import letter_words as words
from ..answers import acting_for, from_multidict, to_query
from ..content import Texts
from ..i18n import current, long_date, speaking
from ..jurisdiction import Jurisdiction, dates, resolve
from ..labels import label
from ..letter import DEFAULT_WANTS, STAGES, WANTS, WAYS, bullet_list, chosen, fill
from ..qr import public_url
from . import library, parts
from .links import second_language, sheet_query

bp = Blueprint("letters", __name__, url_prefix="/<lang>")


def today() -> date:
    return datetime.now(timezone.utc).date()


def received_date(values) -> date | None:
    """The day the clinic received the request (`received=2026-11-22`; older links say
    `sent`); None if not given; 400 if nonsense."""
    raw = values.get("received") or values.get("sent") or ""
    if not raw:
        return None
    try:
        received = date.fromisoformat(raw)
    except ValueError:
        abort(400)
    if abs((received - today()).days) > 366:
        abort(400)
    return received


def place_answers(answers) -> dict:
    """The answers that decide the place (the country and the answers below it), the scan,
    and who it was for (a caregiver's follow-up says so): all that a later step needs, and
    nothing else about the patient."""
    decide = {"person", "country", "exam", *(field for field, _value in resolve(answers).subplaces)}
    return {name: values for name, values in to_query(answers).items() if name in decide}


def can_ask_recipients(place: Jurisdiction) -> bool:
    """Whether the place's law gives a right to learn who received one's data."""
    return bool(place.law and (place.law.list or place.law.recipients))


class Letters:
    """The letters of one place and request, in any language."""

    def __init__(self, place: Jurisdiction, answers, wants, ways, received: date | None):
        self.place, self.answers, self.wants, self.ways, self.received = place, answers, wants, ways, received

    def _common(self, lang: str) -> dict:
        place = self.place
        exam = self.answers["exam"][0] if self.answers["exam"] else None
        # The country's rule on health records, and a State's faster rule (`us-tx`).
        national = "\n\n".join(paragraph for key in place.note_keys()
                                if (paragraph := library().national(key, lang)))
        law_name = library().law_name(place.law, lang) if place.law else ""
        values = {"law": law_name, "national": national or "",
                  "exam": label("exam", exam) if exam and exam != "unsure" else str(words.SCAN_UNKNOWN)}
        if self.received:
            values["received"] = self._date(self.received, lang)
            values["deadline"] = self._deadline_sentences(lang)
        # One known body by name; several possible ones (or none known): the plain words.
        body = place.authorities[0].name if len(place.authorities) == 1 else str(words.BODY_UNKNOWN)
        values["body"] = body
        values["under_law"] = str(words.UNDER_LAW) % {"law": law_name} if place.law else ""
        return values

    @staticmethod
    def _date(day: date, lang: str) -> str:
        return long_date(day)  # in the letter's language: called in force_locale

    def _deadline_sentences(self, lang: str) -> str:
        first = self.place.first_deadline
        if first is None or self.received is None:
            return str(words.NO_DEADLINE)
        law, deadline = first
        when = dates(self.received, deadline)
        text = str(words.DUE) % {"law": library().law_name(law, lang, short=True), "date": self._date(when.due, lang)}
        if when.extended:
            text += " " + str(words.EXTENDED) % {"date": self._date(when.extended, lang)}
        return text

    def _acting_values(self, lang: str) -> dict:
        """For a parent or caregiver: who writes for the patient, and the proof the clinic
        may ask for in this place (situations.yaml), as a list to tick."""
        person = acting_for(self.answers)
        if not person:
            return {}
        entry_key = situations.entry_key(library(), content_layout.REPRESENTATIVES, self.place)
        entry = library().situation(content_layout.REPRESENTATIVES, (entry_key,), lang) if entry_key else None
        prefix = "child_" if person == "child" else ""
        proof = [str(item.striptags()) for kind in ("proof", "practice")
                 for item in (entry or {}).get(prefix + kind, ())]
        return {"acting": library().acting(person, lang), "proof": "\n".join(f"[ ] {item}" for item in proof)}

    def request(self, lang: str) -> Texts:
        with speaking(lang):
            texts = library().letter(self.place.letter, lang)
            part = _with_english(texts, library().letter(self.place.letter, "en"))
            values = {**self._common(lang), **self._acting_values(lang)}
            values["items"] = bullet_list([str(words.WANT[want]) for want in self.wants if want in words.WANT])
            ways = str(words.BETWEEN_WAYS).join(str(words.WAY[way]) for way in self.ways)
            values["delivery"] = str(words.SEND_IT) % {"ways": ways} if self.ways else ""
            other = "_other" if acting_for(self.answers) else ""
            # A writer for someone else asks about "their" data: the paragraph says so.
            recipients = part(f"recipients{other}") or part("recipients")
            values["recipients"] = recipients if "recipients" in self.wants else ""
            legal = [part(f"legal{other}") or part("legal"),
                     *(line for key in self.place.note_keys() if (line := library().national_legal(key, lang)))]
            parts = {"subject": fill(part(f"subject{other}"), values), "body": fill(part(f"body{other}"), values),
                     "legal": " ".join(fill(line, values) for line in legal if line), "send": part("send")}
        return Texts(texts.lang, parts)

    def stage(self, stage: str, lang: str) -> Texts:
        """The follow-up, complaint or breach letter in `lang`."""
        with speaking(lang):
            texts = library().ladder(lang)
            values = self._common(lang)
            values["patient"] = (_with_english(texts, library().ladder("en"))("patient_other")
                                 if acting_for(self.answers) else "")
            parts = {"subject": fill(texts.parts[f"{stage}_subject"], values),
                     "body": fill(texts.parts[f"{stage}_body"], values)}
        return Texts(texts.lang, parts)


def _with_english(texts: Texts, english: Texts):
    """A letter's part in its language, or the English one while a translation lacks it
    (the completeness test names the gap; a patient still gets a whole letter)."""
    return lambda name: texts.parts.get(name) or english.parts.get(name, "")


def _letters_view(stage: str):
    values = mode.values()  # posted only in a mode that posts answers
    answers = from_multidict(values)
    place = resolve(answers)
    also = second_language(values)
    received = received_date(values)
    offered_wants = tuple(want for want in WANTS if want != "recipients" or can_ask_recipients(place))
    wants = chosen(values, "want", offered_wants) or tuple(w for w in DEFAULT_WANTS if w in offered_wants)
    ways = chosen(values, "by", WAYS)
    letters = Letters(place, answers, wants, ways, received)
    languages = [lang for lang in [current(), also] if lang]
    if stage == "request":
        shown = [letters.request(lang) for lang in languages]
    elif received is None:
        shown = []  # a later step counts from the day the request was received: ask it first
    else:
        shown = [letters.stage(stage, lang) for lang in languages]
    deadlines = [(law, deadline, dates(received or today(), deadline)) for law, deadline in place.deadlines]
    law = place.law
    listing = (law, law.list, dates(received or today(), law.list)) if law and law.list else None
    answers_query = sheet_query(answers, also)
    review_notice.shows("next-steps", review_map.letter_pieces(library(), place, stage, answers),
                        place.key if stage == "complaint" else None)
    # The language switcher keeps this very page: its stage, date and choices too.
    switch_query = {**answers_query, **({"stage": [stage]} if values.get("stage") else {}),
                    **({"received": [received.isoformat()]} if received else {}),
                    **({"want": list(wants)} if "want" in values else {}),
                    **({"by": list(ways)} if "by" in values else {})}
    values = dict(
        stage=stage, stages=STAGES, answers=answers, answers_query=answers_query, switch_query=switch_query,
        place_query=place_answers(answers), place=place, letters=shown,
        deadlines=deadlines, listing=listing, received=received or today(), received_given=received is not None,
        today=today(), wants=wants, ways=ways, offered_wants=offered_wants, all_ways=WAYS,
        want_labels=words.WANT_CHOICE, way_labels=words.WAY_CHOICE,
        law_name=lambda law: library().law_name(law, current(), short=True),
        rights_box=parts().rights(place.key, current()) if stage == "complaint" else None)
    # On the web: the shell of this shape, rendered ahead, with the letters and dates
    # rendered into it. In kiosk mode (posted answers, a posted language switcher): Jinja in full.
    if not mode.current().posts_answers:
        shape = next_steps_shells.shape_of(stage, received is not None, deadlines, listing, offered_wants)
        return make_response(next_steps_shells.page(parts().next_steps(shape, current()), values))
    return make_response(render_template("next_steps.html", **values))


@bp.route("/next-steps", methods=["GET", "POST"])
def next_steps():
    """After the appointment: the ladder's step the link names (`stage=followup`), the
    request by default, or where the link names a step that does not exist (a prepared
    link with a typo still opens, as everywhere)."""
    stage = mode.values().get("stage")
    return _letters_view(stage if stage in STAGES else "request")


@bp.get("/next-steps/reminder.ics")
def reminder():
    """A calendar file with one all-day event, the day after the first deadline, whose
    description links back to the follow-up step with the place, scan and date filled in."""
    answers = from_multidict(request.args)
    place = resolve(answers)
    if place.first_deadline is None or not mode.current().downloads:
        abort(404)
    received = received_date(request.args) or today()
    due = dates(received, place.first_deadline[1]).due
    texts = library().letter(place.letter, current())
    follow_up = public_url(url_for("letters.next_steps", stage="followup", received=received.isoformat(),
                                   **place_answers(answers)))
    description = f"{_plain(texts.parts['reminder_text'])}\n\n{follow_up}"
    response = make_response(reminder_calendar(_plain(texts.parts["reminder_title"]), description,
                                               due + timedelta(days=1)).to_ical())
    response.mimetype = "text/calendar"
    response.headers["Content-Disposition"] = 'attachment; filename="askfirst-reminder.ics"'
    return response


def reminder_calendar(title: str, description: str, day: date) -> icalendar.Calendar:
    """icalendar escapes the text and folds long lines as RFC 5545 asks."""
    event = icalendar.Event()
    event.add("uid", f"{uuid.uuid4()}@askfirst")  # random: nothing links two reminders
    event.add("dtstamp", datetime.now(timezone.utc))
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", title)
    event.add("description", description)
    cal = icalendar.Calendar()
    cal.add("prodid", "-//AskFirst//Reminder//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add_component(event)
    return cal


def _plain(text) -> str:
    """Letters are plain text already; markup, if any, is dropped."""
    return str(text.striptags()) if hasattr(text, "striptags") else str(text)
