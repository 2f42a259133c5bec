"""The requests of a class taking a quiz stay cheap: counted statements and transactions, not
timings (speed is measured by bench/load.py; see docs/BENCHMARKS.md).

A change that adds a query per question (an N+1) or a second transaction to one of these
requests fails here instead of slowing the load test down unnoticed.
"""
from __future__ import annotations

import re
from contextlib import contextmanager

import pytest
from sqlalchemy import event

from quizapp.extensions import db

# The largest number of SQL statements (SELECT/INSERT/UPDATE/DELETE) each request may run.
# The first start of a quiz in a process also reads its pool (quizapp.services.pools); the next
# ones, the class, find it kept. A second press of "Start" (a double click: "Resume" is a link to
# the open attempt) draws as a new start does, then finds the open attempt through the unique
# index and reads where it was. A start answers with the first question's page, in the same
# transaction: a new attempt's page from what the start wrote (no statement more), a resumed
# one's read as the question page reads it (two statements more).
LIMITS = {"start": 5, "start, pool kept": 4, "question page": 3, "answer": 5, "start again": 8}


@contextmanager
def counting(app):
    with app.app_context():
        engine = db.engine
    seen = {"statements": [], "transactions": 0, "dialect": engine.dialect.name}

    def on_execute(_conn, _cursor, statement, *_args):
        if re.match(r"\s*(SELECT|INSERT|UPDATE|DELETE)\b", statement, re.I):
            seen["statements"].append(statement.split("\n")[0][:120])

    def on_begin(_conn):
        seen["transactions"] += 1

    event.listen(engine, "after_cursor_execute", on_execute)
    event.listen(engine, "begin", on_begin)
    try:
        yield seen
    finally:
        event.remove(engine, "after_cursor_execute", on_execute)
        event.remove(engine, "begin", on_begin)


def _check(name: str, seen: dict) -> None:
    # On SQLite a start reads in one transaction and writes in a second, which alone holds the
    # database's write lock (quizapp.sqlite.reads_first); everything else is one transaction.
    expected = 2 if name.startswith("start") and seen["dialect"] == "sqlite" else 1
    assert seen["transactions"] == expected, f"{name}: {seen['transactions']} transactions"
    assert len(seen["statements"]) <= LIMITS[name], f"{name}: {len(seen['statements'])} statements:\n" + \
        "\n".join(seen["statements"])


@pytest.mark.parametrize("slug", ["practice-harbour-lighthouse", "lighthouse-keepers"])
def test_start_question_and_answer_run_a_fixed_number_of_queries(app, client, student, driver, helpers, slug):
    quiz_id = driver.quiz_id(slug)
    with counting(app) as seen:
        response = client.post(f"/quizzes/{quiz_id}/start")
    assert response.status_code == 200 and "Question 1 of" in response.get_data(as_text=True)
    _check("start", seen)
    aid = int(re.search(r"/attempts/(\d+)/q/1$", response.headers["Content-Location"]).group(1))
    items = driver.items(aid)
    assert len(items) >= 3

    pages, answers = [], []
    for item in items:  # the same count on every page, however many questions are answered
        with counting(app) as seen:
            page = client.get(f"/attempts/{aid}/q/{item['slot']}")
        assert page.status_code == 200
        _check("question page", seen)
        pages.append(len(seen["statements"]))
        with counting(app) as seen:
            saved = driver.answer(aid, item, go="next")
        assert saved.status_code == 302
        _check("answer", seen)
        answers.append(len(seen["statements"]))
    assert len(set(pages)) == 1 and len(set(answers)) == 1, (pages, answers)  # no query per answered item

    # A second press of "Start" resumes the open attempt, in one transaction too.
    with counting(app) as seen:
        again = client.post(f"/quizzes/{quiz_id}/start")
    assert again.status_code == 200 and f"/attempts/{aid}/" in again.headers["Content-Location"]
    _check("start again", seen)

    # The next student of the class: the pool is kept.
    auth_actions, _ = helpers
    other = app.test_client()
    assert auth_actions(other).signup(email="classmate@example.org").status_code == 302
    with counting(app) as seen:
        response = other.post(f"/quizzes/{quiz_id}/start")
    assert response.status_code == 200 and "/q/1" in response.headers["Content-Location"]
    _check("start, pool kept", seen)
