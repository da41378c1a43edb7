"""The short phrases a letter is built from: what is asked for, how to send it, and the
sentences about dates. gettext strings, resolved in the letter's language (which may be the
clinic's, not the page's): see views/letters.py."""

from .i18n import lazy_gettext as _l

# The choices as the next-steps page offers them (in the page's language).
WANT_CHOICE = {
    "dicom": _l("The image files (DICOM), to open them or share them with another doctor"),
    "viewer": _l("A viewer program with the images"),
    "report": _l("The written report"),
    "recipients": _l("Who received my information, as the law allows"),
}
WAY_CHOICE = {
    "portal": _l("Patient portal"),
    "link": _l("A download link"),
    "disc": _l("CD or DVD"),
    "usb": _l("USB drive"),
    "email": _l("E-mail"),
    "post": _l("Post"),
}
# The same things inside a letter (in the letter's language).
WANT = {
    "dicom": _l("the full image files, in DICOM format"),
    "viewer": _l("a viewer program with the images, so that they can be opened on any computer"),
    "report": _l("the written report on the images"),
}
WAY = {
    "portal": _l("in the patient portal"),
    "link": _l("as a download link"),
    "disc": _l("on a CD or DVD"),
    "usb": _l("on a USB drive"),
    "email": _l("by e-mail"),
    "post": _l("by post, to my address above"),
}
# Translators: what separates the ways in SEND_IT, as your language writes a list of phrases
# (Arabic "؛ ", Chinese "；", French " ; " with a no-break space). Keep the spaces it needs.
BETWEEN_WAYS = _l("; ")
# Translators: followed by a list of ways, e.g. "Please send it to me: on a CD or DVD; by post".
SEND_IT = _l("Please send it to me: %(ways)s.")
# Translators: in a letter, when the patient did not say which scan.
SCAN_UNKNOWN = _l("[kind of scan]")
# Translators: in a follow-up or complaint letter; %(law)s is a law's name, e.g. "GDPR".
DUE = _l("Under %(law)s, the answer was due by %(date)s.")
EXTENDED = _l("If more time was needed, I should have been told so, with the reasons, within that time; "
              "even then, the answer was due by %(date)s at the latest.")
NO_DEADLINE = _l("I have had no answer, and no word on when I will get one.")
# Translators: a sentence of its own in a letter; %(law)s is a law's name.
UNDER_LAW = _l("The law that applies: %(law)s.")
# Translators: in a follow-up letter, where AskFirst does not know the body to complain to.
BODY_UNKNOWN = _l("the authority that oversees privacy where the clinic is")
