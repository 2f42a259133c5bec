"""SQLite tuned for a classroom: WAL, busy timeout, foreign keys, BEGIN IMMEDIATE for writes."""
import sqlite3
import threading
import time

import pytest
from sqlalchemy import event, func, select, text, update
from sqlalchemy.exc import IntegrityError, OperationalError

from quizapp.extensions import db
from quizapp.models import Quiz, Response, User

pytestmark = pytest.mark.sqlite_only


def test_pragmas(app):
    with app.app_context():
        conn = db.session.connection()
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_foreign_keys_are_enforced(app):
    with app.app_context():
        db.session.add(Response(attempt_id=424242, slot=1, question_id="hl-mc-built", answer={}, score=0))
        with pytest.raises(IntegrityError):
            db.session.flush()


@pytest.fixture
def begins(app):
    seen = []
    with app.app_context():
        engine = db.engine

    def record(conn, cursor, statement, *args):
        if statement.startswith("BEGIN"):
            seen.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    yield seen
    event.remove(engine, "before_cursor_execute", record)


def test_writes_begin_immediate_and_reads_do_not_queue(client, student, driver, begins):
    begins.clear()
    aid = driver.start()
    assert begins[-2:] == ["BEGIN", "BEGIN IMMEDIATE"]  # the start reads first (see the test below)
    begins.clear()
    item = driver.items(aid)[0]
    begins.clear()
    driver.answer(aid, item)
    assert begins and set(begins) == {"BEGIN IMMEDIATE"}
    begins.clear()
    client.get(f"/attempts/{aid}/q/1")
    assert begins and set(begins) == {"BEGIN"}


@pytest.fixture
def transactions(app):
    """The statements of each transaction, in order, each list opened by its BEGIN."""
    seen: list[list[str]] = []
    with app.app_context():
        engine = db.engine

    def record(conn, cursor, statement, *args):
        if statement.startswith("BEGIN"):
            seen.append([statement])
        elif seen and not statement.startswith("PRAGMA"):
            seen[-1].append(statement.split(" (")[0].split("\n")[0][:40])

    event.listen(engine, "before_cursor_execute", record)
    yield seen
    event.remove(engine, "before_cursor_execute", record)


@pytest.mark.parametrize("limited", [False, True])
def test_a_start_holds_the_write_lock_for_its_inserts_alone(app, client, student, driver, transactions, limited):
    """SQLite has one write lock for the whole database, and a class pressing "Start" at once
    queues for it: the account, the quiz and the draw are read in a deferred transaction, and only
    the two INSERTs run under BEGIN IMMEDIATE. A quiz with an attempt limit counts the attempts
    under the lock too, so that two tabs cannot both take the last one."""
    slug = "lighthouse-choices"
    if limited:
        with app.app_context():
            db.session.execute(update(Quiz).where(Quiz.slug == slug).values(attempts_allowed=1))
            db.session.commit()
    client.get("/quizzes")
    quiz_id = driver.quiz_id(slug)
    transactions.clear()
    assert client.post(f"/quizzes/{quiz_id}/start").status_code == 200
    read, write = transactions
    assert read[0] == "BEGIN" and read[1].startswith("SELECT users.")
    if limited:
        assert write[0] == "BEGIN IMMEDIATE" and write[-2:] == ["INSERT INTO attempts", "INSERT INTO attempt_items"]
        assert any(s.startswith("SELECT count(*)") for s in write)
    else:
        assert write == ["BEGIN IMMEDIATE", "INSERT INTO attempts", "INSERT INTO attempt_items"]


@pytest.mark.parametrize("method, path", [("GET", "/quizzes"), ("POST", "/auth/login")])
def test_a_request_that_began_deferred_cannot_write(app, method, path):
    """GETs and views marked @sqlite.read_only (the log-in) begin without the write lock; a write
    in them would fail only under load, when the lock upgrade meets another writer, so SQLite
    refuses every write in them (PRAGMA query_only), here as under load."""
    with app.test_request_context(path, method=method):
        with pytest.raises(OperationalError, match="readonly"):
            db.session.execute(update(User).values(name="written"))
        db.session.rollback()
        assert db.session.execute(select(func.count()).select_from(User)).scalar() >= 0  # reads still work
        db.session.rollback()
    # The same pooled connection writes again in a request that may write, and in a command.
    for context in (app.test_request_context("/attempts/1/q/1", method="POST"), app.app_context()):
        with context:
            db.session.execute(update(User).where(User.id == -1).values(name="written"))
            db.session.commit()


def test_commands_and_scripts_begin_immediate(app, begins):
    with app.app_context():
        db.session.execute(text("SELECT 1"))
        db.session.rollback()
    assert begins == ["BEGIN IMMEDIATE"]


def test_a_writer_waits_for_the_lock_instead_of_failing(app, client, student, driver):
    """The busy timeout at work: another connection holds the write lock when the answer
    arrives; the request waits for it and saves, instead of "database is locked"."""
    aid = driver.start()
    item = driver.items(aid)[0]
    path = app.config["SQLALCHEMY_DATABASE_URI"].removeprefix("sqlite:///")
    locked, release = threading.Event(), threading.Event()

    def hold_the_lock():
        other = sqlite3.connect(path, isolation_level=None, timeout=0)
        other.execute("BEGIN IMMEDIATE")
        locked.set()
        release.wait(10)
        time.sleep(0.3)  # still held while the request is already waiting
        other.execute("COMMIT")
        other.close()

    holder = threading.Thread(target=hold_the_lock)
    holder.start()
    assert locked.wait(10)
    release.set()
    response = driver.answer(aid, item)
    holder.join(10)
    assert response.status_code == 302
    assert 1 in driver.responses(aid)


def test_a_reader_in_the_middle_of_a_transaction_does_not_block_an_answer(app, client, student, driver):
    """WAL at work: with a rollback journal the answer could not commit while another connection
    is reading; with WAL it commits, and the reader keeps its own consistent snapshot."""
    aid = driver.start()
    item = driver.items(aid)[0]
    path = app.config["SQLALCHEMY_DATABASE_URI"].removeprefix("sqlite:///")
    reader = sqlite3.connect(path, isolation_level=None, timeout=0)
    try:
        reader.execute("BEGIN")
        assert reader.execute("SELECT count(*) FROM responses").fetchone()[0] == 0
        assert driver.answer(aid, item).status_code == 302
        assert reader.execute("SELECT count(*) FROM responses").fetchone()[0] == 0  # its snapshot
        reader.execute("COMMIT")
        assert reader.execute("SELECT count(*) FROM responses").fetchone()[0] == 1
    finally:
        reader.close()
