"""What each process keeps of the question pools (quizapp.services.pools) follows the bank: the
bank's stamp changes with every committed write to the questions table (database triggers), and
a start after a change made elsewhere (another app server: here another engine on the same
database) draws from the bank as it is now, with the questions' text as it is now."""
from __future__ import annotations

import random
from contextlib import contextmanager

import sqlalchemy as sa
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Attempt, AttemptItem, BankStamp, Question, Quiz
from quizapp.services import pools, quizzes
from quizapp.services.draw import draw

SLUG = "practice-harbour-lighthouse"  # draws 8 of the 10 published questions of the test bank


@contextmanager
def elsewhere(app):
    """A connection of another app server: its own engine on the same database."""
    engine = sa.create_engine(app.config["SQLALCHEMY_DATABASE_URI"])
    try:
        with engine.begin() as conn:
            yield conn
    finally:
        engine.dispose()


def stamp(app) -> str | None:
    engine = sa.create_engine(app.config["SQLALCHEMY_DATABASE_URI"])
    try:
        with engine.connect() as conn:  # a plain read (the app's own would wait for a writer's lock on SQLite)
            return conn.scalar(select(BankStamp.stamp))
    finally:
        engine.dispose()


def new_student(app, helpers, n: int):
    auth_actions, quiz_driver = helpers
    client = app.test_client()
    assert auth_actions(client).signup(email=f"pool{n}@example.org").status_code == 302
    return quiz_driver(app, client)


def published_pool(app, slug: str = SLUG) -> list[str]:
    """The quiz's candidates, one question per sentence first (any ``n`` first ones are drawn together)."""
    with app.app_context():
        quiz = db.session.scalar(select(Quiz).where(Quiz.slug == slug))
        candidates = quizzes.rule_candidates(quiz.rules)
    firsts, seconds, sentences = [], [], set()
    for qid, sid, *_rest in candidates:
        (seconds if sid in sentences else firsts).append(qid)
        sentences.add(sid or qid)
    return firsts + seconds


def test_the_stamp_changes_with_each_committed_write_to_the_questions(app):
    before = stamp(app)
    assert before
    with elsewhere(app) as conn:
        conn.execute(sa.text("UPDATE quizzes SET title = title || '!'"))  # not a question
    assert stamp(app) == before

    seen = [before]
    for statement in ("UPDATE questions SET prompt = prompt || ' (edited)' WHERE id = 'hl-mc-built'",
                      "INSERT INTO questions (id, document_id, type, prompt, spec, explanation, citation, section, "
                      "difficulty, quality, status, status_set_by, origin, reasons, created_at, updated_at) "
                      "SELECT 'hl-copy', document_id, type, prompt, spec, explanation, citation, section, difficulty, "
                      "quality, status, status_set_by, origin, reasons, created_at, updated_at "
                      "FROM questions WHERE id = 'hl-mc-built'",
                      "DELETE FROM questions WHERE id = 'hl-copy'"):
        engine = sa.create_engine(app.config["SQLALCHEMY_DATABASE_URI"])
        try:
            with engine.connect() as conn:
                conn.execute(sa.text(statement))
                assert stamp(app) == seen[-1], "seen before the commit"
                conn.commit()
        finally:
            engine.dispose()
        assert stamp(app) not in seen, statement
        seen.append(stamp(app))


def test_a_start_after_questions_are_retired_elsewhere_draws_from_the_new_pool(app, helpers):
    first = new_student(app, helpers, 1)
    assert len(first.items(first.start(SLUG))) == 8  # the pool is now kept by this process
    pool = published_pool(app)
    kept = pool[:2]
    with elsewhere(app) as conn:
        conn.execute(sa.update(Question.__table__).where(Question.id.in_(pool[2:])).values(status="retired"))

    second = new_student(app, helpers, 2)
    assert sorted(i["question_id"] for i in second.items(second.start(SLUG))) == sorted(kept)

    with elsewhere(app) as conn:  # and back: published again, drawn again
        conn.execute(sa.update(Question.__table__).where(Question.id.in_(pool[2:])).values(status="published"))
    third = new_student(app, helpers, 3)
    assert len(third.items(third.start(SLUG))) == 8


def test_a_start_after_questions_are_edited_elsewhere_keeps_their_new_text(app, helpers):
    first = new_student(app, helpers, 1)
    first.start(SLUG)
    with elsewhere(app) as conn:
        conn.execute(sa.text("UPDATE questions SET prompt = prompt || ' (edited)'"))
    second = new_student(app, helpers, 2)
    aid = second.start(SLUG)
    with app.app_context():
        prompts = [i.snapshot["prompt"] for i in db.session.scalars(
            select(AttemptItem).where(AttemptItem.attempt_id == aid))]
    assert len(prompts) == 8 and all(p.endswith(" (edited)") for p in prompts), prompts
    assert "(edited)" in second.client.get(f"/attempts/{aid}/q/1").get_data(as_text=True)


def test_a_start_after_the_quiz_rules_change_elsewhere_draws_by_the_new_rules(app, helpers):
    first = new_student(app, helpers, 1)
    assert {i["type"] for i in first.items(first.start(SLUG))} != {"true_false"}
    with app.app_context():
        rules = dict(db.session.scalar(select(Quiz.rules).where(Quiz.slug == SLUG)))
    with elsewhere(app) as conn:
        conn.execute(sa.update(Quiz.__table__).where(Quiz.slug == SLUG)
                     .values(rules={**rules, "types": ["true_false"]}))
    second = new_student(app, helpers, 2)
    types = [i["type"] for i in second.items(second.start(SLUG))]
    assert types and set(types) == {"true_false"}


def test_a_start_draws_what_its_seed_gives_on_the_bank_as_it_is(app, helpers):
    """The kept pool gives the draw a fresh read gives: the same seed, the same questions in the
    same order, with the same layouts (the seeded draw stays reproducible)."""
    first = new_student(app, helpers, 1)
    first.start(SLUG)
    pool = published_pool(app)
    with elsewhere(app) as conn:
        conn.execute(sa.update(Question.__table__).where(Question.id == pool[0]).values(status="retired"))
    second = new_student(app, helpers, 2)
    aid = second.start(SLUG)
    with app.app_context():
        attempt = db.session.get(Attempt, aid)
        quiz = attempt.quiz
        rng = random.Random(attempt.seed)
        expected = draw(quizzes.rule_candidates(quiz.rules), quiz.count, rng)
        assert [i.question_id for i in attempt.items] == expected
        assert pool[0] not in expected


def test_without_its_stamp_row_the_start_reads_the_bank_and_the_next_write_brings_the_row_back(app, helpers):
    first = new_student(app, helpers, 1)
    first.start(SLUG)
    with elsewhere(app) as conn:
        conn.execute(sa.delete(BankStamp.__table__))
    assert stamp(app) is None
    pool = published_pool(app)
    with elsewhere(app) as conn:
        conn.execute(sa.update(Question.__table__).where(Question.id.in_(pool[3:])).values(status="retired"))
    assert stamp(app)  # the trigger put it back
    with elsewhere(app) as conn:
        conn.execute(sa.delete(BankStamp.__table__))
    second = new_student(app, helpers, 2)
    assert sorted(i["question_id"] for i in second.items(second.start(SLUG))) == sorted(pool[:3])


def test_the_kept_snapshots_are_what_the_database_holds(app, helpers):
    first = new_student(app, helpers, 1)
    first.start(SLUG)
    pool = published_pool(app)
    with app.app_context():
        current = pools.current_stamp()
        kept = pools.snapshots(pool, current)
        for q in db.session.scalars(select(Question).where(Question.id.in_(pool))):
            assert kept[q.id] == {"type": q.type, "prompt": q.prompt, "spec": q.spec}


def test_practise_what_i_missed_still_draws_the_students_own_misses(app, client, student, driver):
    aid = driver.start(SLUG)
    items = driver.items(aid)
    for item in items:
        driver.answer(aid, item, right=item["slot"] != 1)
    driver.finish(aid)
    response = client.post("/practice/missed")
    assert response.status_code == 200
    missed_aid = int(response.headers["Content-Location"].split("/")[2])
    assert [i["question_id"] for i in driver.items(missed_aid)] == [items[0]["question_id"]]
