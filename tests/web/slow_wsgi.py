"""A WSGI app for tests/web/test_gunicorn_worker.py: each request takes a quarter of a second of
one thread and answers with the process that served it."""
import os
import time


def app(environ, start_response):
    time.sleep(0.25)
    body = str(os.getpid()).encode()
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
    return [body]
