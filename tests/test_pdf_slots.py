"""PDFs are rendered in renderer processes with a fixed number of slots (ASKFIRST_PDF_SLOTS,
2 here), held by the broker and not by any worker: when they are taken, a PDF request is
refused at once; a sheet in two languages takes two; slots come back after a PDF, after a
worker that went away, after a renderer that died and after a render that failed. The
worker never loads WeasyPrint."""

import os
import signal
import socket
import sys
import time
from contextlib import contextmanager

import pytest

from askfirst import pdf
from askfirst.pdf.protocol import FAILED, GO, MAGIC, REPLY, REQUEST, recv_exactly, send_blob
from conftest import check_page
from servers import wait_for

SHEET = "country=us&exam=ct&channel=portal&setting=imaging_centre&worry=sharing"


@pytest.fixture()
def service(app):
    """The app's PDF service, started (it starts on the first PDF) with its slots free."""
    service = pdf.service(app)
    service.start()
    wait_for(lambda: idle(service.status()), seconds=60, what="the PDF renderers")
    return service


def idle(status) -> bool:
    return (status["free"] == status["slots"] and len(status["renderers"]) == status["slots"]
            and all(renderer["ready"] for renderer in status["renderers"]))


@contextmanager
def held(service, weight):
    """Hold slots as a worker does, and send nothing: the renderer waits for the HTML."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        connection.settimeout(30)
        connection.connect(service.path)
        connection.sendall(REQUEST.pack(MAGIC, weight))
        assert connection.recv(1) == GO
        yield connection


def timed_get(client, url):
    started = time.monotonic()
    response = client.get(url)
    return response, time.monotonic() - started


def test_while_the_slots_are_taken_a_pdf_is_refused_at_once_in_the_readers_language(client, service):
    with held(service, 2):
        response, seconds = timed_get(client, f"/es/sheet.pdf?{SHEET}")
    assert seconds < 1.0
    page = check_page(response, status=503, lang="es")
    assert response.headers["Retry-After"] == str(pdf.RETRY_AFTER_SECONDS)
    assert response.headers["Cache-Control"] == "no-store"
    assert page.one("h1").get_text().strip() != "This is not available right now"  # translated


def test_a_sheet_in_two_languages_takes_two_slots(client, service):
    with held(service, 1):
        assert client.get(f"/en/sheet.pdf?{SHEET}&also=ar").status_code == 503
        assert client.get(f"/en/sheet.pdf?{SHEET}").status_code == 200
        assert service.status()["free"] == 1


def test_slots_come_back_after_each_pdf(client, service):
    for also in ["zh-hans", "ar", "es"]:  # each needs both slots: the one before gave them back
        response = client.get(f"/en/sheet.pdf?{SHEET}&also={also}")
        assert response.status_code == 200 and response.data.startswith(b"%PDF")
    assert idle(service.status())


def test_slots_come_back_after_a_worker_that_went_away(client, service):
    with held(service, 2):
        assert service.status()["free"] == 0
    wait_for(lambda: idle(service.status()), seconds=10, what="the slots back")
    assert client.get(f"/en/sheet.pdf?{SHEET}&also=ar").status_code == 200


def test_slots_come_back_after_a_renderer_died_mid_way(client, service):
    with held(service, 2) as connection:
        busy = [r["pid"] for r in service.status()["renderers"] if r["job"]]
        assert len(busy) == 1
        os.kill(busy[0], signal.SIGKILL)
        assert connection.recv(1) == b""  # the worker hears that its renderer ended
    wait_for(lambda: idle(service.status()), seconds=60, what="a new renderer")
    assert busy[0] not in [r["pid"] for r in service.status()["renderers"]]
    assert client.get(f"/en/sheet.pdf?{SHEET}&also=ar").status_code == 200


def test_slots_come_back_after_a_render_that_failed(client, service):
    nested = "<div>" * 400 + "too deep for WeasyPrint" + "</div>" * 400
    with held(service, 2) as connection:
        send_blob(connection, nested.encode())
        assert REPLY.unpack(recv_exactly(connection, REPLY.size)) == (FAILED, 0)
    assert idle(service.status())
    assert client.get(f"/en/sheet.pdf?{SHEET}&also=ar").status_code == 200


def test_the_worker_never_loads_weasyprint(client, service):
    assert client.get(f"/vi/sheet.pdf?{SHEET}&also=zh-hans").status_code == 200
    assert not [name for name in sys.modules if name.split(".")[0] == "weasyprint"]


def test_the_socket_is_alone_in_a_private_directory(service):
    folder = os.path.dirname(service.path)
    assert os.stat(folder).st_mode & 0o777 == 0o700
    assert os.listdir(folder) == ["broker.sock"]


def test_the_health_check_says_so_when_the_pdf_broker_is_gone(app_with):
    """A service of its own (three slots), so that no other test loses its broker."""
    app = app_with(PDF_SLOTS=3)
    service = pdf.service(app)
    client = app.test_client()
    assert client.get("/healthz").get_data(as_text=True) == "ok\n"  # not started yet: fine
    service.start()
    wait_for(lambda: idle(service.status()), seconds=60, what="the PDF renderers")
    assert client.get("/healthz").get_data(as_text=True) == "ok\n"
    service.process.kill()
    service.process.wait(10)
    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.get_data(as_text=True) == "degraded: PDF renderers unreachable\n"
    assert client.get(f"/en/sheet.pdf?{SHEET}").status_code == 503
    service.stop()
