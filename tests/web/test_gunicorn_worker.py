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
        yield port, log
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def test_a_burst_of_new_connections_is_shared_by_the_workers(server):
    port, log = server
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
