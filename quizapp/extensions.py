"""The Flask extensions, created unbound and initialised in ``create_app``."""
from __future__ import annotations

from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

# Stable constraint names, so that migrations can refer to them on SQLite and PostgreSQL alike.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


db = SQLAlchemy(model_class=Base)
migrate = Migrate()
login_manager = LoginManager()
csrf = CSRFProtect()
# Throttles log-in and sign-up (quizapp.security sets the limits). The storage comes from
# RATELIMIT_STORAGE_URI: Redis when REDIS_URL is set, so that every worker and server shares the
# counts; memory otherwise. The default key is the client's address (the proxy's, unless
# QUIZAPP_TRUSTED_PROXIES says how many proxies to look through).
limiter = Limiter(key_func=get_remote_address)


def commit_keeping_loaded() -> None:
    """Commit, leaving the objects that the transaction loaded as they are, instead of expiring
    them: for a page rendered after the commit from what the transaction read, without a second
    transaction to read it all again. (On SQLite a write transaction holds the database's one
    write lock: rendering after the commit keeps the lock for the statements alone.)"""
    session = db.session()
    session.expire_on_commit = False
    try:
        session.commit()
    finally:
        session.expire_on_commit = True
