"""CSRF protection on every POST route of the URL map: a route added later without protection
(an exempt view, a blueprint left out of CSRFProtect) fails this test."""
from __future__ import annotations

import json

import pytest
from flask import url_for

from quizapp.converters import IdConverter
from quizapp.extensions import csrf, db
from quizapp.services import accounts

TEST_PASSWORD = "correct horse battery"  # as tests/conftest.py


UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


def _post_urls(app) -> list[tuple[str, str]]:
    """(endpoint, url) for every rule that accepts POST (or another unsafe method), its arguments
    filled with plausible values."""
    out = []
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            if not rule.methods & UNSAFE:
                continue
            values = {}
            for arg in rule.arguments:
                converter = rule._converters[arg]  # noqa: SLF001 - the rule's own converters
                values[arg] = 1 if isinstance(converter, IdConverter) or converter.regex == r"\d+" else "x"
            out.append((rule.endpoint, url_for(rule.endpoint, **values)))
    return out


@pytest.fixture
def csrf_teacher(make_app, csrf_token):
    """A signed-in teacher on an app with CSRF protection on (a teacher reaches every route)."""
    app = make_app(WTF_CSRF_ENABLED=True)
    with app.app_context():
        accounts.create_user("t@example.org", "Tess Teacher", TEST_PASSWORD, role="teacher")
        db.session.commit()
    client = app.test_client()
    token = csrf_token(client.get("/auth/login").get_data(as_text=True))
    response = client.post("/auth/login", data={"email": "t@example.org", "password": TEST_PASSWORD,
                                                "csrf_token": token})
    assert response.status_code == 302
    return app, client


def test_there_are_post_routes_to_check(make_app):
    endpoints = {endpoint for endpoint, _ in _post_urls(make_app())}
    assert {"auth.login", "auth.signup", "auth.logout", "student.answer", "teacher.bulk",
            "teacher.upload_document", "teacher.regrade"} <= endpoints


def test_only_post_changes_things(make_app):
    """No PUT, PATCH or DELETE routes: if one is added, extend the refusals below to its method."""
    for rule in make_app().url_map.iter_rules():
        assert not rule.methods & (UNSAFE - {"POST"}), rule


def test_no_view_is_exempt(make_app):
    make_app(WTF_CSRF_ENABLED=True)
    assert not csrf._exempt_views and not csrf._exempt_blueprints  # noqa: SLF001


@pytest.mark.parametrize("how", ["form", "forged", "json", "header-only"])
def test_every_post_route_refuses_a_request_without_a_valid_token(csrf_teacher, how):
    app, client = csrf_teacher
    routes = _post_urls(app)
    assert len(routes) >= 15
    for endpoint, url in routes:
        if how == "form":
            response = client.post(url, data={"go": "save"})
        elif how == "forged":
            response = client.post(url, data={"csrf_token": "forged", "go": "save"})
        elif how == "json":
            response = client.post(url, data=json.dumps({"go": "save"}), content_type="application/json")
        else:  # what a fetch() from another site could add: not a token
            response = client.post(url, data={"go": "save"}, headers={"X-Requested-With": "fetch",
                                                                      "Origin": "https://evil.example"})
        assert response.status_code == 400, (endpoint, url, how, response.status_code)
        assert "security token" in response.get_data(as_text=True), (endpoint, url)
    assert client.get("/teacher/bank").status_code == 200  # still signed in: the logout was refused


def test_a_token_from_the_header_is_accepted(csrf_teacher, csrf_token):
    """The refusals above are about the token, not the route: with the token the same POST gets through."""
    app, client = csrf_teacher
    token = csrf_token(client.get("/teacher/bank").get_data(as_text=True))
    response = client.post("/teacher/bank/bulk", data={"action": "publish"}, headers={"X-CSRFToken": token})
    assert response.status_code != 400 or "security token" not in response.get_data(as_text=True)
