"""Accounts: sign-up, log-in, roles, the first teacher from the CLI or the one-time link."""
import re

from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import SetupToken, User

PASSWORD = "correct horse battery"


def _users(app):
    with app.app_context():
        return db.session.scalars(select(User)).all()


def test_signup_logs_in_and_hashes_the_password(app, client, auth):
    response = auth.signup(email="Ana@Example.org", name="Ana")
    assert response.status_code == 302
    assert client.get("/quizzes").status_code == 200
    [user] = _users(app)
    assert user.email == "ana@example.org" and user.role == "student"
    assert PASSWORD not in user.password_hash and user.password_hash.startswith("pbkdf2:")


def test_signup_errors_are_tied_to_their_fields(client, auth):
    response = auth.signup(email="not-an-email", password="short")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert 'id="email-error"' in html and 'aria-describedby="email-error"' in html
    assert 'aria-invalid="true"' in html
    assert "Use at least 10 characters (this one has 5)." in html
    assert 'id="password-hint password-error"' not in html
    assert 'aria-describedby="password-hint password-error"' in html


def test_signup_refuses_a_taken_email(app, auth):
    auth.signup()
    auth.logout()
    response = auth.signup(name="Other")
    assert response.status_code == 400
    assert "No new account can be made with this e-mail address" in response.get_data(as_text=True)
    assert len(_users(app)) == 1


def test_signup_cannot_choose_a_role(app, auth):
    auth.signup(role="teacher")
    assert _users(app)[0].role == "student"


def test_login_and_logout(client, auth):
    auth.signup()
    auth.logout()
    assert client.get("/quizzes").status_code == 302  # to the login page
    wrong = auth.login(password="wrong password")
    assert wrong.status_code == 400 and "wrong" in wrong.get_data(as_text=True)
    assert client.get("/quizzes").status_code == 302
    assert auth.login(email="STUDENT@example.org").status_code == 302
    assert client.get("/quizzes").status_code == 200
    assert client.get("/auth/logout").status_code == 405  # signing out is a POST (with CSRF)


def test_login_redirects_only_within_the_site(client, auth):
    auth.signup()
    auth.logout()
    ok = client.post("/auth/login?next=/history", data={"email": "student@example.org", "password": PASSWORD})
    assert ok.headers["Location"] == "/history"
    auth.logout()
    for evil in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        r = client.post(f"/auth/login?next={evil}", data={"email": "student@example.org", "password": PASSWORD})
        assert r.headers["Location"] == "/quizzes", evil
        auth.logout()


def test_pages_that_need_an_account_send_to_login(client):
    for url in ("/quizzes", "/history", "/attempts/1", "/attempts/1/q/1"):
        response = client.get(url)
        assert response.status_code == 302 and "/auth/login" in response.headers["Location"], url


def test_a_fresh_database_has_no_accounts_at_all(make_app):
    """No built-in default credentials."""
    app = make_app(load=False)
    runner = app.test_cli_runner()
    result = runner.invoke(args=["init"])
    assert result.exit_code == 0, result.output
    assert _users(app) == []


def test_users_create_teacher_from_the_cli(app):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["users", "create", "--role", "teacher", "--email", "T@School.org",
                                 "--name", "Tess Teacher"], input=f"{PASSWORD}\n{PASSWORD}\n")
    assert result.exit_code == 0, result.output
    [user] = _users(app)
    assert (user.email, user.role, user.name) == ("t@school.org", "teacher", "Tess Teacher")
    assert PASSWORD not in user.password_hash
    client = app.test_client()
    assert client.post("/auth/login", data={"email": "t@school.org", "password": PASSWORD}).status_code == 302


def test_users_create_refuses_a_short_password_and_a_duplicate(app):
    runner = app.test_cli_runner()
    short = runner.invoke(args=["users", "create", "--email", "a@b.org", "--name", "A", "--password", "short"])
    assert short.exit_code != 0 and "10 characters" in short.output
    ok = runner.invoke(args=["users", "create", "--email", "a@b.org", "--name", "A", "--password", PASSWORD])
    assert ok.exit_code == 0
    dup = runner.invoke(args=["users", "create", "--email", "a@b.org", "--name", "A", "--password", PASSWORD])
    assert dup.exit_code != 0 and "No new account can be made" in dup.output


def _setup_link(output: str) -> str:
    match = re.search(r"http://127\.0\.0\.1:5000(/auth/setup/[\w-]+)", output)
    assert match, output
    return match.group(1)


def test_init_prints_a_one_time_link_that_creates_the_first_teacher(make_app):
    app = make_app(load=False)
    runner = app.test_cli_runner()
    first = runner.invoke(args=["init"])
    assert first.exit_code == 0, first.output
    old_path = _setup_link(first.output)
    second = runner.invoke(args=["init"])  # a new link replaces the old one
    path = _setup_link(second.output)
    assert path != old_path
    client = app.test_client()
    assert client.get(old_path).status_code == 404
    assert client.get(path).status_code == 200
    response = client.post(path, data={"name": "Tess", "email": "tess@school.org",
                                       "password": PASSWORD, "confirm": PASSWORD})
    assert response.status_code == 302
    [user] = _users(app)
    assert user.role == "teacher"
    # The link works once: now it is gone, and init no longer prints one.
    assert client.get(path).status_code == 404
    assert app.test_client().post(path, data={"name": "Eve", "email": "eve@x.org", "password": PASSWORD,
                                              "confirm": PASSWORD}).status_code == 404
    third = runner.invoke(args=["init"])
    assert "/auth/setup/" not in third.output
    assert len(_users(app)) == 1


def test_setup_tokens_are_stored_hashed(make_app):
    app = make_app(load=False)
    result = app.test_cli_runner().invoke(args=["init"])
    token = _setup_link(result.output).rsplit("/", 1)[1]
    with app.app_context():
        hashes = db.session.scalars(select(SetupToken.token_hash)).all()
    assert token not in hashes and len(hashes) == 1


def test_no_setup_link_once_a_teacher_exists(make_app):
    app = make_app(load=False)
    runner = app.test_cli_runner()
    runner.invoke(args=["users", "create", "--role", "teacher", "--email", "t@s.org", "--name", "T",
                        "--password", PASSWORD])
    result = runner.invoke(args=["init"])
    assert result.exit_code == 0 and "/auth/setup/" not in result.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(SetupToken)) == 0
