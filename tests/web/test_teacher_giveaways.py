"""A teacher's question is placed among the generated ones: it gets the sentence it asks about
(one question per sentence in an attempt) and the questions it gives away, both ways."""
import pytest

from quizapp.extensions import db
from quizapp.models import Document, Question
from quizapp.services.giveaways import sentence_spans

DOC = "harbour-lighthouse"
KEEPER = "The first keeper was Thomas Reed, who served for 22 years."


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


KEEPER_AND_DAUGHTER = KEEPER + " His daughter, Mary Reed, kept the light after him and wrote a logbook of every ship that passed."


def matching(quote=KEEPER_AND_DAUGHTER):
    # no pair states another question's key: only its two sentences exclude the questions of the second
    return {"type": "matching", "prompt": "Match each keeper with what the text says of them.", "document": DOC,
            "quote": quote, "explanation": "The text names both.", "status": "published", "go": "save",
            "pairs-0-left": "the first keeper", "pairs-0-right": "served for 22 years",
            "pairs-1-left": "his daughter", "pairs-1-right": "wrote down every ship that passed"}


def test_a_teachers_question_on_two_sentences_stays_apart_from_theirs_when_one_is_edited(app, client, teacher):
    qid = created(client, matching())
    with app.app_context():
        # its first sentence is its own (one question per sentence keeps hl-tf-keeper apart); the second's
        # questions are excluded
        assert db.session.get(Question, qid).sentence_id == f"{DOC}:2"
        assert {"hl-sa-daughter", "hl-review-logbook"} <= set(db.session.get(Question, qid).excludes)
        assert qid in db.session.get(Question, "hl-sa-daughter").excludes
    # an edit of the other side (its explanation only) recomputes its pairs: the matching question's
    # two sentences still count, so the pair stays on both sides
    page = client.get("/teacher/questions/hl-sa-daughter/edit").get_data(as_text=True)
    assert "Mary Reed" in page
    with app.app_context():
        q = db.session.get(Question, "hl-sa-daughter")
        data = {"type": "short_answer", "prompt": q.prompt, "document": DOC, "quote": q.citation["quote"],
                "answer": q.spec["answer"], "accept": "\n".join(q.spec.get("accept") or []),
                "explanation": "Edited: the text names her.", "status": "published", "go": "save"}
    response = client.post("/teacher/questions/hl-sa-daughter/edit", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Question, "hl-sa-daughter").explanation == "Edited: the text names her."
        assert qid in db.session.get(Question, "hl-sa-daughter").excludes
        assert "hl-sa-daughter" in db.session.get(Question, qid).excludes


def test_a_pair_the_engine_cannot_judge_is_kept(app, client, teacher):
    qid = created(client, numeric("How many years did Thomas Reed serve as keeper?"))
    with app.app_context():  # a pair with a question of another document (the engine compares one document)
        q = db.session.get(Question, qid)
        q.excludes = ["elsewhere-1"]
        db.session.commit()
    response = client.post(f"/teacher/questions/{qid}/edit", data=numeric("For how many years did Thomas Reed serve?"))
    assert response.status_code == 302, response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Question, qid).excludes == ["elsewhere-1"]


def test_a_gift_import_into_a_document_with_text_places_nothing_and_keeps_the_pairs(app, client, teacher):
    from io import BytesIO
    gift = b"::Keeper:: Who was the first keeper? {=Thomas Reed ~Mary Reed ~John Smith}\n"
    with app.app_context():
        before = {q.id: q.excludes for q in db.session.scalars(db.select(Question).where(Question.document_id == DOC))}
    response = client.post("/teacher/import", data={"file": (BytesIO(gift), "q.gift"), "document": DOC},
                           content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "1 added" in page, page
    with app.app_context():
        rows = {q.id: q for q in db.session.scalars(db.select(Question).where(Question.document_id == DOC))}
        (new,) = set(rows) - set(before)
        assert rows[new].sentence_id is None and not rows[new].citation  # no quote: no sentence to find
        assert {i: rows[i].excludes for i in before} == before
    # and the document's questions can still be edited afterwards
    response = client.post("/teacher/questions/hl-num-height/edit",
                           data=numeric("About how many people visit the lighthouse every year?",
                                        "About 12,000 people visit the lighthouse every year.", "12000"))
    assert response.status_code == 302, response.get_data(as_text=True)


def test_a_question_cited_into_another_document_leaves_the_old_ones_pairs(app, client, teacher):
    giveaway = "Thomas Reed's daughter, Mary Reed, kept the light after him. How many years did he serve?"
    qid = created(client, numeric(giveaway))
    with app.app_context():
        assert qid in db.session.get(Question, "hl-sa-daughter").excludes
        other = Document(id="the-mill", title="The Mill", text="The mill was built in 1794 beside the river.",
                         source_format="text", kind="reference")
        db.session.add(other)
        db.session.commit()
    data = {**numeric("In which year was the mill built?", "The mill was built in 1794 beside the river.", "1794"),
            "document": "the-mill"}
    response = client.post(f"/teacher/questions/{qid}/edit", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)
    with app.app_context():
        q = db.session.get(Question, qid)
        assert q.document_id == "the-mill" and q.sentence_id == "the-mill:0"
        assert qid not in (db.session.get(Question, "hl-sa-daughter").excludes or [])
