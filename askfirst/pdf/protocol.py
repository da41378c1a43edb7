"""What page workers, the broker and the renderers say to each other, over local Unix
sockets (askfirst/pdf/__init__.py says who does what). Numbers are big-endian."""

import struct

# A worker's first words to the broker: the magic, then how many slots it asks for, or
# STATUS for the broker's state as JSON.
REQUEST = struct.Struct(">4sB")
MAGIC = b"AFP1"
STATUS = 0
# The one-byte answer to a request for slots: from the broker if there is nothing to do,
# else from the renderer that took the connection.
GO = b"G"  # send the HTML (a 4-byte length, then UTF-8)
BUSY = b"B"  # the slots are taken; nothing was kept
UNAVAILABLE = b"U"  # no renderer can run here (WeasyPrint cannot load)
# A renderer's answer to the HTML: a status and the PDF's length, then the PDF.
REPLY = struct.Struct(">BI")
RENDERED, FAILED = 0, 1
LENGTH = struct.Struct(">I")
MAX_HTML = 4 * 1024 * 1024  # a two-language sheet is about 25 KB
MAX_PDF = 64 * 1024 * 1024
# What a renderer tells the broker on its own socket: loaded and warm; free again.
READY = b"R"
DONE = b"D"
# A renderer's exit status when WeasyPrint cannot load: starting another would not help.
EXIT_UNAVAILABLE = 3


def recv_exactly(sock, size: int) -> bytes:
    buffer = bytearray(size)
    view, received = memoryview(buffer), 0
    while received < size:
        count = sock.recv_into(view[received:])
        if not count:
            raise EOFError("the other side closed the connection")
        received += count
    return bytes(buffer)


def send_blob(sock, data: bytes) -> None:
    sock.sendall(LENGTH.pack(len(data)))
    sock.sendall(data)


def recv_blob(sock, limit: int) -> bytes:
    (size,) = LENGTH.unpack(recv_exactly(sock, LENGTH.size))
    if size > limit:
        raise ValueError(f"{size} bytes is more than {limit}")
    return recv_exactly(sock, size)
