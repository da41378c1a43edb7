"""How answers travel from one page to the next: hidden fields, and the link (or, where
the mode posts answers, the button) that carries them. Python rather than template
macros, so that a page rendered ahead with slots (shells.py) can fill them per request
without Jinja; macros.html's `hidden_answers` and `go` call these, so there is one source.
"""

import re
from urllib.parse import urlencode

from flask import url_for
from markupsafe import Markup, escape

from . import mode

BUTTON = Markup('\n<form method="post" action="{}" class="go">{}\n  <input type="hidden" name="show" value="1">\n'
                '  <button type="submit" class="link-button{}">{}</button>\n</form>')
SHOW = Markup('\n<input type="hidden" name="show" value="1">')
# What url_for leaves unencoded in a query (werkzeug follows the URL standard).
QUERY_SAFE = "!$'()*,/:;?@"
# Characters that urlencode (quote_plus) writes as they are, whatever `safe` says.
UNCHANGED = re.compile(r"[A-Za-z0-9_.~-]*")


def query_string(query: dict) -> str:
    """A query as url_for writes it, without the "?": for a shell's links, which put the
    answers after an address rendered ahead. One url_for costs as much as a step's fill.

    Answers are the check's own codes (`us`, `portal`, a date): when every name and value
    is made of characters urlencode leaves as they are, they are joined as they are
    (profiled: urlencode's quoting, a call per name and value, was 6% of a step)."""
    pairs = [(name, value) for name, values in query.items() for value in values]
    if UNCHANGED.fullmatch("".join(part for pair in pairs for part in pair)):
        return "&".join(f"{name}={value}" for name, value in pairs)
    return urlencode(pairs, safe=QUERY_SAFE)


def joined(*queries: str) -> str:
    """Encoded queries one after another, as url_for would write them together."""
    return "&".join(query for query in queries if query)


# Below, f-strings of escaped values rather than Markup.format: profiling showed its
# string.Formatter costing several µs a field, more than the rest of a step's links.
def hidden_fields(query: dict) -> Markup:
    """One hidden field per value: `{"channel": ["portal", "disc"]}` is two."""
    return Markup("".join(f'\n<input type="hidden" name="{escape(name)}" value="{escape(value)}">'
                          for name, values in query.items() for value in values))


def posted_fields(query: dict) -> Markup:
    """What a form posts to show a page with these answers (not to check them): the
    language switcher of a posted page (layout.html)."""
    return hidden_fields(query) + SHOW


def go(endpoint: str, answers: dict, values: dict, css_class: str, words) -> Markup:
    """A way to another page that carries the answers: a link, or where the mode posts
    answers (kiosk), a button that posts them, so that no URL holds one. Without answers
    it is always a plain link."""
    if mode.current().posts_answers and answers:
        return BUTTON.format(url_for(endpoint, **values), hidden_fields(answers),
                             Markup(" ") + css_class if css_class else "", words)
    return link(url_for(endpoint, **values), answers, css_class, words)


def with_answers(address: str, answers: dict, encoded: str | None = None) -> str:
    """`address` with the answers' query after its own, as url_for would add them;
    `encoded`, that query already encoded by query_string."""
    query = query_string(answers) if encoded is None else encoded
    return f"{address}{'&' if '?' in address else '?'}{query}" if query else address


def link(address: str, answers: dict, css_class: str, words) -> Markup:
    """A link to `address` that carries the answers."""
    css = f' class="{escape(css_class)}"' if css_class else ""
    return Markup(f'\n<a{css} href="{escape(with_answers(address, answers))}">{escape(words)}</a>')
