"""GIFT import: every case of shared/conformance/gift/, then the rules of its SPEC.md."""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from quizapp.engine.gift import (
    UTF8_ERROR, GiftError, GiftResult, default_name, extract_idnumber_and_tags, parse_gift,
    split_category_path, to_gift,
)

CONFORMANCE = Path(__file__).resolve().parents[1].parent / "shared" / "conformance" / "gift"


def conformance_dir() -> Path:
    """The shared folder; its absence fails on CI and skips elsewhere."""
    if not (CONFORMANCE / "expected.json").is_file():
        message = (f"GIFT conformance data not found at {CONFORMANCE}: clone the shared/ "
                   "repository beside this one (../shared/conformance/gift/)")
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return CONFORMANCE


def _load(name: str):
    path = CONFORMANCE / name
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


EXPECTED = (_load("expected.json") or {}).get("cases", {})
CASE_NAMES = sorted(EXPECTED) or ["<conformance data missing>"]
COMMENT_CASES = (_load("comment_metadata_cases.json") or {}).get("cases") or [None]
CATEGORY_CASES = (_load("category_path_cases.json") or {}).get("cases") or [None]
EXPORT_CASES = sorted(n for n in EXPECTED if n.startswith("export_")) or ["<conformance data missing>"]


# -- our questions in the neutral form of expected.json --------------------------
def neutral_question(q: dict) -> dict:
    fmt = q["format"]
    n = {"name": q["name"], "questiontext": q["prompt"], "questiontextformat": fmt,
         "generalfeedback": q.get("explanation", ""),
         "generalfeedbackformat": q.get("explanation_format", fmt), "answers": []}
    kind = q["type"]
    if kind in ("multiple_choice", "multiple_response"):
        n["type"], n["single"] = "multichoice", kind == "multiple_choice"
        n["answers"] = [{"text": c["text"], "fraction": c["fraction"], "feedback": c["feedback"],
                         "format": c.get("format", fmt), "feedbackformat": c.get("feedback_format", fmt)}
                        for c in q["choices"]]
    elif kind == "true_false":
        n["type"] = "truefalse"
        n["answers"] = [{"text": c["text"], "fraction": c["fraction"], "feedback": c["feedback"],
                         "feedbackformat": c.get("feedback_format", fmt)} for c in q["choices"]]
        n["correctanswer"] = q["choices"][0]["correct"]
    elif kind in ("short_answer", "numeric"):
        n["type"] = "shortanswer" if kind == "short_answer" else "numerical"
        for a in q["answers"]:
            entry = {"text": a["text"], "fraction": a["fraction"], "feedback": a["feedback"],
                     "feedbackformat": a.get("feedback_format", fmt)}
            if kind == "numeric":
                entry["tolerance"] = a["tolerance"]
            n["answers"].append(entry)
    elif kind == "matching":
        n["type"] = "match"
        formats = q.get("pair_formats") or [None] * len(q["pairs"])
        n["subquestions"] = [{"text": left, "format": f or fmt, "answer": right}
                             for (left, right), f in zip(q["pairs"], formats)]
        n["subquestions"] += [{"text": "", "format": fmt, "answer": d} for d in q.get("distractors", [])]
    else:
        n["type"] = kind
    n["idnumber"] = q.get("idnumber", "")
    n["tags"] = q.get("tags", [])
    return n


def neutral(result: GiftResult) -> list[dict]:
    """Everything the file holds, in file order, as expected.json writes it."""
    entries = [(c["line"], {"type": "category", "category": c["path"]}) for c in result.categories]
    entries += [(line, neutral_question(q)) for line, q in zip(result.question_lines, result.questions)]
    entries += [(s["line"], neutral_question(s["question"])) for s in result.skipped]
    return [e for _, e in sorted(entries, key=lambda e: e[0])]


NOT_GIFT = {"essay_defaults"}  # Moodle's own defaults for imported essays, not GIFT syntax


def assert_like(expected, actual, path="question"):
    if isinstance(expected, dict):
        assert isinstance(actual, dict), f"{path}: expected an object, got {actual!r}"
        for key, value in expected.items():
            if key in NOT_GIFT:
                continue
            assert key in actual, f"{path}.{key} is missing"
            assert_like(value, actual[key], f"{path}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list) and len(actual) == len(expected), \
            f"{path}: expected {len(expected)} items, got {actual!r}"
        for i, (e, a) in enumerate(zip(expected, actual)):
            assert_like(e, a, f"{path}[{i}]")
    elif isinstance(expected, (int, float)) and not isinstance(expected, bool):
        assert isinstance(actual, (int, float)) and not isinstance(actual, bool), \
            f"{path}: expected the number {expected}, got {actual!r}"
        assert actual == pytest.approx(expected, abs=1e-7), f"{path}: {actual} != {expected}"
    else:
        assert actual == expected, f"{path}: {actual!r} != {expected!r}"


def _check_question(expected: dict, actual: dict) -> None:
    assert_like(expected, actual)
    # Fields the expectation leaves out must be empty here too.
    assert actual["idnumber"] == expected.get("idnumber", "")
    assert actual["tags"] == expected.get("tags", [])


@pytest.mark.parametrize("ci, outcome", [("true", pytest.fail.Exception), ("", pytest.skip.Exception)])
def test_missing_conformance_data_fails_on_ci_and_skips_elsewhere(monkeypatch, tmp_path, ci, outcome):
    monkeypatch.setattr(__import__(__name__), "CONFORMANCE", tmp_path / "nowhere")
    monkeypatch.setenv("CI", ci)
    with pytest.raises(outcome, match="GIFT conformance data not found"):
        conformance_dir()


@pytest.mark.parametrize("name", CASE_NAMES)
def test_conformance_case(name):
    folder = conformance_dir()
    case = EXPECTED[name]
    data = (folder / "cases" / name).read_bytes()
    if "expect_error" in case:
        with pytest.raises(GiftError) as info:
            parse_gift(data)
        assert [e.message for e in info.value.errors] == [case["expect_error"]]
        assert info.value.errors[0].line >= 1
        return
    got = neutral(parse_gift(data))
    if "questions" in case:  # whole-file fixtures
        assert [q["type"] for q in got] == [q["type"] for q in case["questions"]]
        for expected, actual in zip(case["questions"], got):
            if expected["type"] == "category":
                assert actual == expected
            else:
                _check_question(expected, actual)
        count = case.get("asserted", {}).get("imported_question_count")
        if count is not None:
            assert sum(q["type"] != "category" for q in got) == count
        return
    assert len(got) == 1, f"expected one question, got {got}"
    expected = dict(case["question"])
    if "file_mode_questiontext" in case:  # a file import trims every line
        expected["questiontext"] = case["file_mode_questiontext"]
    _check_question(expected, got[0])


def test_every_case_file_has_an_expectation():
    folder = conformance_dir()
    files = sorted(p.name for p in (folder / "cases").glob("*.gift"))
    assert files == sorted(EXPECTED)


def test_pre_content_keeps_indentation_like_readquestion():
    folder = conformance_dir()
    case = EXPECTED["import_pre_content.gift"]
    result = parse_gift((folder / "cases" / "import_pre_content.gift").read_text("utf-8"),
                        keep_indentation=True)
    assert result.skipped[0]["question"]["prompt"] == case["question"]["questiontext"]


@pytest.mark.parametrize("name", [n for n in CASE_NAMES if n.startswith("import_")
                                  and n != "import_pre_content.gift"] or CASE_NAMES[:1])
def test_single_question_cases_read_the_same_untrimmed(name):
    """Moodle's unit tests read these with untrimmed lines; only <pre> content differs (above)."""
    folder = conformance_dir()
    text = (folder / "cases" / name).read_text("utf-8")
    assert neutral(parse_gift(text, keep_indentation=True)) == neutral(parse_gift(text))


@pytest.mark.parametrize("name", EXPORT_CASES)
def test_moodle_export_cases_are_written_exactly(name):
    """Parse Moodle's export, give the question Moodle's id, write it: the same bytes."""
    folder = conformance_dir()
    text = (folder / "cases" / name).read_text("utf-8")
    result = parse_gift(text)
    questions = result.questions + [s["question"] for s in result.skipped]
    assert len(questions) == 1
    questions[0]["id"] = re.match(r"// question: (\S+)  name: ", text).group(1)
    assert to_gift(questions) == text


@pytest.mark.parametrize("case", COMMENT_CASES, ids=lambda c: c["name"] if c else "missing")
def test_comment_metadata(case):
    conformance_dir()
    idnumber, tags = extract_idnumber_and_tags(case["comment"])
    assert idnumber == case["expected_idnumber"]
    assert tags == case["expected_tags"]
    lines = case["comment"].split("\n")
    if all(line.startswith("//") for line in lines):  # also as the comments of a question
        (q,) = parse_gift("\n".join(lines) + "\n::Q::Is it?{T}\n").questions
        assert q.get("idnumber", "") == case["expected_idnumber"]
        assert q.get("tags", []) == case["expected_tags"]


@pytest.mark.parametrize("case", CATEGORY_CASES, ids=lambda c: c["name"] if c else "missing")
def test_category_path(case):
    conformance_dir()
    assert split_category_path(case["path"]) == case["expected"]


# -- SPEC.md rules beyond the cases ---------------------------------------------------
def one(text: str, **kw) -> dict:
    result = parse_gift(text, **kw)
    assert len(result.questions) == 1, result
    return result.questions[0]


def errors_of(text, **kw) -> list[tuple[int, str]]:
    with pytest.raises(GiftError) as info:
        parse_gift(text, **kw)
    return [(e.line, e.message) for e in info.value.errors]


def test_missing_word_keeps_text_after_the_answers():
    q = one("Grant is {~buried =entombed ~living} in Grant's tomb.")
    assert q["prompt"] == "Grant is _____ in Grant's tomb."
    assert q["type"] == "multiple_choice"
    assert [c["text"] for c in q["choices"] if c["correct"]] == ["entombed"]


def test_default_name_is_the_text_without_html_cut_to_80():
    q = one("<b>Who</b> is buried in Grant's tomb? " + "x" * 100 + "{=no one ~Grant}")
    assert q["name"].startswith("Who is buried") and len(q["name"]) <= 80
    assert q["name"].endswith("...")
    assert default_name("<p></p>") == "Question name"


def test_unclosed_name_is_dropped_and_a_name_generated():
    assert one("::No end Who? {=a ~b}")["name"] == "No end Who?"


def test_escapes_and_double_backslash():
    q = one(r"::a\:b:: 1 \~ 2 \= 3 \# 4 \{5\} \\ \\\\ \n next \% \[x\] {=yes\=no ~no}")
    assert q["name"] == "a:b"
    assert q["prompt"] == "1 ~ 2 = 3 # 4 {5} \\ \\\\ \n next \\% \\[x\\]"
    assert q["choices"][0]["text"] == "yes=no"


def test_comments_are_whole_lines_only():
    result = parse_gift("// just a comment\n\n// c\nWhat // is not a comment?\n// inside\n{=a ~b}\n")
    (q,) = result.questions
    assert q["prompt"] == "What // is not a comment?"
    assert result.question_lines == [4]


def test_question_without_braces_is_a_description_and_is_reported():
    result = parse_gift("::Intro:: Read this first.\n\n::Q::Is it?{TRUE}\n\n::E::Discuss.{####Look}\n")
    assert [(s["line"], s["type"], s["name"]) for s in result.skipped] == [
        (1, "description", "Intro"), (5, "essay", "E")]
    assert all("does not grade" in s["reason"] for s in result.skipped)
    assert result.skipped[1]["question"]["explanation"] == "Look"
    assert len(result.questions) == 1


def test_general_feedback_is_after_the_last_four_hashes():
    q = one("Q?{=a#fa ~b#fb ####[html]<b>gf</b>}")
    assert q["explanation"] == "<b>gf</b>" and q["explanation_format"] == "html"
    assert q["choices"][1]["feedback"] == "fb"


def test_formats_follow_the_question_text():
    q = one("[markdown]Q?{=[html]a#[plain]f ~b#g}")
    assert q["format"] == "markdown"
    assert q["choices"][0] == {"text": "a", "correct": True, "feedback": "f", "fraction": 1.0,
                               "format": "html", "feedback_format": "plain"}
    assert "format" not in q["choices"][1] and "feedback_format" not in q["choices"][1]


def test_unknown_format_word_stays_in_the_text():
    assert one("[foo]Q?{=a ~b}")["prompt"] == "[foo]Q?"


def test_multiple_choice_weights_and_single_versus_multiple():
    q = one("Q?{~%50%a ~%50%b ~%-100%c}")
    assert q["type"] == "multiple_response"
    assert [(c["correct"], c["fraction"]) for c in q["choices"]] == [(True, .5), (True, .5), (False, -1.0)]
    q = one("Q?{=%50%a ~%50%b ~c}")  # '=' wins: a is worth 100% and keeps '%50%' as text
    assert q["type"] == "multiple_choice"
    assert q["choices"][0] == {"text": "%50%a", "correct": True, "feedback": "", "fraction": 1.0}
    assert q["choices"][1]["fraction"] == 0.5 and not q["choices"][1]["correct"]
    q = one("Q?{~%33.33333%a ~%33.333%b ~%33.3333333%c ~%-100%d}")
    assert [c["fraction"] for c in q["choices"]] == [0.3333333, 0.3333333, 0.3333333, -1.0]


def test_weight_that_is_not_a_moodle_grade():
    (first, second) = errors_of("Q?{\n~%45%a\n~%55%b\n}")
    assert first[0] == 2 and "invalid grade 45%" in first[1]
    assert second[0] == 3 and "invalid grade 55%" in second[1]
    q = one("Q?{~%62%a ~%38%b}", matchgrades="nearest")
    assert [c["fraction"] for c in q["choices"]] == [0.6, 0.4]
    with pytest.raises(ValueError):
        parse_gift("Q?{T}", matchgrades="ignore")


def test_true_false_feedback_wrong_first():
    q = one("Q?{TRUE#wrong answer#right answer####general}")
    true, false = q["choices"]
    assert true == {"text": "True", "correct": True, "feedback": "right answer", "fraction": 1.0}
    assert false == {"text": "False", "correct": False, "feedback": "wrong answer", "fraction": 0.0}
    assert q["explanation"] == "general"
    assert one("Q?{F}")["choices"][1]["correct"] is True
    assert one("Q?{true}")["type"] == "short_answer"  # upper case only


def test_short_answer():
    q = one("Who?{=no one =%50%nobody#close =[html]none}")
    assert q["type"] == "short_answer"
    assert q["answer"] == "no one" and q["accept"] == ["no one", "none"]
    assert [(a["text"], a["fraction"], a["feedback"]) for a in q["answers"]] == [
        ("no one", 1.0, ""), ("nobody", 0.5, "close"), ("none", 1.0, "")]


def test_numerical_forms():
    q = one("When?{#1822:5}")
    assert (q["answer"], q["tolerance"]) == ("1822", 5.0)
    q = one("When?{#1..5}")
    assert (q["answer"], q["tolerance"], q["min"], q["max"]) == ("3", 2.0, 1.0, 5.0)
    assert q["answers"][0] == {"text": "1..5", "value": 3.0, "tolerance": 2.0, "min": 1.0, "max": 5.0,
                               "fraction": 1.0, "feedback": ""}
    q = one("When?{# =1822:0 =%50%1822:2#close ~#no}")
    assert [(a["value"], a["tolerance"], a["fraction"], a["feedback"]) for a in q["answers"]] == [
        (1822.0, 0.0, 1.0, ""), (1822.0, 2.0, 0.5, "close"), (None, None, 0.0, "no")]
    assert one("Pi?{#3.14}")["answer"] == "3.14"


def test_numerical_value_that_is_not_a_number_becomes_star_with_a_warning():
    result = parse_gift("Q?{#=12:1 =%50%abc}")
    assert result.questions[0]["answers"][1]["text"] == "*"
    assert result.questions[0]["answers"][1]["value"] is None
    assert result.warnings and result.warnings[0].line == 1 and "'abc'" in result.warnings[0].message


def test_numerical_errors():
    assert errors_of("Q?{#}") == [(1, "No answers found for numerical question")]
    ((line, message),) = errors_of("Q?\n{#\n=12:abc\n}")
    assert line == 3 and "must be numeric" in message


def test_matching():
    q = one("Match.{\n=Canada -> Ottawa\n=Italy->Rome\n= -> Paris\n=Japan -> Tokyo -> Edo\n}")
    assert q["type"] == "matching"
    assert q["pairs"] == [["Canada", "Ottawa"], ["Italy", "Rome"], ["Japan", "Tokyo -> Edo"]]
    assert q["distractors"] == ["Paris"]
    ((line, message),) = errors_of("Match.{\n=Canada -> Ottawa\n=Italy Rome\n}")
    assert line == 3 and "improperly formatted" in message


def test_category_switch_applies_to_following_questions():
    result = parse_gift("$CATEGORY: $course$/top/A//B\n\nQ1?{T}\n\n$CATEGORY: $system$/C\n\nQ2?{F}\n")
    assert [(c["line"], c["names"], c["context"]) for c in result.categories] == [
        (1, ["$course$", "top", "A/B"], "course"), (5, ["$system$", "C"], "system")]
    assert [q["category"] for q in result.questions] == ["$course$/top/A//B", "$system$/C"]
    assert parse_gift("$CATEGORY: $cat1$/X\n").categories[0]["context"] is None
    result = parse_gift("$CATEGORY: A\nQ?{T}\n")  # no blank line: Moodle reads it all as the path
    assert result.categories[0]["path"] == "A\nQ?{T}" and not result.questions
    assert result.warnings[0].line == 2 and "blank line" in result.warnings[0].message


def test_line_endings_bom_and_encoding():
    assert len(parse_gift("\ufeffQ1?{T}\r\n\r\nQ2?{F}\r\n").questions) == 2
    assert len(parse_gift("Q1?{T}\r\rQ2?{F}\r").questions) == 2  # old Mac: CR only
    assert len(parse_gift("\ufeffQ1?{T}".encode("utf-8")).questions) == 1
    with pytest.raises(GiftError) as info:
        parse_gift("Q1?{T}\n\nQ2 caf\xe9?{F}\n".encode("latin-1"))
    assert [(e.line, e.message) for e in info.value.errors] == [(3, UTF8_ERROR)]


def test_blank_line_of_white_space_separates_questions():
    assert len(parse_gift("Q1?{T}\n \t \nQ2?{F}").questions) == 2


def test_every_error_is_reported_with_its_line_and_nothing_is_returned():
    text = ("::ok:: Fine?{T}\n\n"            # 1
            "::b:: Broken {=a ~b\n\n"        # 3: no closing brace
            "::c:: One choice?{~only}\n\n"   # 5: not enough answers
            "::d:: Two right?{\n=a\n=b\n~c\n}\n\n"  # 7: two correct choices
            "::e::{T}\n\n"                   # 13: empty prompt
            "::f:: Short?{=%50%half}\n")     # 15: no answer worth 100%
    errors = errors_of(text)
    assert [line for line, _ in errors] == [3, 5, 7, 13, 15]
    assert "Could not find {...} around answers" in errors[0][1]
    assert "not enough answers" in errors[1][1]
    assert "exactly one correct choice (has 2)" in errors[2][1] and "'d'" in errors[2][1]
    assert "prompt" in errors[3][1]
    assert "100%" in errors[4][1]


def test_error_on_a_duplicate_choice_names_its_line():
    ((line, message),) = errors_of("Q?{\n=Paris\n~London\n~london\n}")
    assert line == 4 and "distinct" in message


def test_closing_brace_before_opening_is_an_error():
    ((line, message),) = errors_of("a } b { c")
    assert line == 1 and "{...}" in message


def test_reserved_characters_are_refused():
    assert errors_of("Q\ufdd0?{T}")[0][0] == 1


def test_duplicate_questions_get_distinct_stable_ids():
    text = "Q?{T}\n\nQ?{T}\n"
    ids = [q["id"] for q in parse_gift(text).questions]
    assert ids[0] != ids[1] and ids == [q["id"] for q in parse_gift(text).questions]
    assert all(i.startswith("gift-") for i in ids)


def test_imported_questions_have_no_citation_and_match_the_bank_shape():
    q = one("Q?{=a ~b}")
    assert q["citation"] is None
    assert list(q)[:3] == ["id", "type", "prompt"]


def test_dry_run_output_is_json_serialisable():
    result = parse_gift("Q?{#3:1}\n\nR?{~%50%a ~%50%b ~c}\n")
    again = json.loads(json.dumps(result.to_bank()))
    assert again["questions"][0]["tolerance"] == 1.0
    assert [c["fraction"] for c in again["questions"][1]["choices"]] == [0.5, 0.5, 0.0]
