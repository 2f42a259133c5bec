"""A teacher's question is placed among the generated ones: it gets the sentence it asks about
(one question per sentence in an attempt) and the questions it gives away, both ways."""
import pytest

from quizapp.extensions import db
from quizapp.models import Document, Question
from quizapp.services import accounts
from quizapp.services.giveaways import sentence_spans

DOC = "harbour-lighthouse"
KEEPER = "The first keeper was Thomas Reed, who served for 22 years."


@pytest.fixture
def teacher(app, auth):
    with app.app_context():
        accounts.create_user("teacher@example.org", "Tess Teacher", "correct horse battery", role="teacher")
        db.session.commit()
    assert auth.login("teacher@example.org").status_code == 302
    return auth


def numeric(prompt, quote=KEEPER, answer="22"):
    return {"type": "numeric", "prompt": prompt, "document": DOC, "quote": quote, "answer": answer,
            "tolerance": "0", "explanation": "The text says so.", "status": "published", "go": "save"}


def created(client, data) -> str:
    response = client.post("/teacher/questions/new", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)
    return response.headers["Location"].rsplit("/", 1)[-1]


def test_the_sentence_ids_are_the_generators(app):
    with app.app_context():
        doc = db.session.get(Document, DOC)
        spans = sentence_spans(doc)
        for q in db.session.scalars(db.select(Question).where(Question.document_id == DOC)):
            index = q.sentence_id.rpartition(":")[2]
            if index.isdigit():  # the bank's sentence holds the question's cited answer or quote
                s, e = spans[int(index)]
                assert s < q.citation["end"] and q.citation["start"] < e, q.id


def test_a_teachers_question_on_a_sentence_shares_its_sentence_id(app, client, teacher):
    qid = created(client, numeric("How many years did Thomas Reed serve as keeper?"))
    with app.app_context():
        mine = db.session.get(Question, qid)
        assert mine.sentence_id == db.session.get(Question, "hl-tf-keeper").sentence_id == f"{DOC}:2"


def test_a_stem_that_states_another_questions_key_excludes_it_both_ways_until_edited(app, client, teacher):
    giveaway = "Thomas Reed's daughter, Mary Reed, kept the light after him. How many years did he serve?"
    qid = created(client, numeric(giveaway))
    with app.app_context():
        assert db.session.get(Question, qid).excludes == ["hl-sa-daughter"]
        assert qid in db.session.get(Question, "hl-sa-daughter").excludes
    response = client.post(f"/teacher/questions/{qid}/edit",
                           data=numeric("How many years did Thomas Reed serve as keeper?"))
    assert response.status_code == 302, response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Question, qid).excludes is None
        assert qid not in (db.session.get(Question, "hl-sa-daughter").excludes or [])


def test_a_generated_question_cited_anew_moves_to_its_new_sentence(app, client, teacher):
    with app.app_context():
        q = db.session.get(Question, "hl-num-height")
        assert q.sentence_id == f"{DOC}:1"
    visitors = "About 12,000 people visit the lighthouse every year."
    response = client.post("/teacher/questions/hl-num-height/edit",
                           data=numeric("About how many people visit the lighthouse every year?", visitors, "12000"))
    assert response.status_code == 302, response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Question, "hl-num-height").sentence_id == f"{DOC}:7"


def test_an_imported_question_without_a_sentence_is_placed(app, runner, tmp_path):
    import json
    out = tmp_path / "bank.json"
    assert runner.invoke(args=["bank", "export", "--format", "json", "--out", str(out)]).exit_code == 0
    data = json.loads(out.read_text())
    daughter = next(q for q in data["questions"] if q["id"] == "hl-sa-daughter")
    copy = {**daughter, "id": "imported-daughter"}
    copy.pop("sentence_id", None)
    copy.pop("excludes", None)
    (tmp_path / "one.json").write_text(json.dumps({"questions": [copy]}))
    result = runner.invoke(args=["bank", "import", str(tmp_path / "one.json")])
    assert result.exit_code == 0, result.output
    with app.app_context():
        # the sentence found from its citation: the same as the question it was copied from
        assert db.session.get(Question, "imported-daughter").sentence_id == daughter["sentence_id"]
