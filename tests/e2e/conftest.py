"""End-to-end fixtures: the real app served over HTTP on 127.0.0.1, and Debian's chromium.

In CI (``CI=true``) a missing /usr/bin/chromium fails these tests; on a development machine
without it they are skipped, with the reason.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from quizapp import create_app
from quizapp.extensions import db

from e2e_browser import ARGS, require_chromium

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="session")
def chromium_path() -> str:
    return require_chromium()


@pytest.fixture(scope="session")
def playwright_instance(chromium_path):
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright_instance, chromium_path):
    browser = playwright_instance.chromium.launch(executable_path=chromium_path, args=ARGS)
    yield browser
    browser.close()


class LiveServer:
    def __init__(self, app):
        self.app = app
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.thread.join(5)
        with self.app.app_context():
            db.session.remove()
            db.engine.dispose()


def _serve(database_url: str | Path, **config) -> LiveServer:
    if isinstance(database_url, Path):  # a SQLite file
        database_url = f"sqlite:///{database_url}"
    app = create_app({
        "SECRET_KEY": "e2e-secret",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
        **config,
    })  # CSRF protection on, as in production
    return LiveServer(app).start()


@pytest.fixture
def serve():
    """A factory: ``serve(database_url, **config)`` starts the app on a random port of 127.0.0.1
    (``new_database()`` gives a URL on the run's backend; a ``Path`` is a SQLite file)."""
    servers = []

    def start(database_url: str | Path, **config) -> LiveServer:
        servers.append(_serve(database_url, **config))
        return servers[-1]

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def live_server(new_database):
    """The app on the test library (tests/data), on a random port of 127.0.0.1."""
    server = _serve(new_database(), QUIZAPP_SOURCES_DIR=str(DATA / "sources"), QUIZAPP_BANK_DIR=str(DATA / "bank"))
    yield server
    server.stop()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def shots():
    """Where to save screenshots (``QUIZAPP_SHOTS=/tmp/shots``), or None."""
    target = os.environ.get("QUIZAPP_SHOTS")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
    return Path(target) if target else None
