"""The guided check as data: its steps in order, each asking one answer field.

Views, templates, the review, the partners form and the tests' walker all follow this
list; adding, removing or reordering a step is an edit here (and its field and labels),
not a new view or template. The last step is the review, which asks nothing and shows
every answer.
"""

from dataclasses import dataclass

from . import labels
from .answers import FIELD_BY_NAME, Field
from .i18n import lazy_gettext as _l

REVIEW = "review"
# How a step is asked: a drop-down list (long lists), radio buttons (one of a few), or
# check boxes (several).
SELECT, RADIOS, CHECKBOXES = "select", "radios", "checkboxes"


@dataclass(frozen=True)
class Step:
    field: Field
    widget: str
    title: str  # the question, shown as the page's heading
    hint: str  # one line under it that helps to answer
    required: str  # the message when nothing was chosen
    prompt: str | None = None  # a drop-down's first, empty line ("Choose a country")

    def __post_init__(self):
        allowed = (CHECKBOXES,) if self.field.multiple else (SELECT, RADIOS)
        if self.widget not in allowed:
            raise ValueError(f"step {self.name}: a {'multiple' if self.field.multiple else 'single'} "
                             f"answer is asked with {' or '.join(allowed)}, not {self.widget}")

    @property
    def name(self) -> str:
        return self.field.name

    @property
    def anchor(self) -> str:
        """The id of the first control, where an error message leads."""
        return self.name if self.widget == SELECT else f"{self.name}-{self.field.values[0]}"

    def choices(self) -> list[tuple[str | None, list[tuple[str, str]]]]:
        return labels.choices(self.name)


STEPS = (
    Step(FIELD_BY_NAME["country"], SELECT,
         _l("Where will you have your scan?"),
         _l("Your rights depend on the country where the clinic is."),
         _l("Choose the country where you will have your scan, or choose “I'm not sure”."),
         prompt=_l("Choose a country")),
    Step(FIELD_BY_NAME["exam"], RADIOS,
         _l("What kind of scan will you have?"),
         _l("It is on your appointment letter or text."),
         _l("Choose the kind of scan, or choose “I'm not sure”.")),
    Step(FIELD_BY_NAME["channel"], CHECKBOXES,
         _l("How will you get or share your images?"),
         _l("Choose all that apply."),
         _l("Choose at least one way, or choose “I don't know yet”.")),
    Step(FIELD_BY_NAME["setting"], RADIOS,
         _l("Where will the scan be done?"),
         _l("The kind of place changes which questions matter."),
         _l("Choose where the scan will be done, or choose “I'm not sure”.")),
    Step(FIELD_BY_NAME["worry"], CHECKBOXES,
         _l("What worries you most?"),
         _l("Choose all that apply. We will put those questions first."),
         _l("Choose at least one worry, or choose “I'm not sure”.")),
)
STEP_BY_NAME = {step.name: step for step in STEPS}
NAMES = (*(step.name for step in STEPS), REVIEW)


def number(name: str) -> int:
    """1-based position, for "Step N of M"."""
    return NAMES.index(name) + 1


def following(name: str) -> str | None:
    position = NAMES.index(name)
    return NAMES[position + 1] if position + 1 < len(NAMES) else None


def preceding(name: str) -> str | None:
    position = NAMES.index(name)
    return NAMES[position - 1] if position > 0 else None
