"""The PDF renderers end with the process that started them, even one killed outright
(so with no chance to stop them), and leave nothing behind."""

import json
import os
import signal
import subprocess
import sys
import time

from askfirst.pdf.processes import command_line, renderer_pids
from servers import ROOT, wait_for

STARTER = """
import json, sys, time
from askfirst.pdf import Service
service = Service(2, "static")
service.start()
print(json.dumps({"broker": service.process.pid, "folder": service.folder}), flush=True)
time.sleep(120)
"""


def test_the_renderers_end_with_a_parent_killed_outright():
    parent = subprocess.Popen([sys.executable, "-c", STARTER], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        started = json.loads(parent.stdout.readline())
        wait_for(lambda: len(renderer_pids(parent.pid)) == 2, what="two renderers")
        processes = [started["broker"], *renderer_pids(parent.pid)]
        parent.send_signal(signal.SIGKILL)
        parent.wait(5)
        killed = time.monotonic()
        wait_for(lambda: not any(command_line(pid) for pid in processes), seconds=10, what="the renderers' end")
        assert time.monotonic() - killed < 3
        assert not os.path.exists(started["folder"])
    finally:
        parent.kill()
        parent.wait(5)
