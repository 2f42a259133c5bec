"""Load test: 200 simulated students take the same quiz against gunicorn, then the database is checked.

    .venv/bin/python bench/load.py --scenario think --db sqlite            # 20 s mean think time
    .venv/bin/python bench/load.py --scenario sync --db postgres           # everyone presses Start at once
    .venv/bin/python bench/load.py --scenario think --db postgres-private --restart-db-at 60 --down-for 10

Loopback only, bounded in count (``--students``) and in time (``--max-seconds``). The run:

1. makes a fresh database (``--db sqlite``: a temporary file; ``postgres``: a database of its own
   on 127.0.0.1:5432, dropped afterwards; ``postgres-private``: a private cluster started for the
   run, which ``--restart-db-at`` needs), migrates it, loads the sample sources, bank and default
   quizzes, and writes the student accounts directly (bench/load_db.py);
2. starts gunicorn with the repository's ``gunicorn.conf.py`` on a free port of 127.0.0.1
   (Redis at 127.0.0.1:6379 for the throttles, as in production; ``--workers``/``--threads``
   override the config's defaults through GUNICORN_WORKERS/GUNICORN_THREADS);
3. runs the students, one thread each with its own keep-alive connection (http.client, CSRF
   tokens and form fields read with small regular expressions: the generator shares the two
   cores with the server, so it stays light). Each student signs in, starts the quiz, answers
   its 10 questions one by one (rightly or wrongly on purpose, from the answer key the seeding
   read: the page never tells), finishes and opens the results. ("start" is the POST whose
   answer is the first question's page; "question page" is every later one.) ``think``: an
   exponential think time (``--think``, mean 20 s) before each action. ``sync``: everyone signs in at the same
   moment, then everyone presses "Start" at the same instant (a barrier); after that, think time
   as in ``think``. A bare ``GET /healthz`` is probed all along, at the students' rate of actions;
4. reports p50/p95/p99 per step, each also as a ratio to /healthz's, and the throughput; then
   checks the database (bench/load_db.py: no lost or duplicated answers, every score right) and
   that every HTTP status was the expected one.

``--restart-db-at S --down-for D`` stops the private PostgreSQL cluster S seconds into the run
and starts it again D seconds later. Requests may fail (503) only while it is down; the students
press again after a moment, as people do; the run checks that failures happened only in that
window, that requests succeed after it, and that the database checks still pass.

Exit status: 0 when every check passed, 1 when one failed, 2 on a set-up error. Targets are
reported (met or missed); ``--fail-on-targets`` makes a missed target exit 3.
"""
from __future__ import annotations

import argparse
import html
import math
import http.client
import os
import random
import re
import resource
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import load_db

from quizapp import serving

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")

RE_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
RE_WAS = re.compile(r'name="was" value="([^"]*)"')
RE_TYPE = re.compile(r'data-type="([a-z_]+)"')
RE_PROMPT = re.compile(r'class="prompt"[^>]*>(.*?)</(?:legend|label)>', re.S)
RE_OPTION = re.compile(r'name="answer" id="opt-([0-9a-f]+)" value="[0-9a-f]+"(?: checked)?> <span>(.*?)</span>', re.S)
RE_SELECT = re.compile(r'<select class="input(?: place)?" id="([mo]-[0-9a-f]+)" name="[mo]-[0-9a-f]+">(.*?)</select>', re.S)
RE_OPTVAL = re.compile(r'<option value="([^"]+)"')
RE_SCORE = re.compile(r'<span class="big">([^<]+)</span> out of')
RE_SLOT = re.compile(r"^/attempts/(\d+)/q/(\d+)$")

STEPS = ["login page", "sign-in", "quiz list", "start", "question page", "answer", "finish page", "finish",
         "results", "healthz"]
EXPECTED = {"login page": (200,), "sign-in": (302,), "quiz list": (200,), "start": (200,), "question page": (200,),
            "answer": (302,), "finish page": (200,), "finish": (302,), "results": (200,), "healthz": (200,)}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Client:
    """One browser: a keep-alive connection and its cookies. Reconnects when the server may have
    closed an idle connection (gunicorn's keep-alive), and once more if a reused connection turns
    out to be closed, as browsers do."""

    def __init__(self, port: int, idle_limit: float):
        self.port, self.idle_limit = port, idle_limit
        self.conn: http.client.HTTPConnection | None = None
        self.cookies: dict[str, str] = {}
        self.last = 0.0

    def _connect(self) -> None:
        if self.conn is not None:
            self.conn.close()
        self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)

    def request(self, method: str, path: str, fields=None) -> tuple[int, str, str, float]:
        headers = {"Accept": "text/html"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if fields is not None:
            body = urllib.parse.urlencode(fields, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        start = time.perf_counter()
        fresh = self.conn is None or start - self.last > self.idle_limit
        if fresh:
            self._connect()
        for attempt in (1, 2):
            try:
                self.conn.request(method, path, body, headers)
                response = self.conn.getresponse()
                data = response.read()
                break
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError) as exc:
                self._connect()
                if fresh or attempt == 2:
                    return 0, "", f"{type(exc).__name__}: {exc}", time.perf_counter() - start
                fresh = True
            except (OSError, http.client.HTTPException) as exc:
                self._connect()
                return 0, "", f"{type(exc).__name__}: {exc}", time.perf_counter() - start
        latency = time.perf_counter() - start
        self.last = time.perf_counter()
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            value = rest.split(";", 1)[0]
            if not value or "1970" in cookie:
                self.cookies.pop(name.strip(), None)
            else:
                self.cookies[name.strip()] = value
        if (response.getheader("Connection") or "").lower() == "close":
            self.conn.close()
            self.conn = None
        # A redirect's target, or the address of the page sent back (a start answers with the
        # first question page, and names its address in Content-Location).
        location = response.getheader("Location") or response.getheader("Content-Location") or ""
        if location.startswith("http"):
            location = urllib.parse.urlsplit(location).path
        return response.status, location, data.decode("utf-8", "replace"), latency


@dataclass
class Run:
    args: argparse.Namespace
    port: int
    seeded: load_db.Seeded
    t0: float = 0.0
    deadline: float = 0.0
    samples: list = field(default_factory=list)  # (step, t, latency, status, ok)
    failures: list = field(default_factory=list)  # (t, step, status, detail)
    stop: threading.Event = field(default_factory=threading.Event)
    barrier_signin: threading.Barrier | None = None
    barrier_start: threading.Barrier | None = None
    start_released: list = field(default_factory=list)
    first_page_done: list = field(default_factory=list)  # when each student's first question page came
    retry: bool = False


class StudentFailed(Exception):
    pass


def answer_fields(page: str, key: dict, rng: random.Random) -> tuple[dict, float | None]:
    """The form fields of an answer to the question on ``page``, and the score they should get
    (None when the key cannot tell: matching, ordering, or an ambiguous prompt)."""
    qtype = RE_TYPE.search(page).group(1)
    prompt_match = RE_PROMPT.search(page)
    prompt = html.unescape(prompt_match.group(1).strip()) if prompt_match else ""
    entries = key.get(prompt) or []
    entry = entries[0] if entries and all(e == entries[0] for e in entries) else None
    right = rng.random() < 0.6
    if qtype in ("multiple_choice", "true_false", "multiple_response"):
        options = [(oid, html.unescape(text)) for oid, text in RE_OPTION.findall(page)]
        if entry is None:
            return {"answer": rng.choice(options)[0]}, None
        rights = [oid for oid, text in options if text in entry["right"]]
        wrongs = [oid for oid, text in options if text in entry["wrong"]]
        if len(rights) + len(wrongs) != len(options) or not rights:
            return {"answer": rng.choice(options)[0]}, None
        if not wrongs:
            right = True
        if qtype == "multiple_response":
            return {"answer": rights if right else wrongs}, 1.0 if right else 0.0
        return {"answer": rng.choice(rights if right else wrongs)}, 1.0 if right else 0.0
    if qtype in ("short_answer", "numeric"):
        if entry is None:
            return {"answer": "42"}, None
        return {"answer": entry["right"][0] if right else entry["wrong"][0]}, 1.0 if right else 0.0
    fields = {}
    selects = RE_SELECT.findall(page)
    if qtype == "ordering":
        places = [str(p) for p in range(1, len(selects) + 1)]
        rng.shuffle(places)
        fields = {name: place for (name, _), place in zip(selects, places)}
    else:
        for name, options in selects:
            fields[name] = rng.choice(RE_OPTVAL.findall(options))
    return fields, None


def student(run: Run, n: int, record: load_db.StudentRecord, warmup: bool = False) -> None:
    args = run.args
    quiz_id = run.seeded.warmup_quiz_id if warmup else run.seeded.quiz_id
    rng = random.Random(args.seed * 1000003 + n)
    client = Client(run.port, idle_limit=max(0.5, args.keepalive - 1.0))

    def think() -> None:
        if args.think > 0 and not warmup:
            wait = rng.expovariate(1.0 / args.think)
            if time.monotonic() + wait > run.deadline:
                raise StudentFailed("out of time")
            run.stop.wait(wait)

    def step(name: str, method: str, path: str, fields=None, slot: int | None = None) -> tuple[str, str]:
        tries = 0
        while True:
            sent = time.monotonic()
            status, location, text, latency = client.request(method, path, fields)
            ok = status in EXPECTED[name]
            if not warmup:
                run.samples.append((name, sent - run.t0, latency, status, ok))
            if ok:
                return location, text
            detail = text[:200].replace("\n", " ") if status == 0 else ""
            run.failures.append((time.monotonic() - run.t0, name, status, detail))  # when the answer came
            tries += 1
            if not run.retry or time.monotonic() > run.deadline:
                raise StudentFailed(f"{name} {method} {path}: {status} {detail}")
            if slot is not None:
                record.resent.add(slot)
            time.sleep(1.0 + rng.random())  # the student waits a moment and presses again

    def csrf(text: str) -> str:
        match = RE_CSRF.search(text)
        if not match:
            raise StudentFailed("no CSRF token on the page")
        return match.group(1)

    try:
        if args.scenario == "think":
            think()
        _, page = step("login page", "GET", "/auth/login")
        if run.barrier_signin is not None and not warmup:
            run.barrier_signin.wait(timeout=120)
        location, _ = step("sign-in", "POST", "/auth/login",
                           {"csrf_token": csrf(page), "email": record.email, "password": load_db.PASSWORD})
        if location != "/quizzes":
            raise StudentFailed(f"signed in to {location}")
        _, page = step("quiz list", "GET", "/quizzes")
        start_path = f"/quizzes/{quiz_id}/start"
        if f'action="{start_path}"' not in page:
            raise StudentFailed("the quiz is not on the list")
        token = csrf(page)
        if run.barrier_start is not None and not warmup:
            if run.barrier_start.wait(timeout=300) == 0:
                run.start_released.append(time.monotonic())
        else:
            think()
        location, page = step("start", "POST", start_path, {"csrf_token": token})
        match = RE_SLOT.match(location)
        if not match:
            raise StudentFailed(f"start went to {location!r}")
        record.attempt_id = int(match.group(1))
        run.first_page_done.append(time.monotonic())
        for _ in range(100):
            slot = int(RE_SLOT.match(location).group(2))
            fields, expected = answer_fields(page, run.seeded.key, rng)
            was = RE_WAS.search(page)
            think()
            location, _ = step("answer", "POST", location, {"csrf_token": csrf(page), "was": was.group(1) if was else "",
                                                             "go": "next", **fields}, slot=slot)
            record.saved[slot] = expected
            finish_path = f"/attempts/{record.attempt_id}/finish"
            _, page = step("finish page" if location == finish_path else "question page", "GET", location)
            if location == finish_path:
                break
        else:
            raise StudentFailed("never reached the finish page")
        think()
        location, _ = step("finish", "POST", finish_path, {"csrf_token": csrf(page), "confirm": "yes"})
        _, page = step("results", "GET", location)
        score = RE_SCORE.search(page)
        record.score_shown = html.unescape(score.group(1)) if score else None
        record.finished = True
    except (StudentFailed, threading.BrokenBarrierError) as exc:
        if warmup:
            raise
        run.failures.append((time.monotonic() - run.t0, "student", 0, f"{record.email}: {exc}"))
        for barrier in (run.barrier_signin, run.barrier_start):
            if barrier is not None:
                barrier.abort()


def prober(run: Run, rate: float, seed: int) -> None:
    """GET /healthz at random (Poisson) times, ``rate`` a second, until the students are done."""
    rng = random.Random(seed)
    client = Client(run.port, idle_limit=max(0.5, run.args.keepalive - 1.0))
    while not run.stop.wait(rng.expovariate(rate)):
        sent = time.monotonic()
        status, _, text, latency = client.request("GET", "/healthz")
        ok = status == 200
        run.samples.append(("healthz", sent - run.t0, latency, status, ok))
        if not ok:
            run.failures.append((time.monotonic() - run.t0, "healthz", status, ""))


def percentile(sorted_values: list[float], p: float) -> float:
    if not sorted_values:
        return float("nan")
    k = max(0, min(len(sorted_values) - 1, math.ceil(p / 100.0 * len(sorted_values)) - 1))  # nearest rank
    return sorted_values[k]


def start_gunicorn(args, url: str, port: int, log_path: Path) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": "load-bench-" + os.urandom(8).hex(),
           "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_KEEPALIVE": str(args.keepalive),
           "QUIZAPP_RATELIMIT_PREFIX": f"quizapp-load-{os.getpid()}"}
    if args.redis:
        env["REDIS_URL"] = args.redis
    else:
        env.pop("REDIS_URL", None)
        env["RATELIMIT_STORAGE_URI"] = "memory://"
    if args.workers:
        env["GUNICORN_WORKERS"] = str(args.workers)
    if args.threads:
        env["GUNICORN_THREADS"] = str(args.threads)
    if not args.access_log:
        env["GUNICORN_ACCESSLOG"] = ""
    with log_path.open("wb") as out:
        process = subprocess.Popen([str(GUNICORN), "-c", str(ROOT / "gunicorn.conf.py")], cwd=ROOT, env=env,
                                   stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    client = Client(port, 0.5)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited with {process.returncode}:\n{log_path.read_text()}")
        if client.request("GET", "/healthz")[0] == 200:
            return process
        time.sleep(0.2)
    process.kill()
    raise SystemExit(f"gunicorn did not answer /healthz:\n{log_path.read_text()}")


def server_cpu(master: int) -> float:
    """CPU seconds used so far by gunicorn's master and its workers (from /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    pids = [master]
    try:
        pids += [int(p) for p in Path(f"/proc/{master}/task/{master}/children").read_text().split()]
    except OSError:
        pass
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
        except (OSError, IndexError, ValueError):
            pass
    return total


def report(run: Run, elapsed: float) -> dict:
    by_step: dict[str, list[float]] = {s: [] for s in STEPS}
    errors: dict[str, int] = {s: 0 for s in STEPS}
    for name, _t, latency, _status, ok in run.samples:
        by_step[name].append(latency)
        errors[name] += not ok
    for values in by_step.values():
        values.sort()
    hz = {p: percentile(by_step["healthz"], p) for p in (50, 95, 99)}
    print(f"\n{'step':<14}{'n':>6}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}"
          f"{'p50/hz':>8}{'p95/hz':>8}{'p99/hz':>8}{'errors':>8}")
    figures = {}
    for name in STEPS:
        values = by_step[name]
        if not values:
            continue
        p = {q: percentile(values, q) for q in (50, 95, 99)}
        figures[name] = p
        ratios = "".join(f"{p[q] / hz[q]:>8.1f}" if hz[q] == hz[q] and hz[q] > 0 else f"{'-':>8}" for q in (50, 95, 99))
        print(f"{name:<14}{len(values):>6}{p[50] * 1e3:>9.1f}{p[95] * 1e3:>9.1f}{p[99] * 1e3:>9.1f}"
              f"{values[-1] * 1e3:>9.1f}{ratios}{errors[name]:>8}")
    total = sum(len(v) for k, v in by_step.items() if k != "healthz")
    print(f"\nthroughput: {total} student requests in {elapsed:.1f} s = {total / elapsed:.1f} req/s "
          f"(+ {len(by_step['healthz'])} /healthz probes, {len(by_step['healthz']) / elapsed:.1f}/s); "
          f"{len(by_step['answer'])} answers = {len(by_step['answer']) / elapsed:.2f}/s")
    return figures


def targets(args, figures: dict) -> list[tuple[str, bool]]:
    out = []
    hz = figures.get("healthz", {}).get(99, float("nan"))
    if args.scenario == "think":
        q, a = figures.get("question page", {}).get(99), figures.get("answer", {}).get(99)
        if q is not None:
            out.append((f"question page p99 {q * 1e3:.1f} ms <= 20 ms", q <= 0.020))
            out.append((f"question page p99 {q / hz:.1f}x /healthz p99 ({hz * 1e3:.1f} ms) <= 3x", q <= 3 * hz))
        if a is not None:
            out.append((f"answer p99 {a * 1e3:.1f} ms <= 30 ms", a <= 0.030))
            out.append((f"answer p99 {a / hz:.1f}x /healthz p99 <= 4x", a <= 4 * hz))
    else:
        s = figures.get("start", {}).get(99)
        if s is not None:
            out.append((f"synchronized start p99 {s:.3f} s <= 0.6 s", s <= 0.6))
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scenario", choices=["think", "sync"], default="think")
    parser.add_argument("--db", choices=["sqlite", "postgres", "postgres-private"], default="sqlite")
    parser.add_argument("--students", type=int, default=200)
    parser.add_argument("--think", type=float, default=20.0, help="mean think time in seconds (exponential)")
    parser.add_argument("--max-seconds", type=float, default=1200, help="the whole run stops after this")
    parser.add_argument("--workers", type=int, default=0, help="GUNICORN_WORKERS (default: the config's)")
    parser.add_argument("--threads", type=int, default=0, help="GUNICORN_THREADS (default: the config's)")
    parser.add_argument("--keepalive", type=int, default=5, help="GUNICORN_KEEPALIVE seconds")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/0", help="REDIS_URL for the throttles ('' = memory)")
    parser.add_argument("--no-access-log", dest="access_log", action="store_false")
    parser.add_argument("--restart-db-at", type=float, default=None, help="stop PostgreSQL this many seconds in")
    parser.add_argument("--down-for", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--fail-on-targets", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the database and the server log (a private cluster is left running: stop it with pg_ctl)")
    args = parser.parse_args(argv)
    if not 1 <= args.students <= 1000:
        parser.error("--students must be 1 to 1000")
    if args.restart_db_at is not None and args.db != "postgres-private":
        parser.error("--restart-db-at needs --db postgres-private (the bench never stops the shared server)")

    print(f"load: {args.students} students, scenario {args.scenario}, think {args.think:g} s, db {args.db}, "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}", flush=True)
    database = load_db.Database(args.db)
    process = None
    status = 0
    try:
        t = time.monotonic()
        workers = args.workers or serving.settings()["workers"]
        seeded = load_db.seed(database.url, args.students, warmups=2 * workers)
        print(f"seeded in {time.monotonic() - t:.1f} s: quiz {seeded.quiz_id} draws {seeded.count} of {seeded.pool} "
              f"sentences; {len(seeded.emails)} students", flush=True)
        port = free_port()
        log_path = database.dir / "gunicorn.log"
        process = start_gunicorn(args, database.url, port, log_path)
        run = Run(args, port, seeded, retry=args.restart_db_at is not None)
        if args.scenario == "sync":
            run.barrier_signin = threading.Barrier(args.students)
            run.barrier_start = threading.Barrier(args.students)
        records = [load_db.StudentRecord(e) for e in seeded.emails]
        threading.stack_size(512 * 1024)
        threads = [threading.Thread(target=student, args=(run, n, rec), daemon=True) for n, rec in enumerate(records)]
        rate = args.students / args.think if args.think > 0 else 20.0
        probes = [threading.Thread(target=prober, args=(run, rate / 4, args.seed * 7 + i), daemon=True) for i in range(4)]
        outage: dict[str, float] = {}

        def restart_db() -> None:
            if run.stop.wait(args.restart_db_at):
                return
            outage["stop"] = time.monotonic() - run.t0
            database.cluster.stop("fast")
            outage["down"] = time.monotonic() - run.t0
            print(f"  [{outage['down']:.1f} s] PostgreSQL stopped", flush=True)
            time.sleep(args.down_for)
            database.cluster.start()
            outage["up"] = time.monotonic() - run.t0
            print(f"  [{outage['up']:.1f} s] PostgreSQL started again", flush=True)

        # Warm-up (not measured): other accounts take another quiz, two per worker at once, so
        # that every worker has imported, compiled its templates and opened its connections.
        run.t0, run.deadline = time.monotonic(), time.monotonic() + 120
        warm = [threading.Thread(target=student, args=(run, 10000 + n, load_db.StudentRecord(e), True))
                for n, e in enumerate(seeded.warmup_emails)]
        for th in warm:
            th.start()
        for th in warm:
            th.join()
        print(f"warmed up: {len(warm)} accounts took quiz {seeded.warmup_quiz_id}", flush=True)
        cpu_client0 = resource.getrusage(resource.RUSAGE_SELF)
        cpu_server0 = server_cpu(process.pid)
        run.t0 = time.monotonic()
        run.deadline = run.t0 + args.max_seconds
        for th in probes + threads:
            th.start()
        restarter = None
        if args.restart_db_at is not None:
            restarter = threading.Thread(target=restart_db, daemon=True)
            restarter.start()
        last = 0.0
        while any(th.is_alive() for th in threads):
            time.sleep(1.0)
            now = time.monotonic() - run.t0
            if now - last >= 30:
                last = now
                done = sum(1 for r in records if r.finished)
                print(f"  [{now:.0f} s] {done} finished, {len(run.samples)} requests, {len(run.failures)} failures",
                      flush=True)
        elapsed = time.monotonic() - run.t0
        run.stop.set()
        for th in probes:
            th.join(timeout=10)
        if restarter is not None:
            restarter.join(timeout=120)
        cpu_client1 = resource.getrusage(resource.RUSAGE_SELF)
        cpu_server = server_cpu(process.pid) - cpu_server0
        cpu_client = (cpu_client1.ru_utime + cpu_client1.ru_stime) - (cpu_client0.ru_utime + cpu_client0.ru_stime)

        figures = report(run, elapsed)
        if run.start_released:
            starts = [t + lat for name, t, lat, _s, _ok in run.samples if name == "start"]
            released = run.start_released[0] - run.t0
            print(f"synchronized start: released at {released:.2f} s; the last of {len(starts)} starts answered "
                  f"{max(starts) - released:.3f} s later")
            # what a student waits for: the start, whose answer is the first question's page
            shown = sorted(t - run.start_released[0] for t in run.first_page_done)
            if shown:
                print(f"first question page on screen after the release: p50 {percentile(shown, 50):.3f} s, "
                      f"p95 {percentile(shown, 95):.3f} s, p99 {percentile(shown, 99):.3f} s, last {shown[-1]:.3f} s")
        print(f"CPU: server {cpu_server:.1f} s, load generator {cpu_client:.1f} s over {elapsed:.1f} s "
              f"(load average now {os.getloadavg()[0]:.2f})")

        checks: list[tuple[str, bool]] = []
        unexpected = [f for f in run.failures if f[1] != "student"]
        gave_up = [f for f in run.failures if f[1] == "student"]
        if args.restart_db_at is not None and outage:
            window = (outage["stop"] - 0.5, outage["up"] + 5.0)
            outside = [f for f in unexpected if not window[0] <= f[0] <= window[1]]
            inside = [f for f in unexpected if window[0] <= f[0] <= window[1]]
            after = [s for s in run.samples if s[1] > outage["up"] + 5.0 and s[4]]
            print(f"\nrestart: PostgreSQL down from {outage['stop']:.1f} s to {outage['up']:.1f} s; "
                  f"{len(inside)} failed requests in that window "
                  f"({', '.join(sorted({str(f[2]) for f in inside})) or 'none'}), {len(outside)} outside it; "
                  f"{len(after)} requests succeeded after it")
            checks.append(("failures only while PostgreSQL was down (+5 s)", not outside))
            checks.append(("the app recovered by itself (requests succeed after the restart)", len(after) > 0))
            if outside:
                for f in outside[:10]:
                    print(f"  outside: {f}")
        else:
            checks.append((f"every HTTP status as expected ({len(unexpected)} unexpected)", not unexpected))
            for f in unexpected[:10]:
                print(f"  unexpected: {f}")
        unfinished = sum(1 for r in records if not r.finished)
        checks.append((f"every student finished ({unfinished} did not)", not unfinished and not gave_up))
        for f in gave_up[:10]:
            print(f"  gave up: {f}")
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
        server_log = log_path.read_text(errors="replace")
        tracebacks = server_log.count("Traceback")
        checks.append((f"no traceback in the server's log ({tracebacks})", tracebacks == 0))
        verdict = load_db.verify(database.url, seeded, records)
        print("\ndatabase: " + verdict.lines[0])
        for line in verdict.lines[1:]:
            print("  " + line)
        checks.append(("database: no lost or duplicated answer, every score right, every attempt finished", verdict.ok))
        print("\nchecks:")
        for text, ok in checks:
            print(f"  {'PASS' if ok else 'FAIL'}  {text}")
        print("targets:")
        met = targets(args, figures)
        for text, ok in met:
            print(f"  {'MET ' if ok else 'MISSED'}  {text}")
        if not all(ok for _, ok in checks):
            status = 1
        elif args.fail_on_targets and not all(ok for _, ok in met):
            status = 3
        if args.keep:
            print(f"kept: {database.dir} ({database.url})")
    finally:
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        if not args.keep:
            database.close()
    return status


if __name__ == "__main__":
    sys.exit(main())
