"""The patient's letters, put together: the request for a copy, the follow-up when the
deadline passed, the complaint to the right body, and the letter after a breach.

No Flask here. A letter's words are content (<lang>/letters.yaml); its short phrases are
gettext strings (letter_words.py) that the view resolves in the letter's language; the law,
its deadlines and the body come from jurisdiction.resolve. Nothing is stored: every value
comes from the request that asks for the letter.
"""

import re
from collections.abc import Mapping

# What a patient may ask for, and how they want it (the answer values in links).
WANTS = ("dicom", "viewer", "report", "recipients")
WAYS = ("portal", "link", "disc", "usb", "email", "post")
# Asked for when the patient has not chosen: the images and the report.
DEFAULT_WANTS = ("dicom", "report")
# The stages of the follow-up ladder, in order: each is a page of its own.
STAGES = ("request", "followup", "complaint")

PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def fill(text: str, values: Mapping[str, str]) -> str:
    """`text` with each `{name}` replaced by its value. A paragraph that is only a
    placeholder with no value is left out, with its blank line; an unknown name stays as
    it is (the content checks name it)."""
    paragraphs = []
    for paragraph in text.split("\n\n"):
        only = PLACEHOLDER.fullmatch(paragraph.strip())
        if only and only.group(1) in values and not values[only.group(1)]:
            continue
        paragraphs.append(PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), paragraph))
    return "\n\n".join(paragraphs)


def bullet_list(lines: list[str]) -> str:
    """Lines as a plain-text list: a letter is also an e-mail, so no markup."""
    return "\n".join(f"- {line}" for line in lines)


def chosen(values, name: str, allowed: tuple[str, ...]) -> tuple[str, ...]:
    """The valid values of one choice, in the order `allowed` lists them."""
    sent = set(values.getlist(name)) if hasattr(values, "getlist") else set(values.get(name, ()))
    return tuple(value for value in allowed if value in sent)
