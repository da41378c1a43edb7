"""The PDF slots, and the renderers that fill them: one broker per deployment.

`python -m askfirst.pdf.broker`, started by askfirst.pdf with its listening socket already
bound in a private directory. It never reads a document. It reads a worker's request
(how many slots) and either answers busy at once, or passes the connection itself to an
idle renderer, which the worker then talks to directly; the renderer says when it is
free again. It keeps one renderer per slot (a two-language sheet holds two slots but one
renderer), starts another when one ends (at once after its share of documents, after a
growing pause after a crash), ends one that renders for too long, and exits, ending its
renderers, when told to stop or when the process that started it is gone.
"""

import argparse
import contextlib
import json
import logging
import os
import selectors
import signal
import socket
import subprocess
import sys
import time

from ..config import ROOT
from .protocol import BUSY, DONE, EXIT_UNAVAILABLE, MAGIC, READY, REQUEST, STATUS, UNAVAILABLE

log = logging.getLogger("askfirst.pdf")
TICK = 0.5  # seconds between checks that the parent lives and nothing is overdue
REQUEST_SECONDS = 2.0  # for a worker to send its 5-byte request after connecting
MAX_WAITING = 64  # connections that have not said what they want yet
JOB_SECONDS = 60.0  # a renderer still busy after this is stuck: it is ended
MAX_PAUSE = 30.0  # the longest pause before restarting a renderer that keeps crashing
STABLE_SECONDS = 10.0  # a renderer that lived this long did not crash at start


class Renderer:
    """One renderer process, and the broker's end of the socket pair it listens on."""

    def __init__(self, static_folder: str):
        self.control, theirs = socket.socketpair()
        with theirs:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "askfirst.pdf.renderer", "--control-fd", str(theirs.fileno()),
                 "--static", static_folder], pass_fds=[theirs.fileno()], cwd=ROOT,
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        # Never waited on: a message it sends may already have been read (see _catch_up).
        self.control.setblocking(False)
        self.started = time.monotonic()
        self.ready = False
        self.job = 0  # slots held by the document it renders now
        self.job_started = 0.0


class Broker:
    def __init__(self, listener: socket.socket, slots: int, static_folder: str):
        self.listener, self.slots, self.static_folder = listener, slots, static_folder
        self.selector = selectors.DefaultSelector()
        self.renderers: dict[socket.socket, Renderer] = {}
        self.restarts: list[float] = []  # when to start the renderers that ended
        self.waiting: dict[socket.socket, tuple[bytearray, float]] = {}
        self.unavailable = False
        self.crashes = 0

    def run(self, parent: int) -> None:
        self.listener.setblocking(False)
        self.selector.register(self.listener, selectors.EVENT_READ, self._accept)
        for _ in range(self.slots):
            self._start_renderer()
        while os.getppid() == parent:
            for key, _ in self.selector.select(TICK):
                key.data(key.fileobj)
            now = time.monotonic()
            self._drop_slow_requests(now)
            self._end_stuck_renderers(now)
            while self.restarts and self.restarts[0] <= now:
                self.restarts.pop(0)
                self._start_renderer()

    def free(self) -> int:
        return self.slots - sum(renderer.job for renderer in self.renderers.values())

    def status(self) -> dict:
        return {"slots": self.slots, "free": self.free(), "unavailable": self.unavailable,
                "renderers": [{"pid": r.process.pid, "ready": r.ready, "job": r.job} for r in self.renderers.values()]}

    def _start_renderer(self) -> None:
        renderer = Renderer(self.static_folder)
        self.renderers[renderer.control] = renderer
        self.selector.register(renderer.control, selectors.EVENT_READ, self._from_renderer)

    def _accept(self, listener: socket.socket) -> None:
        try:
            connection, _ = listener.accept()
        except (BlockingIOError, InterruptedError):
            return
        if len(self.waiting) >= MAX_WAITING:
            connection.close()
            return
        connection.setblocking(False)
        self.waiting[connection] = (bytearray(), time.monotonic() + REQUEST_SECONDS)
        self.selector.register(connection, selectors.EVENT_READ, self._read_request)

    def _read_request(self, connection: socket.socket) -> None:
        received, _ = self.waiting[connection]
        try:
            chunk = connection.recv(REQUEST.size - len(received))
        except BlockingIOError:
            return
        except OSError:
            chunk = b""
        received += chunk
        if chunk and len(received) < REQUEST.size:
            return
        self._forget(connection)
        with connection:
            if len(received) == REQUEST.size:
                magic, weight = REQUEST.unpack(received)
                if magic == MAGIC:
                    connection.setblocking(True)
                    connection.settimeout(1.0)  # the answers are a few bytes: never a wait
                    self._answer(connection, weight)

    def _answer(self, connection: socket.socket, weight: int) -> None:
        try:
            if weight == STATUS:
                self._catch_up()
                connection.sendall(json.dumps(self.status()).encode())
            elif self.unavailable:
                connection.sendall(UNAVAILABLE)
            elif not self._dispatch(connection, min(weight, self.slots)):  # never more than there are
                connection.sendall(BUSY)
        except OSError:
            pass  # the worker gave up; nothing was taken

    def _dispatch(self, connection: socket.socket, weight: int) -> bool:
        """Hand the connection to an idle renderer, if the slots allow; it answers GO."""
        if self.free() < weight:
            self._catch_up()  # a renderer may have said DONE since the last look
        if self.free() < weight:
            return False
        for renderer in self.renderers.values():
            if renderer.job == 0:
                try:
                    socket.send_fds(renderer.control, [bytes([weight])], [connection.fileno()])
                except OSError:
                    continue  # it has just ended: its end of the socket says so next
                renderer.job, renderer.job_started = weight, time.monotonic()
                return True
        return False

    def _from_renderer(self, control: socket.socket) -> None:
        renderer = self.renderers.get(control)
        if renderer is None:
            return  # ended while the loop held its event (see _catch_up)
        try:
            messages = control.recv(64)
        except BlockingIOError:
            return  # already read
        except OSError:
            messages = b""
        if not messages:
            self._renderer_ended(renderer)
        for message in messages:  # one byte each; several may come at once
            if message == READY[0]:
                renderer.ready = True
            elif message == DONE[0]:
                renderer.job = 0

    def _catch_up(self) -> None:
        """Read what the renderers have said and the loop has not read yet."""
        for key, _ in self.selector.select(0):
            if key.data == self._from_renderer:
                self._from_renderer(key.fileobj)

    def _renderer_ended(self, renderer: Renderer) -> None:
        """Its slots are free again; another is started, unless WeasyPrint cannot load."""
        self.selector.unregister(renderer.control)
        renderer.control.close()
        del self.renderers[renderer.control]
        try:
            code = renderer.process.wait(5)
        except subprocess.TimeoutExpired:
            renderer.process.kill()
            code = renderer.process.wait()
        if code == EXIT_UNAVAILABLE:
            self.unavailable = True  # the renderer said why, once
            return
        pause = 0.0
        if code != 0:  # 0: it rendered its share of documents and made way for a fresh one
            lived = time.monotonic() - renderer.started
            self.crashes = 1 if lived >= STABLE_SECONDS else self.crashes + 1
            pause = min(MAX_PAUSE, 2.0 ** (self.crashes - 1) - 1)
            log.warning("A PDF renderer ended with status %s; another starts in %.0f s", code, pause)
        self.restarts.append(time.monotonic() + pause)
        self.restarts.sort()

    def _drop_slow_requests(self, now: float) -> None:
        for connection, (_, deadline) in list(self.waiting.items()):
            if now > deadline:
                self._forget(connection)
                connection.close()

    def _end_stuck_renderers(self, now: float) -> None:
        for renderer in self.renderers.values():
            if renderer.job and now - renderer.job_started > JOB_SECONDS:
                log.warning("A PDF renderer took over %.0f s on one document; ending it", JOB_SECONDS)
                renderer.process.kill()  # its socket then closes, and it is replaced
                renderer.job_started = now

    def _forget(self, connection: socket.socket) -> None:
        self.selector.unregister(connection)
        del self.waiting[connection]

    def stop(self) -> None:
        self.listener.close()
        for renderer in self.renderers.values():
            renderer.process.terminate()
        for renderer in self.renderers.values():
            try:
                renderer.process.wait(2)
            except subprocess.TimeoutExpired:
                renderer.process.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--listen-fd", type=int, required=True)
    parser.add_argument("--socket", required=True, help="the listening socket's path, removed on exit")
    parser.add_argument("--slots", type=int, required=True)
    parser.add_argument("--static", required=True)
    parser.add_argument("--parent", type=int, required=True, help="exit when this process is gone")
    args = parser.parse_args()
    logging.basicConfig(format="[askfirst.pdf] %(message)s", level=logging.INFO)
    # Told to stop (or Ctrl-C in a terminal, which reaches the whole process group).
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: sys.exit(0))
    broker = Broker(socket.socket(fileno=args.listen_fd), args.slots, args.static)
    try:
        broker.run(args.parent)
    finally:
        broker.stop()
        # The socket, then its private directory: nothing else was ever written there.
        with contextlib.suppress(OSError):
            os.unlink(args.socket)
        with contextlib.suppress(OSError):
            os.rmdir(os.path.dirname(args.socket))


if __name__ == "__main__":
    main()
