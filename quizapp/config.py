"""Configuration from the environment.

| variable | default |
| --- | --- |
| ``DATABASE_URL`` | SQLite file ``quizapp.sqlite3`` in the instance folder |
| ``SECRET_KEY`` | generated on first run and kept in ``<instance>/secret_key`` |
| ``QUIZAPP_SOURCES_DIR`` | ``questions/sources`` of the checkout |
| ``QUIZAPP_BANK_DIR`` | ``questions/bank`` of the checkout |
| ``QUIZAPP_TRUSTED_PROXIES`` | ``0``: the number of reverse proxies in front (ProxyFix) |
| ``QUIZAPP_SECURE_COOKIES`` | ``auto``: cookies are ``Secure`` on HTTPS requests (``always``, ``never``) |
| ``RATELIMIT_STORAGE_URI`` or ``REDIS_URL`` | ``memory://``: where the log-in throttles count |
| ``QUIZAPP_LIMIT_ACCOUNT``, ``QUIZAPP_LIMIT_ADDRESS``, ``QUIZAPP_LIMIT_SIGNUP_ADDRESS`` | the throttles |
| ``DATABASE_POOL_SIZE`` | 5 connections kept open per process (PostgreSQL) |
| ``DATABASE_MAX_OVERFLOW`` | 10 more opened under load, closed when returned |
| ``DATABASE_POOL_TIMEOUT`` | 10 s to wait for a free connection |
| ``DATABASE_POOL_RECYCLE`` | 1800 s: connections older than that are replaced |
| ``DATABASE_CONNECT_TIMEOUT`` | 5 s to reach the server |
"""
from __future__ import annotations

import logging
import os
import secrets
from pathlib import Path

log = logging.getLogger(__name__)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DIR = Path(__file__).resolve().parent


def database_url(instance_path: str, env: dict | None = None) -> str:
    env = os.environ if env is None else env
    url = env.get("DATABASE_URL", "").strip()
    if not url:
        return "sqlite:///" + str(Path(instance_path) / "quizapp.sqlite3")
    # Accept the usual short spellings and use psycopg 3 for them.
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def ratelimit_storage(env: dict) -> str:
    """Where Flask-Limiter counts: RATELIMIT_STORAGE_URI, else Redis at REDIS_URL, else memory."""
    return (env.get("RATELIMIT_STORAGE_URI") or env.get("REDIS_URL") or "").strip() or "memory://"


def trusted_proxies(env: dict) -> int:
    value = (env.get("QUIZAPP_TRUSTED_PROXIES") or "0").strip()
    if not value.isdigit():
        raise ValueError(f"QUIZAPP_TRUSTED_PROXIES must be a number of proxies (0, 1, 2…), not {value!r}")
    return int(value)


def defaults(instance_path: str, env: dict | None = None) -> dict:
    env = os.environ if env is None else env
    return {
        "SQLALCHEMY_DATABASE_URI": database_url(instance_path, env),
        # Turned into SQLALCHEMY_ENGINE_OPTIONS by engine_options() once the URL is known.
        "QUIZAPP_DB_POOL": {
            "pool_size": _int_env(env, "DATABASE_POOL_SIZE", 5),
            "max_overflow": _int_env(env, "DATABASE_MAX_OVERFLOW", 10),
            "pool_timeout": _int_env(env, "DATABASE_POOL_TIMEOUT", 10),
            "pool_recycle": _int_env(env, "DATABASE_POOL_RECYCLE", 1800),
            "connect_timeout": _int_env(env, "DATABASE_CONNECT_TIMEOUT", 5),
        },
        "SECRET_KEY": env.get("SECRET_KEY") or None,
        # The CSRF token lives as long as the session: it never expires mid-attempt.
        "WTF_CSRF_TIME_LIMIT": None,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        # Secure on HTTPS requests (auto), or always, or never: see quizapp.security.
        "QUIZAPP_SECURE_COOKIES": env.get("QUIZAPP_SECURE_COOKIES") or "auto",
        # How many reverse proxies stand in front (their X-Forwarded-For/Proto are trusted); 0 = none.
        "QUIZAPP_TRUSTED_PROXIES": trusted_proxies(env),
        # Throttles of log-in and sign-up (Flask-Limiter), shared by every worker through Redis.
        "RATELIMIT_ENABLED": True,
        "RATELIMIT_STORAGE_URI": ratelimit_storage(env),
        "RATELIMIT_STRATEGY": "moving-window",
        "RATELIMIT_HEADERS_ENABLED": True,
        "RATELIMIT_IN_MEMORY_FALLBACK_ENABLED": True,  # if Redis goes away, throttle per process
        "QUIZAPP_RATELIMIT_PREFIX": env.get("QUIZAPP_RATELIMIT_PREFIX") or "quizapp",
        # Refused log-ins and sign-ups naming one account, and from one address; sign-ups made from one address.
        "QUIZAPP_LIMIT_ACCOUNT": env.get("QUIZAPP_LIMIT_ACCOUNT") or "10 per minute;50 per hour",
        "QUIZAPP_LIMIT_ADDRESS": env.get("QUIZAPP_LIMIT_ADDRESS") or "60 per minute;600 per hour",
        "QUIZAPP_LIMIT_SIGNUP_ADDRESS": env.get("QUIZAPP_LIMIT_SIGNUP_ADDRESS") or "500 per hour",
        # Uploads of documents and banks (the request may carry a little more than the file).
        "MAX_CONTENT_LENGTH": 3 * 1024 * 1024,
        "QUIZAPP_UPLOAD_MAX_BYTES": 2 * 1024 * 1024,
        "QUIZAPP_SOURCES_DIR": env.get("QUIZAPP_SOURCES_DIR") or str(PROJECT_ROOT / "questions" / "sources"),
        "QUIZAPP_BANK_DIR": env.get("QUIZAPP_BANK_DIR") or str(PROJECT_ROOT / "questions" / "bank"),
        "QUIZAPP_SEED_FILE": env.get("QUIZAPP_SEED_FILE") or str(PACKAGE_DIR / "data" / "quizzes.json"),
        "QUIZAPP_MIGRATIONS_DIR": str(PROJECT_ROOT / "migrations"),
        # werkzeug's default (scrypt); tests may pick a cheaper method.
        "PASSWORD_HASH_METHOD": "scrypt",
        "PRACTICE_QUESTION_COUNT": 10,
        "PRACTICE_PASS_MARK": 60,
    }


def _int_env(env, name: str, default: int) -> int:
    value = env.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ValueError(f"{name} must be a whole number, not {value!r}") from None


def engine_options(cfg) -> dict:
    """SQLAlchemy's engine options for the configured database.

    Every connection is checked with a ping when it leaves the pool (``pool_pre_ping``), so after
    a database restart the first request gets a fresh connection instead of an error. PostgreSQL
    also gets a bounded pool (``QUIZAPP_DB_POOL``) and a connect timeout; SQLite keeps
    SQLAlchemy's defaults. ``SQLALCHEMY_ENGINE_OPTIONS`` set explicitly win.
    """
    options: dict = {"pool_pre_ping": True}
    if str(cfg["SQLALCHEMY_DATABASE_URI"]).startswith("postgresql"):
        pool = dict(cfg.get("QUIZAPP_DB_POOL") or {})
        connect_timeout = pool.pop("connect_timeout", None)
        options.update(pool)
        if connect_timeout:
            options["connect_args"] = {"connect_timeout": connect_timeout}
    options.update(cfg.get("SQLALCHEMY_ENGINE_OPTIONS") or {})
    return options


def instance_secret_key(instance_path: str) -> str:
    """The secret key stored in the instance folder, created on first use (mode 0600)."""
    path = Path(instance_path) / "secret_key"
    try:
        key = path.read_text(encoding="ascii").strip()
        if key:
            return key
    except FileNotFoundError:
        pass
    key = secrets.token_hex(32)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"secret_key.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(key + "\n")
    try:
        os.link(tmp, path)  # atomic, and fails if another process got there first
    except FileExistsError:
        return path.read_text(encoding="ascii").strip()
    finally:
        tmp.unlink()
    log.info("generated a new secret key in %s", path)
    return key
