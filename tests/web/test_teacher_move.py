"""Bulk move in the bank browser: a question's document and section (what quizzes draw by)
change; a cited question stays with its cited document, so its citation stays valid."""
import pytest

from quizapp.extensions import db
from quizapp.models import Document, Question, QuestionRevision
from quizapp.services import quizzes


def _cited_with_other_section(app):
    """A cited question and the index/title of another section of its document."""
    with app.app_context():
        for q in db.session.scalars(db.select(Question).where(Question.status == "published").order_by(Question.id)):
            if not q.citation:
                continue
            for i, s in enumerate(q.document.sections):
                if s.get("title") and s["title"] != q.section:
                    return q.id, q.document_id, i, s["title"], dict(q.citation)
    pytest.skip("the test library has no document with two sections")


def _other_document(app, not_id):
    with app.app_context():
        doc = db.session.scalars(db.select(Document).where(Document.id != not_id).order_by(Document.id)).first()
        if doc is None:  # the test library holds one document: add a second, with two sections
            text = "Rivers\n\nRivers flow.\n\nLakes\n\nLakes lie still.\n"
            doc = Document(id="second-doc", title="A second document", text=text, structure={"sections": [
                {"index": 0, "title": "Rivers", "level": 1, "start": 0, "end": 21},
                {"index": 1, "title": "Lakes", "level": 1, "start": 21, "end": len(text)}], "paragraphs": []})
            db.session.add(doc)
            db.session.commit()
        titled = [i for i, s in enumerate(doc.sections) if s.get("title")]
        return doc.id, (titled[0] if titled else None), (doc.sections[titled[0]]["title"] if titled else "")


def test_bank_offers_move_targets(app, client, teacher):
    page = client.get("/teacher/bank").get_data(as_text=True)
    assert 'value="move"' in page and 'id="bulk-target"' in page
    with app.app_context():
        doc = db.session.scalars(db.select(Document)).first()
    assert f'value="{doc.id}#"' in page


def test_move_within_the_document_changes_the_section_quizzes_draw_by(app, client, teacher):
    qid, doc_id, index, title, citation = _cited_with_other_section(app)
    response = client.post("/teacher/bank/bulk", data={"ids": [qid], "action": "move", "target": f"{doc_id}#{index}"})
    assert response.status_code == 302
    assert "1 question(s) moved." in client.get(response.headers["Location"]).get_data(as_text=True)
    with app.app_context():
        q = db.session.get(Question, qid)
        assert q.section == title and q.document_id == doc_id
        assert q.citation == citation  # the quote, its offsets and where it sits are untouched
        rev = db.session.scalars(db.select(QuestionRevision).where(QuestionRevision.question_id == qid,
                                                                   QuestionRevision.action == "moved")).one()
        assert rev.changes["section"][1] == title and rev.user_id is not None
        # a quiz drawing from the new section now finds it; one drawing from the old does not
        ids = [c[0] for c in quizzes.rule_candidates({"documents": [doc_id], "sections": [title]})]
        assert qid in ids


def test_cited_question_is_not_moved_to_another_document_and_nothing_moves(app, client, teacher):
    qid, doc_id, _, _, _ = _cited_with_other_section(app)
    other_id, index, _ = _other_document(app, doc_id)
    with app.app_context():
        uncited = Question(id="uncited-1", document_id=doc_id, type="true_false", prompt="Water is wet.",
                           spec={"answer": True}, citation={}, section="", origin="teacher")
        db.session.add(uncited)
        db.session.commit()
        before = db.session.get(Question, qid).section
    target = f"{other_id}#{'' if index is None else index}"
    response = client.post("/teacher/bank/bulk", data={"ids": [qid, "uncited-1"], "action": "move", "target": target},
                           follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "cite another document" in page and qid in page and "Nothing was moved" in page
    with app.app_context():
        assert db.session.get(Question, qid).document_id == doc_id
        assert db.session.get(Question, qid).section == before
        assert db.session.get(Question, "uncited-1").document_id == doc_id
        assert db.session.scalar(db.select(db.func.count()).select_from(QuestionRevision)
                                 .where(QuestionRevision.action == "moved")) == 0


def test_uncited_question_moves_to_another_documents_section(app, client, teacher):
    with app.app_context():
        doc_id = db.session.scalars(db.select(Document.id).order_by(Document.id)).first()
        db.session.add(Question(id="uncited-2", document_id=doc_id, type="true_false", prompt="Fire is hot.",
                                spec={"answer": True}, citation={}, section="", origin="teacher"))
        db.session.commit()
    other_id, index, title = _other_document(app, doc_id)
    target = f"{other_id}#{'' if index is None else index}"
    response = client.post("/teacher/bank/bulk", data={"ids": ["uncited-2"], "action": "move", "target": target})
    assert response.status_code == 302
    with app.app_context():
        q = db.session.get(Question, "uncited-2")
        assert q.document_id == other_id and q.section == title


@pytest.mark.parametrize("target", ["", "no-such-document#", "#0", "{doc}#999", "{doc}#x"])
def test_bad_targets_are_refused_with_a_message(app, client, teacher, target):
    qid, doc_id, _, _, _ = _cited_with_other_section(app)
    with app.app_context():
        before = db.session.get(Question, qid).section
    response = client.post("/teacher/bank/bulk", data={"ids": [qid], "action": "move",
                                                       "target": target.format(doc=doc_id)}, follow_redirects=True)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Choose where to move the questions." in page or "That section is not in the document." in page
    with app.app_context():
        assert db.session.get(Question, qid).section == before
