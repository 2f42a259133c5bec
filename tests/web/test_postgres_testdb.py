"""The PostgreSQL pass cleans up after itself: a run drops every database it made, and the next
run drops what a killed run left behind once it is a day old (never a live run's)."""
import time

import pytest

from quizapp.extensions import db

import dbtesting

pytestmark = pytest.mark.skipif(dbtesting.backend() != "postgresql",
                                reason="runs in the PostgreSQL pass (make test sets QUIZAPP_TEST_DATABASE_URL)")


def test_a_run_drops_every_database_it_made_and_shares_nothing_with_another_run(databases, tmp_path):
    other = dbtesting.PostgresDatabases(dbtesting.test_database_url(), dbtesting.build_database,
                                        [t.name for t in db.metadata.sorted_tables])
    try:
        assert other.prefix != databases.prefix
        own = other.new(tmp_path, load=False, shared=False, name="x")
        shared = other.new(tmp_path, load=True, shared=True, name="y")
        made = set(dbtesting.run_databases(other.prefix, other.admin))
        assert made == {other.template_name, other.run_name, own.rsplit("/", 1)[1]}
        assert shared.endswith("/" + other.run_name)
        assert not made & set(dbtesting.run_databases(databases.prefix, other.admin))
    finally:
        other.close()
    with dbtesting.connect_admin(dbtesting.psycopg_url(dbtesting.test_database_url())) as admin:
        assert dbtesting.run_databases(other.prefix, admin) == []


def test_what_a_killed_run_left_is_dropped_once_it_is_a_day_old():
    url = dbtesting.psycopg_url(dbtesting.test_database_url())
    old = f"quizapp_test_{int(time.time()) - 2 * 86400}_1_abcdef_run"
    recent = f"quizapp_test_{int(time.time()) - 3600}_1_abcdef_run"
    with dbtesting.connect_admin(url) as admin:
        for name in (old, recent):
            admin.execute(f'CREATE DATABASE "{name}"')
        try:
            dbtesting.drop_stale(admin)
            left = set(dbtesting.run_databases("quizapp_test_", admin))
            assert old not in left and recent in left
        finally:
            for name in (old, recent):
                admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
