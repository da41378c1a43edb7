"""What `make bench` serves: AskFirst as deployed, plus a bare Flask "hello world" at
/__hello on the same gunicorn, as the framework's own floor to compare against."""

from flask import Flask
from werkzeug.middleware.dispatcher import DispatcherMiddleware

from app import create_app

hello = Flask("hello")


@hello.get("/")
def hello_world():
    return "hello world"


app = DispatcherMiddleware(create_app(), {"/__hello": hello})
