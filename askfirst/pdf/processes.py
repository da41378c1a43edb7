"""Which processes render PDFs, and their memory: for `make bench` and the tests.

Under gunicorn the PDF broker is a child of the master, beside the workers, and the
renderers are the broker's children:

    from askfirst.pdf.processes import broker_pids, renderer_pids, peak_rss_mb
    for pid in renderer_pids(master_pid):
        print(pid, peak_rss_mb(pid))

Linux only (it reads /proc). Reads nothing but process ids, names and memory figures.
"""

import re
from pathlib import Path

PROC = Path("/proc")
BROKER = "askfirst.pdf.broker"


def children(pid: int) -> list[int]:
    found = []
    for stat in PROC.glob("[0-9]*/stat"):
        try:
            # "pid (name) state ppid ...": the name may hold spaces and brackets.
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue  # it ended meanwhile
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return sorted(found)


def command_line(pid: int) -> list[str]:
    try:
        return (PROC / str(pid) / "cmdline").read_bytes().decode(errors="replace").split("\0")
    except OSError:
        return []


def broker_pids(parent: int) -> list[int]:
    """The PDF brokers started by this process (gunicorn's master: one)."""
    return [pid for pid in children(parent) if BROKER in command_line(pid)]


def worker_pids(master: int) -> list[int]:
    """gunicorn's workers: the master's children other than the PDF broker."""
    brokers = broker_pids(master)
    return [pid for pid in children(master) if pid not in brokers]


def renderer_pids(parent: int) -> list[int]:
    """The PDF renderers of the brokers this process started."""
    return [pid for broker in broker_pids(parent) for pid in children(broker)]


def peak_rss_mb(pid: int) -> float:
    """Peak resident memory (VmHWM), counting pages shared with other processes in full."""
    status = (PROC / str(pid) / "status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024
