"""Password hashing off the request threads, at a lower CPU priority.

A scrypt hash costs ~0.1 s of CPU (and 32 MB). When a class signs in, those hashes compete for the
two cores with the question pages and answers of the students already in a quiz, whose latency is
what a class notices. Hashing therefore runs in a small pool of threads per process whose Linux nice
value is raised (``HASH_NICE``): the scheduler gives the cores to the request threads first and the
hashes fill the gaps. scrypt releases the GIL, so the request threads of the same process run
meanwhile. The pool also caps how many hashes one process computes at once (memory).

Created lazily, so each gunicorn worker makes its own after the fork. Where a thread's nice value
cannot be set (not Linux, or not permitted), the pool still works at normal priority.
"""
from __future__ import annotations

import logging
import os
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

from werkzeug.security import check_password_hash, generate_password_hash

log = logging.getLogger(__name__)

HASH_NICE = 10  # added to the process's nice value for the hashing threads
HASH_THREADS = 2  # per process

_pool: ThreadPoolExecutor | None = None
_pool_pid = 0
_lock = threading.Lock()


def _lower_priority() -> None:
    if not sys.platform.startswith("linux"):
        return  # elsewhere setpriority() with a thread id is not per thread
    try:
        tid = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, tid, min(19, os.getpriority(os.PRIO_PROCESS, tid) + HASH_NICE))
    except OSError as exc:  # pragma: no cover - depends on the platform's permissions
        log.warning("password hashing runs at normal priority: %s", exc)


def _executor() -> ThreadPoolExecutor:
    global _pool, _pool_pid
    with _lock:
        if _pool is None or _pool_pid != os.getpid():  # a forked worker makes its own
            _pool = ThreadPoolExecutor(max_workers=HASH_THREADS, thread_name_prefix="quizapp-hash",
                                       initializer=_lower_priority)
            _pool_pid = os.getpid()
        return _pool


def run(fn, *args, **kwargs):
    """``fn(*args, **kwargs)`` on a hashing thread; its result (or exception) here."""
    return _executor().submit(fn, *args, **kwargs).result()


def hash_password(password: str, method: str) -> str:
    return run(generate_password_hash, password, method=method)


def verify_password(password_hash: str, password: str) -> bool:
    return run(check_password_hash, password_hash, password)
