"""The gunicorn worker takes a new connection only with a thread free, so that a class pressing
"Start" at once is spread over the worker processes instead of queueing behind the one that woke
first (quizapp/gunicorn_worker.py)."""
from __future__ import annotations

import http.client
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from gunicorn.workers.gthread import ThreadWorker

import dbtesting

HERE = Path(__file__).resolve().parent
GUNICORN = Path(sys.executable).with_name("gunicorn")
REQUESTS = 8


def test_the_worker_overrides_methods_that_gunicorns_thread_worker_has():
    # it relies on gunicorn's ThreadWorker internals (pyproject pins the major version): fail loudly if they go
    for name in ("set_accept_enabled", "enqueue_req", "accept", "finish_request"):
        assert callable(getattr(ThreadWorker, name, None)), name


def _get(port: int) -> str:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", "/", headers={"Connection": "close"})
        response = conn.getresponse()
        assert response.status == 200
        return response.read().decode()
    finally:
        conn.close()


def _kept_alive(port: int, requests: int) -> None:
    """Several requests on one kept-alive connection (the worker's keep-alive path, not accept's)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        for _ in range(requests):
            conn.request("GET", "/")
            response = conn.getresponse()
            assert response.status == 200
            response.read()
    finally:
        conn.close()


@pytest.fixture
def server(tmp_path):
    port = dbtesting.free_port()
    log = tmp_path / "gunicorn.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(GUNICORN), "--worker-class", "quizapp.gunicorn_worker.FairThreadWorker", "--workers", "2",
             "--threads", "1", "--bind", f"127.0.0.1:{port}", "--pythonpath", str(HERE), "slow_wsgi:app"],
            stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 30
        pids: set[str] = set()

        def probe():
            try:
                pids.add(_get(port))
            except OSError:
                time.sleep(0.2)  # not listening yet

        while len(pids) < 2:  # both workers up and answering (two requests at once reach both)
            assert process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, log.read_text()
            threads = [threading.Thread(target=probe) for _ in range(2)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
        yield port, log, sorted(int(p) for p in pids)  # the workers' process ids
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def test_a_burst_of_new_connections_is_shared_by_the_workers(server):
    port, log, _workers = server
    # kept-alive connections first: a thread counted busy and never freed on that path would leave
    # its worker deaf to the burst
    warm = [threading.Thread(target=_kept_alive, args=(port, 3)) for _ in range(2)]
    for t in warm:
        t.start()
    for t in warm:
        t.join()
    served: list[str] = []
    barrier = threading.Barrier(REQUESTS)

    def student():
        barrier.wait()
        served.append(_get(port))

    threads = [threading.Thread(target=student) for _ in range(REQUESTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    counts = Counter(served)
    assert len(served) == REQUESTS and len(counts) == 2, (counts, log.read_text())
    # one thread each: a worker that took more than its share would serve them one after another
    assert max(counts.values()) <= REQUESTS // 2 + 1, counts


def _cpu_seconds(pids) -> float:
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime + stime
    return total / tick


def test_a_worker_with_its_threads_busy_on_kept_alive_connections_does_not_spin(server):
    """Kept-alive connections come back to a worker's threads without accept: the worker may find its
    threads all busy while it still listens. A new connection then must not make it poll in a loop
    (the listener stays readable) until a thread is free: it stops listening and lets the other take it."""
    port, log, pids = server
    conns = [http.client.HTTPConnection("127.0.0.1", port, timeout=30) for _ in range(4)]
    for conn in conns:  # one request each: the connections are kept alive by whichever worker took them
        conn.request("GET", "/")
        conn.getresponse().read()
    before = _cpu_seconds(pids)
    barrier = threading.Barrier(len(conns) + REQUESTS)
    done: list[str] = []

    def again(conn):
        barrier.wait()
        conn.request("GET", "/")
        done.append(conn.getresponse().read().decode())

    def new():
        barrier.wait()
        done.append(_get(port))

    threads = [threading.Thread(target=again, args=(c,)) for c in conns]
    threads += [threading.Thread(target=new) for _ in range(REQUESTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for conn in conns:
        conn.close()
    used = _cpu_seconds(pids) - before
    assert len(done) == len(conns) + REQUESTS, log.read_text()
    # twelve requests that sleep a quarter of a second each: a few milliseconds of work in all;
    # a worker polling in a loop while its thread sleeps burns a core for that time
    assert used < 0.3, used
