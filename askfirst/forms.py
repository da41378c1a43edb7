"""One WTForms form per step of the check, made from the step's data.

The form only validates the one field its step asks; the other answers ride along
as hidden fields and are cleaned by `answers.clean`. Every validator carries its own
translated message, so no WTForms default text ever reaches a patient.
"""

from functools import lru_cache

from wtforms import Form, SelectMultipleField, StringField
from wtforms.validators import InputRequired, ValidationError

from .flow import Step
from .i18n import lazy_gettext as _l

INVALID_CHOICE = _l("Choose one of the answers in the list.")


class OneOf:
    """Every value sent must be one of the field's values (one or several)."""

    def __init__(self, values, message):
        self.values = set(values)
        self.message = message

    def __call__(self, form, field):
        sent = field.data if isinstance(field.data, list) else [field.data]
        if not set(sent) <= self.values:
            raise ValidationError(self.message)


@lru_cache(maxsize=None)  # one class per step, made on first use: steps are fixed data
def form_class(step: Step) -> type[Form]:
    validators = [InputRequired(message=step.required), OneOf(step.field.values, INVALID_CHOICE)]
    if step.field.multiple:
        # Choices are checked by OneOf, with our message, not by WTForms' own.
        field = SelectMultipleField(validators=validators, validate_choice=False)
    else:
        field = StringField(validators=validators)
    return type(f"{step.name.title()}Form", (Form,), {step.name: field})
