"""Loading the sources, the bank and the default quizzes: idempotent, never overwriting a
teacher's work, retiring what left the bank."""
import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from quizapp.config import PROJECT_ROOT
from quizapp.extensions import db
from quizapp.models import Document, Question, Quiz
from quizapp.services import bank, catalog, quizzes

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def bank_copy(tmp_path):
    target = tmp_path / "bank"
    shutil.copytree(DATA / "bank", target)
    return target


def _edit_bank(bank_dir, edit):
    path = bank_dir / "harbour-lighthouse.json"
    data = json.loads(path.read_text())
    edit(data)
    path.write_text(json.dumps(data))


def _q(qid):
    return db.session.get(Question, qid)


def test_the_test_library_is_loaded(app):
    with app.app_context():
        doc = db.session.get(Document, "harbour-lighthouse")
        assert doc.title == "The Harbour Lighthouse" and doc.licence == "CC0 1.0"
        assert doc.text.startswith("= The Harbour Lighthouse =")
        assert [p["number"] for p in doc.paragraphs if p["kind"] == "prose"] == [1, 2, 3, 4]
        statuses = dict(db.session.execute(
            select(Question.status, func.count()).group_by(Question.status)).all())
        assert statuses == {"published": 10, "needs_review": 1}
        assert {q.origin for q in db.session.scalars(select(Question))} == {"generated"}
        slugs = set(db.session.scalars(select(Quiz.slug)))
        assert slugs == {"practice-harbour-lighthouse", "missed", "lighthouse-choices", "lighthouse-keepers"}


def test_reloading_changes_nothing(app, bank_copy):
    with app.app_context():
        report = bank.load_bank_dir(bank_copy)
        db.session.commit()
        assert (report.added, report.updated, report.retired, report.unchanged) == (0, 0, 0, 11)
        assert report.skipped == [] and report.problems == []
        assert db.session.scalar(select(func.count()).select_from(Question)) == 11


def test_reloading_updates_generated_questions(app, bank_copy):
    def edit(data):
        data["questions"][0]["prompt"] = "When was the lighthouse built?"
    _edit_bank(bank_copy, edit)
    with app.app_context():
        report = bank.load_bank_dir(bank_copy)
        db.session.commit()
        assert report.updated == 1
        assert _q("hl-mc-built").prompt == "When was the lighthouse built?"


def test_reloading_never_overwrites_a_teacher_edit(app, bank_copy):
    with app.app_context():
        q = _q("hl-mc-built")
        q.prompt, q.origin = "A teacher's better wording?", "edited"
        db.session.commit()
    _edit_bank(bank_copy, lambda d: d["questions"][0].update(prompt="Regenerated wording"))
    with app.app_context():
        report = bank.load_bank_dir(bank_copy)
        db.session.commit()
        assert report.kept == 1 and report.updated == 0
        q = _q("hl-mc-built")
        assert (q.prompt, q.origin) == ("A teacher's better wording?", "edited")


def test_reloading_keeps_a_status_a_teacher_set(app, bank_copy):
    with app.app_context():
        q = _q("hl-mc-built")
        q.status, q.status_set_by = "retired", "teacher"
        r = _q("hl-review-logbook")
        r.status, r.status_set_by = "published", "teacher"  # approved in review
        db.session.commit()
        bank.load_bank_dir(bank_copy)
        db.session.commit()
        assert _q("hl-mc-built").status == "retired"
        assert _q("hl-review-logbook").status == "published"


def test_questions_that_left_the_bank_are_retired_not_deleted(app, bank_copy):
    _edit_bank(bank_copy, lambda d: d.update(questions=[q for q in d["questions"] if q["id"] != "hl-mc-built"]))
    with app.app_context():
        report = bank.load_bank_dir(bank_copy)
        db.session.commit()
        assert report.retired == 1
        assert _q("hl-mc-built").status == "retired"
    # ...and come back when the bank has them again.
    with app.app_context():
        bank.load_bank_dir(DATA / "bank")
        db.session.commit()
        assert _q("hl-mc-built").status == "published"


def test_teacher_questions_are_not_retired_by_the_loader(app, bank_copy):
    with app.app_context():
        db.session.add(Question(id="t-1", document_id="harbour-lighthouse", type="short_answer",
                                prompt="Who?", spec={"answer": "Mary", "accept": []}, origin="teacher"))
        db.session.commit()
        bank.load_bank_dir(bank_copy)
        db.session.commit()
        assert _q("t-1").status == "published"


def test_a_citation_that_does_not_match_the_text_is_held_for_review(app, bank_copy):
    def edit(data):
        qs = {q["id"]: q for q in data["questions"]}
        qs["hl-mc-built"]["citation"]["start"] += 1
        qs["hl-num-height"]["answer"], qs["hl-num-height"]["accept"] = "", []
    _edit_bank(bank_copy, edit)
    with app.app_context():
        report = bank.load_bank_dir(bank_copy)
        db.session.commit()
        q = _q("hl-mc-built")
        assert q.status == "needs_review"
        assert "the citation does not match the document text" in q.reasons
        assert _q("hl-num-height").status == "needs_review"
        assert any("needs an answer" in r for r in _q("hl-num-height").reasons)
        assert len(report.problems) == 2


def test_questions_without_id_or_type_are_skipped_and_reported(app, bank_copy):
    def edit(data):
        data["questions"].append({"type": "multiple_choice", "prompt": "No id"})
        data["questions"].append({"id": "x-essay", "type": "essay", "prompt": "Discuss."})
        data["questions"].append(dict(data["questions"][0]))  # duplicate id
    _edit_bank(bank_copy, edit)
    with app.app_context():
        report = bank.load_bank_dir(bank_copy)
        assert len(report.skipped) == 3
        assert _q("x-essay") is None


def test_a_malformed_bank_file_is_an_error_naming_the_file(app, bank_copy):
    (bank_copy / "broken.json").write_text("{not json")
    with app.app_context():
        with pytest.raises(bank.BankError, match="broken.json"):
            bank.load_bank_dir(bank_copy)
    app.config["QUIZAPP_BANK_DIR"] = str(bank_copy)
    result = app.test_cli_runner().invoke(args=["load"])
    assert result.exit_code != 0 and "broken.json" in result.output


def test_seed_quizzes_are_added_once_and_not_overwritten(app):
    with app.app_context():
        quiz = db.session.scalar(select(Quiz).where(Quiz.slug == "lighthouse-choices"))
        quiz.title = "Renamed by a teacher"
        db.session.commit()
        assert quizzes.seed_quizzes(DATA / "quizzes.json") == 0
        db.session.commit()
        assert db.session.get(Quiz, quiz.id).title == "Renamed by a teacher"
    result = app.test_cli_runner().invoke(args=["seed"])
    assert result.exit_code == 0 and "0 quiz(zes) added" in result.output


def test_a_malformed_seed_file_is_refused(app, tmp_path):
    bad = tmp_path / "q.json"
    bad.write_text(json.dumps({"quizzes": [{"slug": "x", "title": "X", "rules": {"types": ["essay"]}}]}))
    with app.app_context(), pytest.raises(quizzes.SeedError, match="essay"):
        quizzes.seed_quizzes(bad)


def test_init_is_idempotent(make_app):
    app = make_app(load=False)
    runner = app.test_cli_runner()
    for _ in range(2):
        result = runner.invoke(args=["init"])
        assert result.exit_code == 0, result.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Question)) == 11
        assert db.session.scalar(select(func.count()).select_from(Quiz)) == 4
    assert "0 added" in result.output and "11 unchanged" in result.output


def test_the_shipped_sample_bank_loads_cleanly(make_app):
    """The real sample sources and bank (questions/): every question loads and every citation
    quotes the document text exactly."""
    sources, bank_dir = PROJECT_ROOT / "questions" / "sources", PROJECT_ROOT / "questions" / "bank"
    if not list(bank_dir.glob("*.json")):
        pytest.skip("no shipped bank in questions/bank yet")
    app = make_app(load=False)
    with app.app_context():
        report = catalog.load_library(sources, bank_dir, PROJECT_ROOT / "quizapp" / "data" / "quizzes.json")
        db.session.commit()
        assert report.bank.skipped == []
        assert not [p for p in report.bank.problems if "citation" in p]
        assert report.bank.added > 0 and report.practice_quizzes == len(report.documents)
        published = db.session.scalar(select(func.count()).select_from(Question).where(Question.status == "published"))
        assert published > 0
