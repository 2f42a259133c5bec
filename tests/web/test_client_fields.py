"""Fields the server owns are never taken from the request: a client that adds ``score``,
``user_id``, ``state``, ``correct``, ``quiz_id`` (someone else's), ``role`` … to the answer,
finish and start forms, the sign-up, the report and the teacher forms changes nothing they name.

Each test also does the honest request, so the effect of the forged fields is measured against
what the server computes by itself."""
from __future__ import annotations

import pytest

from harden_helpers import OTHER, STUDENT, TEACHER, World, world  # noqa: F401  (``world`` is a fixture)
from quizapp.engine import grading
from quizapp.extensions import db
from quizapp.models import Attempt, AuditEntry, Question, Quiz, Report, Response, User

ATTEMPT_FORGERIES = ("score", "max_score", "passed", "state", "finished_at", "deadline", "seed", "pass_mark")


def forged(w: World, **extra) -> dict:
    """Every server-owned field a client could try, pointing at the other student's things."""
    other_user = w.ids(OTHER)
    return {"score": "100", "max_score": "1", "correct": "1", "is_correct": "true", "passed": "1", "points": "10",
            "state": "finished", "user_id": str(other_user), "attempt_id": str(w.other_attempt_id),
            "quiz_id": str(w.quiz_id + 1), "question_id": "hl-num-height", "slot": "2", "finished_at": "2000-01-01",
            "deadline": "2099-01-01", "seed": "1", "pass_mark": "0", "role": "teacher", "id": "1", "kind": "missed",
            "created_by": str(other_user), "status": "resolved", "origin": "generated", "quality": "0",
            **extra}


def wrong_answer(item) -> dict:
    spec, layout = item.snapshot["spec"], item.layout
    if "options" in layout:
        return {"answer": [oid for oid, i in layout["options"] if not spec["choices"][i]["correct"]][0]}
    if "lefts" in layout:
        n = len(spec["pairs"])
        by_text = {spec["pairs"][j][1]: oid for oid, j in layout["rights"]}
        return {f"m-{lid}": by_text[spec["pairs"][(i + 1) % n][1]] for lid, i in layout["lefts"]}
    if "items" in layout:
        n = len(layout["items"])
        return {f"o-{oid}": str(n - i) for oid, i in layout["items"]}  # the key's order reversed
    return {"answer": "-1" if item.type == "numeric" else "zzz"}


def attempt_row(w: World, attempt_id: int) -> dict:
    with w.app.app_context():
        a = db.session.get(Attempt, attempt_id)
        return {k: getattr(a, k) for k in ("user_id", "quiz_id", "state", "score", "max_score", "passed",
                                           "finished_at", "deadline", "seed", "pass_mark")}


def responses(w: World, attempt_id: int) -> dict[int, tuple]:
    with w.app.app_context():
        return {r.slot: (r.question_id, r.score, r.answer) for r in db.session.scalars(
            db.select(Response).where(Response.attempt_id == attempt_id))}


def test_an_answer_with_forged_fields_is_graded_by_the_server(world):
    items = world.items(world.attempt_id)
    before_attempt, before_other = attempt_row(world, world.attempt_id), attempt_row(world, world.other_attempt_id)
    for item in items:
        response = world.student.post(f"/attempts/{world.attempt_id}/q/{item.slot}",
                                      data={**wrong_answer(item), **forged(world), "go": "save"})
        assert response.status_code == 302, (item.type, response.status_code)
    saved = responses(world, world.attempt_id)
    assert sorted(saved) == [i.slot for i in items]  # each answer went to its own slot …
    assert {slot: q for slot, (q, _, _) in saved.items()} == {i.slot: i.question_id for i in items}  # … question
    # Wrong answers: graded by the engine from the answer alone, whatever "score"/"correct" say.
    specs = {i.slot: (i.type, i.snapshot["spec"]) for i in items}
    for slot, (_, score, answer) in saved.items():
        assert score == pytest.approx(grading.grade(*specs[slot], answer)) and score < 1, (slot, score)
    assert all(set(answer) <= {"choice", "choices", "text", "matches", "order"} for _, _, answer in saved.values())
    assert attempt_row(world, world.attempt_id) == before_attempt  # not finished, not rescored
    assert attempt_row(world, world.other_attempt_id) == before_other
    assert responses(world, world.other_attempt_id) == {}


def test_the_json_answer_endpoint_ignores_forged_fields_too(world):
    [item, *_] = world.items(world.attempt_id)
    response = world.student.post(f"/attempts/{world.attempt_id}/q/{item.slot}",
                                  data={**wrong_answer(item), **forged(world), "go": "save"},
                                  headers={"X-Requested-With": "fetch"})
    assert response.status_code == 200 and response.get_json()["saved"] is True
    assert "score" not in response.get_json() and "correct" not in response.get_json()
    assert responses(world, world.attempt_id)[item.slot][1] == 0


def test_a_finish_with_forged_fields_scores_what_was_answered(world):
    items = world.items(world.attempt_id)
    for item in items[:2]:
        world.student.post(f"/attempts/{world.attempt_id}/q/{item.slot}", data={**wrong_answer(item), "go": "save"})
    other_before = attempt_row(world, world.other_attempt_id)
    response = world.student.post(f"/attempts/{world.attempt_id}/finish", data={"confirm": "yes", **forged(world)})
    assert response.status_code == 302
    row = attempt_row(world, world.attempt_id)
    assert row["state"] == "finished" and row["score"] == 0 and row["passed"] is False
    assert row["max_score"] == len(items) and row["finished_at"].year > 2000
    assert attempt_row(world, world.other_attempt_id) == other_before


def test_a_start_with_forged_fields_starts_the_urls_quiz_for_the_signed_in_student(world):
    with world.app.app_context():
        quiz = db.session.get(Quiz, world.quiz_id)
        other_quiz = db.session.scalar(db.select(Quiz.id).where(Quiz.id != world.quiz_id))
    response = world.student.post(f"/quizzes/{world.quiz_id}/start",
                                  data=forged(world, quiz_id=str(other_quiz), deadline="2000-01-01"))
    assert response.status_code == 200
    attempt_id = int(response.headers["Content-Location"].split("/")[2])
    row = attempt_row(world, attempt_id)
    assert (row["user_id"], row["quiz_id"], row["state"], row["score"], row["deadline"]) == (
        world.ids(STUDENT), world.quiz_id, "in_progress", None, None)
    assert row["pass_mark"] == quiz.pass_mark


def test_sign_up_cannot_choose_a_role_or_an_id(world):
    client = world.app.test_client()
    response = client.post("/auth/signup", data={"email": "mallory@example.org", "name": "Mallory",
                                                 "password": "correct horse battery", "confirm": "correct horse battery",
                                                 "role": "teacher", "is_teacher": "1", "id": "1", "active": "0"})
    assert response.status_code == 302
    with world.app.app_context():
        user = db.session.scalar(db.select(User).where(User.email == "mallory@example.org"))
        assert user.role == "student" and user.active and user.id != 1
    assert client.get("/teacher/bank").status_code == 403


def test_a_report_with_forged_fields_is_the_students_own_and_open(world):
    [item, *_] = world.items(world.attempt_id)
    response = world.student.post(f"/attempts/{world.attempt_id}/q/{item.slot}/report",
                                  data={**forged(world), "kind": "typo", "comment": "hm",
                                        "resolved_by": str(world.ids(TEACHER))})
    assert response.status_code == 302
    student_id = world.ids(STUDENT)  # (not inside the app context below: a nested one is another session)
    with world.app.app_context():
        [report] = db.session.scalars(db.select(Report)).all()
        assert (report.user_id, report.attempt_id, report.question_id, report.status, report.resolved_by) == (
            student_id, world.attempt_id, item.question_id, "open", None)


QUESTION = {"type": "multiple_choice", "prompt": "Who was the first keeper?", "document": "harbour-lighthouse",
            "quote": "The first keeper was Thomas Reed, who served for 22 years.", "status": "published",
            "go": "save", "choices-0-text": "Thomas Reed", "choices-0-correct": "y", "choices-1-text": "Mary Reed",
            "choices-2-text": "John Smith"}


def test_the_question_form_ignores_ids_origin_and_quality(world):
    forgeries = {"id": "hl-num-height", "question_id": "hl-num-height", "origin": "generated", "quality": "0.01",
                 "status_set_by": "loader", "sentence_id": "s-1", "user_id": str(world.ids(OTHER)),
                 "reasons": "forged", "created_by": str(world.ids(OTHER))}
    with world.app.app_context():
        target_before = db.session.get(Question, "hl-num-height").prompt
    response = world.teacher.post("/teacher/questions/new", data={**QUESTION, **forgeries})
    assert response.status_code == 302
    new_id = response.headers["Location"].rsplit("/", 1)[-1]
    response = world.teacher.post("/teacher/questions/hl-mc-built/edit", data={**QUESTION, **forgeries,
                                                                              "prompt": "Edited prompt?"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/hl-mc-built")
    teacher_id = world.ids(TEACHER)
    with world.app.app_context():
        new = db.session.get(Question, new_id)
        assert new_id.startswith("t-") and new.origin == "teacher" and new.quality == 1.0
        # the sentence comes from the citation (the server finds it), never from the form
        assert new.sentence_id == "harbour-lighthouse:2" and new.reasons == [] and new.status_set_by == "teacher"
        assert db.session.get(Question, "hl-num-height").prompt == target_before
        assert db.session.get(Question, "hl-mc-built").prompt == "Edited prompt?"
        actors = set(db.session.scalars(db.select(AuditEntry.user_id)))
        assert actors == {teacher_id}  # the audit log names the signed-in teacher, not "user_id"


QUIZ = {"title": "Forged quiz", "count": "3", "pass_mark": "60", "grading_method": "highest",
        "show_answers": "after_attempt", "status": "draft"}


def test_the_quiz_builder_ignores_kind_slug_owner_and_other_ids(world):
    forgeries = {"kind": "missed", "slug": "practice-harbour-lighthouse", "created_by": str(world.ids(OTHER)),
                 "id": str(world.quiz_id), "quiz_id": str(world.quiz_id), "document_id": "harbour-lighthouse",
                 "rules": '{"count": 99}', "time_limit_seconds": "1", "created_at": "2000-01-01"}
    with world.app.app_context():
        seeded = {k: getattr(db.session.get(Quiz, world.quiz_id), k) for k in ("title", "slug", "kind", "rules")}
    response = world.teacher.post("/teacher/quizzes/new", data={**QUIZ, **forgeries})
    assert response.status_code == 302
    quiz_id = int(response.headers["Location"].rsplit("/", 1)[-1])
    assert quiz_id != world.quiz_id
    teacher_id = world.ids(TEACHER)
    with world.app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        assert (quiz.kind, quiz.slug, quiz.created_by, quiz.document_id, quiz.rules["count"],
                quiz.time_limit_seconds) == ("teacher", "forged-quiz", teacher_id, None, 3, None)
        assert quiz.created_at.year > 2000
        assert {k: getattr(db.session.get(Quiz, world.quiz_id), k) for k in seeded} == seeded
    # An edit of the teacher quiz with another quiz's id in the form changes only the URL's quiz.
    response = world.teacher.post(f"/teacher/quizzes/{quiz_id}", data={**QUIZ, **forgeries, "title": "Renamed"})
    assert response.status_code == 302
    with world.app.app_context():
        assert db.session.get(Quiz, quiz_id).title == "Renamed"
        assert {k: getattr(db.session.get(Quiz, world.quiz_id), k) for k in seeded} == seeded
    # And the seeded (non-teacher) quiz cannot be edited through the builder at all.
    assert world.teacher.post(f"/teacher/quizzes/{world.quiz_id}", data=QUIZ).status_code == 404


@pytest.mark.parametrize("field", ["user_id", "attempt_id"])
def test_a_student_cannot_act_on_another_students_attempt_through_form_fields(world, field):
    [item, *_] = world.items(world.other_attempt_id)
    before = responses(world, world.other_attempt_id), attempt_row(world, world.other_attempt_id)
    data = {**wrong_answer(item), field: str(world.ids(OTHER) if field == "user_id" else world.other_attempt_id)}
    # Through the student's own URL: the other attempt is untouched.
    world.student.post(f"/attempts/{world.attempt_id}/q/{item.slot}", data=data)
    world.student.post(f"/attempts/{world.attempt_id}/finish", data={"confirm": "yes", field: data[field]})
    # Through the other's URL: 404.
    assert world.student.post(f"/attempts/{world.other_attempt_id}/q/{item.slot}", data=data).status_code == 404
    assert world.student.post(f"/attempts/{world.other_attempt_id}/finish", data={"confirm": "yes"}).status_code == 404
    assert (responses(world, world.other_attempt_id), attempt_row(world, world.other_attempt_id)) == before
