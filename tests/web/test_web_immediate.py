"""Quizzes that show answers immediately: once an answer is saved, its question page says
whether it was right and links to its explanation, and the answer is final. Quizzes with the
other timings show nothing of the key before they should."""
from datetime import timedelta

import pytest

from quizapp.extensions import db
from quizapp.models import Quiz, Response, utcnow

SLUG = "lighthouse-choices"


def _timing(app, show_answers, closes_at=None):
    with app.app_context():
        quiz = db.session.scalar(db.select(Quiz).where(Quiz.slug == SLUG))
        quiz.show_answers, quiz.closes_at = show_answers, closes_at
        db.session.commit()


def _score(app, attempt_id, slot):
    with app.app_context():
        r = db.session.scalar(db.select(Response).where(Response.attempt_id == attempt_id, Response.slot == slot))
        return None if r is None else r.score


def test_immediate_feedback_after_each_saved_answer(app, client, student, driver):
    _timing(app, "immediately")
    attempt_id = driver.start(SLUG)
    first, second = driver.items(attempt_id)[:2]
    url = f"/attempts/{attempt_id}/q/{first['slot']}"
    explanation = f"{url}/explanation"
    page = client.get(url).get_data(as_text=True)
    assert "Check my answer" in page and 'id="feedback"' not in page and "explanation" not in page.lower().split("</h1>")[1]
    assert client.get(explanation).status_code == 403  # not answered yet

    response = driver.answer(attempt_id, first, right=True, go="save")
    assert response.status_code == 302 and response.headers["Location"].endswith(url)
    page = client.get(url).get_data(as_text=True)
    assert 'id="feedback"' in page and "badge-correct" in page and f'href="{explanation}"' in page
    assert "data-autosave" not in page and "Next question" in page  # a click is not an answer: saving is explicit
    shown = client.get(explanation)
    assert shown.status_code == 200 and "Back to the question" in shown.get_data(as_text=True)

    # the answer is final once its outcome is shown
    refused = driver.answer(attempt_id, first, right=False, go="save", was="changed")
    assert refused.status_code == 302
    assert "answer to this question is final" in client.get(url).get_data(as_text=True)
    assert _score(app, attempt_id, first["slot"]) == 1.0
    assert client.post(url, data={"go": "clear"}).status_code == 302
    assert _score(app, attempt_id, first["slot"]) == 1.0

    # a wrong answer says so; an unanswered question's explanation stays closed
    driver.answer(attempt_id, second, right=False, go="save")
    page = client.get(f"/attempts/{attempt_id}/q/{second['slot']}").get_data(as_text=True)
    assert "badge-wrong" in page
    third = driver.items(attempt_id)[2]
    assert client.get(f"/attempts/{attempt_id}/q/{third['slot']}/explanation").status_code == 403


@pytest.mark.parametrize("timing", ["after_attempt", "after_close"])
def test_other_timings_show_no_outcome_and_no_key_during_the_attempt(app, client, student, driver, timing):
    _timing(app, timing, utcnow() + timedelta(days=2) if timing == "after_close" else None)
    attempt_id = driver.start(SLUG)
    item = driver.items(attempt_id)[0]
    url = f"/attempts/{attempt_id}/q/{item['slot']}"
    driver.answer(attempt_id, item, right=True, go="save")
    page = client.get(url).get_data(as_text=True)
    assert 'id="feedback"' not in page and "badge-correct" not in page and "badge-wrong" not in page
    assert "/explanation" not in page and "Check my answer" not in page and "data-autosave" in page
    assert client.get(f"{url}/explanation").status_code == 403
    # the answer can still change, as before
    driver.answer(attempt_id, item, right=False, go="save")
    assert _score(app, attempt_id, item["slot"]) == 0.0
