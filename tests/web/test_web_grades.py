"""The quiz's grading method (highest, last, average) is the grade a student sees on the quiz
list, on the results of an attempt and in the history."""
import re

import pytest

from quizapp.extensions import db
from quizapp.models import Attempt, Quiz

SLUG = "lighthouse-choices"


def _set(app, **values):
    with app.app_context():
        quiz = db.session.scalar(db.select(Quiz).where(Quiz.slug == SLUG))
        for k, v in values.items():
            setattr(quiz, k, v)
        db.session.commit()
        return quiz.title


def _take(driver, right: bool) -> int:
    attempt_id = driver.start(SLUG)
    for item in driver.items(attempt_id):
        assert driver.answer(attempt_id, item, right=right).status_code in (200, 302)
    assert driver.finish(attempt_id).status_code == 302
    return attempt_id


def _card(page: str, title: str) -> str:
    start = page.index(title)
    return page[start:page.index("</li>", start)]


@pytest.mark.parametrize("method, grade, label", [("highest", "100%", "highest attempt"),
                                                 ("last", "0%", "last attempt"),
                                                 ("average", "33.3%", "average of the attempts")])
def test_the_grading_method_gives_the_grade_shown(app, client, student, driver, method, grade, label):
    title = _set(app, grading_method=method, attempts_allowed=None, pass_mark=50)
    _take(driver, right=True)
    _take(driver, right=False)
    last = _take(driver, right=False)
    with app.app_context():
        percents = [a.percent for a in db.session.scalars(db.select(Attempt).order_by(Attempt.id))]
    assert percents == [100.0, 0.0, 0.0]

    card = _card(client.get("/quizzes").get_data(as_text=True), title)
    assert f"Your grade: <strong>{grade}</strong> ({label})" in card
    assert ("· passed" in card) == (method == "highest")

    results = client.get(f"/attempts/{last}/results").get_data(as_text=True)
    assert f"Your grade for this quiz: <strong>{grade}</strong> ({label} of 3)" in results

    history = client.get("/history").get_data(as_text=True)
    grades = history[history.index('id="grades-h"'):history.index("Every attempt")]
    row = re.search(rf"<th scope=\"row\">{re.escape(title)}</th><td>([^<]+)</td>", grades)
    assert row and row.group(1) == grade
    assert label.capitalize() + " (3 attempts)" in grades


def test_no_grade_before_a_finished_attempt(app, client, student, driver):
    title = _set(app, grading_method="average")
    assert "Your grade" not in _card(client.get("/quizzes").get_data(as_text=True), title)
    assert 'id="grades-h"' not in client.get("/history").get_data(as_text=True)
    driver.start(SLUG)  # an open attempt is not graded
    assert "Your grade" not in _card(client.get("/quizzes").get_data(as_text=True), title)
