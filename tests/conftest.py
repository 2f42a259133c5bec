"""Shared fixtures: ``app`` on a database of its own, ``client``, ``runner``, ``auth`` and ``teacher``.

Every test's database is the one built once per run: migrated with the real Alembic migrations,
and loaded with the small test library in ``tests/data/`` (one document, its hand-written bank
with every question type, and two seed quizzes). Tests that need an empty database use
``make_app(load=False)``.

The backend is SQLite unless ``QUIZAPP_TEST_DATABASE_URL`` names a PostgreSQL server
(``make test`` runs the suite both ways); see ``tests/dbtesting.py`` for how each test gets its
own database there, and how the run cleans up after itself. A test that changes the schema is
marked ``own_database``.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from quizapp import create_app
from quizapp.extensions import db
from quizapp.services import accounts

import dbtesting
from testusers import TEACHER_EMAIL, TEST_PASSWORD

DATA = dbtesting.DATA
BACKEND = dbtesting.backend()


def pytest_configure(config):
    config.addinivalue_line("markers", "own_database: the test gets a database no other test shares "
                                       "(on PostgreSQL; every test has its own on SQLite)")
    config.addinivalue_line("markers", "sqlite_only: a test of SQLite itself (skipped on the PostgreSQL pass)")


def pytest_report_header(config):
    return f"quizapp test database: {BACKEND}"


def pytest_collection_modifyitems(config, items):
    if BACKEND != "sqlite":
        skip = pytest.mark.skip(reason="a test of SQLite itself; this run is on PostgreSQL")
        for item in items:
            if item.get_closest_marker("sqlite_only"):
                item.add_marker(skip)


_config = dbtesting.app_config
build_database = dbtesting.build_database


@pytest.fixture(scope="session")
def databases(tmp_path_factory):
    """The run's databases (SQLite template files, or the run's PostgreSQL databases)."""
    url = dbtesting.test_database_url()
    if dbtesting.is_postgres(url):
        made = dbtesting.PostgresDatabases(url, build_database, [t.name for t in db.metadata.sorted_tables])
    else:
        made = dbtesting.SQLiteDatabases(tmp_path_factory.mktemp("template-db"), build_database)
    try:
        yield made
    finally:
        made.close()


@pytest.fixture(scope="session")
def template_databases(databases, tmp_path_factory) -> dict[bool, Path]:
    """SQLite template files (loaded, empty), whatever the backend of the run: for tests that
    need a SQLite file in particular."""
    if isinstance(databases, dbtesting.SQLiteDatabases):
        sqlite = databases
    else:
        sqlite = dbtesting.SQLiteDatabases(tmp_path_factory.mktemp("template-db"), build_database)
    return {load: sqlite.template(load) for load in (True, False)}


@pytest.fixture
def new_database(request, databases, tmp_path):
    """A factory: ``new_database(load=True)`` gives the URL of a fresh copy of the test database
    (the test's first one is the run's shared database on PostgreSQL, reset before the test;
    ``load=False`` gives empty tables)."""
    made = []
    own = request.node.get_closest_marker("own_database") is not None

    def new(load: bool = True) -> str:
        url = databases.new(tmp_path, load=load, shared=not own and not made, name=f"quizapp-{len(made)}",
                            reusable=not own)
        made.append(url)
        return url

    yield new
    for url in made:
        databases.release(url, reusable=not own)


@pytest.fixture
def make_app(new_database):
    """A factory: ``make_app(load=True, **config)`` gives an app on a fresh copy of the test DB."""
    apps = []

    def make(load: bool = True, **overrides):
        url = overrides.pop("SQLALCHEMY_DATABASE_URI", None) or new_database(load)
        app = create_app(_config(url, **overrides))
        apps.append(app)
        return app

    yield make
    for app in apps:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


class AuthActions:
    """Sign up, log in and out through the real forms."""

    def __init__(self, client):
        self.client = client

    def signup(self, email="student@example.org", name="Sam Student", password=TEST_PASSWORD, **kw):
        return self.client.post("/auth/signup", data={
            "email": email, "name": name, "password": password, "confirm": password, **kw})

    def login(self, email="student@example.org", password=TEST_PASSWORD, **kw):
        return self.client.post("/auth/login", data={"email": email, "password": password, **kw})

    def logout(self):
        return self.client.post("/auth/logout")


@pytest.fixture
def auth(client):
    return AuthActions(client)


@pytest.fixture
def teacher(app, auth):
    """A teacher's account, Tess Teacher (``TEACHER_EMAIL``), signed in on ``client``: the ``auth``
    helper, to sign out or in as someone else."""
    with app.app_context():
        accounts.create_user(TEACHER_EMAIL, "Tess Teacher", TEST_PASSWORD, role="teacher")
        db.session.commit()
    assert auth.login(TEACHER_EMAIL).status_code == 302
    return auth


def csrf_token_from(html: str) -> str:
    match = re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', html) \
        or re.search(r'value="([^"]+)"[^>]*name="csrf_token"', html)
    assert match, "no CSRF token in the page"
    return match.group(1)


@pytest.fixture
def csrf_token():
    """Extract the CSRF token of a rendered form: ``csrf_token(html)``."""
    return csrf_token_from


class QuizDriver:
    """Take quizzes through the HTTP interface, knowing the key from the database (the test
    is the oracle; the page never tells)."""

    def __init__(self, app, client):
        self.app, self.client = app, client

    def quiz_id(self, slug: str) -> int:
        from quizapp.models import Quiz
        with self.app.app_context():
            return db.session.scalar(db.select(Quiz.id).where(Quiz.slug == slug))

    def start(self, slug: str = "practice-harbour-lighthouse") -> int:
        response = self.client.post(f"/quizzes/{self.quiz_id(slug)}/start")
        assert response.status_code == 200, response.status_code  # the first question's page
        match = re.search(r"/attempts/(\d+)/q/\d+$", response.headers["Content-Location"])
        assert match, response.headers["Content-Location"]
        return int(match.group(1))

    def items(self, attempt_id: int) -> list[dict]:
        from quizapp.models import AttemptItem
        with self.app.app_context():
            rows = db.session.scalars(db.select(AttemptItem).where(AttemptItem.attempt_id == attempt_id)
                                      .order_by(AttemptItem.slot)).all()
            return [{"slot": r.slot, "question_id": r.question_id, "type": r.type,
                     "spec": r.snapshot["spec"], "layout": r.layout} for r in rows]

    @staticmethod
    def form_for(item: dict, right: bool = True) -> dict:
        """The form fields that answer ``item`` rightly or (fully) wrongly."""
        spec, layout, qtype = item["spec"], item["layout"], item["type"]
        if qtype in ("multiple_choice", "true_false"):
            ok = [oid for oid, i in layout["options"] if spec["choices"][i]["correct"] == right]
            return {"answer": ok[0]}
        if qtype == "multiple_response":
            return {"answer": [oid for oid, i in layout["options"] if spec["choices"][i]["correct"] == right]}
        if qtype in ("short_answer", "numeric"):
            return {"answer": spec["answer"] if right else ("-1" if qtype == "numeric" else "zzz")}
        if qtype == "matching":
            n = len(spec["pairs"])
            by_text = {spec["pairs"][j][1]: oid for oid, j in layout["rights"]}
            form = {}
            for lid, i in layout["lefts"]:
                target = i if right else (i + 1) % n
                form[f"m-{lid}"] = by_text[spec["pairs"][target][1]]
            return form
        if qtype == "ordering":
            n = len(spec["sequence"])
            return {f"o-{oid}": str(i + 1 if right else n - i) for oid, i in layout["items"]}
        raise AssertionError(qtype)

    def answer(self, attempt_id: int, item: dict, right: bool = True, go: str = "save", **extra):
        data = {**self.form_for(item, right), "go": go, **extra}
        return self.client.post(f"/attempts/{attempt_id}/q/{item['slot']}", data=data)

    def finish(self, attempt_id: int, confirm: bool = True):
        return self.client.post(f"/attempts/{attempt_id}/finish", data={"confirm": "yes"} if confirm else {})

    def attempt(self, attempt_id: int):
        from quizapp.models import Attempt
        with self.app.app_context():
            a = db.session.get(Attempt, attempt_id)
            db.session.expunge(a)
            return a

    def responses(self, attempt_id: int) -> dict[int, dict]:
        from quizapp.models import Response
        with self.app.app_context():
            rows = db.session.scalars(db.select(Response).where(Response.attempt_id == attempt_id)).all()
            return {r.slot: {"answer": r.answer, "score": r.score, "changes": r.changes} for r in rows}


@pytest.fixture
def driver(app, client):
    return QuizDriver(app, client)


@pytest.fixture
def helpers():
    """``(AuthActions, QuizDriver)``, for a test with several clients (``import conftest`` can
    find tests/e2e/conftest.py instead when the whole suite runs)."""
    return AuthActions, QuizDriver


@pytest.fixture
def student(auth):
    """A signed-up, signed-in student (the ``client`` is theirs)."""
    response = auth.signup()
    assert response.status_code == 302, response.data
    return auth
