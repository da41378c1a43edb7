"""The sheet as a PDF, rendered by WeasyPrint in processes of its own.

A page worker never loads WeasyPrint: a worker that rendered a two-language PDF itself
grew past 115 MB and was held for seconds, and six such downloads at once held every
worker. Instead:

- a broker (broker.py) holds a fixed number of slots (ASKFIRST_PDF_SLOTS) and one
  renderer process per slot (renderer.py), each of which loaded WeasyPrint, parsed the
  stylesheets and warmed its fonts once (engine.py);
- a worker connects to the broker's Unix socket, in a private directory (mode 0700), and
  asks for slots: one for a sheet in one language, two for a sheet in two. If they are
  taken it hears so at once (Busy: the view answers 503 with Retry-After; nothing waits
  in a queue), so PDFs never hold more workers than there are slots. Otherwise the
  broker passes the connection to an idle renderer; the worker sends the HTML on it and
  reads back the PDF. The slots are the broker's, so the limit holds across processes.

It is started once per deployment: in gunicorn's master before the workers fork
(gunicorn.conf.py), so that every worker shares it; elsewhere (`flask run`, the tests)
on the first PDF asked for in a process. The broker ends its renderers and removes its
socket when it is stopped or the process that started it is gone. WeasyPrint needs
Pango; without it the renderers say so and the PDF route answers 503: the page still
prints from the browser.
"""

import atexit
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from ..config import ROOT
from .protocol import BUSY, GO, MAGIC, MAX_PDF, RENDERED, REPLY, REQUEST, STATUS, UNAVAILABLE, recv_exactly, send_blob

RETRY_AFTER_SECONDS = 5  # a two-language PDF takes about a second
# How long a worker waits, in all, for a renderer to say GO (a moment, unless the
# renderers are still starting) and for the PDF: inside gunicorn's timeout (30 s by
# default), so that a stuck renderer costs a 503, not a killed worker.
WAIT_SECONDS = 25.0
BACKLOG = 64
MAX_FOLDER = 90  # Unix socket paths may be 104 to 108 bytes long, depending on the system


class Busy(Exception):
    """Every slot is taken: try again in a few seconds."""


class Unavailable(Exception):
    """No renderer answered: the broker is not running, a renderer ended mid-way, or
    WeasyPrint cannot load here."""


class RenderFailed(RuntimeError):
    """WeasyPrint failed on this document (the renderer logged where)."""


_weasyprint_missing = False  # set once a renderer has said WeasyPrint cannot load here


def available() -> bool:
    """False once the renderers have said that WeasyPrint cannot load on this machine."""
    return not _weasyprint_missing


class Renderer:
    """A renderer that said GO, on the worker's own connection to it."""

    def __init__(self, connection: socket.socket, deadline: float):
        self.connection, self.deadline = connection, deadline

    def render(self, html: str) -> bytes:
        try:
            self.connection.settimeout(max(0.1, self.deadline - time.monotonic()))
            send_blob(self.connection, html.encode("utf-8"))
            status, size = REPLY.unpack(recv_exactly(self.connection, REPLY.size))
            if size > MAX_PDF:
                raise ValueError(f"a PDF of {size} bytes")
            document = recv_exactly(self.connection, size)
        except (OSError, EOFError, ValueError) as error:
            raise Unavailable("the PDF renderer did not answer") from error
        if status != RENDERED:
            raise RenderFailed("the PDF renderer could not render this sheet")
        return document


class Service:
    """The broker and its renderers for one number of slots and one static folder."""

    def __init__(self, slots: int, static_folder: str):
        self.slots, self.static_folder = slots, static_folder
        self.path: str | None = None  # the broker's socket, once started
        self.folder: str | None = None
        self.process: subprocess.Popen | None = None
        self.owner = 0  # the process that started the broker: only it stops it
        self._lock = threading.Lock()

    def start(self) -> None:
        """Start the broker, unless this process (or the one it was forked from) did."""
        with self._lock:
            if self.path is not None:
                return
            folder = tempfile.mkdtemp(prefix="askfirst-pdf-")  # mode 0700: this user only
            if len(folder) > MAX_FOLDER:  # a long TMPDIR: a socket's path has a short limit
                os.rmdir(folder)
                folder = tempfile.mkdtemp(prefix="askfirst-pdf-", dir="/tmp")
            path = os.path.join(folder, "broker.sock")
            # Bound here, so that a worker can connect (and wait in the backlog) at once.
            listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                listener.bind(path)
                listener.listen(BACKLOG)
                self.process = subprocess.Popen(
                    [sys.executable, "-m", "askfirst.pdf.broker", "--listen-fd", str(listener.fileno()),
                     "--socket", path, "--slots", str(self.slots), "--static", self.static_folder,
                     "--parent", str(os.getpid())],
                    pass_fds=[listener.fileno()], cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
            except BaseException:
                shutil.rmtree(folder, ignore_errors=True)
                raise
            finally:
                listener.close()  # the broker has its own copy; workers forked later get none
            self.path, self.folder, self.owner = path, folder, os.getpid()
        atexit.register(self.stop)

    def stop(self) -> None:
        """Stop the broker, which ends its renderers; only in the process that started it."""
        with self._lock:
            if self.owner != os.getpid() or self.process is None:
                return
            process, folder = self.process, self.folder
            self.process = self.path = self.folder = None
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(folder, ignore_errors=True)  # the broker removes it; in case it could not

    @contextmanager
    def slot(self, weight: int):
        """Hold `weight` slots and a renderer while the block runs: `with service.slot(1)
        as renderer: renderer.render(html)`. Busy at once if they are taken."""
        global _weasyprint_missing
        try:
            self.start()
        except OSError as error:
            raise Unavailable("the PDF renderers cannot start") from error
        deadline = time.monotonic() + WAIT_SECONDS
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
            try:
                connection.settimeout(WAIT_SECONDS)
                connection.connect(self.path)
                connection.sendall(REQUEST.pack(MAGIC, weight))
                answer = connection.recv(1)
            except OSError as error:
                raise Unavailable("the PDF broker did not answer") from error
            if answer == BUSY:
                raise Busy()
            if answer == UNAVAILABLE:
                _weasyprint_missing = True
            if answer != GO:
                raise Unavailable("no PDF renderer took the sheet")
            yield Renderer(connection, deadline)

    def status(self) -> dict:
        """The broker's state: slots, free slots, and each renderer's pid, readiness and job."""
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
            connection.settimeout(2.0)
            connection.connect(self.path)
            connection.sendall(REQUEST.pack(MAGIC, STATUS))
            reply = b"".join(iter(lambda: connection.recv(65536), b""))
        return json.loads(reply)


def renderers_reachable(app) -> bool:
    """For /healthz: whether the broker that this process uses still answers. One not
    started yet (it starts on the first PDF) counts as reachable."""
    service = app.extensions["askfirst_pdf"]
    if service.path is None:
        return True
    try:
        service.status()
    except (OSError, ValueError):  # gone, or an answer cut short
        return False
    return True


# One service per configuration in a process: the apps that tests make share it.
_services: dict[tuple[int, str], Service] = {}


def init_app(app) -> Service:
    slots = app.config["PDF_SLOTS"]
    if slots < 1:
        raise ValueError(f"ASKFIRST_PDF_SLOTS must be at least 1, not {slots}")
    key = (slots, str(Path(app.static_folder).resolve()))
    service = app.extensions["askfirst_pdf"] = _services.setdefault(key, Service(*key))
    return service


def service(app) -> Service:
    return app.extensions["askfirst_pdf"]


def start_services() -> None:
    """In gunicorn's master, before the workers fork: they then share these slots."""
    for each in _services.values():
        each.start()


def stop_services() -> None:
    for each in _services.values():
        each.stop()
