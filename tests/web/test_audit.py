"""The audit log: every kind of teacher change writes exactly one entry (per thing changed) with
the right actor, action, target and time, in the same transaction as the change; a refused or
failed change writes none. The log page lists it newest first, paginated and filtered."""
from __future__ import annotations

import re
from datetime import timedelta
from io import BytesIO

import pytest

from quizapp.extensions import db
from quizapp.models import AuditEntry, Question, Quiz, User, utcnow
from quizapp.services import audit

from testusers import TEACHER_EMAIL

DOC = "harbour-lighthouse"
QUOTE = "The first keeper was Thomas Reed, who served for 22 years."


def teacher_id(app) -> int:
    with app.app_context():
        return db.session.scalar(db.select(User.id).where(User.email == TEACHER_EMAIL))


def entries(app) -> list[tuple]:
    with app.app_context():
        return [(e.user_id, e.action, e.target_type, e.target_id, e.created_at, e.summary, e.details)
                for e in db.session.scalars(db.select(AuditEntry).order_by(AuditEntry.id))]


class Watch:
    """The entries written between ``start()`` and ``new()``, with the time window around them."""

    def __init__(self, app):
        self.app = app

    def start(self):
        self.before = len(entries(self.app))
        self.t0 = utcnow() - timedelta(seconds=1)
        return self

    def new(self) -> list[tuple]:
        got = entries(self.app)[self.before:]
        t1 = utcnow() + timedelta(seconds=1)
        for e in got:
            assert self.t0 <= e[4] <= t1, e
        return got


@pytest.fixture
def watch(app):
    return Watch(app)


def question_form(**extra):
    data = {"type": "multiple_choice", "prompt": "Who was the first keeper?", "document": DOC, "quote": QUOTE,
            "explanation": "The text names him.", "status": "published", "go": "save",
            "choices-0-text": "Thomas Reed", "choices-0-correct": "y", "choices-1-text": "Mary Reed",
            "choices-2-text": "John Smith"}
    data.update(extra)
    return data


def quiz_form(**extra):
    data = {"title": "Audit quiz", "count": "3", "pass_mark": "60", "grading_method": "highest",
            "show_answers": "after_attempt", "status": "draft"}
    data.update(extra)
    return data


# --- questions -------------------------------------------------------------------------------

def test_creating_a_question_writes_one_entry(app, client, teacher, watch):
    watch.start()
    response = client.post("/teacher/questions/new", data=question_form())
    assert response.status_code == 302
    qid = response.headers["Location"].rsplit("/", 1)[-1]
    [(user, action, kind, target, _, summary, _)] = watch.new()
    assert (user, action, kind, target) == (teacher_id(app), "question.created", "question", qid)
    assert "first keeper" in summary


def test_editing_a_question_writes_one_entry_naming_the_fields(app, client, teacher, watch):
    watch.start()
    edit = question_form(prompt="Who was the very first keeper?")
    assert client.post("/teacher/questions/hl-mc-built/edit", data=edit).status_code == 302
    [(user, action, kind, target, _, _, details)] = watch.new()
    assert (user, action, kind, target) == (teacher_id(app), "question.edited", "question", "hl-mc-built")
    assert "prompt" in details["fields"]
    # Saving it again unchanged is no change: nothing is logged.
    watch.start()
    assert client.post("/teacher/questions/hl-mc-built/edit", data=edit).status_code == 302
    assert watch.new() == []


@pytest.mark.parametrize("bad", [
    {"quote": "The lighthouse was painted pink."},  # not in the document
    {"prompt": ""},  # missing field
    {"document": "no-such-document"},
    {"choices-0-correct": ""},  # no correct choice
    {"go": "preview"},  # a preview saves nothing
])
def test_a_refused_or_previewed_question_writes_nothing(app, client, teacher, watch, bad):
    watch.start()
    for url in ("/teacher/questions/new", "/teacher/questions/hl-mc-built/edit"):
        response = client.post(url, data=question_form(**bad))
        assert response.status_code in (200, 422), response.status_code
    assert watch.new() == []


def test_bulk_status_changes_write_one_entry_per_changed_question(app, client, teacher, watch):
    watch.start()
    response = client.post("/teacher/bank/bulk", data={"action": "retire", "ids": ["hl-mc-built", "hl-num-height"]})
    assert response.status_code == 302
    got = watch.new()
    assert sorted((e[0], e[1], e[3], e[6]["from"], e[6]["to"]) for e in got) == [
        (teacher_id(app), "question.status", "hl-mc-built", "published", "retired"),
        (teacher_id(app), "question.status", "hl-num-height", "published", "retired")]
    # Retiring them again changes nothing, and logs nothing.
    watch.start()
    client.post("/teacher/bank/bulk", data={"action": "retire", "ids": ["hl-mc-built", "hl-num-height"]})
    assert watch.new() == []


def test_review_decisions_are_logged(app, client, teacher, watch):
    watch.start()
    assert client.post("/teacher/review", data={"one": "publish:hl-review-logbook"}).status_code == 302
    [(user, action, kind, target, _, summary, details)] = watch.new()
    assert (user, action, kind, target) == (teacher_id(app), "question.reviewed", "question", "hl-review-logbook")
    assert details == {"from": "needs_review", "to": "published"} and "approved" in summary
    watch.start()
    client.post("/teacher/review", data={"action": "bogus", "ids": ["hl-mc-built"]})
    assert watch.new() == []


def test_moves_are_logged_and_a_refused_move_logs_nothing(app, client, teacher, watch):
    watch.start()
    response = client.post("/teacher/bank/bulk", data={"action": "move", "target": f"{DOC}#",
                                                       "ids": ["hl-tf-keeper"]})
    assert response.status_code == 302
    [(user, action, kind, target, _, _, details)] = watch.new()
    assert (user, action, kind, target) == (teacher_id(app), "question.moved", "question", "hl-tf-keeper")
    assert details == {"from": [DOC, "Keepers"], "to": [DOC, ""]}
    watch.start()
    client.post("/teacher/bank/bulk", data={"action": "move", "target": "no-such-doc#", "ids": ["hl-tf-years"]})
    client.post("/teacher/bank/bulk", data={"action": "move", "target": f"{DOC}#999", "ids": ["hl-tf-years"]})
    assert watch.new() == []


def test_regrading_is_logged(app, client, teacher, watch):
    watch.start()
    assert client.post("/teacher/questions/hl-mc-built/regrade").status_code == 302
    [(user, action, kind, target, _, _, _)] = watch.new()
    assert (user, action, kind, target) == (teacher_id(app), "question.regraded", "question", "hl-mc-built")
    watch.start()
    assert client.post("/teacher/questions/no-such-question/regrade").status_code == 404
    assert watch.new() == []


# --- imports and uploads -----------------------------------------------------------------------

GIFT = b"::Capital:: What is the capital of France? {=Paris ~Lyon ~Nice}\n\n::Sky:: The sky is blue. {T}\n"


def test_an_import_is_logged_once_and_per_question(app, client, teacher, watch):
    watch.start()
    response = client.post("/teacher/import", data={"file": (BytesIO(GIFT), "../../x/bank.gift")},
                           content_type="multipart/form-data")
    assert response.status_code == 200 and "2 added" in response.get_data(as_text=True)
    got = watch.new()
    assert all(e[0] == teacher_id(app) for e in got)
    [bank] = [e for e in got if e[1] == "bank.imported"]
    assert bank[2:4] == ("bank", "bank.gift") and bank[6]["added"] == 2
    per_question = sorted(e[3] for e in got if e[1] == "question.imported")
    assert len(per_question) == 2 and per_question == sorted(bank[6]["questions"])
    with app.app_context():
        assert all(db.session.get(Question, qid) is not None for qid in per_question)


@pytest.mark.parametrize("data, extra", [
    (b"::Bad:: Broken? {=a =b\n", {}),  # invalid: nothing imported
    (GIFT, {"dry_run": "y"}),  # only checked
    (b"\xff\xfe not text", {}),
])
def test_a_failed_or_dry_run_import_logs_nothing(app, client, teacher, watch, data, extra):
    watch.start()
    response = client.post("/teacher/import", data={"file": (BytesIO(data), "q.gift"), **extra},
                           content_type="multipart/form-data")
    assert response.status_code in (200, 422)
    assert watch.new() == []


MILL = """= The Old Mill =

The Old Mill was built in 1794 beside the river Wey. Its wheel is 6 metres wide.

==Owners==
The first miller was Samuel Baker, who worked there for 31 years. In 1880 the mill was sold to the Godwin family.
"""


def upload(client, text: bytes, name="mill.txt", title="The Old Mill"):
    response = client.post("/teacher/documents", data={"file": (BytesIO(text), name), "title": title,
                                                       "kind": "reference"}, content_type="multipart/form-data")
    response.get_data()  # the streamed page: generation ends (and commits) before it does
    return response


def test_an_upload_is_logged_with_its_uploader(app, client, teacher, watch):
    watch.start()
    assert upload(client, MILL.encode()).status_code == 200
    [(user, action, kind, target, _, summary, details)] = watch.new()
    assert (user, action, kind, target) == (teacher_id(app), "document.uploaded", "document", "the-old-mill")
    assert details["file"] == "mill.txt" and details["added"] >= 1


def test_a_refused_or_failed_upload_logs_nothing(app, client, teacher, watch, monkeypatch):
    watch.start()
    assert upload(client, b"", name="empty.txt").status_code == 422
    assert upload(client, MILL.encode(), name="mill.exe").status_code == 422
    from quizapp.engine import pipeline

    def broken(*args, **kwargs):
        raise RuntimeError("the generator broke")
    monkeypatch.setattr(pipeline, "generate_documents", broken)
    body = upload(client, MILL.encode()).get_data(as_text=True)
    assert "nothing was stored" in body
    assert watch.new() == []


# --- quizzes -----------------------------------------------------------------------------------

def test_quiz_creation_and_edits_are_logged_with_what_changed(app, client, teacher, watch):
    watch.start()
    response = client.post("/teacher/quizzes/new", data=quiz_form())
    assert response.status_code == 302
    quiz_id = int(response.headers["Location"].rsplit("/", 1)[-1])
    [(user, action, kind, target, _, _, details)] = watch.new()
    assert (user, action, kind, target) == (teacher_id(app), "quiz.created", "quiz", str(quiz_id))
    assert details["settings"]["title"] == "Audit quiz"
    watch.start()
    assert client.post(f"/teacher/quizzes/{quiz_id}", data=quiz_form(pass_mark="75")).status_code == 302
    [(user, action, kind, target, _, _, details)] = watch.new()
    assert (user, action, kind, target) == (teacher_id(app), "quiz.edited", "quiz", str(quiz_id))
    assert details["changes"] == {"pass_mark": [60, 75]}
    watch.start()
    assert client.post(f"/teacher/quizzes/{quiz_id}", data=quiz_form(pass_mark="75")).status_code == 302
    assert client.post(f"/teacher/quizzes/{quiz_id}", data=quiz_form(pass_mark="101")).status_code == 422
    assert client.post("/teacher/quizzes/new", data=quiz_form(count="0")).status_code == 422
    assert watch.new() == []
    with app.app_context():
        assert db.session.get(Quiz, quiz_id).pass_mark == 75


def test_an_entry_is_rolled_back_with_its_change(app):
    """Same transaction: when the view does not commit (an error), neither change nor entry stays."""
    with app.app_context():
        user = db.session.scalar(db.select(User).limit(1)) or User(email="x@x.org", name="x", password_hash="x")
        q = db.session.get(Question, "hl-mc-built")
        from quizapp.services import bankadmin
        bankadmin.set_status([q], "retired", user)
        assert db.session.scalar(db.select(db.func.count()).select_from(AuditEntry)) == 1
        db.session.rollback()
        assert db.session.scalar(db.select(db.func.count()).select_from(AuditEntry)) == 0
        assert db.session.get(Question, "hl-mc-built").status == "published"


def test_unknown_actions_are_refused(app):
    with app.app_context():
        with pytest.raises(ValueError):
            audit.record(None, "question.exploded", "question", "x")
        with pytest.raises(ValueError):
            audit.record(None, "question.created", "planet", "x")


# --- the page ----------------------------------------------------------------------------------

def _add_entries(app, n: int):
    with app.app_context():
        uid = db.session.scalar(db.select(User.id).where(User.email == TEACHER_EMAIL))
        base = utcnow() - timedelta(hours=1)
        for i in range(n):
            db.session.add(AuditEntry(user_id=uid, action="question.edited", target_type="question",
                                      target_id="hl-mc-built" if i % 2 else "hl-num-height",
                                      summary=f"entry number {i:03d}", details={}, created_at=base + timedelta(seconds=i)))
        db.session.commit()


def test_the_log_page_lists_newest_first_paginated_and_filtered(app, client, teacher):
    _add_entries(app, 120)
    page1 = client.get("/teacher/audit").get_data(as_text=True)
    numbers = [int(n) for n in re.findall(r"entry number (\d{3})", page1)]
    assert numbers == list(range(119, 69, -1))  # 50 a page, newest first
    assert "Tess Teacher" in page1 and 'rel="next"' in page1
    assert "<td>Question edited</td>" in page1 and "question.edited" not in page1  # a label, not the code
    page3 = client.get("/teacher/audit?page=3").get_data(as_text=True)
    assert [int(n) for n in re.findall(r"entry number (\d{3})", page3)] == list(range(19, -1, -1))
    only = client.get("/teacher/audit?type=question&id=hl-mc-built").get_data(as_text=True)
    got = [int(n) for n in re.findall(r"entry number (\d{3})", only)]
    assert got and all(n % 2 == 1 for n in got) and got == sorted(got, reverse=True)
    assert "60 entries" in only
    for junk in ("?page=abc", "?page=-1", "?page=99999999999999999999", "?type=<b>&id=%3Cb%3E", "?type=quiz&id=" + "x" * 5000):
        assert client.get("/teacher/audit" + junk).status_code == 200, junk
    assert client.get("/teacher/audit?id=%00").status_code == 400  # NUL: refused for every page


def test_the_log_is_in_the_teacher_navigation_and_for_teachers_only(app, client, teacher, auth):
    assert 'href="/teacher/audit"' in client.get("/teacher/bank").get_data(as_text=True)
    auth.logout()
    auth.signup()
    assert client.get("/teacher/audit").status_code == 403


def test_a_question_page_shows_its_own_log(app, client, teacher):
    client.post("/teacher/bank/bulk", data={"action": "retire", "ids": ["hl-mc-built", "hl-num-height"]})
    page = client.get("/teacher/questions/hl-mc-built").get_data(as_text=True)
    section = page[page.index('id="audit-h"'):]
    assert "Status changed" in section and "Tess Teacher" in section
    assert "/teacher/audit?type=question&amp;id=hl-mc-built" in section
    assert page.count('id="audit-h"') == 1
    title = page[page.index("<title>"):page.index("</title>")]
    assert title == "<title>Question hl-mc-built · QuizApp"
    other = client.get("/teacher/questions/hl-mc-visitors").get_data(as_text=True)
    assert "No teacher has changed this question." in other


def test_the_edit_page_links_to_the_questions_own_log(app, client, teacher):
    page = client.get("/teacher/questions/hl-mc-built/edit").get_data(as_text=True)
    assert "0 logged change(s)" in page
    client.post("/teacher/bank/bulk", data={"action": "retire", "ids": ["hl-mc-built"]})
    page = client.get("/teacher/questions/hl-mc-built/edit").get_data(as_text=True)
    assert "1 logged change(s)" in page and "/teacher/audit?type=question&amp;id=hl-mc-built" in page
    assert 'id="question-history"' not in client.get("/teacher/questions/new").get_data(as_text=True)
