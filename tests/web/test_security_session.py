"""Cookies (HttpOnly, SameSite=Lax, Secure over HTTPS) and session renewal at log-in (no fixation)."""
from __future__ import annotations

import pytest
from flask import session

from quizapp.extensions import db
from quizapp.security import renew_session, secure_cookie_mode
from quizapp.services import accounts

TEST_PASSWORD = "correct horse battery"  # as tests/conftest.py

EMAIL = "cookie@example.org"


def _cookies(response) -> dict[str, list[str]]:
    """Set-Cookie headers by cookie name: {name: [attribute, …]} (attributes lower-cased)."""
    out = {}
    for header in response.headers.getlist("Set-Cookie"):
        name = header.split("=", 1)[0]
        out[name] = [part.strip().lower() for part in header.split(";")[1:]]
    return out


def _user(app):
    with app.app_context():
        accounts.create_user(EMAIL, "Cora Cookie", TEST_PASSWORD)
        db.session.commit()


def _login(client, base_url="http://localhost", remember=True):
    data = {"email": EMAIL, "password": TEST_PASSWORD}
    if remember:
        data["remember"] = "y"
    return client.post("/auth/login", data=data, base_url=base_url)


def test_session_and_remember_cookies_are_httponly_and_samesite_lax(app):
    _user(app)
    response = _login(app.test_client())
    assert response.status_code == 302
    cookies = _cookies(response)
    assert set(cookies) >= {"session", "remember_token"}
    for name in ("session", "remember_token"):
        assert "httponly" in cookies[name], name
        assert "samesite=lax" in cookies[name], name
        assert "secure" not in cookies[name], name  # plain HTTP: a Secure cookie would be dropped


def test_cookies_are_secure_over_https(app):
    _user(app)
    client = app.test_client()
    page = client.get("/auth/login", base_url="https://localhost")
    assert "secure" in _cookies(page)["session"]
    response = _login(client, base_url="https://localhost")
    cookies = _cookies(response)
    for name in ("session", "remember_token"):
        assert {"secure", "httponly", "samesite=lax"} <= set(cookies[name]), (name, cookies[name])
    # ...and logging out (which deletes the remember cookie) sends Secure cookies too.
    out = client.post("/auth/logout", base_url="https://localhost")
    assert all("secure" in attrs for attrs in _cookies(out).values())


def test_secure_cookies_always_and_never(make_app):
    always = make_app(QUIZAPP_SECURE_COOKIES="always")
    assert "secure" in _cookies(always.test_client().get("/auth/login"))["session"]
    never = make_app(QUIZAPP_SECURE_COOKIES="never")
    assert "secure" not in _cookies(never.test_client().get("/auth/login", base_url="https://localhost"))["session"]
    with pytest.raises(ValueError):
        secure_cookie_mode("sometimes")


def test_forwarded_https_makes_cookies_secure_only_behind_a_trusted_proxy(make_app):
    headers = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9"}
    direct = make_app()
    assert "secure" not in _cookies(direct.test_client().get("/auth/login", headers=headers))["session"]
    proxied = make_app(QUIZAPP_TRUSTED_PROXIES=1)
    assert "secure" in _cookies(proxied.test_client().get("/auth/login", headers=headers))["session"]


def test_log_in_renews_the_session(app):
    """A value planted in the visitor's session (e.g. by an attacker who set the cookie) and the
    pre-login CSRF token do not survive the log-in, and the cookie changes."""
    _user(app)
    client = app.test_client()
    client.get("/auth/login")
    with client.session_transaction() as planted:
        planted["planted"] = "by an attacker"
        planted["csrf_token"] = "known-to-the-attacker"
        planted["_user_id"] = "999"  # not a real sign-in: no _fresh/_id of Flask-Login
    before = client.get_cookie("session").value
    response = _login(client, remember=False)
    assert response.status_code == 302
    after = client.get_cookie("session").value
    assert after != before
    with client.session_transaction() as renewed:
        assert "planted" not in renewed
        assert renewed.get("csrf_token") != "known-to-the-attacker"
        assert renewed["_user_id"] != "999"
    # The old cookie is no longer a signed-in session ...
    stale = app.test_client()
    stale.set_cookie("session", before)
    assert stale.get("/quizzes").status_code == 302
    # ... while the new one is.
    assert client.get("/quizzes").status_code == 200


def test_sign_up_renews_the_session(app, client, auth):
    client.get("/auth/signup")
    with client.session_transaction() as planted:
        planted["planted"] = "x"
    assert auth.signup().status_code == 302
    with client.session_transaction() as renewed:
        assert "planted" not in renewed and renewed.get("_user_id")


def test_log_out_clears_the_session(app, client, auth):
    assert auth.signup().status_code == 302
    with client.session_transaction() as s:
        s["left-over"] = "x"
    auth.logout()
    with client.session_transaction() as s:
        assert "left-over" not in s and "_user_id" not in s


def test_renew_session_helper_clears_everything(app):
    with app.test_request_context():
        session["a"] = 1
        renew_session()
        assert dict(session) == {}
