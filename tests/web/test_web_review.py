"""Reviewing a finished attempt: the student's results page and the teacher's view of an attempt
show each answer given and, when it may be seen, the right answer."""
import re
from datetime import timedelta

from quizapp.extensions import db
from quizapp.models import Quiz, utcnow
from quizapp.services import accounts

TEACHER = "teacher@example.org"


def _text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def _text(response) -> str:
    return _text_of(response.get_data(as_text=True))


def _finished(driver, skip=("hl-sa-daughter",), wrong=()):
    aid = driver.start()
    items = {i["question_id"]: i for i in driver.items(aid)}
    for qid, item in items.items():
        if qid not in skip:
            driver.answer(aid, item, right=qid not in wrong)
    driver.finish(aid)
    return aid, items


def test_results_show_the_answer_given_and_the_right_one(client, student, driver):
    aid = driver.start()
    items = driver.items(aid)
    choice = next(i for i in items if i["type"] in ("multiple_choice", "true_false"))
    skipped = next(i for i in items if i is not choice)
    for item in items:
        if item is not skipped:
            driver.answer(aid, item, right=item is not choice)  # the choice question answered wrongly
    driver.finish(aid)
    html = client.get(f"/attempts/{aid}/results").get_data(as_text=True)
    review = html.split('<ol class="review">', 1)[1].split("</ol>\n", 1)[0]
    rows = {}
    for chunk in review.split('<li class="review-row">')[1:]:
        rows[int(re.search(r'<span class="slotnum">(\d+)\.</span>', chunk).group(1))] = _text_of(chunk)
    assert len(rows) == len(items)
    key = next(c["text"] for c in choice["spec"]["choices"] if c["correct"])
    given = choice["spec"]["choices"][dict(choice["layout"]["options"])[driver.form_for(choice, False)["answer"]]]
    row = rows[choice["slot"]]
    assert f"Your answer ✗ {given['text']} (wrong)" in row and f"Right answer {key}" in row
    # The question left unanswered: neither an answer nor its key (its explanation is closed too).
    assert "Your answer" not in rows[skipped["slot"]] and "Right answer" not in rows[skipped["slot"]]
    # Every answer as given; the key beside the one answered wrongly, not beside those fully right.
    assert sum("Your answer" in r for r in rows.values()) == len(items) - 1, rows
    assert [slot for slot, r in rows.items() if "Right answer" in r] == [choice["slot"]], rows


def test_results_keep_the_key_closed_until_the_quiz_closes_when_the_teacher_says_so(app, client, student, driver):
    quiz_id = driver.quiz_id("practice-harbour-lighthouse")
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        quiz.show_answers, quiz.closes_at = "after_close", utcnow() + timedelta(days=1)
        db.session.commit()
    aid, items = _finished(driver, skip=())
    response = client.get(f"/attempts/{aid}/results")
    text = _text(response)
    assert "open after the quiz closes" in text and "Your answer" in text
    # The student's own answers, without the key and without marking each option right or wrong.
    assert "Right answer" not in text and "✓" not in text and "✗" not in text
    assert f"/attempts/{aid}/q/1/explanation" not in response.get_data(as_text=True)


def test_a_teacher_reviews_a_students_attempt(app, client, auth, student, driver):
    aid, items = _finished(driver)
    auth.logout()
    assert client.get(f"/teacher/attempts/{aid}").status_code in (302, 401)  # not signed in
    with app.app_context():
        accounts.create_user(TEACHER, "Tess Teacher", "correct horse battery", role="teacher")
        db.session.commit()
    assert auth.login(TEACHER).status_code == 302
    listing = client.get(f"/teacher/quizzes/{driver.quiz_id('practice-harbour-lighthouse')}/attempts")
    assert f"/teacher/attempts/{aid}" in listing.get_data(as_text=True)
    text = _text(client.get(f"/teacher/attempts/{aid}"))
    assert "Attempt of Sam Student" in text and "Student's answer" in text
    assert "Mary Reed" in text  # the teacher sees the key of the skipped question too
    assert text.count("Right answer") == 1  # only there: every other answer was right
    assert client.get("/teacher/attempts/999999").status_code == 404


def test_a_student_cannot_open_the_teachers_view_of_an_attempt(client, student, driver):
    aid, _ = _finished(driver)
    assert client.get(f"/teacher/attempts/{aid}").status_code == 403
