"""The JSON bank format: validation with paths and lines, all-or-nothing, canonical output."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizapp.engine.bankjson import BankJsonError, parse_bank_json, to_bank_json
from quizapp.engine.gift import parse_gift
from quizapp.engine.questionspec import validate_question

BANK = Path(__file__).resolve().parents[1] / "questions" / "bank"

DOCUMENT = {"id": "doc", "title": "A document", "sha256": "0" * 64, "source_file": "doc.txt",
            "author": "A. Author", "publication": "P", "date": None, "kind": "reference",
            "licence": "CC BY", "attribution": "A. Author"}
CITATION = {"document": "doc", "start": 0, "end": 5, "quote": "Hello", "section": "",
            "paragraph": 1, "sentence": {"start": 0, "end": 5}, "answer": None}


def question(**kw) -> dict:
    q = {"id": "q1", "type": "multiple_choice", "prompt": "Which?",
         "choices": [{"text": "a", "correct": True, "feedback": "yes"},
                     {"text": "b", "correct": False}],
         "explanation": "Because.", "citation": dict(CITATION), "sentence_id": "s1",
         "difficulty": 0.5, "quality": 0.9, "status": "published", "reasons": []}
    q.update(kw)
    return q


def errors_of(text) -> list[tuple[str, int | None, str]]:
    with pytest.raises(BankJsonError) as info:
        parse_bank_json(text)
    return [(e.path, e.line, e.message) for e in info.value.errors]


def test_both_shapes_are_accepted():
    qs = [question(), question(id="q2", type="true_false",
                               choices=[{"text": "True", "correct": False},
                                        {"text": "False", "correct": True}])]
    assert parse_bank_json(json.dumps({"questions": qs})) == qs
    assert parse_bank_json(json.dumps({"document": DOCUMENT, "questions": qs})) == qs
    assert parse_bank_json(json.dumps({"questions": qs}).encode("utf-8")) == qs


def test_canonical_output_is_deterministic_and_reads_back():
    q = question()
    shuffled = dict(reversed(list(q.items())))
    text = to_bank_json([shuffled], document=dict(reversed(list(DOCUMENT.items()))))
    assert text == to_bank_json([q], document=DOCUMENT)
    assert text.endswith("}\n") and '\n  "questions": [\n' in text
    data = json.loads(text)
    assert list(data) == ["document", "questions"]
    assert list(data["document"]) == list(DOCUMENT)
    assert list(data["questions"][0])[:3] == ["id", "type", "prompt"]
    assert list(data["questions"][0]["choices"][0]) == ["text", "correct", "feedback"]
    assert parse_bank_json(text) == [q]
    assert "é" in to_bank_json([question(prompt="Café?")])  # ensure_ascii=False


def test_syntax_error_has_its_line():
    text = '{\n  "questions": [\n    {"id": "x",}\n  ]\n}'
    ((path, line, message),) = errors_of(text)
    assert path == "$" and line == 3 and "not valid JSON" in message


def test_every_problem_has_a_path_and_a_line():
    qs = [question(), question(id="q2", prompt="", choices=[
        {"text": "a", "correct": True}, {"text": "A ", "correct": True}])]
    text = json.dumps({"questions": qs}, indent=2)
    errors = errors_of(text)
    lines = text.split("\n")
    by_path = {p: (line, m) for p, line, m in errors}
    assert '"prompt": ""' in lines[by_path["$.questions[1].prompt"][0] - 1]
    assert "exactly one correct" in by_path["$.questions[1].choices"][1]
    line, message = by_path["$.questions[1].choices[1].text"]
    assert '"text": "A "' in lines[line - 1] and "distinct" in message
    assert [line for _, line, _ in errors] == sorted(line for _, line, _ in errors)


def test_missing_key_points_at_its_object():
    q = question()
    del q["prompt"]
    text = json.dumps({"questions": [q]}, indent=2)
    ((path, line, message),) = errors_of(text)
    assert path == "$.questions[0].prompt" and message == "is required"
    assert text.split("\n")[line - 1].strip() == "{"


def test_all_or_nothing_on_one_bad_question():
    good = [question(id=f"q{i}") for i in range(5)]
    bad = good + [question(id="q9", type="essay")]
    errors = errors_of(json.dumps({"questions": bad}))
    assert [p for p, _, _ in errors] == ["$.questions[5].type"]


def test_structure_errors():
    assert errors_of("[]")[0][:2] == ("$", 1)
    assert errors_of('{"document": {"id": "d"}}') == [
        ("$.document.title", 1, "is required (a non-empty string)"),
        ("$.questions", 1, "is required (a list of questions)")]
    assert errors_of('{"questions": {}}')[0][0] == "$.questions"
    assert "NaN" in errors_of('{"questions": [{"difficulty": NaN}]}')[0][2]
    assert errors_of(b'{"questions": []}\n\xff')[0][1] == 2


def test_duplicate_ids_and_keys():
    text = json.dumps({"questions": [question(), question()]}, indent=2)
    ((path, line, message),) = errors_of(text)
    assert path == "$.questions[1].id" and "repeats" in message and line > 10
    text = '{"questions": [],\n "questions": []}'
    assert errors_of(text) == [("$.questions", 2, "this key appears twice in the object "
                                                  "(JSON keeps only the last)")]


def test_citation_must_be_this_documents():
    text = json.dumps({"document": DOCUMENT,
                       "questions": [question(citation={**CITATION, "document": "other"})]})
    assert errors_of(text)[0][0] == "$.questions[0].citation.document"


def test_to_bank_json_refuses_invalid_questions():
    with pytest.raises(BankJsonError) as info:
        to_bank_json([question(choices=[{"text": "a", "correct": True}])])
    assert "at least 2 choices" in str(info.value)


def test_gift_dry_run_output_is_a_valid_bank():
    result = parse_gift("::A::Q?{=a ~%50%b#half ~c}\n\n::B::N?{#1..5}\n\n::C::M.{=a->1 =b->2 =->3}\n"
                        "\n::D::S?{=x =%50%y}\n\n::E::T?{F#no#yes####gf}\n\n::F::R?{~%50%a ~%50%b ~c}\n")
    text = to_bank_json(result.questions)
    assert parse_bank_json(text) == result.questions
    assert json.loads(text) == result.to_bank()


# -- the shared validator, type by type --------------------------------------------
def issues(q) -> list[str]:
    return [str(i) for i in validate_question(q)]


def test_multiple_choice_rules():
    assert issues(question()) == []
    assert issues(question(choices=[{"text": "a", "correct": True}, {"text": "b", "correct": True}])) == [
        "choices: needs exactly one correct choice (has 2)"]
    assert issues(question(choices=[{"text": "a", "correct": False}, {"text": "b", "correct": False}])) == [
        "choices: needs exactly one correct choice (has 0)"]
    assert "choices[1].text: must not be empty" in issues(
        question(choices=[{"text": "a", "correct": True}, {"text": " ", "correct": False}]))
    assert "choices[0].fraction: the correct choice must be worth 1 (got 0.5)" in issues(
        question(choices=[{"text": "a", "correct": True, "fraction": 0.5}, {"text": "b", "correct": False}]))


def test_multiple_response_rules():
    mr = dict(type="multiple_response")
    assert issues(question(**mr, choices=[{"text": "a", "correct": True}, {"text": "b", "correct": True}])) == []
    assert issues(question(**mr, choices=[{"text": "a", "correct": False}, {"text": "b", "correct": False}])) == [
        "choices: needs at least one correct choice"]
    weighted = [{"text": "a", "correct": True, "fraction": 0.5}, {"text": "b", "correct": True, "fraction": 0.4},
                {"text": "c", "correct": False, "fraction": -1}]
    assert issues(question(**mr, choices=weighted)) == [
        "choices: the positive fractions must add up to 1 (they add up to 0.9)"]
    weighted[1]["correct"] = False
    assert any("fraction is positive" in i for i in issues(question(**mr, choices=weighted)))


def test_true_false_rules():
    ok = [{"text": "True", "correct": True}, {"text": "False", "correct": False}]
    assert issues(question(type="true_false", choices=ok)) == []
    assert issues(question(type="true_false", choices=[{"text": "Yes", "correct": True},
                                                        {"text": "No", "correct": False}])) == [
        'choices: must be exactly the two choices "True" and "False"']


def test_short_answer_and_numeric_rules():
    sa = question(type="short_answer", answer="Paris", accept=["paris"])
    del sa["choices"]
    assert issues(sa) == []
    assert issues({**sa, "answer": ""}) == ["answer: must not be empty"]
    assert issues({**sa, "answers": [{"text": "x", "fraction": 0.5}]}) == [
        "answers: needs one answer worth 100% so that full marks are possible"]
    num = {**sa, "type": "numeric", "answer": "42,230", "tolerance": 10, "accept": ["25 per cent"]}
    assert issues(num) == []
    assert issues({**num, "answer": "many"}) == ["answer: must be a number (got 'many')"]
    assert issues({**num, "tolerance": -1}) == ["tolerance: must be a number >= 0"]
    assert issues({**num, "tolerance": "1"}) == ["tolerance: must be a number >= 0"]
    assert issues({**num, "min": 5, "max": 1}) == ["min: min (5) is above max (1)"]


def test_matching_and_ordering_rules():
    m = question(type="matching", pairs=[["a", "1"], ["b", "2"]])
    del m["choices"]
    assert issues(m) == []
    assert issues({**m, "pairs": [["a", "1"]]}) == ["pairs: needs at least 2 pairs (has 1)"]
    assert issues({**m, "pairs": [["a", "1"], ["A", "2"]]}) == [
        "pairs[1][0]: repeats the item 'A' (options must be distinct)"]
    assert issues({**m, "pairs": [["a", "1"], ["b"]]}) == ["pairs[1]: must be a [left, right] pair of strings"]
    assert issues({**m, "distractors": ["1"]}) == ["distractors[0]: '1' is already a right-hand answer"]
    o = {**m, "type": "ordering", "sequence": ["x", "y"]}
    assert issues(o) == []
    assert issues({**o, "sequence": ["x"]}) == ["sequence: needs at least 2 items (has 1)"]


def test_common_fields():
    assert issues(question(difficulty=2)) == ["difficulty: must be a number from 0 to 1"]
    assert issues(question(status="live")) == ["status: must be one of published, needs_review, retired"]
    assert issues(question(citation={**CITATION, "start": 9, "end": 2})) == [
        "citation: start and end must be offsets with 0 <= start <= end"]
    assert issues(question(citation=None, format="rtf")) == [
        "format: must be one of moodle, html, plain, markdown"]
    assert issues("x") == ["a question must be an object"]


def test_generated_banks_are_valid():
    files = sorted(BANK.glob("*.json"))
    if not files:
        pytest.skip("no generated bank in questions/bank/")
    for path in files:
        try:
            assert parse_bank_json(path.read_bytes())
        except BankJsonError as exc:
            pytest.fail(f"{path.name}:\n{exc}")
