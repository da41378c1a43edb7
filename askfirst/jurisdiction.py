"""One patient's place, resolved from their answers: the law that applies there, its
deadlines, the body to complain to, and which texts to show. And the dates a deadline
gives, counted from the day the provider receives a request.

No Flask here. The rights box, the rights page, the letters, the reminder and the
prerendered parts all ask `resolve`; nothing else looks up a law, a deadline or a body.
"""

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import product

from .places import GENERAL_TEXTS, PLACES, UNSURE, Authority, Deadline, Law, Period, Places


@dataclass(frozen=True)
class Jurisdiction:
    key: str  # "us", "ca-on", "de-by-public", "other", "unsure": one per distinct place
    country: str | None  # None for "somewhere else" and "not sure"
    region: str
    # The answers below the national level, as (field, value), in the order asked.
    subplaces: tuple[tuple[str, str], ...]
    law: Law | None
    health_records: Law | None  # a national rule on health records beside `law`
    authorities: tuple[Authority, ...]  # several: one of these; none: not known
    texts: str  # the rights box
    letter: str
    # Why the body is not one: the fields answered "not sure", or "diocese".
    open_questions: tuple[str, ...]
    language: str | None = None  # the main language of its clinics, where AskFirst has it
    local: Law | None = None  # a faster local rule beside `law` (a US State's)

    @property
    def deadlines(self) -> list[tuple[Law, Deadline]]:
        """The deadlines for a copy that apply here, the national health-records rule first
        (it is the shorter one where there is one)."""
        laws = [law for law in (self.local, self.health_records, self.law) if law is not None and law.copy]
        return [(law, law.copy) for law in laws]

    @property
    def first_deadline(self) -> tuple[Law, Deadline] | None:
        found = self.deadlines
        return found[0] if found else None

    def lookup_keys(self) -> tuple[str, ...]:
        """Where to look for this place's texts in situations.yaml, most specific first: its
        own key (`de-by-public`), its first answer below the country (`de-by`, `us-tx`), the
        country, its region, and `other` for every place with nothing of its own."""
        keys = [self.key]
        if self.country is not None:
            if self.subplaces:
                keys.append(f"{self.country}-{self.subplaces[0][1]}")
            keys.append(self.country)
        keys += [self.region, "other"]
        return tuple(dict.fromkeys(keys))

    def note_keys(self) -> tuple[str, ...]:
        """The notes in <lang>/rights.yaml that this place shows: its country's, then each
        subdivision answer's (`ca-nu`)."""
        if self.country is None:
            return ()
        return (self.country, *(f"{self.country}-{value}" for _field, value in self.subplaces))


def _subfields(places: Places, country) -> list[str]:
    """The subdivision fields a country's check asks, in order."""
    fields, name = [], country.by if country else None
    while name and name in places.subdivisions:
        fields.append(name)
        name = places.subdivisions[name].then
    return fields


def resolve(answers: Mapping[str, Iterable[str]], places: Places = PLACES) -> Jurisdiction:
    """The place these answers describe. Missing or unknown subdivision answers count as
    "not sure": an old link without them still opens, and says how to find out."""
    code = next(iter(answers.get("country") or ()), UNSURE)
    country = places.country(code)
    if country is None or country.code in (GENERAL_TEXTS, UNSURE) or country.region not in places.regions:
        country = country or places.country(UNSURE)
        texts = country.texts if country and country.texts else GENERAL_TEXTS
        return Jurisdiction(country.code if country else UNSURE, None, country.region if country else UNSURE,
                            (), None, None, (), texts, GENERAL_TEXTS, ())
    law = places.laws.get(country.law) if country.law else None
    region, language = country.region, country.language
    authorities = [country.authority] if country.authority else []
    texts = letter = None
    chosen, open_questions, land, local, plain = [], [], None, None, set()
    for name in _subfields(places, country):
        subdivision = places.subdivisions[name]
        value = next(iter(answers.get(name) or ()), UNSURE)
        place = subdivision.places.get(value) or subdivision.places.get(UNSURE)
        value = place.code if place else UNSURE
        chosen.append((name, value))
        if subdivision.adds_only:
            # A State adds its own faster rule; the law, texts and body stay the country's,
            # so "not sure" leaves nothing open.
            local = places.laws.get(place.local) if place and place.local else None
            if local is None:
                plain.add(name)  # a State with no rule of its own is the country's place
            continue
        if value == UNSURE:
            open_questions.append(name)
        if place is None:
            continue
        if place.law:
            law = places.laws.get(place.law)
        region = place.region or region
        language = place.language or language
        texts, letter = place.texts or texts, place.letter or letter
        if place.extra:
            land = place  # a Land: the next answer picks among its bodies
        # Each answer names the bodies anew; the last one asked decides.
        authorities = list(place.authorities)
        if place.from_land and land is not None:
            authorities = [*(key for part in place.from_land
                             for key in (land.authorities if part == "authority" else land.extra.get(part, ()))),
                           *authorities]
        # Without the Land its bodies cannot be named: the box says how to find out, and
        # names only those that do not depend on it (the EKD, the BfDI).
    bodies = tuple(places.authorities[key] for key in dict.fromkeys(authorities) if key in places.authorities)
    if len(bodies) == 1:
        open_questions = []  # the body is known whatever the other answers (a church's)
    elif len(bodies) > 1 and not open_questions:
        open_questions.append("diocese")  # several bodies for one known place: the diocese decides
    if law is not None:
        texts, letter = texts or law.texts, letter or law.letter
    key = "-".join([country.code, *(value for name, value in chosen if name not in plain)])
    return Jurisdiction(key, country.code, region, tuple(chosen), law,
                        places.laws.get(country.health_records) if country.health_records else None,
                        bodies, texts or GENERAL_TEXTS, letter or GENERAL_TEXTS, tuple(open_questions), language,
                        local)


def _distinct_codes(subdivision) -> tuple[str, ...]:
    """The answers that make distinct places: for a field that only adds a local rule,
    those with a rule, and "not sure" for all the others (they are the country's place)."""
    if subdivision.adds_only:
        return (*(code for code, place in subdivision.places.items() if place.local), UNSURE)
    return subdivision.codes


def every_place(places: Places = PLACES) -> list[dict[str, tuple[str, ...]]]:
    """The answers of every distinct place a patient can choose, each as answers (the
    country and its subdivision answers): what the prerendered rights boxes cover."""
    found = []
    for country in places.countries:
        fields = _subfields(places, country)
        for values in product(*(_distinct_codes(places.subdivisions[name]) for name in fields)):
            below = {name: (value,) for name, value in zip(fields, values, strict=True)}
            found.append({"country": (country.code,), **below})
    return found


def due(start: date, period: Period) -> date:
    """The last day of `period` counted from `start`, the day the provider received the
    request. Days: that many calendar days later. Business days: that many Mondays to
    Fridays later (holidays are not known here, so this is the earliest the day can be).
    Months: the same day that many months on, or that month's last day if it is shorter."""
    if period.unit == "days":
        return start + timedelta(days=period.amount)
    if period.unit == "business_days":
        day, left = start, period.amount
        while left:
            day += timedelta(days=1)
            if day.weekday() < 5:
                left -= 1
        return day
    month_index = start.month - 1 + period.amount
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Dates:
    """When an answer is due, and when at the latest if the provider uses the extension."""

    due: date
    extended: date | None
    older: date | None  # for records older than the law says


def dates(received: date, deadline: Deadline) -> Dates:
    first = due(received, deadline.period)
    extended = None
    if deadline.extension:
        period, extension = deadline.period, deadline.extension
        # "Two further months" after one month ends three months after receipt (not two
        # months after a short February): in one unit, the periods are added up.
        extended = (due(received, Period(period.unit, period.amount + extension.amount))
                    if extension.unit == period.unit else due(first, extension))
    older = due(received, deadline.older) if deadline.older else None
    return Dates(first, extended, older)
