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
"""

from collections.abc import Callable, Mapping

from markupsafe import Markup, escape

MARK = "\x1e"


def slot(name: str) -> Markup:
    return Markup(f"{MARK}{name}{MARK}")


def fill(shell: Markup, fillers: Mapping[str, Callable], keep_others: bool = False) -> Markup:
    """The shell with each slot filled by `fillers[name]()` (or `fillers[kind](argument)`
    for `kind:argument`), each distinct slot computed once. With `keep_others`, slots
    without a filler stay as they are, for a later fill (a shell made from a frame)."""
    pieces = str(shell).split(MARK)
    filled: dict[str, Markup] = {}
    for position in range(1, len(pieces), 2):
        name = pieces[position]
        if name not in filled:
            kind, colon, argument = name.partition(":")
            if kind in fillers:
                filled[name] = escape(fillers[kind](argument) if colon else fillers[kind]())
            elif keep_others:
                filled[name] = slot(name)
            else:
                raise KeyError(f"no value for the slot {name!r}")
        pieces[position] = filled[name]
    return Markup("".join(pieces))
