"""Serving the app with gunicorn (``gunicorn.conf.py`` at the top of the repository).

Settings come from ``GUNICORN_*`` environment variables with defaults for a small school server
(``settings``), and ``after_fork`` gives each worker process its own database connections.
"""
from __future__ import annotations

import logging
import os
from collections.abc import Mapping

from flask import Flask

from quizapp.extensions import db

log = logging.getLogger(__name__)


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    value = (env.get(name) or "").strip()
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        raise ValueError(f"{name} must be a whole number, not {value!r}") from None
    if number < 0:
        raise ValueError(f"{name} must be 0 or more, not {value!r}")
    return number


def settings(env: Mapping[str, str] | None = None, cpu_count: int | None = None) -> dict:
    """gunicorn's settings from the environment.

    gthread workers: ``GUNICORN_WORKERS`` processes (default: one per core), each with
    ``GUNICORN_THREADS`` threads (default 2). A request here is mostly Python, which holds its
    process's interpreter lock: one process per core uses the cores, and a second thread overlaps
    a request's waits for the database with another's work. More processes or threads than that
    only add switching: on 2 cores, a class of 200 pressing "Start" at once was served with a p99
    of 0.34–0.46 s with 2 × 2, 0.875 s with gunicorn's usual 2 × cores + 1 processes of 4 threads
    (docs/BENCHMARKS.md, 2026-12-03).
    """
    env = os.environ if env is None else env
    cores = cpu_count or os.cpu_count() or 1
    return {
        "wsgi_app": (env.get("GUNICORN_APP") or "quizapp:create_app()").strip(),
        "bind": [b.strip() for b in (env.get("GUNICORN_BIND") or "127.0.0.1:8000").split(",") if b.strip()],
        # gunicorn's gthread worker, taking new connections only with a thread free (quizapp.gunicorn_worker)
        "worker_class": "quizapp.gunicorn_worker.FairThreadWorker",
        "workers": _int(env, "GUNICORN_WORKERS", cores) or 1,
        "threads": _int(env, "GUNICORN_THREADS", 2) or 1,
        # gthread: the heartbeat; a worker silent this long is killed and replaced.
        "timeout": _int(env, "GUNICORN_TIMEOUT", 30),
        "graceful_timeout": _int(env, "GUNICORN_GRACEFUL_TIMEOUT", 30),
        # Seconds an idle keep-alive connection stays open (behind a proxy: longer than nothing).
        "keepalive": _int(env, "GUNICORN_KEEPALIVE", 5),
        # Open connections per worker (idle keep-alive ones included).
        "worker_connections": _int(env, "GUNICORN_WORKER_CONNECTIONS", 1000),
        "backlog": _int(env, "GUNICORN_BACKLOG", 2048),
        # Replace a worker after this many requests (0: never), with jitter so they do not all go at once.
        "max_requests": _int(env, "GUNICORN_MAX_REQUESTS", 0),
        "max_requests_jitter": _int(env, "GUNICORN_MAX_REQUESTS_JITTER", 0),
        "preload_app": (env.get("GUNICORN_PRELOAD") or "").strip().lower() in ("1", "true", "yes"),
        # Logs go to the standard streams, for the service manager or the container to collect:
        # the access log to stdout, gunicorn's and the app's messages to stderr ("" turns the access log off).
        "accesslog": env.get("GUNICORN_ACCESSLOG", "-").strip() or None,
        "errorlog": env.get("GUNICORN_ERRORLOG", "-").strip() or "-",
        "loglevel": (env.get("GUNICORN_LOGLEVEL") or "info").strip(),
        # The client's address is ProxyFix's business (QUIZAPP_TRUSTED_PROXIES); gunicorn's own
        # X-Forwarded-* handling is limited to the proxies it is told about.
        "forwarded_allow_ips": (env.get("GUNICORN_FORWARDED_ALLOW_IPS") or "127.0.0.1").strip(),
    }


def after_fork(app: object) -> None:
    """In a new worker process: drop the database connections inherited from the master.

    With ``GUNICORN_PRELOAD`` the master builds the app before forking; a pooled connection it
    opened must not be shared by two processes (their messages would interleave on one socket).
    ``dispose(close=False)`` forgets the inherited connections without closing them (closing
    would end the master's) and the worker opens its own. Without preloading the worker built
    the app itself and this does nothing harmful.
    """
    if not isinstance(app, Flask):
        return
    with app.app_context():
        engines = list(db.engines.values())
        for engine in engines:
            engine.dispose(close=False)
    log.debug("worker %s: %d inherited engine(s) disposed", os.getpid(), len(engines))


UNSHARED_THROTTLES = ("the log-in and sign-up throttles count in each worker's memory (%s workers): each "
                      "worker allows the full limit, so they are %s times looser than configured. Set "
                      "REDIS_URL (or RATELIMIT_STORAGE_URI) to share them (README, Production serving)")


def warn_unshared_throttles(app: object, workers: int) -> bool:
    """Say so in the log when several workers keep the throttles' counts in memory. True if it did."""
    if not isinstance(app, Flask) or workers < 2:
        return False
    if not str(app.config.get("RATELIMIT_STORAGE_URI") or "memory://").startswith("memory://"):
        return False
    log.warning(UNSHARED_THROTTLES, workers, workers)
    return True


def configure_logging(level: str = "info") -> None:
    """The app's own log messages (logger ``quizapp``: database outages, throttling…) go to
    stderr beside gunicorn's, at gunicorn's log level. Called once in each worker."""
    logger = logging.getLogger("quizapp")
    if not any(getattr(h, "_quizapp_serving", False) for h in logger.handlers):
        handler = logging.StreamHandler()  # stderr
        handler.setFormatter(logging.Formatter("[%(asctime)s] [%(process)d] [%(levelname)s] %(name)s: %(message)s"))
        handler._quizapp_serving = True
        logger.addHandler(handler)
    logger.setLevel(getattr(logging, level.upper(), logging.INFO))
