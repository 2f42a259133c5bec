"""The factory, the configuration from the environment, and /healthz."""
import stat

from quizapp import config, create_app
from quizapp.extensions import db


def test_database_url_defaults_to_sqlite_in_the_instance_folder(tmp_path):
    url = config.database_url(str(tmp_path), env={})
    assert url == f"sqlite:///{tmp_path}/quizapp.sqlite3"


def test_database_url_from_the_environment(tmp_path):
    assert config.database_url(str(tmp_path), env={"DATABASE_URL": "sqlite:////x/y.db"}) == "sqlite:////x/y.db"
    assert config.database_url(str(tmp_path), env={"DATABASE_URL": "postgresql://u@h/db"}) == \
        "postgresql+psycopg://u@h/db"
    assert config.database_url(str(tmp_path), env={"DATABASE_URL": "postgres://u@h/db"}) == \
        "postgresql+psycopg://u@h/db"


def test_secret_key_is_generated_once_and_kept(tmp_path):
    key = config.instance_secret_key(str(tmp_path))
    assert len(key) >= 64
    path = tmp_path / "secret_key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert config.instance_secret_key(str(tmp_path)) == key  # the same on the next start


def test_create_app_reads_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/env.db")
    monkeypatch.setenv("SECRET_KEY", "from-the-environment")
    app = create_app()
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path}/env.db"
    assert app.config["SECRET_KEY"] == "from-the-environment"
    assert app.config["WTF_CSRF_TIME_LIMIT"] is None  # tokens do not expire mid-attempt
    with app.app_context():
        db.engine.dispose()


def test_test_config_overrides(app):
    assert app.testing
    assert app.config["SECRET_KEY"] == "test-secret-key"


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "database": "ok"}


def test_healthz_reports_a_broken_database(make_app, tmp_path):
    app = make_app(SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path}/no-such-dir/x.db")
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.json["database"] == "unavailable"


def test_unknown_pages_are_404_not_500(client, student):
    for url in ("/nope", "/documents/nope", "/attempts/999999", "/attempts/999999/q/1",
                "/attempts/999999/results", "/attempts/999999/q/1/explanation", "/attempts/x/q/1"):
        assert client.get(url).status_code == 404, url


def test_pages_are_served_without_any_external_resource(client, student):
    for url in ("/", "/quizzes", "/documents", "/documents/harbour-lighthouse", "/history"):
        html = client.get(url, follow_redirects=True).get_data(as_text=True)
        assert "http://" not in html.replace("http://localhost", "") and "https://" not in html, url
        assert "<style" not in html and " style=" not in html, url  # one stylesheet of our own


def test_static_stylesheet_and_script(client):
    assert client.get("/static/style.css").status_code == 200
    assert client.get("/static/quiz.js").status_code == 200


def test_huge_or_odd_ids_are_404_not_500(client, student):
    huge = "9" * 25
    for url in (f"/attempts/{huge}", f"/attempts/{huge}/q/1", f"/attempts/1/q/{huge}", f"/attempts/{huge}/results",
                f"/attempts/{huge}/q/1/explanation", "/attempts/0/q/1", "/attempts/-1/q/1", "/attempts/1/q/0"):
        assert client.get(url).status_code == 404, url
    for url in (f"/quizzes/{huge}/start", f"/attempts/{huge}/q/1", f"/attempts/{huge}/finish", "/quizzes/0/start"):
        assert client.post(url, data={"go": "next"}).status_code == 404, url
