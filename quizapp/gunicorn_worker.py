"""A gunicorn gthread worker that takes a new connection only when one of its threads is free.

gunicorn's gthread worker accepts every connection it can (up to ``worker_connections``, 1000)
and queues them for its few threads. When a class presses "Start" at once, the worker whose main
thread wakes first accepts most of the new connections: measured with 200 students and 5 workers,
one worker took 110 of the 200 starts while another took 13, and the last starts waited for that
one process, which can use one core only (the GIL), while the other core sat idle.

This worker stops listening while every thread of its own is busy, so that a new connection stays
in the kernel's queue until some worker has a thread free for it: the work spreads over the
processes as they have room for it. Connections it already holds (kept alive) still come back to
it. Everything else is gunicorn's ``ThreadWorker``. Only gunicorn imports this module
(``gunicorn.conf.py``: ``worker_class``).
"""
from __future__ import annotations

from gunicorn.workers.gthread import ThreadWorker


class FairThreadWorker(ThreadWorker):
    """``ThreadWorker`` that accepts only with a thread free (see the module's docstring)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.in_flight = 0  # connections handed to the thread pool and not yet back

    def has_free_thread(self) -> bool:
        return self.in_flight < self.cfg.threads

    def set_accept_enabled(self, enabled):
        # gunicorn's loop asks to listen whenever it holds fewer than worker_connections: listen
        # only if a thread is free as well (asked again after every event, a finished request too)
        super().set_accept_enabled(enabled and self.has_free_thread())

    def enqueue_req(self, conn):
        super().enqueue_req(conn)  # counted once submitted (a pool shut down by SIGQUIT raises first)
        self.in_flight += 1

    def accept(self, listener):
        if not self.has_free_thread():
            # Threads filled by kept-alive connections (which come back without accept), or a second
            # listener's event of the same poll: stop listening instead, or the listener, still
            # readable, would wake the loop again at once, and again, until a thread is free.
            super().set_accept_enabled(False)
            return
        super().accept(listener)
        if not self.has_free_thread():
            super().set_accept_enabled(False)  # the others take the next ones

    def finish_request(self, conn, fs):
        self.in_flight -= 1
        super().finish_request(conn, fs)
