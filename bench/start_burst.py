"""The synchronized start alone, several times over, to compare gunicorn settings quickly.

    .venv/bin/python bench/start_burst.py --db sqlite --workers 2 --threads 2 --rounds 4

Each round: 200 students (``--students``) sign in and open the quiz list, wait at one barrier,
then each sends "Start", whose answer is the first question's page. A round takes a few seconds
where ``bench/load.py --scenario sync`` takes eight minutes (it goes on through the whole quiz and
checks the database afterwards); use load.py for the figures of record, this to choose between
settings.

Per round it prints the start's p50/p95/p99, when the last start was answered after the
release, and the CPU used meanwhile: gunicorn's processes, this client, and the whole machine
(the database server included). Students wait at the barrier longer than the keep-alive
timeout, so each start opens a new connection.
"""
from __future__ import annotations

import argparse
import threading
import time
from collections import Counter
from pathlib import Path

import load
import load_db

from quizapp import serving


def machine_cpu() -> tuple[int, int]:
    """(all, idle) jiffies of the whole machine, from /proc/stat."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return sum(fields), fields[3] + fields[4]


def percentile(values: list[float], p: float) -> float:
    return load.percentile(sorted(values), p)


def sign_in(port: int, email: str) -> tuple[load.Client, str]:
    """A student's client, signed in, and the CSRF token of its quiz list."""
    client = load.Client(port, 4.0)
    _, _, page, _ = client.request("GET", "/auth/login")
    status, _, _, _ = client.request("POST", "/auth/login", {"csrf_token": load.RE_CSRF.search(page).group(1),
                                                              "email": email, "password": load_db.PASSWORD})
    if status != 302:
        raise SystemExit(f"sign-in answered {status}")
    _, _, page, _ = client.request("GET", "/quizzes")
    return client, load.RE_CSRF.search(page).group(1)


def one_round(port: int, master: int, quiz_id: int, emails: list[str]) -> str:
    barrier = threading.Barrier(len(emails))
    released: list[float] = []
    before: list[tuple] = []
    results: list[tuple] = []  # (start latency, start answered at, status)

    def student(email: str) -> None:
        client, token = sign_in(port, email)
        if barrier.wait() == 0:
            released.append(time.perf_counter())
            before.append((load.server_cpu(master), time.process_time(), machine_cpu()))
        status, _, page, start_latency = client.request("POST", f"/quizzes/{quiz_id}/start", {"csrf_token": token})
        answered = time.perf_counter()
        results.append((start_latency, answered, status if "Question 1 of" in page else f"{status}, no question"))

    threading.stack_size(512 * 1024)
    threads = [threading.Thread(target=student, args=(e,)) for e in emails]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    server0, client0, (all0, idle0) = before[0]
    all1, idle1 = machine_cpu()
    busy = ((all1 - all0) - (idle1 - idle0)) / max(1, all1 - all0)
    starts = [r[0] for r in results]
    statuses = Counter(r[2] for r in results)
    return (f"start p50 {percentile(starts, 50):.3f} p95 {percentile(starts, 95):.3f} "
            f"p99 {percentile(starts, 99):.3f} s; last start {max(r[1] for r in results) - released[0]:.3f} s "
            f"after the release; CPU: gunicorn {load.server_cpu(master) - server0:.2f} s, "
            f"client {time.process_time() - client0:.2f} s, machine {busy:.0%} busy; statuses {dict(statuses)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.partition("\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--students", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--workers", type=int, default=0, help="GUNICORN_WORKERS (default: the config's)")
    parser.add_argument("--threads", type=int, default=0, help="GUNICORN_THREADS (default: the config's)")
    parser.add_argument("--keepalive", type=int, default=5)
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/0", help="REDIS_URL ('' = memory)")
    args = parser.parse_args()
    args.access_log = False
    database = load_db.Database(args.db)
    process = None
    try:
        workers = args.workers or serving.settings()["workers"]
        seeded = load_db.seed(database.url, args.students * args.rounds, warmups=2 * workers)
        port = load.free_port()
        process = load.start_gunicorn(args, database.url, port, database.dir / "gunicorn.log")
        def warm_up(email: str) -> None:  # other accounts take another quiz: templates compiled, connections open
            client, token = sign_in(port, email)
            client.request("POST", f"/quizzes/{seeded.warmup_quiz_id}/start", {"csrf_token": token})

        warm = [threading.Thread(target=warm_up, args=(e,)) for e in seeded.warmup_emails]
        for t in warm:
            t.start()
        for t in warm:
            t.join()
        print(f"{args.db}, {workers} workers × {args.threads or serving.settings()['threads']} threads, "
              f"{args.students} students", flush=True)
        for r in range(args.rounds):
            emails = seeded.emails[r * args.students:(r + 1) * args.students]
            print(f"round {r}: {one_round(port, process.pid, seeded.quiz_id, emails)}", flush=True)
            time.sleep(args.keepalive + 1)
    finally:
        if process is not None:
            process.terminate()
            process.wait(timeout=30)
        database.close()


if __name__ == "__main__":
    main()
