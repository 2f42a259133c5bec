"""PostgreSQL stops, restarts, or kills a connection in the middle of a request.

Each test runs the app against a private throwaway cluster (``dbtesting.PrivateCluster``: initdb
into a temporary directory, a free port of 127.0.0.1), never the shared server on 5432.

* While the server is down, requests answer 503 with a page saying that earlier answers are safe
  (not a 500); once it is back, the same app (no restart) serves again: the pool's pre-ping
  replaces the dead connections.
* A connection killed (or the server stopped) between the statements of one request leaves
  nothing half-written: the request's statements are one transaction, committed at its end.
* A full disk (a 1 MB tmpfs tablespace, when the tests may mount one) refuses the answer with
  the same 503 page and keeps the earlier ones.

These run in the PostgreSQL pass of ``make test``; without PostgreSQL's binaries they are skipped
on a development machine and fail in CI (``CI=true``).
"""
from __future__ import annotations

import logging
import os
import shutil
import subprocess
import threading
import time

import psycopg
import pytest
from sqlalchemy import event, func, select

from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import Attempt, AttemptItem, Response

import dbtesting

SAFE = "Your earlier answers are safe"


@pytest.fixture(scope="module")
def cluster():
    if dbtesting.backend() != "postgresql":
        pytest.skip("runs in the PostgreSQL pass (QUIZAPP_TEST_DATABASE_URL=postgresql://…; make test sets it)")
    bindir = dbtesting.postgres_bindir()
    if bindir is None:
        if os.environ.get("CI") == "true":
            pytest.fail("PostgreSQL binaries are missing in /usr/lib/postgresql/*/bin")
        pytest.skip("PostgreSQL binaries are missing in /usr/lib/postgresql/*/bin")
    made = dbtesting.PrivateCluster(bindir)
    try:
        dbtesting.build_database(made.url)
        with made.admin() as conn:  # a pristine copy for each test
            conn.execute("ALTER DATABASE quizapp RENAME TO quizapp_template")
        yield made
    finally:
        made.destroy()


@pytest.fixture
def app(cluster):
    with cluster.admin() as conn:
        conn.execute("DROP DATABASE IF EXISTS quizapp WITH (FORCE)")
        conn.execute("CREATE DATABASE quizapp TEMPLATE quizapp_template")
    app = create_app(dbtesting.app_config(cluster.url))
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def _counts(app, user_email: str = "student@example.org") -> dict:
    with app.app_context():
        try:
            attempts = db.session.scalars(select(Attempt)).all()
            return {
                "attempts": [(a.id, a.state, a.score) for a in attempts],
                "items": {a.id: db.session.scalar(select(func.count()).select_from(AttemptItem)
                                                  .where(AttemptItem.attempt_id == a.id)) for a in attempts},
                "responses": sorted(db.session.execute(select(Response.attempt_id, Response.slot,
                                                              Response.changes)).all()),
            }
        finally:
            db.session.remove()


def _unavailable(response, saving: bool = True) -> None:
    assert response.status_code == 503, response.status_code
    html = response.get_data(as_text=True)
    assert "Traceback" not in html
    assert (SAFE in html) if saving else ("could not be loaded" in html)


def test_requests_fail_only_while_postgres_is_down_then_the_app_recovers_by_itself(
        cluster, app, client, student, driver):
    aid = driver.start()
    items = driver.items(aid)
    assert driver.answer(aid, items[0]).status_code == 302

    # A restart between two requests: the pooled connections are dead, and nobody notices.
    cluster.restart()
    assert driver.answer(aid, items[1]).status_code == 302
    assert client.get("/healthz").status_code == 200

    # While it is down: a clear 503 for every request, never a 500.
    cluster.stop()
    try:
        _unavailable(driver.answer(aid, items[2]))
        _unavailable(client.get(f"/attempts/{aid}/q/3"), saving=False)
        _unavailable(client.get("/quizzes"), saving=False)
        assert client.get("/healthz").status_code == 503
    finally:
        cluster.start()

    # Back up: the same app serves again, and the answer the student sends again is saved once.
    assert driver.answer(aid, items[2]).status_code == 302
    assert client.get(f"/attempts/{aid}/q/3").status_code == 200
    assert client.get("/healthz").status_code == 200
    assert _counts(app)["responses"] == [(aid, 1, 0), (aid, 2, 0), (aid, 3, 0)]


def _kill_during(app, cluster, statement_prefix: str, how: str):
    """Once ``statement_prefix`` has run inside a request, kill that request's connection
    (``terminate``) or stop the whole server (``stop``) before the request commits."""
    with app.app_context():
        engine = db.engine
    fired = []

    def after(conn, _cursor, statement, *_args):
        if fired or not statement.startswith(statement_prefix):
            return
        fired.append(statement)
        if how == "terminate":
            pid = conn.connection.dbapi_connection.info.backend_pid
            with cluster.admin() as admin:
                assert admin.execute("SELECT pg_terminate_backend(%s, 10000)", (pid,)).fetchone()[0]
        else:
            cluster.stop("immediate")

    event.listen(engine, "after_cursor_execute", after)
    return fired, lambda: event.remove(engine, "after_cursor_execute", after)


@pytest.mark.parametrize("how", ["terminate", "stop"])
def test_a_connection_lost_in_the_middle_of_starting_leaves_no_half_made_attempt(
        cluster, app, client, student, driver, how):
    before = _counts(app)
    fired, remove = _kill_during(app, cluster, "INSERT INTO attempts", how)
    try:
        response = client.post(f"/quizzes/{driver.quiz_id('lighthouse-keepers')}/start")
    finally:
        remove()
        if how == "stop":
            cluster.start()
    assert fired, "the attempt was never inserted"
    _unavailable(response)
    assert _counts(app) == before  # neither the attempt nor any of its items

    aid = driver.start("lighthouse-keepers")  # the retry works, on the same app
    with app.app_context():
        drawn = int(db.session.get(Attempt, aid).max_score)  # the number of questions drawn
    assert drawn > 0 and _counts(app)["items"][aid] == drawn


@pytest.mark.parametrize("how", ["terminate", "stop"])
def test_a_connection_lost_in_the_middle_of_an_answer_leaves_no_half_written_answer(
        cluster, app, client, student, driver, how):
    aid = driver.start()
    items = driver.items(aid)
    assert driver.answer(aid, items[0]).status_code == 302
    before = _counts(app)
    fired, remove = _kill_during(app, cluster, "INSERT INTO responses", how)
    try:
        response = driver.answer(aid, items[1])
    finally:
        remove()
        if how == "stop":
            cluster.start()
    assert fired
    _unavailable(response)
    assert _counts(app) == before

    assert driver.answer(aid, items[1]).status_code == 302
    assert _counts(app)["responses"] == [(aid, 1, 0), (aid, 2, 0)]  # saved once, not twice


def test_a_connection_lost_in_the_middle_of_finishing_leaves_the_attempt_open(
        cluster, app, client, student, driver):
    aid = driver.start()
    for item in driver.items(aid):
        assert driver.answer(aid, item).status_code == 302
    before = _counts(app)
    fired, remove = _kill_during(app, cluster, "UPDATE attempts", "terminate")
    try:
        response = driver.finish(aid)
    finally:
        remove()
    assert fired
    _unavailable(response)
    assert _counts(app) == before  # still in progress, no score

    assert driver.finish(aid).status_code == 302
    (state_after,) = [(state, score) for i, state, score in _counts(app)["attempts"] if i == aid]
    assert state_after[0] == "finished" and state_after[1] == len(driver.items(aid))


def test_students_answering_while_postgres_restarts_see_503_then_carry_on(cluster, app, helpers):
    """Four students answer in parallel threads (bounded: ≤ 30 s, ≤ 1000 requests each) while the
    server stops for a moment and starts again. Every request is saved (302) or refused with the
    503 page, never a 500; after the restart every student's requests are saved again; and every
    saved answer is in the database once, with its number of changes matching the saves."""
    AuthActions, QuizDriver = helpers
    students = []
    for n in range(4):
        client = app.test_client()
        assert AuthActions(client).signup(email=f"s{n}@example.org").status_code == 302
        drv = QuizDriver(app, client)
        aid = drv.start()
        students.append((drv, aid, drv.items(aid)))
    restarted = threading.Event()
    stop_at = [time.monotonic() + 30]
    logs = [[] for _ in students]

    def answer_all(index: int) -> None:
        drv, aid, items = students[index]
        for request_no in range(1000):
            if time.monotonic() > stop_at[0]:
                return
            item = items[request_no % len(items)]
            back = restarted.is_set()  # the server was up again before this request began
            status = drv.answer(aid, item, right=request_no % 2 == 0).status_code
            logs[index].append((item["slot"], status, back))
            time.sleep(0.01)

    threads = [threading.Thread(target=answer_all, args=(i,)) for i in range(len(students))]
    for t in threads:
        t.start()
    time.sleep(1.0)
    cluster.stop()
    time.sleep(0.5)
    cluster.start()
    restarted.set()
    stop_at[0] = time.monotonic() + 1.5  # a little more traffic once it is back
    for t in threads:
        t.join(60)
    assert not any(t.is_alive() for t in threads)

    statuses = [status for log in logs for _, status, _ in log]
    assert set(statuses) <= {302, 503}, sorted(set(statuses))
    assert 503 in statuses  # the outage was seen…
    for log in logs:  # …and every request made once the server was back was saved
        after = [status for _, status, back in log if back]
        assert after and set(after) == {302}, log[-10:]
    for (drv, aid, items), log in zip(students, logs):
        saved = drv.responses(aid)
        for slot in {s for s, _, _ in log}:
            ok = sum(1 for s, status, _ in log if s == slot and status == 302)
            refused = sum(1 for s, status, _ in log if s == slot and status == 503)
            # Each save is one row update: never lost, never counted twice. (A commit whose reply
            # was lost with the connection may have landed: at most one per refused request.)
            assert ok <= saved[slot]["changes"] + 1 <= ok + refused, (slot, ok, refused, saved[slot])


@pytest.fixture
def small_disk(cluster):
    """A 1 MB tmpfs mounted in the private cluster's directory, for a tablespace that fills up.
    Mounting needs root (CAP_SYS_ADMIN): without it the test is skipped, with the reason."""
    path = cluster.dir / "small-disk"
    path.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", str(path)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs for a full disk: {mounted.stderr.strip()}")
    try:
        if os.geteuid() == 0:
            shutil.chown(path, "postgres", "postgres")
        yield path
    finally:
        with cluster.admin() as conn:
            conn.execute("DROP DATABASE IF EXISTS quizapp WITH (FORCE)")
            conn.execute("DROP TABLESPACE IF EXISTS small_disk")
        subprocess.run(["umount", str(path)], check=True)


def test_a_full_disk_on_postgres_refuses_the_answer_clearly_and_keeps_the_saved_ones(
        cluster, app, client, student, driver, small_disk, caplog):
    """The answers' table lives on a 1 MB disk that fills up: the answer is refused with the 503
    page, the earlier answer is intact, and once there is room again it is saved."""
    aid = driver.start()
    items = driver.items(aid)
    assert driver.answer(aid, items[0]).status_code == 302
    with cluster.admin("quizapp") as conn:
        conn.execute(f"CREATE TABLESPACE small_disk LOCATION '{small_disk}'")
        conn.execute("ALTER TABLE responses SET TABLESPACE small_disk")
        # Fill the disk with the smallest rows next to the real ones (slots no item has; foreign
        # keys off for this connection only), committed one batch at a time, until it is full.
        conn.execute("SET session_replication_role = replica")
        insert = ("INSERT INTO responses (attempt_id, slot, question_id, answer, score, answered_at, changes) "
                  "SELECT %s, g, %s, '{}', 0, now(), 0 FROM generate_series(%s::int, %s::int) g")
        slot, batch = 1000, 500
        while batch:
            try:
                conn.execute(insert, (aid, items[1]["question_id"], slot, slot + batch - 1))
                slot += batch
            except psycopg.errors.DiskFull:
                batch //= 5  # then smaller batches, down to single rows, until one row fails
            assert slot < 200_000, "the disk never filled up"
    before = _counts(app)

    with caplog.at_level(logging.ERROR, logger="quizapp"):
        response = driver.answer(aid, items[1])
    _unavailable(response)
    assert "No space left on device" in caplog.text  # it was the full disk
    assert _counts(app) == before

    subprocess.run(["mount", "-o", "remount,size=8m", str(small_disk)], check=True)  # room again
    assert driver.answer(aid, items[1]).status_code == 302
    assert [(s, c) for a, s, c in _counts(app)["responses"] if s < 1000] == [(1, 0), (2, 0)]
