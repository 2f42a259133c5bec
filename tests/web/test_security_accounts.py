"""Nothing tells whether an account exists (log-in: same message, status and work; sign-up: no
"already exists"), and the password policy at sign-up, at the first teacher's setup and on the CLI."""
from __future__ import annotations

import re

import pytest
from werkzeug import security as wz

from quizapp import hashing, passwords
from quizapp.extensions import db
from quizapp.models import User
from quizapp.services import accounts

from testusers import TEST_PASSWORD

KNOWN = "known@example.org"


@pytest.fixture
def known(app):
    with app.app_context():
        accounts.create_user(KNOWN, "Kay Known", TEST_PASSWORD)
        db.session.commit()
    return KNOWN


def _errors(response) -> list[str]:
    return re.findall(r'<p class="error"[^>]*>([^<]*)</p>', response.get_data(as_text=True))


def _page_without_echo(response, email: str) -> str:
    """The page, less what differs because of the typed address itself."""
    html = response.get_data(as_text=True).replace(email, "EMAIL")
    return re.sub(r'name="csrf_token"[^>]*>|value="[^"]*"([^>]*name="csrf_token")', "TOKEN", html)


def test_unknown_account_and_wrong_password_look_the_same(app, client, known, monkeypatch):
    checked: list[str] = []
    real = wz.check_password_hash

    def spy(pwhash, password):
        checked.append(pwhash.split("$", 1)[0])  # the method and its cost
        return real(pwhash, password)

    monkeypatch.setattr(hashing, "check_password_hash", spy)
    wrong = app.test_client().post("/auth/login", data={"email": KNOWN, "password": "not the password"})
    unknown_email = "nobody-here@example.org"
    unknown = app.test_client().post("/auth/login", data={"email": unknown_email, "password": "not the password"})
    assert wrong.status_code == unknown.status_code == 400
    assert _errors(wrong) == _errors(unknown) == ["The e-mail address or the password is wrong."]
    assert _page_without_echo(wrong, KNOWN) == _page_without_echo(unknown, unknown_email)
    assert sorted(k for k, _ in wrong.headers) == sorted(k for k, _ in unknown.headers)
    assert len(wrong.headers["Set-Cookie"]) == len(unknown.headers["Set-Cookie"])  # same session contents
    # the same work: one password check each, against a hash of the same method and cost
    assert len(checked) == 2 and checked[0] == checked[1] == app.config["PASSWORD_HASH_METHOD"]


def test_unknown_account_costs_a_full_scrypt_check_in_production(make_app, monkeypatch):
    app = make_app(PASSWORD_HASH_METHOD="scrypt")
    checked = []
    monkeypatch.setattr(hashing, "check_password_hash",
                        lambda h, p: checked.append(h.split("$", 1)[0]) or False)
    with app.test_request_context():
        assert accounts.authenticate("nobody@example.org", "x") is None
    assert checked and checked[0].startswith("scrypt")


def test_an_inactive_account_looks_like_a_wrong_password(app, client, known):
    with app.app_context():
        user = db.session.scalar(db.select(User).where(User.email == KNOWN))
        user.active = False
        db.session.commit()
    response = client.post("/auth/login", data={"email": KNOWN, "password": TEST_PASSWORD})
    assert response.status_code == 400 and _errors(response) == ["The e-mail address or the password is wrong."]


def test_sign_up_with_a_taken_address_does_not_say_it_exists(app, client, known, monkeypatch):
    hashed = []
    real = hashing.generate_password_hash
    monkeypatch.setattr(hashing, "generate_password_hash", lambda p, method: hashed.append(method) or real(p, method))
    response = client.post("/auth/signup", data={"email": KNOWN.upper(), "name": "Imposter",
                                                 "password": "another fine password", "confirm": "another fine password"})
    assert response.status_code == 400
    html = response.get_data(as_text=True).lower()
    for telling in ("already exists", "already registered", "already taken", "is taken", "in use"):
        assert telling not in html, telling
    assert accounts.TAKEN_MESSAGE in response.get_data(as_text=True)
    assert hashed == [app.config["PASSWORD_HASH_METHOD"]]  # the same hashing work as a new account
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(User)) == 1


# --- the password policy ---------------------------------------------------------------------------

@pytest.mark.parametrize("password, reason", [
    ("short", "at least 10 characters"),
    ("123456789", "at least 10 characters"),
    ("x" * 201, "at most 200 characters"),
    ("password1234", "too common"),
    ("Password123!", "too common"),
    ("qwertyuiop", "too common"),
    ("1234567890", "too common"),
    ("iloveyou!!22", "too common"),
    ("aaaaaaaaaaaa", "too common"),
    ("abababababab", "too common"),
    ("Correct Horse Battery Staple", "too common"),
    ("kay.known2024", "e-mail address or your name"),
    ("my friend Kay Known", "e-mail address or your name"),
    ("known-and-loved", "e-mail address or your name"),
])
def test_the_policy_refuses(password, reason):
    found = " ".join(passwords.problems(password, email="kay.known@example.org", name="Kay Known"))
    assert reason in found, (password, found)


@pytest.mark.parametrize("password", [TEST_PASSWORD, "a long enough password", "bench password 123",
                                      "tulip-orbit-candle", "abcdefghij" * 20, "ünïcödé pässwörd"])
def test_the_policy_accepts(password):
    assert passwords.problems(password, email="kay.known@example.org", name="Kay Known") == []


def test_the_common_list_ships_with_the_package():
    assert passwords.COMMON_FILE.is_file() and "quizapp" in str(passwords.COMMON_FILE)
    assert len(passwords.common_passwords()) > 200 and "password" in passwords.common_passwords()


@pytest.mark.parametrize("password, message", [
    ("short", "Use at least 10 characters (this one has 5)."),
    ("password12345", "This password is too common"),
    ("sam student rocks", "Do not use your e-mail address or your name"),
])
def test_sign_up_explains_a_refused_password(app, client, auth, password, message):
    response = auth.signup(email="sam@example.org", name="Sam Student", password=password)
    assert response.status_code == 400
    assert any(message in e for e in _errors(response)), _errors(response)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(User)) == 0
    page = client.get("/auth/signup").get_data(as_text=True)
    assert "At least 10 characters" in page and 'minlength="10"' in page


def test_the_service_and_the_cli_enforce_the_policy_too(app):
    with app.test_request_context():
        with pytest.raises(accounts.AccountError) as refused:
            accounts.create_user("t@example.org", "Tess", "password123", role="teacher")
        assert refused.value.field == "password"
    result = app.test_cli_runner().invoke(args=["users", "create", "--role", "teacher", "--email", "t@example.org",
                                                "--name", "Tess", "--password", "qwerty12345"])
    assert result.exit_code != 0 and "too common" in result.output


def test_the_first_teacher_setup_applies_the_policy(make_app):
    app = make_app(load=False)
    with app.app_context():
        token = accounts.issue_setup_token()
        db.session.commit()
    client = app.test_client()
    data = {"email": "first@example.org", "name": "First Teacher", "password": "letmein123", "confirm": "letmein123"}
    response = client.post(f"/auth/setup/{token}", data=data)
    assert response.status_code == 400 and any("too common" in e for e in _errors(response))
    ok = client.post(f"/auth/setup/{token}", data={**data, "password": TEST_PASSWORD, "confirm": TEST_PASSWORD})
    assert ok.status_code == 302
