"""The test accounts' fixed details, for tests that look the accounts up (``conftest.py`` makes them).

A module of its own because ``from conftest import …`` finds whichever ``conftest.py`` pytest put
on ``sys.path`` first (``tests/e2e/`` has one too).
"""
TEST_PASSWORD = "correct horse battery"
TEACHER_EMAIL = "teacher@example.org"
