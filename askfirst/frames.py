"""The page frame: the site's layout (templates/layout.html) around a page's own title
and content, rendered ahead once per language and mode, with slots for what a request
decides.

Profiling showed the layout alone cost about 200 µs a page, more than most pages' own
content: the language switcher (nine links built and escaped), url_for, gettext and the
footer. Almost all of it is the same for everyone in a language and mode. What is not
becomes a slot:

- `title`, `main` and `description`: the page's own blocks, rendered per request as
  before (a step's and a sheet's shell fill `description` when it is rendered ahead);
- `robots`: whether search engines may index the page (indexing.py): the same page is
  public without a query string and not with one;
- `rest`: where the language links point, after `/<lang>/` (this page, with the answers
  it shows, except where answers are posted), the same for every language; the page's
  language versions in <head> (`<link rel="alternate" hreflang>`) point there too;
- `review`: the "not reviewed yet" notice with its link to this page in English, or
  nothing, by what the page shows (review_notice.py);
- `carried`: on a page whose answers were posted (kiosk), the hidden fields that the
  language buttons post, so that changing language keeps the answers (frame "posted").

Frames are kept by prerendered.py like any other part (kind "frame"): nothing in one
comes from a request, and what a request fills in is never kept. With PRERENDER off a
frame is rendered from layout.html on each request, so an edit shows at once.

Slots are marked and filled as shells.py says.
"""

from flask import current_app, request
from markupsafe import Markup

from . import carry, i18n, indexing, review_notice
from . import mode as modes
from .shells import fill, slot

# The layout differs on the home page (kiosk: no reset), and on a page whose answers were
# posted (kiosk: the language switcher posts them).
HOME, PAGE, POSTED = "home", "page", "posted"
NAMES = (HOME, PAGE, POSTED)


def rendering_values(name: str) -> dict:
    """What templates/parts/frame.html is rendered with: slots instead of the values
    that depend on the request."""
    return {"slot": slot, "language_links": lambda query: i18n.links_to(slot("rest")),
            "robots_meta": lambda: slot("robots"), "review_note": lambda query: slot("review"),
            "answers_posted": name == POSTED, "posted_fields": lambda query: slot("carried")}


NO_DESCRIPTION = Markup("")  # a shell's description was filled when it was rendered ahead


def fillers(title: Markup, main: Markup, answers_query: dict, description: Markup = NO_DESCRIPTION,
            encoded: str | None = None) -> dict:
    """What fills a frame's slots in this request; `encoded`, the language links' query
    already encoded (carry.query_string), where the page made it for its own links."""
    # Where answers are posted (kiosk), no link carries one, not even to another
    # language: the same rule as the layout's.
    posted = modes.current().posts_answers
    query = {} if posted else answers_query
    return {"title": lambda: title, "main": lambda: main, "description": lambda: description,
            "robots": indexing.robots_meta, "rest": lambda: i18n.link_rest(query, None if posted else encoded),
            "review": lambda: review_notice.note(answers_query),
            "carried": lambda: carry.posted_fields(answers_query)}


def name_of_request() -> str:
    if request.endpoint == "pages.home":
        return HOME
    return POSTED if modes.answers_posted() else PAGE


def frame_of_request(name: str | None = None) -> Markup:
    """The frame of this request's page (or the one named), in its language and mode."""
    return current_app.extensions["askfirst_prerendered"].get("frame", name or name_of_request(), i18n.current())


def page(title: Markup, main: Markup, answers_query: dict, description: Markup) -> Markup:
    """base.html's one line: the frame of this request's page, filled."""
    return fill(frame_of_request(), fillers(title, main, answers_query, description))
