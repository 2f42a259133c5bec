"""A database that is down, read-only or full: a clear 503 page, and nothing already saved is lost.

Run on both backends (``make test`` runs the suite on SQLite and on PostgreSQL). Disk full is
simulated here on SQLite with ``PRAGMA max_page_count``; on PostgreSQL it needs a small disk
(a tmpfs tablespace of the private cluster), in ``test_postgres_restart.py``.
"""
from __future__ import annotations

import logging
import sqlite3

import pytest
from sqlalchemy import event

from quizapp.extensions import db
from quizapp.models import Response

import dbtesting

BACKEND = dbtesting.backend()

SAFE = "Your earlier answers are safe"


def _restrict(app, sqlite_pragma: str, postgres_sql: str):
    """Apply a per-connection setting to every new connection of ``app`` (and drop the pooled ones)."""
    with app.app_context():
        engine = db.engine

    def on_connect(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute(sqlite_pragma if engine.dialect.name == "sqlite" else postgres_sql)
        cursor.close()
        if engine.dialect.name != "sqlite":
            dbapi_connection.commit()

    event.listen(engine, "connect", on_connect)
    engine.dispose()

    def lift():
        event.remove(engine, "connect", on_connect)
        engine.dispose()
    return lift


def _saved(app, attempt_id: int) -> dict[int, dict]:
    with app.app_context():
        rows = db.session.scalars(db.select(Response).where(Response.attempt_id == attempt_id))
        return {r.slot: r.answer for r in rows}


def _assert_unavailable_page(response, saving: bool):
    assert response.status_code == 503
    assert response.headers["Retry-After"]
    html = response.get_data(as_text=True)
    assert "Try again in a moment" in html
    assert "Traceback" not in html and "OperationalError" not in html
    if saving:
        assert "We could not save what you just sent" in html and SAFE in html
    else:
        assert "This page could not be loaded" in html


def test_a_read_only_database_refuses_the_answer_clearly_and_keeps_the_saved_ones(
        app, client, student, driver, caplog):
    aid = driver.start()
    items = driver.items(aid)
    assert driver.answer(aid, items[0]).status_code == 302
    before = _saved(app, aid)
    assert list(before) == [1]

    lift = _restrict(app, "PRAGMA query_only = ON", "SET default_transaction_read_only = on")
    with caplog.at_level(logging.ERROR, logger="quizapp"):
        response = driver.answer(aid, items[1])
    _assert_unavailable_page(response, saving=True)
    assert any("database unavailable for POST" in r.getMessage() for r in caplog.records)
    # Reading still works on a read-only database, and the first answer is there.
    assert client.get(f"/attempts/{aid}/q/1").status_code == 200
    lift()

    assert _saved(app, aid) == before  # nothing lost, nothing half-written
    assert driver.answer(aid, items[1]).status_code == 302  # writable again: no restart needed
    assert set(_saved(app, aid)) == {1, 2}


@pytest.mark.sqlite_only
def test_a_full_disk_refuses_the_answer_clearly_and_keeps_the_saved_ones(app, student, driver):
    aid = driver.start()
    items = driver.items(aid)
    assert driver.answer(aid, items[0]).status_code == 302
    with app.app_context():
        raw = db.engine.raw_connection()  # VACUUM runs outside a transaction
        try:
            cursor = raw.cursor()
            cursor.execute("VACUUM")  # no free pages left inside the file
            pages = cursor.execute("PRAGMA page_count").fetchone()[0]
        finally:
            raw.close()
    lift = _restrict(app, f"PRAGMA max_page_count = {pages}", "")
    # The file may not grow: fill the room left in the pages the next answer goes to, with the
    # smallest possible rows next to it (same attempt, same question, slots no item has), until
    # SQLite says the database is full.
    with app.app_context():
        raw = db.engine.raw_connection()
        cursor = raw.cursor()
        cursor.execute("PRAGMA foreign_keys = OFF")
        filled = 0
        with pytest.raises(sqlite3.OperationalError, match="full"):
            for slot in range(1000, 100_000):
                cursor.execute("INSERT INTO responses (attempt_id, slot, question_id, answer, score, answered_at, "
                               "changes) VALUES (?, ?, ?, '{}', 0, '2026-01-01 00:00:00', 0)",
                               (aid, slot, items[1]["question_id"]))
                filled += 1
        cursor.execute("PRAGMA foreign_keys = ON")
        raw.close()
    assert filled < 1000  # it was the limit that stopped the filling

    response = driver.answer(aid, items[1])
    _assert_unavailable_page(response, saving=True)
    saved = {slot: answer for slot, answer in _saved(app, aid).items() if slot < 1000}
    assert list(saved) == [1]
    lift()
    assert driver.answer(aid, items[1]).status_code == 302  # room again: no restart needed
    assert {slot for slot in _saved(app, aid) if slot < 1000} == {1, 2}


def test_a_database_that_is_down_gives_a_clear_page_not_a_500(make_app, client, student):
    """Signed in, then the database goes away: every page says so (503), even the ones that
    only need to know who is signed in, and the error page itself needs no database."""
    cookie = client.get_cookie("session")
    assert cookie is not None
    if BACKEND == "sqlite":
        down = "sqlite:////nonexistent-quizapp-dir/down.sqlite3"
    else:  # nothing listens on port 1 of 127.0.0.1
        down = "postgresql+psycopg://postgres@127.0.0.1:1/quizapp"
    broken = make_app(SQLALCHEMY_DATABASE_URI=down)
    other = broken.test_client()
    other.set_cookie("session", cookie.value)
    _assert_unavailable_page(other.get("/quizzes"), saving=False)
    _assert_unavailable_page(other.post("/attempts/1/q/1", data={"answer": "x", "go": "save"}), saving=True)
    assert other.get("/healthz").status_code == 503


def test_every_pooled_connection_busy_gives_the_clear_page_after_the_pool_timeout(make_app):
    app = make_app(SQLALCHEMY_ENGINE_OPTIONS={"pool_size": 1, "max_overflow": 0, "pool_timeout": 0.2})
    client = app.test_client()
    assert client.get("/healthz").status_code == 200
    with app.app_context():
        held = db.engine.connect()  # the only connection of the pool
        try:
            _assert_unavailable_page(client.post("/auth/login", data={"email": "a@b.c", "password": "x"}),
                                     saving=True)
        finally:
            held.close()
    assert client.get("/healthz").status_code == 200


def test_a_programming_error_is_still_a_500(app, client):
    """Only a database that is unavailable gets the 503: a bug is not disguised as an outage."""
    from sqlalchemy.exc import ProgrammingError

    @app.get("/_boom")
    def boom():
        raise ProgrammingError("SELECT nonsense", {}, Exception("syntax error"))

    app.testing = False  # let the 500 handler answer instead of re-raising into the test
    response = client.get("/_boom")
    assert response.status_code == 500


def test_a_connection_that_dies_after_the_last_query_does_not_turn_the_page_into_a_500(app, client, monkeypatch):
    """The rollback at the end of a request fails when the connection died after the request's
    last query (PostgreSQL stopped while a log-in hashed its password; bench/load.py's restart
    run found 500s there): the page is still answered, and the next request works."""
    from sqlalchemy.exc import OperationalError

    from quizapp.extensions import db

    calls = []
    real_remove = db.session.remove

    def dying_remove():
        calls.append(1)
        if len(calls) == 1:
            real_remove()
            raise OperationalError("ROLLBACK", {}, Exception("terminating connection due to administrator command"))
        return real_remove()

    monkeypatch.setattr(db.session, "remove", dying_remove)
    response = client.get("/healthz")
    assert response.status_code == 200 and calls
    monkeypatch.undo()
    assert client.get("/healthz").status_code == 200
