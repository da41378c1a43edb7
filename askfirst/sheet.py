"""What a question sheet shows for a set of answers: chosen questions with their texts,
and the rights box for the country. No Flask here; the view only renders the result."""

from dataclasses import dataclass

from markupsafe import Markup

from .answers import Answers, region
from .bank import select_questions
from .content import Library, Texts

# Regions with a law of their own in the rights texts; "not sure" gets the general box.
REGION_OF_BOX = {"us": "us", "eu": "eu", "uk": "uk", "ca": "ca"}


@dataclass(frozen=True)
class SheetQuestion:
    id: str
    texts: Texts


@dataclass(frozen=True)
class SheetTopic:
    topic: str
    questions: tuple[SheetQuestion, ...]


@dataclass(frozen=True)
class RightsBox:
    region: str
    texts: Texts
    country: str | None
    authority: dict | None
    country_note: Markup | None


@dataclass(frozen=True)
class Sheet:
    topics: tuple[SheetTopic, ...]
    rights: RightsBox

    @property
    def question_count(self) -> int:
        return sum(len(topic.questions) for topic in self.topics)


def rights_box(library: Library, answers: Answers, lang: str) -> RightsBox:
    box = REGION_OF_BOX.get(region(answers), "other")
    country = (answers.get("country") or (None,))[0]
    known = box != "other"
    return RightsBox(
        region=box,
        texts=library.rights(box, lang),
        country=country if known else None,
        authority=library.authorities.get(country) if known else None,
        country_note=library.country_note(country, lang) if known else None,
    )


def build_sheet(library: Library, answers: Answers, lang: str, limit: int) -> Sheet:
    groups = select_questions(library.bank, answers, limit)
    topics = tuple(
        SheetTopic(group.topic, tuple(SheetQuestion(q.id, library.question(q.id, lang)) for q in group.questions))
        for group in groups
    )
    return Sheet(topics=topics, rights=rights_box(library, answers, lang))
