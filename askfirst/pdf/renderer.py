"""One PDF renderer: WeasyPrint loaded and warmed once, then one document at a time.

`python -m askfirst.pdf.renderer`, started by the broker with one end of a socket pair.
Through it the broker passes a worker's connection; the renderer says GO, reads the HTML,
renders it (engine.py) and sends the PDF back on that connection, then tells the broker
it is free. The HTML holds the patient's answers: it is never logged or written anywhere,
and nothing of it is kept once its PDF is sent. A renderer ends when the broker does, and
after MAX_DOCUMENTS documents, so that none grows for ever (the broker starts a fresh one).
It runs at a lower priority than the page workers, so that pages keep their speed while
PDFs are rendered on the same cores.
"""

import argparse
import contextlib
import ctypes
import logging
import os
import resource
import signal
import socket
import sys
import traceback
from pathlib import Path

from ..privacy import GunicornErrorsWithoutAnswers
from .protocol import DONE, EXIT_UNAVAILABLE, FAILED, GO, MAX_HTML, READY, RENDERED, REPLY, recv_blob

log = logging.getLogger("askfirst.pdf")
MAX_DOCUMENTS = 500
NICENESS = 10
READ_SECONDS = 10.0  # for the worker to send the HTML after GO, and to take the PDF


def render_one(connection: socket.socket, engine) -> bytes | None:
    """Say GO, read the HTML and render it: the reply to send, or None if there is no one
    to send it to. Whatever goes wrong, the renderer goes on."""
    connection.settimeout(READ_SECONDS)
    try:
        connection.sendall(GO)
        html = recv_blob(connection, MAX_HTML).decode("utf-8")
    except (OSError, EOFError, ValueError):
        return None  # the worker went away, was too slow or sent nonsense
    try:
        document, status = engine.render(html), RENDERED
    except Exception as error:  # a document WeasyPrint cannot lay out, or a bug
        # Where, not what: the message may quote the document.
        frame = traceback.extract_tb(error.__traceback__)[-1]
        log.error("A PDF could not be rendered: %s at %s:%s", type(error).__name__,
                  Path(frame.filename).name, frame.lineno)
        document, status = b"", FAILED
    return REPLY.pack(status, len(document)) + document


def _end_with_the_broker() -> None:
    """On Linux, be sent SIGTERM the moment the broker ends, even in the middle of a
    document; elsewhere the broker's closed socket says so between documents."""
    try:
        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _quiet_logs() -> None:
    """Our own lines and WeasyPrint's errors go to stderr (the server's error log), each
    without query strings. WeasyPrint's warnings are about the stylesheet, every time."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("[askfirst.pdf] %(message)s"))
    handler.addFilter(GunicornErrorsWithoutAnswers())
    logging.basicConfig(level=logging.INFO, handlers=[handler])
    for name in ("weasyprint", "weasyprint.progress", "fontTools"):
        logging.getLogger(name).setLevel(logging.ERROR)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--control-fd", type=int, required=True)
    parser.add_argument("--static", required=True)
    args = parser.parse_args()
    _end_with_the_broker()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the group: the broker ends us
    # A crash must not leave a core file on disk: it would hold the document.
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    _quiet_logs()
    control = socket.socket(fileno=args.control_fd)
    try:
        from .engine import Engine
        engine = Engine(args.static)
    except OSError as error:  # Pango or its fonts missing
        log.warning("PDF download is off: WeasyPrint cannot load (%s)", error)
        sys.exit(EXIT_UNAVAILABLE)
    engine.warm_up()
    os.nice(NICENESS)  # after the warm-up, which nothing else waits for at start-up
    try:
        control.sendall(READY)
        for count in range(1, MAX_DOCUMENTS + 1):
            _, fds, _, _ = socket.recv_fds(control, 1, 1)
            if not fds:
                return  # the broker is gone
            with socket.socket(fileno=fds[0]) as connection:
                reply = render_one(connection, engine)
                # Free before the PDF leaves: a worker that got it and asks again at once
                # finds the slots free (the broker may pass it here; it waits a moment).
                # After the last document, ending frees them.
                if count < MAX_DOCUMENTS:
                    control.sendall(DONE)
                if reply is not None:
                    with contextlib.suppress(OSError):  # the worker gave up waiting
                        connection.sendall(reply)
    except OSError:
        return  # the broker is gone


if __name__ == "__main__":
    main()
