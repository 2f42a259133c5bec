"""The schema comes only from the migrations, and the migrations agree with the models."""
import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from quizapp.extensions import db

pytestmark = pytest.mark.own_database  # downgrades and upgrades the schema


def _diff(app, metadata=None):
    with app.app_context(), db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True, "render_as_batch": True})
        return compare_metadata(ctx, metadata if metadata is not None else db.metadata)


def test_models_and_migrations_agree(make_app):
    app = make_app(load=False)  # built by `upgrade()` from migrations/ only
    assert _diff(app) == []


def test_every_model_table_comes_from_a_migration(make_app):
    app = make_app(load=False)
    with app.app_context():
        tables = set(inspect(db.engine).get_table_names())
    assert set(db.metadata.tables) <= tables
    assert "alembic_version" in tables


def test_downgrade_to_base_and_upgrade_again(make_app):
    app = make_app(load=False)
    with app.app_context():
        directory = app.config["QUIZAPP_MIGRATIONS_DIR"]
        downgrade(directory=directory, revision="base")
        assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
        upgrade(directory=directory)
    assert _diff(app) == []


def test_a_model_change_without_migration_is_detected(make_app):
    """The agreement check can fail: an extra column in the models shows up as a difference."""
    app = make_app(load=False)
    copy = sa.MetaData(naming_convention=db.metadata.naming_convention)
    for table in db.metadata.tables.values():
        table.to_metadata(copy)
    copy.tables["documents"].append_column(sa.Column("not_migrated", sa.Integer, nullable=True))
    diff = _diff(app, copy)
    assert any(d[0] == "add_column" and d[3].name == "not_migrated" for d in diff)
