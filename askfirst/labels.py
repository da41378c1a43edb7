"""The words shown for every answer value and topic, in the reader's language.

Country names come from Babel's CLDR data, so each language gets the official spelling
without a hand-made list; everything else is a gettext string.
"""

from functools import lru_cache

from flask_babel import get_locale, pgettext

from . import collation
from .answers import FIELD_BY_NAME, UNSURE
from .i18n import lazy_gettext as _l
from .places import PLACES

LABELS = {
    "person": {
        "self": _l("Me"),
        "child": _l("My child"),
        "other": _l("Someone I care for or act for, such as a parent or partner"),
        UNSURE: _l("I'm not sure"),
    },
    "country": {
        "other": _l("Somewhere else"),
        UNSURE: _l("I'm not sure"),
    },
    # Canada's provinces and territories (places.yaml `subdivisions: province`).
    "province": {
        "on": _l("Ontario"),
        "qc": _l("Quebec"),
        "bc": _l("British Columbia"),
        "ab": _l("Alberta"),
        "mb": _l("Manitoba"),
        "sk": _l("Saskatchewan"),
        "ns": _l("Nova Scotia"),
        "nb": _l("New Brunswick"),
        "nl": _l("Newfoundland and Labrador"),
        "pe": _l("Prince Edward Island"),
        "yt": _l("Yukon"),
        "nt": _l("Northwest Territories"),
        "nu": _l("Nunavut"),
        UNSURE: _l("I'm not sure"),
    },
    # Germany's 16 states (Länder).
    "state": {
        "al": _l("Alabama"),
        "ak": _l("Alaska"),
        "az": _l("Arizona"),
        "ar": _l("Arkansas"),
        "ca": _l("California"),
        "co": _l("Colorado"),
        "ct": _l("Connecticut"),
        "de": _l("Delaware"),
        "dc": _l("District of Columbia"),
        "fl": _l("Florida"),
        "ga": _l("Georgia"),
        "hi": _l("Hawaii"),
        "id": _l("Idaho"),
        "il": _l("Illinois"),
        "in": _l("Indiana"),
        "ia": _l("Iowa"),
        "ks": _l("Kansas"),
        "ky": _l("Kentucky"),
        "la": _l("Louisiana"),
        "me": _l("Maine"),
        "md": _l("Maryland"),
        "ma": _l("Massachusetts"),
        "mi": _l("Michigan"),
        "mn": _l("Minnesota"),
        "ms": _l("Mississippi"),
        "mo": _l("Missouri"),
        "mt": _l("Montana"),
        "ne": _l("Nebraska"),
        "nv": _l("Nevada"),
        "nh": _l("New Hampshire"),
        "nj": _l("New Jersey"),
        "nm": _l("New Mexico"),
        "ny": _l("New York"),
        "nc": _l("North Carolina"),
        "nd": _l("North Dakota"),
        "oh": _l("Ohio"),
        "ok": _l("Oklahoma"),
        "or": _l("Oregon"),
        "pa": _l("Pennsylvania"),
        "ri": _l("Rhode Island"),
        "sc": _l("South Carolina"),
        "sd": _l("South Dakota"),
        "tn": _l("Tennessee"),
        "tx": _l("Texas"),
        "ut": _l("Utah"),
        "vt": _l("Vermont"),
        "va": _l("Virginia"),
        "wa": _l("Washington"),
        "wv": _l("West Virginia"),
        "wi": _l("Wisconsin"),
        "wy": _l("Wyoming"),
        "pr": _l("Puerto Rico"),
        UNSURE: _l("I'm not sure"),
    },
    "land": {
        "bw": _l("Baden-Württemberg"),
        "by": _l("Bavaria"),
        "be": _l("Berlin"),
        "bb": _l("Brandenburg"),
        "hb": _l("Bremen"),
        "hh": _l("Hamburg"),
        "he": _l("Hesse"),
        "mv": _l("Mecklenburg-Western Pomerania"),
        "ni": _l("Lower Saxony"),
        "nw": _l("North Rhine-Westphalia"),
        "rp": _l("Rhineland-Palatinate"),
        "sl": _l("Saarland"),
        "sn": _l("Saxony"),
        "st": _l("Saxony-Anhalt"),
        "sh": _l("Schleswig-Holstein"),
        "th": _l("Thuringia"),
        UNSURE: _l("I'm not sure"),
    },
    # Who runs a clinic in Germany: it decides which supervisor watches over it.
    "operator": {
        "private": _l("A private practice or a private company"),
        "public": _l("The state, a town or county, or a public university"),
        "federal": _l("The federal government"),
        "catholic": _l("The Catholic Church (for example Caritas)"),
        "protestant": _l("The Protestant Church (for example Diakonie)"),
        UNSURE: _l("I'm not sure"),
    },
    "exam": {
        "xray": _l("X-ray"),
        "ct": _l("CT scan"),
        "mri": _l("MRI scan"),
        "ultrasound": _l("Ultrasound"),
        "mammogram": _l("Mammogram"),
        "dental": _l("Dental X-ray or scan"),
        "other": _l("Another kind of scan"),
        UNSURE: _l("I'm not sure"),
    },
    "channel": {
        "portal": _l("On a website or app (a patient portal)"),
        "link": _l("A link sent by e-mail or text message"),
        "disc": _l("On a CD, DVD or USB stick"),
        "other_doctor": _l("Sent straight to another doctor"),
        UNSURE: _l("I don't know yet"),
    },
    "setting": {
        "hospital": _l("A hospital"),
        "imaging_centre": _l("An imaging centre or X-ray clinic"),
        "office": _l("A doctor's or dentist's office"),
        "mobile": _l("A mobile service that comes to a care home, prison or school"),
        UNSURE: _l("I'm not sure"),
    },
    "worry": {
        "who_sees": _l("Who at the clinic can open the images"),
        "internet": _l("Strangers finding the images on the internet"),
        "sharing": _l("Other companies getting the images"),
        "research": _l("The images used for research or AI"),
        "copies": _l("A CD, USB stick or e-mail getting lost"),
        "identity": _l("ID numbers being stolen"),
        "keeping": _l("How long the images are kept"),
        "breach": _l("Not being told if something goes wrong"),
        "rights": _l("Getting a copy of the images"),
        "authorities": _l("The police, immigration or other offices getting the images"),
        UNSURE: _l("I'm not sure"),
    },
}

TOPIC_TITLES = {
    "server": _l("The computer that stores the images"),
    "online_access": _l("Seeing the images online"),
    "sharing": _l("Who else gets the images"),
    "copies": _l("Copies to carry"),
    "incidents": _l("If something goes wrong"),
    "rights": _l("Rights to a copy"),
    "identifiers": _l("ID numbers"),
    "research": _l("Research and AI"),
    "retention": _l("How long images are kept"),
    "proxy": _l("Asking for someone else"),
    "authorities": _l("The police, courts and other offices"),
}


def country_name(code: str) -> str:
    """A country's name in the current language, from CLDR (`gb` is the United Kingdom)."""
    if code in LABELS["country"]:
        return str(LABELS["country"][code])
    return get_locale().territories.get(code.upper(), code.upper())


@lru_cache(maxsize=256)
def _by_name(locale_id: str, options: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """(value, name) pairs in the alphabetical order of the language whose names they are
    (collation.py). The same few lists come back on every request, so each language's
    order is worked out once (a tuple, so that no caller changes the kept order)."""
    key = collation.sort_key(locale_id)
    return tuple(sorted(options, key=lambda pair: key(pair[1])))


def group_titles() -> dict[str, str]:
    """The title of each group of the country list, by the group's id in places.yaml,
    in the current language. Called per use: pgettext needs the request's language."""
    return {
        "north_america_uk": pgettext("country group", "North America and the UK"),
        "eu_eea": pgettext("country group", "European Union and EEA"),
        "other_answers": pgettext("country group", "Other answers"),
    }


def country_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """The country list in groups, as WTForms renders `<optgroup>`s: the groups and the
    countries in places.yaml's order, a group marked so sorted by name in this language."""
    titles = group_titles()
    choices = []
    for group in PLACES.groups.values():
        options = [(country.code, country_name(country.code)) for country in PLACES.countries
                   if country.group == group.id]
        if group.sort_by_name:
            options = list(_by_name(str(get_locale()), tuple(options)))
        choices.append((titles[group.id], options))
    return choices


def label(field: str, value: str) -> str:
    if field == "country":
        return country_name(value)
    return str(LABELS[field][value])


# Lists sorted by name in the reader's language (a long list of names is searched by eye),
# with "not sure" last.
SORTED_BY_NAME = ("state", "province", "land")


def choices(field: str) -> list[tuple[str | None, list[tuple[str, str]]]]:
    """A field's answers as (group title, [(value, words)]) lists; one untitled group
    unless the field has groups of its own (the countries)."""
    if field == "country":
        return country_choices()
    options = [(value, label(field, value)) for value in FIELD_BY_NAME[field].values]
    if field in SORTED_BY_NAME:
        options = [*_by_name(str(get_locale()), tuple(options[:-1])), *options[-1:]]
    return [(None, options)]
