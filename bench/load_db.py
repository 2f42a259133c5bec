"""The database side of ``bench/load.py``: make a fresh database, seed it, and check it afterwards.

* ``Database``: a temporary SQLite file; a database of its own on the PostgreSQL server at
  127.0.0.1:5432 (created, then dropped); or a private PostgreSQL cluster started for the run
  (``initdb`` in a temporary directory, as tests/web/test_postgres_restart.py does), which the
  restart scenario stops and starts.
* ``seed``: the real migrations, the sample sources, bank and default quizzes (what ``quizapp
  init`` loads), and the students, written directly (one scrypt hash of the common password,
  stored for every account: sign-ins still pay scrypt, the seeding does not pay it 200 times).
  It also returns the answer key by prompt, which the simulated students use to answer rightly
  or wrongly on purpose, so that every expected score is known without asking the server.
* ``verify``: after the run, every check of the issue: no lost or duplicated answer, every score
  right (each response re-graded with the grading engine and compared with the stored score and
  with the student's own expectation), one finished attempt per student.
"""
from __future__ import annotations

import secrets
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from flask_migrate import upgrade
from sqlalchemy import func, insert, select
from werkzeug.security import generate_password_hash

from quizapp import create_app, filters
from quizapp.engine import grading
from quizapp.extensions import db
from quizapp.models import FINISHED, Attempt, AttemptItem, Question, Quiz, Response, User
from quizapp.services import catalog, quizzes

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
import dbtesting  # noqa: E402  (the private PostgreSQL cluster of the restart tests)

QUIZ_SLUG = "soviet-labour-mixed-review"  # ten questions of every type from the three sample documents
PASSWORD = "amber lantern orchard 42"  # passes the password policy
SHARED_PG = "postgresql://postgres@127.0.0.1:5432/postgres"


WARMUP_QUIZ_SLUG = "quick-check"  # taken by the warm-up accounts before the measured run


def email(n: int) -> str:
    return f"student{n:03d}@load.example.org"


def warmup_email(n: int) -> str:
    return f"warmup{n:03d}@load.example.org"


class PrivateCluster(dbtesting.PrivateCluster):
    """The tests' throwaway cluster, with room for every worker's pool."""

    def start(self) -> None:
        options = (f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.dir} -c fsync=off "
                   "-c max_connections=200 -c shared_buffers=64MB")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "-t", "60", "start")


class Database:
    """A fresh database for one run; ``close()`` removes it."""

    def __init__(self, kind: str):
        self.kind = kind
        self.dir = Path(tempfile.mkdtemp(prefix="quizapp-load-"))
        self.cluster: PrivateCluster | None = None
        self.name = ""
        if kind == "sqlite":
            self.url = f"sqlite:///{self.dir / 'quizapp.sqlite3'}"
        elif kind == "postgres":
            self.name = f"quizapp_load_{secrets.token_hex(4)}"
            admin_url = dbtesting.psycopg_url(SHARED_PG)
            with dbtesting.connect_admin(admin_url) as conn:
                conn.execute(f'CREATE DATABASE "{self.name}"')
            self.url = admin_url.set(database=self.name).render_as_string(hide_password=False)
        elif kind == "postgres-private":
            bindir = dbtesting.postgres_bindir()
            if bindir is None:
                raise SystemExit("PostgreSQL's binaries are missing in /usr/lib/postgresql/*/bin")
            self.cluster = PrivateCluster(bindir)
            self.url = self.cluster.url
        else:
            raise ValueError(kind)

    def close(self) -> None:
        try:
            if self.kind == "postgres" and self.name:
                with dbtesting.connect_admin(dbtesting.psycopg_url(SHARED_PG)) as conn:
                    conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
            if self.cluster is not None:
                self.cluster.destroy()
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


def checker_app(url: str):
    return create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "load-bench-checker",
                       "RATELIMIT_STORAGE_URI": "memory://"})


@dataclass
class Seeded:
    quiz_id: int
    count: int
    pool: int
    emails: list[str]
    warmup_quiz_id: int
    warmup_emails: list[str]
    key: dict[str, list[dict]]  # prompt -> [{"type", "right": [...], "wrong": [...]}]


def _key_entry(q: Question) -> dict:
    spec = q.spec
    if q.type in ("multiple_choice", "true_false", "multiple_response"):
        return {"type": q.type, "right": [c["text"] for c in spec["choices"] if c["correct"]],
                "wrong": [c["text"] for c in spec["choices"] if not c["correct"]]}
    if q.type in ("short_answer", "numeric"):
        return {"type": q.type, "right": [str(spec["answer"])],
                "wrong": ["-987654321" if q.type == "numeric" else "zzqx not an answer"]}
    return {"type": q.type, "right": [], "wrong": []}  # matching, ordering: answered without a key


def seed(url: str, students: int, warmups: int = 0) -> Seeded:
    app = checker_app(url)
    with app.app_context():
        upgrade(directory=app.config["QUIZAPP_MIGRATIONS_DIR"])
        cfg = app.config
        catalog.load_library(Path(cfg["QUIZAPP_SOURCES_DIR"]), Path(cfg["QUIZAPP_BANK_DIR"]),
                             Path(cfg["QUIZAPP_SEED_FILE"]))
        password_hash = generate_password_hash(PASSWORD, method=cfg["PASSWORD_HASH_METHOD"])
        emails = [email(n) for n in range(students)]
        warmup_emails = [warmup_email(n) for n in range(warmups)]
        db.session.execute(insert(User), [
            {"email": e, "name": f"Load Student {n}", "role": "student", "password_hash": password_hash}
            for n, e in enumerate(emails + warmup_emails)])
        db.session.commit()
        quiz = db.session.scalar(select(Quiz).where(Quiz.slug == QUIZ_SLUG))
        candidates = quizzes.rule_candidates(quiz.rules or {})
        pool = quizzes.pool_size(quiz, None)
        key: dict[str, list[dict]] = {}
        ids = [c.id for c in candidates]
        for q in db.session.scalars(select(Question).where(Question.id.in_(ids))):
            key.setdefault(q.prompt, []).append(_key_entry(q))
        if db.engine.dialect.name == "postgresql":
            db.session.execute(db.text("ANALYZE"))
            db.session.commit()
        warmup_quiz = db.session.scalar(select(Quiz.id).where(Quiz.slug == WARMUP_QUIZ_SLUG))
        seeded = Seeded(quiz.id, quiz.count, pool, emails, warmup_quiz, warmup_emails, key)
        db.session.remove()
        db.engine.dispose()
    if seeded.count < 10 or seeded.pool < seeded.count:
        raise SystemExit(f"the quiz {QUIZ_SLUG} draws {seeded.count} of {seeded.pool}: fewer than 10")
    return seeded


@dataclass
class StudentRecord:
    """What a simulated student saw and sent, for the checks."""
    email: str
    attempt_id: int | None = None
    saved: dict[int, float | None] = field(default_factory=dict)  # slot -> expected score (None: unknown)
    resent: set[int] = field(default_factory=set)  # slots whose answer was sent again after a failure
    finished: bool = False
    score_shown: str | None = None  # the score on the results page


@dataclass
class Verdict:
    ok: bool
    lines: list[str]


def verify(url: str, seeded: Seeded, records: list[StudentRecord]) -> Verdict:
    """Every check of the database after the run."""
    problems: list[str] = []
    app = checker_app(url)
    with app.app_context():
        users = dict(db.session.execute(select(User.email, User.id).where(User.email.in_(seeded.emails))).all())
        # The warm-up accounts' attempts (another quiz, before the run) are not the run's.
        attempts = db.session.scalars(select(Attempt).where(Attempt.quiz_id != seeded.warmup_quiz_id)).all()
        by_user: dict[int, list[Attempt]] = {}
        for a in attempts:
            by_user.setdefault(a.user_id, []).append(a)
        items = {}
        for item in db.session.scalars(select(AttemptItem).join(Attempt).where(Attempt.quiz_id != seeded.warmup_quiz_id)):
            items[(item.attempt_id, item.slot)] = item
        responses: dict[tuple[int, int], list[Response]] = {}
        for r in db.session.scalars(select(Response).join(Attempt, Attempt.id == Response.attempt_id)
                                    .where(Attempt.quiz_id != seeded.warmup_quiz_id)):
            responses.setdefault((r.attempt_id, r.slot), []).append(r)
        n_responses = sum(len(v) for v in responses.values())
        regraded = mismatched_expectation = 0
        for rec in records:
            mine = by_user.get(users.get(rec.email, -1), [])
            if len(mine) != 1:
                problems.append(f"{rec.email}: {len(mine)} attempts (expected 1)")
                continue
            a = mine[0]
            if rec.attempt_id != a.id:
                problems.append(f"{rec.email}: the student worked on attempt {rec.attempt_id}, the database has {a.id}")
            if a.quiz_id != seeded.quiz_id:
                problems.append(f"attempt {a.id}: quiz {a.quiz_id}, not {seeded.quiz_id}")
            if a.state != FINISHED or not rec.finished:
                problems.append(f"attempt {a.id}: {a.state} (the student saw it finished: {rec.finished})")
            slots = sorted(s for (aid, s) in items if aid == a.id)
            if slots != list(range(1, seeded.count + 1)):
                problems.append(f"attempt {a.id}: items {slots}")
            stored = {s: rs for (aid, s), rs in responses.items() if aid == a.id}
            if set(stored) != set(rec.saved):
                problems.append(f"attempt {a.id}: answers stored for {sorted(stored)}, "
                                f"the student saved {sorted(rec.saved)} (lost or extra answers)")
            total = 0.0
            for slot, rows in sorted(stored.items()):
                if len(rows) != 1:
                    problems.append(f"attempt {a.id} slot {slot}: {len(rows)} rows")
                r = rows[0]
                if r.changes and slot not in rec.resent:
                    problems.append(f"attempt {a.id} slot {slot}: written {r.changes + 1} times, sent once")
                item = items[(a.id, slot)]
                if r.question_id != item.question_id:
                    problems.append(f"attempt {a.id} slot {slot}: answer to {r.question_id}, item is {item.question_id}")
                again = grading.grade(item.snapshot["type"], item.snapshot["spec"], r.answer)
                regraded += 1
                if abs(again - r.score) > 1e-9:
                    problems.append(f"attempt {a.id} slot {slot}: stored score {r.score}, re-graded {again}")
                expected = rec.saved.get(slot)
                if expected is not None and abs(expected - r.score) > 1e-9:
                    mismatched_expectation += 1
                    problems.append(f"attempt {a.id} slot {slot}: the student answered for {expected}, "
                                    f"stored {r.score}")
                total += r.score
            if a.state == FINISHED:
                if a.score is None or abs(a.score - round(total, 4)) > 1e-9:
                    problems.append(f"attempt {a.id}: score {a.score}, its responses add up to {total}")
                if a.max_score != float(seeded.count):
                    problems.append(f"attempt {a.id}: max score {a.max_score}")
                passed = 100.0 * (a.score or 0) / a.max_score >= a.pass_mark - 1e-9
                if a.passed != passed:
                    problems.append(f"attempt {a.id}: passed={a.passed}, expected {passed}")
                if rec.score_shown is not None and rec.score_shown != _fmt(a.score):
                    problems.append(f"attempt {a.id}: the results page said {rec.score_shown}, stored {a.score}")
        strays = len(attempts) - sum(1 for rec in records if len(by_user.get(users.get(rec.email, -1), [])) == 1)
        if strays:
            problems.append(f"{strays} attempt(s) that no simulated student made")
        summary = (f"{len(attempts)} attempts, {len(items)} items, {n_responses} responses; "
                   f"{regraded} responses re-graded; {sum(len(r.saved) for r in records)} answers saved by the students, "
                   f"{sum(len(r.resent) for r in records)} sent again after a failure")
        db.session.remove()
        db.engine.dispose()
    return Verdict(not problems, [summary] + problems[:50] + ([f"… {len(problems) - 50} more"] if len(problems) > 50 else []))


def _fmt(score: float | None) -> str:
    return filters.score(score)  # as the results page shows it


def quiz_stats(url: str, quiz_id: int) -> dict:
    app = checker_app(url)
    with app.app_context():
        out = {"finished": db.session.scalar(select(func.count()).select_from(Attempt)
                                             .where(Attempt.quiz_id == quiz_id, Attempt.state == FINISHED))}
        db.session.remove()
        db.engine.dispose()
    return out
