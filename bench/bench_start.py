"""In-process CPU per request of a class starting a quiz: ``/healthz``, the quiz list, the start
(POST /quizzes/<id>/start, whose answer is the first question page) and that page again (GET),
through Flask's test client (no server, no network), on a fresh database seeded as bench/load.py
seeds it (SQLite, or ``--db postgres``: a database of its own on 127.0.0.1:5432, dropped
afterwards).

    .venv/bin/python bench/bench_start.py --students 80 [--db postgres]

With each request's CPU it prints the SQL statements the request sent (pool pings not counted).
On PostgreSQL this process's CPU leaves out the server's, which runs in its own processes.

CPU time of this process (``time.process_time``) per request, averaged over the students, each
signed in beforehand. The machine's speed drifts over the day: compare two versions back to back,
several times, and look at ratios (to /healthz or to the quiz list) rather than milliseconds.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import load_db  # noqa: E402
from sqlalchemy import event  # noqa: E402

from quizapp import create_app  # noqa: E402
from quizapp.extensions import db  # noqa: E402

TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.partition("\n")[0])
    parser.add_argument("--students", type=int, default=80)
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    args = parser.parse_args()
    database = load_db.Database(args.db)
    try:
        run(database.url, args.students)
    finally:
        database.close()


def run(url: str, students: int) -> None:
    seeded = load_db.seed(url, students)
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "x" * 32, "RATELIMIT_STORAGE_URI": "memory://"})
    statements = [0]
    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", lambda *a: statements.__setitem__(0, statements[0] + 1))
    clients = []
    for email in seeded.emails:
        client = app.test_client()
        token = TOKEN.search(client.get("/auth/login").get_data(as_text=True)).group(1)
        response = client.post("/auth/login", data={"csrf_token": token, "email": email, "password": load_db.PASSWORD})
        assert response.status_code == 302, response.status_code
        clients.append((client, TOKEN.search(client.get("/quizzes").get_data(as_text=True)).group(1)))
    cpu = dict.fromkeys(["healthz", "quiz list", "start", "question page"], 0.0)
    sent = dict.fromkeys(cpu, 0)

    def timed(name: str, call):
        statements[0] = 0
        t = time.process_time()
        response = call()
        cpu[name] += time.process_time() - t
        sent[name] += statements[0]
        return response

    for client, token in clients:
        timed("healthz", lambda: client.get("/healthz"))
        timed("quiz list", lambda: client.get("/quizzes"))
        start = timed("start", lambda: client.post(f"/quizzes/{seeded.quiz_id}/start", data={"csrf_token": token}))
        assert start.status_code == 200, start.status_code
        page = timed("question page", lambda: client.get(start.headers["Content-Location"]))
        assert page.status_code == 200, page.status_code
    for name, seconds in cpu.items():
        print(f"{name:14s} {seconds / len(clients) * 1000:6.2f} ms  {sent[name] / len(clients):5.1f} statements")


if __name__ == "__main__":
    main()
