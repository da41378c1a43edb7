"""The real app for tests that run it under gunicorn, plus one header naming the worker
that answered, so a test can see that both workers took part. Tests only."""

import os

from app import create_app

_app = create_app()


def app(environ, start_response):
    def start(status, headers, exc_info=None):
        return start_response(status, [*headers, ("X-Test-Worker", str(os.getpid()))], exc_info)
    return _app(environ, start)
