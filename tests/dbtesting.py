"""The databases of a test run: SQLite files, or PostgreSQL databases of the run's own.

``QUIZAPP_TEST_DATABASE_URL`` chooses the backend of the whole run: unset or empty is SQLite,
``postgresql://user@host:port/db`` is PostgreSQL (``db`` is only where the run connects to
create and drop its own databases; nothing is written there).

SQLite: a template file is built once per run (the real Alembic migrations, then the test library)
and every test gets a copy of it.

PostgreSQL: ``CREATE DATABASE … TEMPLATE`` costs ~60 ms and ``DROP DATABASE`` ~100 ms on this
machine (every database carries a copy of the catalogs), which would more than double the suite.
So a run builds, once:

* ``<prefix>_tpl``: migrated and loaded, with a snapshot of every table's rows and sequences in
  the schema ``qa_snapshot`` and a function ``qa_snapshot.reset(loaded)`` that puts the database
  back to the snapshot (or to empty tables) in one statement (~10 ms);
* ``<prefix>_run``: a clone of it, which the tests share one after the other. Before a test uses
  it, the other connections to it are ended and ``reset()`` runs (a few ms).

A test that needs more than one database at a time (a second ``make_app``) gets a clone of
``<prefix>_tpl`` (kept after it for the next such test, and reset before use); a test that changes
the schema (``@pytest.mark.own_database``) gets a clone that is dropped after it. ``<prefix>`` is ``quizapp_test_<unix time>_<pid>_<random>``: parallel runs never meet,
and everything the run made is dropped at its end, whether tests failed or not; a run that was
killed leaves databases that the next run drops once they are a day old.
"""
from __future__ import annotations

import os
import re
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa
from flask_migrate import upgrade
from sqlalchemy.engine import make_url

from quizapp import create_app
from quizapp.extensions import db
from quizapp.services import catalog

DATA = Path(__file__).resolve().parent / "data"

PREFIX_RE = re.compile(r"^quizapp_test_(\d+)_\d+_[0-9a-f]+_")
STALE_SECONDS = 24 * 3600
SNAPSHOT = "qa_snapshot"


def test_database_url() -> str:
    return os.environ.get("QUIZAPP_TEST_DATABASE_URL", "").strip()


def is_postgres(url: str | None = None) -> bool:
    url = test_database_url() if url is None else url
    return url.startswith(("postgresql", "postgres:"))


def backend() -> str:
    return "postgresql" if is_postgres() else "sqlite"


def app_config(url: str, **overrides) -> dict:
    """The configuration of an app under test, on the database at ``url``."""
    config = {
        "TESTING": True,
        "SECRET_KEY": "test-secret-key",
        "SQLALCHEMY_DATABASE_URI": url,
        "WTF_CSRF_ENABLED": False,  # tests/…/test_*csrf* turn it on to check the refusals
        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",  # fast in tests; scrypt in the app
        "QUIZAPP_SOURCES_DIR": str(DATA / "sources"),
        "QUIZAPP_BANK_DIR": str(DATA / "bank"),
        "QUIZAPP_SEED_FILE": str(DATA / "quizzes.json"),
        "RATELIMIT_STORAGE_URI": "memory://",  # tests/web/test_security_throttle.py uses Redis itself
    }
    config.update(overrides)
    return config


def build_database(url: str, load: bool = True, **overrides) -> None:
    """Migrate the (new, empty) database at ``url`` and (optionally) load the test library."""
    app = create_app(app_config(url, **overrides))
    with app.app_context():
        upgrade(directory=app.config["QUIZAPP_MIGRATIONS_DIR"])
        if load:
            cfg = app.config
            catalog.load_library(Path(cfg["QUIZAPP_SOURCES_DIR"]), Path(cfg["QUIZAPP_BANK_DIR"]),
                                 Path(cfg["QUIZAPP_SEED_FILE"]))
            db.session.commit()
        db.session.remove()
        db.engine.dispose()


def psycopg_url(url: str) -> sa.URL:
    parsed = make_url(url)
    if parsed.drivername in ("postgres", "postgresql"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def connect_admin(url: sa.URL, database: str | None = None):
    """A psycopg connection in autocommit mode (CREATE/DROP DATABASE cannot run in a transaction)."""
    import psycopg  # the PostgreSQL pass only

    return psycopg.connect(host=url.host or "127.0.0.1", port=url.port or 5432, user=url.username,
                           password=url.password, dbname=database or url.database or "postgres",
                           autocommit=True, connect_timeout=10)


# The reset function: one round trip, in the run's database. It deletes every row of the app's
# tables (children first; alembic_version stays), puts the snapshot's rows back (parents first)
# and the sequences back to where the snapshot left them. DELETE, not TRUNCATE: on these small
# tables TRUNCATE costs ~200 ms (new files for every table and index), DELETE a few ms.
RESET_FUNCTION = f"""
CREATE FUNCTION {SNAPSHOT}.reset(loaded boolean) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  t record;
  s record;
BEGIN
  FOR t IN SELECT name FROM {SNAPSHOT}.tables ORDER BY position DESC LOOP
    EXECUTE format('DELETE FROM public.%I', t.name);
  END LOOP;
  IF loaded THEN
    FOR t IN SELECT name FROM {SNAPSHOT}.tables ORDER BY position LOOP
      EXECUTE format('INSERT INTO public.%I SELECT * FROM {SNAPSHOT}.%I', t.name, t.name);
    END LOOP;
    FOR s IN SELECT name, last_value, is_called FROM {SNAPSHOT}.sequences LOOP
      PERFORM setval(format('public.%I', s.name)::regclass, s.last_value, s.is_called);
    END LOOP;
  ELSE
    FOR s IN SELECT name FROM {SNAPSHOT}.sequences LOOP
      PERFORM setval(format('public.%I', s.name)::regclass, 1, false);
    END LOOP;
  END IF;
END $$;
"""


def snapshot(conn, tables: list[str]) -> None:
    """Keep the rows of ``tables`` (in foreign-key order) and the sequences, and add reset()."""
    conn.execute(f"CREATE SCHEMA {SNAPSHOT}")
    conn.execute(f"CREATE TABLE {SNAPSHOT}.tables (position int, name text)")
    for position, name in enumerate(tables):
        conn.execute(f'CREATE TABLE {SNAPSHOT}."{name}" AS TABLE public."{name}"')
        conn.execute(f"INSERT INTO {SNAPSHOT}.tables VALUES (%s, %s)", (position, name))
    conn.execute(f"CREATE TABLE {SNAPSHOT}.sequences (name text, last_value bigint, is_called boolean)")
    sequences = [r[0] for r in conn.execute(
        "SELECT sequencename FROM pg_sequences WHERE schemaname = 'public'").fetchall()]
    for name in sequences:
        conn.execute(f'INSERT INTO {SNAPSHOT}.sequences SELECT %s, last_value, is_called FROM public."{name}"',
                     (name,))
    conn.execute(RESET_FUNCTION)


class SQLiteDatabases:
    """Template files built once; every database is a copy."""

    def __init__(self, base: Path, build):
        self.base, self.build, self.templates = base, build, {}

    def template(self, load: bool) -> Path:
        if load not in self.templates:
            path = self.base / ("loaded.sqlite3" if load else "empty.sqlite3")
            self.build(f"sqlite:///{path}", load=load)
            self.templates[load] = path
        return self.templates[load]

    def new(self, directory: Path, load: bool, shared: bool, name: str, reusable: bool = True) -> str:
        path = directory / f"{name}.sqlite3"
        shutil.copyfile(self.template(load), path)
        return f"sqlite:///{path}"

    def release(self, url: str, reusable: bool = True) -> None:
        pass

    def close(self) -> None:
        pass


class PostgresDatabases:
    """One template and one shared database per run, plus clones for tests that need their own."""

    def __init__(self, url: str, build, tables: list[str]):
        self.url = psycopg_url(url)
        self.prefix = f"quizapp_test_{int(time.time())}_{os.getpid()}_{secrets.token_hex(3)}"
        self.admin = connect_admin(self.url)
        self.made: list[str] = []
        self.spares: list[str] = []
        self.counter = 0
        self.run_conn = None
        try:
            drop_stale(self.admin)
            self.template_name = self._create(f"{self.prefix}_tpl")
            build(self.url_of(self.template_name), load=True)
            with connect_admin(self.url, self.template_name) as conn:
                snapshot(conn, tables)
            self.run_name = self._create(f"{self.prefix}_run", template=self.template_name)
            self.run_conn = connect_admin(self.url, self.run_name)
        except BaseException:
            self.close()  # what was made so far
            raise

    def url_of(self, name: str) -> str:
        return self.url.set(database=name).render_as_string(hide_password=False)

    def _create(self, name: str, template: str | None = None) -> str:
        self.made.append(name)
        clause = f' TEMPLATE "{template}"' if template else ""
        self.admin.execute(f'CREATE DATABASE "{name}"{clause}')
        # A commit need not wait for the disk in a throwaway database: the suite's time on a
        # busy machine was mostly fsync. (Only these databases; nothing else on the server.)
        self.admin.execute(f'ALTER DATABASE "{name}" SET synchronous_commit = off')
        return name

    def new(self, directory: Path, load: bool, shared: bool, name: str, reusable: bool = True) -> str:
        if shared:
            self._reset(self.run_conn, load)
            return self.url_of(self.run_name)
        if reusable and self.spares:  # a second database of an earlier test, put back
            own = self.spares.pop()
            with connect_admin(self.url, own) as conn:
                self._reset(conn, load)
            return self.url_of(own)
        self.counter += 1
        own = self._create(f"{self.prefix}_{self.counter}", template=self.template_name)
        if not load:
            with connect_admin(self.url, own) as conn:
                conn.execute(f"SELECT {SNAPSHOT}.reset(false)")
        return self.url_of(own)

    @staticmethod
    def _reset(conn, load: bool) -> None:
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                     "WHERE datname = current_database() AND pid <> pg_backend_pid()")
        conn.execute(f"SELECT {SNAPSHOT}.reset(%s)", (load,))

    def release(self, url: str, reusable: bool = True) -> None:
        """The test is over. A database whose schema the test may have changed is dropped; the
        others are kept for the next test that needs a second one (DROP DATABASE costs ~100 ms)."""
        name = make_url(url).database
        if name == self.run_name or name not in self.made:
            return
        if reusable:
            self.spares.append(name)
        else:
            self.admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            self.made.remove(name)

    def close(self) -> None:
        if self.run_conn is not None:
            self.run_conn.close()
        for name in reversed(self.made):
            self.admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.made.clear()
        self.admin.close()


def drop_stale(admin) -> None:
    """Drop the databases of runs that were killed more than a day ago."""
    now = time.time()
    for (name,) in admin.execute(
            "SELECT datname FROM pg_database WHERE starts_with(datname, 'quizapp_test_')").fetchall():
        match = PREFIX_RE.match(name)
        if match and now - int(match.group(1)) > STALE_SECONDS:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run_databases(prefix: str, admin) -> list[str]:
    return [r[0] for r in admin.execute(
        "SELECT datname FROM pg_database WHERE starts_with(datname, %s)", (prefix,)).fetchall()]


# --- a private PostgreSQL server, for the tests that stop and restart one --------------------


def postgres_bindir() -> Path | None:
    """Debian's PostgreSQL binaries (the newest version installed), or None."""
    for candidate in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (candidate / "initdb").exists() and (candidate / "pg_ctl").exists():
            return candidate
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PrivateCluster:
    """A throwaway PostgreSQL cluster in a temporary directory, on a free port of 127.0.0.1.

    Run as the ``postgres`` OS user when the tests run as root (the server refuses root). It is
    the only server these tests stop and start: the shared one on 5432 is never touched.
    """

    def __init__(self, bindir: Path):
        self.bindir = bindir
        self.dir = Path(tempfile.mkdtemp(prefix="quizapp-pg-"))
        self.data, self.log = self.dir / "data", self.dir / "server.log"
        self.port = free_port()
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                  "--locale=C", "--no-sync")
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/quizapp"
        self.start()
        with self.admin() as conn:
            conn.execute("CREATE DATABASE quizapp")

    def _run(self, tool: str, *args: str) -> None:
        result = subprocess.run([*self.as_postgres, str(self.bindir / tool), *args],
                                capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            log = self.log.read_text() if self.log.exists() else ""
            raise RuntimeError(f"{tool} failed ({result.returncode}): {result.stderr}{result.stdout}\n{log}")

    def admin(self, database: str = "postgres"):
        return connect_admin(make_url(self.url), database)

    def start(self) -> None:
        options = (f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.dir} -c fsync=off "
                   "-c max_connections=30 -c shared_buffers=16MB")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "-t", "60", "start")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop")

    def restart(self) -> None:
        self.stop()
        self.start()

    def destroy(self) -> None:
        try:
            if (self.data / "postmaster.pid").exists():
                self.stop("immediate")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)
