"""gunicorn settings for serving AskFirst as a deployment would (`make serve`).

Every value comes from the environment, with defaults for one small machine.
"""

import multiprocessing
import os

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
