"""AskFirst deployed as README.md says, for tests: nginx with the shipped files
(deploy/nginx/) in front of gunicorn (gunicorn.conf.py, the real site) and Redis
(deploy/redis/askfirst.conf), on free local ports, with a throwaway certificate; and a
client that talks to it from its own loopback address."""

import getpass
import gzip
import http.client
import socket
import ssl
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from werkzeug.datastructures import Headers

from servers import ROOT, Gunicorn, Nginx, Redis, free_port, require, wait_for

DEPLOY = ROOT / "deploy" / "nginx"
HOST = "askfirst.test"
# The test's requests come from another loopback address than the servers use, so that
# the logs can be searched for the client's address.
CLIENT = "127.0.0.2"

TLS = ssl.create_default_context()
TLS.check_hostname = False
TLS.verify_mode = ssl.CERT_NONE  # the certificate is the test's own, made a moment ago

MAIN_CONFIG = """\
daemon off;
worker_processes 1;
user {user};
pid {folder}/nginx.pid;
# nginx's main error log (Debian's /var/log/nginx/error.log): start-up and process errors.
error_log {folder}/nginx-main-error.log warn;
events {{ worker_connections 512; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    client_body_temp_path {folder}/tmp-body;
    proxy_temp_path {folder}/tmp-proxy;
    fastcgi_temp_path {folder}/tmp-fastcgi;
    uwsgi_temp_path {folder}/tmp-uwsgi;
    scgi_temp_path {folder}/tmp-scgi;
    # As in Debian's nginx.conf: a default access log with addresses and whole request
    # lines. AskFirst's servers must replace it.
    access_log {folder}/nginx-default-access.log combined;
    include {folder}/askfirst-site.conf;
}}
"""


def site_config(folder: Path, http_port: int, https_port: int, upstream_port: int) -> str:
    """The shipped site file with this test's values: each is checked to be where the
    file says, so the file and this test cannot drift apart."""
    text = (DEPLOY / "askfirst-site.conf").read_text()
    values = [  # (as shipped, here, how many times)
        ("/etc/nginx/askfirst/", f"{DEPLOY}/", 2),
        ("server 127.0.0.1:8000;", f"server 127.0.0.1:{upstream_port};", 1),
        ("/var/cache/nginx/askfirst", str(folder / "cache"), 1),
        ("/var/log/nginx/", f"{folder}/", 4),
        ("/etc/letsencrypt/live/askfirst.example/fullchain.pem", str(folder / "cert.pem"), 1),
        ("/etc/letsencrypt/live/askfirst.example/privkey.pem", str(folder / "key.pem"), 1),
        ("https://askfirst.example", f"https://{HOST}:{https_port}", 1),
        ("askfirst.example;", f"{HOST};", 2),
        ("listen 80 ", f"listen 127.0.0.1:{http_port} ", 1),
        ("listen 443 ", f"listen 127.0.0.1:{https_port} ", 1),
        ("listen [::]:80 default_server;", "# no IPv6 in the test", 1),
        ("listen [::]:443 ssl http2 default_server;", "# no IPv6 in the test", 1),
    ]
    for shipped, here, count in values:
        assert text.count(shipped) == count, f"{shipped!r} in askfirst-site.conf"
        text = text.replace(shipped, here)
    # The one addition: nginx's cache status, for this test's eyes (none is sent to clients).
    include = f"include {DEPLOY}/askfirst-server.conf;"
    return text.replace(include, f"{include}\n    add_header X-Cache-Status $upstream_cache_status always;")


@dataclass
class Response:
    status_code: int
    headers: Headers
    data: bytes

    def get_data(self, as_text=False):
        data = gzip.decompress(self.data) if self.headers.get("Content-Encoding") == "gzip" else self.data
        return data.decode() if as_text else data


class Client:
    """Requests from CLIENT to nginx, one connection each; get and post as Flask's test
    client has them, so that walk.py can walk the check through the proxy."""

    def __init__(self, http_port: int, https_port: int):
        self.http_port, self.https_port = http_port, https_port

    def request(self, method, path, headers=None, body=None, plain=False, host=None) -> Response:
        port = self.http_port if plain else self.https_port
        if plain:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10, source_address=(CLIENT, 0))
        else:
            connection = http.client.HTTPSConnection("127.0.0.1", port, timeout=10, context=TLS,
                                                     source_address=(CLIENT, 0))
        try:
            connection.request(method, path, body=body, headers={"Host": host or f"{HOST}:{port}", **(headers or {})})
            answer = connection.getresponse()
            return Response(answer.status, Headers(answer.getheaders()), answer.read())
        finally:
            connection.close()

    def get(self, url, follow_redirects=False, query_string=None, headers=None, **kwargs) -> Response:
        if query_string:
            url += ("&" if "?" in url else "?") + urlencode(query_string)
        response = self.request("GET", url, headers, **kwargs)
        while follow_redirects and 300 <= response.status_code < 400:
            response = self.request("GET", local(response.headers["Location"]))
        return response

    def post(self, url, data) -> Response:
        return self.request("POST", url, {"Content-Type": "application/x-www-form-urlencoded"},
                            urlencode(list(data.items(multi=True))))


def local(location: str) -> str:
    parts = urlsplit(location)
    return parts.path + (f"?{parts.query}" if parts.query else "")


@dataclass
class Stack:
    folder: Path
    redis: Redis
    gunicorn: Gunicorn
    nginx: Nginx
    client: Client

    def stop(self) -> None:
        self.nginx.stop()
        self.gunicorn.stop(20)
        self.redis.stop()

    def logs(self) -> dict[str, str]:
        files = [*self.folder.glob("*.log"), self.gunicorn.access_log, self.gunicorn.error_log]
        return {path.name: path.read_text(errors="replace") for path in files if path.exists()}


def start(folder: Path, env: dict) -> Stack:
    """Certificate, Redis, gunicorn (with `env`) and nginx, each waited for; the caller
    stops them with Stack.stop() whatever happens."""
    require("openssl", "openssl")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                    "-nodes", "-days", "1", "-subj", f"/CN={HOST}", "-addext", f"subjectAltName=DNS:{HOST}",
                    "-keyout", str(folder / "key.pem"), "-out", str(folder / "cert.pem")],
                   check=True, capture_output=True)
    http_port, https_port = free_port(), free_port()
    redis = Redis()
    gunicorn = Gunicorn(folder / "gunicorn", {
        "ASKFIRST_PUBLIC_BASE_URL": f"https://{HOST}:{https_port}", "ASKFIRST_PROXY_COUNT": "1",
        "ASKFIRST_RATELIMIT_STORAGE": redis.url, **env}, app=None)
    gunicorn.access_log.parent.mkdir()
    (folder / "askfirst-site.conf").write_text(site_config(folder, http_port, https_port, gunicorn.port))
    (folder / "nginx.conf").write_text(MAIN_CONFIG.format(folder=folder, user=getpass.getuser()))
    stack = Stack(folder, redis, gunicorn, Nginx(folder, folder / "nginx.conf", [http_port, https_port]),
                  Client(http_port, https_port))
    try:
        redis.start()
        gunicorn.start()
        stack.nginx.start()
        wait_for(lambda: stack.client.get("/healthz").status_code == 200, what="the site through nginx")
    except BaseException:
        stack.stop()
        raise
    return stack


def slow_clients(port: int, count: int, tls: bool) -> list[socket.socket]:
    """Connections that have sent a request line and one header: never the end."""
    opened = []
    for _ in range(count):
        connection = socket.create_connection(("127.0.0.1", port), timeout=5, source_address=(CLIENT, 0))
        if tls:
            connection = TLS.wrap_socket(connection, server_hostname=HOST)
        connection.sendall(f"GET /en/ HTTP/1.1\r\nHost: {HOST}\r\n".encode())
        opened.append(connection)
    return opened


def answers_within(port: int, seconds: float) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=seconds) as connection:
            connection.sendall(f"GET /healthz HTTP/1.0\r\nHost: {HOST}\r\n\r\n".encode())
            return connection.recv(12).startswith(b"HTTP/1.")
    except OSError:  # a timeout included
        return False
