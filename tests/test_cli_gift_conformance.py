"""Every GIFT case of ../shared/conformance/gift/cases through the command line,
``quizapp bank import FILE --dry-run``: the questions it prints (the project's JSON bank format)
have the types, weights and tolerances Moodle reads from the same file; essays are reported as
not imported; the windows-1252 file is refused with Moodle's message; nothing is stored."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from quizapp.extensions import db
from quizapp.models import Question

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GIFT = SHARED / "conformance" / "gift"
CASES = sorted(p.name for p in (GIFT / "cases").glob("*.gift")) if (GIFT / "cases").is_dir() else ["(missing)"]
TYPES = {"truefalse": "true_false", "shortanswer": "short_answer", "numerical": "numeric", "match": "matching"}


def gift_dir() -> Path:
    if not (GIFT / "expected.json").is_file() or not (GIFT / "cases").is_dir():
        message = (f"GIFT conformance data not found at {GIFT}: clone the shared/ repository beside "
                   "this one (../shared/conformance/gift/)")
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return GIFT


def expected(name: str) -> dict:
    return json.loads((gift_dir() / "expected.json").read_text(encoding="utf-8"))["cases"][name]


def our_type(q: dict) -> str | None:
    """The type QuizApp gives Moodle's question (None: not graded here, reported).
    ``$CATEGORY:`` entries are not questions: callers leave them out."""
    if q["type"] == "multichoice":
        return "multiple_choice" if q.get("single", True) else "multiple_response"
    return None if q["type"] == "essay" else TYPES[q["type"]]


def dry_run(runner, name: str):
    result = runner.invoke(args=["bank", "import", str(gift_dir() / "cases" / name), "--dry-run"])
    return result


def check_weights(mine: dict, theirs: dict) -> None:
    answers = theirs.get("answers") or []
    if mine["type"] in ("multiple_choice", "multiple_response"):
        assert [c["fraction"] for c in mine["choices"]] == pytest.approx([a["fraction"] for a in answers])
        assert [c["text"] for c in mine["choices"]] == [a["text"] for a in answers]
    elif mine["type"] == "true_false":
        right = next(c for c in mine["choices"] if c["correct"])
        assert right["text"].lower() == str(theirs["correctanswer"]).lower()
    elif mine["type"] in ("short_answer", "numeric"):
        assert [(a["text"], a["fraction"]) for a in mine["answers"]] == \
            pytest.approx([(a["text"], a["fraction"]) for a in answers])
        if mine["type"] == "numeric":
            assert [a["tolerance"] for a in mine["answers"]] == [a.get("tolerance") for a in answers]
    elif mine["type"] == "matching":
        theirs_pairs = [s["answer"] for s in theirs["subquestions"] if s["text"]]
        assert [p[1] for p in mine["pairs"]] == theirs_pairs


@pytest.mark.parametrize("name", CASES)
def test_every_case_through_bank_import_dry_run(app, runner, name):
    gift_dir()
    case = expected(name)
    result = dry_run(runner, name)
    if "expect_error" in case:
        assert result.exit_code != 0
        assert case["expect_error"] in result.output and "nothing imported" in result.output
        return
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    assert set(printed) == {"questions"}
    theirs = [q for q in case.get("questions") or [case["question"]] if q["type"] != "category"]
    graded = [q for q in theirs if our_type(q)]
    essays = [q for q in theirs if our_type(q) is None]
    assert [q["type"] for q in printed["questions"]] == [our_type(q) for q in graded]
    assert result.stderr.count("does not grade essay") == len(essays)
    for mine, q in zip(printed["questions"], graded):
        assert mine.get("name") == q["name"]
    with app.app_context():  # a dry run stores nothing
        assert db.session.scalar(db.select(db.func.count()).select_from(Question)
                                 .where(Question.id.like("gift-%"))) == 0


@pytest.mark.parametrize("name", ["import_multichoice.gift", "import_multichoice_multi.gift",
                                  "import_multichoice_multi_tricky.gift", "import_numerical.gift",
                                  "import_shortanswer.gift", "import_truefalse.gift", "import_match.gift",
                                  "fixture_questions.gift", "fixture_questions_in_category.gift"])
def test_weights_and_tolerances_match_what_moodle_reads(runner, name):
    case = expected(name)
    result = dry_run(runner, name)
    assert result.exit_code == 0, result.output
    mine = json.loads(result.stdout)["questions"]
    graded = [q for q in (case.get("questions") or [case["question"]]) if q["type"] != "category" and our_type(q)]
    assert len(mine) == len(graded)
    for m, q in zip(mine, graded):
        check_weights(m, q)


def test_the_console_script_prints_the_same(runner):
    """The installed ``quizapp`` command, as a teacher types it, not only the test runner."""
    path = gift_dir() / "cases" / "import_multichoice_multi.gift"
    script = Path(sys.executable).with_name("quizapp")
    if not script.exists():
        pytest.skip("the quizapp console script is not installed in this environment")
    done = subprocess.run([str(script), "bank", "import", str(path), "--dry-run"], capture_output=True,
                          text=True, timeout=120, cwd=Path(__file__).resolve().parents[1])
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == json.loads(dry_run(runner, path.name).stdout)
