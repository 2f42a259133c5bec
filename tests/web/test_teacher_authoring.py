"""Authoring: forms of every type, validation next to the field, citation matching, preview,
revisions, edited questions kept by reloads, and regrading past attempts."""
from pathlib import Path

import pytest

from quizapp.extensions import db
from quizapp.models import Attempt, Document, Question, QuestionRevision, Quiz
from quizapp.services import bank
from quizapp.services.citations import find_quote

DOC = "harbour-lighthouse"
QUOTE = "The first keeper was Thomas Reed, who served for 22 years."


def form(qtype="multiple_choice", **extra):
    data = {"type": qtype, "prompt": "Who was the first keeper?", "document": DOC, "quote": QUOTE,
            "explanation": "The text names him.", "status": "published", "go": "save"}
    if qtype in ("multiple_choice", "multiple_response"):
        for i, (text, ok) in enumerate([("Thomas Reed", True), ("Mary Reed", False), ("John Smith", False)]):
            data[f"choices-{i}-text"] = text
            if ok:
                data[f"choices-{i}-correct"] = "y"
            data[f"choices-{i}-feedback"] = f"feedback {i}"
    data.update(extra)
    return data


# --- citation matching -----------------------------------------------------------------------

def test_find_quote_tolerates_white_space_and_typographic_quotes():
    text = 'He said: "It\'s   the\nlight," and left.'
    assert find_quote(text, "He said: “It’s the light,”") == (0, text.index('"', 10) + 1)
    start, end = find_quote(text, "the light")
    assert text[start:end] == "the\nlight"
    assert find_quote(text, "not there") is None
    assert find_quote(text, "   ") is None


def test_a_question_stores_exact_offsets_of_a_loosely_typed_quote(app, client, teacher):
    loose = QUOTE.replace(" ", "  ").replace("who", "\nwho")
    response = client.post("/teacher/questions/new", data=form(quote=loose))
    assert response.status_code == 302, response.get_data(as_text=True)
    qid = response.headers["Location"].rsplit("/", 1)[-1]
    with app.app_context():
        q = db.session.get(Question, qid)
        text = db.session.get(Document, DOC).text
        c = q.citation
        assert text[c["start"]:c["end"]] == c["quote"] == QUOTE
        assert c["section"] == "Keepers" and c["paragraph"] > 0
        assert text[c["answer"]["start"]:c["answer"]["end"]] == "Thomas Reed"
        assert q.origin == "teacher" and q.status == "published"
        assert [c["feedback"] for c in q.spec["choices"]] == ["feedback 0", "feedback 1", "feedback 2"]
        rev = db.session.scalar(db.select(QuestionRevision).where(QuestionRevision.question_id == qid))
        assert rev.action == "created" and rev.user.name == "Tess Teacher"


def test_a_quote_not_in_the_document_is_refused_with_a_clear_message(app, client, teacher):
    with app.app_context():
        before = db.session.scalar(db.select(db.func.count()).select_from(Question))
    response = client.post("/teacher/questions/new", data=form(quote="The lighthouse was painted pink."))
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "This quote is not in" in page and 'id="quote-error"' in page
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Question)) == before


@pytest.mark.parametrize("data, message", [
    (form(**{"choices-1-correct": "y"}), "Mark exactly one choice as correct"),
    (form(**{"choices-0-correct": ""}), "Mark exactly one choice as correct"),
    (form("multiple_response", **{"choices-0-correct": ""}), "Mark at least one choice as correct"),
    (form(**{"choices-2-text": "thomas  reed"}), "the options must be distinct"),
    (form("matching", **{"pairs-0-left": "1907", "pairs-0-right": "gas"}), "at least 2 pairs"),
    (form("numeric", answer="tall"), "is not a number"),
    (form("numeric", answer="31", tolerance="-1"), "cannot be negative"),
    (form("short_answer", answer=""), "Give the answer."),
    (form("true_false"), "true or false"),
    (form("ordering", **{"sequence-0": "a", "sequence-1": "A"}), "Two items are the same"),
    (form(prompt=""), "Write the question."),
])
def test_bad_questions_are_refused_next_to_the_field(app, client, teacher, data, message):
    response = client.post("/teacher/questions/new", data=data)
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)


@pytest.mark.parametrize("qtype, extra", [
    ("multiple_choice", {}),
    ("multiple_response", {"choices-1-correct": "y"}),
    ("true_false", {"truth": "true", "prompt": "Thomas Reed was the first keeper."}),
    ("short_answer", {"answer": "Thomas Reed", "accept": "Reed\nT. Reed"}),
    ("numeric", {"answer": "22", "tolerance": "1", "prompt": "How many years did he serve?"}),
    ("matching", {"pairs-0-left": "Thomas Reed", "pairs-0-right": "first keeper",
                  "pairs-1-left": "Mary Reed", "pairs-1-right": "his daughter"}),
    ("ordering", {"sequence-0": "oil", "sequence-1": "gas", "sequence-2": "electricity"}),
])
def test_every_type_can_be_added_and_is_valid(app, client, teacher, qtype, extra):
    response = client.post("/teacher/questions/new", data=form(qtype, **extra))
    assert response.status_code == 302, response.get_data(as_text=True)
    qid = response.headers["Location"].rsplit("/", 1)[-1]
    with app.app_context():
        q = db.session.get(Question, qid)
        assert q.type == qtype and q.citation["quote"] == QUOTE
        from quizapp.engine.grading import correct_response, grade, spec_errors
        assert spec_errors(q.type, q.spec) == []
        assert grade(q.type, q.spec, correct_response(q.type, q.spec)) == 1.0
    assert client.get(f"/teacher/questions/{qid}").status_code == 200
    assert client.get(f"/teacher/questions/{qid}/edit").status_code == 200


def test_preview_saves_nothing_and_shows_the_student_view(app, client, teacher):
    with app.app_context():
        before = db.session.scalar(db.select(db.func.count()).select_from(Question))
    response = client.post("/teacher/questions/new", data=form(go="preview"))
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Preview: as a student sees it" in page and 'type="radio" name="answer"' in page
    assert "Thomas Reed" in page and '<mark class="source">' in page
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Question)) == before


def test_editing_a_generated_question_marks_it_edited_with_a_revision_and_reload_keeps_it(app, client, teacher):
    with app.app_context():
        q = db.session.get(Question, "hl-mc-built")
        from quizapp.forms.question import QuestionForm
        data = QuestionForm.data_for(q)
    edit = {"type": data["type"], "prompt": "When was the Harbour Lighthouse built, according to the text?",
            "document": DOC, "quote": data["quote"], "status": "published", "go": "save",
            "explanation": data["explanation"] or ""}
    for i, c in enumerate(data["choices"]):
        edit[f"choices-{i}-text"] = c["text"]
        edit[f"choices-{i}-feedback"] = c["feedback"]
        if c["correct"]:
            edit[f"choices-{i}-correct"] = "y"
    response = client.post("/teacher/questions/hl-mc-built/edit", data=edit)
    assert response.status_code == 302, response.get_data(as_text=True)
    with app.app_context():
        q = db.session.get(Question, "hl-mc-built")
        assert q.origin == "edited" and q.prompt.startswith("When was")
        rev = db.session.scalars(db.select(QuestionRevision).where(QuestionRevision.question_id == q.id)).one()
        assert rev.action == "edited" and set(rev.changes) == {"prompt", "origin"}
        assert rev.changes["prompt"][1] == "When was the Harbour Lighthouse built, according to the text?"
        report = bank.load_bank_dir(Path(app.config["QUIZAPP_BANK_DIR"]))
        db.session.commit()
        assert report.kept >= 1
        assert db.session.get(Question, "hl-mc-built").prompt.startswith("When was")
    page = client.get("/teacher/questions/hl-mc-built").get_data(as_text=True)
    assert "edited" in page and "Tess Teacher" in page


def test_regrade_shows_how_many_scores_change_then_applies(app, client, teacher, driver, auth):
    # A student answers every question rightly, then the teacher changes the key of one.
    auth.logout()
    auth.signup("s@example.org")
    attempt_id = driver.start()
    items = driver.items(attempt_id)
    for item in items:
        driver.answer(attempt_id, item, right=True)
    driver.finish(attempt_id)
    before = driver.attempt(attempt_id)
    mc = next(i for i in items if i["type"] == "multiple_choice")
    auth.logout()
    auth.login("teacher@example.org")
    with app.app_context():
        q = db.session.get(Question, mc["question_id"])
        data = __import__("quizapp.forms.question", fromlist=["QuestionForm"]).QuestionForm.data_for(q)
    edit = {"type": "multiple_choice", "prompt": data["prompt"], "document": q.document_id, "quote": data["quote"],
            "status": "published", "go": "save"}
    wrong_index = next(i for i, c in enumerate(data["choices"]) if not c["correct"])
    for i, c in enumerate(data["choices"]):
        edit[f"choices-{i}-text"] = c["text"]
        if i == wrong_index:
            edit[f"choices-{i}-correct"] = "y"
    assert client.post(f"/teacher/questions/{q.id}/edit", data=edit).status_code == 302
    page = client.get(f"/teacher/questions/{q.id}").get_data(as_text=True)
    assert "1 score(s)" in page
    assert driver.attempt(attempt_id).score == before.score  # nothing changes until the teacher asks
    assert client.post(f"/teacher/questions/{q.id}/regrade").status_code == 302
    after = driver.attempt(attempt_id)
    assert after.score == pytest.approx(before.score - 1)
    assert driver.responses(attempt_id)[mc["slot"]]["score"] == 0.0
    page = client.get(f"/teacher/questions/{q.id}").get_data(as_text=True)
    assert "nothing to regrade" in page
    with app.app_context():
        actions = set(db.session.scalars(db.select(QuestionRevision.action).where(QuestionRevision.question_id == q.id)))
        assert {"edited", "regraded"} <= actions
