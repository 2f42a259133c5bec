"""Import and export: the CLI and the web, all-or-nothing, line-numbered errors, unsupported
types reported, round trips; document uploads and regeneration; the quiz editor."""
import json

import pytest

from quizapp.extensions import db
from quizapp.models import Attempt, Document, Question, Quiz
from quizapp.services import accounts

GIFT = """// a comment
::Capital:: What is the capital of France? {=Paris#Yes ~Lyon#No ~%-50%Nice}

::Weights:: Which are primes? {~%50%2 ~%50%3 ~%-100%4}

::Sky:: The sky is blue. {T}

::Height:: How tall is the tower, in metres? {#31:2}

::Essay:: Write about the lighthouse. {}
"""



def count(app):
    with app.app_context():
        return db.session.scalar(db.select(db.func.count()).select_from(Question))


def test_cli_dry_run_prints_the_questions_with_weights_and_imports_nothing(app, runner, tmp_path):
    path = tmp_path / "q.gift"
    path.write_text(GIFT, encoding="utf-8")
    before = count(app)
    result = runner.invoke(args=["bank", "import", str(path), "--dry-run"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    types = [q["type"] for q in data["questions"]]
    assert types == ["multiple_choice", "multiple_response", "true_false", "numeric"]
    assert [c["fraction"] for c in data["questions"][1]["choices"]] == [0.5, 0.5, -1.0]
    assert data["questions"][0]["choices"][2]["fraction"] == -0.5
    assert data["questions"][3]["tolerance"] == 2
    assert "essay" in result.stderr
    assert count(app) == before


def test_cli_import_then_export_gives_the_same_questions(app, runner, tmp_path):
    path = tmp_path / "q.gift"
    path.write_text(GIFT, encoding="utf-8")
    result = runner.invoke(args=["bank", "import", str(path)])
    assert result.exit_code == 0, result.output
    assert "4 added" in result.output and "1 not imported" in result.output
    out = tmp_path / "out.gift"
    assert runner.invoke(args=["bank", "export", "--format", "gift", "--out", str(out), "--document", "imported"]).exit_code == 0
    again = runner.invoke(args=["bank", "import", str(out), "--dry-run"])
    original = json.loads(runner.invoke(args=["bank", "import", str(path), "--dry-run"]).stdout)["questions"]
    exported = json.loads(again.stdout)["questions"]

    def key(q):
        return (q["type"], q["prompt"], json.dumps(q.get("choices")), q.get("answer"), q.get("tolerance"))
    assert sorted(map(key, exported)) == sorted(map(key, original))


def test_json_export_then_import_is_unchanged(app, runner, tmp_path):
    out = tmp_path / "bank.json"
    assert runner.invoke(args=["bank", "export", "--format", "json", "--out", str(out)]).exit_code == 0
    data = json.loads(out.read_text())
    assert len(data["questions"]) == count(app)
    result = runner.invoke(args=["bank", "import", str(out)])
    assert result.exit_code == 0, result.output
    assert f"0 added, 0 updated, {count(app)} unchanged" in result.output


def test_malformed_files_import_nothing_and_give_line_numbers(app, runner, tmp_path):
    bad = tmp_path / "bad.gift"
    bad.write_text("::Good:: Fine? {=yes ~no}\n\n::Bad:: Broken? {=a =b\n", encoding="utf-8")
    before = count(app)
    result = runner.invoke(args=["bank", "import", str(bad)])
    assert result.exit_code != 0 and "line 3" in result.output
    assert count(app) == before
    bad_json = tmp_path / "bad.json"
    bad_json.write_text('{"questions": [\n  {"id": "x", "type": "multiple_choice", "prompt": "?",\n   "choices": []}\n]}\n')
    result = runner.invoke(args=["bank", "import", str(bad_json)])
    assert result.exit_code != 0 and "line " in result.output
    assert count(app) == before


def test_web_import_reports_errors_and_unsupported_types(app, client, teacher):
    from io import BytesIO
    response = client.post("/teacher/import", data={"file": (BytesIO(b"::Bad:: Broken? {=a =b\n"), "bad.gift")},
                           content_type="multipart/form-data")
    assert response.status_code == 422 and "line 1" in response.get_data(as_text=True)
    before = count(app)
    response = client.post("/teacher/import", data={"file": (BytesIO(GIFT.encode()), "q.gift")},
                           content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "4 added" in page
    assert "essay" in page and "does not grade" in page
    assert count(app) == before + 4


# --- uploads -------------------------------------------------------------------------------

TEXT = """= The Old Mill =

The Old Mill was built in 1794 beside the river Wey. Its wheel is 6 metres wide.

==Owners==
The first miller was Samuel Baker, who worked there for 31 years. In 1880 the mill was sold to the Godwin family.

In 1921 the mill stopped grinding corn. In 1975 the building became a museum.
"""


def upload(client, text, name="mill.txt", title="The Old Mill"):
    from io import BytesIO
    response = client.post("/teacher/documents", data={"file": (BytesIO(text.encode()), name), "title": title,
                                                       "kind": "reference"}, content_type="multipart/form-data")
    response.get_data()  # read the streamed progress page to its end, as a browser does
    return response


def test_upload_generates_questions_into_the_review_queue(app, client, teacher):
    response = upload(client, TEXT)
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and 'class="progress-done">Done:' in body, body
    with app.app_context():
        doc = db.session.get(Document, "the-old-mill")
        qs = db.session.scalars(db.select(Question).where(Question.document_id == "the-old-mill")).all()
        assert doc.source_file == "mill.txt" and qs
        assert {q.status for q in qs} == {"needs_review"}
        for q in qs:
            assert doc.text[q.citation["start"]:q.citation["end"]] == q.citation["quote"]
    assert 'href="/teacher/documents/the-old-mill"' in body
    page = client.get("/teacher/documents/the-old-mill").get_data(as_text=True)
    assert "Generator report" in page
    assert qs[0].id in client.get("/teacher/review").get_data(as_text=True)


def test_reupload_keeps_unchanged_ids_and_retires_questions_whose_sentence_is_gone(app, client, teacher):
    upload(client, TEXT)
    with app.app_context():
        first = {q.id: q.citation["quote"] for q in db.session.scalars(
            db.select(Question).where(Question.document_id == "the-old-mill"))}
    changed = TEXT.replace("In 1921 the mill stopped grinding corn. ", "")
    assert 'class="progress-done"' in upload(client, changed).get_data(as_text=True)
    with app.app_context():
        rows = {q.id: q for q in db.session.scalars(db.select(Question).where(Question.document_id == "the-old-mill"))}
    gone = [qid for qid, quote in first.items() if quote.startswith("In 1921")]
    # (a question citing sentences around the removed one, such as a statement set from 1880 to 1975, goes with it)
    same_sentence = [qid for qid, quote in first.items() if quote.startswith(("In 1880", "In 1975")) and "1921" not in quote]
    assert gone and all(rows[qid].status == "retired" for qid in gone)
    # questions on unchanged sentences keep their ids and stay in service, their citations
    # re-anchored to where the sentence now stands (even when the generator, with a changed
    # document, would not have written them again)
    assert same_sentence and all(rows[qid].status != "retired" for qid in same_sentence)
    with app.app_context():
        document = db.session.get(Document, "the-old-mill")
        for qid in same_sentence:
            c = rows[qid].citation
            assert document.text[c["start"]:c["end"]] == c["quote"]
    assert set(first) <= set(rows)  # retired, never deleted


@pytest.mark.parametrize("name, data, message", [
    ("mill.pdf", "%PDF-1.4", "Only .txt, .md and .html"),
    ("../../etc/passwd", "root:x:0:0", "Only .txt, .md and .html"),
    ("mill.txt", "", "The file is empty"),
])
def test_bad_uploads_are_refused_clearly(app, client, teacher, name, data, message):
    before = count(app)
    response = upload(client, data, name=name)
    assert response.status_code == 422 and message in response.get_data(as_text=True)
    assert count(app) == before


def test_too_large_uploads_are_refused(make_app, client):
    app = make_app(QUIZAPP_UPLOAD_MAX_BYTES=100)
    c = app.test_client()
    with app.app_context():
        accounts.create_user("t@example.org", "T", "correct horse battery", role="teacher")
        db.session.commit()
    c.post("/auth/login", data={"email": "t@example.org", "password": "correct horse battery"})
    response = upload(c, TEXT)
    assert response.status_code == 422 and "too large" in response.get_data(as_text=True)


# --- quizzes -------------------------------------------------------------------------------

def test_quiz_editor_creates_a_quiz_with_its_settings(app, client, teacher):
    response = client.post("/teacher/quizzes/new", data={
        "title": "Lighthouse test", "instructions": "Do your best.", "documents": ["harbour-lighthouse"],
        "types": ["multiple_choice", "true_false"], "count": "3", "time_limit_minutes": "10",
        "attempts_allowed": "2", "grading_method": "average", "pass_mark": "70",
        "show_answers": "after_close", "closes_at": "2099-01-01T10:00", "status": "published"})
    assert response.status_code == 302, response.get_data(as_text=True)
    with app.app_context():
        quiz = db.session.scalar(db.select(Quiz).where(Quiz.title == "Lighthouse test"))
        assert quiz.rules == {"count": 3, "documents": ["harbour-lighthouse"], "sections": [],
                              "types": ["multiple_choice", "true_false"]}
        assert (quiz.time_limit_seconds, quiz.attempts_allowed, quiz.grading_method, quiz.pass_mark,
                quiz.show_answers, quiz.status) == (600, 2, "average", 70, "after_close", "published")
    assert client.get(response.headers["Location"]).status_code == 200


@pytest.mark.parametrize("data, message", [
    ({"count": "0"}, "From 1 to 100"),
    ({"pass_mark": "101"}, "A percentage from 0 to 100"),
    ({"opens_at": "2099-01-02T10:00", "closes_at": "2099-01-01T10:00"}, "must come after"),
    ({"show_answers": "after_close"}, "need a closing date"),
])
def test_quiz_editor_refuses_bad_settings(client, teacher, data, message):
    base = {"title": "Q", "count": "5", "pass_mark": "60", "grading_method": "highest",
            "show_answers": "after_attempt", "status": "draft"}
    response = client.post("/teacher/quizzes/new", data={**base, **data})
    assert response.status_code == 422 and message in response.get_data(as_text=True)


def test_time_limit_is_enforced_on_the_server(app, client, student, driver):
    with app.app_context():
        quiz = db.session.scalar(db.select(Quiz).where(Quiz.slug == "practice-harbour-lighthouse"))
        quiz.time_limit_seconds = 60
        db.session.commit()
    attempt_id = driver.start()
    items = driver.items(attempt_id)
    assert driver.answer(attempt_id, items[0]).status_code in (200, 302)
    with app.app_context():
        a = db.session.get(Attempt, attempt_id)
        assert a.deadline is not None
        a.deadline = a.deadline.replace(year=2000)
        db.session.commit()
    response = driver.answer(attempt_id, items[1])
    assert response.status_code == 302 and "/results" in response.headers["Location"]
    a = driver.attempt(attempt_id)
    assert a.state == "finished" and 2 not in driver.responses(attempt_id) | {}
    assert set(driver.responses(attempt_id)) == {1}


def test_answers_after_the_closing_date_stay_locked_until_then(app, client, student, driver):
    from datetime import datetime
    with app.app_context():
        quiz = db.session.scalar(db.select(Quiz).where(Quiz.slug == "practice-harbour-lighthouse"))
        quiz.show_answers, quiz.closes_at = "after_close", datetime(2099, 1, 1)
        db.session.commit()
    attempt_id = driver.start()
    item = driver.items(attempt_id)[0]
    driver.answer(attempt_id, item)
    driver.finish(attempt_id)
    page = client.get(f"/attempts/{attempt_id}/q/1/explanation").get_data(as_text=True)
    assert "open after the quiz closes" in page
    with app.app_context():
        db.session.scalar(db.select(Quiz).where(Quiz.slug == "practice-harbour-lighthouse")).closes_at = datetime(2000, 1, 1)
        db.session.commit()
    assert "open after the quiz closes" not in client.get(f"/attempts/{attempt_id}/q/1/explanation").get_data(as_text=True)
