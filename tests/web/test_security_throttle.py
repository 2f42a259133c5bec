"""Log-in and sign-up are throttled per account and per address (Flask-Limiter); the counts are
shared by separate workers through Redis; the address is the client's, through ProxyFix only when
proxies are trusted; a throttled request gets a clear 429 page."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from quizapp import config
from quizapp.extensions import db
from quizapp.services import accounts

TEST_PASSWORD = "correct horse battery"  # as tests/conftest.py

REDIS_URL = os.environ.get("QUIZAPP_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
VICTIM = "victim@example.org"


def _app(make_app, **overrides):
    settings = {"QUIZAPP_LIMIT_ACCOUNT": "5 per minute", "QUIZAPP_LIMIT_ADDRESS": "8 per minute",
                "QUIZAPP_LIMIT_SIGNUP_ADDRESS": "4 per minute"}
    settings.update(overrides)
    app = make_app(**settings)
    with app.app_context():
        accounts.create_user(VICTIM, "Vic Tim", TEST_PASSWORD)
        db.session.commit()
    return app


def _login(client, email=VICTIM, password="wrong password 1", address="10.0.0.1", **headers):
    return client.post("/auth/login", data={"email": email, "password": password},
                       environ_base={"REMOTE_ADDR": address}, headers=headers)


def _signup(client, email, address="10.0.0.1", password=TEST_PASSWORD):
    return client.post("/auth/signup", data={"email": email, "name": "New Person", "password": password,
                                             "confirm": password}, environ_base={"REMOTE_ADDR": address})


def test_one_account_from_many_addresses(make_app):
    app = _app(make_app)
    client = app.test_client()
    for n in range(5):
        assert _login(client, address=f"198.51.100.{n}").status_code == 400
    refused = _login(client, address="198.51.100.99", password=TEST_PASSWORD)  # even the right password
    assert refused.status_code == 429
    html = refused.get_data(as_text=True)
    assert "Too many attempts" in html and "Wait a few minutes" in html
    assert int(refused.headers["Retry-After"]) > 0
    assert refused.headers["Content-Security-Policy"]
    assert client.get("/quizzes").status_code == 302  # not signed in
    # Other accounts from those addresses are not affected.
    with app.app_context():
        accounts.create_user("other@example.org", "Oth Er", TEST_PASSWORD)
        db.session.commit()
    assert _login(client, "other@example.org", TEST_PASSWORD, address="198.51.100.1").status_code == 302


def test_one_address_trying_many_accounts(make_app):
    app = _app(make_app)
    client = app.test_client()
    for n in range(8):
        assert _login(client, email=f"guess{n}@example.org", address="192.0.2.7").status_code == 400
    assert _login(client, email="guess99@example.org", address="192.0.2.7").status_code == 429
    # the victim's own (right) log-in from that address is refused too; from elsewhere it works
    assert _login(client, password=TEST_PASSWORD, address="192.0.2.7").status_code == 429
    assert _login(client, password=TEST_PASSWORD, address="192.0.2.8").status_code == 302


def test_successful_log_ins_do_not_use_up_an_address(make_app):
    """A class signing in from behind one school address at 9:00 is not throttled."""
    app = _app(make_app)
    with app.app_context():
        for n in range(20):
            accounts.create_user(f"pupil{n}@example.org", "Pupil", TEST_PASSWORD)
        db.session.commit()
    for n in range(20):
        client = app.test_client()
        assert _login(client, f"pupil{n}@example.org", TEST_PASSWORD, address="192.0.2.50").status_code == 302


def test_sign_up_is_throttled_per_address_and_per_account(make_app):
    app = _app(make_app)
    client = app.test_client()
    # Probing for a taken address from many addresses: the account's allowance runs out.
    for n in range(5):
        assert _signup(client, VICTIM, address=f"203.0.113.{n}").status_code == 400
    assert _signup(client, VICTIM, address="203.0.113.200").status_code == 429
    # Creating accounts in bulk from one address: 4 per minute here.
    for n in range(4):
        fresh = app.test_client()
        assert _signup(fresh, f"new{n}@example.org", address="203.0.113.77").status_code == 302
    assert _signup(app.test_client(), "new9@example.org", address="203.0.113.77").status_code == 429
    # Failed log-ins and failed sign-ups share the per-address allowance (8 here).
    for n in range(8):
        _signup(app.test_client(), f"weak{n}@example.org", address="203.0.113.88", password="short")
    assert _login(client, address="203.0.113.88").status_code == 429


def test_get_is_never_throttled(make_app):
    app = _app(make_app, QUIZAPP_LIMIT_ADDRESS="1 per minute")
    client = app.test_client()
    _login(client, address="192.0.2.9")
    assert _login(client, address="192.0.2.9").status_code == 429
    assert client.get("/auth/login", environ_base={"REMOTE_ADDR": "192.0.2.9"}).status_code == 200


def test_the_default_limits_are_set():
    defaults = config.defaults("/tmp", env={})
    assert defaults["RATELIMIT_STORAGE_URI"] == "memory://"
    assert defaults["QUIZAPP_LIMIT_ACCOUNT"] and defaults["QUIZAPP_LIMIT_ADDRESS"]
    assert config.defaults("/tmp", env={"REDIS_URL": "redis://127.0.0.1:6379/0"})["RATELIMIT_STORAGE_URI"] \
        == "redis://127.0.0.1:6379/0"
    assert config.defaults("/tmp", env={"REDIS_URL": "redis://a", "RATELIMIT_STORAGE_URI": "redis://b"})[
        "RATELIMIT_STORAGE_URI"] == "redis://b"


# --- the client's address behind a reverse proxy ---------------------------------------------------

def test_forwarded_for_is_ignored_without_trusted_proxies(make_app):
    """A client cannot dodge the per-address throttle by sending its own X-Forwarded-For."""
    app = _app(make_app, QUIZAPP_LIMIT_ADDRESS="3 per minute")
    client = app.test_client()
    for n in range(3):
        _login(client, email=f"g{n}@example.org", address="192.0.2.1", **{"X-Forwarded-For": f"10.9.9.{n}"})
    assert _login(client, email="g9@example.org", address="192.0.2.1",
                  **{"X-Forwarded-For": "10.9.9.200"}).status_code == 429
    fresh = app.test_client()
    assert "secure" not in fresh.get("/auth/login", headers={"X-Forwarded-Proto": "https"}).headers["Set-Cookie"].lower()


def test_behind_a_trusted_proxy_the_throttle_keys_on_the_real_client(make_app):
    app = _app(make_app, QUIZAPP_LIMIT_ADDRESS="3 per minute", QUIZAPP_TRUSTED_PROXIES=1)
    client = app.test_client()
    proxy = "127.0.0.1"  # every request arrives from the proxy
    for n in range(3):
        _login(client, email=f"g{n}@example.org", address=proxy, **{"X-Forwarded-For": "203.0.113.5"})
    assert _login(client, email="g9@example.org", address=proxy,
                  **{"X-Forwarded-For": "203.0.113.5"}).status_code == 429
    # another client behind the same proxy is not affected
    assert _login(client, email="g9@example.org", address=proxy,
                  **{"X-Forwarded-For": "203.0.113.6"}).status_code == 400
    # with one trusted proxy, only the last address the proxy appended counts (a spoofed first one does not)
    assert _login(client, email="g9@example.org", address=proxy,
                  **{"X-Forwarded-For": "1.2.3.4, 203.0.113.5"}).status_code == 429
    secure = app.test_client().get("/auth/login", headers={"X-Forwarded-Proto": "https"},
                                   environ_base={"REMOTE_ADDR": proxy})
    assert "secure" in secure.headers["Set-Cookie"].lower()
    assert secure.headers["Strict-Transport-Security"]


def test_trusted_proxies_must_be_a_number():
    assert config.trusted_proxies({}) == 0
    assert config.trusted_proxies({"QUIZAPP_TRUSTED_PROXIES": "2"}) == 2
    with pytest.raises(ValueError):
        config.trusted_proxies({"QUIZAPP_TRUSTED_PROXIES": "yes"})


# --- shared across workers: two processes, one Redis -----------------------------------------------

WORKER = r"""
import json, sys
sys.path.insert(0, sys.argv[2])
from flask_migrate import upgrade
from quizapp import create_app
settings = json.loads(sys.argv[1])
app = create_app(settings)
with app.app_context():
    upgrade(directory=app.config["QUIZAPP_MIGRATIONS_DIR"])  # a database of its own: the count is not in it
client = app.test_client()
codes = [client.post("/auth/login", data={"email": "victim@example.org", "password": "wrong password 2"},
                     environ_base={"REMOTE_ADDR": "198.51.100.%d" % n}).status_code for n in range(3)]
print(json.dumps(codes))
"""


def _redis():
    redis = pytest.importorskip("redis")
    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        reason = f"Redis is not reachable at {REDIS_URL} (scripts/test-services starts it)"
        if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    return client


@pytest.fixture
def redis_prefix():
    """A key prefix of this test run alone; its keys are removed afterwards."""
    client = _redis()
    prefix = f"quizapp-test-{uuid.uuid4().hex}"
    yield prefix
    keys = list(client.scan_iter(match=f"*{prefix}*"))
    if keys:
        client.delete(*keys)
    assert not list(client.scan_iter(match=f"*{prefix}*"))
    client.close()


def _two_workers(make_app, tmp_path: Path, storage: str, prefix: str) -> list[int]:
    """Worker A (this process) fails 3 log-ins, worker B (another process, its own app, its own
    limiter) fails 3 more; returns the status codes of B and then A's next attempt."""
    settings = {"QUIZAPP_LIMIT_ACCOUNT": "6 per minute", "QUIZAPP_LIMIT_ADDRESS": "100 per minute",
                "RATELIMIT_STORAGE_URI": storage, "QUIZAPP_RATELIMIT_PREFIX": prefix,
                "RATELIMIT_IN_MEMORY_FALLBACK_ENABLED": False}
    app = _app(make_app, **settings)
    client = app.test_client()
    for n in range(3):
        assert _login(client, address=f"192.0.2.{n}").status_code == 400
    # worker B: another process with its own app and database, sharing only the limiter's storage
    worker_config = {"TESTING": True, "SECRET_KEY": "test-secret-key", "WTF_CSRF_ENABLED": False,
                     "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'worker-b.sqlite3'}", **settings}
    root = str(Path(__file__).resolve().parents[2])
    done = subprocess.run([sys.executable, "-c", WORKER, json.dumps(worker_config), root],
                          capture_output=True, text=True, timeout=120, cwd=root)
    assert done.returncode == 0, done.stderr
    codes = json.loads(done.stdout.strip().splitlines()[-1])
    return codes + [_login(client, address="192.0.2.200").status_code]


def test_two_workers_share_one_count_in_redis(make_app, tmp_path, redis_prefix):
    codes = _two_workers(make_app, tmp_path, REDIS_URL, redis_prefix)
    assert codes == [400, 400, 400, 429]  # 3 + 3 failures: the 7th attempt, on worker A, is refused
    assert list(_redis().scan_iter(match=f"*{redis_prefix}*"))  # the counts are in Redis


def test_without_redis_each_worker_counts_alone(make_app, tmp_path):
    """The control: with in-memory counts the same six failures do not add up (so the test above
    can fail, and this is why production needs REDIS_URL with several workers)."""
    codes = _two_workers(make_app, tmp_path, "memory://", f"quizapp-test-{uuid.uuid4().hex}")
    assert codes == [400, 400, 400, 400]


def test_when_redis_is_down_the_throttle_falls_back_to_memory(make_app):
    """No Redis listening there: log-ins still work, and are still throttled (per process)."""
    app = _app(make_app, RATELIMIT_STORAGE_URI="redis://127.0.0.1:1/0", RATELIMIT_IN_MEMORY_FALLBACK_ENABLED=True)
    client = app.test_client()
    codes = [_login(client, address="192.0.2.60").status_code for _ in range(6)]
    assert codes == [400] * 5 + [429]
    assert _login(app.test_client(), "other@example.org", address="192.0.2.61").status_code == 400


def test_a_server_error_does_not_count_as_a_refused_attempt():
    """A 503 while the database restarts is nobody's wrong password: it must not use up the
    school address's allowance (found by bench/load.py's restart run: 429s after the restart)."""
    from flask import Response as FlaskResponse

    from quizapp.security import _failed

    assert _failed(FlaskResponse(status=400)) and _failed(FlaskResponse(status=401))
    assert not _failed(FlaskResponse(status=302)) and not _failed(FlaskResponse(status=200))
    assert not _failed(FlaskResponse(status=503)) and not _failed(FlaskResponse(status=500))
