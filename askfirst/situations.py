"""What a patient's situation adds to the sheet where they are treated: acting for someone
else, whether officials can get the images, who can answer, and help in one's language.

The texts are content (<lang>/situations.yaml), each by place: a place key (`ca-on`),
the first answer below a country (`us-tx`), a country, a region, or `other`; a place shows
the most specific entry there is (Jurisdiction.lookup_keys). No Flask here: the parts are
rendered once at start-up (prerendered.py) and a sheet picks them by key.
"""

from dataclasses import dataclass

from markupsafe import Markup

from . import content_layout as layout
from .answers import acting_for
from .content import Library
from .jurisdiction import Jurisdiction, resolve


def entry_key(library: Library, section: str, place: Jurisdiction, general: bool = True) -> str | None:
    """The key of the entry that applies to `place` in `section`; with `general` false,
    None where only the general text (`other`) would apply."""
    keys = library.situation_keys(section)
    candidates = place.lookup_keys() if general else place.lookup_keys()[:-1]
    return next((key for key in candidates if key in keys), None)


@dataclass(frozen=True)
class Interpreter:
    text: Markup  # the right to free language help where the clinic is
    line: Markup  # "I need an interpreter", in the reader's language
    line_there: Markup | None  # the same in the clinic's language
    there: str | None


@dataclass(frozen=True)
class Guide:
    who_can_answer: Markup
    after: Markup
    local: Markup | None  # "local law may give more", where no local rule is known
    interpreter: Interpreter | None


def guide(library: Library, answers, lang: str) -> Guide:
    """The sheet's help for the place these answers name, in `lang`."""
    place = resolve(answers)
    who = library.sheet_help("who_can_answer", lang) or {}
    interpreter = None
    key = entry_key(library, layout.INTERPRETERS, place, general=False)
    # Only where a right to free language help is confirmed (`confirmed: true`, in the
    # English source: a fact, not a text), and only for a reader whose language is not the
    # clinic's (or where the clinic's language is not known). Elsewhere the help page says
    # what AskFirst knows.
    confirmed = key is not None and library.situation(layout.INTERPRETERS, (key,), "en").get("confirmed") is True
    if confirmed and place.language != lang:
        there = place.language if place.language in library.languages else None
        interpreter = Interpreter(
            text=library.situation(layout.INTERPRETERS, (key,), lang)["text"],
            line=library.sheet_help("show_at_desk", lang),
            line_there=library.sheet_help("show_at_desk", there) if there else None, there=there)
    return Guide(who_can_answer=who.get(place.region) or who.get("other"),
                 after=library.sheet_help("after_a_worrying_answer", lang),
                 local=None if place.local else library.sheet_help("local_rules", lang),
                 interpreter=interpreter)


# A region's entry is headed by its country's name on the help page.
COUNTRY_OF_REGION = {"uk": "gb"}


def help_entries(library: Library, section: str, lang: str) -> list[tuple[str | None, dict]]:
    """Every place's entry in a section, for a page that lists them all (the help page's
    language help): (country code, or None for `other`, last), in the file's order."""
    keys = [key for key in library.situation_keys(section) if key != "other"]
    return ([(COUNTRY_OF_REGION.get(key, key), library.situation(section, (key,), lang)) for key in keys]
            + [(None, library.situation(section, ("other",), lang))])


def boxes_for(answers) -> tuple[str, ...]:
    """The kinds of situation box these answers bring to the sheet, in order."""
    kinds = []
    person = acting_for(answers)
    if person:
        kinds.append(f"acting_{person}")
    if "authorities" in answers.get("worry", ()):
        kinds.append("officials")
    return tuple(kinds)


SECTION_OF_KIND = {"acting_child": layout.REPRESENTATIVES, "acting_other": layout.REPRESENTATIVES,
                   "officials": layout.OFFICIALS}
