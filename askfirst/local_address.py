"""Whether an address can be opened only on this computer or this local network.

A poster or a tablet's code printed from a copy without ASKFIRST_PUBLIC_BASE_URL points to
http://127.0.0.1:5000, which a patient's phone cannot open; one set to a private address
(192.168.x, a bare host name, a .local name) opens only on the clinic's own network. The
clinic page that prints such a code says so. Pure: no Flask.
"""

import ipaddress
from urllib.parse import urlsplit

THIS_COMPUTER = "computer"
THIS_NETWORK = "network"

# Names that never leave a machine or a local network (RFC 6761 localhost, RFC 6762
# .local for mDNS, RFC 8375 home.arpa).
COMPUTER_NAMES = ("localhost",)
NETWORK_SUFFIXES = (".local", ".home.arpa")


def reach(url: str) -> str | None:
    """THIS_COMPUTER, THIS_NETWORK, or None for an address the internet can reach (as far
    as its name tells: a public name is taken to be public)."""
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    if not host:
        return THIS_COMPUTER
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        if host in COMPUTER_NAMES or host.endswith(".localhost"):
            return THIS_COMPUTER
        if "." not in host or host.endswith(NETWORK_SUFFIXES):
            return THIS_NETWORK  # a bare host name is looked up on the local network only
        return None
    if address.is_loopback or address.is_unspecified:
        return THIS_COMPUTER
    if address.is_private or address.is_link_local:
        return THIS_NETWORK
    return None
