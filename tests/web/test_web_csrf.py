"""Every POST without a valid CSRF token is refused and changes nothing (CSRF protection on)."""
import re
import time

import pytest
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Attempt, Report, Response, User

PASSWORD = "correct horse battery"


@pytest.fixture
def csrf_app(make_app):
    return make_app(WTF_CSRF_ENABLED=True)


def _token(client, url):
    html = client.get(url).get_data(as_text=True)
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, url
    return match.group(1)


def _counts(app):
    with app.app_context():
        return tuple(db.session.scalar(select(func.count()).select_from(m)) for m in (User, Attempt, Response, Report)) + (
            tuple(db.session.scalars(select(Attempt.state).order_by(Attempt.id))),)


def _signup(client):
    token = _token(client, "/auth/signup")
    r = client.post("/auth/signup", data={"csrf_token": token, "email": "s@x.org", "name": "S",
                                          "password": PASSWORD, "confirm": PASSWORD})
    assert r.status_code == 302
    return token


def test_signup_and_login_need_the_token(csrf_app):
    client = csrf_app.test_client()
    data = {"email": "s@x.org", "name": "S", "password": PASSWORD, "confirm": PASSWORD}
    r = client.post("/auth/signup", data=data)
    assert r.status_code == 400 and "security token" in r.get_data(as_text=True)
    r = client.post("/auth/signup", data={**data, "csrf_token": "forged"})
    assert r.status_code == 400
    assert _counts(csrf_app)[0] == 0
    _signup(client)
    client.post("/auth/logout", data={"csrf_token": _token(client, "/quizzes")})
    assert client.post("/auth/login", data={"email": "s@x.org", "password": PASSWORD}).status_code == 400
    assert client.get("/quizzes").status_code == 302  # still signed out
    token = _token(client, "/auth/login")
    assert client.post("/auth/login", data={"csrf_token": token, "email": "s@x.org", "password": PASSWORD}).status_code == 302


def test_every_post_without_a_valid_token_is_refused(csrf_app):
    client = csrf_app.test_client()
    _signup(client)
    token = _token(client, "/quizzes")
    quiz_start = re.search(r'action="(/quizzes/\d+/start)"', client.get("/quizzes").get_data(as_text=True)).group(1)
    r = client.post(quiz_start, data={"csrf_token": token})
    assert r.status_code == 200
    aid = int(re.search(r"/attempts/(\d+)/", r.headers["Content-Location"]).group(1))
    answer = "1852"  # whatever the type of question 1, a valid token would have it looked at
    before = _counts(csrf_app)
    posts = [
        (quiz_start, {}),
        ("/practice/missed", {}),
        (f"/attempts/{aid}/q/1", {"answer": answer, "go": "next"}),
        (f"/attempts/{aid}/q/1", {"go": "clear"}),
        (f"/attempts/{aid}/finish", {"confirm": "yes"}),
        (f"/attempts/{aid}/q/1/report", {"kind": "typo", "comment": "x"}),
        ("/auth/logout", {}),
        ("/auth/signup", {"email": "t@x.org", "name": "T", "password": PASSWORD, "confirm": PASSWORD}),
    ]
    for bad in (None, "", "forged-token", token + "x"):
        for url, data in posts:
            payload = dict(data) if bad is None else {**data, "csrf_token": bad}
            r = client.post(url, data=payload)
            assert r.status_code == 400, (url, bad, r.status_code)
            r = client.post(url, data=payload, headers={"X-Requested-With": "fetch"})
            assert r.status_code == 400, (url, bad)
    assert _counts(csrf_app) == before
    assert client.get("/quizzes").status_code == 200  # still signed in: logout was refused too
    # With the token, the same requests work.
    r = client.post(f"/attempts/{aid}/q/1/report", data={"kind": "typo", "csrf_token": token})
    assert r.status_code == 302
    r = client.post(f"/attempts/{aid}/finish", data={"confirm": "yes", "csrf_token": token})
    assert r.status_code == 302
    assert _counts(csrf_app)[3:] == (1, ("finished",))


def test_the_token_does_not_expire_during_a_long_attempt(csrf_app, monkeypatch):
    client = csrf_app.test_client()
    _signup(client)
    token = _token(client, "/quizzes")
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() + 3 * 24 * 3600)  # three days later
    quiz_start = re.search(r'action="(/quizzes/\d+/start)"', client.get("/quizzes").get_data(as_text=True)).group(1)
    assert client.post(quiz_start, data={"csrf_token": token}).status_code == 200


def test_the_token_belongs_to_the_session(csrf_app):
    alice, mallory = csrf_app.test_client(), csrf_app.test_client()
    _signup(alice)
    mallory_token = _token(mallory, "/auth/login")
    quiz_start = re.search(r'action="(/quizzes/\d+/start)"', alice.get("/quizzes").get_data(as_text=True)).group(1)
    assert alice.post(quiz_start, data={"csrf_token": mallory_token}).status_code == 400
