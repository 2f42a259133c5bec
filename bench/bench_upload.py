"""A 1 MB document uploaded through the web app, end to end: how long until the first progress
line reaches the teacher, and until the page ends with the questions stored?

    python bench/bench_upload.py [--mb 1] [--repeat 1]

Builds one Markdown document of the given size from the sample sources (copies with numbers
shifted and paragraphs rotated, as bench_generate.py does), migrates a fresh SQLite database
in a temporary folder, signs in a teacher and posts the file to /teacher/documents with
Flask's test client, reading the streamed progress page as it arrives. CSRF is off (no
browser); everything else is the real request path: form validation, reading, generation in
the worker thread, storing the bank rows and committing.
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from io import BytesIO

from flask_migrate import upgrade

from bench_generate import SOURCES, variant
from quizapp import create_app
from quizapp.engine.reader import load_sources
from quizapp.extensions import db
from quizapp.models import Question
from quizapp.services import accounts

PASSWORD = "correct horse battery"


def one_document(megabytes: float) -> bytes:
    base = load_sources(SOURCES)
    parts, size, k = ["# Mills, harbours and workers (benchmark)", ""], 0, 0
    target = int(megabytes * 1_000_000)
    while size < target:
        for d in base:
            text = variant(d.text, k)
            parts += [f"## {d.title} ({k})", "", text, ""]
            size += len(text.encode("utf-8"))
            if size >= target:
                break
        k += 1
    return "\n".join(parts).encode("utf-8")


def run(data: bytes) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"SECRET_KEY": "bench", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/bench.sqlite3",
                          "WTF_CSRF_ENABLED": False, "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000"})
        with app.app_context():
            upgrade(directory=app.config["QUIZAPP_MIGRATIONS_DIR"])
            accounts.create_user("bench@example.org", "Bench Teacher", PASSWORD, role="teacher")
            db.session.commit()
        client = app.test_client()
        client.post("/auth/login", data={"email": "bench@example.org", "password": PASSWORD})
        t0 = time.perf_counter()
        response = client.post("/teacher/documents", data={"file": (BytesIO(data), "bench.md"), "title": "Bench",
                                                            "kind": "reference"},
                               content_type="multipart/form-data", buffered=False)
        first = None
        lines = 0
        body = []
        for chunk in response.response:
            text = chunk.decode() if isinstance(chunk, bytes) else chunk
            body.append(text)
            if "progress-step" in text:
                lines += 1
                if first is None:
                    first = time.perf_counter() - t0
        response.close()
        total = time.perf_counter() - t0
        page = "".join(body)
        done = re.search(r'progress-(done|error)">([^<]*)', page)
        with app.app_context():
            stored = db.session.scalar(db.select(db.func.count()).select_from(Question))
            cited = db.session.scalar(db.select(db.func.count()).select_from(Question)
                                      .where(Question.status == "needs_review"))
            db.engine.dispose()
        return {"bytes": len(data), "first": first, "total": total, "lines": lines, "stored": stored,
                "review": cited, "outcome": done.group(2) if done else "(no outcome line)"}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args(argv)
    data = one_document(args.mb)
    print(f"{'MB':>6} {'first line s':>12} {'total s':>8} {'progress lines':>14} {'questions':>9}  outcome")
    for _ in range(args.repeat):
        r = run(data)
        print(f"{r['bytes'] / 1e6:6.3f} {r['first'] or float('nan'):12.2f} {r['total']:8.2f} {r['lines']:14d} "
              f"{r['stored']:9d}  {r['outcome']}")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
