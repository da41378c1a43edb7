"""The guided check as data: its steps in order, each asking one answer field.

Views, templates, the review, the partners form and the tests' walker all follow this
list; adding, removing or reordering a step is an edit here (and its field and labels),
not a new view or template. The last step is the review, which asks nothing and shows
every answer.

A step whose field is asked only for some countries (a province, a Land: see
places.yaml `subdivisions`) appears only when the answers name such a country: every
other country's check stays as short as it was, and "Step N of M" counts the steps that
apply to these answers.
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

    def applies(self, answers) -> bool:
        """Whether the check asks this step, given the answers so far."""
        only_for = self.field.only_for
        return not only_for or bool(set(answers.get("country", ())) & set(only_for))


STEPS = (
    # First, so that every later step, the sheet and the letter speak of the right person.
    Step(FIELD_BY_NAME["person"], RADIOS,
         _l("Who is the scan for?"),
         _l("If you are asking for someone else, the sheet and the letter will say so."),
         _l("Choose who the scan is for, or choose “I'm not sure”.")),
    Step(FIELD_BY_NAME["country"], SELECT,
         _l("In which country is the clinic?"),
         _l("The rights depend on the country where the clinic is."),
         _l("Choose the country where you will have your scan, or choose “I'm not sure”."),
         prompt=_l("Choose a country")),
    # Asked only for the United States: a State may give a shorter deadline (facts.md §8.10).
    Step(FIELD_BY_NAME["state"], SELECT,
         _l("In which US state is the clinic?"),
         _l("Some states give patients more than federal law does."),
         _l("Choose the US state, or choose “I'm not sure”."),
         prompt=_l("Choose a US state")),
    # Asked only for Canada: the province decides the law and the body (facts.md §7.7).
    Step(FIELD_BY_NAME["province"], SELECT,
         _l("In which province or territory is the clinic?"),
         _l("In Canada, each province has its own health privacy law."),
         _l("Choose the province or territory, or choose “I'm not sure”."),
         prompt=_l("Choose a province or territory")),
    # Asked only for Germany: the Land and who runs the clinic decide who supervises it.
    Step(FIELD_BY_NAME["land"], SELECT,
         _l("In which German state (Land) is the clinic?"),
         _l("Each state has its own data protection authority."),
         _l("Choose the state, or choose “I'm not sure”."),
         prompt=_l("Choose a state")),
    Step(FIELD_BY_NAME["operator"], RADIOS,
         _l("Who runs the clinic?"),
         _l("This decides which authority watches over the clinic. If you do not know, the clinic can tell you."),
         _l("Choose who runs the clinic, or choose “I'm not sure”.")),
    Step(FIELD_BY_NAME["exam"], RADIOS,
         _l("What kind of scan is it?"),
         _l("It is on the appointment letter or text."),
         _l("Choose the kind of scan, or choose “I'm not sure”.")),
    Step(FIELD_BY_NAME["channel"], CHECKBOXES,
         _l("How will you get or share the images?"),
         _l("Choose all that apply."),
         _l("Choose at least one way, or choose “I don't know yet”.")),
    Step(FIELD_BY_NAME["setting"], RADIOS,
         _l("Where will the scan be done?"),
         _l("If a mobile service does the scan, the sheet adds questions about it."),
         _l("Choose where the scan will be done, or choose “I'm not sure”.")),
    Step(FIELD_BY_NAME["worry"], CHECKBOXES,
         _l("What worries you most?"),
         _l("Choose all that apply. We will put those questions first."),
         _l("Choose at least one worry, or choose “I'm not sure”.")),
)
STEP_BY_NAME = {step.name: step for step in STEPS}
NAMES = (*(step.name for step in STEPS), REVIEW)


def names(answers) -> tuple[str, ...]:
    """The steps these answers go through, and the review, in order."""
    return (*(step.name for step in STEPS if step.applies(answers)), REVIEW)


def number(name: str, answers, asked: tuple[str, ...] | None = None) -> int:
    """1-based position among the steps that apply, for "Step N of M"; `asked`, their
    names(answers) where the caller has them already (each pass asks every step)."""
    asked = asked or names(answers)
    return asked.index(name) + 1 if name in asked else 1


def total(answers, asked: tuple[str, ...] | None = None) -> int:
    return len(asked or names(answers))


def following(name: str, answers) -> str | None:
    """The next step that applies after `name` (a step that does not apply now, such as a
    province after the country changed, is skipped)."""
    position = NAMES.index(name)
    asked = names(answers)
    return next((later for later in NAMES[position + 1:] if later in asked), None)


def preceding(name: str, answers, asked: tuple[str, ...] | None = None) -> str | None:
    position = NAMES.index(name)
    asked = asked or names(answers)
    return next((earlier for earlier in reversed(NAMES[:position]) if earlier in asked), None)


def first_unanswered(answers, after: str) -> str | None:
    """After a change from the review: a step that the change made necessary and that has
    no answer yet (a province, once the country became Canada), else None (back to the
    review). Other unanswered steps stay unanswered, as the patient left them."""
    position = NAMES.index(after)
    return next((step.name for step in STEPS
                 if step.field.only_for and step.applies(answers) and NAMES.index(step.name) > position
                 and not answers.get(step.name)), None)
