"""Real servers for the tests that run AskFirst as it is deployed: Redis, gunicorn and
nginx, each started on a free local port and stopped by the test that started it.

Only loopback addresses are used. Every wait is bounded, so a server that does not come
up fails the test instead of hanging it.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"
REDIS_CONF = ROOT / "deploy" / "redis" / "askfirst.conf"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(check, seconds=20.0, what="server"):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise TimeoutError(f"{what} did not come up within {seconds} s")


def port_open(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def require(program: str, package: str) -> str:
    found = shutil.which(program)
    if found is None:
        pytest.fail(f"{program} is missing: `make test` installs it (Debian package {package})")
    return found


class Process:
    """One server process; stop() is safe to call twice."""

    process: subprocess.Popen | None = None

    def stop(self, timeout=10.0) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        self.process = None


class Redis(Process):
    """The shipped Redis settings (deploy/redis/askfirst.conf) on a port of its own.
    Restartable on the same port, so a test can stop it and bring it back."""

    def __init__(self):
        self.binary = require("redis-server", "redis-server")
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> "Redis":
        self.process = subprocess.Popen([self.binary, str(REDIS_CONF), "--port", str(self.port),
                                         "--daemonize", "no", "--logfile", ""],
                                        stdout=subprocess.DEVNULL)
        import redis
        wait_for(lambda: redis.Redis(port=self.port, socket_timeout=1).ping(), what="redis")
        return self


class Gunicorn(Process):
    """gunicorn with the real gunicorn.conf.py; `env` adds or overrides settings.
    Its logs and control socket are files in `folder`."""

    def __init__(self, folder: Path, env: dict, app: str | None = "tests.served_app:app", workers: int = 2):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.access_log = folder / "gunicorn-access.log"
        self.error_log = folder / "gunicorn-error.log"
        self.control_socket = folder / "gunicorn.ctl"
        self.app, self.workers = app, workers
        # The test's settings only: none from the shell that runs the tests.
        inherited = {name: value for name, value in os.environ.items() if not name.startswith("ASKFIRST_")}
        self.env = {**inherited, "ASKFIRST_BIND": f"127.0.0.1:{self.port}",
                    "ASKFIRST_WORKERS": str(workers), "ASKFIRST_ACCESS_LOG": str(self.access_log),
                    "ASKFIRST_ERROR_LOG": str(self.error_log),
                    "ASKFIRST_CONTROL_SOCKET": str(self.control_socket), **env}

    def start(self, ready=None) -> "Gunicorn":
        """`ready()` says when it serves; by default, when its port accepts connections.
        Without `app`, gunicorn.conf.py's own (the real site) is served."""
        self.process = subprocess.Popen([str(GUNICORN), "--config", "gunicorn.conf.py", *filter(None, [self.app])],
                                        cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
        wait_for(ready or (lambda: port_open(self.port)), what="gunicorn")
        return self

    def logs(self) -> str:
        return "".join(path.read_text(errors="replace") for path in (self.access_log, self.error_log)
                       if path.exists())


class Nginx(Process):
    """Debian's nginx in the foreground with a configuration written by the test: every
    file it writes (pid, temporary files, logs) is in `folder`."""

    def __init__(self, folder: Path, config: Path, ports: list[int]):
        self.binary = require("nginx", "nginx")
        self.folder, self.config, self.ports = folder, config, ports

    def start(self) -> "Nginx":
        check = subprocess.run([self.binary, "-t", "-q", "-p", str(self.folder), "-c", str(self.config),
                                "-e", str(self.folder / "startup-error.log")], capture_output=True, text=True)
        assert check.returncode == 0, check.stderr
        self.process = subprocess.Popen([self.binary, "-p", str(self.folder), "-c", str(self.config),
                                         "-e", str(self.folder / "startup-error.log")],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(lambda: all(port_open(port) for port in self.ports), what="nginx")
        return self
