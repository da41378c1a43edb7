"""Shells: HTML rendered ahead with slots, filled per request by plain string joins.

A shell is what a template renders when every value that depends on the request is
replaced by a slot mark: the text between is the same for everyone and can be rendered
once at start-up (prerendered.py keeps shells like any other part). A request then puts
its own values into the slots, escaped exactly as Jinja would have escaped them, and
nothing it puts in is kept.

A slot is marked by its name between two U+001E characters (the ASCII record
separator), which no template or content text holds. A name may carry an argument after
a colon (`checked:us`): its filler is then called with it. Values go in after the shell
is split at the marks, so a value can never open a slot of its own.

What the store keeps (prerendered.py) is a shell already split: a `Split`, its text
pieces shared with every other shell that has the same text between the same slots.
Every page of a language carries the same layout, language links and footer; kept split,
those pieces are held once, not once per page (measured with sixteen languages: 33 MB of
kept parts became 19 MB), and a request no longer splits the shell again.
"""

from collections.abc import Callable, Mapping

from markupsafe import Markup, escape

MARK = "\x1e"


def slot(name: str) -> Markup:
    return Markup(f"{MARK}{name}{MARK}")


class Split(tuple):
    """A shell split at its marks: text, slot name, text, ..., text. Where it is used as
    HTML (a template, Markup()), it is the shell it was split from."""

    __slots__ = ()

    def __html__(self) -> str:
        return MARK.join(self)

    def __str__(self) -> str:
        return MARK.join(self)


def split(html: Markup, shared: dict[str, str]) -> Markup | Split:
    """`html` split at its slots, each piece of text the one `shared` already holds (and
    then holds); HTML without a slot as it is."""
    if MARK not in html:
        return html
    return Split(shared.setdefault(piece, piece) for piece in str(html).split(MARK))


def fill(shell: Markup | Split, fillers: Mapping[str, Callable], keep_others: bool = False) -> Markup:
    """The shell with each slot filled by `fillers[name]()` (or `fillers[kind](argument)`
    for `kind:argument`), each distinct slot computed once. With `keep_others`, slots
    without a filler stay as they are, for a later fill (a shell made from a frame)."""
    pieces = list(shell) if type(shell) is Split else str(shell).split(MARK)
    filled: dict[str, Markup] = {}
    for position in range(1, len(pieces), 2):
        name = pieces[position]
        if name not in filled:
            kind, colon, argument = name.partition(":")
            if kind in fillers:
                value = fillers[kind](argument) if colon else fillers[kind]()
                # Markup is escaped already; escape() would only copy it (profiled: the
                # country step's 45 choice marks made that a tenth of its fill).
                filled[name] = value if type(value) is Markup else escape(value)
            elif keep_others:
                filled[name] = slot(name)
            else:
                raise KeyError(f"no value for the slot {name!r}")
        pieces[position] = filled[name]
    return Markup("".join(pieces))
