"""History of attempts, and practising what was missed (the ones missed longest ago first)."""
from datetime import timedelta

from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Attempt, Quiz, Response


def _html(response):
    return response.get_data(as_text=True)


def test_history_lists_attempts_and_scores(client, student, driver):
    done = driver.start("lighthouse-choices")
    for item in driver.items(done):
        driver.answer(done, item, right=True)
    driver.finish(done)
    open_one = driver.start()
    html = _html(client.get("/history"))
    assert "Lighthouse: choose the answer" in html and "4 / 4 (100%)" in html and "Passed" in html
    assert f'href="/attempts/{open_one}"' in html and "In progress: resume" in html


def test_nothing_missed_yet(client, student):
    html = _html(client.get("/history"))
    assert "Practise what I missed" not in html
    assert "Practise what you missed" not in _html(client.get("/quizzes"))
    response = client.post("/practice/missed", follow_redirects=True)
    assert "no questions" in _html(response)


def test_practise_what_i_missed(app, client, student, driver):
    aid = driver.start()
    items = driver.items(aid)
    wrong = {i["question_id"] for i in items[:3]}
    for item in items:
        driver.answer(aid, item, right=item["question_id"] not in wrong)
    driver.finish(aid)
    assert "You have 3 questions to practise again." in _html(client.get("/history"))
    assert "Practise what you missed" in _html(client.get("/quizzes"))
    r = client.post("/practice/missed")
    missed_attempt = int(r.headers["Content-Location"].split("/")[2])
    assert {i["question_id"] for i in driver.items(missed_attempt)} == wrong
    # Answer two of them right now: only the third stays missed.
    again = driver.items(missed_attempt)
    for item in again:
        driver.answer(missed_attempt, item, right=item is not again[0])
    driver.finish(missed_attempt)
    assert "You have 1 question to practise again." in _html(client.get("/history"))
    r = client.post("/practice/missed")
    last = int(r.headers["Content-Location"].split("/")[2])
    assert [i["question_id"] for i in driver.items(last)] == [again[0]["question_id"]]


def test_missed_practice_favours_the_ones_missed_longest_ago(app, client, student, driver):
    aid = driver.start()
    items = driver.items(aid)
    for item in items:
        driver.answer(aid, item, right=False)
    driver.finish(aid)
    # Pretend the answers were given on different days: slot k was missed k days ago.
    with app.app_context():
        for r in db.session.scalars(select(Response).where(Response.attempt_id == aid)):
            r.answered_at = r.answered_at - timedelta(days=r.slot)
        quiz = db.session.scalar(select(Quiz).where(Quiz.slug == "missed"))
        quiz.rules = {**quiz.rules, "count": 3}
        db.session.commit()
    r = client.post("/practice/missed")
    missed_attempt = int(r.headers["Content-Location"].split("/")[2])
    oldest = {i["question_id"] for i in items if i["slot"] > len(items) - 3}
    assert {i["question_id"] for i in driver.items(missed_attempt)} == oldest


def test_unanswered_questions_count_as_missed(app, client, student, driver):
    aid = driver.start()
    items = driver.items(aid)
    for item in items[1:]:
        driver.answer(aid, item, right=True)
    driver.finish(aid)
    r = client.post("/practice/missed")
    missed_attempt = int(r.headers["Content-Location"].split("/")[2])
    assert [i["question_id"] for i in driver.items(missed_attempt)] == [items[0]["question_id"]]
    with app.app_context():
        assert db.session.get(Attempt, missed_attempt).quiz.kind == "missed"
