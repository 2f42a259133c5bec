"""Statistics speed: do the statistics pages of a quiz with 10,000 attempts × 20 questions
render in under 1 s?

    .venv/bin/python bench/bench_stats.py [--attempts 10000] [--questions 20] [--repeat 5] [--database URL]

Seeds a temporary SQLite database (built by the real migrations) with one document, a quiz of
20 multiple-choice questions in 4 sections and the given number of finished attempts by 500
students (answers drawn from a simple ability model, one question's key planted wrong), then
times, as a signed-in teacher through the Flask test client: the quiz's statistics page, the
attempts page, both CSV exports, a question's page, a student's page, the document's page (mean
facility by section and its item analysis) and the bank browser (its first page, which shows
the statistics of its 20 questions, and its statistical filters over every quiz).
Prints the best and median wall-clock time of the repeats and the best CPU time (the app and
SQLite run in this process, so CPU time is the figure least moved by other load), checks that
the planted question is flagged on the quiz's page and is the only one the bank's "likely
wrong key" filter finds, and exits 1 unless the quiz's and the document's pages render in
under 1 s (best time).

On PostgreSQL, give an empty database (the benchmark migrates it and leaves the data there):

    createdb -h 127.0.0.1 -U postgres quizapp_bench
    .venv/bin/python bench/bench_stats.py --database postgresql://postgres@127.0.0.1:5432/quizapp_bench
    dropdb -h 127.0.0.1 -U postgres quizapp_bench
"""
from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from flask_migrate import upgrade
from sqlalchemy import insert

from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import Attempt, AttemptItem, Document, Question, Quiz, Response, User
from quizapp.services import accounts

PASSWORD = "bench password 123"


def seed(n_attempts: int, n_questions: int, n_students: int = 500, rng: random.Random | None = None) -> int:
    rng = rng or random.Random(5)
    db.session.add(Document(id="bench-doc", title="Bench document", text="…"))
    questions = []
    for q in range(n_questions):
        spec = {"choices": [{"text": f"option {c}", "correct": c == 0} for c in range(4)]}
        questions.append({"id": f"bench-q{q:02d}", "document_id": "bench-doc", "type": "multiple_choice",
                          "prompt": f"Bench question {q}?", "spec": spec, "section": f"Section {q % 4 + 1}",
                          "difficulty": 0.5, "quality": 1.0, "status": "published", "origin": "generated",
                          "reasons": [], "citation": {}, "explanation": ""})
    db.session.execute(insert(Question), questions)
    quiz = Quiz(slug="bench", title="Bench quiz", pass_mark=60,
                rules={"count": n_questions, "documents": ["bench-doc"], "sections": [], "types": []})
    db.session.add(quiz)
    db.session.flush()
    now = datetime(2026, 11, 1)
    users = [{"email": f"s{i}@bench.test", "name": f"Student {i:04d}", "password_hash": "x", "role": "student",
              "active": True, "created_at": now} for i in range(n_students)]
    db.session.execute(insert(User), users)
    user_ids = list(db.session.scalars(db.select(User.id).where(User.email.like("%@bench.test")).order_by(User.id)))
    ability = {u: rng.gauss(0, 1) for u in user_ids}
    ease = [rng.uniform(-1.5, 1.5) for _ in range(n_questions)]
    snapshots = [{"type": q["type"], "prompt": q["prompt"], "spec": q["spec"]} for q in questions]
    layout = {"options": [[f"o{c}", c] for c in range(4)]}
    attempts, items, responses = [], [], []
    first_id = 1 + (db.session.scalar(db.select(db.func.max(Attempt.id))) or 0)
    for k in range(n_attempts):
        aid = first_id + k
        uid = user_ids[k % n_students]
        total = 0.0
        for q in range(n_questions):
            p = 1 / (1 + 2.718281828 ** -(ability[uid] + ease[q]))
            right = rng.random() < p
            if q == 7:  # planted wrong key: the strong students pick option 1, which the key marks wrong
                right = not right
            choice = 0 if right else rng.choice((1, 1, 2, 3)) if q != 3 else 1  # q3's options 2 and 3: unused
            total += right
            items.append({"attempt_id": aid, "slot": q + 1, "question_id": questions[q]["id"],
                          "snapshot": snapshots[q], "layout": layout})
            responses.append({"attempt_id": aid, "slot": q + 1, "question_id": questions[q]["id"],
                              "answer": {"choice": choice}, "score": 1.0 if right else 0.0,
                              "answered_at": now, "changes": 0})
        started = now + timedelta(minutes=k)
        attempts.append({"id": aid, "user_id": uid, "quiz_id": quiz.id, "state": "finished", "seed": k,
                         "started_at": started, "finished_at": started + timedelta(seconds=rng.randint(120, 1800)),
                         "pass_mark": 60, "score": total, "max_score": float(n_questions),
                         "passed": 100 * total / n_questions >= 60})
    for table, rows in ((Attempt, attempts), (AttemptItem, items), (Response, responses)):
        for start in range(0, len(rows), 20000):
            db.session.execute(insert(table), rows[start:start + 20000])
    accounts.create_user("teacher@bench.test", "Bench Teacher", PASSWORD, role="teacher")
    db.session.commit()
    return quiz.id


def timed(client, url: str, repeat: int) -> tuple[float, float, float, int]:
    runs, cpu = [], []
    size = 0
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        response = client.get(url)
        runs.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
        assert response.status_code == 200, (url, response.status_code)
        size = len(response.data)
    return min(runs), statistics.median(runs), min(cpu), size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attempts", type=int, default=10000)
    parser.add_argument("--questions", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--database", help="a database URL (default: a temporary SQLite file)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench", "WTF_CSRF_ENABLED": False,
                          "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000"})
        with app.app_context():
            upgrade(directory=app.config["QUIZAPP_MIGRATIONS_DIR"])
            t = time.perf_counter()
            quiz_id = seed(args.attempts, args.questions)
            if db.engine.dialect.name == "postgresql":
                # A live database has statistics (autovacuum); a freshly loaded one needs ANALYZE
                # before the planner picks sensible joins.
                with db.engine.connect() as connection:
                    connection.execute(db.text("ANALYZE")).close()
                    connection.commit()
            seeding = time.perf_counter() - t
            student_id = db.session.scalar(db.select(User.id).where(User.email == "s1@bench.test"))
        print(f"seeded {args.attempts} attempts × {args.questions} questions in {seeding:.1f} s ({url.split(':')[0]})")
        client = app.test_client()
        client.post("/auth/login", data={"email": "teacher@bench.test", "password": PASSWORD})
        pages = [("quiz statistics", f"/teacher/quizzes/{quiz_id}/stats"),
                 ("attempts (page 1, by %)", f"/teacher/quizzes/{quiz_id}/attempts?sort=percent"),
                 ("attempts.csv", f"/teacher/quizzes/{quiz_id}/attempts.csv"),
                 ("grid.csv", f"/teacher/quizzes/{quiz_id}/grid.csv"),
                 ("question statistics", "/teacher/questions/bench-q07/stats"),
                 ("student", f"/teacher/students/{student_id}"),
                 ("document statistics", "/teacher/documents/bench-doc/stats"),
                 ("bank (page 1, with stats)", "/teacher/bank"),
                 ("bank: likely wrong key", "/teacher/bank?stat=wrong_key"),
                 ("bank: too few answers", "/teacher/bank?stat=too_few"),
                 ("bank: non-functional", "/teacher/bank?stat=non_functional")]
        print(f"{'page':28} {'best s':>8} {'median s':>9} {'cpu s':>7} {'KB':>7}")
        results = {}
        for name, page in pages:
            best, median, cpu, size = timed(client, page, args.repeat)
            results[name] = best
            print(f"{name:28} {best:8.3f} {median:9.3f} {cpu:7.3f} {size / 1024:7.0f}")
        html = client.get(pages[0][1]).get_data(as_text=True)
        flagged = 'href="/teacher/questions/bench-q07/edit">Likely wrong key' in html
        print(f"planted wrong key flagged: {flagged}")
        bank = client.get("/teacher/bank?stat=wrong_key").get_data(as_text=True)
        found = re.findall(r'<li class="bank-item" id="q-([^"]+)"', bank)
        print(f"bank filter 'likely wrong key' finds: {found}")
        flagged = flagged and found == ["bench-q07"]
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
        ok = flagged and results["quiz statistics"] < 1.0 and results["document statistics"] < 1.0
        print("OK: the quiz's and the document's statistics pages render in under 1 s" if ok else "NOT OK")
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
