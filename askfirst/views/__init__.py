"""The site's views, one module per job: pages, the check, the sheet and its PDF, the
letters for after the appointment, tools for clinics and partners, errors, and routes for
machines. What they share is here."""

from flask import current_app

from .. import mode
from ..content import Library
from ..prerendered import Parts, Prerendered


def library() -> Library:
    return current_app.extensions["askfirst_library"]


def store() -> Prerendered:
    return current_app.extensions["askfirst_prerendered"]


def parts() -> Parts:
    """What is the same for everyone, in this request's mode (see prerendered.py)."""
    return Parts(store(), mode.current())
