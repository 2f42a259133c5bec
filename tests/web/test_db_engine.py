"""Engine options: a ping before every pooled connection is used, and a bounded PostgreSQL pool
configured from the environment."""
import pytest

from quizapp import config, create_app
from quizapp.extensions import db

PG = "postgresql+psycopg://postgres@127.0.0.1:5432/nothing"


def _options(url: str, env: dict | None = None, **cfg) -> dict:
    values = config.defaults("/tmp", env or {})
    values.update(SQLALCHEMY_DATABASE_URI=url, **cfg)
    return config.engine_options(values)


def test_postgres_gets_a_bounded_pool_with_pre_ping_and_timeouts():
    assert _options(PG) == {"pool_pre_ping": True, "pool_size": 5, "max_overflow": 10, "pool_timeout": 10,
                            "pool_recycle": 1800, "connect_args": {"connect_timeout": 5}}


def test_the_pool_is_set_from_the_environment():
    env = {"DATABASE_POOL_SIZE": "3", "DATABASE_MAX_OVERFLOW": "0", "DATABASE_POOL_TIMEOUT": "2",
           "DATABASE_POOL_RECYCLE": "600", "DATABASE_CONNECT_TIMEOUT": "1"}
    assert _options(PG, env) == {"pool_pre_ping": True, "pool_size": 3, "max_overflow": 0, "pool_timeout": 2,
                                 "pool_recycle": 600, "connect_args": {"connect_timeout": 1}}


def test_a_bad_pool_setting_is_refused_with_its_name():
    with pytest.raises(ValueError, match="DATABASE_POOL_SIZE"):
        config.defaults("/tmp", {"DATABASE_POOL_SIZE": "many"})


def test_sqlite_keeps_sqlalchemys_pool_and_explicit_options_win():
    assert _options("sqlite:////tmp/x.db") == {"pool_pre_ping": True}
    assert _options(PG, SQLALCHEMY_ENGINE_OPTIONS={"pool_size": 1})["pool_size"] == 1


def test_the_app_engine_uses_them(tmp_path):
    app = create_app({"SQLALCHEMY_DATABASE_URI": PG, "SECRET_KEY": "x",
                      "QUIZAPP_DB_POOL": {"pool_size": 4, "max_overflow": 2, "pool_timeout": 3,
                                          "pool_recycle": 900, "connect_timeout": 2}})
    with app.app_context():  # no connection is made: only the engine is built
        pool = db.engine.pool
        assert (pool.size(), pool._max_overflow, pool._timeout, pool._recycle, pool._pre_ping) == (4, 2, 3, 900, True)
        db.engine.dispose()
