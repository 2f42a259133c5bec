"""In-process CPU per request of a class starting a quiz: ``/healthz``, the quiz list, the start
(POST /quizzes/<id>/start) and the first question page, through Flask's test client (no server,
no network), on a fresh SQLite database seeded as bench/load.py seeds it.

    .venv/bin/python bench/bench_start.py --students 80

CPU time of this process (``time.process_time``) per request, averaged over the students, each
signed in beforehand. The machine's speed drifts over the day: compare two versions back to back,
several times, and look at ratios (to /healthz or to the quiz list) rather than milliseconds.
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import load_db  # noqa: E402

from quizapp import create_app  # noqa: E402

TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.partition("\n")[0])
    parser.add_argument("--students", type=int, default=80)
    args = parser.parse_args()
    url = f"sqlite:///{tempfile.mkdtemp()}/bench.db"
    seeded = load_db.seed(url, args.students)
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "x" * 32, "RATELIMIT_STORAGE_URI": "memory://"})
    clients = []
    for email in seeded.emails:
        client = app.test_client()
        token = TOKEN.search(client.get("/auth/login").get_data(as_text=True)).group(1)
        response = client.post("/auth/login", data={"csrf_token": token, "email": email, "password": load_db.PASSWORD})
        assert response.status_code == 302, response.status_code
        clients.append((client, TOKEN.search(client.get("/quizzes").get_data(as_text=True)).group(1)))
    cpu = {"healthz": 0.0, "quiz list": 0.0, "start": 0.0, "question page": 0.0}
    for client, token in clients:
        t = time.process_time()
        client.get("/healthz")
        cpu["healthz"] += time.process_time() - t
        t = time.process_time()
        client.get("/quizzes")
        cpu["quiz list"] += time.process_time() - t
        t = time.process_time()
        start = client.post(f"/quizzes/{seeded.quiz_id}/start", data={"csrf_token": token})
        cpu["start"] += time.process_time() - t
        assert start.status_code == 302, start.status_code
        t = time.process_time()
        page = client.get(start.headers["Location"])
        cpu["question page"] += time.process_time() - t
        assert page.status_code == 200, page.status_code
    for name, seconds in cpu.items():
        print(f"{name:14s} {seconds / len(clients) * 1000:6.2f} ms")


if __name__ == "__main__":
    main()
