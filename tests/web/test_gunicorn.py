"""The app served by real gunicorn with the repository's ``gunicorn.conf.py``.

gunicorn runs as a subprocess on a free port of 127.0.0.1, against the test database of the run
(a SQLite file, or the run's PostgreSQL database in the PostgreSQL pass), with two gthread
workers. A student signs up, starts a quiz, answers every question through the HTTP interface
(some rightly, some wrongly: the test reads the key from the database, the page never tells),
finishes, and the results page and the database hold the score the test expects. Then gunicorn
is stopped with SIGTERM and must shut down cleanly.
"""
from __future__ import annotations

import html
import http.cookiejar
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from quizapp import create_app, serving
from quizapp.extensions import db
from quizapp.models import Attempt, AttemptItem, Response

import dbtesting

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).with_name("gunicorn")
PASSWORD = "amber lantern orchard 42"  # passes quizapp/passwords.py


class Browser:
    """Just enough of a browser: cookies, redirects followed, forms posted with their CSRF token."""

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path: str) -> tuple[int, str, str]:
        return self._open(urllib.request.Request(self.base + path))

    def post(self, path: str, fields: dict | list) -> tuple[int, str, str]:
        body = urllib.parse.urlencode(fields, doseq=True).encode()
        return self._open(urllib.request.Request(self.base + path, data=body, method="POST"))

    def _open(self, request) -> tuple[int, str, str]:
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.geturl().removeprefix(self.base), response.read().decode()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.geturl().removeprefix(self.base), exc.read().decode()


def csrf_token(page: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert match, page[:2000]
    return match.group(1)


def wait_for_health(base: str, process: subprocess.Popen, log: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"gunicorn exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    pytest.fail(f"gunicorn did not answer /healthz within {seconds} s:\n{log.read_text()}")


@pytest.fixture(params=["", "yes"], ids=["app-per-worker", "preloaded"])
def served(request, new_database, tmp_path):
    """(base URL, the database's URL, the log file) of gunicorn serving the app, built by each
    worker or, with GUNICORN_PRELOAD, by the master before it forks (serving.after_fork)."""
    if not GUNICORN.exists():
        pytest.fail(f"gunicorn is not installed in the virtualenv ({GUNICORN}): pip install -e '.[test]'")
    url = new_database()
    port = dbtesting.free_port()
    env = {**os.environ,
           "DATABASE_URL": url, "SECRET_KEY": "gunicorn-test-secret",
           "QUIZAPP_SOURCES_DIR": str(dbtesting.DATA / "sources"), "QUIZAPP_BANK_DIR": str(dbtesting.DATA / "bank"),
           "QUIZAPP_SEED_FILE": str(dbtesting.DATA / "quizzes.json"),
           "RATELIMIT_STORAGE_URI": "memory://",
           "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "2", "GUNICORN_THREADS": "2",
           "GUNICORN_GRACEFUL_TIMEOUT": "10", "GUNICORN_PRELOAD": request.param}
    env.pop("REDIS_URL", None)
    log = tmp_path / "gunicorn.log"
    with log.open("wb") as out:
        process = subprocess.Popen([str(GUNICORN), "-c", str(ROOT / "gunicorn.conf.py")], cwd=ROOT, env=env,
                                   stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_health(base, process, log)
        yield base, url, log, process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def test_a_student_takes_a_quiz_through_gunicorn(served, helpers):
    base, url, log, process = served
    quiz_driver = helpers[1]  # its form_for: the fields that answer an item rightly or wrongly
    browser = Browser(base)
    checker = create_app(dbtesting.app_config(url))  # only to read the database the server writes

    # Sign up through the real form (CSRF on, the real password policy, scrypt).
    status, where, page = browser.get("/auth/signup")
    assert status == 200
    status, where, page = browser.post("/auth/signup", {
        "csrf_token": csrf_token(page), "email": "gina@example.org", "name": "Gina Gunicorn",
        "password": PASSWORD, "confirm": PASSWORD})
    assert (status, where) == (200, "/quizzes"), page[:3000]

    # Start the quiz of the Keepers section (every question type): the start is a POST with the
    # token of the quiz list, and answers with question 1's page, which names its own address.
    card = next((c for c in page.split('<li class="card">') if "Lighthouse: the keepers</h3>" in c), None)
    assert card is not None, page[:3000]
    action = re.search(r'action="(/quizzes/\d+/start)"', card).group(1)
    status, where, page = browser.post(action, {"csrf_token": csrf_token(page)})
    match = re.search(r'<link rel="canonical" href="/attempts/(\d+)/q/1">', page)
    assert (status, where) == (200, action) and match, (status, where, page[:2000])
    attempt_id = int(match.group(1))

    with checker.app_context():
        items = db.session.scalars(db.select(AttemptItem).where(AttemptItem.attempt_id == attempt_id)
                                   .order_by(AttemptItem.slot)).all()
        for item in items:
            db.session.expunge(item)
        db.session.remove()
    total = len(items)
    assert total >= 3 and {i.type for i in items} - {"multiple_choice", "true_false"}, [i.type for i in items]
    expected = 0
    for n, item in enumerate(items):
        right = n % 2 == 0  # 1st, 3rd… right; 2nd, 4th… wrong (pass mark 100%: not passed)
        expected += right
        assert f"Question {item.slot} of {len(items)}" in page
        status, where, page = browser.post(f"/attempts/{attempt_id}/q/{item.slot}", {
            "csrf_token": csrf_token(page), "go": "next", **quiz_driver.form_for(
                {"type": item.type, "spec": item.snapshot["spec"], "layout": item.layout}, right)})
        assert status == 200, (status, page[:2000])
        assert where == (f"/attempts/{attempt_id}/q/{item.slot + 1}" if item.slot < len(items)
                         else f"/attempts/{attempt_id}/finish"), where

    assert f"You have answered all {total} questions" in page
    status, where, page = browser.post(f"/attempts/{attempt_id}/finish", {"csrf_token": csrf_token(page),
                                                                          "confirm": "yes"})
    assert (status, where) == (200, f"/attempts/{attempt_id}/results")
    score = re.search(r'<span class="big">([^<]+)</span> out of ([^<\s]+)', page)
    assert score and (html.unescape(score.group(1)), score.group(2)) == (str(expected), str(total)), score and score.groups()

    with checker.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert (attempt.state, attempt.score, attempt.max_score, attempt.passed) == ("finished", expected, float(total), False)
        responses = db.session.scalars(db.select(Response).where(Response.attempt_id == attempt_id)
                                       .order_by(Response.slot)).all()
        assert [(r.slot, r.score, r.changes) for r in responses] == [
            (n + 1, 1.0 if n % 2 == 0 else 0.0, 0) for n in range(total)]
        db.session.remove()
        db.engine.dispose()

    # A form without its token is refused by the served app too (CSRF is on, unlike the test client's).
    assert browser.post(f"/attempts/{attempt_id}/finish", {"confirm": "yes"})[0] == 400

    # A clean shutdown: SIGTERM, the workers finish, the master exits 0.
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 0, log.read_text()
    text = log.read_text()
    assert "Shutting down: Master" in text, text
    assert "Traceback" not in text, text
    assert re.search(r'"GET /healthz HTTP/1.1" 200', text), "the access log goes to stdout"
    # Two workers with the throttles in memory (RATELIMIT_STORAGE_URI=memory://): the log says so, once.
    assert text.count("throttles count in each worker's memory (2 workers)") == 1, text


def test_settings_come_from_the_environment():
    defaults = serving.settings({}, cpu_count=2)
    assert (defaults["worker_class"], defaults["workers"], defaults["threads"]) == (
        "quizapp.gunicorn_worker.FairThreadWorker", 2, 2)
    assert serving.settings({}, cpu_count=8)["workers"] == 8
    assert defaults["wsgi_app"] == "quizapp:create_app()" and defaults["bind"] == ["127.0.0.1:8000"]
    changed = serving.settings({"GUNICORN_WORKERS": "3", "GUNICORN_THREADS": "8", "GUNICORN_TIMEOUT": "60",
                                "GUNICORN_BIND": "0.0.0.0:80, unix:/run/quizapp.sock",
                                "GUNICORN_PRELOAD": "yes", "GUNICORN_ACCESSLOG": ""}, cpu_count=2)
    assert (changed["workers"], changed["threads"], changed["timeout"]) == (3, 8, 60)
    assert changed["bind"] == ["0.0.0.0:80", "unix:/run/quizapp.sock"]
    assert changed["preload_app"] is True and changed["accesslog"] is None
    with pytest.raises(ValueError, match="GUNICORN_WORKERS"):
        serving.settings({"GUNICORN_WORKERS": "many"})


def test_a_forked_worker_does_not_reuse_the_masters_connections(app):
    with app.app_context():
        db.session.execute(db.text("SELECT 1"))
        db.session.remove()
        engine = db.engine
        if engine.pool.checkedin() == 0:
            pytest.skip(f"this pool ({type(engine.pool).__name__}) keeps no connection to inherit")
        inherited = engine.pool.checkedin()
    serving.after_fork(app)
    with app.app_context():
        assert inherited >= 1 and db.engine.pool.checkedin() == 0


def test_the_unshared_throttles_warning_is_only_for_several_workers_without_redis(app, caplog):
    assert serving.warn_unshared_throttles(app, 3) is True  # the test app counts in memory
    assert "3 times looser" in caplog.text
    assert serving.warn_unshared_throttles(app, 1) is False
    app.config["RATELIMIT_STORAGE_URI"] = "redis://127.0.0.1:6379/0"
    assert serving.warn_unshared_throttles(app, 3) is False
