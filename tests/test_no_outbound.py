"""The site makes no outbound connections: every page and a whole check run while any
socket to an address other than loopback fails the test."""

import ipaddress
import socket

import pytest

from askfirst.content import PAGES
from conftest import LANGUAGES
from walk import walk


class OutboundConnection(AssertionError):
    pass


def _is_loopback(address) -> bool:
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, str) and host in ("localhost",):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a name other than localhost would need a DNS lookup: outbound


@pytest.fixture()
def no_network(monkeypatch):
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex
    attempts = []

    def guard(address):
        if not _is_loopback(address):
            attempts.append(address)
            raise OutboundConnection(f"outbound connection to {address!r}")

    def connect(self, address):
        guard(address)
        return real_connect(self, address)

    def connect_ex(self, address):
        guard(address)
        return real_connect_ex(self, address)

    def getaddrinfo(host, *args, **kwargs):
        guard((host,))
        return real_getaddrinfo(host, *args, **kwargs)

    real_getaddrinfo = socket.getaddrinfo
    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    yield attempts
    assert attempts == [], f"outbound connections attempted: {attempts}"


def test_the_guard_catches_an_outbound_connection(no_network):
    with pytest.raises(OutboundConnection):
        socket.create_connection(("192.0.2.1", 80), timeout=0.1)
    with pytest.raises(OutboundConnection):
        socket.getaddrinfo("example.org", 443)
    no_network.clear()  # those were this test's own, on purpose


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_and_a_whole_check_stay_on_this_machine(client, no_network, lang):
    for name in PAGES:
        assert client.get(f"/{lang}/" if name == "home" else f"/{lang}/{name}").status_code == 200
    sheet = walk(client, lang, {"country": ["de"], "exam": ["xray"], "channel": ["link"],
                                "setting": ["hospital"], "worry": ["breach"]})
    assert sheet.select(".question")
    assert client.get("/healthz").status_code == 200
