"""gunicorn settings for serving AskFirst as a deployment would (`make serve`).

Every value comes from the environment, with defaults for one small machine.
"""

import logging
import multiprocessing
import os
import sys
from pathlib import Path

# gunicorn reads this file before it puts the project on the import path.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from askfirst import pdf  # noqa: E402
from askfirst.privacy import GunicornErrorsWithoutAnswers  # noqa: E402

wsgi_app = "app:create_app()"
bind = os.environ.get("ASKFIRST_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("ASKFIRST_WORKERS", multiprocessing.cpu_count() * 2 + 1))
timeout = int(os.environ.get("ASKFIRST_TIMEOUT", 30))
graceful_timeout = int(os.environ.get("ASKFIRST_GRACEFUL_TIMEOUT", 20))
keepalive = int(os.environ.get("ASKFIRST_KEEPALIVE", 5))
# Load the app (and its content) once in the master; workers fork with it ready.
preload_app = True
# Bodies are tiny; refuse oversized request lines and headers early.
limit_request_line = 8190
limit_request_fields = 60

# The access log records what was asked for, never the answers: %(U)s is the path
# without its query string, and no client address is written.
accesslog = os.environ.get("ASKFIRST_ACCESS_LOG", "-")
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
errorlog = os.environ.get("ASKFIRST_ERROR_LOG", "-")
loglevel = os.environ.get("ASKFIRST_LOG_LEVEL", "info")
# What the app or a library prints to stderr goes to the error log too, not elsewhere.
capture_output = True
# The error log would write a malformed request line whole, answers and client address.
logging.getLogger("gunicorn.error").addFilter(GunicornErrorsWithoutAnswers())

# The control socket (for `gunicornc`): gunicorn's default is one path per user, so a
# second instance on the machine would take it over from the first. Here each instance
# gets its own, named after the address it listens on, unless ASKFIRST_CONTROL_SOCKET
# names one (or is `off`).
CONTROL_SOCKET = os.environ.get("ASKFIRST_CONTROL_SOCKET", "")
control_socket_disable = CONTROL_SOCKET == "off"


def own_control_socket(address) -> str:
    """`askfirst-127.0.0.1-8000.ctl` in the user's runtime folder (else ~/.gunicorn)."""
    if isinstance(address, tuple):
        name = f"{address[0]}-{address[1]}"
    else:  # a Unix socket's path, or a file descriptor's number
        name = Path(str(address)).name
    folder = os.environ.get("XDG_RUNTIME_DIR") or os.path.expanduser("~/.gunicorn")
    return os.path.join(folder, f"askfirst-{name}.ctl")


def on_starting(server):
    # Here, not above: only now is the bind final, `--bind` on the command line included.
    if not control_socket_disable:
        server.cfg.set("control_socket", CONTROL_SOCKET or own_control_socket(server.cfg.address[0]))
    # The PDF renderers, before the workers fork, so that every worker shares their slots
    # (askfirst/pdf/). The app is loaded already (preload_app).
    pdf.start_services()


def on_exit(server):
    pdf.stop_services()
