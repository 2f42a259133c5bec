"""Password hashing runs on a small pool of lower-priority threads (quizapp/hashing.py)."""
import os
import sys
import threading

import pytest

from quizapp import hashing


def test_hashes_made_and_checked_on_the_pool_are_right():
    h = hashing.hash_password("amber lantern orchard 42", "scrypt")
    assert h.startswith("scrypt:")
    assert hashing.verify_password(h, "amber lantern orchard 42")
    assert not hashing.verify_password(h, "amber lantern orchard 43")


def test_the_hashing_threads_are_not_the_callers_and_errors_come_back():
    assert hashing.run(threading.get_native_id) != threading.get_native_id()
    with pytest.raises(ValueError):
        hashing.hash_password("x" * 12, "no-such-method")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice values are Linux's")
def test_the_hashing_threads_run_at_a_lower_priority():
    mine = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    theirs = hashing.run(lambda: os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))
    assert theirs == min(19, mine + hashing.HASH_NICE)
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == mine  # the caller's is unchanged


def test_a_log_in_checks_the_password_on_the_pool(app, monkeypatch):
    from quizapp.extensions import db
    from quizapp.services import accounts
    calls = []
    real = hashing.run
    monkeypatch.setattr(hashing, "run", lambda fn, *a, **kw: calls.append(fn.__name__) or real(fn, *a, **kw))
    with app.app_context():
        accounts.create_user("pool@example.org", "Pool", "amber lantern orchard 42")
        db.session.commit()
        assert accounts.authenticate("pool@example.org", "amber lantern orchard 42") is not None
        assert accounts.authenticate("nobody@example.org", "amber lantern orchard 42") is None
    assert calls.count("check_password_hash") == 2 and "generate_password_hash" in calls
