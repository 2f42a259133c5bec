"""Shared helpers of the hardening tests (audit, XSS, uploads, client fields, malformed requests,
fuzzing): a teacher and a student, each with their own client, and a started attempt."""
from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quizapp.extensions import db
from quizapp.models import Attempt, AttemptItem, Question, Quiz, Response, User
from quizapp.services import accounts

PASSWORD = "correct horse battery"
TEACHER = "teacher@example.org"
STUDENT = "student@example.org"
OTHER = "other@example.org"


@dataclass
class World:
    app: Flask
    teacher: FlaskClient
    student: FlaskClient
    other: FlaskClient  # a second student, for "someone else's" ids
    attempt_id: int  # the student's attempt, in progress
    other_attempt_id: int  # the other student's attempt, in progress
    quiz_id: int

    def ids(self, email: str) -> int:
        with self.app.app_context():
            return db.session.scalar(db.select(User.id).where(User.email == email))

    def items(self, attempt_id: int) -> list[AttemptItem]:
        with self.app.app_context():
            rows = db.session.scalars(db.select(AttemptItem).where(AttemptItem.attempt_id == attempt_id)
                                      .order_by(AttemptItem.slot)).all()
            for r in rows:
                db.session.expunge(r)
            return list(rows)


def login(app: Flask, email: str) -> FlaskClient:
    client = app.test_client()
    response = client.post("/auth/login", data={"email": email, "password": PASSWORD})
    assert response.status_code == 302, response.get_data(as_text=True)
    return client


def start(app: Flask, client: FlaskClient, quiz_id: int) -> int:
    response = client.post(f"/quizzes/{quiz_id}/start")
    assert response.status_code == 200, response.status_code  # the first question's page
    return int(re.search(r"/attempts/(\d+)/", response.headers["Content-Location"]).group(1))


def make_world(app: Flask) -> World:
    with app.app_context():
        accounts.create_user(TEACHER, "Tess Teacher", PASSWORD, role="teacher")
        accounts.create_user(STUDENT, "Sam Student", PASSWORD)
        accounts.create_user(OTHER, "Olga Other", PASSWORD)
        db.session.commit()
        quiz_id = db.session.scalar(db.select(Quiz.id).where(Quiz.slug == "practice-harbour-lighthouse"))
    teacher, student, other = login(app, TEACHER), login(app, STUDENT), login(app, OTHER)
    return World(app, teacher, student, other, start(app, student, quiz_id), start(app, other, quiz_id), quiz_id)


@pytest.fixture
def world(app) -> World:
    return make_world(app)


def snapshot(app: Flask) -> dict:
    """Everything a request could change, as plain data: compare before and after."""
    with app.app_context():
        out = {}
        for model in (Attempt, Response, Question, Quiz, User):
            rows = db.session.scalars(db.select(model)).all()
            out[model.__tablename__] = sorted(
                (tuple((c.name, repr(getattr(r, c.key)))
                       for c in model.__table__.columns if c.name not in ("last_seen_at",)) for r in rows))
        return out
