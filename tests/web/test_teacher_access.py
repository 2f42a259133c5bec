"""The teacher's workspace: permissions, the bank browser, bulk actions and the review queue."""
import pytest

from quizapp.extensions import db
from quizapp.models import Question, QuestionRevision, Report
from quizapp.services import accounts

TEACHER = "teacher@example.org"



PAGES = ["/teacher/bank", "/teacher/review", "/teacher/questions/new", "/teacher/import", "/teacher/documents",
         "/teacher/quizzes", "/teacher/quizzes/new"]


@pytest.mark.parametrize("url", PAGES)
def test_anonymous_visitors_get_the_login_page(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert "/auth/login" in response.headers["Location"]


@pytest.mark.parametrize("url", PAGES)
def test_students_get_403(client, student, url):
    assert client.get(url).status_code == 403


def test_students_cannot_post_bulk_actions(app, client, student):
    with app.app_context():
        qid = db.session.scalar(db.select(Question.id).where(Question.status == "published"))
    assert client.post("/teacher/bank/bulk", data={"ids": qid, "action": "retire"}).status_code == 403
    with app.app_context():
        assert db.session.get(Question, qid).status == "published"


@pytest.mark.parametrize("url", PAGES)
def test_teachers_see_every_page(client, teacher, url):
    assert client.get(url).status_code == 200


def test_bank_filters_search_and_pages(app, client, teacher):
    with app.app_context():
        total = db.session.scalar(db.select(db.func.count()).select_from(Question))
        mc = db.session.scalar(db.select(db.func.count()).select_from(Question).where(Question.type == "multiple_choice"))
        q = db.session.scalars(db.select(Question).where(Question.type == "multiple_choice")).first()
    page = client.get("/teacher/bank").get_data(as_text=True)
    assert f"{total} question" in page
    page = client.get("/teacher/bank?type=multiple_choice").get_data(as_text=True)
    assert f"{mc} question" in page and 'value="multiple_choice" selected' in page
    word = q.spec["choices"][0]["text"].split()[0]
    page = client.get(f"/teacher/bank?q={word}").get_data(as_text=True)
    assert q.id in page
    assert "0 questions" in client.get("/teacher/bank?q=zzzznotthere").get_data(as_text=True)
    assert "0 questions" in client.get("/teacher/bank?origin=teacher").get_data(as_text=True)
    # a page beyond the last is the last page, never an error
    assert client.get("/teacher/bank?page=999").status_code == 200


def test_bank_shows_questions_as_students_see_them_with_citation(app, client, teacher):
    with app.app_context():
        q = db.session.scalars(db.select(Question).where(Question.type == "multiple_choice")).first()
        quote = q.citation["quote"]
    page = client.get(f"/teacher/bank?q={q.id}").get_data(as_text=True)
    assert 'type="radio" name="answer"' in page and "<fieldset disabled" in page
    assert quote.split()[0] in page and "<cite>" in page


def test_bulk_publish_and_retire_keep_revisions(app, client, teacher):
    with app.app_context():
        ids = list(db.session.scalars(db.select(Question.id).where(Question.status == "published").limit(2)))
    response = client.post("/teacher/bank/bulk", data={"ids": ids, "action": "retire"})
    assert response.status_code == 302
    with app.app_context():
        for qid in ids:
            q = db.session.get(Question, qid)
            assert q.status == "retired" and q.status_set_by == "teacher"
        revs = db.session.scalars(db.select(QuestionRevision).where(QuestionRevision.question_id.in_(ids))).all()
        assert {r.action for r in revs} == {"status"} and len(revs) == 2
        assert revs[0].changes["status"] == ["published", "retired"] and revs[0].user.email == TEACHER


def test_bulk_export_of_filtered_selection(app, client, teacher):
    response = client.post("/teacher/bank/bulk", data={"type": "true_false", "action": "export-json", "scope": "all"})
    assert response.status_code == 200 and "attachment" in response.headers["Content-Disposition"]
    data = response.get_json()
    assert data["questions"] and {q["type"] for q in data["questions"]} == {"true_false"}


def test_review_queue_shows_reasons_and_reports_and_approves(app, client, teacher, auth):
    with app.app_context():
        q = db.session.scalars(db.select(Question).where(Question.status == "published")).first()
        q.status, q.reasons = "needs_review", ["quality below 0.6"]
        other = db.session.scalars(db.select(Question).where(Question.status == "published", Question.id != q.id)).first()
        user = accounts.create_user("s2@example.org", "S", "correct horse battery")
        db.session.flush()
        db.session.add(Report(question_id=other.id, user_id=user.id, kind="wrong_key", comment="The key is wrong!"))
        db.session.commit()
        qid, oid = q.id, other.id
    page = client.get("/teacher/review").get_data(as_text=True)
    assert qid in page and "quality below 0.6" in page
    assert oid in page and "The key is wrong!" in page
    response = client.post("/teacher/review", data={"one": f"publish:{qid}"})
    assert response.status_code == 302
    client.post("/teacher/review", data={"ids": [oid], "action": "retire"})
    with app.app_context():
        assert db.session.get(Question, qid).status == "published"
        assert db.session.get(Question, oid).status == "retired"
        assert db.session.scalar(db.select(Report.status).where(Report.question_id == oid)) == "resolved"
    page = client.get("/teacher/review").get_data(as_text=True)
    assert qid not in page and oid not in page


def test_unknown_question_is_404(client, teacher):
    assert client.get("/teacher/questions/nope").status_code == 404
    assert client.get("/teacher/questions/nope/edit").status_code == 404
    assert client.get("/teacher/quizzes/99999").status_code == 404
    assert client.get("/teacher/documents/nope").status_code == 404
