"""SQLite tuned for a classroom of concurrent writers.

* WAL journal, so readers never block the writer;
* a busy timeout, so a writer waits for the lock instead of failing;
* foreign keys enforced;
* write transactions start with ``BEGIN IMMEDIATE``: the write lock is taken at the start, so
  a transaction never has to upgrade a read lock later, which is what fails with
  "database is locked" under concurrency.

pysqlite's own transaction handling is switched off (``isolation_level = None``) and SQLAlchemy
emits the ``BEGIN`` itself, as the SQLAlchemy documentation recommends. Requests that only read
(GET, HEAD, OPTIONS: they never write) begin a plain deferred transaction so that readers do not
queue behind writers, and so do the few POST views marked ``@read_only`` (signing in: it only
reads the account, then spends ~0.1 s of CPU on the password hash, and must not hold the write
lock meanwhile). A view marked ``@reads_first`` (starting a quiz) reads in a deferred transaction,
then writes in an IMMEDIATE one (``begin_writing``). Every other transaction, including the
command line's, is IMMEDIATE.
"""
from __future__ import annotations

from flask import current_app, has_request_context, request
from sqlalchemy import event
from sqlalchemy.engine import Engine

from quizapp.extensions import commit_keeping_loaded, db

BUSY_TIMEOUT_MS = 15_000
READ_ONLY_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
WRITING = "quizapp.writing"  # set in a @reads_first request once begin_writing has ended its reads


def _on_connect(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
    finally:
        cursor.close()


def read_only(view):
    """Mark a view whose requests never write to the database, whatever their method: its
    transactions begin deferred, without the write lock, and SQLite refuses any write in them
    (put it just under ``@bp.route``)."""
    view.quizapp_read_only = True
    return view


def reads_first(view):
    """Mark a view that reads and computes a while before it writes (starting a quiz: the account,
    the quiz, the draw): its first transaction begins deferred and read-only, and the service
    calls ``begin_writing`` before its first write, which ends that transaction so that the write
    lock is held for the writes alone. The database's one write lock is what a class pressing
    "Start" at once queues for: held for the whole request, it was the burst's bottleneck.
    (Put it just under ``@bp.route``.)"""
    view.quizapp_reads_first = True
    return view


def _view():
    return current_app.view_functions.get(request.endpoint) if request.endpoint else None


def begin_writing() -> None:
    """Before the first write of a ``@reads_first`` view on SQLite: commit the read transaction,
    keeping what it loaded (the objects are not expired), so that the next statement begins the
    write transaction. Anywhere else it does nothing: the request keeps its one transaction
    (PostgreSQL has no database-wide write lock to spare)."""
    if (not has_request_context() or request.environ.get(WRITING)
            or not getattr(_view(), "quizapp_reads_first", False)
            or db.session.get_bind().dialect.name != "sqlite"):
        return
    request.environ[WRITING] = True
    if db.session().in_transaction():
        commit_keeping_loaded()


def begin_statement() -> str:
    """The statement that opens a transaction in the current context."""
    if has_request_context():
        if request.method in READ_ONLY_METHODS:
            return "BEGIN"
        view = _view()
        if getattr(view, "quizapp_read_only", False):
            return "BEGIN"
        if getattr(view, "quizapp_reads_first", False) and not request.environ.get(WRITING):
            return "BEGIN"
    return "BEGIN IMMEDIATE"


def _on_begin(connection) -> None:
    statement = begin_statement()
    # A transaction that begins deferred is read-only, and SQLite is told so (``query_only``): a
    # write in a GET or in a view marked ``@read_only`` fails at once, in the tests too, instead
    # of failing only under load, when its lock upgrade finds another writer ("database is
    # locked"). The flag belongs to the connection (set before BEGIN: BEGIN IMMEDIATE is itself
    # a write), so it is set only when it changes.
    query_only = statement == "BEGIN"
    info = connection.connection.info
    if info.get("quizapp_query_only", False) != query_only:
        connection.exec_driver_sql(f"PRAGMA query_only = {int(query_only)}")
        info["quizapp_query_only"] = query_only
    connection.exec_driver_sql(statement)


def install(engine: Engine) -> None:
    """Attach the hooks to a SQLite engine (does nothing for other databases)."""
    if engine.dialect.name != "sqlite":
        return
    if event.contains(engine, "connect", _on_connect):
        return
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
